package callback

import (
	"context"
	"reflect"
	"testing"
)

// The samples are the examples of the Channels shop pages (the JSON the
// shop pushes, decrypted).

func TestChannelsOrderEvents(t *testing.T) {
	for file, want := range map[string]ChannelsOrderEvent{
		"channels_ec_order_new.json":             {OrderID: "3705115058471208928"},
		"channels_ec_order_cancel.json":          {OrderID: "3705115058471208928", CancelType: ChannelsOrderCancelByUser},
		"channels_ec_order_deliver.json":         {OrderID: "3705115058471208928", FinishDelivery: 1},
		"channels_ec_order_ext_info_update.json": {OrderID: "3705115058471208928", Type: 1},
	} {
		m := sample(t, file)
		got, ok := m.ChannelsOrderEvent()
		if !ok || got != want {
			t.Errorf("%s:\n got %+v, %v\nwant %+v", file, got, ok, want)
		}
		if m.ToUserName != "gh_*" || m.FromUserName != "OPENID" || m.CreateTime != 1662480000 {
			t.Errorf("%s: envelope %+v", file, m)
		}
	}
	// An order id sent as a string reads the same; one above 2^63 is kept
	// exactly.
	s := mustParse(t, `{"ToUserName":"gh_*","CreateTime":1,"MsgType":"event","Event":"channels_ec_order_new","order_info":{"order_id":"3705115058471208928"}}`)
	if got, ok := s.ChannelsOrderEvent(); !ok || got.OrderID != "3705115058471208928" {
		t.Errorf("string id: %+v, %v", got, ok)
	}
	big := mustParse(t, `{"MsgType":"event","Event":"channels_ec_order_new","order_info":{"order_id":18446744073709551615}}`)
	if got, ok := big.ChannelsOrderEvent(); !ok || got.OrderID != "18446744073709551615" {
		t.Errorf("big id: %+v, %v", got, ok)
	}
	// The same push in XML.
	x := mustParse(t, wrap(`<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[channels_ec_order_cancel]]></Event><order_info><order_id>3705115058471208928</order_id><cancel_type>2</cancel_type></order_info>`))
	if got, ok := x.ChannelsOrderEvent(); !ok || got != (ChannelsOrderEvent{OrderID: "3705115058471208928", CancelType: ChannelsOrderCancelTimeout}) {
		t.Errorf("XML: %+v, %v", got, ok)
	}
	bad := mustParse(t, `{"MsgType":"event","Event":"channels_ec_order_cancel","order_info":{"order_id":1,"cancel_type":"user"}}`)
	if _, ok := bad.ChannelsOrderEvent(); ok {
		t.Error("a cancel_type that is not a number decoded")
	}
	if _, ok := sample(t, "channels_ec_aftersale_update.json").ChannelsOrderEvent(); ok {
		t.Error("an after-sale event read as an order event")
	}
}

func TestChannelsAftersale(t *testing.T) {
	m := sample(t, "channels_ec_aftersale_update.json")
	got, ok := m.ChannelsAftersale()
	want := ChannelsAftersale{Status: "USER_WAIT_RETURN", AfterSaleOrderID: "1234567", OrderID: "12345", WxaVipDiscountedPrice: 100}
	if !ok || got != want {
		t.Errorf("\n got %+v, %v\nwant %+v", got, ok, want)
	}
	if m.FromUserName != "OpenID" || m.CreateTime != 1662480000 {
		t.Errorf("envelope %+v", m)
	}
	// The present page's example uses the body name of
	// channels_ec_aftersale_update; its table names the body
	// finder_shop_present_aftersale_status_update. Both read.
	got, ok = sample(t, "channels_ec_present_aftersale_update.json").ChannelsAftersale()
	if want := (ChannelsAftersale{Status: "PLATFORM_REFUNDING", AfterSaleOrderID: "1234567", OrderID: "12345"}); !ok || got != want {
		t.Errorf("present:\n got %+v, %v\nwant %+v", got, ok, want)
	}
	p := mustParse(t, `{"MsgType":"event","Event":"channels_ec_present_aftersale_update","finder_shop_present_aftersale_status_update":{"status":"PLATFORM_REFUND_FAIL","after_sale_order_id":"7","order_id":"8"}}`)
	if got, ok := p.ChannelsAftersale(); !ok || got != (ChannelsAftersale{Status: "PLATFORM_REFUND_FAIL", AfterSaleOrderID: "7", OrderID: "8"}) {
		t.Errorf("present body name: %+v, %v", got, ok)
	}
	// The table's top-level wxa_vip_discounted_price reads too.
	top := mustParse(t, `{"MsgType":"event","Event":"channels_ec_aftersale_update","finder_shop_aftersale_status_update":{"status":"MERCHANT_PROCESSING"},"wxa_vip_discounted_price":250}`)
	if got, ok := top.ChannelsAftersale(); !ok || got.WxaVipDiscountedPrice != 250 || got.Status != "MERCHANT_PROCESSING" {
		t.Errorf("top-level price: %+v, %v", got, ok)
	}
	bad := mustParse(t, `{"MsgType":"event","Event":"channels_ec_aftersale_update","finder_shop_aftersale_status_update":{"wxa_vip_discounted_price":"1 yuan"}}`)
	if _, ok := bad.ChannelsAftersale(); ok {
		t.Error("a price that is not a number decoded")
	}

	g, ok := sample(t, "channels_ec_guarantee_update.json").ChannelsGuarantee()
	if want := (ChannelsGuarantee{Status: "STATUS_PAY_SUCC", GuaranteeOrderID: "1234567", OrderID: "12345"}); !ok || g != want {
		t.Errorf("guarantee:\n got %+v, %v\nwant %+v", g, ok, want)
	}
}

