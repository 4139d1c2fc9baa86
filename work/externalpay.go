package work

import (
	"context"
	"iter"
)

var (
	externalPayBills       = epPost("/cgi-bin/externalpay/get_bill_list")
	externalPayGetMerchant = epPost("/cgi-bin/externalpay/getmerchant")
	externalPaySetScope    = epPost("/cgi-bin/externalpay/set_mch_use_scope")
	externalPayPaymentInfo = epPost("/cgi-bin/externalpay/get_payment_info")
	externalPayFundFlow    = epPost("/cgi-bin/externalpay/get_fund_flow")
)

// Limits of the external-payment APIs (对外收款).
const (
	MaxExternalPayBillPage = 1000       // bills per Bills page
	MaxExternalPayBillSpan = 31 * 86400 // seconds between BeginTime and EndTime ("1 month")
	MaxExternalPayMchID    = 32         // bytes of a merchant id
	MaxFundFlowPage        = 200        // records per FundFlow page (default 100)
	MaxFundFlowSpan        = 31 * 86400 // seconds between BeginTime and EndTime
)

// Bind states of a payment merchant (GetMerchant).
const (
	MerchantApplying = 1 // 申请中
	MerchantBound    = 2 // 已绑定
	MerchantRevoked  = 3 // 已撤销
)

// ExternalPayBillQuery selects the bills of Bills: BeginTime and EndTime
// (Unix seconds, at most a month apart) are required; PayeeUserID, when
// set, keeps the bills of one member; Limit is at most 1000.
type ExternalPayBillQuery struct {
	BeginTime   int64  `json:"begin_time"`
	EndTime     int64  `json:"end_time"`
	PayeeUserID string `json:"payee_userid,omitempty"`
	Cursor      string `json:"cursor,omitempty"`
	Limit       int    `json:"limit,omitempty"`
}

// ExternalPayCommodity is a commodity of a bill.
type ExternalPayCommodity struct {
	Description string `json:"description"`
	Amount      int    `json:"amount"`
}

// ExternalPayRefund is a refund of a bill. RefundStatus and RefundFee are
// shown by an earlier version of the docs' example (the current page's
// example stops at refund_reqtime).
type ExternalPayRefund struct {
	OutRefundNo   string `json:"out_refund_no"`
	RefundUserID  string `json:"refund_userid"`
	RefundComment string `json:"refund_comment"`
	RefundReqTime int64  `json:"refund_reqtime"`
	RefundStatus  int    `json:"refund_status"`
	RefundFee     int64  `json:"refund_fee"`
}

// ExternalPayBill is a payment record (对外收款记录). Fees are in fen; the
// codes BillType, TradeState and PaymentType are those of the docs.
// The payer's contact and mini-program details the docs list are left
// out: their field names could not be confirmed.
type ExternalPayBill struct {
	TransactionID  string                 `json:"transaction_id"`
	BillType       int                    `json:"bill_type"`
	TradeState     int                    `json:"trade_state"`
	PayTime        int64                  `json:"pay_time"`
	OutTradeNo     string                 `json:"out_trade_no"`
	OutRefundNo    string                 `json:"out_refund_no,omitempty"`
	ExternalUserID string                 `json:"external_userid"`
	TotalFee       int64                  `json:"total_fee"`
	PayeeUserID    string                 `json:"payee_userid"`
	PaymentType    int                    `json:"payment_type"`
	MchID          string                 `json:"mch_id"`
	Remark         string                 `json:"remark"`
	Commodities    []ExternalPayCommodity `json:"commodity_list"`
	TotalRefundFee int64                  `json:"total_refund_fee"`
	Refunds        []ExternalPayRefund    `json:"refund_list"`
}

// ExternalPayBillPage is one page of Bills; NextCursor is empty after the
// last page.
type ExternalPayBillPage struct {
	NextCursor string            `json:"next_cursor"`
	Bills      []ExternalPayBill `json:"bill_list"`
}

