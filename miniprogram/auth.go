package miniprogram

import (
	"context"
	"log/slog"
	"net/http"
	"net/url"
	"time"

	wechat "github.com/weixin-go/wechat"
)

var (
	authCode2Session          = wechat.Endpoint{Method: http.MethodGet, Path: "/sns/jscode2session", Auth: wechat.AuthNone}
	authComponentCode2Session = wechat.Endpoint{Method: http.MethodGet, Path: "/sns/component/jscode2session", Auth: wechat.AuthNone}
	authCheckSession          = wechat.Endpoint{Method: http.MethodGet, Path: "/wxa/checksession"}
	authResetSessionKey       = wechat.Endpoint{Method: http.MethodGet, Path: "/wxa/resetusersessionkey"}
	authToken                 = wechat.Endpoint{Method: http.MethodGet, Path: "/cgi-bin/token", Auth: wechat.AuthNone}
)

// Session is the answer of code2session: the user's identity and the
// session_key that signs and encrypts their data. SessionKey is a secret:
// keep it on the server; Session's LogValue hides it from slog.
type Session struct {
	OpenID     string `json:"openid"`
	SessionKey string `json:"session_key"`
	// UnionID is set when the mini program is bound to an open platform
	// account the user has a relation with.
	UnionID string `json:"unionid,omitempty"`
}

// LogValue implements slog.LogValuer without the session key.
func (s Session) LogValue() slog.Value {
	return slog.GroupValue(slog.String("openid", s.OpenID), slog.String("unionid", s.UnionID))
}

// Code2Session exchanges the code of wx.login for the user's session. It is
// sent with the appsecret (not an access token); the secret and the code never
// appear in errors.
// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/user-login/code2Session.html
func (s *AuthService) Code2Session(ctx context.Context, jsCode string) (*Session, error) {
	if err := required("js_code", jsCode); err != nil {
		return nil, err
	}
	cfg := s.c.Config()
	q := url.Values{"appid": {cfg.AppID}, "secret": {cfg.AppSecret}, "js_code": {jsCode}, "grant_type": {"authorization_code"}}
	return call[Session](ctx, s.c, authCode2Session, q, nil)
}

// ComponentCode2Session is Code2Session for a mini program managed by a
// third-party platform: the platform's component_access_token (from
// componentToken) replaces the appsecret.
// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/others/WeChat_login.html
func (s *AuthService) ComponentCode2Session(ctx context.Context, jsCode, componentAppID string, componentToken wechat.TokenSource) (*Session, error) {
	if err := required("js_code", jsCode, "component_appid", componentAppID); err != nil {
		return nil, err
	}
	if componentToken == nil {
		return nil, invalidArg("component_access_token", "no token source")
	}
	tok, err := componentToken.Token(ctx)
	if err != nil {
		return nil, err
	}
	q := url.Values{"appid": {s.c.AppID()}, "js_code": {jsCode}, "grant_type": {"authorization_code"},
		"component_appid": {componentAppID}, "component_access_token": {tok}}
	return call[Session](ctx, s.c, authComponentCode2Session, q, nil)
}

// CheckSession reports, through its error, whether sessionKey is still the
// valid session key of the user openID: nil if it is, an *wechat.APIError
// 87009 (invalid signature) if not.
// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/user-login/checkSessionKey.html
func (s *AuthService) CheckSession(ctx context.Context, openID, sessionKey string) error {
	q, err := sessionQuery(openID, sessionKey)
	if err != nil {
		return err
	}
	return s.c.Do(ctx, authCheckSession, q, nil, nil)
}

// ResetSessionKey replaces the user's session key, given the current one,
// and returns the new session.
// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/user-login/ResetUserSessionKey.html
func (s *AuthService) ResetSessionKey(ctx context.Context, openID, sessionKey string) (*Session, error) {
	q, err := sessionQuery(openID, sessionKey)
	if err != nil {
		return nil, err
	}
	return call[Session](ctx, s.c, authResetSessionKey, q, nil)
}

// AccessToken is an access token fetched directly from WeChat.
type AccessToken struct {
	AccessToken string `json:"access_token"`
	ExpiresIn   int    `json:"expires_in"` // seconds
}

// ExpiresAt returns when the token expires, counted from now.
func (t *AccessToken) ExpiresAt(now time.Time) time.Time {
	return now.Add(time.Duration(t.ExpiresIn) * time.Second)
}

// FetchAccessToken fetches a new access token with the appsecret from GET
// /cgi-bin/token, bypassing the client's token cache (which the client uses
// for every call; prefer Client.AccessToken). Each call issues a new token.
// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/mp-access-token/getAccessToken.html
func (s *AuthService) FetchAccessToken(ctx context.Context) (*AccessToken, error) {
	cfg := s.c.Config()
	q := url.Values{"grant_type": {"client_credential"}, "appid": {cfg.AppID}, "secret": {cfg.AppSecret}}
	return call[AccessToken](ctx, s.c, authToken, q, nil)
}

// PaidUnionID returns the unionid of a user who has just paid.
//
// Deprecated: use UserInfoService.PaidUnionID, of which this is an alias.
// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/user-info/basic-info/getPaidUnionid.html
func (s *AuthService) PaidUnionID(ctx context.Context, openID string, by PaidBy) (string, error) {
	return (*UserInfoService)(s).PaidUnionID(ctx, openID, by)
}
