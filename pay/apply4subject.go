package pay

import "context"

// SubjectConfirmService is the confirmation of the intention to open an
// account (商户开户意愿确认), for channel merchants and institutions:
// follow an application (its state and the mini program code the merchant
// scans), cancel it, and check whether a sub-merchant has confirmed.
// Queries are safe to retry; Cancel should be retried only after a query
// shows the application is not canceled.
//
// Submitting an application (POST /v3/apply4subject/applyment) is not
// covered: its body could not be confirmed field by field.
//
// See https://pay.weixin.qq.com/docs/partner/products/confirmation-of-account-creation/apilist.html
type SubjectConfirmService struct{ service }

// SubjectApplymentState is the state of an opening-intention application.
type SubjectApplymentState string

// Application states (the spelling WAITTING is WeChat Pay's).
const (
	SubjectEditting                 SubjectApplymentState = "APPLYMENT_STATE_EDITTING"
	SubjectWaitingForAudit          SubjectApplymentState = "APPLYMENT_STATE_WAITTING_FOR_AUDIT"
	SubjectWaitingForConfirmContact SubjectApplymentState = "APPLYMENT_STATE_WAITTING_FOR_CONFIRM_CONTACT"
	SubjectWaitingForConfirmLegal   SubjectApplymentState = "APPLYMENT_STATE_WAITTING_FOR_CONFIRM_LEGALPERSON"
	SubjectPassed                   SubjectApplymentState = "APPLYMENT_STATE_PASSED"
	SubjectRejected                 SubjectApplymentState = "APPLYMENT_STATE_REJECTED"
	SubjectFreezed                  SubjectApplymentState = "APPLYMENT_STATE_FREEZED"
	SubjectCanceled                 SubjectApplymentState = "APPLYMENT_STATE_CANCELED"
)

// SubjectApplyment is the audit result of an application.
//
// See https://pay.weixin.qq.com/docs/partner/apis/confirmation-of-account-creation/applyment/get-audit-result.html
type SubjectApplyment struct {
	ApplymentState SubjectApplymentState `json:"applyment_state"`
	// QrcodeData is the base64 PNG of the mini program code the contact or
	// legal person scans (confirm contact, verify the account, authorize);
	// given while waiting for them, passed or freezed.
	QrcodeData   string `json:"qrcode_data,omitempty"`
	RejectParam  string `json:"reject_param,omitempty"`
	RejectReason string `json:"reject_reason,omitempty"`
}

// ByBusinessCode queries an application by the business code it was
// submitted with (GET /v3/apply4subject/applyment?business_code=).
//
// See https://pay.weixin.qq.com/docs/partner/apis/confirmation-of-account-creation/applyment/get-audit-result.html
func (s *SubjectConfirmService) ByBusinessCode(ctx context.Context, businessCode string) (*SubjectApplyment, error) {
	if err := need("businessCode", businessCode); err != nil {
		return nil, err
	}
	return call[SubjectApplyment](ctx, s.c, get("/v3/apply4subject/applyment", query("business_code", businessCode)))
}

// ByID queries an application by the id WeChat Pay gave it (GET
// /v3/apply4subject/applyment?applyment_id=).
//
// See https://pay.weixin.qq.com/docs/partner/apis/confirmation-of-account-creation/applyment/get-audit-result.html
func (s *SubjectConfirmService) ByID(ctx context.Context, applymentID int64) (*SubjectApplyment, error) {
	if applymentID <= 0 {
		return nil, argError("applymentID", "must be positive")
	}
	return call[SubjectApplyment](ctx, s.c, get("/v3/apply4subject/applyment", query("applyment_id", itoa(applymentID))))
}

// CancelByBusinessCode cancels an application (POST
// /v3/apply4subject/applyment/{business_code}/cancel; WeChat answers 204),
// as needed before changing or resubmitting it.
//
// See https://pay.weixin.qq.com/docs/partner/apis/confirmation-of-account-creation/applyment/cancel-applyment.html
func (s *SubjectConfirmService) CancelByBusinessCode(ctx context.Context, businessCode string) error {
	if err := need("businessCode", businessCode); err != nil {
		return err
	}
	return s.c.do(ctx, post(pathf("/v3/apply4subject/applyment/{business_code}/cancel", businessCode), nil), nil)
}

// CancelByID cancels an application by its id (POST
// /v3/apply4subject/applyment/{applyment_id}/cancel; WeChat answers 204).
//
// See https://pay.weixin.qq.com/docs/partner/apis/confirmation-of-account-creation/applyment/cancel-applyment.html
func (s *SubjectConfirmService) CancelByID(ctx context.Context, applymentID int64) error {
	if applymentID <= 0 {
		return argError("applymentID", "must be positive")
	}
	return s.c.do(ctx, post(pathf("/v3/apply4subject/applyment/{applyment_id}/cancel", itoa(applymentID)), nil), nil)
}

// Authorize states of a sub-merchant.
const (
	AuthorizeStateUnauthorized = "AUTHORIZE_STATE_UNAUTHORIZED"
	AuthorizeStateAuthorized   = "AUTHORIZE_STATE_AUTHORIZED"
)

// AuthorizeState reports whether a sub-merchant has confirmed its intention
// to open the account (GET
// /v3/apply4subject/applyment/merchants/{sub_mchid}/state):
// AuthorizeStateAuthorized or AuthorizeStateUnauthorized.
//
// See https://pay.weixin.qq.com/doc/v3/partner/4012467549
func (s *SubjectConfirmService) AuthorizeState(ctx context.Context, subMchID string) (string, error) {
	if err := need("subMchID", subMchID); err != nil {
		return "", err
	}
	r, err := call[struct {
		AuthorizeState string `json:"authorize_state"`
	}](ctx, s.c, get(pathf("/v3/apply4subject/applyment/merchants/{sub_mchid}/state", subMchID), nil))
	if err != nil {
		return "", err
	}
	return r.AuthorizeState, nil
}
