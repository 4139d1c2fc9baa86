package fakewechat

import "testing"

func TestChannelsCategoryWire(t *testing.T) {
	s := NewTestServer(t)
	tok := "?access_token=" + mustToken(t, s)
	for _, m := range []string{"GET", "POST"} {
		a := call(t, s, m, "/shop/ec/category/all"+tok, nil)
		if a.errcode() != 0 || len(a.m["cats_v2"].([]any)) != 1 {
			t.Errorf("%s all = %s", m, a.raw)
		}
	}
	const detail = "/shop/ec/category/detail"
	wantErr(t, call(t, s, "POST", detail+tok, ""), CodeEmptyPostData, "empty post data")
	wantErr(t, call(t, s, "POST", detail+tok, M{"cat_id": "545301"}), CodeChannelsCategoryArgs, "参数有误")
	wantErr(t, call(t, s, "POST", detail+tok, M{"cat_id": 7339}), CodeChannelsCategoryArgs, "参数有误")
	a := call(t, s, "POST", detail+tok, M{"cat_id": 545301})
	if a.errcode() != 0 || a.m["info"].(map[string]any)["name"] != "国产白兰地" {
		t.Errorf("detail = %s", a.raw)
	}
	wantErr(t, call(t, s, "POST", "/channels/ec/category/list/get"+tok, "{}"), CodeRequireGET, "require GET method")
}
