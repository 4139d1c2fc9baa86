package wxa

import (
	"context"
	"io"
	"net/url"
	"strconv"

	wechat "github.com/weixin-go/wechat"
)

var (
	codeCommit             = post("/wxa/commit")
	codeGetPage            = get("/wxa/get_page")
	codeGetQRCode          = get("/wxa/get_qrcode")
	codeSubmitAudit        = post("/wxa/submit_audit")
	codeGetAuditStatus     = post("/wxa/get_auditstatus")
	codeGetLatestAudit     = get("/wxa/get_latest_auditstatus")
	codeUndoAudit          = get("/wxa/undocodeaudit")
	codeSpeedupAudit       = post("/wxa/speedupaudit")
	codeRelease            = post("/wxa/release")
	codeRevertRelease      = get("/wxa/revertcoderelease")
	codeGrayRelease        = post("/wxa/grayrelease")
	codeGetGrayPlan        = get("/wxa/getgrayreleaseplan")
	codeRevertGray         = get("/wxa/revertgrayrelease")
	codeChangeVisit        = post("/wxa/change_visitstatus")
	codeGetVisit           = post("/wxa/getvisitstatus")
	codeGetSupportVersion  = post("/cgi-bin/wxopen/getweappsupportversion")
	codeSetSupportVersion  = post("/cgi-bin/wxopen/setweappsupportversion")
	codeGetCategory        = get("/wxa/get_category")
	codeQueryQuota         = get("/wxa/queryquota")
	codeGetVersionInfo     = post("/wxa/getversioninfo")
	codeUploadMedia        = post("/wxa/uploadmedia")
	codeGetCodePrivacyInfo = get("/wxa/security/get_code_privacy_info")
	codeGetOrderPathInfo   = post("/wxa/security/getorderpathinfo")
)

// Audit status values (get_auditstatus, get_latest_auditstatus).
const (
	AuditSuccess  = 0 // passed
	AuditRejected = 1 // rejected
	AuditPending  = 2 // in review
	AuditUndone   = 3 // withdrawn
	AuditDelayed  = 4 // review delayed
)

// Commit is the code upload of Commit: a template of the platform's
// library with the authorizer's configuration.
type Commit struct {
	// TemplateID is the id of a template in the platform's template library.
	TemplateID int64 `json:"template_id"`
	// ExtJSON is the ext.json configuration, as a JSON string.
	ExtJSON     string `json:"ext_json"`
	UserVersion string `json:"user_version"` // at most 64 characters
	UserDesc    string `json:"user_desc"`
}

// Commit uploads code: the template becomes the mini program's
// development (trial) version.
// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/code/commit.html
func (s *CodeService) Commit(ctx context.Context, c *Commit) error {
	if c == nil {
		return invalidArg("template_id", "nil commit")
	}
	if c.TemplateID < 0 {
		return invalidArg("template_id", "negative")
	}
	if err := required("ext_json", c.ExtJSON, "user_version", c.UserVersion); err != nil {
		return err
	}
	if len([]rune(c.UserVersion)) > 64 {
		return invalidArg("user_version", "longer than 64 characters")
	}
	return (*service)(s).do(ctx, codeCommit, c)
}

// GetPages returns the page paths of the uploaded code.
// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/code/get_page.html
func (s *CodeService) GetPages(ctx context.Context) ([]string, error) {
	out, err := call[struct {
		PageList []string `json:"page_list"`
	}](ctx, s.c, codeGetPage, nil, nil)
	if err != nil {
		return nil, err
	}
	return out.PageList, nil
}

// GetTrialQRCode returns the trial version's QR code image, opening path
// (with its query; "" is the home page). It is streamed: the caller must
// Close it.
// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/code/get_qrcode.html
func (s *CodeService) GetTrialQRCode(ctx context.Context, path string) (*wechat.Download, error) {
	var q url.Values
	if path != "" {
		q = url.Values{"path": {path}}
	}
	return s.c.Stream(ctx, codeGetQRCode, q, nil)
}

// AuditItem is one page submitted for review with its category.
type AuditItem struct {
	Address     string `json:"address,omitempty"`
	Tag         string `json:"tag,omitempty"`
	FirstClass  string `json:"first_class,omitempty"`
	SecondClass string `json:"second_class,omitempty"`
	ThirdClass  string `json:"third_class,omitempty"`
	FirstID     int    `json:"first_id,omitempty"`
	SecondID    int    `json:"second_id,omitempty"`
	ThirdID     int    `json:"third_id,omitempty"`
	Title       string `json:"title,omitempty"`
}

