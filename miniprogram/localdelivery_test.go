package miniprogram_test

import (
	"errors"
	"testing"
	"time"

	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/miniprogram"
)

func TestDeliverySignDocVector(t *testing.T) {
	// The example of the docs' 开发必读 page.
	if got := miniprogram.DeliverySign("test_shop_id", "test_shop_order_id", "test_app_secrect"); got != "a93d8d6bae9a9483c1b1d4e8670e7f6226ec94cb" {
		t.Fatalf("DeliverySign = %s", got)
	}
}

var testLocalShop = miniprogram.LocalShop{ShopID: "test_shop_id", ShopNo: "1", AppSecret: "test_app_secrect"}

func testLocalOrder(id string) *miniprogram.LocalOrder {
	return &miniprogram.LocalOrder{ShopOrderID: id, DeliveryID: "TEST", OpenID: "oUser",
		Sender:    &miniprogram.LocalContact{Name: "南山店", City: "深圳市", Address: "科技园", AddressDetail: "1号", Phone: "0755-1234567", Lng: 113.93, Lat: 22.54},
		Receiver:  miniprogram.LocalContact{Name: "顾客", City: "深圳市", Address: "南山区 2 号", AddressDetail: "101", Phone: "13900000000", Lng: 113.9, Lat: 22.5},
		Cargo:     miniprogram.LocalCargo{GoodsValue: 99, GoodsWeight: 0.5, CargoFirstClass: "美食夜宵", CargoSecondClass: "零食小吃"},
		OrderInfo: miniprogram.LocalOrderInfo{OrderTime: 1700000000, Tips: 1, Note: "少辣 & 多葱"},
		Shop:      miniprogram.LocalGoodsShow{WxaPath: "pages/order?id=1", ImgURL: "https://example.com/a.png", GoodsName: "蛋糕", GoodsCount: 1},
	}
}

