package callback

// Typed views of third-party platform notifications (InfoType). The
// authorization notifications are covered by the fields of Message
// (AuthorizerAppID, AuthorizationCode, AuthorizationCodeExpiredTime,
// PreAuthCode).

// Third-party platform notifications of trial mini programs.
const (
	InfoTypeNotifyThirdFastRegisterBetaApp = "notify_third_fastregisterbetaapp"
	InfoTypeNotifyThirdFastVerifyBetaApp   = "notify_third_fastverifybetaapp"
)

const docBetaApp = "https://developers.weixin.qq.com/doc/oplatform/openApi/OpenApiDoc/register-management/fast-registration-beta/registerBetaMiniprogram.html"

// FastRegister is a third-party platform notify_third_fasteregister
// notification (the result of registering a mini program for a company,
// Info.Name, Code, ..., or a person, Info.WxUser, IDName), a
// notify_third_fastregisterbetaapp (a trial mini program was created,
// Info.UniqueID) or a notify_third_fastverifybetaapp (a trial mini program
// was verified).
//
// See https://developers.weixin.qq.com/doc/oplatform/openApi/register-management/fast-registration-ent/api_registerminiprogram.html.
type FastRegister struct {
	AppID    string           `push:"appid"`     // appid of the new mini program
	Status   int              `push:"status"`    // 0 on success
	AuthCode string           `push:"auth_code"` // exchange with api_query_auth
	Msg      string           `push:"msg"`
	Info     FastRegisterInfo `push:"info"`
}

// FastRegisterInfo echoes the registration request.
type FastRegisterInfo struct {
	Name               string `push:"name"`
	Code               string `push:"code"`
	CodeType           int    `push:"code_type"` // 1 unified social credit code, 2 organisation code, 3 business licence
	LegalPersonaWechat string `push:"legal_persona_wechat"`
	LegalPersonaName   string `push:"legal_persona_name"`
	ComponentPhone     string `push:"component_phone"`
	WxUser             string `push:"wxuser"`    // personal mini programs
	IDName             string `push:"idname"`    // personal mini programs
	UniqueID           string `push:"unique_id"` // trial mini programs
	TaskID             string `push:"taskid"`
}

// FastRegister returns the fields of a fast registration notification; ok
// is false for other pushes.
func (m *Message) FastRegister() (FastRegister, bool) { return typed[FastRegister](m) }
