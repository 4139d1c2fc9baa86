package oa

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strings"

	wechat "github.com/weixin-go/wechat"
)

// The OAuth2 endpoints take the appsecret or the user's access token, not
// the account's access_token.
var (
	oauth2AccessToken  = wechat.Endpoint{Method: http.MethodGet, Path: "/sns/oauth2/access_token", Auth: wechat.AuthNone}
	oauth2RefreshToken = wechat.Endpoint{Method: http.MethodGet, Path: "/sns/oauth2/refresh_token", Auth: wechat.AuthNone}
	oauth2UserInfo     = wechat.Endpoint{Method: http.MethodGet, Path: "/sns/userinfo", Auth: wechat.AuthNone}
	oauth2Auth         = wechat.Endpoint{Method: http.MethodGet, Path: "/sns/auth", Auth: wechat.AuthNone}
)

// OAuth2AuthorizeURL is WeChat's web authorization page.
const OAuth2AuthorizeURL = "https://open.weixin.qq.com/connect/oauth2/authorize"

// maxOAuth2State is the longest state WeChat passes back.
const maxOAuth2State = 128

// OAuth2Scope is the scope of a web authorization.
type OAuth2Scope string

// Web authorization scopes.
const (
	// ScopeBase silently yields the user's openid.
	ScopeBase OAuth2Scope = "snsapi_base"
	// ScopeUserInfo asks the user's consent and also allows UserInfo.
	ScopeUserInfo OAuth2Scope = "snsapi_userinfo"
)

// UserAccessToken is a user's web authorization (网页授权) access token. It
// is not the account's access_token. String, GoString and LogValue redact
// the tokens, so that printing or logging one does not leak them.
type UserAccessToken struct {
	AccessToken string `json:"access_token"`
	// ExpiresIn is the lifetime of AccessToken in seconds (7200).
	ExpiresIn int `json:"expires_in"`
	// RefreshToken renews AccessToken for 30 days (RefreshUserToken).
	RefreshToken string `json:"refresh_token"`
	OpenID       string `json:"openid"`
	// Scope is the granted scope, such as "snsapi_base".
	Scope string `json:"scope"`
	// IsSnapshotUser is 1 for a user browsing a snapshot page (快照页),
	// whose openid is a virtual one.
	IsSnapshotUser int `json:"is_snapshotuser,omitempty"`
	// UnionID is set when the account is bound to an open platform account.
	UnionID string `json:"unionid,omitempty"`
}

// String implements fmt.Stringer without the tokens.
func (t *UserAccessToken) String() string {
	if t == nil {
		return "<nil>"
	}
	return fmt.Sprintf("UserAccessToken(openid=%s, scope=%s, expires_in=%d, tokens redacted)", t.OpenID, t.Scope, t.ExpiresIn)
}

// GoString implements fmt.GoStringer without the tokens.
func (t *UserAccessToken) GoString() string { return t.String() }

// LogValue implements slog.LogValuer without the tokens.
func (t *UserAccessToken) LogValue() slog.Value {
	if t == nil {
		return slog.AnyValue(nil)
	}
	return slog.GroupValue(slog.String("openid", t.OpenID), slog.String("scope", t.Scope), slog.Int("expires_in", t.ExpiresIn))
}

// OAuth2UserInfo is a user's profile from web authorization.
type OAuth2UserInfo struct {
	OpenID   string `json:"openid"`
	Nickname string `json:"nickname"`
	// Sex is 1 male, 2 female, 0 unknown.
	Sex        int      `json:"sex"`
	Province   string   `json:"province"`
	City       string   `json:"city"`
	Country    string   `json:"country"`
	HeadImgURL string   `json:"headimgurl"`
	Privilege  []string `json:"privilege"`
	UnionID    string   `json:"unionid,omitempty"`
}

// checkState validates an OAuth2 state: up to 128 letters and digits.
func checkState(state string) error { return checkAlnum("state", state) }

// checkAlnum checks a value WeChat echoes back: up to 128 letters and digits.
func checkAlnum(arg, v string) error {
	if len(v) > maxOAuth2State {
		return invalidArg(arg, "longer than 128 bytes")
	}
	for i := 0; i < len(v); i++ {
		c := v[i]
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
			return invalidArg(arg, "may hold only letters and digits")
		}
	}
	return nil
}

// AuthorizeURL returns the page to send the user to for web authorization:
// WeChat then redirects to redirectURI (an absolute http or https URL on
// the account's authorized domain) with ?code=CODE&state=STATE. state (up
// to 128 letters and digits, may be empty) should be an unguessable value
// bound to the user's browser, checked on the way back.
// https://developers.weixin.qq.com/doc/offiaccount/OA_Web_Apps/Wechat_webpage_authorization.html
func (s *WebPageService) AuthorizeURL(redirectURI string, scope OAuth2Scope, state string) (string, error) {
	u, err := url.Parse(redirectURI)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", invalidArg("redirect_uri", "must be an absolute http or https URL")
	}
	if scope != ScopeBase && scope != ScopeUserInfo {
		return "", invalidArg("scope", fmt.Sprintf("%q is not snsapi_base or snsapi_userinfo", scope))
	}
	if err := checkState(state); err != nil {
		return "", err
	}
	return orderedURL(OAuth2AuthorizeURL, "appid", url.QueryEscape(s.c.AppID()), "redirect_uri", url.QueryEscape(redirectURI),
		"response_type", "code", "scope", string(scope), "state", state) + "#wechat_redirect", nil
}