func TestLocalDeliveryFlow(t *testing.T) {
	srv, c := newClient(t)
	ctx := t.Context()
	ld := c.LocalDelivery

	if l, err := ld.Deliveries(ctx); err != nil || len(l) != 5 || l[0].DeliveryID != "SFTC" || l[0].DeliveryName != "顺丰同城急送" {
		t.Fatalf("Deliveries = %+v, %v", l, err)
	}
	if l, err := ld.Shops(ctx); err != nil || len(l) != 2 || l[0].ShopID != "test_shop_id" || l[0].DeliveryID != "TEST" || l[0].AuditResult != 0 {
		t.Fatalf("Shops = %+v, %v", l, err)
	}

	o := testLocalOrder("order_1")
	q, err := ld.PreAddOrder(ctx, testLocalShop, o)
	if err != nil || q.Fee != fakewechat.MPLocalFee+1 || q.DeliverFee != fakewechat.MPLocalFee || q.Tips != 1 || q.Distance != 1200 {
		t.Fatalf("PreAddOrder = %+v, %v", q, err)
	}
	rr, body := last(t, srv, "POST /cgi-bin/express/local/business/order/pre_add")
	if body["shopid"] != "test_shop_id" || body["shop_order_id"] != "order_1" || body["shop_no"] != "1" ||
		body["delivery_sign"] != miniprogram.DeliverySign("test_shop_id", "order_1", "test_app_secrect") || body["app_secret"] != nil {
		t.Fatalf("pre_add body = %s", rr.Body)
	}
	if st := srv.MPLocalOrderStatus(fakewechat.DefaultAppID, "test_shop_id", "order_1"); st != 0 {
		t.Fatal("pre_add created an order")
	}

	r, err := ld.AddOrder(ctx, testLocalShop, o)
	if err != nil || r.WaybillID == "" || r.OrderStatus != miniprogram.LocalWaitingRider || r.Fee != fakewechat.MPLocalFee+1 {
		t.Fatalf("AddOrder = %+v, %v", r, err)
	}
	_, err = ld.AddOrder(ctx, testLocalShop, o)
	wantAPIError(t, err, fakewechat.CodeMPLocalOrderExists)

	if err := ld.AddTips(ctx, testLocalShop, "order_1", r.WaybillID, 3, "加急"); err != nil {
		t.Fatal(err)
	}
	wantAPIError(t, ld.AddTips(ctx, testLocalShop, "order_1", r.WaybillID, 2, ""), fakewechat.CodeMPLocalBadArgs)
	wantAPIError(t, ld.AddTips(ctx, testLocalShop, "order_1", "other", 5, ""), fakewechat.CodeMPLocalOrderNotFound)

	cancel := miniprogram.LocalCancel{ShopOrderID: "order_1", DeliveryID: "TEST", WaybillID: r.WaybillID, ReasonID: miniprogram.LocalCancelPrice}
	if f, err := ld.PreCancelOrder(ctx, testLocalShop, cancel); err != nil || f.DeductFee != 0 || f.Desc == "" {
		t.Fatalf("PreCancelOrder = %+v, %v", f, err)
	}
	if err := ld.TestUpdateOrder(ctx, "order_1", miniprogram.LocalRiderAssigned, time.Unix(1700000100, 0), ""); err != nil {
		t.Fatal(err)
	}
	wantAPIError(t, ld.AddTips(ctx, testLocalShop, "order_1", r.WaybillID, 9, ""), fakewechat.CodeMPLocalBadArgs)
	if f, err := ld.PreCancelOrder(ctx, testLocalShop, cancel); err != nil || f.DeductFee != 2 {
		t.Fatalf("PreCancelOrder after 102 = %+v, %v", f, err)
	}
	if err := ld.TestUpdateOrder(ctx, "order_1", miniprogram.LocalDelivering, time.Time{}, "配送中"); err != nil {
		t.Fatal(err)
	}
	s, err := ld.GetOrder(ctx, testLocalShop, "order_1")
	if err != nil || s.OrderStatus != miniprogram.LocalDelivering || s.WaybillID != r.WaybillID || s.RiderName == "" || s.ReachTime != 300 {
		t.Fatalf("GetOrder = %+v, %v", s, err)
	}
	if f, err := ld.CancelOrder(ctx, testLocalShop, cancel); err != nil || f.DeductFee != 5 {
		t.Fatalf("CancelOrder = %+v, %v", f, err)
	}
	if st := srv.MPLocalOrderStatus(fakewechat.DefaultAppID, "test_shop_id", "order_1"); st != miniprogram.LocalReturning {
		t.Fatalf("status after cancel = %d", st)
	}
	_, err = ld.CancelOrder(ctx, testLocalShop, cancel)
	wantAPIError(t, err, fakewechat.CodeMPLocalOrderEnded)
	_, err = ld.ReAddOrder(ctx, testLocalShop, o)
	wantAPIError(t, err, fakewechat.CodeMPLocalOrderExists) // still returning
	if err := ld.ConfirmReturn(ctx, testLocalShop, "order_1", r.WaybillID, "已收回"); err != nil {
		t.Fatal(err)
	}
	if s, err := ld.GetOrder(ctx, testLocalShop, "order_1"); err != nil || s.OrderStatus != miniprogram.LocalReturnedToShop {
		t.Fatalf("GetOrder after return = %+v, %v", s, err)
	}
	wantAPIError(t, ld.TestUpdateOrder(ctx, "order_1", 102, time.Time{}, ""), fakewechat.CodeMPLocalOrderEnded)

	r2, err := ld.ReAddOrder(ctx, testLocalShop, o)
	if err != nil || r2.WaybillID == "" || r2.WaybillID == r.WaybillID || r2.OrderStatus != miniprogram.LocalWaitingRider {
		t.Fatalf("ReAddOrder = %+v, %v", r2, err)
	}
	if f, err := ld.CancelOrder(ctx, testLocalShop, miniprogram.LocalCancel{ShopOrderID: "order_1", DeliveryID: "TEST",
		ReasonID: miniprogram.LocalCancelOther, Reason: "不要了"}); err != nil || f.DeductFee != 0 {
		t.Fatalf("CancelOrder without waybill = %+v, %v", f, err)
	}
	if st := srv.MPLocalOrderStatus(fakewechat.DefaultAppID, "test_shop_id", "order_1"); st != miniprogram.LocalShopCancelled {
		t.Fatalf("status after early cancel = %d", st)
	}
	wantAPIError(t, ld.ConfirmReturn(ctx, testLocalShop, "order_1", r2.WaybillID, ""), fakewechat.CodeMPLocalBadArgs)
}

