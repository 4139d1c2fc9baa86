package miniprogram

import (
	"context"
	"iter"
	"net/http"
	"net/url"
	"strconv"

	wechat "github.com/weixin-go/wechat"
)

var (
	liveGoodsAdd        = liveEP(http.MethodPost, "/wxaapi/broadcast/goods/add")
	liveGoodsResetAudit = liveEP(http.MethodPost, "/wxaapi/broadcast/goods/resetaudit")
	liveGoodsAudit      = liveEP(http.MethodPost, "/wxaapi/broadcast/goods/audit")
	liveGoodsDelete     = liveEP(http.MethodPost, "/wxaapi/broadcast/goods/delete")
	liveGoodsUpdate     = liveEP(http.MethodPost, "/wxaapi/broadcast/goods/update")
	liveGoodsWarehouse  = liveEP(http.MethodPost, "/wxa/business/getgoodswarehouse")
	liveGoodsApproved   = liveEP(http.MethodGet, "/wxaapi/broadcast/goods/getapproved")
)

// Price types of live goods (Goods.PriceType).
const (
	PriceFixed    = 1 // Price
	PriceRange    = 2 // Price to Price2
	PriceDiscount = 3 // Price (original) and Price2 (now)
)

// Audit statuses of live goods (GetApproved status argument and GoodsState.AuditStatus).
const (
	GoodsUnaudited = 0
	GoodsAuditing  = 1
	GoodsApproved  = 2
	GoodsRejected  = 3
)

// Goods is a product of the live goods library, to add or update.
type Goods struct {
	// GoodsID is set for Update only.
	GoodsID         int     `json:"goodsId,omitempty"`
	CoverImgURL     string  `json:"coverImgUrl"` // media id of a temporary image
	Name            string  `json:"name"`        // 3 to 14 characters
	PriceType       int     `json:"priceType"`
	Price           float64 `json:"price"`
	Price2          float64 `json:"price2,omitempty"`
	URL             string  `json:"url"` // mini program page of the product
	ThirdPartyAppID string  `json:"thirdPartyAppid,omitempty"`
}

func (g *Goods) check() error {
	if g == nil {
		return invalidArg("goodsInfo", "no goods")
	}
	if err := required("coverImgUrl", g.CoverImgURL, "name", g.Name, "url", g.URL); err != nil {
		return err
	}
	if n := len([]rune(g.Name)); n < 3 || n > 14 {
		return invalidArg("name", "must be 3 to 14 characters")
	}
	switch g.PriceType {
	case PriceFixed:
	case PriceRange, PriceDiscount:
		if g.Price2 <= 0 {
			return invalidArg("price2", "required by this price type")
		}
	default:
		return invalidArg("priceType", "must be 1, 2 or 3")
	}
	return nil
}

// AddedGoods is the answer of Add and Audit.
type AddedGoods struct {
	GoodsID int `json:"goodsId"`
	AuditID int `json:"auditId"`
}

// Add adds a product to the goods library and submits it for review.
// https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/industry/liveplayer/commodity-api.html
func (s *LiveGoodsService) Add(ctx context.Context, g *Goods) (*AddedGoods, error) {
	if err := g.check(); err != nil {
		return nil, err
	}
	if g.GoodsID != 0 {
		return nil, invalidArg("goodsId", "set by WeChat on creation")
	}
	return call[AddedGoods](ctx, s.c, liveGoodsAdd, nil, map[string]*Goods{"goodsInfo": g})
}

// ResetAudit withdraws a product's pending review.
// https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/industry/liveplayer/commodity-api.html
func (s *LiveGoodsService) ResetAudit(ctx context.Context, auditID, goodsID int) error {
	if auditID <= 0 || goodsID <= 0 {
		return invalidArg("auditId", "auditId and goodsId are required")
	}
	return s.c.Do(ctx, liveGoodsResetAudit, nil, map[string]int{"auditId": auditID, "goodsId": goodsID}, nil)
}

// Audit resubmits a product for review and returns the new audit id.
// https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/industry/liveplayer/commodity-api.html
func (s *LiveGoodsService) Audit(ctx context.Context, goodsID int) (int, error) {
	if goodsID <= 0 {
		return 0, invalidArg("goodsId", "required")
	}
	out, err := call[AddedGoods](ctx, s.c, liveGoodsAudit, nil, map[string]int{"goodsId": goodsID})
	if err != nil {
		return 0, err
	}
	return out.AuditID, nil
}

