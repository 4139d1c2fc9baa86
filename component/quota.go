package component

import (
	"context"
	"net/http"

	wechat "github.com/weixin-go/wechat"
)

var (
	// quota/get is documented with the component_access_token in the
	// access_token parameter.
	quotaGet = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/openapi/quota/get"}
	// The component's own clear_quota takes component_access_token and
	// component_appid.
	quotaClear   = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/component/clear_quota", TokenParam: tokenParam}
	quotaClearV2 = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/component/clear_quota/v2", Auth: wechat.AuthNone}
)

// Quota is the daily quota of one API.
type Quota struct {
	Quota struct {
		DailyLimit int `json:"daily_limit"`
		Used       int `json:"used"`
		Remain     int `json:"remain"`
	} `json:"quota"`
	RateLimit          *RateLimit `json:"rate_limit,omitempty"`
	ComponentRateLimit *RateLimit `json:"component_rate_limit,omitempty"`
}

// RateLimit is a call frequency limit: CallCount calls per RefreshSecond.
type RateLimit struct {
	CallCount     int `json:"call_count"`
	RefreshSecond int `json:"refresh_second"`
}

// GetQuota returns the component's daily quota of the API at cgiPath (such
// as "/cgi-bin/component/api_component_token"), called with the
// component_access_token. For an authorizer's APIs, call
// /cgi-bin/openapi/quota/get through AuthorizerClient.
// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/openApi/get_api_quota.html
func (c *Client) GetQuota(ctx context.Context, cgiPath string) (*Quota, error) {
	if cgiPath == "" || cgiPath[0] != '/' {
		return nil, invalidArg("cgi_path", "must start with /")
	}
	body := struct {
		CgiPath string `json:"cgi_path"`
	}{cgiPath}
	return call[Quota](ctx, c.core, quotaGet, nil, body)
}

// ClearQuota resets the daily call counts of all the component's own APIs
// (such as api_component_token). Each account has 10 resets a month.
// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/openApi/clear_quota.html
func (c *Client) ClearQuota(ctx context.Context) error {
	body := struct {
		AppID string `json:"component_appid"`
	}{c.cfg.AppID}
	return c.core.Do(ctx, quotaClear, nil, body, nil)
}

// ClearQuotaByAppSecret resets the daily call counts with the component
// appsecret instead of a token, for when api_component_token itself is over
// quota. authorizerAppID resets an authorizer's counts instead; empty resets
// the component's.
// https://developers.weixin.qq.com/doc/oplatform/openApi/openapi/api_componentclearquota_v2.html
func (c *Client) ClearQuotaByAppSecret(ctx context.Context, authorizerAppID string) error {
	body := struct {
		AppID          string `json:"appid,omitempty"`
		ComponentAppID string `json:"component_appid"`
		AppSecret      string `json:"appsecret"`
	}{authorizerAppID, c.cfg.AppID, c.cfg.AppSecret}
	return c.core.Do(ctx, quotaClearV2, nil, body, nil)
}
