package channels_test

import (
	"testing"
	"time"

	"github.com/weixin-go/wechat/channels"
	"github.com/weixin-go/wechat/fakewechat"
)

// paidOrder makes a paid order of 2 SKUs and returns its id.
func paidOrder(t *testing.T, srv *fakewechat.Server, c *channels.Client) string {
	t.Helper()
	pid, sku := listedSKU(t, c)
	id, err := srv.ChannelsAddOrder(fakewechat.DefaultAppID, fakewechat.ChannelsOrder{ProductID: pid, SKUID: sku, Count: 2})
	if err != nil {
		t.Fatal(err)
	}
	return id
}

func TestAfterSaleRefund(t *testing.T) {
	srv, c := newClient(t)
	ctx := t.Context()
	order := paidOrder(t, srv, c)
	id, err := srv.ChannelsAddAfterSale(fakewechat.DefaultAppID, order, channels.AfterSaleRefund, 1)
	if err != nil {
		t.Fatal(err)
	}
	a, err := c.AfterSales.Get(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if got := lastBody(t, srv, "POST /channels/ec/aftersale/getaftersaleorder"); got != `{"after_sale_order_id":"`+id+`"}` {
		t.Errorf("get body = %s", got)
	}
	if a.AfterSaleOrderID != id || a.OrderID.String() != order || a.Status != channels.AfterSaleProcessing || a.Type != channels.AfterSaleRefund ||
		a.ProductInfo.Count != 1 || a.RefundInfo.Amount != 1300 || a.OpenID != fakewechat.ChannelsBuyerOpenID {
		t.Fatalf("Get = %+v", a)
	}
	if o, _ := c.Orders.Get(ctx, order); o.OrderDetail.ProductInfos[0].OnAftersaleSKUCnt != 1 {
		t.Errorf("order in after-sale = %+v", o.OrderDetail.ProductInfos[0])
	}
	// A refund-only request cannot be accepted as a return.
	wantAPIError(t, c.AfterSales.Accept(ctx, id, &channels.AcceptOptions{AcceptType: channels.AcceptReturn}), fakewechat.CodeChannelsAfterSaleNotAllowed)
	if err := c.AfterSales.Accept(ctx, id, nil); err != nil {
		t.Fatal(err)
	}
	if got := lastBody(t, srv, "POST /channels/ec/aftersale/acceptapply"); got != `{"after_sale_order_id":"`+id+`"}` {
		t.Errorf("accept body = %s", got)
	}
	if a, _ := c.AfterSales.Get(ctx, id); a.Status != channels.AfterSaleRefunded {
		t.Errorf("status after accept = %s", a.Status)
	}
	if o, _ := c.Orders.Get(ctx, order); o.OrderDetail.ProductInfos[0].FinishAftersaleSKUCnt != 1 || o.OrderDetail.ProductInfos[0].OnAftersaleSKUCnt != 0 || o.Status != channels.OrderToShip {
		t.Errorf("order after refund = %+v", o)
	}
	// Done: neither accepted nor rejected again.
	wantAPIError(t, c.AfterSales.Accept(ctx, id, nil), fakewechat.CodeChannelsAfterSaleState)
	wantAPIError(t, c.AfterSales.Reject(ctx, id, 1, ""), fakewechat.CodeChannelsAfterSaleState)

	// The other SKU: rejected.
	id2, err := srv.ChannelsAddAfterSale(fakewechat.DefaultAppID, order, channels.AfterSaleRefund, 1)
	if err != nil {
		t.Fatal(err)
	}
	if err := c.AfterSales.Reject(ctx, id2, 6, "买家误操作 & 已协商"); err != nil {
		t.Fatal(err)
	}
	if got := lastBody(t, srv, "POST /channels/ec/aftersale/rejectapply"); got != `{"after_sale_order_id":"`+id2+`","reject_reason":"买家误操作 & 已协商","reject_reason_type":6}` {
		t.Errorf("reject body = %s", got)
	}
	if a, _ := c.AfterSales.Get(ctx, id2); a.Status != channels.AfterSaleRejectedRefund || a.MerchantUploadInfo.RejectReason != "买家误操作 & 已协商" {
		t.Errorf("rejected = %+v", a)
	}
	_, err = c.AfterSales.Get(ctx, "1")
	wantAPIError(t, err, fakewechat.CodeChannelsAfterSaleNotFound)
}

func TestAfterSaleReturn(t *testing.T) {
	srv, c := newClient(t)
	ctx := t.Context()
	order := paidOrder(t, srv, c)
	id, err := srv.ChannelsAddAfterSale(fakewechat.DefaultAppID, order, channels.AfterSaleReturn, 2)
	if err != nil {
		t.Fatal(err)
	}
	wantAPIError(t, c.AfterSales.Accept(ctx, id, nil), fakewechat.CodeChannelsAfterSaleNoAddress)
	if err := c.AfterSales.Accept(ctx, id, &channels.AcceptOptions{AddressID: "123", AcceptType: channels.AcceptReturn}); err != nil {
		t.Fatal(err)
	}
	if got := lastBody(t, srv, "POST /channels/ec/aftersale/acceptapply"); got != `{"after_sale_order_id":"`+id+`","address_id":"123","accept_type":1}` {
		t.Errorf("accept body = %s", got)
	}
	if a, _ := c.AfterSales.Get(ctx, id); a.Status != channels.AfterSaleWaitUserReturn {
		t.Fatalf("status = %s", a.Status)
	}
	// Not received yet: nothing to refund.
	wantAPIError(t, c.AfterSales.Accept(ctx, id, &channels.AcceptOptions{AcceptType: channels.AcceptRefund}), fakewechat.CodeChannelsAfterSaleState)
	if !srv.ChannelsReturnGoods(fakewechat.DefaultAppID, id, "SF", "SF1234567890") {
		t.Fatal("ChannelsReturnGoods = false")
	}
	a, _ := c.AfterSales.Get(ctx, id)
	if a.Status != channels.AfterSaleWaitReceipt || a.ReturnInfo.WaybillID != "SF1234567890" || a.ReturnInfo.DeliveryName != "顺丰速运" {
		t.Fatalf("returned = %+v", a)
	}
	if err := c.AfterSales.Accept(ctx, id, &channels.AcceptOptions{AcceptType: channels.AcceptRefund}); err != nil {
		t.Fatal(err)
	}
	if a, _ := c.AfterSales.Get(ctx, id); a.Status != channels.AfterSaleReturnRefunded {
		t.Errorf("status = %s", a.Status)
	}
	// Every SKU refunded: the order is closed by after-sale.
	if o, _ := c.Orders.Get(ctx, order); o.Status != channels.OrderCancelledAfterSale {
		t.Errorf("order status = %d", o.Status)
	}
	if _, err := srv.ChannelsAddAfterSale(fakewechat.DefaultAppID, order, channels.AfterSaleRefund, 1); err == nil {
		t.Error("after-sale opened on a closed order")
	}
}

func TestAfterSaleList(t *testing.T) {
	srv, c := newClient(t)
	ctx := t.Context()
	order := paidOrder(t, srv, c)
	start := srv.Now().Unix()
	var all []string
	for range 12 {
		id, err := srv.ChannelsAddAfterSale(fakewechat.DefaultAppID, order, channels.AfterSaleRefund, 1)
		if err != nil {
			t.Fatal(err)
		}
		if err := c.AfterSales.Reject(ctx, id, 6, ""); err != nil { // frees the SKU for the next request
			t.Fatal(err)
		}
		all = append(all, id)
		srv.Advance(time.Minute)
	}
	var got []string
	r := &channels.TimeRange{StartTime: start, EndTime: start + 86400}
	for id, err := range c.AfterSales.List(ctx, channels.AfterSaleListOptions{CreateTimeRange: r}) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, id)
	}
	if len(got) != 12 || got[0] != all[0] || got[11] != all[11] {
		t.Errorf("List = %v", got)
	}
	if n := srv.Count("POST /channels/ec/aftersale/getaftersalelist"); n != 2 {
		t.Errorf("%d pages, want 2", n)
	}
	body := asMap(t, lastBody(t, srv, "POST /channels/ec/aftersale/getaftersalelist"))
	if body["begin_create_time"] != float64(start) || body["end_create_time"] != float64(start+86400) || body["next_key"] == nil || body["begin_update_time"] != nil {
		t.Errorf("second page body = %v", body)
	}
	page, err := c.AfterSales.ListPage(ctx, channels.AfterSaleListOptions{UpdateTimeRange: &channels.TimeRange{StartTime: start + 600, EndTime: start + 3600}}, "")
	if err != nil || len(page.AfterSaleOrderIDs) != 2 || page.HasMore {
		t.Fatalf("ListPage(update) = %+v, %v", page, err)
	}
	if got := lastBody(t, srv, "POST /channels/ec/aftersale/getaftersalelist"); got != `{"begin_update_time":`+itoa(start+600)+`,"end_update_time":`+itoa(start+3600)+`}` {
		t.Errorf("body = %s", got)
	}
}

