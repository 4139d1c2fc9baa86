package miniprogram_test

import (
	"testing"

	"github.com/weixin-go/wechat/miniprogram"
)

func TestIntracity(t *testing.T) {
	srv, c := newClient(t)
	ctx := t.Context()
	ic := c.Intracity
	if err := ic.Apply(ctx); err != nil {
		t.Fatal(err)
	}
	st := &miniprogram.IntracityStore{OutStoreID: "store_1", StoreName: "南山店", OrderPattern: 1,
		AddressInfo: miniprogram.IntracityAddress{Province: "广东省", City: "深圳市", Area: "南山区", Street: "科技园", House: "1号", Lat: 22.54, Lng: 113.93, Phone: "13800000000"}}
	id, err := ic.CreateStore(ctx, st)
	if err != nil || id == "" {
		t.Fatalf("CreateStore = %q, %v", id, err)
	}
	if l, err := ic.QueryStores(ctx, miniprogram.StoreKey{WxStoreID: id}); err != nil || len(l) != 1 || l[0].AddressInfo.City != "深圳市" {
		t.Fatalf("QueryStores = %+v, %v", l, err)
	}
	if err := ic.UpdateStore(ctx, miniprogram.StoreKey{OutStoreID: "store_1"}, &miniprogram.IntracityStore{StoreName: "新店", OrderPattern: 1}); err != nil {
		t.Fatal(err)
	}
	if u, err := ic.StoreCharge(ctx, id, "DADA", 10000, "PAY_MODE_STORE"); err != nil || u == "" {
		t.Fatalf("StoreCharge = %q, %v", u, err)
	}
	if n, err := ic.StoreRefund(ctx, id, "DADA"); err != nil || n != 10000 {
		t.Fatalf("StoreRefund = %d, %v", n, err)
	}
	if l, err := ic.QueryFlow(ctx, id, 2, "", 1700000000, 1700086400); err != nil || len(l) != 1 || l[0].PayAmount != 1100 {
		t.Fatalf("QueryFlow = %+v, %v", l, err)
	}
	if b, err := ic.Balance(ctx, id, "", ""); err != nil || b.AllBalance != 10000 {
		t.Fatalf("Balance = %+v, %v", b, err)
	}
	o := &miniprogram.IntracityOrder{WxStoreID: id, StoreOrderID: "order_1", UserOpenID: "oUser", UserName: "顾客", UserPhone: "13900000000",
		UserLat: 22.5, UserLng: 113.9, UserAddress: "南山区 2 号", Cargo: miniprogram.IntracityCargo{CargoName: "蛋糕", CargoType: 1, CargoNum: 1, CargoPrice: 9900, CargoWeight: 500}}
	if q, err := ic.PreAddOrder(ctx, o); err != nil || q.Fee != 1100 {
		t.Fatalf("PreAddOrder = %+v, %v", q, err)
	}
	q, err := ic.AddOrder(ctx, o)
	if err != nil || q.WxOrderID == "" {
		t.Fatalf("AddOrder = %+v, %v", q, err)
	}
	if r, err := ic.QueryOrder(ctx, miniprogram.IntracityOrderRef{WxOrderID: q.WxOrderID}); err != nil || r.DeliveryStatus != 20000 {
		t.Fatalf("QueryOrder = %+v, %v", r, err)
	}
	if fee, err := ic.CancelOrder(ctx, miniprogram.IntracityOrderRef{WxStoreID: id, StoreOrderID: "order_1"}, 1, ""); err != nil || fee != 200 {
		t.Fatalf("CancelOrder = %d, %v", fee, err)
	}
	if m, err := ic.GetPayMode(ctx); err != nil || m.PayMode != "PAY_MODE_STORE" {
		t.Fatalf("GetPayMode = %+v, %v", m, err)
	}
	if err := ic.SetPayMode(ctx, miniprogram.PayMode{PayMode: "PAY_MODE_APP"}); err != nil {
		t.Fatal(err)
	}
	if l, err := ic.Cities(ctx, "DADA"); err != nil || len(l) != 1 || l[0].CityList[0].CityCode != "440300" {
		t.Fatalf("Cities = %+v, %v", l, err)
	}
	n := len(srv.Requests())
	bad := *o
	bad.UserOpenID = ""
	_, err = ic.AddOrder(ctx, &bad)
	wantArgError(t, srv, n, err, "user_openid")
	_, err = ic.QueryOrder(ctx, miniprogram.IntracityOrderRef{WxStoreID: id})
	wantArgError(t, srv, n, err, "wx_order_id")
	wantArgError(t, srv, n, ic.SetPayMode(ctx, miniprogram.PayMode{PayMode: "x"}), "pay_mode")
	_, err = ic.CreateStore(ctx, &miniprogram.IntracityStore{OutStoreID: "s", StoreName: "n", AddressInfo: miniprogram.IntracityAddress{City: "c", Phone: "p"}})
	wantArgError(t, srv, n, err, "order_pattern")
	if err := c.Call(ctx, "POST", "/cgi-bin/express/intracity/addorder", nil, map[string]string{"wx_store_id": id}, nil); err == nil {
		t.Fatal("fake accepted an order without user fields")
	}
}
