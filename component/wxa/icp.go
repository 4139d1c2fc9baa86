package wxa

import (
	"context"
	"io"
	"strconv"

	wechat "github.com/weixin-go/wechat"
)

var (
	icpCreateVerifyTask   = post("/wxa/icp/create_icp_verifytask")
	icpQueryVerifyTask    = post("/wxa/icp/query_icp_verifytask")
	icpApplyFiling        = post("/wxa/icp/apply_icp_filing")
	icpCancelApplyFiling  = post("/wxa/icp/cancel_apply_icp_filing")
	icpCancelFiling       = post("/wxa/icp/cancel_icp_filing")
	icpUploadMedia        = post("/wxa/icp/upload_icp_media")
	icpGetMedia           = post("/wxa/icp/get_icp_media")
	icpSubjectTypes       = get("/wxa/icp/query_icp_subject_types")
	icpNrlxTypes          = get("/wxa/icp/query_icp_nrlx_types")
	icpDistrictCode       = get("/wxa/icp/query_icp_district_code")
	icpCertificateTypes   = get("/wxa/icp/query_icp_certificate_types")
	icpServiceContentType = get("/wxa/icp/query_icp_service_content_types")
	icpEntranceInfo       = get("/wxa/icp/get_icp_entrance_info")
	icpOnlineOrder        = get("/wxa/icp/get_online_icp_order")
)

// ICP filing states (ICPEntrance.Status).
const (
	ICPPlatformReview    = 2
	ICPPlatformRejected  = 3
	ICPAuthorityReview   = 4
	ICPAuthorityRejected = 5
	ICPFiled             = 6
	ICPNotFiled          = 1024
)

// CreateVerifyTask sends the administrator the face verification
// notification (人脸核身) and returns the task id for the filing; alongWithAuth
// is for the combined verification and filing, which also returns a URL.
// https://developers.weixin.qq.com/doc/oplatform/openApi/miniprogram-management/record/api_createicpverifytask.html
func (s *ICPService) CreateVerifyTask(ctx context.Context, alongWithAuth bool) (taskID, verifyURL string, err error) {
	body := struct {
		AlongWithAuth bool `json:"along_with_auth,omitempty"`
	}{alongWithAuth}
	out, err := call[struct {
		TaskID    string `json:"task_id"`
		VerifyURL string `json:"verify_url"`
	}](ctx, s.c, icpCreateVerifyTask, nil, body)
	if err != nil {
		return "", "", err
	}
	return out.TaskID, out.VerifyURL, nil
}

// VerifyTask is the state of a face verification task.
type VerifyTask struct {
	IsFinish   bool `json:"is_finish"`
	FaceStatus int  `json:"face_status"` // 0 not started, 1 waiting, 2 failed, 3 passed
}

// QueryVerifyTask returns the state of a face verification task.
// https://developers.weixin.qq.com/doc/oplatform/openApi/miniprogram-management/wxverifyicp/api_queryicpverifytask.html
func (s *ICPService) QueryVerifyTask(ctx context.Context, taskID string) (*VerifyTask, error) {
	if err := required("task_id", taskID); err != nil {
		return nil, err
	}
	body := struct {
		TaskID string `json:"task_id"`
	}{taskID}
	return call[VerifyTask](ctx, s.c, icpQueryVerifyTask, nil, body)
}

// ICPPrincipal is a person in charge (负责人) of the subject or the mini program.
type ICPPrincipal struct {
	Name                         string `json:"name"`
	Mobile                       string `json:"mobile"`
	Email                        string `json:"email"`
	EmergencyContact             string `json:"emergency_contact,omitempty"`
	EmergencyMobile              string `json:"emergency_mobile,omitempty"`
	CertificateType              int    `json:"certificate_type"`
	CertificateNumber            string `json:"certificate_number"`
	CertificateValidityDateStart string `json:"certificate_validity_date_start"`
	CertificateValidityDateEnd   string `json:"certificate_validity_date_end"`
	CertificatePhotoFront        string `json:"certificate_photo_front"` // media id
	CertificatePhotoBack         string `json:"certificate_photo_back"`  // media id
	AuthorizationLetter          string `json:"authorization_letter,omitempty"`
	VerifyTaskID                 string `json:"verify_task_id,omitempty"`
}

