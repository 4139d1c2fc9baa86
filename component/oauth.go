package component

import (
	"context"
	"net/http"
	"net/url"

	wechat "github.com/weixin-go/wechat"
)

var (
	oauthAccessToken  = wechat.Endpoint{Method: http.MethodGet, Path: "/sns/oauth2/component/access_token", TokenParam: tokenParam}
	oauthRefreshToken = wechat.Endpoint{Method: http.MethodGet, Path: "/sns/oauth2/component/refresh_token", TokenParam: tokenParam}
)

// OAuthAuthorizePage is the web authorization page of official accounts.
const OAuthAuthorizePage = "https://open.weixin.qq.com/connect/oauth2/authorize"

// OAuth scopes.
const (
	ScopeBase     = "snsapi_base"
	ScopeUserInfo = "snsapi_userinfo"
)

// OAuthURL builds the web authorization address of a page of the official
// account appID, authorized through the component componentAppID (代公众号发起网页授权).
// WeChat redirects to redirectURI with code and state.
// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/Before_Develop/Official_Accounts/official_account_website_authorization.html
func OAuthURL(appID, componentAppID, redirectURI, scope, state string) (string, error) {
	switch {
	case appID == "":
		return "", invalidArg("appid", "empty")
	case componentAppID == "":
		return "", invalidArg("component_appid", "empty")
	case scope != ScopeBase && scope != ScopeUserInfo:
		return "", invalidArg("scope", "must be snsapi_base or snsapi_userinfo")
	case len(state) > 128:
		return "", invalidArg("state", "longer than 128 bytes")
	}
	if u, err := url.Parse(redirectURI); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", invalidArg("redirect_uri", "not an absolute http(s) URL")
	}
	q := url.Values{"appid": {appID}, "redirect_uri": {redirectURI}, "response_type": {"code"},
		"scope": {scope}, "component_appid": {componentAppID}}
	if state != "" {
		q.Set("state", state)
	}
	return OAuthAuthorizePage + "?" + q.Encode() + "#wechat_redirect", nil
}

// OAuthURL is OAuthURL for this component.
func (c *Client) OAuthURL(appID, redirectURI, scope, state string) (string, error) {
	return OAuthURL(appID, c.cfg.AppID, redirectURI, scope, state)
}

// OAuthToken is a web authorization access token of a user.
type OAuthToken struct {
	AccessToken  string `json:"access_token"`
	ExpiresIn    int    `json:"expires_in"`
	RefreshToken string `json:"refresh_token"`
	OpenID       string `json:"openid"`
	Scope        string `json:"scope"`
}

// OAuthExchange exchanges the code of the web authorization of the
// official account appID for the user's token.
// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/Before_Develop/Official_Accounts/official_account_website_authorization.html
func (c *Client) OAuthExchange(ctx context.Context, appID, code string) (*OAuthToken, error) {
	if appID == "" || code == "" {
		return nil, invalidArg("code", "appid and code are required")
	}
	q := url.Values{"appid": {appID}, "code": {code}, "grant_type": {"authorization_code"}, "component_appid": {c.cfg.AppID}}
	return call[OAuthToken](ctx, c.core, oauthAccessToken, q, nil)
}

// OAuthRefresh refreshes a user's web authorization token.
// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/Before_Develop/Official_Accounts/official_account_website_authorization.html
func (c *Client) OAuthRefresh(ctx context.Context, appID, refreshToken string) (*OAuthToken, error) {
	if appID == "" || refreshToken == "" {
		return nil, invalidArg("refresh_token", "appid and refresh_token are required")
	}
	q := url.Values{"appid": {appID}, "grant_type": {"refresh_token"}, "component_appid": {c.cfg.AppID}, "refresh_token": {refreshToken}}
	return call[OAuthToken](ctx, c.core, oauthRefreshToken, q, nil)
}
