package wxa

import (
	"context"
	"io"

	wechat "github.com/weixin-go/wechat"
)

var (
	verifySubmit       = post("/wxa/sec/wxaauth")
	verifyQuery        = post("/wxa/sec/queryauth")
	verifyUpload       = post("/wxa/sec/uploadauthmaterial")
	verifyResubmit     = post("/wxa/sec/reauth")
	verifyIdentityTree = get("/wxa/sec/authidentitytree")
)

// VerifyService verifies the mini program (小程序认证): submit the
// verification, follow its progress, upload materials and re-submit
// after a rejection.
// https://developers.weixin.qq.com/doc/oplatform/openApi/miniprogram-management/weapp-wxverify/api_secwxaapi_wxaauth.html
type VerifyService service

// Customer types of VerifyData (the subject of the mini program).
const (
	VerifyEnterprise         = 1  // 企业
	VerifyIndividualBusiness = 12 // 个体工商户
	VerifyIndividual         = 15 // 个人
)

// Pay types of VerifyData: who pays the verification fee.
const (
	VerifyPayByProvider  = 1 // 消耗服务商预购包
	VerifyPayByDeveloper = 2 // 小程序开发者自行支付
)

// VerifyData is the verification data (auth_data) of Submit and Resubmit.
//
// The documentation describes contact_info (required) and invoice_info
// (optional, not needed when the provider pays) as objects without listing
// their fields in the sources this package follows: ContactInfo and
// InvoiceInfo are sent as given (a struct or a map with the documented
// field names).
type VerifyData struct {
	CustomerType int    `json:"customer_type"`    // VerifyEnterprise, VerifyIndividualBusiness or VerifyIndividual
	TaskID       string `json:"taskid,omitempty"` // required by Resubmit
	ContactInfo  any    `json:"contact_info"`
	InvoiceInfo  any    `json:"invoice_info,omitempty"`
	// Qualification is the media id of the subject's qualification,
	// required unless CustomerType is VerifyIndividual; QualificationOther
	// holds at most 10 more.
	Qualification      string   `json:"qualification,omitempty"`
	QualificationOther []string `json:"qualification_other,omitempty"`
	AccountName        string   `json:"account_name"`
	// AccountNameType is 1 for a name from chosen words, 2 for a name
	// based on a trademark.
	AccountNameType     int      `json:"account_name_type"`
	AccountSupplemental []string `json:"account_supplemental,omitempty"` // media ids
	PayType             int      `json:"pay_type"`                       // VerifyPayByProvider or VerifyPayByDeveloper
	// AuthIdentification is the name of a leaf of IdentityTree, for an
	// individual; AuthIdentMaterial (media ids) is then required.
	AuthIdentification string   `json:"auth_identification,omitempty"`
	AuthIdentMaterial  []string `json:"auth_ident_material,omitempty"`
}

func (d *VerifyData) check(resubmit bool) error {
	switch {
	case d == nil:
		return invalidArg("auth_data", "nil")
	case d.CustomerType != VerifyEnterprise && d.CustomerType != VerifyIndividualBusiness && d.CustomerType != VerifyIndividual:
		return invalidArg("customer_type", "must be 1, 12 or 15")
	case resubmit && d.TaskID == "":
		return invalidArg("taskid", "empty")
	case d.ContactInfo == nil:
		return invalidArg("contact_info", "nil")
	case d.CustomerType != VerifyIndividual && d.Qualification == "":
		return invalidArg("qualification", "empty")
	case len(d.QualificationOther) > 10:
		return invalidArg("qualification_other", "more than 10")
	case d.AccountName == "":
		return invalidArg("account_name", "empty")
	case d.AccountNameType != 1 && d.AccountNameType != 2:
		return invalidArg("account_name_type", "must be 1 or 2")
	case d.PayType != VerifyPayByProvider && d.PayType != VerifyPayByDeveloper:
		return invalidArg("pay_type", "must be 1 or 2")
	case d.AuthIdentification != "" && len(d.AuthIdentMaterial) == 0:
		return invalidArg("auth_ident_material", "empty")
	}
	return nil
}

// VerifySubmission is the answer of Submit: the task id for Query and
// Resubmit, and the link the administrator opens to authorize. The field
// names are those of the task id in the request and of Query's answer;
// the documentation sources this package follows do not list Submit's.
type VerifySubmission struct {
	TaskID  string `json:"taskid"`
	AuthURL string `json:"auth_url"`
}

// Submit submits the verification of the mini program.
// https://developers.weixin.qq.com/doc/oplatform/openApi/miniprogram-management/weapp-wxverify/api_secwxaapi_wxaauth.html
func (s *VerifyService) Submit(ctx context.Context, d *VerifyData) (*VerifySubmission, error) {
	if err := d.check(false); err != nil {
		return nil, err
	}
	return call[VerifySubmission](ctx, s.c, verifySubmit, nil, struct {
		AuthData *VerifyData `json:"auth_data"`
	}{d})
}

