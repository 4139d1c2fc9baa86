package pay

import (
	"context"
	"encoding/json"
)

// CodePayPayer identifies the paying user by the payment code the cashier
// scanned.
type CodePayPayer struct {
	AuthCode string `json:"auth_code"` // 付款码: the code shown in the user's WeChat wallet
}

// CodePayRequest is the body of the code payment API (付款码支付, the
// cashier scans the user's payment code). MchID defaults to the client's
// merchant id, Currency to CNY.
//
// SceneInfo is the required scene_info object (with the store the payment
// happens in). Its members are not typed here: their names could not be
// confirmed from the doc page, so the object is sent as given, e.g.
// json.RawMessage(`{"store_info":{...}}`) as the doc page shows it.
//
// See https://pay.weixin.qq.com/docs/merchant/apis/code-payment-v3/direct/code-pay.html
type CodePayRequest struct {
	AppID         string          `json:"appid"`
	MchID         string          `json:"mchid"`
	Description   string          `json:"description"`
	OutTradeNo    string          `json:"out_trade_no"`
	Attach        string          `json:"attach,omitempty"`
	GoodsTag      string          `json:"goods_tag,omitempty"`
	SupportFapiao bool            `json:"support_fapiao,omitempty"`
	Payer         CodePayPayer    `json:"payer"`
	Amount        Amount          `json:"amount"`
	SceneInfo     json.RawMessage `json:"scene_info"`
	Detail        *Detail         `json:"detail,omitempty"`
	SettleInfo    *SettleInfo     `json:"settle_info,omitempty"`
}

// CodePay charges the user whose payment code was scanned (POST
// /v3/pay/transactions/codepay). The answer is the order: TradeState
// SUCCESS when paid at once, USERPAYING while the user confirms (enters the
// password); then poll QueryTransactionByOutTradeNo and, when no final
// state comes, ReverseTransaction. Code payments send no notification.
//
// See https://pay.weixin.qq.com/docs/merchant/apis/code-payment-v3/direct/code-pay.html
func (c *Client) CodePay(ctx context.Context, req *CodePayRequest) (*Transaction, error) {
	if req == nil {
		return nil, argError("CodePayRequest", "is nil")
	}
	if err := checkCodePay("appid", req.AppID, req.Description, req.OutTradeNo, req.Payer.AuthCode, req.Amount.Total, req.SceneInfo); err != nil {
		return nil, err
	}
	r := *req
	if r.MchID == "" {
		r.MchID = c.mchid
	}
	if r.Amount.Currency == "" {
		r.Amount.Currency = "CNY"
	}
	return call[Transaction](ctx, c, post("/v3/pay/transactions/codepay", &r))
}

// checkCodePay checks the fields the code payment APIs require; appName
// names the appid field of the API.
func checkCodePay(appName, appID, description, outTradeNo, authCode string, total int64, scene json.RawMessage) error {
	if err := need(appName, appID, "description", description, "out_trade_no", outTradeNo, "payer.auth_code", authCode); err != nil {
		return err
	}
	switch {
	case total <= 0:
		return argError("amount.total", "must be positive (fen)")
	case len(scene) == 0:
		return argError("scene_info", "is required")
	}
	return nil
}

// ReversedTransaction is the answer of ReverseTransaction.
type ReversedTransaction struct {
	AppID      string `json:"appid"`
	MchID      string `json:"mchid"`
	OutTradeNo string `json:"out_trade_no"`
}

type reverseBody struct {
	AppID string `json:"appid"`
	MchID string `json:"mchid"`
}

// ReverseTransaction reverses (撤销) a code payment whose result is unknown
// or unwanted (POST /v3/pay/transactions/out-trade-no/{out_trade_no}/reverse):
// an unpaid order is closed, a paid one refunded to the user; either way it
// ends REVOKED. Safe to repeat.
//
// See https://pay.weixin.qq.com/docs/merchant/apis/code-payment-v3/direct/reverse.html
func (c *Client) ReverseTransaction(ctx context.Context, appID, outTradeNo string) (*ReversedTransaction, error) {
	if err := need("appID", appID, "outTradeNo", outTradeNo); err != nil {
		return nil, err
	}
	return call[ReversedTransaction](ctx, c, post(pathf("/v3/pay/transactions/out-trade-no/{out_trade_no}/reverse", outTradeNo), reverseBody{appID, c.mchid}))
}

