package channels_test

import (
	"testing"

	"github.com/weixin-go/wechat/fakewechat"
)

func TestBrandAll(t *testing.T) {
	srv, c := newClient(t)
	ctx := t.Context()
	p, err := c.Brands.AllPage(ctx, 2, "")
	if err != nil || len(p.Brands) != 2 || p.Brands[1].BrandID != "10000001" || p.Brands[1].EnName != "ZTE" || p.Brands[0].ChName != "碧芭宝贝" ||
		p.NextKey != "10000002" || !p.ContinueFlag {
		t.Fatalf("AllPage = %+v, %v", p, err)
	}
	if got := lastBody(t, srv, "POST /shop/ec/brand/all"); got != `{"page_size":2}` {
		t.Errorf("body = %s", got)
	}
	p, err = c.Brands.AllPage(ctx, 0, p.NextKey)
	if err != nil || len(p.Brands) != 3 || p.ContinueFlag || p.Brands[2].EnName != "zuczug" {
		t.Fatalf("AllPage 2 = %+v, %v", p, err)
	}
	if got := lastBody(t, srv, "POST /shop/ec/brand/all"); got != `{"page_size":10,"next_key":"10000002"}` {
		t.Errorf("body = %s", got)
	}
	var names []string
	for b, err := range c.Brands.All(ctx) {
		if err != nil {
			t.Fatal(err)
		}
		names = append(names, b.EnName)
	}
	if len(names) != len(fakewechat.ChannelsBrands) || names[3] != "СПЕЦНАЗ--SPECNAZ" {
		t.Errorf("All = %q", names)
	}
	_, err = c.Brands.AllPage(ctx, 5, "bad")
	wantAPIError(t, err, fakewechat.CodeChannelsBrandArgs)
	before := len(srv.Requests())
	_, err = c.Brands.AllPage(ctx, 51, "")
	wantArgError(t, srv, before, err, "page_size")
	_, err = c.Brands.AllPage(ctx, -1, "")
	wantArgError(t, srv, before, err, "page_size")
}
