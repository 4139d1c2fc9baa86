package channels_test

import (
	"encoding/json"
	"strings"
	"testing"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/channels"
	"github.com/weixin-go/wechat/fakewechat"
)

func newAddress(user string) *channels.MerchantAddress {
	return &channels.MerchantAddress{
		Name: "仓库",
		AddressInfo: channels.AddressInfo{UserName: user, PostalCode: "510983", ProvinceName: "广东省", CityName: "广州市",
			CountyName: "天河区", DetailInfo: "天河路1号 A&B <仓>", TelNumber: "18666666666", Lat: 23.12463, Lng: 113.36199},
		SendAddr: true, DefaultSend: true,
		AddressType: &channels.OfflineAddressType{Pickup: 1},
	}
}

func TestAddressLifecycle(t *testing.T) {
	srv, c := newClient(t)
	ctx := t.Context()
	id, err := c.Addresses.Add(ctx, newAddress("张三"))
	if err != nil || id == "" {
		t.Fatalf("Add = %q, %v", id, err)
	}
	want := `{"address_detail":{"name":"仓库","address_info":{"user_name":"张三","postal_code":"510983","province_name":"广东省",` +
		`"city_name":"广州市","county_name":"天河区","detail_info":"天河路1号 A&B <仓>","tel_number":"18666666666","lat":23.12463,"lng":113.36199},` +
		`"send_addr":true,"default_send":true,"recv_addr":false,"default_recv":false,"address_type":{"pickup":1}}}`
	if got := lastBody(t, srv, "POST /channels/ec/merchant/address/add"); got != want {
		t.Errorf("add body\n got %s\nwant %s", got, want)
	}
	a, err := c.Addresses.Get(ctx, id.String())
	if err != nil {
		t.Fatal(err)
	}
	if a.AddressID != id || a.AddressInfo.DetailInfo != "天河路1号 A&B <仓>" || !bool(a.DefaultSend) || bool(a.RecvAddr) ||
		a.CreateTime == 0 || a.UpdateTime != a.CreateTime || a.AddressType == nil || a.AddressType.Pickup != 1 || a.AddressInfo.Lng != 113.36199 {
		t.Fatalf("Get = %+v", a)
	}
	if got := lastBody(t, srv, "POST /channels/ec/merchant/address/get"); got != `{"address_id":"`+id.String()+`"}` {
		t.Errorf("get body = %s", got)
	}

	// A second default shipping address takes the default from the first.
	id2, err := c.Addresses.Add(ctx, newAddress("李四"))
	if err != nil {
		t.Fatal(err)
	}
	if a, _ := c.Addresses.Get(ctx, id.String()); a.DefaultSend {
		t.Error("first address still the default")
	}
	var ids []wechat.FlexID
	for x, err := range c.Addresses.List(ctx) {
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, x)
	}
	if len(ids) != 2 || ids[0] != id || ids[1] != id2 {
		t.Errorf("List = %v", ids)
	}
	if got := lastBody(t, srv, "POST /channels/ec/merchant/address/list"); got != `{"offset":0,"limit":100}` {
		t.Errorf("list body = %s", got)
	}
	page, err := c.Addresses.ListPage(ctx, 1, 5)
	if err != nil || len(page) != 1 || page[0] != id2 {
		t.Errorf("ListPage(1, 5) = %v, %v", page, err)
	}

	// Update.
	u := newAddress("王五")
	u.AddressID = id
	u.SendAddr, u.DefaultSend, u.RecvAddr, u.DefaultRecv = false, false, true, true
	if err := c.Addresses.Update(ctx, u); err != nil {
		t.Fatal(err)
	}
	var body struct {
		Detail map[string]any `json:"address_detail"`
	}
	if err := json.Unmarshal([]byte(lastBody(t, srv, "POST /channels/ec/merchant/address/update")), &body); err != nil ||
		body.Detail["address_id"] != id.String() || body.Detail["default_recv"] != true {
		t.Errorf("update body = %v, %v", body, err)
	}
	if a, _ := c.Addresses.Get(ctx, id.String()); a.AddressInfo.UserName != "王五" || !bool(a.DefaultRecv) || bool(a.SendAddr) {
		t.Errorf("after update %+v", a)
	}

	// Delete.
	if err := c.Addresses.Delete(ctx, id2.String()); err != nil {
		t.Fatal(err)
	}
	if got := lastBody(t, srv, "POST /channels/ec/merchant/address/delete"); got != `{"address_id":"`+id2.String()+`"}` {
		t.Errorf("delete body = %s", got)
	}
	_, err = c.Addresses.Get(ctx, id2.String())
	wantAPIError(t, err, fakewechat.CodeInvalidArgs)
	wantAPIError(t, c.Addresses.Delete(ctx, id2.String()), fakewechat.CodeInvalidArgs)
	if page, err := c.Addresses.ListPage(ctx, 0, 10); err != nil || len(page) != 1 {
		t.Errorf("after delete %v, %v", page, err)
	}
}

