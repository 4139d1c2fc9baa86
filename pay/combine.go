package pay

import (
	"context"
	"fmt"
	"strings"
)

// CombineAmount is the amount of one sub-order, in fen.
type CombineAmount struct {
	TotalAmount int64  `json:"total_amount"`
	Currency    string `json:"currency"`
}

// CombineSettleInfo holds settlement options of a sub-order.
type CombineSettleInfo struct {
	ProfitSharing bool  `json:"profit_sharing,omitempty"`
	SubsidyAmount int64 `json:"subsidy_amount,omitempty"`
}

// CombineSubOrder is one sub-order of a combined payment.
type CombineSubOrder struct {
	MchID string `json:"mchid"`
	// SubMchID is the sub-merchant of the sub-order when a service provider
	// combines (PartnerService.CombinePrepayJSAPI etc.); MchID is then the
	// provider. SubAppID is the sub-merchant's appid bound to it (optional).
	SubMchID    string             `json:"sub_mchid,omitempty"`
	SubAppID    string             `json:"sub_appid,omitempty"`
	Attach      string             `json:"attach"`
	Amount      CombineAmount      `json:"amount"`
	OutTradeNo  string             `json:"out_trade_no"`
	Detail      string             `json:"detail,omitempty"`
	GoodsTag    string             `json:"goods_tag,omitempty"`
	Description string             `json:"description"`
	SettleInfo  *CombineSettleInfo `json:"settle_info,omitempty"`
}

// CombineSceneInfo describes where a combined payment happens. H5Info is
// for H5 orders (CombinePrepayH5).
type CombineSceneInfo struct {
	DeviceID      string  `json:"device_id,omitempty"`
	PayerClientIP string  `json:"payer_client_ip"`
	H5Info        *H5Info `json:"h5_info,omitempty"`
}

// CombinePrepayRequest is the body of the combined order APIs (JSAPI, APP,
// H5, Native). CombineMchID and each sub-order's MchID default to the
// client's merchant id, sub-order currency to CNY. CombinePayerInfo.OpenID
// is required for JSAPI only.
//
// Limits the docs state and the client checks before sending: a merchant
// combines 2-10 sub-orders, a service provider (every sub-order names its
// SubMchID) 1-50; combine_out_trade_no and out_trade_no are at most 32
// digits, letters and _-|* (at least 6 for a merchant, 2 for a service
// provider); every sub-order needs Attach, Description, OutTradeNo and a
// positive amount.
//
// See https://pay.weixin.qq.com/docs/merchant/apis/combine-payment/orders/jsapi-prepay.html
type CombinePrepayRequest struct {
	CombineAppID      string            `json:"combine_appid"`
	CombineMchID      string            `json:"combine_mchid"`
	CombineOutTradeNo string            `json:"combine_out_trade_no"`
	SceneInfo         *CombineSceneInfo `json:"scene_info,omitempty"`
	SubOrders         []CombineSubOrder `json:"sub_orders"`
	CombinePayerInfo  *Payer            `json:"combine_payer_info,omitempty"`
	TimeStart         string            `json:"time_start,omitempty"`
	TimeExpire        string            `json:"time_expire,omitempty"`
	NotifyURL         string            `json:"notify_url"`
}

// CombineJSAPIRequest is the former name of CombinePrepayRequest.
type CombineJSAPIRequest = CombinePrepayRequest

// combineNoOK reports whether no is a valid combine_out_trade_no or
// sub-order out_trade_no: min to 32 characters of digits, letters and _-|*.
func combineNoOK(no string, min int) bool {
	if len(no) < min || len(no) > 32 {
		return false
	}
	for _, r := range no {
		if !(r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || strings.ContainsRune("_-|*", r)) {
			return false
		}
	}
	return true
}