// PartnerCodePayRequest is the body of the partner code payment API: a
// CodePayRequest for a sub-merchant. SpMchID defaults to the client's
// merchant id, Currency to CNY; SceneInfo is sent as given (see
// CodePayRequest).
//
// See https://pay.weixin.qq.com/docs/partner/apis/partner-code-payment-v3/partner/partner-code-pay.html
type PartnerCodePayRequest struct {
	SpAppID       string          `json:"sp_appid"`
	SpMchID       string          `json:"sp_mchid"`
	SubAppID      string          `json:"sub_appid,omitempty"`
	SubMchID      string          `json:"sub_mchid"`
	Description   string          `json:"description"`
	OutTradeNo    string          `json:"out_trade_no"`
	Attach        string          `json:"attach,omitempty"`
	GoodsTag      string          `json:"goods_tag,omitempty"`
	SupportFapiao bool            `json:"support_fapiao,omitempty"`
	Payer         CodePayPayer    `json:"payer"`
	Amount        Amount          `json:"amount"`
	SceneInfo     json.RawMessage `json:"scene_info"`
	Detail        *Detail         `json:"detail,omitempty"`
	SettleInfo    *SettleInfo     `json:"settle_info,omitempty"`
}

// CodePay charges the user whose payment code was scanned, for a
// sub-merchant (POST /v3/pay/partner/transactions/codepay); see
// Client.CodePay for the USERPAYING flow (query with
// QueryTransactionByOutTradeNo, reverse with ReverseTransaction).
//
// See https://pay.weixin.qq.com/docs/partner/apis/partner-code-payment-v3/partner/partner-code-pay.html
func (s *PartnerService) CodePay(ctx context.Context, req *PartnerCodePayRequest) (*PartnerTransaction, error) {
	if req == nil {
		return nil, argError("PartnerCodePayRequest", "is nil")
	}
	if err := need("sub_mchid", req.SubMchID); err != nil {
		return nil, err
	}
	if err := checkCodePay("sp_appid", req.SpAppID, req.Description, req.OutTradeNo, req.Payer.AuthCode, req.Amount.Total, req.SceneInfo); err != nil {
		return nil, err
	}
	r := *req
	if r.SpMchID == "" {
		r.SpMchID = s.c.mchid
	}
	if r.Amount.Currency == "" {
		r.Amount.Currency = "CNY"
	}
	return call[PartnerTransaction](ctx, s.c, post("/v3/pay/partner/transactions/codepay", &r))
}

// PartnerReversedTransaction is the answer of PartnerService.ReverseTransaction.
type PartnerReversedTransaction struct {
	SpAppID    string `json:"sp_appid,omitempty"`
	SpMchID    string `json:"sp_mchid"`
	SubAppID   string `json:"sub_appid,omitempty"`
	SubMchID   string `json:"sub_mchid"`
	OutTradeNo string `json:"out_trade_no"`
}

type partnerReverseBody struct {
	SpMchID  string `json:"sp_mchid"`
	SubMchID string `json:"sub_mchid"`
}

// ReverseTransaction reverses a sub-merchant's code payment (POST
// /v3/pay/partner/transactions/out-trade-no/{out_trade_no}/reverse): see
// Client.ReverseTransaction. Safe to repeat.
//
// See https://pay.weixin.qq.com/docs/partner/apis/partner-code-payment-v3/partner/partner-reverse.html
func (s *PartnerService) ReverseTransaction(ctx context.Context, subMchID, outTradeNo string) (*PartnerReversedTransaction, error) {
	if err := need("subMchID", subMchID, "outTradeNo", outTradeNo); err != nil {
		return nil, err
	}
	return call[PartnerReversedTransaction](ctx, s.c, post(pathf("/v3/pay/partner/transactions/out-trade-no/{out_trade_no}/reverse", outTradeNo), partnerReverseBody{s.c.mchid, subMchID}))
}
