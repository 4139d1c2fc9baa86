package callback

import (
	"reflect"
	"testing"
)

func TestWifiConnection(t *testing.T) {
	m := sample(t, "oa_wificonnected.xml")
	got, ok := m.WifiConnection()
	if want := (WifiConnection{VendorID: "3001224419", ShopID: "PlaceId", DeviceNo: "DeviceNo"}); !ok || got != want {
		t.Errorf("\n got %+v, %v\nwant %+v", got, ok, want)
	}
	if m.FromUserName != "FromUser" || m.CreateTime != 123456789 {
		t.Errorf("envelope %+v", m)
	}
	// The event name is case-sensitive.
	lower := mustParse(t, wrap(`<MsgType>event</MsgType><Event>wificonnected</Event><ConnectTime>1</ConnectTime>`))
	if _, ok := lower.WifiConnection(); ok {
		t.Error("wificonnected matched WifiConnected")
	}
	bad := mustParse(t, wrap(`<MsgType>event</MsgType><Event>WifiConnected</Event><ConnectTime>today</ConnectTime>`))
	if _, ok := bad.WifiConnection(); ok {
		t.Error("a ConnectTime that is not a number decoded")
	}
}

func TestProductScan(t *testing.T) {
	got, ok := sample(t, "oa_user_scan_product.xml").ProductScan()
	want := ProductScan{KeyStandard: "ean13", KeyStr: "6901481811083", Country: "中国", Province: "广东", City: "揭阳", Sex: 1, Scene: 2, ExtInfo: "123"}
	if !ok || got != want {
		t.Errorf("\n got %+v, %v\nwant %+v", got, ok, want)
	}
}

func TestBeaconShake(t *testing.T) {
	got, ok := sample(t, "oa_shakearoundusershake.xml").BeaconShake()
	want := BeaconShake{
		ChosenBeacon:  Beacon{"uuid", 10001, 19007, 0.057},
		AroundBeacons: []Beacon{{"uuid", 10001, 19008, 166.816}, {"uuid", 10001, 19009, 15.013}},
	}
	if !ok || !reflect.DeepEqual(got, want) {
		t.Errorf("\n got %+v, %v\nwant %+v", got, ok, want)
	}
	// The documented example shows "major" and "minor" where the numbers
	// go: a Major that is not a number is reported, not read as 0.
	placeholder := mustParse(t, wrap(`<MsgType>event</MsgType><Event>ShakearoundUserShake</Event><ChosenBeacon><Uuid>u</Uuid><Major>major</Major></ChosenBeacon>`))
	var v BeaconShake
	if err := placeholder.Decode(&v); err == nil || err.Error() != "callback: element ChosenBeacon/Major is not a valid integer" {
		t.Errorf("placeholder Major: %v", err)
	}
	if _, ok := placeholder.BeaconShake(); ok {
		t.Error("accessor ok with a placeholder Major")
	}
}

func TestGuideScan(t *testing.T) {
	m := sample(t, "oa_guide_qrcode_scan_event.xml")
	got, ok := m.GuideScan()
	// The documented example's action is 11, outside the listed values
	// 1-4; it arrives as pushed.
	if want := (GuideScan{GuideAccount: "xxx", GuideOpenID: "xxx", OpenID: "xxx", Action: 11, QrcodeInfo: "xxx"}); !ok || got != want {
		t.Errorf("\n got %+v, %v\nwant %+v", got, ok, want)
	}
	bound := mustParse(t, wrap(`<MsgType>event</MsgType><Event>guide_qrcode_scan_event</Event><GuideScanEvent><qrcode_guide_account>g1</qrcode_guide_account><openid>o1</openid><action>2</action></GuideScanEvent>`))
	if got, ok := bound.GuideScan(); !ok || got != (GuideScan{GuideAccount: "g1", OpenID: "o1", Action: GuideScanBound}) {
		t.Errorf("bound: %+v, %v", got, ok)
	}
	// The fields are read inside GuideScanEvent only.
	flat := mustParse(t, wrap(`<MsgType>event</MsgType><Event>guide_qrcode_scan_event</Event><openid>o1</openid>`))
	if got, ok := flat.GuideScan(); !ok || got.OpenID != "" {
		t.Errorf("flat: %+v, %v", got, ok)
	}
}
