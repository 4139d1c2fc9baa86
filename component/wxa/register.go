package wxa

import "context"

var (
	registerFast        = post("/cgi-bin/account/fastregister")
	registerBeta        = post("/wxa/component/fastregisterbetaweapp")
	registerVerifyBeta  = post("/wxa/verifybetaweapp")
	registerRebindAdmin = post("/cgi-bin/account/componentrebindadmin")
)

// FastRegistration is the answer of FastRegister: the new mini program and
// its authorization code (for component.Client.AuthorizeFromCode).
type FastRegistration struct {
	AppID             string `json:"appid"`
	AuthorizationCode string `json:"authorization_code"`
	IsWxVerifySucc    bool   `json:"is_wx_verify_succ"`
	IsLinkSucc        bool   `json:"is_link_succ"`
}

// FastRegister registers a mini program with the official account's
// principal; ticket comes from the administrator's confirmation page
// (复用公众号主体快速注册小程序). Call it on the official account's client.
// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/Official__Accounts/fast_registration_of_mini_program.html
func (s *RegisterService) FastRegister(ctx context.Context, ticket string) (*FastRegistration, error) {
	if err := required("ticket", ticket); err != nil {
		return nil, err
	}
	body := struct {
		Ticket string `json:"ticket"`
	}{ticket}
	return call[FastRegistration](ctx, s.c, registerFast, nil, body)
}

// BetaRegistration is the answer of CreateBeta: the user opens
// AuthorizeURL to authorize the trial mini program.
type BetaRegistration struct {
	UniqueID     string `json:"unique_id"`
	AuthorizeURL string `json:"authorize_url"`
}

// CreateBeta creates a trial mini program (试用小程序) named name for the
// user openID of the official account.
// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/beta_Mini_Programs/fastregister.html
func (s *RegisterService) CreateBeta(ctx context.Context, name, openID string) (*BetaRegistration, error) {
	if err := required("name", name, "openid", openID); err != nil {
		return nil, err
	}
	body := struct {
		Name   string `json:"name"`
		OpenID string `json:"openid"`
	}{name, openID}
	return call[BetaRegistration](ctx, s.c, registerBeta, nil, body)
}

// VerifyInfo is the enterprise that makes a trial mini program a formal
// one. CodeType: 1 unified social credit code, 2 organization code, 3
// business licence number.
type VerifyInfo struct {
	EnterpriseName     string `json:"enterprise_name"`
	Code               string `json:"code"`
	CodeType           int    `json:"code_type"`
	LegalPersonaWechat string `json:"legal_persona_wechat"`
	LegalPersonaName   string `json:"legal_persona_name"`
	LegalPersonaIDCard string `json:"legal_persona_idcard,omitempty"`
	ComponentPhone     string `json:"component_phone,omitempty"`
}

// VerifyBeta turns the trial mini program (this client's) into a formal
// one; call it on the trial mini program's client.
// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/beta_Mini_Programs/fast_verify.html
func (s *RegisterService) VerifyBeta(ctx context.Context, v *VerifyInfo) (uniqueID string, err error) {
	if v == nil {
		return "", invalidArg("verify_info", "nil")
	}
	if err := required("enterprise_name", v.EnterpriseName, "code", v.Code, "legal_persona_wechat", v.LegalPersonaWechat, "legal_persona_name", v.LegalPersonaName); err != nil {
		return "", err
	}
	body := struct {
		VerifyInfo *VerifyInfo `json:"verify_info"`
	}{v}
	out, err := call[struct {
		UniqueID string `json:"unique_id"`
	}](ctx, s.c, registerVerifyBeta, nil, body)
	if err != nil {
		return "", err
	}
	return out.UniqueID, nil
}

// RebindAdmin changes the administrator with the taskid of the
// confirmation page (换绑小程序管理员).
// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/Mini_Program_Basic_Info/Admin.html
func (s *RegisterService) RebindAdmin(ctx context.Context, taskID string) error {
	if err := required("taskid", taskID); err != nil {
		return err
	}
	body := struct {
		TaskID string `json:"taskid"`
	}{taskID}
	return (*service)(s).do(ctx, registerRebindAdmin, body)
}
