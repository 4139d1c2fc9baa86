package callback

// Typed views of more official account pushes: Wi-Fi connections (微信连
// Wi-Fi), product homepages (扫一扫) and Shake Nearby (摇一摇周边). They
// are added to the table of kinds below.

// Official account events added here. The names are case-sensitive as
// pushed.
const (
	EventWifiConnected        = "WifiConnected"
	EventUserScanProduct      = "user_scan_product"
	EventShakearoundUserShake = "ShakearoundUserShake"
)

func init() {
	kinds = append(kinds,
		Kind{Event: EventWifiConnected, Type: typeOf[WifiConnection](), Doc: "https://developers.weixin.qq.com/doc/service/en/WiFi_via_WeChat/Sending_messages_after_connection.html"},
		Kind{Event: EventUserScanProduct, Type: typeOf[ProductScan](), Doc: "https://developers.weixin.qq.com/doc/service/en/WeChat_Scan/Scan_QR_Code_Events_Push.html"},
		Kind{Event: EventShakearoundUserShake, Type: typeOf[BeaconShake](), Doc: "https://developers.weixin.qq.com/doc/service/en/Shake_Nearby/Shake_Event_Notifications.html"},
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
