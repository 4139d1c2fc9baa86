package miniprogram_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/miniprogram"
)

func TestSearchSubmitAndSiteSearch(t *testing.T) {
	srv, c := newClient(t)
	ctx := t.Context()
	pages := make([]miniprogram.PageInfo, 25)
	for i := range pages {
		pages[i] = miniprogram.PageInfo{Path: "pages/goods/goods", Query: fmt.Sprintf("id=%d", i)}
	}
	if err := c.Search.SubmitPages(ctx, append(pages, miniprogram.PageInfo{Path: "pages/about/about"})); err != nil {
		t.Fatal(err)
	}
	_, body := last(t, srv, "POST /wxa/search/wxaapi_submitpages")
	if got := body["pages"].([]any); len(got) != 26 || asJSON(t, got[0]) != `{"path":"pages/goods/goods","query":"id=0"}` {
		t.Errorf("pages = %v", got)
	}
	r, err := c.Search.SiteSearch(ctx, "goods", "")
	if err != nil || len(r.Items) != fakewechat.MPSearchPageSize || r.HitCount != 25 || r.HasNextPage != 1 || r.NextPageInfo == "" {
		t.Fatalf("first page = %+v, %v", r, err)
	}
	r2, err := c.Search.SiteSearch(ctx, "goods", r.NextPageInfo)
	if err != nil || r2.Items[0].Path == r.Items[0].Path {
		t.Fatalf("second page = %+v, %v", r2, err)
	}
	if _, body := last(t, srv, "POST /wxa/sitesearch"); body["keyword"] != "goods" || body["next_page_info"] != r.NextPageInfo {
		t.Errorf("body = %v", body)
	}
	// The iterator walks every page.
	n := srv.Count("POST /wxa/sitesearch")
	var seen []string
	for p, err := range c.Search.SiteSearchAll(ctx, "goods") {
		if err != nil {
			t.Fatal(err)
		}
		seen = append(seen, p.Path)
	}
	if len(seen) != 25 || srv.Count("POST /wxa/sitesearch")-n != 3 || !strings.HasSuffix(seen[24], "id=24") {
		t.Fatalf("iterated %d pages with %d requests", len(seen), srv.Count("POST /wxa/sitesearch")-n)
	}
	// Stopping early.
	n = srv.Count("POST /wxa/sitesearch")
	for range c.Search.SiteSearchAll(ctx, "goods") {
		break
	}
	if srv.Count("POST /wxa/sitesearch")-n != 1 {
		t.Errorf("early stop fetched more pages")
	}
	// An error ends the iteration.
	srv.Inject(fakewechat.Fault{Path: "POST /wxa/sitesearch", Errcode: -1, Times: 1})
	for _, err := range c.Search.SiteSearchAll(ctx, "goods") {
		wantAPIError(t, err, -1)
	}
	before := len(srv.Requests())
	_, err = c.Search.SiteSearch(ctx, "", "")
	wantArgError(t, srv, before, err, "keyword")
	wantArgError(t, srv, before, c.Search.SubmitPages(ctx, nil), "pages")
	wantArgError(t, srv, before, c.Search.SubmitPages(ctx, []miniprogram.PageInfo{{Query: "a=1"}}), "pages")
}

func TestImageSearch(t *testing.T) {
	srv, c := newClient(t)
	srv.MPAddProducts(fakewechat.DefaultAppID, fakewechat.MPProduct{Title: "redshoe", ImgURL: "https://example.com/s.jpg", Price: "99.00", Path: "pages/goods/goods?id=7"},
		fakewechat.MPProduct{Title: "bluehat", Path: "pages/goods/goods?id=8"})
	items, err := c.Search.ImageSearch(t.Context(), "shot.jpg", strings.NewReader("\xff\xd8 photo of a redshoe"))
	if err != nil || len(items) != 1 || items[0].Price != "99.00" || items[0].Path != "pages/goods/goods?id=7" {
		t.Fatalf("items = %+v, %v", items, err)
	}
	if rr, _ := last(t, srv, "POST /wxa/imagesearch"); !strings.Contains(string(rr.Body), `name="img"; filename="shot.jpg"`) {
		t.Errorf("multipart body lacks the img part")
	}
	before := len(srv.Requests())
	_, err = c.Search.ImageSearch(t.Context(), "", strings.NewReader("x"))
	wantArgError(t, srv, before, err, "filename")
	_, err = c.Search.ImageSearch(t.Context(), "a.jpg", nil)
	wantArgError(t, srv, before, err, "img")
}
