package pay

import "context"

// E-commerce subsidies (电商收付通补差): the platform adds to a
// sub-merchant's order (paid with a subsidy amount) before it is split,
// takes the subsidy back after a refund, or cancels it.
//
// See https://pay.weixin.qq.com/docs/partner/apis/ecommerce-subsidy/subsidies/create.html

// maxSubsidy is the largest subsidy of one order (fen): 5000 CNY.
const maxSubsidy = 5000 * 100

// Subsidy results (EcommerceSubsidy.Result, EcommerceSubsidyReturn.Result,
// EcommerceSubsidyCancel.Result).
const (
	SubsidySuccess = "SUCCESS"
	SubsidyFail    = "FAIL"
)

// EcommerceSubsidyRequest is the body of the subsidy API: Amount (fen, at
// most the subsidy given when ordering, and 5000 CNY) for the order
// TransactionID of SubMchID. OutSubsidyNo makes retries idempotent.
//
// See https://pay.weixin.qq.com/docs/partner/apis/ecommerce-subsidy/subsidies/create.html
type EcommerceSubsidyRequest struct {
	SubMchID      string `json:"sub_mchid"`
	TransactionID string `json:"transaction_id"`
	Amount        int64  `json:"amount"`
	Description   string `json:"description"`
	OutSubsidyNo  string `json:"out_subsidy_no,omitempty"`
}

// EcommerceSubsidy is the answer of the subsidy API. Result is
// SubsidySuccess or SubsidyFail. The docs' answer table was readable only
// up to subsidy_id; Description, Amount, Result and SuccessTime follow the
// earlier version of the page.
type EcommerceSubsidy struct {
	SubMchID      string `json:"sub_mchid"`
	TransactionID string `json:"transaction_id"`
	SubsidyID     string `json:"subsidy_id"`
	Description   string `json:"description"`
	Amount        int64  `json:"amount"`
	Result        string `json:"result"`
	SuccessTime   string `json:"success_time,omitempty"`
}

// CreateSubsidy subsidises a sub-merchant's order (POST
// /v3/ecommerce/subsidies/create). One subsidy per order; retry only with
// the same content (WeChat Pay charges once).
//
// See https://pay.weixin.qq.com/docs/partner/apis/ecommerce-subsidy/subsidies/create.html
func (s *EcommerceService) CreateSubsidy(ctx context.Context, req *EcommerceSubsidyRequest) (*EcommerceSubsidy, error) {
	if req == nil {
		return nil, argError("EcommerceSubsidyRequest", "is nil")
	}
	if err := need("sub_mchid", req.SubMchID, "transaction_id", req.TransactionID, "description", req.Description); err != nil {
		return nil, err
	}
	switch {
	case req.Amount <= 0 || req.Amount > maxSubsidy:
		return nil, argError("amount", "must be positive and at most 5000 CNY (fen)")
	case req.OutSubsidyNo != "" && !psOrderNo(req.OutSubsidyNo):
		return nil, argError("out_subsidy_no", "must be at most 64 digits, letters and _-|*@")
	}
	return call[EcommerceSubsidy](ctx, s.c, post("/v3/ecommerce/subsidies/create", req))
}

// EcommerceSubsidyReturnRequest is the body of the subsidy return API:
// take back Amount (fen) of the subsidy of TransactionID after its refund
// RefundID (leave it empty only when the refund failed on the user's
// account). OutOrderNo is the return's number (retries reuse it).
//
// See https://pay.weixin.qq.com/docs/partner/apis/ecommerce-subsidy/subsidies/return.html
type EcommerceSubsidyReturnRequest struct {
	SubMchID      string `json:"sub_mchid"`
	OutOrderNo    string `json:"out_order_no"`
	TransactionID string `json:"transaction_id"`
	RefundID      string `json:"refund_id,omitempty"`
	Amount        int64  `json:"amount"`
	Description   string `json:"description"`
	SubsidyID     string `json:"subsidy_id,omitempty"`
}

// EcommerceSubsidyReturn is the answer of the subsidy return API. Result
// is SubsidySuccess or SubsidyFail. The docs' answer table was readable only
// up to subsidy_refund_id; the fields after it follow the earlier version
// of the page.
type EcommerceSubsidyReturn struct {
	SubMchID        string `json:"sub_mchid"`
	TransactionID   string `json:"transaction_id"`
	SubsidyRefundID string `json:"subsidy_refund_id"`
	RefundID        string `json:"refund_id,omitempty"`
	OutOrderNo      string `json:"out_order_no"`
	Amount          int64  `json:"amount"`
	Description     string `json:"description"`
	Result          string `json:"result"`
	SuccessTime     string `json:"success_time,omitempty"`
}

// ReturnSubsidy takes back (part of) a subsidy (POST
// /v3/ecommerce/subsidies/return); returns add up to at most the subsidy.
// Synchronous; retry with the same OutOrderNo and content.
//
// See https://pay.weixin.qq.com/docs/partner/apis/ecommerce-subsidy/subsidies/return.html
func (s *EcommerceService) ReturnSubsidy(ctx context.Context, req *EcommerceSubsidyReturnRequest) (*EcommerceSubsidyReturn, error) {
	if req == nil {
		return nil, argError("EcommerceSubsidyReturnRequest", "is nil")
	}
	if err := need("sub_mchid", req.SubMchID, "out_order_no", req.OutOrderNo, "transaction_id", req.TransactionID, "description", req.Description); err != nil {
		return nil, err
	}
	switch {
	case !psOrderNo(req.OutOrderNo):
		return nil, argError("out_order_no", "must be at most 64 digits, letters and _-|*@")
	case req.Amount <= 0 || req.Amount > maxSubsidy:
		return nil, argError("amount", "must be positive and at most 5000 CNY (fen)")
	}
	return call[EcommerceSubsidyReturn](ctx, s.c, post("/v3/ecommerce/subsidies/return", req))
}

// EcommerceSubsidyCancelRequest is the body of the subsidy cancel API.
type EcommerceSubsidyCancelRequest struct {
	SubMchID      string `json:"sub_mchid"`
	TransactionID string `json:"transaction_id"`
	Description   string `json:"description"`
}

// EcommerceSubsidyCancel is the answer of the subsidy cancel API. Result
// is SubsidySuccess or SubsidyFail.
type EcommerceSubsidyCancel struct {
	SubMchID      string `json:"sub_mchid"`
	TransactionID string `json:"transaction_id"`
	Result        string `json:"result"`
	Description   string `json:"description"`
}

// CancelSubsidy gives up the subsidy of an order that was not subsidised
// yet, so that it can be split (POST /v3/ecommerce/subsidies/cancel).
//
// See https://pay.weixin.qq.com/docs/partner/apis/ecommerce-subsidy/subsidies/cancel.html
func (s *EcommerceService) CancelSubsidy(ctx context.Context, req *EcommerceSubsidyCancelRequest) (*EcommerceSubsidyCancel, error) {
	if req == nil {
		return nil, argError("EcommerceSubsidyCancelRequest", "is nil")
	}
	if err := need("sub_mchid", req.SubMchID, "transaction_id", req.TransactionID, "description", req.Description); err != nil {
		return nil, err
	}
	return call[EcommerceSubsidyCancel](ctx, s.c, post("/v3/ecommerce/subsidies/cancel", req))
}