// ICPSubject is the filing subject (备案主体).
type ICPSubject struct {
	BaseInfo struct {
		Type     int    `json:"type"` // query_icp_subject_types
		Name     string `json:"name"`
		Province string `json:"province"` // district codes
		City     string `json:"city"`
		District string `json:"district"`
		Address  string `json:"address"`
		Comment  string `json:"comment,omitempty"`
	} `json:"base_info"`
	OrganizeInfo *struct {
		CertificateType    int    `json:"certificate_type"`
		CertificateNumber  string `json:"certificate_number"`
		CertificateAddress string `json:"certificate_address"`
		CertificatePhoto   string `json:"certificate_photo,omitempty"`
	} `json:"organize_info,omitempty"`
	PrincipalInfo   ICPPrincipal `json:"principal_info"`
	LegalPersonInfo *struct {
		Name              string `json:"name"`
		CertificateNumber string `json:"certificate_number"`
	} `json:"legal_person_info,omitempty"`
}

// ICPApplet is the mini program being filed.
type ICPApplet struct {
	BaseInfo struct {
		AppID               string `json:"appid"`
		Name                string `json:"name"`
		ServiceContentTypes []int  `json:"service_content_types"`
		NrlxDetails         []struct {
			Type  int    `json:"type"`
			Media string `json:"media,omitempty"`
		} `json:"nrlx_details,omitempty"`
		Comment string `json:"comment"`
	} `json:"base_info"`
	PrincipalInfo ICPPrincipal `json:"principal_info"`
}

// ICPMaterials are the other documents (media ids).
type ICPMaterials struct {
	CommitmentLetter   []string `json:"commitment_letter,omitempty"`
	BusinessNameChange []string `json:"business_name_change,omitempty"`
	OtherMaterials     []string `json:"other_materials,omitempty"`
}

// ICPFiling is the request of ApplyFiling.
type ICPFiling struct {
	ICPSubject   ICPSubject    `json:"icp_subject"`
	ICPApplets   ICPApplet     `json:"icp_applets"`
	ICPMaterials *ICPMaterials `json:"icp_materials,omitempty"`
}

// ICPHint is a field WeChat rejected.
type ICPHint struct {
	ErrCode  int    `json:"errcode"`
	ErrField string `json:"err_field"`
	ErrMsg   string `json:"errmsg"`
}

// ApplyFiling applies for the filing. Rejected fields come back in the
// hints together with an *wechat.APIError.
// https://developers.weixin.qq.com/doc/oplatform/openApi/miniprogram-management/record/api_applyicpfiling.html
func (s *ICPService) ApplyFiling(ctx context.Context, f *ICPFiling) ([]ICPHint, error) {
	if f == nil || f.ICPApplets.BaseInfo.AppID == "" {
		return nil, invalidArg("icp_applets.base_info.appid", "empty")
	}
	if f.ICPSubject.PrincipalInfo.VerifyTaskID == "" && f.ICPApplets.PrincipalInfo.VerifyTaskID == "" {
		return nil, invalidArg("principal_info.verify_task_id", "empty")
	}
	var out struct {
		Hints []ICPHint `json:"hints"`
	}
	err := s.c.Do(ctx, icpApplyFiling, nil, f, &out)
	return out.Hints, err
}

// CancelApplyFiling withdraws the filing application.
// https://developers.weixin.qq.com/doc/oplatform/openApi/miniprogram-management/record/api_cancelapplyicpfiling.html
func (s *ICPService) CancelApplyFiling(ctx context.Context) error {
	return (*service)(s).do(ctx, icpCancelApplyFiling, empty)
}

