package pay

import "context"

// PAPayService is entrusted payment (委托代扣) over API v3: the
// pre-deduction notice a merchant (or a service provider for a
// sub-merchant) must send, between 7:00 and 22:00 Beijing time, before
// deducting under a periodic contract. Signing, deductions and contract
// queries are API v2 (XML) endpoints and are not covered here.
//
// See https://pay.weixin.qq.com/wiki/doc/api/wxpay_v2/papay/chapter3_10.shtml
type PAPayService struct{ service }

// PAPayDeductDuration is how long deductions are allowed after the waiting
// period (the day of the notice and the next day): Count units of Unit
// (DAY).
type PAPayDeductDuration struct {
	Count int64  `json:"count"`
	Unit  string `json:"unit"`
}

// PAPayEstimatedAmount is the amount the coming deduction will not exceed
// (fen; Currency CNY).
type PAPayEstimatedAmount struct {
	Amount   int64  `json:"amount"`
	Currency string `json:"currency"`
}

// PAPayNotifyRequest is the body of PAPayService.Notify.
//
// See https://pay.weixin.qq.com/wiki/doc/api/wxpay_v2/papay/chapter3_10.shtml
type PAPayNotifyRequest struct {
	MchID           string               `json:"mchid"`
	AppID           string               `json:"appid"`
	DeductDuration  PAPayDeductDuration  `json:"deduct_duration"`
	EstimatedAmount PAPayEstimatedAmount `json:"estimated_amount"`
}

// PartnerPAPayNotifyRequest is the body of PAPayService.PartnerNotify.
//
// See https://pay.weixin.qq.com/docs/partner/apis/entrusted-payment/json/partner-deduct-notify.html
type PartnerPAPayNotifyRequest struct {
	SpMchID         string               `json:"sp_mchid"`
	SpAppID         string               `json:"sp_appid"`
	SubMchID        string               `json:"sub_mchid"`
	SubAppID        string               `json:"sub_appid,omitempty"`
	DeductDuration  PAPayDeductDuration  `json:"deduct_duration"`
	EstimatedAmount PAPayEstimatedAmount `json:"estimated_amount"`
}

// checkNotice returns an ArgumentError for a contract id that is not 1 to
// 32 characters or an incomplete duration or amount.
func checkNotice(contractID string, d PAPayDeductDuration, a PAPayEstimatedAmount) error {
	switch {
	case contractID == "" || len(contractID) > 32:
		return argError("contractID", "must be 1 to 32 characters")
	case d.Count <= 0 || d.Unit == "":
		return argError("DeductDuration", "needs a positive Count and a Unit (DAY)")
	case a.Amount <= 0 || a.Currency == "":
		return argError("EstimatedAmount", "needs a positive Amount and a Currency (CNY)")
	}
	return nil
}

// Notify sends the pre-deduction notice of the contract contractID (POST
// /v3/papay/contracts/{contract_id}/notify; 204). MchID defaults to the
// client's merchant. Deductions may start two days later and last
// DeductDuration; each may not exceed EstimatedAmount.
//
// See https://pay.weixin.qq.com/wiki/doc/api/wxpay_v2/papay/chapter3_10.shtml
func (s *PAPayService) Notify(ctx context.Context, contractID string, req *PAPayNotifyRequest) error {
	if req == nil {
		return argError("req", "is nil")
	}
	body := *req
	if body.MchID == "" {
		body.MchID = s.c.mchid
	}
	if err := need("AppID", body.AppID); err != nil {
		return err
	}
	if err := checkNotice(contractID, body.DeductDuration, body.EstimatedAmount); err != nil {
		return err
	}
	return s.c.do(ctx, post(pathf("/v3/papay/contracts/{contract_id}/notify", contractID), &body), nil)
}

// PartnerNotify sends, as a service provider, the pre-deduction notice of
// a sub-merchant's contract (POST
// /v3/partner-papay/contracts/{contract_id}/notify; 204). SpMchID defaults
// to the client's merchant.
//
// See https://pay.weixin.qq.com/docs/partner/apis/entrusted-payment/json/partner-deduct-notify.html
func (s *PAPayService) PartnerNotify(ctx context.Context, contractID string, req *PartnerPAPayNotifyRequest) error {
	if req == nil {
		return argError("req", "is nil")
	}
	body := *req
	if body.SpMchID == "" {
		body.SpMchID = s.c.mchid
	}
	if err := need("SpAppID", body.SpAppID, "SubMchID", body.SubMchID); err != nil {
		return err
	}
	if err := checkNotice(contractID, body.DeductDuration, body.EstimatedAmount); err != nil {
		return err
	}
	return s.c.do(ctx, post(pathf("/v3/partner-papay/contracts/{contract_id}/notify", contractID), &body), nil)
}
