package pay

import (
	"context"
	"time"
)

// EcommerceService is the e-commerce platform (平台收付通, formerly 电商收付通):
// refunds of the orders of its sub-merchants (二级商户, sub_mchid), their
// funds (balances, withdrawals), profit sharing (分账), subsidies (补差) and
// the state of their applications (进件). The client's merchant is the
// platform.
//
// Retries: Refund with the same out_refund_no and Withdraw with the same
// out_request_no and content are safe to repeat (WeChat Pay keeps a
// withdrawal's number 6 days), as are CreateProfitSharingOrder,
// FinishProfitSharing (out_order_no), ReturnProfitSharing (out_return_no),
// CreateSubsidy and ReturnSubsidy with the same content; AddReceiver and
// DeleteReceiver are idempotent; queries are safe to repeat.
//
// See https://pay.weixin.qq.com/wiki/doc/apiv3_partner/apis/chapter7_6_1.shtml
type EcommerceService struct{ service }

// EcommerceRefundRequest is the body of the e-commerce refund API. Exactly
// one of TransactionID and OutTradeNo; Amount.Currency defaults to CNY.
// RefundAccount is REFUND_SOURCE_SUB_MERCHANT (default) or
// REFUND_SOURCE_PARTNER_ADVANCE (the platform advances the refund).
//
// See https://pay.weixin.qq.com/doc/v3/partner/4012476892
type EcommerceRefundRequest struct {
	SubMchID      string              `json:"sub_mchid"`
	SpAppID       string              `json:"sp_appid"`
	SubAppID      string              `json:"sub_appid,omitempty"`
	TransactionID string              `json:"transaction_id,omitempty"`
	OutTradeNo    string              `json:"out_trade_no,omitempty"`
	OutRefundNo   string              `json:"out_refund_no"`
	Reason        string              `json:"reason,omitempty"`
	Amount        RefundAmountRequest `json:"amount"`
	NotifyURL     string              `json:"notify_url,omitempty"`
	RefundAccount string              `json:"refund_account,omitempty"`
	FundsAccount  string              `json:"funds_account,omitempty"`
}

// EcommerceRefundAmount is the amount part of an EcommerceRefund (fen).
// Advance is the amount the platform advanced.
type EcommerceRefundAmount struct {
	Refund         int64       `json:"refund"`
	From           []FundsFrom `json:"from,omitempty"`
	PayerRefund    int64       `json:"payer_refund"`
	DiscountRefund int64       `json:"discount_refund"`
	Currency       string      `json:"currency"`
	Advance        int64       `json:"advance,omitempty"`
}

// EcommerceRefund is a sub-merchant refund as the e-commerce refund API
// (refund_id, out_refund_no, create_time, amount, promotion_detail,
// refund_account) and its queries (all fields) return it. Status is one of
// the RefundStatus constants.
//
// See https://pay.weixin.qq.com/doc/v3/partner/4012476911
type EcommerceRefund struct {
	RefundID            string                `json:"refund_id"`
	OutRefundNo         string                `json:"out_refund_no"`
	TransactionID       string                `json:"transaction_id,omitempty"`
	OutTradeNo          string                `json:"out_trade_no,omitempty"`
	Channel             string                `json:"channel,omitempty"`
	UserReceivedAccount string                `json:"user_received_account,omitempty"`
	SuccessTime         string                `json:"success_time,omitempty"`
	CreateTime          string                `json:"create_time"`
	Status              string                `json:"status,omitempty"`
	Amount              EcommerceRefundAmount `json:"amount"`
	PromotionDetail     []RefundPromotion     `json:"promotion_detail,omitempty"`
	RefundAccount       string                `json:"refund_account,omitempty"`
	FundsAccount        string                `json:"funds_account,omitempty"`
}

// Refund refunds an order of a sub-merchant (POST
// /v3/ecommerce/refunds/apply). The refund is asynchronous: follow Status
// with QueryRefundByOutRefundNo or the refund notification
// (Notification.PartnerRefund decodes sp_mchid and sub_mchid).
//
// See https://pay.weixin.qq.com/doc/v3/partner/4012476892
func (s *EcommerceService) Refund(ctx context.Context, req *EcommerceRefundRequest) (*EcommerceRefund, error) {
	if req == nil {
		return nil, argError("EcommerceRefundRequest", "is nil")
	}
	if err := need("sub_mchid", req.SubMchID, "sp_appid", req.SpAppID); err != nil {
		return nil, err
	}
	if err := checkRefund(&RefundRequest{TransactionID: req.TransactionID, OutTradeNo: req.OutTradeNo, OutRefundNo: req.OutRefundNo, Amount: req.Amount}); err != nil {
		return nil, err
	}
	r := *req
	if r.Amount.Currency == "" {
		r.Amount.Currency = "CNY"
	}
	return call[EcommerceRefund](ctx, s.c, post("/v3/ecommerce/refunds/apply", &r))
}