// MerchantScope is who may collect payments with a merchant: members,
// departments and tags.
type MerchantScope struct {
	User    []string `json:"user,omitempty"`
	PartyID []int64  `json:"partyid,omitempty"`
	TagID   []int64  `json:"tagid,omitempty"`
}

// PayMerchant is a payment merchant bound to the corp. AllowUseScope is
// answered only for a bound merchant.
type PayMerchant struct {
	MchID         string         `json:"mch_id"`
	MerchantName  string         `json:"merchant_name"`
	BindStatus    int            `json:"bind_status"`
	AllowUseScope *MerchantScope `json:"allow_use_scope,omitempty"`
}

func checkMchID(mchID string) error {
	if mchID == "" {
		return paramErr("mch_id", "required")
	}
	if len(mchID) > MaxExternalPayMchID {
		return paramErr("mch_id", "at most 32 bytes")
	}
	return nil
}

// Bills returns one page of the corp's payment records between
// q.BeginTime and q.EndTime, of the members visible to the app.
// https://developer.work.weixin.qq.com/document/path/93727
func (s *ExternalPayService) Bills(ctx context.Context, q ExternalPayBillQuery) (*ExternalPayBillPage, error) {
	if q.BeginTime <= 0 || q.EndTime <= 0 {
		return nil, paramErr("begin_time", "begin_time and end_time required")
	}
	if q.EndTime < q.BeginTime || q.EndTime-q.BeginTime > MaxExternalPayBillSpan {
		return nil, paramErr("end_time", "after begin_time, at most a month later")
	}
	if q.Limit < 0 || q.Limit > MaxExternalPayBillPage {
		return nil, paramErr("limit", "at most 1000")
	}
	return callB[ExternalPayBillPage](ctx, s.c, externalPayBills, nil, q)
}

// AllBills iterates over every payment record of q, from q.Cursor on.
// https://developer.work.weixin.qq.com/document/path/93727
func (s *ExternalPayService) AllBills(ctx context.Context, q ExternalPayBillQuery) iter.Seq2[ExternalPayBill, error] {
	return cursorPagesB(ctx, q.Cursor, func(ctx context.Context, cursor string) ([]ExternalPayBill, string, error) {
		q.Cursor = cursor
		p, err := s.Bills(ctx, q)
		if err != nil {
			return nil, "", err
		}
		return p.Bills, p.NextCursor, nil
	})
}

// GetMerchant returns a merchant bound to the corp and its scope of use
// (self-built apps only).
// https://developer.work.weixin.qq.com/document/path/93666
func (s *ExternalPayService) GetMerchant(ctx context.Context, mchID string) (*PayMerchant, error) {
	if err := checkMchID(mchID); err != nil {
		return nil, err
	}
	return callB[PayMerchant](ctx, s.c, externalPayGetMerchant, nil, struct {
		MchID string `json:"mch_id"`
	}{mchID})
}

// SetMerchantScope sets who may use a bound merchant (self-built apps
// only).
// https://developer.work.weixin.qq.com/document/path/93666
func (s *ExternalPayService) SetMerchantScope(ctx context.Context, mchID string, scope MerchantScope) error {
	if err := checkMchID(mchID); err != nil {
		return err
	}
	return s.c.Do(ctx, externalPaySetScope, nil, struct {
		MchID         string        `json:"mch_id"`
		AllowUseScope MerchantScope `json:"allow_use_scope"`
	}{mchID, scope}, nil)
}