// Delete removes a product from the library.
// https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/industry/liveplayer/commodity-api.html
func (s *LiveGoodsService) Delete(ctx context.Context, goodsID int) error {
	if goodsID <= 0 {
		return invalidArg("goodsId", "required")
	}
	return s.c.Do(ctx, liveGoodsDelete, nil, map[string]int{"goodsId": goodsID}, nil)
}

// Update changes a product (g.GoodsID): an approved product may only change
// its price and page, others anything.
// https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/industry/liveplayer/commodity-api.html
func (s *LiveGoodsService) Update(ctx context.Context, g *Goods) error {
	if err := g.check(); err != nil {
		return err
	}
	if g.GoodsID <= 0 {
		return invalidArg("goodsId", "required")
	}
	return s.c.Do(ctx, liveGoodsUpdate, nil, map[string]*Goods{"goodsInfo": g}, nil)
}

// GoodsState is a product as reported by Status.
type GoodsState struct {
	GoodsID       int     `json:"goods_id"`
	CoverImgURL   string  `json:"cover_img_url"`
	Name          string  `json:"name"`
	AuditStatus   int     `json:"audit_status"`
	URL           string  `json:"url"`
	Price         float64 `json:"price"`
	Price2        float64 `json:"price2"`
	PriceType     int     `json:"price_type"`
	ThirdPartyTag int     `json:"third_party_tag"` // 0, 1: added through the API; 2: by a third party
}

// Status returns the state of up to 20 products.
// https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/industry/liveplayer/commodity-api.html
func (s *LiveGoodsService) Status(ctx context.Context, goodsIDs []int) ([]GoodsState, error) {
	if len(goodsIDs) == 0 || len(goodsIDs) > 20 {
		return nil, invalidArg("goods_ids", "must hold 1 to 20 ids")
	}
	out, err := call[struct {
		Goods []GoodsState `json:"goods"`
	}](ctx, s.c, liveGoodsWarehouse, nil, map[string][]int{"goods_ids": goodsIDs})
	if err != nil {
		return nil, err
	}
	return out.Goods, nil
}

// LibraryGoods is a product of the library as listed by List.
type LibraryGoods struct {
	GoodsID         int     `json:"goodsId"`
	CoverImgURL     string  `json:"coverImgUrl"`
	Name            string  `json:"name"`
	Price           float64 `json:"price"`
	Price2          float64 `json:"price2"`
	PriceType       int     `json:"priceType"`
	URL             string  `json:"url"`
	ThirdPartyTag   int     `json:"thirdPartyTag"`
	ThirdPartyAppID string  `json:"thirdPartyAppid,omitempty"`
}

// LibraryPage is one page of the goods library.
type LibraryPage struct {
	Goods []LibraryGoods `json:"goods"`
	Total int            `json:"total"`
}

// List returns limit (at most 100) products of the given audit status from
// offset.
// https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/industry/liveplayer/commodity-api.html
func (s *LiveGoodsService) List(ctx context.Context, status, offset, limit int) (*LibraryPage, error) {
	if status < GoodsUnaudited || status > GoodsRejected {
		return nil, invalidArg("status", "must be 0-3")
	}
	if err := checkPage(offset, limit, 100); err != nil {
		return nil, err
	}
	q := url.Values{"status": {strconv.Itoa(status)}, "offset": {strconv.Itoa(offset)}, "limit": {strconv.Itoa(limit)}}
	return call[LibraryPage](ctx, s.c, liveGoodsApproved, q, nil)
}

// All iterates over every product of the given audit status.
// https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/industry/liveplayer/commodity-api.html
func (s *LiveGoodsService) All(ctx context.Context, status int) iter.Seq2[LibraryGoods, error] {
	return wechat.OffsetPages(ctx, 100, func(ctx context.Context, offset, count int) ([]LibraryGoods, int, error) {
		p, err := s.List(ctx, status, offset, count)
		if err != nil {
			return nil, 0, err
		}
		return p.Goods, p.Total, nil
	})
}
