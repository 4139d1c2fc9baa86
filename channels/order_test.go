package channels_test

import (
	"strconv"
	"testing"
	"time"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/channels"
	"github.com/weixin-go/wechat/fakewechat"
)

// listedSKU adds and lists a product and returns its id and SKU id.
func listedSKU(t *testing.T, c *channels.Client) (productID, skuID string) {
	t.Helper()
	ctx := t.Context()
	a, err := c.Products.Add(ctx, newProduct("挂耳咖啡十包装"))
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Products.Listing(ctx, a.ProductID.String()); err != nil {
		t.Fatal(err)
	}
	d, err := c.Products.Get(ctx, a.ProductID.String(), channels.ProductDataOnline)
	if err != nil {
		t.Fatal(err)
	}
	return a.ProductID.String(), d.Product.SKUs[0].SKUID.String()
}

// lastDay is a creation time range of the last day, server time.
func lastDay(srv *fakewechat.Server) *channels.TimeRange {
	now := srv.Now().Unix()
	return &channels.TimeRange{StartTime: now - 86400, EndTime: now + 60}
}

func TestOrderFlow(t *testing.T) {
	srv, c := newClient(t)
	ctx := t.Context()
	pid, sku := listedSKU(t, c)
	id, err := srv.ChannelsAddOrder(fakewechat.DefaultAppID, fakewechat.ChannelsOrder{ProductID: pid, SKUID: sku, Count: 2})
	if err != nil {
		t.Fatal(err)
	}
	// The order took the stock.
	if st, _ := c.Products.Stock(ctx, pid, sku); st.NormalStockNum != 98 {
		t.Errorf("stock after order = %d, want 98", st.NormalStockNum)
	}

	o, err := c.Orders.Get(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if got := lastBody(t, srv, "POST /channels/ec/order/get"); got != `{"order_id":"`+id+`"}` {
		t.Errorf("get body = %s", got)
	}
	d := o.OrderDetail
	if o.OrderID.String() != id || o.Status != channels.OrderToShip || o.OpenID != fakewechat.ChannelsBuyerOpenID || o.CreateTime != srv.Now().Unix() ||
		len(d.ProductInfos) != 1 || d.ProductInfos[0].SKUID.String() != sku || d.ProductInfos[0].SKUCnt != 2 || d.ProductInfos[0].SalePrice != 1300 ||
		d.PriceInfo.OrderPrice != 2600 || d.DeliveryInfo.AddressInfo == nil || d.DeliveryInfo.AddressInfo.CityName != "广州市" {
		t.Fatalf("Get = %+v", o)
	}

	// Merchant notes.
	if err := c.Orders.UpdateMerchantNotes(ctx, id, "加急 & 易碎"); err != nil {
		t.Fatal(err)
	}
	if got := lastBody(t, srv, "POST /channels/ec/order/merchantnotes/update"); got != `{"order_id":"`+id+`","merchant_notes":"加急 & 易碎"}` {
		t.Errorf("merchantnotes body = %s", got)
	}
	if o, _ := c.Orders.Get(ctx, id); o.OrderDetail.ExtInfo.MerchantNotes != "加急 & 易碎" {
		t.Errorf("notes = %q", o.OrderDetail.ExtInfo.MerchantNotes)
	}

	// Address, before shipping.
	addr := &channels.Address{UserName: "李四", ProvinceName: "北京市", CityName: "北京市", CountyName: "朝阳区", DetailInfo: "望京 1 号", TelNumber: "13900000000"}
	if err := c.Orders.UpdateAddress(ctx, id, addr); err != nil {
		t.Fatal(err)
	}
	if got := lastBody(t, srv, "POST /channels/ec/order/address/update"); got != `{"order_id":"`+id+`","user_address":{"user_name":"李四","province_name":"北京市","city_name":"北京市","county_name":"朝阳区","detail_info":"望京 1 号","tel_number":"13900000000"}}` {
		t.Errorf("address body = %s", got)
	}
	if o, _ := c.Orders.Get(ctx, id); *o.OrderDetail.DeliveryInfo.AddressInfo != *addr {
		t.Errorf("address = %+v", o.OrderDetail.DeliveryInfo.AddressInfo)
	}
	wantAPIError(t, c.Orders.UpdateAddress(ctx, id, &channels.Address{UserName: "李四"}), fakewechat.CodeInvalidArgs)

	// A paid order's price cannot change.
	change := &channels.PriceUpdate{OrderID: id, Changes: []channels.PriceChange{{ProductID: wechat.FlexID(pid), SKUID: wechat.FlexID(sku), ChangePrice: 2000}}}
	wantAPIError(t, c.Orders.UpdatePrice(ctx, change), fakewechat.CodeInvalidArgs)
	srv.ChannelsSetOrderStatus(fakewechat.DefaultAppID, id, channels.OrderUnpaid)
	if err := c.Orders.UpdatePrice(ctx, change); err != nil {
		t.Fatal(err)
	}
	if got := lastBody(t, srv, "POST /channels/ec/order/price/update"); got != `{"order_id":"`+id+`","change_order_infos":[{"product_id":`+pid+`,"sku_id":`+sku+`,"change_price":2000}],"change_express":false}` {
		t.Errorf("price body = %s", got)
	}
	if o, _ := c.Orders.Get(ctx, id); o.OrderDetail.PriceInfo.OrderPrice != 2000 || o.OrderDetail.PriceInfo.DiscountedPrice != 600 {
		t.Errorf("price info = %+v", o.OrderDetail.PriceInfo)
	}
	change.Changes[0].ChangePrice = 2700 // higher than the original
	wantAPIError(t, c.Orders.UpdatePrice(ctx, change), fakewechat.CodeInvalidArgs)
	if err := c.Orders.UpdatePrice(ctx, &channels.PriceUpdate{OrderID: id, ChangeExpress: true}); err != nil {
		t.Fatal(err)
	}
	if got := lastBody(t, srv, "POST /channels/ec/order/price/update"); got != `{"order_id":"`+id+`","change_order_infos":[],"change_express":true,"express_fee":0}` {
		t.Errorf("price body = %s", got)
	}

	// Shipped: the address is fixed.
	srv.ChannelsSetOrderStatus(fakewechat.DefaultAppID, id, channels.OrderShipped)
	wantAPIError(t, c.Orders.UpdateAddress(ctx, id, addr), fakewechat.CodeInvalidArgs)

	_, err = c.Orders.Get(ctx, "3799999999999999999")
	wantAPIError(t, err, fakewechat.CodeChannelsOrderNotFound)
	wantAPIError(t, c.Orders.UpdateMerchantNotes(ctx, "3799999999999999999", "x"), fakewechat.CodeChannelsOrderNotFound)
}

func TestOrderList(t *testing.T) {
	srv, c := newClient(t)
	ctx := t.Context()
	pid, sku := listedSKU(t, c)
	var all []string
	for i := range 5 {
		openid := fakewechat.ChannelsBuyerOpenID
		if i == 4 {
			openid = "oChannelsOther00000000000001"
		}
		id, err := srv.ChannelsAddOrder(fakewechat.DefaultAppID, fakewechat.ChannelsOrder{ProductID: pid, SKUID: sku, OpenID: openid})
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, id)
		srv.Advance(time.Minute)
	}
	srv.ChannelsSetOrderStatus(fakewechat.DefaultAppID, all[1], channels.OrderShipped)

	var got []string
	for id, err := range c.Orders.List(ctx, channels.OrderListOptions{CreateTimeRange: lastDay(srv), PageSize: 2}) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, id.String())
	}
	if len(got) != 5 || got[0] != all[0] || got[4] != all[4] {
		t.Errorf("List = %v, want %v", got, all)
	}
	if n := srv.Count("POST /channels/ec/order/list/get"); n != 3 {
		t.Errorf("%d pages, want 3", n)
	}
	body := asMap(t, lastBody(t, srv, "POST /channels/ec/order/list/get"))
	if body["next_key"] == "" || body["page_size"] != float64(2) || body["create_time_range"] == nil || body["update_time_range"] != nil {
		t.Errorf("last page body = %v", body)
	}

	shipped := channels.OrderShipped
	page, err := c.Orders.ListPage(ctx, channels.OrderListOptions{UpdateTimeRange: lastDay(srv), Status: &shipped}, "")
	if err != nil || len(page.OrderIDs) != 1 || page.OrderIDs[0].String() != all[1] || page.NextKey != "" {
		t.Fatalf("ListPage(shipped) = %+v, %v", page, err)
	}
	r := lastDay(srv)
	want := `{"update_time_range":{"start_time":` + itoa(r.StartTime) + `,"end_time":` + itoa(r.EndTime) + `},"status":30,"page_size":10,"next_key":""}`
	if got := lastBody(t, srv, "POST /channels/ec/order/list/get"); got != want {
		t.Errorf("list body\n got %s\nwant %s", got, want)
	}
	page, err = c.Orders.ListPage(ctx, channels.OrderListOptions{CreateTimeRange: lastDay(srv), OpenID: "oChannelsOther00000000000001"}, "")
	if err != nil || len(page.OrderIDs) != 1 || page.OrderIDs[0].String() != all[4] {
		t.Fatalf("ListPage(openid) = %+v, %v", page, err)
	}
	// Orders outside the range are left out.
	page, err = c.Orders.ListPage(ctx, channels.OrderListOptions{CreateTimeRange: &channels.TimeRange{StartTime: 1, EndTime: 2}}, "")
	if err != nil || len(page.OrderIDs) != 0 {
		t.Fatalf("ListPage(old) = %+v, %v", page, err)
	}
	_, err = c.Orders.ListPage(ctx, channels.OrderListOptions{CreateTimeRange: lastDay(srv)}, "bogus")
	wantAPIError(t, err, fakewechat.CodeInvalidArgs)
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

