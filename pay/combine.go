package pay

import (
	"context"
	"errors"
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
	// combines (PartnerService.CombinePrepayJSAPI); MchID is then the
	// provider.
	SubMchID    string             `json:"sub_mchid,omitempty"`
	Attach      string             `json:"attach"`
	Amount      CombineAmount      `json:"amount"`
	OutTradeNo  string             `json:"out_trade_no"`
	Detail      string             `json:"detail,omitempty"`
	GoodsTag    string             `json:"goods_tag,omitempty"`
	Description string             `json:"description"`
	SettleInfo  *CombineSettleInfo `json:"settle_info,omitempty"`
}

// CombineSceneInfo describes where a combined payment happens.
type CombineSceneInfo struct {
	DeviceID      string `json:"device_id,omitempty"`
	PayerClientIP string `json:"payer_client_ip"`
}

// CombineJSAPIRequest is the body of the combined JSAPI order API.
// CombineMchID defaults to the client's merchant id and sub-order currency
// to CNY.
//
// See https://pay.weixin.qq.com/docs/merchant/apis/combine-payment/orders/jsapi-prepay.html
type CombineJSAPIRequest struct {
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

// CombinePrepayJSAPI creates a combined JSAPI / mini program order (POST
// /v3/combine-transactions/jsapi). Pass the prepay_id to JSAPIPayParams.
//
// See https://pay.weixin.qq.com/docs/merchant/apis/combine-payment/orders/jsapi-prepay.html
func (c *Client) CombinePrepayJSAPI(ctx context.Context, req *CombineJSAPIRequest) (*PrepayResponse, error) {
	if req == nil || req.CombineAppID == "" || req.CombineOutTradeNo == "" || req.NotifyURL == "" || len(req.SubOrders) == 0 {
		return nil, errors.New("pay: CombineJSAPIRequest needs CombineAppID, CombineOutTradeNo, NotifyURL and SubOrders")
	}
	if req.CombinePayerInfo == nil || req.CombinePayerInfo.OpenID == "" {
		return nil, errors.New("pay: combined JSAPI order needs CombinePayerInfo.OpenID")
	}
	r := *req
	if r.CombineMchID == "" {
		r.CombineMchID = c.mchid
	}
	r.SubOrders = append([]CombineSubOrder(nil), req.SubOrders...)
	for i := range r.SubOrders {
		so := &r.SubOrders[i]
		if so.Amount.TotalAmount <= 0 || so.OutTradeNo == "" {
			return nil, errors.New("pay: each sub-order needs OutTradeNo and a positive Amount.TotalAmount")
		}
		if so.Amount.Currency == "" {
			so.Amount.Currency = "CNY"
		}
		if so.MchID == "" {
			so.MchID = c.mchid
		}
	}
	return call[PrepayResponse](ctx, c, post("/v3/combine-transactions/jsapi", &r))
}

// CombinePrepayJSAPIFor is the short form of CombinePrepayJSAPI: combined
// order for one user, in the client's merchant id.
func (c *Client) CombinePrepayJSAPIFor(ctx context.Context, appID, combineOutTradeNo string, subOrders []CombineSubOrder, notifyURL, openID string) (*PrepayResponse, error) {
	return c.CombinePrepayJSAPI(ctx, &CombineJSAPIRequest{
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
