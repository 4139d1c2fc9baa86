package fakewechat

import "testing"

func TestChannelsAddressWire(t *testing.T) {
	s := NewTestServer(t)
	tok := "?access_token=" + mustToken(t, s)
	const add = "/channels/ec/merchant/address/add"
	wantErr(t, call(t, s, "POST", add+tok, ""), CodeEmptyPostData, "empty post data")
	wantErr(t, call(t, s, "POST", add+tok, M{}), CodeInvalidArgs, "invalid args: address_detail")
	wantErr(t, call(t, s, "POST", add+tok, M{"address_detail": "x"}), CodeDataFormat, "data format error")
	info := M{"user_name": "张三", "province_name": "广东省", "city_name": "广州市", "county_name": "天河区", "detail_info": "天河路1号"}
	wantErr(t, call(t, s, "POST", add+tok, M{"address_detail": M{"address_info": M{"user_name": "张三"}}}), CodeInvalidArgs, "invalid args: address_info.province_name")
	wantErr(t, call(t, s, "POST", add+tok, M{"address_detail": M{"address_info": info, "send_addr": 2}}), CodeInvalidArgs, "invalid args: send_addr")
	wantErr(t, call(t, s, "POST", add+tok, M{"address_detail": M{"address_info": info, "send_addr": "1"}}), CodeDataFormat, "")
	// The docs' examples send the flags as 0/1: accepted, answered as booleans.
	a := call(t, s, "POST", add+tok, M{"address_detail": M{"address_info": info, "send_addr": 1, "default_send": 0}})
	id, _ := a.m["address_id"].(string)
	if a.errcode() != 0 || id != "1000001" {
		t.Fatalf("add = %s", a.raw)
	}
	a = call(t, s, "POST", "/channels/ec/merchant/address/get"+tok, M{"address_id": 1000001})
	d, _ := a.m["address_detail"].(map[string]any)
	if a.errcode() != 0 || d["address_id"] != float64(1000001) || d["send_addr"] != true || d["default_send"] != false || d["recv_addr"] != false || d["name"] != "" {
		t.Errorf("get = %s", a.raw)
	}
	wantErr(t, call(t, s, "POST", "/channels/ec/merchant/address/get"+tok, M{}), CodeInvalidArgs, "invalid args: address_id")
	wantErr(t, call(t, s, "POST", "/channels/ec/merchant/address/list"+tok, M{"offset": 0}), CodeInvalidArgs, "invalid args")
	wantErr(t, call(t, s, "POST", "/channels/ec/merchant/address/list"+tok, M{"offset": -1, "limit": 1}), CodeInvalidArgs, "invalid args")
	a = call(t, s, "POST", "/channels/ec/merchant/address/list"+tok, M{"offset": 5, "limit": 1 << 62})
	if l, _ := a.m["address_id_list"].([]any); a.errcode() != 0 || l == nil || len(l) != 0 {
		t.Errorf("list past the end = %s", a.raw)
	}
	wantErr(t, call(t, s, "POST", "/channels/ec/merchant/address/update"+tok, M{"address_detail": M{"address_id": 7, "address_info": info}}), CodeInvalidArgs, "invalid args: address_id")
}
