package component

import (
	"context"
	"net/http"

	wechat "github.com/weixin-go/wechat"
)

// The open platform account endpoints take the AUTHORIZER's access token:
// they are called through AuthorizerClient.
var (
	openCreate = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/open/create"}
	openBind   = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/open/bind"}
	openUnbind = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/open/unbind"}
	openGet    = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/open/get"}
)

type openBody struct {
	AppID     string `json:"appid"`
	OpenAppID string `json:"open_appid,omitempty"`
}

type openAnswer struct {
	OpenAppID string `json:"open_appid"`
}

// openCall calls an open/* endpoint as authorizerAppID.
func (c *Client) openCall(ctx context.Context, ep wechat.Endpoint, authorizerAppID, openAppID string, needOpen bool) (string, error) {
	if err := requireAppID("appid", authorizerAppID); err != nil {
		return "", err
	}
	if needOpen && openAppID == "" {
		return "", invalidArg("open_appid", "empty")
	}
	cl, err := c.AuthorizerClient(authorizerAppID)
	if err != nil {
		return "", err
	}
	var out openAnswer
	if err := cl.Do(ctx, ep, nil, openBody{authorizerAppID, openAppID}, &out); err != nil {
		return "", err
	}
	return out.OpenAppID, nil
}

// CreateOpenAccount creates an open platform account (开放平台账号) with the
// authorizer's principal, binds the authorizer to it and returns its appid.
// It needs the open account management permission set (24).
// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/account/create.html
func (c *Client) CreateOpenAccount(ctx context.Context, authorizerAppID string) (openAppID string, err error) {
	return c.openCall(ctx, openCreate, authorizerAppID, "", false)
}

// BindOpenAccount binds the authorizer to an existing open platform account
// of the same principal.
// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/account/bind.html
func (c *Client) BindOpenAccount(ctx context.Context, authorizerAppID, openAppID string) error {
	_, err := c.openCall(ctx, openBind, authorizerAppID, openAppID, true)
	return err
}

// UnbindOpenAccount unbinds the authorizer from the open platform account
// it is bound to (only accounts created by API).
// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/account/unbind.html
func (c *Client) UnbindOpenAccount(ctx context.Context, authorizerAppID, openAppID string) error {
	_, err := c.openCall(ctx, openUnbind, authorizerAppID, openAppID, true)
	return err
}

// GetOpenAccount returns the appid of the open platform account the
// authorizer is bound to (errcode 89002 if none).
// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/account/get.html
func (c *Client) GetOpenAccount(ctx context.Context, authorizerAppID string) (openAppID string, err error) {
	return c.openCall(ctx, openGet, authorizerAppID, "", false)
}