func TestDeliveryCompanies(t *testing.T) {
	srv, c := newClient(t)
	list, err := c.Orders.DeliveryCompanies(t.Context())
	if err != nil || len(list) != 3 || list[0] != (channels.DeliveryCompany{DeliveryID: "SF", DeliveryName: "顺丰速运"}) {
		t.Fatalf("DeliveryCompanies = %+v, %v", list, err)
	}
	if got := lastBody(t, srv, "POST /channels/ec/order/deliverycompanylist/get"); got != `{}` {
		t.Errorf("body = %s", got)
	}
}

func TestOrderArgumentErrors(t *testing.T) {
	srv, c := newClient(t)
	ctx := t.Context()
	before := len(srv.Requests())
	week := &channels.TimeRange{StartTime: 0, EndTime: 7*86400 + 1}
	tests := []struct {
		arg string
		err error
	}{
		{"create_time_range", func() error { _, err := c.Orders.ListPage(ctx, channels.OrderListOptions{}, ""); return err }()},
		{"create_time_range", func() error {
			_, err := c.Orders.ListPage(ctx, channels.OrderListOptions{CreateTimeRange: week}, "")
			return err
		}()},
		{"update_time_range", func() error {
			_, err := c.Orders.ListPage(ctx, channels.OrderListOptions{UpdateTimeRange: &channels.TimeRange{StartTime: 5, EndTime: 4}}, "")
			return err
		}()},
		{"page_size", func() error {
			_, err := c.Orders.ListPage(ctx, channels.OrderListOptions{CreateTimeRange: lastDay(srv), PageSize: 101}, "")
			return err
		}()},
		{"order_id", func() error { _, err := c.Orders.Get(ctx, ""); return err }()},
		{"order_id", c.Orders.UpdateMerchantNotes(ctx, "", "x")},
		{"order_id", c.Orders.UpdatePrice(ctx, nil)},
		{"change_order_infos", c.Orders.UpdatePrice(ctx, &channels.PriceUpdate{OrderID: "1"})},
		{"change_order_infos", c.Orders.UpdatePrice(ctx, &channels.PriceUpdate{OrderID: "1", Changes: []channels.PriceChange{{ProductID: "p", SKUID: "1"}}})},
		{"express_fee", c.Orders.UpdatePrice(ctx, &channels.PriceUpdate{OrderID: "1", ChangeExpress: true, ExpressFee: -1})},
		{"user_address", c.Orders.UpdateAddress(ctx, "1", &channels.Address{})},
		{"order_id", c.Orders.UpdateAddress(ctx, "", &channels.Address{UserName: "x"})},
	}
	for _, tt := range tests {
		wantArgError(t, srv, before, tt.err, tt.arg)
	}
}