// PreviewInfo are the screenshots and videos of the review (media ids from
// UploadMedia).
type PreviewInfo struct {
	VideoIDList []string `json:"video_id_list,omitempty"`
	PicIDList   []string `json:"pic_id_list,omitempty"`
}

// UGCDeclare declares user-generated content.
type UGCDeclare struct {
	Scene          []int  `json:"scene,omitempty"`
	OtherSceneDesc string `json:"other_scene_desc,omitempty"`
	Method         []int  `json:"method,omitempty"`
	HasAuditTeam   int    `json:"has_audit_team,omitempty"`
	AuditDesc      string `json:"audit_desc,omitempty"`
}

// AuditRequest is the request of SubmitAudit; every field is optional.
type AuditRequest struct {
	ItemList         []AuditItem  `json:"item_list,omitempty"`
	PreviewInfo      *PreviewInfo `json:"preview_info,omitempty"`
	VersionDesc      string       `json:"version_desc,omitempty"`
	FeedbackInfo     string       `json:"feedback_info,omitempty"`
	FeedbackStuff    string       `json:"feedback_stuff,omitempty"` // media ids joined by |
	UGCDeclare       *UGCDeclare  `json:"ugc_declare,omitempty"`
	PrivacyAPINotUse bool         `json:"privacy_api_not_use,omitempty"`
	OrderPath        string       `json:"order_path,omitempty"`
}

// SubmitAudit submits the uploaded code for review and returns the audit id.
// The result is pushed as a weapp_audit_success or weapp_audit_fail event.
// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/code/submit_audit.html
func (s *CodeService) SubmitAudit(ctx context.Context, req *AuditRequest) (int64, error) {
	if req == nil {
		req = &AuditRequest{}
	}
	if len(req.ItemList) > 5 {
		return 0, invalidArg("item_list", "more than 5 items")
	}
	out, err := call[struct {
		AuditID int64 `json:"auditid"`
	}](ctx, s.c, codeSubmitAudit, nil, req)
	if err != nil {
		return 0, err
	}
	return out.AuditID, nil
}

// AuditStatus is the state of a review.
type AuditStatus struct {
	AuditID int64 `json:"auditid,omitempty"`
	// Status is AuditSuccess, AuditRejected, AuditPending, AuditUndone or AuditDelayed.
	Status          int    `json:"status"`
	Reason          string `json:"reason,omitempty"`
	ScreenShot      string `json:"screenshot,omitempty"` // media ids joined by |
	UserVersion     string `json:"user_version,omitempty"`
	UserDesc        string `json:"user_desc,omitempty"`
	SubmitAuditTime int64  `json:"submit_audit_time,omitempty"`
}

// GetAuditStatus returns the state of the review auditID.
// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/code/get_auditstatus.html
func (s *CodeService) GetAuditStatus(ctx context.Context, auditID int64) (*AuditStatus, error) {
	if auditID <= 0 {
		return nil, invalidArg("auditid", "must be positive")
	}
	body := struct {
		AuditID int64 `json:"auditid"`
	}{auditID}
	return call[AuditStatus](ctx, s.c, codeGetAuditStatus, nil, body)
}

// GetLatestAuditStatus returns the state of the last review.
// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/code/get_latest_auditstatus.html
func (s *CodeService) GetLatestAuditStatus(ctx context.Context) (*AuditStatus, error) {
	out, err := call[struct {
		AuditStatus
		ScreenShot string `json:"ScreenShot"`
	}](ctx, s.c, codeGetLatestAudit, nil, nil)
	if err != nil {
		return nil, err
	}
	st := out.AuditStatus
	st.ScreenShot = out.ScreenShot
	return &st, nil
}

// UndoAudit withdraws the review in progress (once a day, 10 times a month).
// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/code/undocodeaudit.html
func (s *CodeService) UndoAudit(ctx context.Context) error {
	return s.c.Do(ctx, codeUndoAudit, nil, nil, nil)
}

// SpeedupAudit asks for an expedited review of auditID.
// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/code/speedup_audit.html
func (s *CodeService) SpeedupAudit(ctx context.Context, auditID int64) error {
	if auditID <= 0 {
		return invalidArg("auditid", "must be positive")
	}
	body := struct {
		AuditID int64 `json:"auditid"`
	}{auditID}
	return (*service)(s).do(ctx, codeSpeedupAudit, body)
}

// AuditQuota is the number of reviews and expedited reviews left this month.
type AuditQuota struct {
	Rest         int `json:"rest"`
	Limit        int `json:"limit"`
	SpeedupRest  int `json:"speedup_rest"`
	SpeedupLimit int `json:"speedup_limit"`
}