func TestAfterSaleArgumentErrors(t *testing.T) {
	srv, c := newClient(t)
	ctx := t.Context()
	before := len(srv.Requests())
	day := &channels.TimeRange{StartTime: 0, EndTime: 86400}
	tests := []struct {
		arg string
		err error
	}{
		{"begin_create_time", func() error { _, err := c.AfterSales.ListPage(ctx, channels.AfterSaleListOptions{}, ""); return err }()},
		{"begin_create_time", func() error {
			_, err := c.AfterSales.ListPage(ctx, channels.AfterSaleListOptions{CreateTimeRange: day, UpdateTimeRange: day}, "")
			return err
		}()},
		{"begin_update_time", func() error {
			_, err := c.AfterSales.ListPage(ctx, channels.AfterSaleListOptions{UpdateTimeRange: &channels.TimeRange{EndTime: 86401}}, "")
			return err
		}()},
		{"after_sale_order_id", func() error { _, err := c.AfterSales.Get(ctx, ""); return err }()},
		{"after_sale_order_id", c.AfterSales.Accept(ctx, "", nil)},
		{"accept_type", c.AfterSales.Accept(ctx, "1", &channels.AcceptOptions{AcceptType: 3})},
		{"after_sale_order_id", c.AfterSales.Reject(ctx, "", 1, "")},
		{"reject_reason_type", c.AfterSales.Reject(ctx, "1", 0, "")},
	}
	for _, tt := range tests {
		wantArgError(t, srv, before, tt.err, tt.arg)
	}
}
