package fakewechat

import "testing"

func TestChannelsFundsWire(t *testing.T) {
	s := NewTestServer(t)
	tok := "?access_token=" + mustToken(t, s)
	wantErr(t, call(t, s, "POST", "/channels/ec/funds/getbalance"+tok, ""), CodeEmptyPostData, "empty post data")
	a := call(t, s, "POST", "/channels/ec/funds/getbalance"+tok, M{})
	if a.errcode() != 0 || a.m["available_amount"] != float64(ChannelsAvailableAmount) || a.m["sub_mchid"] != ChannelsSubMchID {
		t.Errorf("getbalance = %s", a.raw)
	}
	const submit = "/channels/ec/funds/submitwithdraw"
	wantErr(t, call(t, s, "POST", submit+tok, M{}), CodeInvalidArgs, "invalid args: amount")
	wantErr(t, call(t, s, "POST", submit+tok, M{"amount": "1"}), CodeDataFormat, "")
	wantErr(t, call(t, s, "POST", submit+tok, M{"amount": -1}), CodeInvalidArgs, "invalid args: amount")
	wantErr(t, call(t, s, "POST", "/channels/ec/funds/getfundsflowdetail"+tok, M{"flow_id": 1}), CodeDataFormat, "")
	wantErr(t, call(t, s, "POST", "/channels/ec/funds/getwithdrawlist"+tok, M{"page_num": 1}), CodeInvalidArgs, "invalid args: page_num")
	a = call(t, s, "POST", "/channels/ec/funds/getwithdrawlist"+tok, M{"page_num": 1 << 62, "page_size": 1 << 62})
	if l, _ := a.m["withdraw_ids"].([]any); a.errcode() != 0 || l == nil || len(l) != 0 || a.m["total_num"] != float64(0) {
		t.Errorf("empty list = %s", a.raw)
	}
	wantErr(t, call(t, s, "POST", "/channels/ec/funds/getwithdrawdetail"+tok, M{"withdraw_id": "wd1"}), CodeInvalidArgs, "invalid args: withdraw_id")
	const flows = "/channels/ec/funds/getfundsflowlist"
	wantErr(t, call(t, s, "POST", flows+tok, M{"page": 0}), CodeInvalidArgs, "invalid args: page")
	wantErr(t, call(t, s, "POST", flows+tok, M{"page": 1 << 40}), CodeInvalidArgs, "invalid args: page")
	wantErr(t, call(t, s, "POST", flows+tok, M{"page": 100, "page_size": 100}), CodeInvalidArgs, "invalid args: next_key required")
	a = call(t, s, "POST", flows+tok, M{})
	if l, _ := a.m["flow_ids"].([]any); a.errcode() != 0 || len(l) != len(ChannelsFundsFlows) || a.m["has_more"] != false || a.m["next_key"] != "" {
		t.Errorf("flows = %s", a.raw)
	}
	a = call(t, s, "POST", flows+tok, M{"page": 9, "page_size": 1})
	if l, _ := a.m["flow_ids"].([]any); a.errcode() != 0 || l == nil || len(l) != 0 {
		t.Errorf("flows past the end = %s", a.raw)
	}
}
