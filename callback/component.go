package callback

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/weixin-go/wechat"
)

// KeyAuthorizationCode is the Store credential name (second argument of
// wechat.StoreKey, first argument the authorizer appid) under which
// Component keeps the authorization code of the last authorized or
// updateauthorized notification.
const KeyAuthorizationCode = "authorization_code"

// componentTicketTTL is how long a component_verify_ticket is kept; WeChat
// pushes a new one every 10 minutes and each is valid for 12 hours.
const componentTicketTTL = 12 * time.Hour

// Component is the Handler of a third-party platform's authorization event
// URL (授权事件接收URL). Serve it with a Server whose AppID is the component
// appid:
//
//	srv, err := callback.NewServer(callback.Config{
//		Token: token, EncodingAESKey: key, AppID: componentAppID,
//		Store: store, Handler: &callback.Component{AppID: componentAppID, Store: store},
//	})
//
// It stores component_verify_ticket under
// wechat.StoreKey(AppID, wechat.KeyComponentVerifyTicket) as a JSON
// wechat.Token valid 12 hours; on authorized and updateauthorized it
// stores the authorization code under
// wechat.StoreKey(AuthorizerAppid, KeyAuthorizationCode) until it expires
// and calls OnAuthorized; on unauthorized it deletes the authorizer's
// access token and refresh token and calls OnUnauthorized. Other pushes go
// to Next.
//
// See https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/Before_Develop/component_verify_ticket.html
// and https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/Before_Develop/authorize_event.html.
type Component struct {
	AppID string       // component appid (required)
	Store wechat.Store // where tickets and codes go (required)
	// OnAuthorized is called after an authorized or updateauthorized
	// notification was stored, typically to exchange the code for the
	// authorizer's tokens. An error makes WeChat retry.
	OnAuthorized func(ctx context.Context, m *Message) error
	// OnUnauthorized is called after an unauthorized notification.
	OnUnauthorized func(ctx context.Context, m *Message) error
	// Next handles every other push (optional).
	Next Handler
	// Now returns the current time (default time.Now).
	Now func() time.Time
}

// ErrComponentPush reports a third-party platform notification that is
// missing a required field or addressed to another component.
var ErrComponentPush = errors.New("callback: invalid third-party platform notification")

func (c *Component) now() time.Time {
	if c.Now != nil {
		return c.Now()
	}
	return time.Now()
}

// ServeMessage implements Handler.
func (c *Component) ServeMessage(ctx context.Context, m *Message) (Reply, error) {
	if c.Store == nil || c.AppID == "" {
		return nil, fmt.Errorf("%w: Component needs AppID and Store", ErrConfig)
	}
	switch m.InfoType {
	case InfoTypeComponentVerifyTicket:
		if m.ComponentVerifyTicket == "" {
			return nil, fmt.Errorf("%w: empty ComponentVerifyTicket", ErrComponentPush)
		}
		if m.AppID != "" && m.AppID != c.AppID {
			return nil, fmt.Errorf("%w: ticket for another component appid", ErrComponentPush)
		}
		tok := wechat.Token{Value: m.ComponentVerifyTicket, ExpiresAt: c.now().Add(componentTicketTTL)}
		if err := c.setToken(ctx, wechat.StoreKey(c.AppID, wechat.KeyComponentVerifyTicket), tok, componentTicketTTL); err != nil {
			return nil, err
		}
		return nil, nil
	case InfoTypeAuthorized, InfoTypeUpdateAuthorized:
		if m.AuthorizerAppID == "" || m.AuthorizationCode == "" {
			return nil, fmt.Errorf("%w: missing AuthorizerAppid or AuthorizationCode", ErrComponentPush)
		}
		now := c.now()
		tok := wechat.Token{Value: m.AuthorizationCode}
		ttl := time.Duration(0)
		if m.AuthorizationCodeExpiredTime > 0 {
			tok.ExpiresAt = time.Unix(m.AuthorizationCodeExpiredTime, 0)
			ttl = tok.ExpiresAt.Sub(now)
			if ttl <= 0 {
				ttl = time.Second // already expired: keep it only briefly
			}
		}
		if err := c.setToken(ctx, wechat.StoreKey(m.AuthorizerAppID, KeyAuthorizationCode), tok, ttl); err != nil {
			return nil, err
		}
		if c.OnAuthorized != nil {
			return nil, c.OnAuthorized(ctx, m)
		}
		return nil, nil
	case InfoTypeUnauthorized:
		if m.AuthorizerAppID == "" {
			return nil, fmt.Errorf("%w: missing AuthorizerAppid", ErrComponentPush)
		}
		for _, name := range []string{wechat.KeyAccessToken, wechat.KeyAuthorizerRefreshToken, KeyAuthorizationCode} {
			if err := c.Store.Delete(ctx, wechat.StoreKey(m.AuthorizerAppID, name)); err != nil {
				return nil, fmt.Errorf("callback: deleting authorizer %s: %w", name, err)
			}
		}
		if c.OnUnauthorized != nil {
			return nil, c.OnUnauthorized(ctx, m)
		}
		return nil, nil
	}
	if c.Next != nil {
		return c.Next.ServeMessage(ctx, m)
	}
	return nil, nil
}

func (c *Component) setToken(ctx context.Context, key string, tok wechat.Token, ttl time.Duration) error {
	b, err := json.Marshal(tok)
	if err != nil {
		return err
	}
	if err := c.Store.Set(ctx, key, b, ttl); err != nil {
		return fmt.Errorf("callback: storing %s: %w", key, err)
	}
	return nil
}
