package miniprogram_test

import (
	"testing"
	"time"

	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/miniprogram"
)

func TestShippingOrderDetailPath(t *testing.T) {
	srv, c := newClient(t)
	ctx := t.Context()
	path := "pages/order/detail?id=${商品订单号}&channel=1"
	if err := c.Shipping.UpdateOrderDetailPath(ctx, path); err != nil {
		t.Fatal(err)
	}
	if got := srv.MPOrderDetailPath(fakewechat.DefaultAppID); got != path {
		t.Fatalf("path kept = %q", got)
	}
	rr, body := last(t, srv, "POST /wxa/sec/order/update_order_detail_path")
	if body["path"] != path {
		t.Fatalf("body = %s", rr.Body)
	}
	if err := c.Call(ctx, "POST", "/wxa/sec/order/update_order_detail_path", nil, map[string]string{"path": "pages/order/detail"}, nil); err == nil {
		t.Fatal("fake accepted a path without the placeholder")
	} else {
		wantAPIError(t, err, fakewechat.CodeMPOrderDetailPathInvalid)
	}
	n := len(srv.Requests())
	wantArgError(t, srv, n, c.Shipping.UpdateOrderDetailPath(ctx, ""), "path")
	wantArgError(t, srv, n, c.Shipping.UpdateOrderDetailPath(ctx, "pages/order/detail?id=1"), "path")
}

func TestShippingOpSpecialOrder(t *testing.T) {
	srv, c := newClient(t)
	ctx := t.Context()
	txn := srv.MPAddPaidOrder(fakewechat.DefaultAppID, fakewechat.MPPaidOrder{OpenID: "oUser", MerchantID: "1900000109", MerchantTradeNo: "T1", PaidAmount: 100})
	other := srv.MPAddPaidOrder(fakewechat.DefaultAppID, fakewechat.MPPaidOrder{OpenID: "oUser", MerchantID: "1900000109", MerchantTradeNo: "T2", PaidAmount: 100})
	at := time.Now().Add(20 * 24 * time.Hour).Truncate(time.Second)
	if err := c.Shipping.OpSpecialOrder(ctx, txn, miniprogram.SpecialOrderPresale, at); err != nil {
		t.Fatal(err)
	}
	if r, ok := srv.MPSpecialOrder(fakewechat.DefaultAppID, txn); !ok || r.Type != 1 || r.DelayTo != at.Unix() {
		t.Fatalf("report = %+v, %v", r, ok)
	}
	if err := c.Shipping.OpSpecialOrder(ctx, "T2", miniprogram.SpecialOrderTest, time.Time{}); err != nil {
		t.Fatal(err)
	}
	if r, ok := srv.MPSpecialOrder(fakewechat.DefaultAppID, other); !ok || r.Type != 2 || r.DelayTo != 0 {
		t.Fatalf("test report = %+v, %v", r, ok)
	}
	wantAPIError(t, c.Shipping.OpSpecialOrder(ctx, txn, miniprogram.SpecialOrderPresale, time.Now().Add(24*time.Hour)), fakewechat.CodeMPSpecialOrderBadDelay)
	wantAPIError(t, c.Shipping.OpSpecialOrder(ctx, txn, miniprogram.SpecialOrderPresale, time.Now().Add(400*24*time.Hour)), fakewechat.CodeMPSpecialOrderBadDelay)
	wantAPIError(t, c.Shipping.OpSpecialOrder(ctx, "missing", miniprogram.SpecialOrderTest, time.Time{}), fakewechat.CodeMPSpecialOrderNotFound)
	wantAPIError(t, c.Call(ctx, "POST", "/wxa/sec/order/opspecialorder", nil, map[string]any{"order_id": txn, "type": 3}, nil), fakewechat.CodeMPSpecialOrderBadType)
	n := len(srv.Requests())
	wantArgError(t, srv, n, c.Shipping.OpSpecialOrder(ctx, "", miniprogram.SpecialOrderTest, time.Time{}), "order_id")
	wantArgError(t, srv, n, c.Shipping.OpSpecialOrder(ctx, txn, 3, time.Time{}), "type")
	wantArgError(t, srv, n, c.Shipping.OpSpecialOrder(ctx, txn, miniprogram.SpecialOrderPresale, time.Time{}), "delay_to")
}
