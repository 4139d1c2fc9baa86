package callback

// Typed views of more official account pushes: Wi-Fi connections (微信连
// Wi-Fi), product homepages (扫一扫), Shake Nearby (摇一摇周边) and shopping
// guide QR codes (顾问). They are added to the table of kinds below.

// Official account events added here. The names are case-sensitive as
// pushed.
const (
	EventWifiConnected        = "WifiConnected"
	EventUserScanProduct      = "user_scan_product"
	EventShakearoundUserShake = "ShakearoundUserShake"
	EventGuideQrcodeScan      = "guide_qrcode_scan_event"
)

// Results of a guide QR code scan (GuideScan.Action).
const (
	GuideScanGuideInvalid  = 1 // the code's guide is no longer valid
	GuideScanBound         = 2 // the user is now bound to the guide
	GuideScanAlreadyBound  = 3 // the user was already bound to this guide
	GuideScanBoundToOthers = 4 // the user is bound to another guide
)

func init() {
	kinds = append(kinds,
		Kind{Event: EventWifiConnected, Type: typeOf[WifiConnection](), Doc: "https://developers.weixin.qq.com/doc/service/en/WiFi_via_WeChat/Sending_messages_after_connection.html"},
		Kind{Event: EventUserScanProduct, Type: typeOf[ProductScan](), Doc: "https://developers.weixin.qq.com/doc/service/en/WeChat_Scan/Scan_QR_Code_Events_Push.html"},
		Kind{Event: EventShakearoundUserShake, Type: typeOf[BeaconShake](), Doc: "https://developers.weixin.qq.com/doc/service/en/Shake_Nearby/Shake_Event_Notifications.html"},
		Kind{Event: EventGuideQrcodeScan, Type: typeOf[GuideScan](), Doc: "https://developers.weixin.qq.com/doc/offiaccount/Shopping_Guide/guide-account/shopping-guide.onGuideCreateQrCode.html"},
	)
}

// WifiConnection is a WifiConnected event: a customer connected to a
// store's Wi-Fi through WeChat; the account may then send a customer
// service message. FromUserName is the customer.
//
// See https://developers.weixin.qq.com/doc/service/en/WiFi_via_WeChat/Sending_messages_after_connection.html.
type WifiConnection struct {
	ConnectTime int64  // unix seconds
	ExpireTime  int64  // reserved, fixed value
	VendorID    string `push:"VendorId"` // reserved, fixed value
	ShopID      string `push:"ShopId"`   // the store (shop_id)
	DeviceNo    string // wireless MAC address (BSSID) of the access point
}

// WifiConnection returns the fields of a WifiConnected event; ok is false
// for other pushes.
func (m *Message) WifiConnection() (WifiConnection, bool) { return typed[WifiConnection](m) }

// ProductScan is a user_scan_product event: a user opened a product
// homepage of the account, by scanning its code or from a chat,
// favorites or Moments.
//
// See https://developers.weixin.qq.com/doc/service/en/WeChat_Scan/Scan_QR_Code_Events_Push.html.
type ProductScan struct {
	KeyStandard string // code standard: ean13, ean8, qrcode, ...
	KeyStr      string // the code
	Country     string // as set by the user in WeChat
	Province    string
	City        string
	Sex         int    // 1 male, 2 female, 0 unknown
	Scene       int    // 1 scanned, 2 opened elsewhere (chat, favorites, Moments)
	ExtInfo     string // extinfo given when the product code was created
}

// ProductScan returns the fields of a user_scan_product event; ok is false
// for other pushes.
func (m *Message) ProductScan() (ProductScan, bool) { return typed[ProductScan](m) }

// BeaconShake is a ShakearoundUserShake event: a user shook under the
// Nearby tab of Shake. It gives the beacon whose page was shown and up to
// five beacons of the account nearby.
//
// See https://developers.weixin.qq.com/doc/service/en/Shake_Nearby/Shake_Event_Notifications.html.
type BeaconShake struct {
	ChosenBeacon  Beacon
	AroundBeacons []Beacon `push:"AroundBeacons/AroundBeacon"`
}

// Beacon is an iBeacon of a Shake Nearby event.
type Beacon struct {
	UUID     string  `push:"Uuid"`
	Major    int     // the documented example shows the placeholder "major"
	Minor    int     // the documented example shows the placeholder "minor"
	Distance float64 // meters from the phone
}

// BeaconShake returns the fields of a ShakearoundUserShake event; ok is
// false for other pushes.
func (m *Message) BeaconShake() (BeaconShake, bool) { return typed[BeaconShake](m) }

// GuideScan is a guide_qrcode_scan_event event: a user scanned the QR code
// of a shopping guide (顾问) created with guide/guidecreateqrcode. The
// fields come inside <GuideScanEvent>.
//
// See https://developers.weixin.qq.com/doc/offiaccount/Shopping_Guide/guide-account/shopping-guide.onGuideCreateQrCode.html.
type GuideScan struct {
	GuideAccount string `push:"GuideScanEvent/qrcode_guide_account"` // the guide's WeChat id
	GuideOpenID  string `push:"GuideScanEvent/qrcode_guide_openid"`  // for guides bound by openid
	OpenID       string `push:"GuideScanEvent/openid"`               // the user who scanned
	Action       int    `push:"GuideScanEvent/action"`               // GuideScan*
	QrcodeInfo   string `push:"GuideScanEvent/qrcode_info"`          // qrcode_info given when the code was created
}

// GuideScan returns the fields of a guide_qrcode_scan_event event; ok is
// false for other pushes.
func (m *Message) GuideScan() (GuideScan, bool) { return typed[GuideScan](m) }