// combine checks a combined order like WeChat Pay and returns the copy to
// send, with the defaults filled in.
func (c *Client) combine(req *CombinePrepayRequest) (*CombinePrepayRequest, error) {
	if req == nil {
		return nil, argError("CombinePrepayRequest", "is nil")
	}
	if err := need("combine_appid", req.CombineAppID, "combine_out_trade_no", req.CombineOutTradeNo, "notify_url", req.NotifyURL); err != nil {
		return nil, err
	}
	partner := len(req.SubOrders) > 0 && req.SubOrders[0].SubMchID != ""
	minNo, minSubs, maxSubs := 6, 2, 10
	if partner {
		minNo, minSubs, maxSubs = 2, 1, 50
	}
	if n := len(req.SubOrders); n < minSubs || n > maxSubs {
		return nil, argError("sub_orders", fmt.Sprintf("needs %d-%d sub-orders, got %d", minSubs, maxSubs, n))
	}
	if !combineNoOK(req.CombineOutTradeNo, minNo) {
		return nil, argError("combine_out_trade_no", fmt.Sprintf("must be %d-32 digits, letters or _-|*", minNo))
	}
	r := *req
	if r.CombineMchID == "" {
		r.CombineMchID = c.mchid
	}
	r.SubOrders = append([]CombineSubOrder(nil), req.SubOrders...)
	for i := range r.SubOrders {
		so := &r.SubOrders[i]
		switch {
		case (so.SubMchID != "") != partner:
			return nil, argError("sub_orders.sub_mchid", "either every sub-order names its sub-merchant (service provider) or none does")
		case !combineNoOK(so.OutTradeNo, minNo):
			return nil, argError("sub_orders.out_trade_no", fmt.Sprintf("must be %d-32 digits, letters or _-|*", minNo))
		case so.Amount.TotalAmount <= 0:
			return nil, argError("sub_orders.amount.total_amount", "must be positive (fen)")
		case so.Attach == "" || so.Description == "":
			return nil, argError("sub_orders.attach", "every sub-order needs Attach and Description")
		}
		if so.Amount.Currency == "" {
			so.Amount.Currency = "CNY"
		}
		if so.MchID == "" {
			so.MchID = c.mchid
		}
	}
	return &r, nil
}

// CombinePrepayJSAPI creates a combined JSAPI / mini program order (POST
// /v3/combine-transactions/jsapi). Pass the prepay_id to JSAPIPayParams.
//
// See https://pay.weixin.qq.com/docs/merchant/apis/combine-payment/orders/jsapi-prepay.html
func (c *Client) CombinePrepayJSAPI(ctx context.Context, req *CombinePrepayRequest) (*PrepayResponse, error) {
	r, err := c.combine(req)
	if err != nil {
		return nil, err
	}
	if r.CombinePayerInfo == nil || r.CombinePayerInfo.OpenID == "" {
		return nil, argError("combine_payer_info.openid", "is required for a combined JSAPI order")
	}
	return call[PrepayResponse](ctx, c, post("/v3/combine-transactions/jsapi", r))
}

// CombinePrepayJSAPIFor is the short form of CombinePrepayJSAPI: combined
// order for one user, in the client's merchant id.
func (c *Client) CombinePrepayJSAPIFor(ctx context.Context, appID, combineOutTradeNo string, subOrders []CombineSubOrder, notifyURL, openID string) (*PrepayResponse, error) {
	return c.CombinePrepayJSAPI(ctx, &CombinePrepayRequest{
		CombineAppID: appID, CombineOutTradeNo: combineOutTradeNo, SubOrders: subOrders,
		NotifyURL: notifyURL, CombinePayerInfo: &Payer{OpenID: openID},
	})
}

// CombineSubOrderResult is a sub-order in a combined payment notification.
type CombineSubOrderResult struct {
	MchID         string `json:"mchid"`
	SubMchID      string `json:"sub_mchid,omitempty"` // service-provider combine
	TradeType     string `json:"trade_type"`
	TradeState    string `json:"trade_state"`
	BankType      string `json:"bank_type"`
	Attach        string `json:"attach"`
	SuccessTime   string `json:"success_time"`
	TransactionID string `json:"transaction_id"`
	OutTradeNo    string `json:"out_trade_no"`
	Amount        struct {
		TotalAmount   int64  `json:"total_amount"`
		PayerAmount   int64  `json:"payer_amount"`
		Currency      string `json:"currency"`
		PayerCurrency string `json:"payer_currency"`
	} `json:"amount"`
	PromotionDetail []PromotionDetail `json:"promotion_detail,omitempty"`
}

// CombineTransaction is the decrypted resource of a combined payment
// notification.
//
// See https://pay.weixin.qq.com/docs/merchant/apis/combine-payment/orders/payment-notice.html
type CombineTransaction struct {
	CombineAppID      string                  `json:"combine_appid"`
	CombineMchID      string                  `json:"combine_mchid"`
	CombineOutTradeNo string                  `json:"combine_out_trade_no"`
	SceneInfo         *CombineSceneInfo       `json:"scene_info,omitempty"`
	SubOrders         []CombineSubOrderResult `json:"sub_orders"`
	CombinePayerInfo  Payer                   `json:"combine_payer_info"`
}
