package fakewechat

import "testing"

func TestChannelsOrderWire(t *testing.T) {
	s := NewTestServer(t)
	tok := "?access_token=" + mustToken(t, s)
	if _, err := s.ChannelsAddOrder(DefaultAppID, ChannelsOrder{ProductID: "1", SKUID: "1"}); err == nil {
		t.Error("an order of an unknown product")
	}
	if s.ChannelsSetOrderStatus(DefaultAppID, "1", 30) {
		t.Error("status set on an unknown order")
	}
	wantErr(t, call(t, s, "POST", "/channels/ec/order/get"+tok, ""), CodeEmptyPostData, "empty post data")
	wantErr(t, call(t, s, "POST", "/channels/ec/order/get"+tok, M{}), CodeInvalidArgs, "invalid args: order_id")
	wantErr(t, call(t, s, "POST", "/channels/ec/order/get"+tok, M{"order_id": 3700000000000000001}), CodeChannelsOrderNotFound, "订单不存在")
	now := s.Now().Unix()
	for _, body := range []M{
		{"page_size": 10},
		{"create_time_range": M{"start_time": now - 8*86400, "end_time": now}},
		{"update_time_range": M{"start_time": now, "end_time": now - 1}},
		{"create_time_range": M{"start_time": now, "end_time": now}, "page_size": 101},
		{"create_time_range": M{"start_time": now, "end_time": now}, "page_size": 0},
	} {
		wantErr(t, call(t, s, "POST", "/channels/ec/order/list/get"+tok, body), CodeInvalidArgs, "invalid args")
	}
	// A field of the wrong type is a format error.
	wantErr(t, call(t, s, "POST", "/channels/ec/order/list/get"+tok, M{"update_time_range": M{"start_time": "x", "end_time": now}}), CodeDataFormat, "data format error")
	a := call(t, s, "POST", "/channels/ec/order/list/get"+tok, M{"create_time_range": M{"start_time": now, "end_time": now}})
	if a.errcode() != 0 || string(a.raw) == "" || a.m["order_id_list"] == nil || a.m["next_key"] != nil {
		t.Errorf("empty list = %s", a.raw)
	}
	if a := call(t, s, "POST", "/channels/ec/order/deliverycompanylist/get"+tok, "{}"); a.errcode() != 0 || len(a.m["company_list"].([]any)) != 3 {
		t.Errorf("companies = %s", a.raw)
	}
}
