package fakewechat

import "testing"

func TestChannelsAfterSaleWire(t *testing.T) {
	s := NewTestServer(t)
	tok := "?access_token=" + mustToken(t, s)
	if _, err := s.ChannelsAddAfterSale(DefaultAppID, "1", "REFUND", 1); err == nil {
		t.Error("after-sale of an unknown order")
	}
	if _, err := s.ChannelsAddAfterSale(DefaultAppID, "1", "EXCHANGE", 1); err == nil {
		t.Error("after-sale of an unsupported type")
	}
	if s.ChannelsReturnGoods(DefaultAppID, "1", "SF", "1") {
		t.Error("goods returned for an unknown request")
	}
	wantErr(t, call(t, s, "POST", "/channels/ec/aftersale/getaftersaleorder"+tok, M{}), CodeChannelsAfterSaleID, "售后单号不合法")
	wantErr(t, call(t, s, "POST", "/channels/ec/aftersale/acceptapply"+tok, M{"after_sale_order_id": "1"}), CodeChannelsAfterSaleNotFound, "售后单不存在")
	wantErr(t, call(t, s, "POST", "/channels/ec/aftersale/getaftersalelist"+tok, M{"begin_create_time": 1}), CodeInvalidArgs, "invalid args")
	wantErr(t, call(t, s, "POST", "/channels/ec/aftersale/getaftersalelist"+tok, M{"begin_create_time": 1, "end_create_time": 86402}), CodeChannelsAfterSaleTimeRange, "非法的时间区间")
	wantErr(t, call(t, s, "POST", "/channels/ec/aftersale/getaftersalelist"+tok, M{"begin_update_time": 5, "end_update_time": 4}), CodeChannelsAfterSaleTimeRange, "非法的时间区间")
	wantErr(t, call(t, s, "POST", "/channels/ec/aftersale/getaftersalelist"+tok, M{"begin_update_time": 1, "end_update_time": 2, "next_key": "x"}), CodeInvalidArgs, "invalid args: next_key")
	a := call(t, s, "POST", "/channels/ec/aftersale/getaftersalelist"+tok, M{"begin_update_time": 1, "end_update_time": 2})
	if a.errcode() != 0 || a.m["has_more"] != false || a.m["after_sale_order_id_list"] == nil {
		t.Errorf("empty list = %s", a.raw)
	}
}
