package channels_test

import (
	"net/http"
	"testing"

	"github.com/weixin-go/wechat/fakewechat"
)

func TestCategories(t *testing.T) {
	srv, c := newClient(t)
	ctx := t.Context()
	all, err := c.Categories.All(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(all.Cats) != 1 || len(all.Cats[0].CatAndQua) != 3 || len(all.CatsV2) != 1 || len(all.CatsV2[0].CatAndQua) != 4 {
		t.Fatalf("All = %+v", all)
	}
	leaf := all.CatsV2[0].CatAndQua[3]
	if leaf.Cat.CatID != "545301" || leaf.Cat.Name != "国产白兰地" || leaf.Cat.FCatID != "10000454" || leaf.Cat.Level != 4 ||
		!leaf.Cat.Leaf || !leaf.Qua.NeedToApply || leaf.Qua.QuaID != "0" || string(leaf.ProductQuaList) != "[]" {
		t.Errorf("leaf = %+v", leaf)
	}
	if top := all.Cats[0].CatAndQua[0].Cat; top.CatID != "7339" || top.FCatID != "0" || top.Leaf {
		t.Errorf("top = %+v", top)
	}
	if rr, _ := srv.LastRequest("POST /shop/ec/category/all"); rr.Method != http.MethodPost || len(rr.Body) != 0 {
		t.Errorf("all request %s %q", rr.Method, rr.Body)
	}

	d, err := c.Categories.Detail(ctx, leaf.Cat.CatID)
	if err != nil {
		t.Fatal(err)
	}
	if d.Info.CatID != "545301" || d.Info.Name != "国产白兰地" || !d.Attr.SevenDayReturn || d.Attr.Deposit != 1000000 || string(d.Attr.BrandList) != "[]" {
		t.Errorf("Detail = %+v", d)
	}
	if got := lastBody(t, srv, "POST /shop/ec/category/detail"); got != `{"cat_id":545301}` {
		t.Errorf("detail body = %s", got)
	}
	_, err = c.Categories.Detail(ctx, "7339")
	wantAPIError(t, err, fakewechat.CodeChannelsCategoryArgs)

	before := len(srv.Requests())
	_, err = c.Categories.Detail(ctx, "")
	wantArgError(t, srv, before, err, "cat_id")
	_, err = c.Categories.Detail(ctx, "x1")
	wantArgError(t, srv, before, err, "cat_id")

	list, err := c.Categories.Available(ctx)
	if err != nil || len(list) != 2 || list[1].CatID != "1096" || list[1].QuaID != "6" {
		t.Fatalf("Available = %+v, %v", list, err)
	}
	if rr, _ := srv.LastRequest("GET /channels/ec/category/list/get"); rr.Method != http.MethodGet || len(rr.Body) != 0 {
		t.Errorf("list/get request %s %q", rr.Method, rr.Body)
	}
	srv.Inject(fakewechat.Fault{Path: "GET /channels/ec/category/list/get", Errcode: 48001, Times: 1})
	_, err = c.Categories.Available(ctx)
	wantAPIError(t, err, 48001)
}
