package pay

import (
	"context"
	"errors"
	"net/url"
)

// Refund statuses of Refund.Status.
const (
	RefundStatusSuccess    = "SUCCESS"
	RefundStatusClosed     = "CLOSED"
	RefundStatusProcessing = "PROCESSING"
	RefundStatusAbnormal   = "ABNORMAL"
)

// FundsFrom names an account a refund is taken from.
type FundsFrom struct {
	Account string `json:"account"` // AVAILABLE or UNAVAILABLE
	Amount  int64  `json:"amount"`
}

// RefundAmountRequest is the amount part of a RefundRequest (fen).
type RefundAmountRequest struct {
	Refund   int64       `json:"refund"`
	From     []FundsFrom `json:"from,omitempty"`
	Total    int64       `json:"total"`
	Currency string      `json:"currency"`
}

// RefundGoodsDetail is a goods line of a refund.
type RefundGoodsDetail struct {
	MerchantGoodsID  string `json:"merchant_goods_id"`
	WechatpayGoodsID string `json:"wechatpay_goods_id,omitempty"`
	GoodsName        string `json:"goods_name,omitempty"`
	UnitPrice        int64  `json:"unit_price"`
	RefundAmount     int64  `json:"refund_amount"`
	RefundQuantity   int64  `json:"refund_quantity"`
}

// RefundRequest is the body of the refund API. Exactly one of
// TransactionID and OutTradeNo must be set; Currency defaults to CNY.
//
// See https://pay.weixin.qq.com/docs/merchant/apis/refund/refunds/create.html
type RefundRequest struct {
	TransactionID string              `json:"transaction_id,omitempty"`
	OutTradeNo    string              `json:"out_trade_no,omitempty"`
	OutRefundNo   string              `json:"out_refund_no"`
	Reason        string              `json:"reason,omitempty"`
	NotifyURL     string              `json:"notify_url,omitempty"`
	FundsAccount  string              `json:"funds_account,omitempty"`
	Amount        RefundAmountRequest `json:"amount"`
	GoodsDetail   []RefundGoodsDetail `json:"goods_detail,omitempty"`
}

// RefundAmount is the amount part of a Refund.
type RefundAmount struct {
	Total            int64       `json:"total"`
	Refund           int64       `json:"refund"`
	From             []FundsFrom `json:"from,omitempty"`
	PayerTotal       int64       `json:"payer_total"`
	PayerRefund      int64       `json:"payer_refund"`
	SettlementRefund int64       `json:"settlement_refund"`
	SettlementTotal  int64       `json:"settlement_total"`
	DiscountRefund   int64       `json:"discount_refund"`
	Currency         string      `json:"currency"`
	RefundFee        int64       `json:"refund_fee,omitempty"`
}

// RefundPromotion is a coupon refunded with a Refund.
type RefundPromotion struct {
	PromotionID  string              `json:"promotion_id"`
	Scope        string              `json:"scope"`
	Type         string              `json:"type"`
	Amount       int64               `json:"amount"`
	RefundAmount int64               `json:"refund_amount"`
	GoodsDetail  []RefundGoodsDetail `json:"goods_detail,omitempty"`
}

// Refund is a refund as returned by the refund, query and abnormal refund
// APIs.
//
// See https://pay.weixin.qq.com/docs/merchant/apis/refund/refunds/query-by-out-refund-no.html
type Refund struct {
	RefundID            string            `json:"refund_id"`
	OutRefundNo         string            `json:"out_refund_no"`
	TransactionID       string            `json:"transaction_id"`
	OutTradeNo          string            `json:"out_trade_no"`
	Channel             string            `json:"channel"`
	UserReceivedAccount string            `json:"user_received_account"`
	SuccessTime         string            `json:"success_time,omitempty"`
	CreateTime          string            `json:"create_time"`
	Status              string            `json:"status"`
	FundsAccount        string            `json:"funds_account,omitempty"`
	Amount              RefundAmount      `json:"amount"`
	PromotionDetail     []RefundPromotion `json:"promotion_detail,omitempty"`
}

