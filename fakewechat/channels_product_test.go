package fakewechat

import (
	"strings"
	"testing"
)

func TestChannelsProductWire(t *testing.T) {
	s := NewTestServer(t)
	tok := "?access_token=" + mustToken(t, s)
	// basics/info/get is GET only.
	wantErr(t, call(t, s, "POST", "/channels/ec/basics/info/get"+tok, "{}"), CodeRequireGET, "require GET method")
	if a := call(t, s, "GET", "/channels/ec/basics/info/get"+tok, nil); a.errcode() != 0 || a.m["info"].(map[string]any)["username"] != "USERNAME" {
		t.Fatalf("info = %s", a.raw)
	}
	wantErr(t, call(t, s, "POST", "/channels/ec/product/add"+tok, ""), CodeEmptyPostData, "empty post data")
	wantErr(t, call(t, s, "POST", "/channels/ec/product/add"+tok, "[1]"), CodeDataFormat, "data format error")
	wantErr(t, call(t, s, "POST", "/channels/ec/product/add"+tok, `{"title":"","head_imgs":[]}`), CodeChannelsProductTitleEmpty, "商品标题为空")
	imgs := []string{ChannelsImagePrefix + "1", ChannelsImagePrefix + "2", ChannelsImagePrefix + "3"}
	good := M{"title": "挂耳咖啡十包装", "head_imgs": imgs, "cats": []M{{"cat_id": "1"}}, "skus": []M{{"sale_price": 100, "stock_num": 1}}}
	with := func(k string, v any) M {
		m := M{}
		for kk, vv := range good {
			m[kk] = vv
		}
		m[k] = v
		return m
	}
	for _, tt := range []struct {
		body M
		code int
	}{
		{with("title", strings.Repeat("咖", 61)), CodeChannelsProductTitleLong},
		{with("head_imgs", append(imgs, imgs[0]+"4", imgs[0]+"5", imgs[0]+"6", imgs[0]+"7", imgs[0]+"8", imgs[0]+"9", imgs[0]+"10")), CodeChannelsProductImgsMany},
		{with("head_imgs", []string{}), CodeChannelsProductImgsEmpty},
		{with("out_product_id", strings.Repeat("a", 129)), CodeChannelsProductOutID},
		{with("skus", []M{}), CodeChannelsProductSKUCount},
		{with("desc_info", M{"imgs": []string{"http://example.com/x.jpg"}}), CodeChannelsProductImageURL},
	} {
		wantErr(t, call(t, s, "POST", "/channels/ec/product/add"+tok, tt.body), tt.code, "")
	}
	a := call(t, s, "POST", "/channels/ec/product/add"+tok, good)
	data, _ := a.m["data"].(map[string]any)
	id, _ := data["product_id"].(string)
	if a.errcode() != 0 || id == "" {
		t.Fatalf("add = %s", a.raw)
	}
	// get answers product_id as a number, as the docs' table types it.
	a = call(t, s, "POST", "/channels/ec/product/get"+tok, M{"product_id": id, "data_type": 2})
	if ep := a.m["edit_product"].(map[string]any); ep["product_id"] == nil || strings.Contains(string(a.raw), `"product_id":"`) {
		t.Errorf("get = %s", a.raw)
	}
	wantErr(t, call(t, s, "POST", "/channels/ec/product/get"+tok, M{"product_id": id, "data_type": 5}), CodeChannelsProductArgs, "")
	wantErr(t, call(t, s, "POST", "/channels/ec/product/listing"+tok, M{}), CodeChannelsProductArgs, "")
	wantErr(t, call(t, s, "POST", "/channels/ec/product/list/get"+tok, M{"page_size": 31}), CodeChannelsProductArgs, "")
	wantErr(t, call(t, s, "POST", "/channels/ec/product/stock/update"+tok, M{"product_id": id, "sku_id": "1", "diff_type": 1, "num": 1}), CodeChannelsProductArgs, "")
	// State is per app and Reset forgets it.
	s.Reset()
	tok = "?access_token=" + mustToken(t, s)
	wantErr(t, call(t, s, "POST", "/channels/ec/product/get"+tok, M{"product_id": id}), CodeChannelsProductNotFound, "商品不存在")
}