func TestAddressErrors(t *testing.T) {
	srv, c := newClient(t)
	ctx := t.Context()
	before := len(srv.Requests())
	_, err := c.Addresses.Add(ctx, nil)
	wantArgError(t, srv, before, err, "address_detail")
	a := newAddress("")
	_, err = c.Addresses.Add(ctx, a)
	wantArgError(t, srv, before, err, "user_name")
	a = newAddress("张三")
	a.AddressInfo.CountyName = ""
	_, err = c.Addresses.Add(ctx, a)
	wantArgError(t, srv, before, err, "county_name")
	wantArgError(t, srv, before, c.Addresses.Update(ctx, newAddress("张三")), "address_id")
	_, err = c.Addresses.Get(ctx, "")
	wantArgError(t, srv, before, err, "address_id")
	wantArgError(t, srv, before, c.Addresses.Delete(ctx, ""), "address_id")
	_, err = c.Addresses.ListPage(ctx, -1, 10)
	wantArgError(t, srv, before, err, "offset")
	_, err = c.Addresses.ListPage(ctx, 0, 0)
	wantArgError(t, srv, before, err, "limit")

	u := newAddress("张三")
	u.AddressID = "999"
	wantAPIError(t, c.Addresses.Update(ctx, u), fakewechat.CodeInvalidArgs)
	srv.Inject(fakewechat.Fault{Path: "POST /channels/ec/merchant/address/list", Errcode: 48001, Times: 1})
	for _, err := range c.Addresses.List(ctx) {
		wantAPIError(t, err, 48001)
	}
}

func TestAddressFlag(t *testing.T) {
	// The docs' examples answer 0/1 where their tables say boolean.
	var a channels.MerchantAddress
	if err := json.Unmarshal([]byte(`{"address_id":12345,"send_addr":0,"default_send":1,"recv_addr":true,"default_recv":null}`), &a); err != nil {
		t.Fatal(err)
	}
	if a.AddressID != "12345" || a.SendAddr || !a.DefaultSend || !a.RecvAddr || a.DefaultRecv {
		t.Errorf("decoded %+v", a)
	}
	if err := json.Unmarshal([]byte(`{"send_addr":"yes"}`), &a); err == nil {
		t.Error("send_addr \"yes\" decoded")
	}
}

func FuzzAddressFlag(f *testing.F) {
	for _, s := range []string{"true", "false", "0", "1", "null", `"1"`, "2", " 1 ", "{}"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var flag channels.AddressFlag
		if err := json.Unmarshal([]byte(s), &flag); err != nil {
			return
		}
		switch v := strings.TrimSpace(s); v {
		case "true", "1", "false", "0", "null":
			if bool(flag) != (v == "true" || v == "1") {
				t.Errorf("%q decoded as %v", s, flag)
			}
		default:
			t.Errorf("%q accepted", s)
		}
	})
}