func TestLocalDeliveryErrors(t *testing.T) {
	srv, c := newClient(t)
	ctx := t.Context()
	ld := c.LocalDelivery

	// A wrong secret: the courier refuses the signature.
	_, err := ld.AddOrder(ctx, miniprogram.LocalShop{ShopID: "test_shop_id", AppSecret: "wrong"}, testLocalOrder("o1"))
	var le *miniprogram.LocalDeliveryError
	if !errors.As(err, &le) || le.ResultCode != 1 || le.ResultMsg != "签名校验失败" {
		t.Fatalf("bad signature: %v", err)
	}
	// An account that is not bound, or bound to another courier.
	_, err = ld.PreAddOrder(ctx, miniprogram.LocalShop{ShopID: "nobody", AppSecret: "x"}, testLocalOrder("o1"))
	wantAPIError(t, err, fakewechat.CodeMPLocalUnboundShop)
	dada := miniprogram.LocalShop{ShopID: "dadaaee18818d97e236", AppSecret: "1c6f40492d6d89caaad80b85f7d31670"}
	_, err = ld.AddOrder(ctx, dada, testLocalOrder("o1"))
	wantAPIError(t, err, fakewechat.CodeMPLocalUnboundShop)
	o := testLocalOrder("o1")
	o.DeliveryID = "DADA"
	if q, err := ld.PreAddOrder(ctx, dada, o); err != nil || q.DeliveryToken == "" {
		t.Fatalf("DADA PreAddOrder = %+v, %v", q, err)
	}
	// Unknown orders.
	_, err = ld.GetOrder(ctx, testLocalShop, "missing")
	wantAPIError(t, err, fakewechat.CodeMPLocalOrderNotFound)
	wantAPIError(t, ld.TestUpdateOrder(ctx, "missing", 102, time.Time{}, ""), fakewechat.CodeMPLocalOrderNotFound)
	_, err = ld.ReAddOrder(ctx, testLocalShop, testLocalOrder("missing"))
	wantAPIError(t, err, fakewechat.CodeMPLocalOrderNotFound)
	// The fake checks what the docs require.
	if err := c.Call(ctx, "POST", "/cgi-bin/express/local/business/order/add", nil, map[string]any{"shopid": "test_shop_id",
		"shop_order_id": "o2", "delivery_id": "TEST", "delivery_sign": miniprogram.DeliverySign("test_shop_id", "o2", "test_app_secrect")}, nil); err == nil {
		t.Fatal("fake accepted an order without receiver, cargo, order_info and shop")
	}
	if _, err := ld.AddOrder(ctx, testLocalShop, testLocalOrder("o3")); err != nil {
		t.Fatal(err)
	}
	wantAPIError(t, ld.TestUpdateOrder(ctx, "o3", 999, time.Time{}, ""), fakewechat.CodeMPLocalBadArgs)

	// Bad arguments never leave the client.
	n := len(srv.Requests())
	_, err = ld.AddOrder(ctx, miniprogram.LocalShop{ShopID: "test_shop_id"}, testLocalOrder("o4"))
	wantArgError(t, srv, n, err, "app_secret")
	_, err = ld.AddOrder(ctx, testLocalShop, testLocalOrder(""))
	wantArgError(t, srv, n, err, "shop_order_id")
	bad := testLocalOrder("o4")
	bad.OpenID = ""
	_, err = ld.PreAddOrder(ctx, testLocalShop, bad)
	wantArgError(t, srv, n, err, "openid")
	_, err = ld.AddOrder(ctx, testLocalShop, nil)
	wantArgError(t, srv, n, err, "shop_order_id")
	wantArgError(t, srv, n, ld.AddTips(ctx, testLocalShop, "o3", "", 1, ""), "waybill_id")
	wantArgError(t, srv, n, ld.AddTips(ctx, testLocalShop, "o3", "w", 0, ""), "tips")
	_, err = ld.CancelOrder(ctx, testLocalShop, miniprogram.LocalCancel{ShopOrderID: "o3", DeliveryID: "TEST"})
	wantArgError(t, srv, n, err, "cancel_reason_id")
	_, err = ld.CancelOrder(ctx, testLocalShop, miniprogram.LocalCancel{ShopOrderID: "o3", DeliveryID: "TEST", ReasonID: 6})
	wantArgError(t, srv, n, err, "cancel_reason")
	_, err = ld.PreCancelOrder(ctx, testLocalShop, miniprogram.LocalCancel{ShopOrderID: "o3", DeliveryID: "TEST"})
	wantArgError(t, srv, n, err, "waybill_id")
	wantArgError(t, srv, n, ld.ConfirmReturn(ctx, testLocalShop, "o3", "", ""), "waybill_id")
	wantArgError(t, srv, n, ld.TestUpdateOrder(ctx, "o3", 0, time.Time{}, ""), "order_status")
	long := make([]byte, 129)
	for i := range long {
		long[i] = 'a'
	}
	_, err = ld.GetOrder(ctx, testLocalShop, string(long))
	wantArgError(t, srv, n, err, "shop_order_id")
}
