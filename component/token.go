package component

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"time"

	wechat "github.com/weixin-go/wechat"
)

var (
	apiComponentToken = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/component/api_component_token", Auth: wechat.AuthNone}
	apiAuthorizerTok  = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/component/api_authorizer_token", TokenParam: tokenParam}
)

// tokenParam is the query parameter of the component endpoints.
const tokenParam = "component_access_token"

// verifyTicketTTL is how long WeChat documents a component_verify_ticket as valid.
const verifyTicketTTL = 12 * time.Hour

var (
	// ErrNoVerifyTicket is returned when the component_access_token must be
	// fetched but no valid component_verify_ticket is in the store: WeChat
	// pushes one every 10 minutes to the authorization event URL (see
	// callback.Component), or it expired.
	ErrNoVerifyTicket = errors.New("component: no component_verify_ticket received yet")
	// ErrNotAuthorized is returned by an authorizer's token source when the
	// store holds no authorizer_refresh_token for it: the account never
	// authorized the component (or its authorization was exchanged
	// elsewhere), or it revoked the authorization.
	ErrNotAuthorized = errors.New("component: no authorizer_refresh_token stored for this authorizer")
)

// AuthorizerTokenError wraps the failure of an authorizer token source with
// the authorizer appid.
type AuthorizerTokenError struct {
	AuthorizerAppID string
	Err             error
}

func (e *AuthorizerTokenError) Error() string {
	return "component: authorizer " + e.AuthorizerAppID + " token: " + e.Err.Error()
}

func (e *AuthorizerTokenError) Unwrap() error { return e.Err }

// readToken reads a JSON wechat.Token from the store; ok is false when the
// key is absent.
func readToken(ctx context.Context, st wechat.Store, key string) (t wechat.Token, ok bool, err error) {
	raw, err := st.Get(ctx, key)
	if errors.Is(err, wechat.ErrNotFound) {
		return t, false, nil
	}
	if err != nil {
		return t, false, err
	}
	if err := json.Unmarshal(raw, &t); err != nil {
		return t, false, err
	}
	return t, true, nil
}

func writeToken(ctx context.Context, st wechat.Store, key string, t wechat.Token, ttl time.Duration) error {
	raw, err := json.Marshal(t)
	if err != nil {
		return err
	}
	return st.Set(ctx, key, raw, ttl)
}

// SaveVerifyTicket stores a component_verify_ticket exactly as
// callback.Component does, for applications that receive the push
// themselves.
// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/Before_Develop/component_verify_ticket.html
func (c *Client) SaveVerifyTicket(ctx context.Context, ticket string) error {
	if ticket == "" {
		return invalidArg("component_verify_ticket", "empty")
	}
	t := wechat.Token{Value: ticket, ExpiresAt: time.Now().Add(verifyTicketTTL)}
	if err := writeToken(ctx, c.Store(), wechat.StoreKey(c.cfg.AppID, wechat.KeyComponentVerifyTicket), t, verifyTicketTTL); err != nil {
		return fmt.Errorf("component: storing component_verify_ticket: %w", err)
	}
	return nil
}

// verifyTicket reads the last component_verify_ticket from the store.
func (c *Client) verifyTicket(ctx context.Context) (string, error) {
	t, ok, err := readToken(ctx, c.Store(), wechat.StoreKey(c.cfg.AppID, wechat.KeyComponentVerifyTicket))
	if err != nil {
		return "", fmt.Errorf("component: reading component_verify_ticket: %w", err)
	}
	if !ok || !t.Valid(time.Now(), 0) {
		return "", ErrNoVerifyTicket
	}
	return t.Value, nil
}

// ComponentAccessToken returns a valid component_access_token, fetching one
// with the stored component_verify_ticket when needed.
// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/ThirdParty/token/component_access_token.html
func (c *Client) ComponentAccessToken(ctx context.Context) (string, error) {
	return c.token.Token(ctx)
}

// ComponentTokenSource returns the cache of the component_access_token.
func (c *Client) ComponentTokenSource() wechat.TokenSource { return c.token }

type componentTokenRequest struct {
	AppID  string `json:"component_appid"`
	Secret string `json:"component_appsecret"`
	Ticket string `json:"component_verify_ticket"`
}

// ComponentToken is the answer of api_component_token.
type ComponentToken struct {
	ComponentAccessToken string `json:"component_access_token"`
	ExpiresIn            int    `json:"expires_in"`
}

// RequestComponentToken calls api_component_token with verifyTicket and
// returns a new component_access_token, bypassing the cache. Most
// applications use ComponentAccessToken, which calls it with the stored
// ticket when needed.
// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/ThirdParty/token/component_access_token.html
func (c *Client) RequestComponentToken(ctx context.Context, verifyTicket string) (*ComponentToken, error) {
	if verifyTicket == "" {
		return nil, invalidArg("component_verify_ticket", "empty")
	}
	body := componentTokenRequest{AppID: c.cfg.AppID, Secret: c.cfg.AppSecret, Ticket: verifyTicket}
	// AuthNone: the call never re-enters the token cache it fills.
	return call[ComponentToken](ctx, c.core, apiComponentToken, nil, body)
}

// fetchComponentToken is the component token cache's FetchFunc.
func (c *Client) fetchComponentToken(ctx context.Context, _ string) (wechat.Token, error) {
	ticket, err := c.verifyTicket(ctx)
	if err != nil {
		return wechat.Token{}, err
	}
	out, err := c.RequestComponentToken(ctx, ticket)
	if err != nil {
		return wechat.Token{}, err
	}
	return wechat.Token{Value: out.ComponentAccessToken, ExpiresAt: time.Now().Add(time.Duration(out.ExpiresIn) * time.Second)}, nil
}

