package channels_test

import (
	"context"
	"testing"

	"github.com/weixin-go/wechat/channels"
	"github.com/weixin-go/wechat/fakewechat"
)

func TestCouponFlow(t *testing.T) {
	srv, c := newClient(t)
	ctx := context.Background()
	id := srv.ChannelsAddCoupon(fakewechat.DefaultAppID, fakewechat.ChannelsCoupon{Type: 2, Name: "商品满减", DiscountFee: 300,
		ProductPrice: 5000, ProductIDs: []string{"10000000000001"}, IssuedNum: 50})

	got, err := c.Coupons.Get(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if body := lastBody(t, srv, "POST /channels/ec/coupon/get"); body != `{"coupon_id":"12639900"}` {
		t.Errorf("get body = %s", body)
	}
	d := got.CouponInfo.DiscountInfo
	if got.CouponID.String() != id || got.Type != 2 || got.Status != channels.CouponEditing || got.CouponInfo.Name != "商品满减" ||
		d.DiscountFee != 300 || d.DiscountCondition.ProductPrice != 5000 || len(d.DiscountCondition.ProductIDs) != 1 ||
		d.DiscountCondition.ProductIDs[0].String() != "10000000000001" || got.CouponInfo.ValidInfo.ValidType != 2 ||
		got.CouponInfo.PromoteInfo.PromoteType != 1 || got.StockInfo.IssuedNum != 50 || got.CreateTime == 0 {
		t.Errorf("get = %+v", got)
	}

	if err := c.Coupons.UpdateStatus(ctx, id, channels.CouponValid); err != nil {
		t.Fatal(err)
	}
	if body := lastBody(t, srv, "POST /channels/ec/coupon/update_status"); body != `{"coupon_id":"12639900","status":2}` {
		t.Errorf("update_status body = %s", body)
	}
	if got, err := c.Coupons.Get(ctx, id); err != nil || got.Status != channels.CouponValid {
		t.Fatalf("after update_status: %+v, %v", got, err)
	}
	// A coupon in effect must be voided before it is deleted.
	wantAPIError(t, c.Coupons.UpdateStatus(ctx, id, channels.CouponDeleted), fakewechat.CodeChannelsCouponNotExpired)
	wantAPIError(t, c.Coupons.UpdateStatus(ctx, id, channels.CouponValid), fakewechat.CodeChannelsCouponStatus)
	wantAPIError(t, c.Coupons.UpdateStatus(ctx, "1", channels.CouponValid), fakewechat.CodeChannelsCouponNotFound)
	_, err = c.Coupons.Get(ctx, "1")
	wantAPIError(t, err, fakewechat.CodeChannelsCouponNotFound)

	before := len(srv.Requests())
	_, err = c.Coupons.Get(ctx, "")
	wantArgError(t, srv, before, err, "coupon_id")
	wantArgError(t, srv, before, c.Coupons.UpdateStatus(ctx, "", 2), "coupon_id")
	wantArgError(t, srv, before, c.Coupons.UpdateStatus(ctx, id, channels.CouponExpired), "status")
	_, err = c.Coupons.ListPage(ctx, 0, 1, 10, "")
	wantArgError(t, srv, before, err, "status")
	_, err = c.Coupons.ListPage(ctx, 2, 0, 10, "")
	wantArgError(t, srv, before, err, "page")
	_, err = c.Coupons.ListPage(ctx, 2, 1, 201, "")
	wantArgError(t, srv, before, err, "page_size")
}

func TestCouponList(t *testing.T) {
	srv, c := newClient(t)
	ctx := context.Background()
	const n = channels.CouponPageSize + 3
	for i := 0; i < n; i++ {
		srv.ChannelsAddCoupon(fakewechat.DefaultAppID, fakewechat.ChannelsCoupon{})
	}
	p, err := c.Coupons.ListPage(ctx, channels.CouponEditing, 1, 2, "")
	if err != nil {
		t.Fatal(err)
	}
	if body := lastBody(t, srv, "POST /channels/ec/coupon/get_list"); body != `{"status":1,"page":1,"page_size":2,"page_ctx":""}` {
		t.Errorf("get_list body = %s", body)
	}
	if ids := p.IDs(); p.TotalNum != n || len(ids) != 2 || ids[1].String() != "12639901" || p.PageCtx == "" {
		t.Errorf("page = %+v", p)
	}
	var got []string
	for id, err := range c.Coupons.List(ctx, channels.CouponEditing) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, id.String())
	}
	if len(got) != n || got[0] != "12639900" || got[n-1] != "12640102" {
		t.Fatalf("List = %d ids, last %v", len(got), got[len(got)-1:])
	}
	// The second page carries the first page's page_ctx.
	if body := asMap(t, lastBody(t, srv, "POST /channels/ec/coupon/get_list")); body["page"] != float64(2) || body["page_ctx"] != "chcp:1" {
		t.Errorf("second page body = %v", body)
	}
	// No coupon is void: List ends after one empty page.
	for range c.Coupons.List(ctx, channels.CouponVoid) {
		t.Fatal("void coupons listed")
	}
	_, err = c.Coupons.ListPage(ctx, channels.CouponEditing, 10, 1, "")
	wantAPIError(t, err, fakewechat.CodeChannelsCouponPageGap)
}

func TestCouponUserList(t *testing.T) {
	srv, c := newClient(t)
	ctx := context.Background()
	id := srv.ChannelsAddCoupon(fakewechat.DefaultAppID, fakewechat.ChannelsCoupon{Status: channels.CouponValid})
	const n = channels.CouponPageSize + 1
	for i := 0; i < n; i++ {
		if _, err := srv.ChannelsGiveCoupon(fakewechat.DefaultAppID, "buyer", id); err != nil {
			t.Fatal(err)
		}
	}
	p, err := c.Coupons.UserListPage(ctx, "buyer", channels.UserCouponValid, 1, 1, "")
	if err != nil {
		t.Fatal(err)
	}
	if body := lastBody(t, srv, "POST /channels/ec/coupon/get_user_coupon_list"); body != `{"openid":"buyer","status":100,"page":1,"page_size":1,"page_ctx":""}` {
		t.Errorf("get_user_coupon_list body = %s", body)
	}
	if len(p.UserCoupons) != 1 || p.UserCoupons[0].UserCouponID.String() != "109694341" || p.UserCoupons[0].CouponID.String() != id || p.TotalNum != n {
		t.Errorf("page = %+v", p)
	}
	count := 0
	for ref, err := range c.Coupons.UserList(ctx, "buyer", 0) {
		if err != nil {
			t.Fatal(err)
		}
		if ref.CouponID.String() != id {
			t.Fatalf("ref = %+v", ref)
		}
		count++
	}
	if count != n {
		t.Errorf("UserList = %d coupons, want %d", count, n)
	}
	// Status 0 (all) is left out of the body.
	if body := asMap(t, lastBody(t, srv, "POST /channels/ec/coupon/get_user_coupon_list")); body["status"] != nil || body["page"] != float64(2) {
		t.Errorf("second page body = %v", body)
	}
	_, err = c.Coupons.UserListPage(ctx, "buyer", channels.CouponValid, 1, 1, "")
	wantAPIError(t, err, fakewechat.CodeChannelsCouponStatus)

	before := len(srv.Requests())
	_, err = c.Coupons.UserListPage(ctx, "", 0, 1, 1, "")
	wantArgError(t, srv, before, err, "openid")
	_, err = c.Coupons.UserListPage(ctx, "buyer", 0, 1, 0, "")
	wantArgError(t, srv, before, err, "page_size")
}
