package fakewechat

import "testing"

func TestChannelsCouponWire(t *testing.T) {
	s := NewTestServer(t)
	tok := "?access_token=" + mustToken(t, s)
	const get, list, upd = "/channels/ec/coupon/get", "/channels/ec/coupon/get_list", "/channels/ec/coupon/update_status"
	for i := 0; i < 3; i++ {
		s.ChannelsAddCoupon(DefaultAppID, ChannelsCoupon{DiscountFee: 500, IssuedNum: 100})
	}
	wantErr(t, call(t, s, "POST", get+tok, ""), CodeEmptyPostData, "empty post data")
	wantErr(t, call(t, s, "POST", get+tok, M{}), CodeChannelsCouponNotFound, "优惠券不存在")
	wantErr(t, call(t, s, "POST", get+tok, M{"coupon_id": "1"}), CodeChannelsCouponNotFound, "")
	a := call(t, s, "POST", get+tok, M{"coupon_id": 12639900}) // a number is accepted too
	c, _ := a.m["coupon"].(map[string]any)
	if a.errcode() != 0 || c["coupon_id"] != "12639900" || c["type"] != float64(104) || c["status"] != float64(1) {
		t.Fatalf("get = %s", a.raw)
	}

	wantErr(t, call(t, s, "POST", list+tok, M{"status": 1, "page": 1, "page_size": 10}), CodeInvalidArgs, "invalid args")
	wantErr(t, call(t, s, "POST", list+tok, M{"status": 1, "page": 1, "page_size": 201, "page_ctx": ""}), CodeInvalidArgs, "invalid args")
	wantErr(t, call(t, s, "POST", list+tok, M{"status": 6, "page": 1, "page_size": 10, "page_ctx": ""}), CodeChannelsCouponStatus, "优惠券状态不对")
	wantErr(t, call(t, s, "POST", list+tok, M{"status": 1, "page": 10, "page_size": 1, "page_ctx": ""}), CodeChannelsCouponPageGap, "")
	wantErr(t, call(t, s, "POST", list+tok, M{"status": 1, "page": 1, "page_size": 1, "page_ctx": "x"}), CodeInvalidArgs, "invalid args: page_ctx")
	wantErr(t, call(t, s, "POST", list+tok, M{"status": 1, "page": 13, "page_size": 1, "page_ctx": "chcp:2"}), CodeChannelsCouponPageGap, "")
	a = call(t, s, "POST", list+tok, M{"status": 1, "page": 2, "page_size": 2, "page_ctx": ""})
	if a.errcode() != 0 || a.m["total_num"] != float64(3) || a.m["page_ctx"] != "chcp:2" {
		t.Fatalf("list = %s", a.raw)
	}
	if l, _ := a.m["coupons"].([]any); len(l) != 1 || l[0].(map[string]any)["coupon_id"] != "12639902" {
		t.Fatalf("list page 2 = %s", a.raw)
	}

	wantErr(t, call(t, s, "POST", upd+tok, M{"coupon_id": "9", "status": 2}), CodeChannelsCouponNotFound, "")
	wantErr(t, call(t, s, "POST", upd+tok, M{"coupon_id": "12639900"}), CodeInvalidArgs, "invalid args: status")
	wantErr(t, call(t, s, "POST", upd+tok, M{"coupon_id": "12639900", "status": 3}), CodeChannelsCouponStatus, "")
	for _, st := range []struct {
		id string
		to int
	}{{"12639900", 2}, {"12639901", 4}, {"12639902", 5}} {
		if a := call(t, s, "POST", upd+tok, M{"coupon_id": st.id, "status": st.to}); a.errcode() != 0 {
			t.Fatalf("update_status %v = %s", st, a.raw)
		}
	}
	wantErr(t, call(t, s, "POST", upd+tok, M{"coupon_id": "12639900", "status": 2}), CodeChannelsCouponStatus, "")
	wantErr(t, call(t, s, "POST", upd+tok, M{"coupon_id": "12639900", "status": 5}), CodeChannelsCouponNotExpired, "优惠券还没过期")
	a = call(t, s, "POST", list+tok, M{"status": 200, "page": 1, "page_size": 10, "page_ctx": ""})
	if l, _ := a.m["coupons"].([]any); len(l) != 1 || a.m["total_num"] != float64(1) {
		t.Fatalf("list of void = %s", a.raw)
	}

	const ulist = "/channels/ec/coupon/get_user_coupon_list"
	if _, err := s.ChannelsGiveCoupon(DefaultAppID, "u1", "12639901"); err == nil {
		t.Fatal("gave a void coupon")
	}
	uid, err := s.ChannelsGiveCoupon(DefaultAppID, "u1", "12639900")
	if err != nil || uid != "109694341" {
		t.Fatalf("give = %q, %v", uid, err)
	}
	wantErr(t, call(t, s, "POST", ulist+tok, M{"page": 1, "page_size": 10, "page_ctx": ""}), 40003, "invalid openid")
	wantErr(t, call(t, s, "POST", ulist+tok, M{"openid": "u1", "status": 2, "page": 1, "page_size": 10, "page_ctx": ""}), CodeChannelsCouponStatus, "")
	wantErr(t, call(t, s, "POST", ulist+tok, M{"openid": "u1", "page": 0, "page_size": 10, "page_ctx": ""}), CodeInvalidArgs, "invalid args")
	a = call(t, s, "POST", ulist+tok, M{"openid": "u1", "page": 1, "page_size": 10, "page_ctx": ""})
	if l, _ := a.m["user_coupon_list"].([]any); a.errcode() != 0 || len(l) != 1 || l[0].(map[string]any)["user_coupon_id"] != "109694341" || l[0].(map[string]any)["coupon_id"] != "12639900" {
		t.Fatalf("user list = %s", a.raw)
	}
	a = call(t, s, "POST", ulist+tok, M{"openid": "u1", "status": 102, "page": 1, "page_size": 10, "page_ctx": ""})
	if l, _ := a.m["user_coupon_list"].([]any); a.errcode() != 0 || l == nil || len(l) != 0 {
		t.Fatalf("user list of used = %s", a.raw)
	}
}
