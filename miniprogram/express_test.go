package miniprogram_test

import (
	"testing"

	"github.com/weixin-go/wechat/miniprogram"
)

func TestExpress(t *testing.T) {
	srv, c := newClient(t)
	ctx := t.Context()
	if d, err := c.Express.Deliveries(ctx); err != nil || len(d) != 2 || d[0].DeliveryID != "SF" {
		t.Fatalf("Deliveries = %+v, %v", d, err)
	}
	if err := c.Express.BindAccount(ctx, true, "TEST", "test_biz_id", "pw", ""); err != nil {
		t.Fatal(err)
	}
	if _, body := last(t, srv, "POST /cgi-bin/express/business/account/bind"); body["type"] != "bind" {
		t.Errorf("body = %v", body)
	}
	if a, err := c.Express.Accounts(ctx); err != nil || len(a) != 1 || a[0].QuotaNum != 100 || a[0].ServiceType[0].ServiceName != "标准快递" {
		t.Fatalf("Accounts = %+v, %v", a, err)
	}
	o := &miniprogram.ExpressOrder{OrderID: "01234567890123456789", OpenID: "oUser", DeliveryID: "TEST", BizID: "test_biz_id",
		Sender:   miniprogram.ExpressContact{Name: "张三", Mobile: "13800000000", Province: "广东省", City: "广州市", Area: "海珠区", Address: "1号"},
		Receiver: miniprogram.ExpressContact{Name: "李四", Mobile: "13900000000", Province: "广东省", City: "深圳市", Area: "南山区", Address: "2号"},
		Cargo:    miniprogram.ExpressCargo{Count: 1, Weight: 1.2, SpaceX: 10, SpaceY: 10, SpaceZ: 10},
		Shop:     miniprogram.ExpressShop{WxaPath: "/index/index?from=waybill&id=01234567890123456789", GoodsName: "微信气泡狗", GoodsCount: 1}}
	res, err := c.Express.AddOrder(ctx, o)
	if err != nil || res.WaybillID != "123456789" {
		t.Fatalf("AddOrder = %+v, %v", res, err)
	}
	if rr, _ := last(t, srv, "POST /cgi-bin/express/business/order/add"); string(rr.Body) == "" || containsEscape(rr.Body) {
		t.Errorf("body = %s", rr.Body)
	}
	ref := miniprogram.WaybillRef{OrderID: res.OrderID, OpenID: "oUser", DeliveryID: "TEST", WaybillID: res.WaybillID}
	if w, err := c.Express.GetOrder(ctx, ref); err != nil || w.PrintHTML == "" || w.WaybillData[0].Key != "SF_bagAddr" {
		t.Fatalf("GetOrder = %+v, %v", w, err)
	}
	if l, err := c.Express.BatchGetOrders(ctx, []miniprogram.WaybillRef{ref}); err != nil || len(l) != 1 {
		t.Fatalf("BatchGetOrders = %+v, %v", l, err)
	}
	if p, err := c.Express.Path(ctx, ref); err != nil || len(p) != 2 || p[0].ActionType != 100001 {
		t.Fatalf("Path = %+v, %v", p, err)
	}
	if err := c.Express.TestUpdateOrder(ctx, "test_biz_id", ref, miniprogram.PathItem{ActionTime: 1533052800, ActionType: 300003, ActionMsg: "签收"}); err != nil {
		t.Fatal(err)
	}
	if err := c.Express.CancelOrder(ctx, ref); err != nil {
		t.Fatal(err)
	}
	if p, err := c.Express.Printers(ctx); err != nil || len(p) != 1 {
		t.Fatalf("Printers = %v, %v", p, err)
	}
	if err := c.Express.UpdatePrinter(ctx, "oPrinter", true, "123", "456"); err != nil {
		t.Fatal(err)
	}
	if _, body := last(t, srv, "POST /cgi-bin/express/business/printer/update"); body["tagid_list"] != "123,456" || body["update_type"] != "bind" {
		t.Errorf("body = %v", body)
	}
	if q, err := c.Express.Quota(ctx, "SF", "biz"); err != nil || q != 210 {
		t.Fatalf("Quota = %d, %v", q, err)
	}
	ret := &miniprogram.ReturnOrder{ShopOrderID: "S1", OpenID: "oUser", OrderPath: "pages/order", OrderPrice: 100,
		BizAddr: miniprogram.ReturnAddress{Name: "商家", Mobile: "13800000000", Province: "广东省", City: "广州市", Area: "海珠区", Address: "1号"}}
	ret.GoodsList = append(ret.GoodsList, struct {
		Name string `json:"name"`
		URL  string `json:"url"`
	}{"T恤", "https://example.com/t.png"})
	id, err := c.Express.AddReturn(ctx, ret)
	if err != nil || id == "" {
		t.Fatalf("AddReturn = %q, %v", id, err)
	}
	if st, err := c.Express.GetReturn(ctx, id); err != nil || st.DeliveryID != "SF" {
		t.Fatalf("GetReturn = %+v, %v", st, err)
	}
	if err := c.Express.UnbindReturn(ctx, id); err != nil {
		t.Fatal(err)
	}

	// tracking
	tw := &miniprogram.TrackWaybill{OpenID: "oUser", ReceiverPhone: "13900000000", WaybillID: "YT000001", TransID: "4200000001",
		GoodsInfo: miniprogram.WaybillGoodsInfo{DetailList: []miniprogram.WaybillGoods{{GoodsName: "气泡狗", GoodsImgURL: "https://res.wx.qq.com/a.png"}}}}
	tok, err := c.ExpressTracking.TraceWaybill(ctx, tw)
	if err != nil || tok == "" {
		t.Fatalf("TraceWaybill = %q, %v", tok, err)
	}
	if tr, err := c.ExpressTracking.QueryTrace(ctx, tok); err != nil || tr.WaybillInfo.Status != 2 || tr.DeliveryInfo.DeliveryID != "YTO" {
		t.Fatalf("QueryTrace = %+v, %v", tr, err)
	}
	ftok, err := c.ExpressTracking.FollowWaybill(ctx, tw)
	if err != nil || ftok == "" {
		t.Fatalf("FollowWaybill = %q, %v", ftok, err)
	}
	if _, err := c.ExpressTracking.QueryFollowTrace(ctx, ftok); err != nil {
		t.Fatal(err)
	}
	if err := c.ExpressTracking.UpdateWaybillGoods(ctx, tok, tw.GoodsInfo); err != nil {
		t.Fatal(err)
	}
	if l, err := c.ExpressTracking.DeliveryList(ctx); err != nil || len(l) != 2 {
		t.Fatalf("DeliveryList = %+v, %v", l, err)
	}
	// the fake checks required fields
	if err := c.Call(ctx, "POST", "/cgi-bin/express/delivery/open_msg/trace_waybill", nil, map[string]string{"openid": "o"}, nil); err == nil {
		t.Fatal("fake accepted a waybill without trans_id")
	}

	n := len(srv.Requests())
	bad := *o
	bad.OpenID = ""
	_, err = c.Express.AddOrder(ctx, &bad)
	wantArgError(t, srv, n, err, "openid")
	_, err = c.Express.GetOrder(ctx, miniprogram.WaybillRef{OrderID: "1"})
	wantArgError(t, srv, n, err, "delivery_id")
	_, err = c.Express.BatchGetOrders(ctx, nil)
	wantArgError(t, srv, n, err, "order_list")
	_, err = c.ExpressTracking.TraceWaybill(ctx, &miniprogram.TrackWaybill{OpenID: "o", ReceiverPhone: "1", WaybillID: "w", TransID: "t"})
	wantArgError(t, srv, n, err, "goods_info.detail_list")
	_, err = c.Express.AddReturn(ctx, &miniprogram.ReturnOrder{ShopOrderID: "S", OpenID: "o", OrderPath: "p", BizAddr: miniprogram.ReturnAddress{Name: "n"}})
	wantArgError(t, srv, n, err, "goods_list")
}

func containsEscape(b []byte) bool {
	for i := 0; i+5 < len(b); i++ {
		if b[i] == '\\' && b[i+1] == 'u' && b[i+2] == '0' && b[i+3] == '0' {
			return true
		}
	}
	return false
}
