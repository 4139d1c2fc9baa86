package miniprogram

import (
	"context"
	"io"
	"iter"
	"net/http"

	wechat "github.com/weixin-go/wechat"
)

var (
	searchImage       = wechat.Endpoint{Method: http.MethodPost, Path: "/wxa/imagesearch"}
	searchSite        = wechat.Endpoint{Method: http.MethodPost, Path: "/wxa/sitesearch"}
	searchSubmitPages = wechat.Endpoint{Method: http.MethodPost, Path: "/wxa/search/wxaapi_submitpages"}
)

// ImageSearchItem is a product page found by ImageSearch.
type ImageSearchItem struct {
	Title  string `json:"title"`
	ImgURL string `json:"img_url"`
	Price  string `json:"price"`
	Path   string `json:"path"`
}

// ImageSearch finds the mini program's product pages that look like the
// image, which is streamed as the multipart field "img".
// https://developers.weixin.qq.com/miniprogram/dev/api-backend/open-api/search/search.imageSearch.html
func (s *SearchService) ImageSearch(ctx context.Context, filename string, content io.Reader) ([]ImageSearchItem, error) {
	if err := required("filename", filename); err != nil {
		return nil, err
	}
	if content == nil {
		return nil, invalidArg("img", "no content")
	}
	var out struct {
		Items []ImageSearchItem `json:"items"`
	}
	if err := s.c.Upload(ctx, searchImage, nil, wechat.UploadFile{Field: "img", Filename: filename, Content: content}, nil, &out); err != nil {
		return nil, err
	}
	return out.Items, nil
}

// SitePage is a mini program page found by SiteSearch.
type SitePage struct {
	Title       string `json:"title"`
	Description string `json:"description"`
	Image       string `json:"image"`
	Path        string `json:"path"`
}

// SiteSearchResult is one page of SiteSearch results.
type SiteSearchResult struct {
	Items []SitePage `json:"items"`
	// HasNextPage is 1 when NextPageInfo fetches more.
	HasNextPage  int    `json:"has_next_page"`
	NextPageInfo string `json:"next_page_info"`
	HitCount     int    `json:"hit_count"`
}

// SiteSearch searches the mini program's own pages indexed by WeChat;
// nextPageInfo is "" for the first page, then the previous page's NextPageInfo.
// https://developers.weixin.qq.com/miniprogram/dev/api-backend/open-api/search/search.siteSearch.html
func (s *SearchService) SiteSearch(ctx context.Context, keyword, nextPageInfo string) (*SiteSearchResult, error) {
	if err := required("keyword", keyword); err != nil {
		return nil, err
	}
	body := struct {
		Keyword      string `json:"keyword"`
		NextPageInfo string `json:"next_page_info"`
	}{keyword, nextPageInfo}
	return call[SiteSearchResult](ctx, s.c, searchSite, nil, body)
}

// SiteSearchAll iterates over every page found for keyword, fetching result
// pages as needed. The first error is yielded and ends the iteration.
// https://developers.weixin.qq.com/miniprogram/dev/api-backend/open-api/search/search.siteSearch.html
func (s *SearchService) SiteSearchAll(ctx context.Context, keyword string) iter.Seq2[SitePage, error] {
	return wechat.CursorPages(ctx, "", func(ctx context.Context, cursor string) ([]SitePage, string, error) {
		r, err := s.SiteSearch(ctx, keyword, cursor)
		if err != nil {
			return nil, "", err
		}
		if r.HasNextPage == 0 {
			return r.Items, "", nil
		}
		return r.Items, r.NextPageInfo, nil
	})
}

// PageInfo is a mini program page submitted for indexing.
type PageInfo struct {
	Path  string `json:"path"`
	Query string `json:"query"`
}

// SubmitPages submits pages (not web-view pages) for WeChat search to index.
// https://developers.weixin.qq.com/miniprogram/dev/api-backend/open-api/search/search.submitPages.html
func (s *SearchService) SubmitPages(ctx context.Context, pages []PageInfo) error {
	if len(pages) == 0 {
		return invalidArg("pages", "empty")
	}
	for _, p := range pages {
		if p.Path == "" {
			return invalidArg("pages", "page without path")
		}
	}
	return s.c.Do(ctx, searchSubmitPages, nil, map[string][]PageInfo{"pages": pages}, nil)
}
