package component

import (
	"context"
	"net/http"
	"net/url"
	"strconv"

	wechat "github.com/weixin-go/wechat"
)

// The template library endpoints are documented with the
// component_access_token in the access_token parameter.
var (
	templateDraftList = wechat.Endpoint{Method: http.MethodGet, Path: "/wxa/gettemplatedraftlist"}
	templateAdd       = wechat.Endpoint{Method: http.MethodPost, Path: "/wxa/addtotemplate"}
	templateList      = wechat.Endpoint{Method: http.MethodGet, Path: "/wxa/gettemplatelist"}
	templateDelete    = wechat.Endpoint{Method: http.MethodPost, Path: "/wxa/deletetemplate"}
)

// Template types: an ordinary template, or a standard template (标准模板)
// other platforms' mini programs can use.
const (
	TemplateNormal   = 0
	TemplateStandard = 1
)

// TemplateDraft is code uploaded from the developer tools, in the drafts
// of the template library.
type TemplateDraft struct {
	CreateTime             int64  `json:"create_time"`
	UserVersion            string `json:"user_version"`
	UserDesc               string `json:"user_desc"`
	DraftID                int64  `json:"draft_id"`
	SourceMiniProgramAppID string `json:"source_miniprogram_appid"`
	SourceMiniProgram      string `json:"source_miniprogram"`
	Developer              string `json:"developer"`
}

// TemplateDrafts returns the drafts of the template library.
// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/ThirdParty/code_template/gettemplatedraftlist.html
func (c *Client) TemplateDrafts(ctx context.Context) ([]TemplateDraft, error) {
	out, err := call[struct {
		DraftList []TemplateDraft `json:"draft_list"`
	}](ctx, c.core, templateDraftList, nil, nil)
	if err != nil {
		return nil, err
	}
	return out.DraftList, nil
}

// AddTemplate turns the draft draftID into a template of templateType
// (TemplateNormal or TemplateStandard).
// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/ThirdParty/code_template/addtotemplate.html
func (c *Client) AddTemplate(ctx context.Context, draftID int64, templateType int) error {
	if draftID < 0 {
		return invalidArg("draft_id", "negative")
	}
	if templateType != TemplateNormal && templateType != TemplateStandard {
		return invalidArg("template_type", "must be 0 or 1")
	}
	body := struct {
		DraftID      int64 `json:"draft_id"`
		TemplateType int   `json:"template_type"`
	}{draftID, templateType}
	return c.core.Do(ctx, templateAdd, nil, body, nil)
}

// Template is a template of the library: commit it to an authorizer with
// wxa CodeService.Commit.
type Template struct {
	CreateTime             int64  `json:"create_time"`
	UserVersion            string `json:"user_version"`
	UserDesc               string `json:"user_desc"`
	TemplateID             int64  `json:"template_id"`
	TemplateType           int    `json:"template_type"`
	SourceMiniProgramAppID string `json:"source_miniprogram_appid"`
	SourceMiniProgram      string `json:"source_miniprogram"`
	Developer              string `json:"developer"`
	// AuditStatus, Reason and AuditScene describe the review of a
	// standard template.
	AuditStatus int    `json:"audit_status,omitempty"`
	Reason      string `json:"reason,omitempty"`
	AuditScene  int    `json:"audit_scene,omitempty"`
}

// Templates returns the templates of templateType; a negative type
// returns all.
// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/ThirdParty/code_template/gettemplatelist.html
func (c *Client) Templates(ctx context.Context, templateType int) ([]Template, error) {
	var q url.Values
	if templateType >= 0 {
		q = url.Values{"template_type": {strconv.Itoa(templateType)}}
	}
	out, err := call[struct {
		TemplateList []Template `json:"template_list"`
	}](ctx, c.core, templateList, q, nil)
	if err != nil {
		return nil, err
	}
	return out.TemplateList, nil
}

// DeleteTemplate deletes a template.
// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/ThirdParty/code_template/deletetemplate.html
func (c *Client) DeleteTemplate(ctx context.Context, templateID int64) error {
	if templateID < 0 {
		return invalidArg("template_id", "negative")
	}
	body := struct {
		TemplateID int64 `json:"template_id"`
	}{templateID}
	return c.core.Do(ctx, templateDelete, nil, body, nil)
}