// Refund asks for a refund (POST /v3/refund/domestic/refunds). A refund is
// asynchronous: watch Status, the refund notification or QueryRefund.
//
// See https://pay.weixin.qq.com/docs/merchant/apis/refund/refunds/create.html
func (c *Client) Refund(ctx context.Context, req *RefundRequest) (*Refund, error) {
	if req == nil || req.OutRefundNo == "" {
		return nil, errors.New("pay: RefundRequest needs OutRefundNo")
	}
	if (req.TransactionID == "") == (req.OutTradeNo == "") {
		return nil, errors.New("pay: RefundRequest needs exactly one of TransactionID and OutTradeNo")
	}
	if req.Amount.Refund <= 0 || req.Amount.Total <= 0 || req.Amount.Refund > req.Amount.Total {
		return nil, errors.New("pay: RefundRequest amount must satisfy 0 < Refund <= Total (fen)")
	}
	r := *req
	if r.Amount.Currency == "" {
		r.Amount.Currency = "CNY"
	}
	return call[Refund](ctx, c, post("/v3/refund/domestic/refunds", &r))
}

// RefundByOutTradeNo refunds refund fen of an order of total fen, by
// merchant order number, in CNY.
func (c *Client) RefundByOutTradeNo(ctx context.Context, outTradeNo, outRefundNo string, refund, total int64, notifyURL, reason string) (*Refund, error) {
	return c.Refund(ctx, &RefundRequest{
		OutTradeNo: outTradeNo, OutRefundNo: outRefundNo, Reason: reason, NotifyURL: notifyURL,
		Amount: RefundAmountRequest{Refund: refund, Total: total},
	})
}

// RefundByTransactionID refunds refund fen of an order of total fen, by
// WeChat Pay transaction id, in CNY.
func (c *Client) RefundByTransactionID(ctx context.Context, transactionID, outRefundNo string, refund, total int64, notifyURL, reason string) (*Refund, error) {
	return c.Refund(ctx, &RefundRequest{
		TransactionID: transactionID, OutRefundNo: outRefundNo, Reason: reason, NotifyURL: notifyURL,
		Amount: RefundAmountRequest{Refund: refund, Total: total},
	})
}

// QueryRefund queries a refund by merchant refund number (GET
// /v3/refund/domestic/refunds/{out_refund_no}).
//
// See https://pay.weixin.qq.com/docs/merchant/apis/refund/refunds/query-by-out-refund-no.html
func (c *Client) QueryRefund(ctx context.Context, outRefundNo string) (*Refund, error) {
	if outRefundNo == "" {
		return nil, errors.New("pay: outRefundNo is required")
	}
	return call[Refund](ctx, c, get("/v3/refund/domestic/refunds/"+url.PathEscape(outRefundNo), nil))
}

// Abnormal refund handling types (AbnormalRefundRequest.Type).
const (
	AbnormalRefundUserBankCard     = "USER_BANK_CARD"
	AbnormalRefundMerchantBankCard = "MERCHANT_BANK_CARD"
)

// AbnormalRefundRequest is the body of the abnormal refund API. BankAccount
// and RealName are given in PLAIN TEXT: ApplyAbnormalRefund encrypts them
// with the WeChat Pay key and sets Wechatpay-Serial.
//
// See https://pay.weixin.qq.com/docs/merchant/apis/refund/refunds/create-abnormal-refund.html
type AbnormalRefundRequest struct {
	OutRefundNo string `json:"out_refund_no"`
	Type        string `json:"type"`
	BankType    string `json:"bank_type,omitempty"`
	BankAccount string `json:"bank_account,omitempty"`
	RealName    string `json:"real_name,omitempty"`
}

// ApplyAbnormalRefund asks WeChat Pay to pay an ABNORMAL refund to a bank
// card (POST /v3/refund/domestic/refunds/{refund_id}/apply-abnormal-refund).
func (c *Client) ApplyAbnormalRefund(ctx context.Context, refundID string, req *AbnormalRefundRequest) (*Refund, error) {
	if refundID == "" || req == nil || req.OutRefundNo == "" || req.Type == "" {
		return nil, errors.New("pay: ApplyAbnormalRefund needs refundID, OutRefundNo and Type")
	}
	if req.Type == AbnormalRefundUserBankCard && (req.BankType == "" || req.BankAccount == "" || req.RealName == "") {
		return nil, errors.New("pay: USER_BANK_CARD abnormal refund needs BankType, BankAccount and RealName")
	}
	r := *req
	serial, err := c.encryptFields(ctx, &r.BankAccount, &r.RealName)
	if err != nil {
		return nil, err
	}
	rq := post("/v3/refund/domestic/refunds/"+url.PathEscape(refundID)+"/apply-abnormal-refund", &r)
	rq.serial = serial
	return call[Refund](ctx, c, rq)
}
