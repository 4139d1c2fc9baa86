package channels

import (
	"context"
	"iter"
	"net/http"

	wechat "github.com/weixin-go/wechat"
)

// brandAll is the brand library list; the current docs give the path under
// /shop (older pages gave /channels/ec/brand/all).
var brandAll = wechat.Endpoint{Method: http.MethodPost, Path: "/shop/ec/brand/all"}

// MaxBrandPage is the largest page of BrandService.AllPage.
const MaxBrandPage = 50

// LibraryBrand is a brand of WeChat's brand library (品牌库): its BrandID is
// what a brand qualification or a product names.
type LibraryBrand struct {
	BrandID wechat.FlexID `json:"brand_id"`
	// ChName and EnName are the trademark's Chinese and English names.
	ChName string `json:"ch_name"`
	EnName string `json:"en_name"`
}

// BrandPage is one page of the brand library.
type BrandPage struct {
	Brands []LibraryBrand `json:"brands"`
	// NextKey asks for the next page.
	NextKey string `json:"next_key"`
	// ContinueFlag tells whether another page follows.
	ContinueFlag bool `json:"continue_flag"`
}

// AllPage returns one page of up to pageSize (1 to 50; 0 means 10) brands
// of the brand library: nextKey is "" for the first page, then the NextKey
// of the previous page.
// https://developers.weixin.qq.com/doc/store/API/brand/all_get.html
func (s *BrandService) AllPage(ctx context.Context, pageSize int, nextKey string) (*BrandPage, error) {
	if pageSize == 0 {
		pageSize = 10
	}
	if pageSize < 1 || pageSize > MaxBrandPage {
		return nil, invalidArg("page_size", "must be 1 to 50")
	}
	body := struct {
		PageSize int    `json:"page_size"`
		NextKey  string `json:"next_key,omitempty"`
	}{pageSize, nextKey}
	return call[BrandPage](ctx, s.c, brandAll, nil, body)
}

// All iterates over the brand library, MaxBrandPage at a time, while
// continue_flag says more follow.
// https://developers.weixin.qq.com/doc/store/API/brand/all_get.html
func (s *BrandService) All(ctx context.Context) iter.Seq2[LibraryBrand, error] {
	return wechat.CursorPages(ctx, "", func(ctx context.Context, key string) ([]LibraryBrand, string, error) {
		p, err := s.AllPage(ctx, MaxBrandPage, key)
		if err != nil {
			return nil, "", err
		}
		if !p.ContinueFlag {
			return p.Brands, "", nil
		}
		return p.Brands, p.NextKey, nil
	})
}