// Resubmit submits the verification again after it was sent back
// (VerifyRefill); d.TaskID is the task of Submit.
// https://developers.weixin.qq.com/doc/oplatform/openApi/miniprogram-management/weapp-wxverify/api_secwxaapi_reauth.html
func (s *VerifyService) Resubmit(ctx context.Context, d *VerifyData) error {
	if err := d.check(true); err != nil {
		return err
	}
	return (*service)(s).do(ctx, verifyResubmit, struct {
		AuthData *VerifyData `json:"auth_data"`
	}{d})
}

// Task states of VerifyProgress.TaskStatus (the authorization, face and
// phone verification of the administrator).
const (
	VerifyTaskInitial        = 0
	VerifyTaskTimeout        = 1
	VerifyTaskRefused        = 2
	VerifyTaskAuthorized     = 3
	VerifyTaskFaceStarted    = 4
	VerifyTaskFaceFailed     = 5
	VerifyTaskFaceOK         = 6
	VerifyTaskSMSSent        = 7
	VerifyTaskPhoneFailed    = 8
	VerifyTaskPhoneOK        = 9
	VerifyTaskOrderFailed    = 11
	VerifyTaskOrderCreated   = 12
	VerifyTaskCheckFailed    = 14
	VerifyTaskWaitingPayment = 15
)

// Review states of VerifyProgress.ApplyStatus, valid once the review order
// is created (VerifyTaskOrderCreated).
const (
	VerifyNoOrder   = 0
	VerifyToPay     = 1
	VerifyReviewing = 2
	VerifyRefill    = 3 // sent back: see RefillReason, then Resubmit
	VerifyPassed    = 4
	VerifyFailed    = 5 // final: see FailReason
)

// VerifyProgress is the progress of a verification task.
type VerifyProgress struct {
	TaskStatus   int    `json:"task_status"`
	AuthURL      string `json:"auth_url,omitempty"`
	ApplyStatus  int    `json:"apply_status"`
	OrderID      int64  `json:"orderid,omitempty"`
	AppID        string `json:"appid"`
	RefillReason string `json:"refill_reason,omitempty"`
	FailReason   string `json:"fail_reason,omitempty"`
}

// Query returns the progress of the verification task taskID.
// https://developers.weixin.qq.com/doc/oplatform/openApi/miniprogram-management/weapp-wxverify/api_secwxaapi_queryauth.html
func (s *VerifyService) Query(ctx context.Context, taskID string) (*VerifyProgress, error) {
	if err := required("taskid", taskID); err != nil {
		return nil, err
	}
	return call[VerifyProgress](ctx, s.c, verifyQuery, nil, struct {
		TaskID string `json:"taskid"`
	}{taskID})
}

// UploadMaterial uploads an image (PNG, JPEG or GIF, 2 MB at most) for the
// verification and returns its media id; the file is streamed.
// https://developers.weixin.qq.com/doc/oplatform/openApi/miniprogram-management/weapp-wxverify/api_secwxaapi_uploadauthmaterial.html
func (s *VerifyService) UploadMaterial(ctx context.Context, filename string, r io.Reader) (string, error) {
	if err := required("filename", filename); err != nil {
		return "", err
	}
	if r == nil {
		return "", invalidArg("media", "nil")
	}
	return (*service)(s).uploadMedia(ctx, verifyUpload, filename, r)
}

// uploadMedia streams r as the multipart part "media" to ep, which answers
// the media id in mediaid.
func (s *service) uploadMedia(ctx context.Context, ep wechat.Endpoint, filename string, r io.Reader) (string, error) {
	var out struct {
		Type    string `json:"type"`
		MediaID string `json:"mediaid"`
	}
	if err := s.c.Upload(ctx, ep, nil, wechat.UploadFile{Field: "media", Filename: filename, Content: r}, nil, &out); err != nil {
		return "", err
	}
	return out.MediaID, nil
}

// IdentityNode is a node of the identity tree of individual verification:
// a leaf has LeafInfo, whose Name goes in VerifyData.AuthIdentification.
type IdentityNode struct {
	Name     string         `json:"name"`
	NodeID   int            `json:"node_id"`
	NodeList []IdentityNode `json:"node_list,omitempty"`
	LeafInfo *struct {
		Requirement string `json:"requirement"` // the materials to upload
	} `json:"leaf_info,omitempty"`
}

// IdentityTree returns the identities an individual can verify as
// (查询个人认证身份选项列表).
// https://developers.weixin.qq.com/doc/oplatform/openApi/miniprogram-management/weapp-wxverify/api_secwxaapi_authidentitytree.html
func (s *VerifyService) IdentityTree(ctx context.Context) ([]IdentityNode, error) {
	out, err := call[struct {
		List []IdentityNode `json:"identity_tree_list"`
	}](ctx, s.c, verifyIdentityTree, nil, nil)
	if err != nil {
		return nil, err
	}
	return out.List, nil
}