// QueryRefundByID queries a sub-merchant refund by WeChat Pay refund id
// (GET /v3/ecommerce/refunds/id/{refund_id}?sub_mchid=).
//
// See https://pay.weixin.qq.com/doc/v3/partner/4012476908
func (s *EcommerceService) QueryRefundByID(ctx context.Context, subMchID, refundID string) (*EcommerceRefund, error) {
	if err := need("subMchID", subMchID, "refundID", refundID); err != nil {
		return nil, err
	}
	return call[EcommerceRefund](ctx, s.c, get(pathf("/v3/ecommerce/refunds/id/{refund_id}", refundID), query("sub_mchid", subMchID)))
}

// QueryRefundByOutRefundNo queries a sub-merchant refund by merchant refund
// number (GET /v3/ecommerce/refunds/out-refund-no/{out_refund_no}?sub_mchid=).
//
// See https://pay.weixin.qq.com/doc/v3/partner/4012476911
func (s *EcommerceService) QueryRefundByOutRefundNo(ctx context.Context, subMchID, outRefundNo string) (*EcommerceRefund, error) {
	if err := need("subMchID", subMchID, "outRefundNo", outRefundNo); err != nil {
		return nil, err
	}
	return call[EcommerceRefund](ctx, s.c, get(pathf("/v3/ecommerce/refunds/out-refund-no/{out_refund_no}", outRefundNo), query("sub_mchid", subMchID)))
}

// Sub-merchant account types (account_type) of the balance and withdrawal
// APIs: the end-of-day balance knows BASIC and DEPOSIT, withdrawals BASIC,
// FEES and OPERATION.
const (
	EcommerceAccountBasic     = "BASIC"
	EcommerceAccountFees      = "FEES"
	EcommerceAccountOperation = "OPERATION"
	EcommerceAccountDeposit   = "DEPOSIT"
)

// EcommerceBalance is a sub-merchant account balance (fen).
type EcommerceBalance struct {
	SubMchID        string `json:"sub_mchid"`
	AvailableAmount int64  `json:"available_amount"`
	PendingAmount   int64  `json:"pending_amount"`
	AccountType     string `json:"account_type,omitempty"`
}

// Balance returns the current balance of a sub-merchant account (GET
// /v3/ecommerce/fund/balance/{sub_mchid}?account_type=); accountType ""
// is BASIC.
//
// See https://pay.weixin.qq.com/doc/v3/partner/4012476690
func (s *EcommerceService) Balance(ctx context.Context, subMchID, accountType string) (*EcommerceBalance, error) {
	if err := need("subMchID", subMchID); err != nil {
		return nil, err
	}
	return call[EcommerceBalance](ctx, s.c, get(pathf("/v3/ecommerce/fund/balance/{sub_mchid}", subMchID), query("account_type", accountType)))
}

// EndDayBalance returns the balance of a sub-merchant account at the end
// of date ("2006-01-02", within the last 90 days) (GET
// /v3/ecommerce/fund/enddaybalance/{sub_mchid}?date=&account_type=);
// accountType "" is BASIC.
//
// See https://pay.weixin.qq.com/doc/v3/partner/4012476693
func (s *EcommerceService) EndDayBalance(ctx context.Context, subMchID, date, accountType string) (*EcommerceBalance, error) {
	if err := need("subMchID", subMchID, "date", date); err != nil {
		return nil, err
	}
	if _, err := time.Parse(time.DateOnly, date); err != nil {
		return nil, argError("date", "must be YYYY-MM-DD")
	}
	return call[EcommerceBalance](ctx, s.c, get(pathf("/v3/ecommerce/fund/enddaybalance/{sub_mchid}", subMchID), query("date", date, "account_type", accountType)))
}

// EcommerceWithdrawRequest is the body of the sub-merchant withdrawal API.
// OutRequestNo is at most 32 letters and digits; Amount (fen) at most 800
// million CNY; AccountType "" is BASIC.
//
// See https://pay.weixin.qq.com/doc/v3/partner/4012476652
type EcommerceWithdrawRequest struct {
	SubMchID     string `json:"sub_mchid"`
	OutRequestNo string `json:"out_request_no"`
	Amount       int64  `json:"amount"`
	Remark       string `json:"remark,omitempty"`    // at most 56 characters
	BankMemo     string `json:"bank_memo,omitempty"` // at most 32 characters
	AccountType  string `json:"account_type,omitempty"`
}