// AuthorizerToken is the answer of api_authorizer_token.
type AuthorizerToken struct {
	AccessToken string `json:"authorizer_access_token"`
	ExpiresIn   int    `json:"expires_in"`
	// RefreshToken is the refresh token to use next time (WeChat may
	// return a new one).
	RefreshToken string `json:"authorizer_refresh_token"`
}

// RefreshAuthorizerToken calls api_authorizer_token: it exchanges the
// authorizer's refresh token for a new authorizer_access_token. Most
// applications use Authorizer instead, which calls it when needed and keeps
// the refresh token in the store.
// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/ThirdParty/token/api_authorizer_token.html
func (c *Client) RefreshAuthorizerToken(ctx context.Context, authorizerAppID, refreshToken string) (*AuthorizerToken, error) {
	if err := requireAppID("authorizer_appid", authorizerAppID); err != nil {
		return nil, err
	}
	if refreshToken == "" {
		return nil, invalidArg("authorizer_refresh_token", "empty")
	}
	body := struct {
		ComponentAppID  string `json:"component_appid"`
		AuthorizerAppID string `json:"authorizer_appid"`
		RefreshToken    string `json:"authorizer_refresh_token"`
	}{c.cfg.AppID, authorizerAppID, refreshToken}
	return call[AuthorizerToken](ctx, c.core, apiAuthorizerTok, nil, body)
}

// Authorizer returns the token source of authorizerAppID's
// authorizer_access_token, for oa.New, miniprogram.New or wechat.NewClient
// with wechat.WithTokenSource. It is a wechat.TokenCache under
// wechat.StoreKey(authorizerAppID, wechat.KeyAccessToken) that refreshes the
// token with the authorizer_refresh_token kept in the store (saved by
// AuthorizeFromCode, rotated on every refresh). One cache is kept per appid.
// After the account revokes the authorization (callback.Component then
// deletes the stored tokens), the first call WeChat rejects fails with
// ErrNotAuthorized.
func (c *Client) Authorizer(authorizerAppID string) wechat.TokenSource {
	return c.authorizer(authorizerAppID)
}

func (c *Client) authorizer(appid string) *wechat.TokenCache {
	c.mu.Lock()
	defer c.mu.Unlock()
	tc := c.authorizers[appid]
	if tc == nil {
		tc = wechat.NewTokenCache(wechat.StoreKey(appid, wechat.KeyAccessToken), c.Store(), c.cfg.TokenOptions,
			c.core.Logger(), c.authorizerFetcher(appid))
		c.authorizers[appid] = tc
	}
	return tc
}

func (c *Client) authorizerFetcher(appid string) wechat.FetchFunc {
	return func(ctx context.Context, _ string) (wechat.Token, error) {
		tok, err := c.refreshAuthorizer(ctx, appid)
		if err != nil {
			return wechat.Token{}, &AuthorizerTokenError{AuthorizerAppID: appid, Err: err}
		}
		return tok, nil
	}
}

// refreshAuthorizer runs under the authorizer token cache's cross-process
// lock, so refresh tokens are never used twice concurrently.
func (c *Client) refreshAuthorizer(ctx context.Context, appid string) (wechat.Token, error) {
	key := wechat.StoreKey(appid, wechat.KeyAuthorizerRefreshToken)
	rt, ok, err := readToken(ctx, c.Store(), key)
	if err != nil {
		return wechat.Token{}, fmt.Errorf("reading authorizer_refresh_token: %w", err)
	}
	if !ok || rt.Value == "" {
		return wechat.Token{}, ErrNotAuthorized
	}
	res, err := c.RefreshAuthorizerToken(ctx, appid, rt.Value)
	if err != nil {
		return wechat.Token{}, err
	}
	if res.RefreshToken != "" && res.RefreshToken != rt.Value {
		if err := c.saveRefreshToken(ctx, appid, res.RefreshToken); err != nil {
			return wechat.Token{}, err
		}
	}
	return wechat.Token{Value: res.AccessToken, ExpiresAt: time.Now().Add(time.Duration(res.ExpiresIn) * time.Second)}, nil
}

func (c *Client) saveRefreshToken(ctx context.Context, appid, refresh string) error {
	key := wechat.StoreKey(appid, wechat.KeyAuthorizerRefreshToken)
	if err := writeToken(ctx, c.Store(), key, wechat.Token{Value: refresh}, 0); err != nil {
		return fmt.Errorf("component: storing authorizer_refresh_token: %w", err)
	}
	return nil
}

// AuthorizerClient returns a core client that calls the API as
// authorizerAppID with its authorizer_access_token (see Authorizer), sharing
// the component's options and store; wrap it with oa.Wrap or
// miniprogram.Wrap. One client is kept per appid.
func (c *Client) AuthorizerClient(authorizerAppID string) (*wechat.Client, error) {
	if err := requireAppID("authorizer_appid", authorizerAppID); err != nil {
		return nil, err
	}
	c.mu.Lock()
	cl := c.clients[authorizerAppID]
	c.mu.Unlock()
	if cl != nil {
		return cl, nil
	}
	ts := c.authorizer(authorizerAppID)
	cl, err := wechat.NewClient(wechat.Config{AppID: authorizerAppID}, append(append([]wechat.Option(nil), c.opts...), wechat.WithTokenSource(ts))...)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if prev := c.clients[authorizerAppID]; prev != nil {
		return prev, nil
	}
	c.clients[authorizerAppID] = cl
	return cl, nil
}