// orderedURL appends the name, value pairs (values already escaped) to base
// as a query in the given order, which WeChat's pages want; url.Values
// would sort them.
func orderedURL(base string, pairs ...string) string {
	var b strings.Builder
	b.WriteString(base)
	for i := 0; i+1 < len(pairs); i += 2 {
		if i == 0 {
			b.WriteByte('?')
		} else {
			b.WriteByte('&')
		}
		b.WriteString(pairs[i])
		b.WriteByte('=')
		b.WriteString(pairs[i+1])
	}
	return b.String()
}

// Exchange trades the code of an authorization redirect (valid 5 minutes,
// once) for the user's access token and openid. Neither the code nor the
// appsecret ever appears in an error.
// https://developers.weixin.qq.com/doc/offiaccount/OA_Web_Apps/Wechat_webpage_authorization.html
func (s *WebPageService) Exchange(ctx context.Context, code string) (*UserAccessToken, error) {
	if code == "" {
		return nil, invalidArg("code", "empty")
	}
	cfg := s.c.Config()
	if cfg.AppSecret == "" {
		return nil, invalidArg("appsecret", "the client has no appsecret")
	}
	q := url.Values{"appid": {cfg.AppID}, "secret": {cfg.AppSecret}, "code": {code}, "grant_type": {"authorization_code"}}
	return call[UserAccessToken](ctx, s.c, oauth2AccessToken, q, nil)
}

// RefreshUserToken renews a user's access token with its refresh token.
// https://developers.weixin.qq.com/doc/offiaccount/OA_Web_Apps/Wechat_webpage_authorization.html
func (s *WebPageService) RefreshUserToken(ctx context.Context, refreshToken string) (*UserAccessToken, error) {
	if refreshToken == "" {
		return nil, invalidArg("refresh_token", "empty")
	}
	q := url.Values{"appid": {s.c.AppID()}, "grant_type": {"refresh_token"}, "refresh_token": {refreshToken}}
	return call[UserAccessToken](ctx, s.c, oauth2RefreshToken, q, nil)
}

func userQuery(accessToken, openID string) (url.Values, error) {
	if accessToken == "" {
		return nil, invalidArg("access_token", "empty")
	}
	if err := requireOpenID(openID); err != nil {
		return nil, err
	}
	return url.Values{"access_token": {accessToken}, "openid": {openID}}, nil
}

// UserInfo returns the profile of the user of a snsapi_userinfo access
// token; lang is "zh_CN", "zh_TW", "en" or empty (zh_CN).
// https://developers.weixin.qq.com/doc/offiaccount/OA_Web_Apps/Wechat_webpage_authorization.html
func (s *WebPageService) UserInfo(ctx context.Context, accessToken, openID, lang string) (*OAuth2UserInfo, error) {
	q, err := userQuery(accessToken, openID)
	if err != nil {
		return nil, err
	}
	switch lang {
	case "":
	case "zh_CN", "zh_TW", "en":
		q.Set("lang", lang)
	default:
		return nil, invalidArg("lang", fmt.Sprintf("%q is not zh_CN, zh_TW or en", lang))
	}
	return call[OAuth2UserInfo](ctx, s.c, oauth2UserInfo, q, nil)
}

// CheckAuth checks that a user's access token is valid for openID; an
// invalid or expired one gives an *wechat.APIError (40001, 42001, 40003).
// https://developers.weixin.qq.com/doc/offiaccount/OA_Web_Apps/Wechat_webpage_authorization.html
func (s *WebPageService) CheckAuth(ctx context.Context, accessToken, openID string) error {
	q, err := userQuery(accessToken, openID)
	if err != nil {
		return err
	}
	return s.c.Do(ctx, oauth2Auth, q, nil, nil)
}

// JSSDKConfig is the argument of wx.config in a web page; encode it with
// encoding/json.
type JSSDKConfig struct {
	Debug     bool   `json:"debug,omitempty"`
	AppID     string `json:"appId"`
	Timestamp int64  `json:"timestamp"`
	NonceStr  string `json:"nonceStr"`
	Signature string `json:"signature"`
	// JSAPIList lists the JS APIs the page uses, such as "updateAppMessageShareData".
	JSAPIList []string `json:"jsApiList"`
	// OpenTagList lists the open tags the page uses, such as "wx-open-launch-weapp".
	OpenTagList []string `json:"openTagList,omitempty"`
}

// JSSDKConfig signs a JS-SDK configuration for the page at pageURL (its
// full URL, with query string; a fragment is ignored) with the account's
// jsapi_ticket, a fresh nonce and the current time.
// https://developers.weixin.qq.com/doc/offiaccount/OA_Web_Apps/JS-SDK.html
func (s *WebPageService) JSSDKConfig(ctx context.Context, pageURL string, jsAPIList ...string) (*JSSDKConfig, error) {
	sig, err := wechat.SignJSSDKPage(ctx, pageURL, s.c.JSAPITicket)
	if err != nil {
		return nil, err
	}
	if jsAPIList == nil {
		jsAPIList = []string{}
	}
	return &JSSDKConfig{AppID: s.c.AppID(), Timestamp: sig.Timestamp, NonceStr: sig.Nonce, Signature: sig.Signature, JSAPIList: jsAPIList}, nil
}

// SignJSSDK returns the JS-SDK signature.
//
// Deprecated: use wechat.SignJSSDK, which has the same signature.
func SignJSSDK(ticket, nonceStr string, timestamp int64, pageURL string) string {
	return wechat.SignJSSDK(ticket, nonceStr, timestamp, pageURL)
}
