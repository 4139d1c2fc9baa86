package pay

import "context"

// E-commerce onboarding (二级商户进件) status queries. Submitting an
// application (POST /v3/ecommerce/applyments/) is not covered: its large,
// partly encrypted body could not be confirmed field by field.

// E-commerce application states (EcommerceApplyment.ApplymentState).
const (
	EcomApplymentChecking          = "CHECKING"            // 资料校验中
	EcomApplymentAccountNeedVerify = "ACCOUNT_NEED_VERIFY" // 待账户验证
	EcomApplymentAuditing          = "AUDITING"            // 审核中
	EcomApplymentRejected          = "REJECTED"            // 已驳回
	EcomApplymentNeedSign          = "NEED_SIGN"           // 待签约
	EcomApplymentFinish            = "FINISH"              // 完成
	EcomApplymentFrozen            = "FROZEN"              // 已冻结
	EcomApplymentCanceled          = "CANCELED"            // 已作废
)

// EcomAccountValidation is how to verify the settlement account by a small
// transfer (state ACCOUNT_NEED_VERIFY): send PayAmount fen from AccountNo
// (masked) to DestinationAccountNumber before Deadline, with Remark.
type EcomAccountValidation struct {
	AccountName              string `json:"account_name"`
	AccountNo                string `json:"account_no,omitempty"`
	PayAmount                int64  `json:"pay_amount"`
	DestinationAccountNumber string `json:"destination_account_number"`
	DestinationAccountName   string `json:"destination_account_name"`
	DestinationAccountBank   string `json:"destination_account_bank"`
	City                     string `json:"city"`
	Remark                   string `json:"remark"`
	Deadline                 string `json:"deadline"`
}

// EcomAuditDetail is why one field of an application was rejected.
type EcomAuditDetail struct {
	ParamName    string `json:"param_name"`
	RejectReason string `json:"reject_reason"`
}

// EcommerceApplyment is the state of a sub-merchant application. SignURL
// (NEED_SIGN) is to be opened by the applicant's manager in WeChat; SubMchID
// is set from NEED_SIGN on; AccountValidation and LegalValidationURL come
// with ACCOUNT_NEED_VERIFY, AuditDetail with REJECTED and FROZEN. SignState
// (UNSIGNED, SIGNED, NOT_SIGNABLE) is returned by WeChat Pay but no longer
// described by the current page.
//
// See https://pay.weixin.qq.com/docs/partner/apis/ecommerce-merchant-application/applyment/get-state-by-out-request-no.html
type EcommerceApplyment struct {
	ApplymentState     string                 `json:"applyment_state"`
	ApplymentStateDesc string                 `json:"applyment_state_desc"`
	SignState          string                 `json:"sign_state,omitempty"`
	SignURL            string                 `json:"sign_url,omitempty"`
	SubMchID           string                 `json:"sub_mchid,omitempty"`
	AccountValidation  *EcomAccountValidation `json:"account_validation,omitempty"`
	AuditDetail        []EcomAuditDetail      `json:"audit_detail,omitempty"`
	LegalValidationURL string                 `json:"legal_validation_url,omitempty"`
	OutRequestNo       string                 `json:"out_request_no"`
	ApplymentID        int64                  `json:"applyment_id"`
}

// QueryApplymentByID returns the state of a sub-merchant application by
// its WeChat Pay id (GET /v3/ecommerce/applyments/{applyment_id}).
//
// See https://pay.weixin.qq.com/docs/partner/apis/ecommerce-merchant-application/applyment/get-applyment-state.html
func (s *EcommerceService) QueryApplymentByID(ctx context.Context, applymentID int64) (*EcommerceApplyment, error) {
	if applymentID <= 0 {
		return nil, argError("applymentID", "must be positive")
	}
	return call[EcommerceApplyment](ctx, s.c, get(pathf("/v3/ecommerce/applyments/{applyment_id}", itoa(applymentID)), nil))
}

// QueryApplymentByOutRequestNo returns the state of a sub-merchant
// application by the platform's out_request_no (GET
// /v3/ecommerce/applyments/out-request-no/{out_request_no}).
//
// See https://pay.weixin.qq.com/docs/partner/apis/ecommerce-merchant-application/applyment/get-state-by-out-request-no.html
func (s *EcommerceService) QueryApplymentByOutRequestNo(ctx context.Context, outRequestNo string) (*EcommerceApplyment, error) {
	if err := need("outRequestNo", outRequestNo); err != nil {
		return nil, err
	}
	if len(outRequestNo) > 124 {
		return nil, argError("outRequestNo", "must be at most 124 characters")
	}
	return call[EcommerceApplyment](ctx, s.c, get(pathf("/v3/ecommerce/applyments/out-request-no/{out_request_no}", outRequestNo), nil))
}
