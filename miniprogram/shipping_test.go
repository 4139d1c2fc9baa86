package miniprogram_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/miniprogram"
)

func TestShipping(t *testing.T) {
	srv, c := newClient(t)
	ctx := t.Context()
	app := fakewechat.DefaultAppID
	txn := srv.MPAddPaidOrder(app, fakewechat.MPPaidOrder{MerchantID: "1230000109", MerchantTradeNo: "T1", OpenID: "oPayer", Description: "抱枕", PaidAmount: 100})
	for i := range 5 {
		srv.MPAddPaidOrder(app, fakewechat.MPPaidOrder{MerchantID: "1230000109", MerchantTradeNo: fmt.Sprint("X", i), OpenID: "oOther"})
	}
	info := &miniprogram.ShippingInfo{
		OrderKey:      &miniprogram.ShippingOrderKey{OrderNumberType: 2, TransactionID: txn},
		LogisticsType: miniprogram.LogisticsExpress, DeliveryMode: miniprogram.DeliveryUnified,
		ShippingList: []miniprogram.ShippingItem{{TrackingNo: "SF123", ExpressCompany: "SF", ItemDesc: "微信红包抱枕*1个", Contact: &miniprogram.ShippingContact{ReceiverContact: "189****1234"}}},
		UploadTime:   time.Date(2022, 12, 15, 13, 29, 35, 120e6, time.FixedZone("CST", 8*3600)),
		Payer:        miniprogram.ShippingPayer{OpenID: "oPayer"},
	}
	if err := c.Shipping.UploadShippingInfo(ctx, info); err != nil {
		t.Fatal(err)
	}
	rr, body := last(t, srv, "POST /wxa/sec/order/upload_shipping_info")
	if body["upload_time"] != "2022-12-15T13:29:35.12+08:00" || strings.Contains(string(rr.Body), `\u0026`) {
		t.Errorf("body = %s", rr.Body)
	}
	o, err := c.Shipping.GetOrder(ctx, miniprogram.ShippingRef{TransactionID: txn})
	if err != nil || o.OrderState != miniprogram.ShippingOrderShipped || o.Shipping == nil || o.Shipping.ShippingList[0].TrackingNo != "SF123" || o.PaidAmount != 100 {
		t.Fatalf("GetOrder = %+v, %v", o, err)
	}
	// wrong payer, then too many updates
	bad := *info
	bad.Payer.OpenID = "oOther"
	wantAPIError(t, c.Shipping.UploadShippingInfo(ctx, &bad), 40097)
	if err := c.Shipping.UploadShippingInfo(ctx, info); err != nil {
		t.Fatal(err)
	}
	wantAPIError(t, c.Shipping.UploadShippingInfo(ctx, info), fakewechat.CodeMPShippingUpdateLimit)

	if err := c.Shipping.NotifyConfirmReceive(ctx, miniprogram.ShippingRef{MerchantID: "1230000109", MerchantTradeNo: "T1"}, time.Unix(1700000000, 0)); err != nil {
		t.Fatal(err)
	}
	if got := srv.MPPaidOrders(app)[0].State; got != 3 {
		t.Fatalf("state = %d, want 3", got)
	}
	wantAPIError(t, c.Shipping.NotifyConfirmReceive(ctx, miniprogram.ShippingRef{TransactionID: txn}, time.Now()), fakewechat.CodeMPShippingBadState)
	wantAPIError(t, c.Shipping.NotifyConfirmReceive(ctx, miniprogram.ShippingRef{TransactionID: "nope"}, time.Now()), fakewechat.CodeMPShippingOrderNotFound)

	// combined shipping of two orders by merchant number
	err = c.Shipping.UploadCombinedShippingInfo(ctx, &miniprogram.CombinedShippingInfo{
		OrderKey: &miniprogram.ShippingOrderKey{OrderNumberType: 1, MchID: "1230000109", OutTradeNo: "C1"},
		SubOrders: []miniprogram.ShippingSubOrder{
			{OrderKey: &miniprogram.ShippingOrderKey{OrderNumberType: 1, MchID: "1230000109", OutTradeNo: "X0"}, LogisticsType: miniprogram.LogisticsVirtual, DeliveryMode: 1, ShippingList: []miniprogram.ShippingItem{{ItemDesc: "话费"}}},
			{OrderKey: &miniprogram.ShippingOrderKey{OrderNumberType: 1, MchID: "1230000109", OutTradeNo: "X1"}, LogisticsType: miniprogram.LogisticsPickup, DeliveryMode: 1, ShippingList: []miniprogram.ShippingItem{{ItemDesc: "自提"}}},
		},
		Payer: miniprogram.ShippingPayer{OpenID: "oOther"},
	})
	if err != nil {
		t.Fatal(err)
	}
	var shipped, all int
	for o, err := range c.Shipping.Orders(ctx, miniprogram.ShippingOrderQuery{PageSize: 2}) {
		if err != nil {
			t.Fatal(err)
		}
		all++
		if o.OrderState == miniprogram.ShippingOrderShipped {
			shipped++
		}
	}
	if all != 6 || shipped != 2 {
		t.Fatalf("iterated %d orders, %d shipped", all, shipped)
	}
	p, err := c.Shipping.ListOrders(ctx, miniprogram.ShippingOrderQuery{OrderState: miniprogram.ShippingOrderToShip, OpenID: "oOther"})
	if err != nil || len(p.Orders) != 3 || p.HasMore {
		t.Fatalf("ListOrders = %+v, %v", p, err)
	}

	if err := c.Shipping.SetMsgJumpPath(ctx, "pages/order?id="); err != nil || srv.MPShippingJumpPath(app) != "pages/order?id=" {
		t.Fatalf("SetMsgJumpPath: %v", err)
	}
	if ok, err := c.Shipping.IsTradeManaged(ctx, app); err != nil || !ok {
		t.Fatalf("IsTradeManaged = %v, %v", ok, err)
	}
	if ok, err := c.Shipping.IsTradeManagementConfirmationCompleted(ctx, app); err != nil || !ok {
		t.Fatalf("IsTradeManagementConfirmationCompleted = %v, %v", ok, err)
	}

	n := len(srv.Requests())
	wantArgError(t, srv, n, c.Shipping.UploadShippingInfo(ctx, &miniprogram.ShippingInfo{OrderKey: &miniprogram.ShippingOrderKey{OrderNumberType: 3}}), "order_key.order_number_type")
	noTracking := *info
	noTracking.ShippingList = []miniprogram.ShippingItem{{ItemDesc: "x"}}
	wantArgError(t, srv, n, c.Shipping.UploadShippingInfo(ctx, &noTracking), "tracking_no")
	_, err = c.Shipping.GetOrder(ctx, miniprogram.ShippingRef{MerchantID: "1"})
	wantArgError(t, srv, n, err, "transaction_id")
	_, err = c.Shipping.ListOrders(ctx, miniprogram.ShippingOrderQuery{PageSize: 101})
	wantArgError(t, srv, n, err, "page_size")
	wantArgError(t, srv, n, c.Shipping.NotifyConfirmReceive(ctx, miniprogram.ShippingRef{TransactionID: txn}, time.Time{}), "received_time")
}
