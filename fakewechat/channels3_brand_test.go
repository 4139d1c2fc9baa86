package fakewechat

import "testing"

func TestChannelsBrandWire(t *testing.T) {
	s := NewTestServer(t)
	tok := "?access_token=" + mustToken(t, s)
	for _, path := range []string{"/shop/ec/brand/all", "/channels/ec/brand/all"} {
		wantErr(t, call(t, s, "POST", path+tok, ""), CodeEmptyPostData, "empty post data")
		wantErr(t, call(t, s, "POST", path+tok, M{"page_size": 51}), CodeChannelsBrandArgs, "page_size")
		wantErr(t, call(t, s, "POST", path+tok, M{"page_size": 5, "next_key": "x"}), CodeChannelsBrandArgs, "invalid next_key")
		wantErr(t, call(t, s, "POST", path+tok, M{"page_size": "5"}), CodeDataFormat, "")
		a := call(t, s, "POST", path+tok, M{"page_size": 3})
		if b, _ := a.m["brands"].([]any); a.errcode() != 0 || len(b) != 3 || a.m["next_key"] != "10000003" || a.m["continue_flag"] != true {
			t.Errorf("page 1 = %s", a.raw)
		}
		a = call(t, s, "POST", path+tok, M{"page_size": 3, "next_key": "10000003"})
		if b, _ := a.m["brands"].([]any); a.errcode() != 0 || len(b) != 2 || a.m["next_key"] != "" || a.m["continue_flag"] != false {
			t.Errorf("page 2 = %s", a.raw)
		}
	}
}