func TestChannelsProducts(t *testing.T) {
	a, ok := sample(t, "channels_product_spu_audit.json").ChannelsProductAudit()
	if !ok || a.ProductID != "12345678" || a.Status != 3 || a.Reason != "abc" || a.ProductType != 1 ||
		a.AuditInfo != `{"busi_audit_info":{"item_list":[{"multi_failed_reasons":[{"audit_reason":"你好,系统检测到店铺中已经有同款/高度相似商品等,当前商品经营受限(不在店铺首页中展示,无法被搜索和推荐给买家),如需解除限制,建议删除同款商品或提升商品信息区分度后,修改商品标题等信息后重新提审。"}],"busi_show_field_api":"","applicable_strategy_flag_list":[]}],"user_strategy_flag_list":[2,1]}}` {
		t.Errorf("audit: %+v, %v", a, ok)
	}
	l, ok := sample(t, "channels_product_spu_listing.json").ChannelsProductListing()
	if want := (ChannelsProductListing{ProductID: "12345678", Status: 3, Reason: "abc", ProductType: 1}); !ok || l != want {
		t.Errorf("listing:\n got %+v, %v\nwant %+v", l, ok, want)
	}
	u, ok := sample(t, "channels_product_spu_update.json").ChannelsProductUpdate()
	if want := (ChannelsProductUpdate{ProductID: "12345678"}); !ok || u != want {
		t.Errorf("update:\n got %+v, %v\nwant %+v", u, ok, want)
	}
	// A product id pushed as a number (as shops report receiving) and the
	// product_type of the field table.
	n := mustParse(t, `{"MsgType":"event","Event":"product_spu_update","ProductSpuUpdate":{"product_id":10000012909919,"status":2,"product_type":5}}`)
	if got, ok := n.ChannelsProductUpdate(); !ok || got != (ChannelsProductUpdate{ProductID: "10000012909919", Status: 2, ProductType: 5}) {
		t.Errorf("numeric id: %+v, %v", got, ok)
	}
	c, ok := sample(t, "channels_product_category_audit.json").ChannelsCategoryAudit()
	if want := (ChannelsCategoryAudit{AuditID: "123456", Status: 1, Reason: "xxx原因"}); !ok || c != want {
		t.Errorf("category:\n got %+v, %v\nwant %+v", c, ok, want)
	}
	if _, ok := sample(t, "channels_product_spu_listing.json").ChannelsProductAudit(); ok {
		t.Error("a listing read as an audit")
	}
	bad := mustParse(t, `{"MsgType":"event","Event":"product_category_audit","ProductCategoryAudit":{"status":"approved"}}`)
	if _, ok := bad.ChannelsCategoryAudit(); ok {
		t.Error("a status that is not a number decoded")
	}
}

func TestChannelsCoupons(t *testing.T) {
	for file, want := range map[string]ChannelsCouponEvent{
		"channels_ec_coupon_receive.json":     {CouponID: "19126", UserCouponID: "29730", ReceiveTime: "1662480000"},
		"channels_ec_user_coupon_use.json":    {CouponID: "19126", UserCouponID: "29730", OrderID: "3705115058471208928", UseTime: "1662480000"},
		"channels_ec_user_coupon_expire.json": {CouponID: "19126", UserCouponID: "29730", ExpireTime: "1662480000"},
		"channels_ec_coupon_invalid.json":     {CouponID: "19126", InvalidTime: "1662480000"},
		"channels_ec_coupon_delete.json":      {CouponID: "19126", DeleteTime: "1662480000"},
	} {
		got, ok := sample(t, file).ChannelsCouponEvent()
		if !ok || got != want {
			t.Errorf("%s:\n got %+v, %v\nwant %+v", file, got, ok, want)
		}
	}
}