// EcommerceWithdrawal is the answer of Withdraw.
type EcommerceWithdrawal struct {
	SubMchID     string `json:"sub_mchid"`
	WithdrawID   string `json:"withdraw_id"`
	OutRequestNo string `json:"out_request_no"`
}

// Withdrawal statuses of EcommerceWithdraw.Status.
const (
	WithdrawStatusCreateSuccess = "CREATE_SUCCESS" // accepted, to be paid out
	WithdrawStatusSuccess       = "SUCCESS"
	WithdrawStatusFail          = "FAIL"
	WithdrawStatusRefund        = "REFUND" // returned by the bank
	WithdrawStatusClose         = "CLOSE"
	WithdrawStatusInit          = "INIT"
)

// EcommerceWithdraw is a sub-merchant withdrawal as the query returns it.
// Reason is set for FAIL, REFUND and CLOSE; AccountNumber is the last four
// digits of the bank account.
//
// See https://pay.weixin.qq.com/doc/v3/partner/4012476656
type EcommerceWithdraw struct {
	SpMchID       string `json:"sp_mchid"`
	SubMchID      string `json:"sub_mchid"`
	Status        string `json:"status"`
	WithdrawID    string `json:"withdraw_id"`
	OutRequestNo  string `json:"out_request_no"`
	Amount        int64  `json:"amount"`
	CreateTime    string `json:"create_time"`
	UpdateTime    string `json:"update_time"`
	Reason        string `json:"reason"`
	Remark        string `json:"remark"`
	BankMemo      string `json:"bank_memo"`
	AccountType   string `json:"account_type"`
	AccountNumber string `json:"account_number"`
	AccountBank   string `json:"account_bank"`
	BankName      string `json:"bank_name,omitempty"`
}

// maxWithdraw is the largest withdrawal (fen): 800 million CNY.
const maxWithdraw = 800_000_000 * 100

// Withdraw withdraws from a sub-merchant account to its bank account (POST
// /v3/ecommerce/fund/withdraw). The withdrawal is paid out later: follow it
// with QueryWithdrawByOutRequestNo.
//
// See https://pay.weixin.qq.com/doc/v3/partner/4012476652
func (s *EcommerceService) Withdraw(ctx context.Context, req *EcommerceWithdrawRequest) (*EcommerceWithdrawal, error) {
	if req == nil {
		return nil, argError("EcommerceWithdrawRequest", "is nil")
	}
	if err := need("sub_mchid", req.SubMchID, "out_request_no", req.OutRequestNo); err != nil {
		return nil, err
	}
	if err := checkWithdraw(req.OutRequestNo, req.Amount, req.Remark, req.BankMemo); err != nil {
		return nil, err
	}
	return call[EcommerceWithdrawal](ctx, s.c, post("/v3/ecommerce/fund/withdraw", req))
}

// QueryWithdrawByOutRequestNo queries a sub-merchant withdrawal by its
// out_request_no (GET
// /v3/ecommerce/fund/withdraw/out-request-no/{out_request_no}?sub_mchid=).
//
// See https://pay.weixin.qq.com/doc/v3/partner/4012476656
func (s *EcommerceService) QueryWithdrawByOutRequestNo(ctx context.Context, subMchID, outRequestNo string) (*EcommerceWithdraw, error) {
	if err := need("subMchID", subMchID, "outRequestNo", outRequestNo); err != nil {
		return nil, err
	}
	return call[EcommerceWithdraw](ctx, s.c, get(pathf("/v3/ecommerce/fund/withdraw/out-request-no/{out_request_no}", outRequestNo), query("sub_mchid", subMchID)))
}

// QueryWithdrawByID queries a sub-merchant withdrawal by the withdraw_id
// Withdraw returned (GET /v3/ecommerce/fund/withdraw/{withdraw_id}?sub_mchid=).
//
// See https://pay.weixin.qq.com/doc/v3/partner/4012476665
func (s *EcommerceService) QueryWithdrawByID(ctx context.Context, subMchID, withdrawID string) (*EcommerceWithdraw, error) {
	if err := need("subMchID", subMchID, "withdrawID", withdrawID); err != nil {
		return nil, err
	}
	return call[EcommerceWithdraw](ctx, s.c, get(pathf("/v3/ecommerce/fund/withdraw/{withdraw_id}", withdrawID), query("sub_mchid", subMchID)))
}