// PaymentTradeNos returns the merchant order numbers (out_trade_no) of the
// payments made to a payment item (收款项目) the app created; paymentID is
// the payment_id returned when the item was started.
// https://developer.work.weixin.qq.com/document/path/95936
func (s *ExternalPayService) PaymentTradeNos(ctx context.Context, paymentID string) ([]string, error) {
	if paymentID == "" {
		return nil, paramErr("payment_id", "required")
	}
	r, err := callB[struct {
		Bills []struct {
			OutTradeNo string `json:"out_trade_no"`
		} `json:"bill_list"`
	}](ctx, s.c, externalPayPaymentInfo, nil, struct {
		PaymentID string `json:"payment_id"`
	}{paymentID})
	if err != nil {
		return nil, err
	}
	nos := make([]string, len(r.Bills))
	for i, b := range r.Bills {
		nos[i] = b.OutTradeNo
	}
	return nos, nil
}

// FundFlowQuery selects the records of FundFlow: BeginTime and EndTime
// (Unix seconds, at most 31 days apart) are required; MchID, when set,
// keeps one merchant's records; Limit defaults to 100 and is at most 200.
type FundFlowQuery struct {
	BeginTime int64  `json:"begin_time"`
	EndTime   int64  `json:"end_time"`
	MchID     string `json:"mch_id,omitempty"`
	Cursor    string `json:"cursor,omitempty"`
	Limit     int    `json:"limit,omitempty"`
}

// FundFlowGroup is a group (rule) a fund flow record belongs to.
type FundFlowGroup struct {
	GroupName string `json:"group_name"`
}

// FundFlow is a merchant fund flow record (资金流水): Timestamp is when the
// account moved, RequestNo the related WeChat Pay number, amounts in fen.
// TransactionType and FundFlowType are the codes of the docs.
type FundFlow struct {
	Timestamp         int64           `json:"timestamp"`
	RequestNo         string          `json:"request_no"`
	TransactionType   int             `json:"transaction_type"`
	FundFlowType      int             `json:"fund_flow_type"`
	TransactionAmount int64           `json:"transaction_amount"`
	AccountBalance    int64           `json:"account_balance"`
	OutTradeNo        string          `json:"out_trade_no"`
	MchID             string          `json:"mch_id"`
	OperatorUserID    string          `json:"operator_userid"`
	Groups            []FundFlowGroup `json:"group_list"`
	Remark            string          `json:"remark"`
}

// FundFlowPage is one page of FundFlow; NextCursor is empty after the last
// page.
type FundFlowPage struct {
	NextCursor string     `json:"next_cursor"`
	FundFlows  []FundFlow `json:"fund_flow_list"`
}

// FundFlow returns one page of the fund flow of the corp's merchants
// between q.BeginTime and q.EndTime (self-built apps only).
// https://developer.work.weixin.qq.com/document/path/98100
func (s *ExternalPayService) FundFlow(ctx context.Context, q FundFlowQuery) (*FundFlowPage, error) {
	if q.BeginTime <= 0 || q.EndTime <= 0 {
		return nil, paramErr("begin_time", "begin_time and end_time required")
	}
	if q.EndTime < q.BeginTime || q.EndTime-q.BeginTime > MaxFundFlowSpan {
		return nil, paramErr("end_time", "after begin_time, at most 31 days later")
	}
	if len(q.MchID) > MaxExternalPayMchID {
		return nil, paramErr("mch_id", "at most 32 bytes")
	}
	if q.Limit < 0 || q.Limit > MaxFundFlowPage {
		return nil, paramErr("limit", "at most 200")
	}
	return callB[FundFlowPage](ctx, s.c, externalPayFundFlow, nil, q)
}

// AllFundFlow iterates over every fund flow record of q, from q.Cursor on.
// https://developer.work.weixin.qq.com/document/path/98100
func (s *ExternalPayService) AllFundFlow(ctx context.Context, q FundFlowQuery) iter.Seq2[FundFlow, error] {
	return cursorPagesB(ctx, q.Cursor, func(ctx context.Context, cursor string) ([]FundFlow, string, error) {
		q.Cursor = cursor
		p, err := s.FundFlow(ctx, q)
		if err != nil {
			return nil, "", err
		}
		return p.FundFlows, p.NextCursor, nil
	})
}