// QueryQuota returns the review quota.
// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/code/query_quota.html
func (s *CodeService) QueryQuota(ctx context.Context) (*AuditQuota, error) {
	return call[AuditQuota](ctx, s.c, codeQueryQuota, nil, nil)
}

// Release publishes the version that passed review.
// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/code/release.html
func (s *CodeService) Release(ctx context.Context) error {
	return (*service)(s).do(ctx, codeRelease, empty)
}

// RevertRelease rolls the release back to the previous version, or to
// appVersion (from HistoryVersions) if not zero.
// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/code/revertcoderelease.html
func (s *CodeService) RevertRelease(ctx context.Context, appVersion int64) error {
	var q url.Values
	if appVersion > 0 {
		q = url.Values{"app_version": {strconv.FormatInt(appVersion, 10)}}
	}
	return s.c.Do(ctx, codeRevertRelease, q, nil, nil)
}

// HistoryVersion is a version a release can be rolled back to.
type HistoryVersion struct {
	AppVersion  int64  `json:"app_version"`
	UserVersion string `json:"user_version"`
	UserDesc    string `json:"user_desc"`
	CommitTime  int64  `json:"commit_time"`
}

// HistoryVersions returns the versions a release can be rolled back to.
// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/code/get_history_version.html
func (s *CodeService) HistoryVersions(ctx context.Context) ([]HistoryVersion, error) {
	out, err := call[struct {
		VersionList []HistoryVersion `json:"version_list"`
	}](ctx, s.c, codeRevertRelease, url.Values{"action": {"get_history_version"}}, nil)
	if err != nil {
		return nil, err
	}
	return out.VersionList, nil
}

// GrayRelease is a phased release plan.
type GrayRelease struct {
	GrayPercentage     int  `json:"gray_percentage"` // 1-100
	SupportDebuger     bool `json:"support_debuger,omitempty"`
	SupportExperiencer bool `json:"support_experiencer,omitempty"`
}

// GrayRelease starts (or widens) a phased release of the reviewed version.
// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/code/grayrelease.html
func (s *CodeService) GrayRelease(ctx context.Context, g *GrayRelease) error {
	if g == nil || g.GrayPercentage < 1 || g.GrayPercentage > 100 {
		return invalidArg("gray_percentage", "must be 1-100")
	}
	return (*service)(s).do(ctx, codeGrayRelease, g)
}

// GrayReleasePlan is the state of the phased release: Status 0 initial,
// 1 running, 2 paused, 3 finished, 4 cancelled.
type GrayReleasePlan struct {
	Status                  int   `json:"status"`
	CreateTimestamp         int64 `json:"create_timestamp"`
	GrayPercentage          int   `json:"gray_percentage"`
	SupportExperiencerFirst bool  `json:"support_experiencer_first"`
	SupportDebugerFirst     bool  `json:"support_debuger_first"`
}

// GetGrayReleasePlan returns the phased release plan.
// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/code/getgrayreleaseplan.html
func (s *CodeService) GetGrayReleasePlan(ctx context.Context) (*GrayReleasePlan, error) {
	out, err := call[struct {
		Plan GrayReleasePlan `json:"gray_release_plan"`
	}](ctx, s.c, codeGetGrayPlan, nil, nil)
	if err != nil {
		return nil, err
	}
	return &out.Plan, nil
}

// RevertGrayRelease cancels the phased release.
// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/code/revertgrayrelease.html
func (s *CodeService) RevertGrayRelease(ctx context.Context) error {
	return s.c.Do(ctx, codeRevertGray, nil, nil, nil)
}

// SetVisible opens (true) or closes (false) the released mini program to
// users (change_visitstatus).
// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/code/change_visitstatus.html
func (s *CodeService) SetVisible(ctx context.Context, open bool) error {
	action := "close"
	if open {
		action = "open"
	}
	body := struct {
		Action string `json:"action"`
	}{action}
	return (*service)(s).do(ctx, codeChangeVisit, body)
}

// GetVisitStatus returns the visit status: 0 visible, 1 closed by the
// developer... as documented.
// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/miniprogram-management/code-management/getVisitStatus.html
func (s *CodeService) GetVisitStatus(ctx context.Context) (int, error) {
	out, err := call[struct {
		Status int `json:"status"`
	}](ctx, s.c, codeGetVisit, nil, empty)
	if err != nil {
		return 0, err
	}
	return out.Status, nil
}

// SupportVersion is the lowest base library version and its user share.
type SupportVersion struct {
	NowVersion string `json:"now_version"`
	UVInfo     struct {
		Items []struct {
			Percentage float64 `json:"percentage"`
			Version    string  `json:"version"`
		} `json:"items"`
	} `json:"uv_info"`
}