// CancelFiling cancels the filing: cancelType 1 the subject, 2 the mini
// program, 3 the mini program's access (取消接入).
// https://developers.weixin.qq.com/doc/oplatform/openApi/miniprogram-management/record/api_cancelicpfiling.html
func (s *ICPService) CancelFiling(ctx context.Context, cancelType int) error {
	if cancelType < 1 || cancelType > 3 {
		return invalidArg("cancel_type", "must be 1, 2 or 3")
	}
	return (*service)(s).do(ctx, icpCancelFiling, struct {
		CancelType int `json:"cancel_type"`
	}{cancelType})
}

// ICPMedia is an uploaded filing document.
type ICPMedia struct {
	Type     string `json:"type"`
	MediaID  string `json:"media_id"`
	CreateAt int64  `json:"created_at"`
}

// UploadMedia uploads a filing document (mediaType "image" or "video"),
// for the certificate type and order field as documented; the file is
// streamed.
// https://developers.weixin.qq.com/doc/oplatform/openApi/miniprogram-management/record/api_uploadicpmedia.html
func (s *ICPService) UploadMedia(ctx context.Context, mediaType string, certificateType int, icpOrderField, filename string, r io.Reader) (*ICPMedia, error) {
	if err := required("type", mediaType, "icp_order_field", icpOrderField); err != nil {
		return nil, err
	}
	fields := map[string]string{"type": mediaType, "icp_order_field": icpOrderField}
	if certificateType > 0 {
		fields["certificate_type"] = strconv.Itoa(certificateType)
	}
	out := new(ICPMedia)
	if err := s.c.Upload(ctx, icpUploadMedia, nil, wechat.UploadFile{Field: "media", Filename: filename, Content: r}, fields, out); err != nil {
		return nil, err
	}
	return out, nil
}

// GetMedia downloads a filing document; the caller must Close it.
// https://developers.weixin.qq.com/doc/oplatform/openApi/miniprogram-management/record/api_geticpmedia.html
func (s *ICPService) GetMedia(ctx context.Context, mediaID string) (*wechat.Download, error) {
	if err := required("media_id", mediaID); err != nil {
		return nil, err
	}
	return s.c.Stream(ctx, icpGetMedia, nil, struct {
		MediaID string `json:"media_id"`
	}{mediaID})
}

// ICPType is an entry of the filing dictionaries (subject, certificate,
// service content and pre-approval (nrlx) types).
type ICPType struct {
	Type        int    `json:"type"`
	SubjectType int    `json:"subject_type,omitempty"`
	ParentType  int    `json:"parent_type,omitempty"`
	Name        string `json:"name"`
	Remark      string `json:"remark,omitempty"`
}

func (s *ICPService) types(ctx context.Context, ep wechat.Endpoint) ([]ICPType, error) {
	out, err := call[struct {
		Items []ICPType `json:"items"`
	}](ctx, s.c, ep, nil, nil)
	if err != nil {
		return nil, err
	}
	return out.Items, nil
}

// SubjectTypes returns the subject types.
// https://developers.weixin.qq.com/doc/oplatform/openApi/miniprogram-management/record/api_queryicpsubjecttypes.html
func (s *ICPService) SubjectTypes(ctx context.Context) ([]ICPType, error) {
	return s.types(ctx, icpSubjectTypes)
}

// NrlxTypes returns the pre-approval (前置审批) types.
// https://developers.weixin.qq.com/doc/oplatform/openApi/miniprogram-management/record/api_queryicpnrlxtypes.html
func (s *ICPService) NrlxTypes(ctx context.Context) ([]ICPType, error) {
	return s.types(ctx, icpNrlxTypes)
}

// CertificateTypes returns the certificate types.
// https://developers.weixin.qq.com/doc/oplatform/openApi/miniprogram-management/record/api_queryicpcertificatetypes.html
func (s *ICPService) CertificateTypes(ctx context.Context) ([]ICPType, error) {
	return s.types(ctx, icpCertificateTypes)
}