// TestChannelsRouting: HandleEvent routes each shop event by name, and a
// handler reads the typed view.
func TestChannelsRouting(t *testing.T) {
	var got []string
	mux := NewMux()
	mux.HandleEvent(EventChannelsOrderCancel, func(_ context.Context, m *Message) (Reply, error) {
		o, _ := m.ChannelsOrderEvent()
		got = append(got, "cancel "+o.OrderID)
		return nil, nil
	})
	mux.HandleEvent(EventProductSpuAudit, func(_ context.Context, m *Message) (Reply, error) {
		a, _ := m.ChannelsProductAudit()
		got = append(got, "audit "+a.ProductID)
		return nil, nil
	})
	mux.Fallback(func(_ context.Context, m *Message) (Reply, error) {
		got = append(got, "other "+m.Event)
		return nil, nil
	})
	for _, file := range []string{"channels_ec_order_cancel.json", "channels_product_spu_audit.json", "channels_ec_order_new.json"} {
		if _, err := mux.ServeMessage(t.Context(), sample(t, file)); err != nil {
			t.Fatal(err)
		}
	}
	if want := []string{"cancel 3705115058471208928", "audit 12345678", "other channels_ec_order_new"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("routed %v, want %v", got, want)
	}
}

func TestChannelsFundsAndDisputes(t *testing.T) {
	c, ok := sample(t, "channels_ec_complaint_update.json").ChannelsComplaint()
	if want := (ChannelsComplaint{ComplaintStatus: 100, AfterSaleOrderID: "1234567", ComplaintID: "1234567", OrderID: "123244"}); !ok || c != want {
		t.Errorf("complaint:\n got %+v, %v\nwant %+v", c, ok, want)
	}
	m := sample(t, "channels_ec_withdraw_notify.json")
	w, ok := m.ChannelsWithdraw()
	if want := (ChannelsWithdraw{WithdrawID: "wds123123143144", Event: 1}); !ok || w != want {
		t.Errorf("withdraw:\n got %+v, %v\nwant %+v", w, ok, want)
	}
	if m.FromUserName != "" || m.ToUserName != "gh_*" || m.CreateTime != 1662480000 {
		t.Errorf("withdraw envelope %+v", m)
	}
	if a, ok := sample(t, "channels_ec_acct_notify.json").ChannelsAccountChange(); !ok || a.Event != 1 {
		t.Errorf("account: %+v, %v", a, ok)
	}
	q, ok := sample(t, "channels_qrcode_status.json").ChannelsWithdrawQrcode()
	if want := (ChannelsWithdrawQrcode{Ticket: "sdffjdsijfdg", Status: 2, ScanUserType: 1}); !ok || q != want {
		t.Errorf("qrcode:\n got %+v, %v\nwant %+v", q, ok, want)
	}
	bad := mustParse(t, `{"MsgType":"event","Event":"channels_ec_complaint_update","finder_shop_complaint":{"complaint_status":"open"}}`)
	if _, ok := bad.ChannelsComplaint(); ok {
		t.Error("a complaint_status that is not a number decoded")
	}
}

func TestChannelsStoreEvents(t *testing.T) {
	for file, want := range map[string]ChannelsStoreEvent{
		"channels_ec_change_status.json":  {AppID: "APPID", ChangeTimestamp: 1750927919, OldStatus: "open_finished", NewStatus: "closing"},
		"channels_ec_close_store.json":    {AppID: "APPID", CloseTimestamp: 1662480000},
		"channels_set_shop_nickname.json": {AppID: "APPID", OldNickname: "旧昵称", NewNickname: "新昵称"},
	} {
		got, ok := sample(t, file).ChannelsStoreEvent()
		if !ok || got != want {
			t.Errorf("%s:\n got %+v, %v\nwant %+v", file, got, ok, want)
		}
	}
	// The timestamp as the number the field table gives.
	n := mustParse(t, `{"MsgType":"event","Event":"channels_ec_close_store","appid":"wx1","close_timestamp":1662480001}`)
	if got, ok := n.ChannelsStoreEvent(); !ok || got != (ChannelsStoreEvent{AppID: "wx1", CloseTimestamp: 1662480001}) {
		t.Errorf("numeric timestamp: %+v, %v", got, ok)
	}
	bad := mustParse(t, `{"MsgType":"event","Event":"channels_ec_change_status","change_timestamp":"yesterday"}`)
	if _, ok := bad.ChannelsStoreEvent(); ok {
		t.Error("a change_timestamp that is not a number decoded")
	}
}