// GetSupportVersion returns the lowest base library version required.
// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/code/getweappsupportversion.html
func (s *CodeService) GetSupportVersion(ctx context.Context) (*SupportVersion, error) {
	return call[SupportVersion](ctx, s.c, codeGetSupportVersion, nil, empty)
}

// SetSupportVersion sets the lowest base library version, such as "1.0.0".
// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/code/setweappsupportversion.html
func (s *CodeService) SetSupportVersion(ctx context.Context, version string) error {
	if err := required("version", version); err != nil {
		return err
	}
	body := struct {
		Version string `json:"version"`
	}{version}
	return (*service)(s).do(ctx, codeSetSupportVersion, body)
}

// AuditCategory is a category the code can be submitted under.
type AuditCategory struct {
	FirstClass  string `json:"first_class"`
	SecondClass string `json:"second_class"`
	ThirdClass  string `json:"third_class,omitempty"`
	FirstID     int    `json:"first_id"`
	SecondID    int    `json:"second_id"`
	ThirdID     int    `json:"third_id,omitempty"`
}

// GetAuditCategories returns the categories the code can be submitted
// under (get_category).
// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/category/get_category.html
func (s *CodeService) GetAuditCategories(ctx context.Context) ([]AuditCategory, error) {
	out, err := call[struct {
		List []AuditCategory `json:"category_list"`
	}](ctx, s.c, codeGetCategory, nil, nil)
	if err != nil {
		return nil, err
	}
	return out.List, nil
}

// VersionInfo are the trial and released versions.
type VersionInfo struct {
	ExpInfo *struct {
		ExpTime    int64  `json:"exp_time"`
		ExpVersion string `json:"exp_version"`
		ExpDesc    string `json:"exp_desc"`
	} `json:"exp_info,omitempty"`
	ReleaseInfo *struct {
		ReleaseTime    int64  `json:"release_time"`
		ReleaseVersion string `json:"release_version"`
		ReleaseDesc    string `json:"release_desc"`
	} `json:"release_info,omitempty"`
}

// GetVersionInfo returns the trial and released versions.
// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/miniprogram-management/code-management/getVersionInfo.html
func (s *CodeService) GetVersionInfo(ctx context.Context) (*VersionInfo, error) {
	return call[VersionInfo](ctx, s.c, codeGetVersionInfo, nil, empty)
}

// UploadMedia uploads a screenshot or video for a review (PreviewInfo,
// FeedbackStuff) and returns its media id. The file is streamed; filename
// must carry the extension.
// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/code/uploadmedia.html
func (s *CodeService) UploadMedia(ctx context.Context, filename string, r io.Reader) (string, error) {
	return (*service)(s).uploadMedia(ctx, codeUploadMedia, filename, r)
}

// CodePrivacyInfo lists the privacy interfaces the uploaded code uses
// without authorization or configuration.
type CodePrivacyInfo struct {
	WithoutAuthList []string `json:"without_auth_list"`
	WithoutConfList []string `json:"without_conf_list"`
}

// GetCodePrivacyInfo checks the uploaded code's use of privacy interfaces.
// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/code/get_code_privacy_info.html
func (s *CodeService) GetCodePrivacyInfo(ctx context.Context) (*CodePrivacyInfo, error) {
	return call[CodePrivacyInfo](ctx, s.c, codeGetCodePrivacyInfo, nil, nil)
}

// OrderPathInfo is the order center path setting (订单页 path).
type OrderPathInfo struct {
	Path        string   `json:"path"`
	ImgList     []string `json:"img_list,omitempty"`
	Video       string   `json:"video,omitempty"`
	TestAccount string   `json:"test_account,omitempty"`
	TestPwd     string   `json:"test_pwd,omitempty"`
	TestRemark  string   `json:"test_remark,omitempty"`
	Status      int      `json:"status,omitempty"`
	ApplyTime   int64    `json:"apply_time,omitempty"`
}

// GetOrderPathInfo returns the order page path: infoType 0 the one being
// applied for, 1 the one in effect.
// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/code/getorderpathinfo.html
func (s *CodeService) GetOrderPathInfo(ctx context.Context, infoType int) (*OrderPathInfo, error) {
	body := struct {
		InfoType int `json:"info_type"`
	}{infoType}
	out, err := call[struct {
		Msg OrderPathInfo `json:"msg"`
	}](ctx, s.c, codeGetOrderPathInfo, nil, body)
	if err != nil {
		return nil, err
	}
	return &out.Msg, nil
}