// ServiceContentTypes returns the service content types.
// https://developers.weixin.qq.com/doc/oplatform/openApi/miniprogram-management/record/api_queryicpservicecontenttypes.html
func (s *ICPService) ServiceContentTypes(ctx context.Context) ([]ICPType, error) {
	return s.types(ctx, icpServiceContentType)
}

// District is a district code with its children.
type District struct {
	Type    int        `json:"type"` // 1 province, 2 city, 3 district
	Code    int        `json:"code"`
	Name    string     `json:"name"`
	SubList []District `json:"sub_list,omitempty"`
}

// DistrictCodes returns the district code tree.
// https://developers.weixin.qq.com/doc/oplatform/openApi/miniprogram-management/record/api_queryicpdistrictcode.html
func (s *ICPService) DistrictCodes(ctx context.Context) ([]District, error) {
	out, err := call[struct {
		Items []District `json:"items"`
	}](ctx, s.c, icpDistrictCode, nil, nil)
	if err != nil {
		return nil, err
	}
	return out.Items, nil
}

// ICPEntrance is the filing state and, when rejected, the reasons.
type ICPEntrance struct {
	Status      int  `json:"status"`
	IsCanceling bool `json:"is_canceling"`
	AuditData   []struct {
		KeyName string `json:"key_name"`
		Error   string `json:"error"`
		Suggest string `json:"suggest"`
	} `json:"audit_data,omitempty"`
	Available       int `json:"available"`
	SMSVerifyStatus int `json:"sms_verify_status,omitempty"`
}

// EntranceInfo returns the filing state.
// https://developers.weixin.qq.com/doc/oplatform/openApi/miniprogram-management/record/api_geticpentranceinfo.html
func (s *ICPService) EntranceInfo(ctx context.Context) (*ICPEntrance, error) {
	out, err := call[struct {
		Info ICPEntrance `json:"info"`
	}](ctx, s.c, icpEntranceInfo, nil, nil)
	if err != nil {
		return nil, err
	}
	return &out.Info, nil
}

// OnlineOrder returns the filing in effect (subject and mini program).
// https://developers.weixin.qq.com/doc/oplatform/openApi/miniprogram-management/record/api_getonlineicporder.html
func (s *ICPService) OnlineOrder(ctx context.Context) (*ICPFiling, error) {
	return call[ICPFiling](ctx, s.c, icpOnlineOrder, nil, nil)
}

var icpQueryAuthAndICP = post("/wxa/sec/query_auth_and_icp")

// AuthAndICPProgress is the progress of a combined verification and
// filing procedure (小程序认证及备案).
type AuthAndICPProgress struct {
	ProcedureStatus int    `json:"procedure_status"`
	OrderID         int64  `json:"orderid"`
	RefillReason    string `json:"refill_reason,omitempty"`
	FailReason      string `json:"fail_reason,omitempty"`
	ICPAudit        *struct {
		Hints     []ICPHint `json:"hints,omitempty"`
		AuditData []struct {
			KeyName string `json:"key_name"`
			Error   string `json:"error"`
			Suggest string `json:"suggest"`
		} `json:"audit_data,omitempty"`
		SMSVerifyStatus int `json:"sms_verify_status,omitempty"`
	} `json:"icp_audit,omitempty"`
}

// QueryAuthAndICP returns the progress of the combined verification and
// filing procedure procedureID.
// https://developers.weixin.qq.com/doc/oplatform/openApi/miniprogram-management/wxverifyicp/api_queryauthandicp.html
func (s *ICPService) QueryAuthAndICP(ctx context.Context, procedureID string) (*AuthAndICPProgress, error) {
	if err := required("procedure_id", procedureID); err != nil {
		return nil, err
	}
	body := struct {
		ProcedureID string `json:"procedure_id"`
	}{procedureID}
	return call[AuthAndICPProgress](ctx, s.c, icpQueryAuthAndICP, nil, body)
}
