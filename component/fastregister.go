package component

import (
	"context"
	"net/http"
	"net/url"

	wechat "github.com/weixin-go/wechat"
)

var (
	fastRegisterWeapp    = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/component/fastregisterweapp", TokenParam: tokenParam}
	fastRegisterPersonal = wechat.Endpoint{Method: http.MethodPost, Path: "/wxa/component/fastregisterpersonalweapp", TokenParam: tokenParam}
	startPushTicket      = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/component/api_start_push_ticket", Auth: wechat.AuthNone}
	openHave             = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/open/have"}
)

// Enterprise is the company a mini program is registered for (快速注册企业小程序).
// CodeType: 1 unified social credit code, 2 organization code, 3 business
// licence number.
type Enterprise struct {
	Name               string `json:"name"`
	Code               string `json:"code"`
	CodeType           int    `json:"code_type"`
	LegalPersonaWechat string `json:"legal_persona_wechat"`
	LegalPersonaName   string `json:"legal_persona_name"`
	ComponentPhone     string `json:"component_phone,omitempty"`
}

func (e *Enterprise) check() error {
	if e == nil || e.Name == "" {
		return invalidArg("name", "empty")
	}
	switch {
	case e.Code == "":
		return invalidArg("code", "empty")
	case e.CodeType < 1 || e.CodeType > 3:
		return invalidArg("code_type", "must be 1, 2 or 3")
	case e.LegalPersonaWechat == "":
		return invalidArg("legal_persona_wechat", "empty")
	case e.LegalPersonaName == "":
		return invalidArg("legal_persona_name", "empty")
	}
	return nil
}

// FastRegisterMiniProgram starts the registration of an enterprise mini
// program: the legal person confirms in WeChat and the result is pushed as
// a notify_third_fasteregister event with the new appid and an
// authorization code.
// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/Register_Mini_Programs/Fast_Registration_Interface_document.html
func (c *Client) FastRegisterMiniProgram(ctx context.Context, e *Enterprise) error {
	if err := e.check(); err != nil {
		return err
	}
	return c.core.Do(ctx, fastRegisterWeapp, url.Values{"action": {"create"}}, e, nil)
}

// SearchFastRegistration asks WeChat to push again the state of an
// enterprise registration (action search).
// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/Register_Mini_Programs/Fast_Registration_Interface_document.html
func (c *Client) SearchFastRegistration(ctx context.Context, e *Enterprise) error {
	if e == nil || e.Name == "" || e.LegalPersonaWechat == "" || e.LegalPersonaName == "" {
		return invalidArg("name", "name, legal_persona_wechat and legal_persona_name are required")
	}
	body := struct {
		Name               string `json:"name"`
		LegalPersonaWechat string `json:"legal_persona_wechat"`
		LegalPersonaName   string `json:"legal_persona_name"`
	}{e.Name, e.LegalPersonaWechat, e.LegalPersonaName}
	return c.core.Do(ctx, fastRegisterWeapp, url.Values{"action": {"search"}}, body, nil)
}

// PersonalRegistration is a personal mini program registration task: the
// user opens AuthorizeURL to confirm; Status as documented.
type PersonalRegistration struct {
	TaskID       string `json:"taskid"`
	AuthorizeURL string `json:"authorize_url"`
	Status       int    `json:"status"`
}

// FastRegisterPersonal starts the registration of a personal mini program
// for the WeChat user wxUser with the real name idName.
// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/Register_Mini_Programs/fastregisterpersonalweapp.html
func (c *Client) FastRegisterPersonal(ctx context.Context, idName, wxUser, componentPhone string) (*PersonalRegistration, error) {
	if idName == "" || wxUser == "" {
		return nil, invalidArg("idname", "idname and wxuser are required")
	}
	body := struct {
		IDName         string `json:"idname"`
		WxUser         string `json:"wxuser"`
		ComponentPhone string `json:"component_phone,omitempty"`
	}{idName, wxUser, componentPhone}
	return call[PersonalRegistration](ctx, c.core, fastRegisterPersonal, url.Values{"action": {"create"}}, body)
}

// QueryPersonalRegistration returns the state of a personal registration task.
// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/Register_Mini_Programs/fastregisterpersonalweapp.html
func (c *Client) QueryPersonalRegistration(ctx context.Context, taskID string) (*PersonalRegistration, error) {
	if taskID == "" {
		return nil, invalidArg("taskid", "empty")
	}
	body := struct {
		TaskID string `json:"taskid"`
	}{taskID}
	return call[PersonalRegistration](ctx, c.core, fastRegisterPersonal, url.Values{"action": {"query"}}, body)
}

// StartPushTicket asks WeChat to push a component_verify_ticket now (for
// example after the ticket was lost), with the component appsecret.
// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/ThirdParty/token/component_verify_ticket_service.html
func (c *Client) StartPushTicket(ctx context.Context) error {
	body := struct {
		AppID  string `json:"component_appid"`
		Secret string `json:"component_secret"`
	}{c.cfg.AppID, c.cfg.AppSecret}
	return c.core.Do(ctx, startPushTicket, nil, body, nil)
}

// HasOpenAccount reports whether the authorizer is bound to an open
// platform account (open/have).
// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/account/have.html
func (c *Client) HasOpenAccount(ctx context.Context, authorizerAppID string) (bool, error) {
	cl, err := c.AuthorizerClient(authorizerAppID)
	if err != nil {
		return false, err
	}
	var out struct {
		HaveOpen bool `json:"have_open"`
	}
	if err := cl.Do(ctx, openHave, nil, struct{}{}, &out); err != nil {
		return false, err
	}
	return out.HaveOpen, nil
}
