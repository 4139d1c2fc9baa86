package pay

import (
	"context"
	"iter"
	"strconv"
)

// LoveFeastService reads the love-feast charity data (爱心餐) of brands:
// every call is a query, safe to retry.
type LoveFeastService struct{ service }

// LoveFeastBrand is the charity counters of a brand.
type LoveFeastBrand struct {
	DonateCount  int64 `json:"donate_count"`
	ConsumeCount int64 `json:"consume_count,omitempty"`
}

// Brand queries a brand's counters (GET /v3/lovefeast/brands/{brand_id}).
//
// See https://pay.weixin.qq.com/doc/v3/partner/4012466619
func (s *LoveFeastService) Brand(ctx context.Context, brandID int64) (*LoveFeastBrand, error) {
	if brandID <= 0 {
		return nil, argError("brandID", "must be positive")
	}
	return call[LoveFeastBrand](ctx, s.c, get(pathf("/v3/lovefeast/brands/{brand_id}", strconv.FormatInt(brandID, 10)), nil))
}

// LoveFeastOrder is a charity order of a user.
type LoveFeastOrder struct {
	WelfareTradeID string `json:"welfare_trade_id"`
	AppID          string `json:"appid"`
	SubAppID       string `json:"sub_appid,omitempty"`
	BrandID        int64  `json:"brand_id"`
	DonateSource   string `json:"donate_source"` // ALIPAY, WXPAY, ...
	MerchantOrder  *struct {
		OutTradeNo string `json:"out_trade_no"`
		MchID      string `json:"mchid"`
		SubMchID   string `json:"sub_mchid,omitempty"`
		StoreID    string `json:"store_id"`
	} `json:"merchant_order,omitempty"`
	InstitutionName string `json:"institution_name"`
	BusinessID      string `json:"business_id"`
	BusinessName    string `json:"business_name"`
	SuccessTime     string `json:"success_time"`
	Payer           struct {
		OpenID    string `json:"openid"`
		SubOpenID string `json:"sub_openid,omitempty"`
		Avatar    string `json:"avatar,omitempty"`
		Nickname  string `json:"nickname,omitempty"`
	} `json:"payer"`
	Amount   TransactionAmount `json:"amount"`
	DeviceID string            `json:"device_id,omitempty"`
}

// Order queries a user's charity order by merchant order number (GET
// /v3/lovefeast/users/{openid}/orders/out-trade-no/{out_trade_no}).
//
// See https://pay.weixin.qq.com/docs/merchant/apis/love-feast/orders/get-by-user.html
func (s *LoveFeastService) Order(ctx context.Context, openID, outTradeNo string) (*LoveFeastOrder, error) {
	if err := need("openID", openID, "outTradeNo", outTradeNo); err != nil {
		return nil, err
	}
	return call[LoveFeastOrder](ctx, s.c, get(pathf("/v3/lovefeast/users/{openid}/orders/out-trade-no/{out_trade_no}", openID, outTradeNo), nil))
}

// Orders iterates over a user's charity orders for a brand (GET
// /v3/lovefeast/users/{openid}/orders/brand-id/{brand_id}); pageSize 1..20.
//
// See https://pay.weixin.qq.com/docs/merchant/apis/love-feast/orders/list-by-user.html
func (s *LoveFeastService) Orders(ctx context.Context, openID string, brandID int64, pageSize int) iter.Seq2[LoveFeastOrder, error] {
	if err := need("openID", openID); err != nil {
		return errSeq[LoveFeastOrder](err)
	}
	if brandID <= 0 {
		return errSeq[LoveFeastOrder](argError("brandID", "must be positive"))
	}
	return pages[LoveFeastOrder](ctx, s.c, pathf("/v3/lovefeast/users/{openid}/orders/brand-id/{brand_id}", openID, strconv.FormatInt(brandID, 10)),
		func() map[string]string { return nil }, pageSize)
}
