package work

import (
	"context"
	"net/url"
)

var (
	authGetUserInfo   = epGet("/cgi-bin/auth/getuserinfo")
	authGetUserDetail = epPost("/cgi-bin/auth/getuserdetail")
	authGetTFAInfo    = epPost("/cgi-bin/auth/get_tfa_info")
	userTFASucc       = epPost("/cgi-bin/user/tfa_succ")
)

// UserInfo exchanges a web-login code (OAuth2 page or WeCom Web login;
// valid 5 minutes, usable once) for the user who signed in: a member's
// UserID ("corpid/userid" for a linked corp) and, when the page asked for
// scope snsapi_privateinfo and the member is in the agent's visible range,
// a UserTicket valid 1800 s for UserDetail; for visitors who are not
// members, OpenID and, for customers, ExternalUserID. This is the current
// endpoint for self-built and developer-built agents: prefer it to
// AppService.UserInfo (the older /cgi-bin/user/getuserinfo).
// https://developer.work.weixin.qq.com/document/path/96442
func (s *AuthService) UserInfo(ctx context.Context, code string) (*OAuthUser, error) {
	if err := needB("code", code); err != nil {
		return nil, err
	}
	return callB[OAuthUser](ctx, s.c, authGetUserInfo, url.Values{"code": {code}}, nil)
}

// AuthUserDetail is the sensitive information a member agreed to share
// (scope snsapi_privateinfo), for the fields the admin chose in the
// agent's settings; the others come back empty (Gender "0", the default
// avatar). Gender is "1" male, "2" female.
type AuthUserDetail struct {
	UserID  string `json:"userid"`
	Gender  string `json:"gender"`
	Avatar  string `json:"avatar"`
	QRCode  string `json:"qr_code"`
	Mobile  string `json:"mobile"`
	Email   string `json:"email"`
	BizMail string `json:"biz_mail"`
	Address string `json:"address"`
}

// UserDetail returns the sensitive fields of the member a UserInfo
// user_ticket names; the member must be in the agent's visible range.
// https://developer.work.weixin.qq.com/document/path/96443
func (s *AuthService) UserDetail(ctx context.Context, userTicket string) (*AuthUserDetail, error) {
	if err := needB("user_ticket", userTicket); err != nil {
		return nil, err
	}
	return callB[AuthUserDetail](ctx, s.c, authGetUserDetail, nil, map[string]string{"user_ticket": userTicket})
}

// TFAInfo is the member being asked for two-factor verification and the
// tfa_code (valid 5 minutes, usable once) for TFASucc.
type TFAInfo struct {
	UserID  string `json:"userid"`
	TFACode string `json:"tfa_code"`
}

// TFAInfo exchanges the code WeCom gives the corp's verification page
// (二次验证; valid 5 minutes, usable once) for the member to verify. Only
// the address-book tool or a self-built agent may call it.
// https://developer.work.weixin.qq.com/document/path/99499
func (s *AuthService) TFAInfo(ctx context.Context, code string) (*TFAInfo, error) {
	if err := needB("code", code); err != nil {
		return nil, err
	}
	return callB[TFAInfo](ctx, s.c, authGetTFAInfo, nil, map[string]string{"code": code})
}

// TFASucc lets the member in after the corp verified them (使用二次验证),
// with the tfa_code TFAInfo returned. For the login verification of a
// member joining, see UserService's AuthSucc.
// https://developer.work.weixin.qq.com/document/path/99500
func (s *AuthService) TFASucc(ctx context.Context, userID, tfaCode string) error {
	if err := needB("userid", userID, "tfa_code", tfaCode); err != nil {
		return err
	}
	return s.c.Do(ctx, userTFASucc, nil, map[string]string{"userid": userID, "tfa_code": tfaCode}, nil)
}
