// Package component is the WeChat third-party platform (第三方平台) API: the
// component_access_token, the authorization of official accounts and mini
// programs (pre-auth codes, authorization URLs, authorization codes,
// authorizer tokens), authorizer information and options, API quotas and
// the open platform accounts of authorizers.
//
// Its Authorizer method is the token provider of the official-account and
// mini-program clients that act for an authorizer:
//
//	comp, _ := component.New(component.Config{AppID: id, AppSecret: secret}, wechat.WithStore(store))
//	client, _ := oa.New(wechat.Config{AppID: authorizerAppID},
//		wechat.WithStore(store), wechat.WithTokenSource(comp.Authorizer(authorizerAppID)))
//
// The component_verify_ticket pushed by WeChat must be saved in the store
// (callback.Component does it) before the first component call.
//
// Package component/wxa manages the authorized mini programs (code,
// review, release, domains, testers, ICP filing...); the template library
// (Templates), fast registration, web OAuth for official accounts
// (OAuthURL, OAuthExchange), batch cloud development (CloudEnvs,
// ShareCloudEnvs) and batch order path applications are methods of Client.
//
// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/getting_started/how_to_read.html
package component

import (
	"context"
	"errors"
	"log/slog"
	"maps"
	"net/url"
	"sync"
	"time"

	wechat "github.com/weixin-go/wechat"
)

// Config identifies a third-party platform.
type Config struct {
	AppID     string // component appid
	AppSecret string // component appsecret
	// Token and EncodingAESKey are the message verification token and key
	// of the authorization event URL, checked when set (see
	// wechat.CheckCallbackConfig); callback.NewServerFor(client.Core(), ...)
	// builds the server of that URL from them.
	Token          string
	EncodingAESKey string
	// TokenOptions tunes the component_access_token and authorizer token
	// caches (zero: the defaults of wechat.TokenOptions).
	TokenOptions wechat.TokenOptions
}

// Client calls the third-party platform API. It is safe for concurrent use;
// create one per component and share it.
type Client struct {
	cfg   Config
	core  *wechat.Client
	opts  []wechat.Option
	token *wechat.TokenCache

	mu          sync.Mutex
	authorizers map[string]*wechat.TokenCache
	clients     map[string]*wechat.Client
	stop        context.CancelFunc
}

// lazySource is the core client's token source: the component token cache,
// which can only be built once the core client exists (it needs its store,
// and fetches through it).
type lazySource struct{ c *Client }

func (s lazySource) Token(ctx context.Context) (string, error) { return s.c.token.Token(ctx) }

func (s lazySource) Invalidate(ctx context.Context, tok string) error {
	return s.c.token.Invalidate(ctx, tok)
}

// New returns a third-party platform client. opts configure the HTTP client,
// store, logger, base URL... as for wechat.NewClient; the clients returned by
// AuthorizerClient share them. Config.AppID and Config.AppSecret are required.
func New(cfg Config, opts ...wechat.Option) (*Client, error) {
	if cfg.AppID == "" {
		return nil, errors.New("component: Config.AppID is required")
	}
	if cfg.AppSecret == "" {
		return nil, errors.New("component: Config.AppSecret is required")
	}
	c := &Client{cfg: cfg, authorizers: map[string]*wechat.TokenCache{}, clients: map[string]*wechat.Client{}}
	// Type MiniProgram: the component has no JS-SDK tickets to keep.
	core, err := wechat.NewClient(wechat.Config{
		AppID: cfg.AppID, AppSecret: cfg.AppSecret, Token: cfg.Token, EncodingAESKey: cfg.EncodingAESKey, Type: wechat.MiniProgram,
	}, append(append([]wechat.Option(nil), opts...), wechat.WithTokenSource(lazySource{c}))...)
	if err != nil {
		return nil, err
	}
	c.core = core
	// Later clients share the store (a default file store is opened once).
	c.opts = append(append([]wechat.Option(nil), opts...), wechat.WithStore(core.Store()))
	c.token = wechat.NewTokenCache(core.StoreKey(cfg.AppID, wechat.KeyComponentAccessToken),
		core.Store(), cfg.TokenOptions, core.Logger(), c.fetchComponentToken)
	return c, nil
}

// AppID returns the component appid.
func (c *Client) AppID() string { return c.cfg.AppID }

// Config returns the component configuration.
func (c *Client) Config() Config { return c.cfg }

// Core returns the core client that carries the component_access_token, for
// endpoints this package does not wrap (Call puts the token in access_token;
// use Do with Endpoint.TokenParam "component_access_token" for the others).
func (c *Client) Core() *wechat.Client { return c.core }

// Store returns the store shared by the component and its authorizers.
func (c *Client) Store() wechat.Store { return c.core.Store() }

// StartRefresher keeps the component_access_token and the tokens of the
// authorizers used so far (Authorizer, AuthorizerClient) fresh in the
// background, checking every TokenOptions.RetryInterval (default 30s) until
// ctx is done or Close is called: a token due for renewal is renewed, a
// missing one fetched. Failures (no ticket yet, revoked authorization) are
// logged and retried.
func (c *Client) StartRefresher(ctx context.Context) {
	ctx, cancel := context.WithCancel(ctx)
	interval := c.cfg.TokenOptions.RetryInterval
	if interval <= 0 {
		interval = 30 * time.Second
	}
	c.mu.Lock()
	if c.stop != nil {
		c.stop()
	}
	c.stop = cancel
	c.mu.Unlock()
	go func() {
		t := time.NewTicker(interval)
		defer t.Stop()
		for {
			c.refreshAll(ctx)
			select {
			case <-ctx.Done():
				return
			case <-t.C:
			}
		}
	}()
}

func (c *Client) refreshAll(ctx context.Context) {
	log := c.core.Logger()
	if _, err := c.token.Token(ctx); err != nil && ctx.Err() == nil {
		log.WarnContext(ctx, "component token refresh failed", slog.String("component_appid", c.cfg.AppID), slog.String("error", err.Error()))
	}
	c.mu.Lock()
	caches := make(map[string]*wechat.TokenCache, len(c.authorizers))
	maps.Copy(caches, c.authorizers)
	c.mu.Unlock()
	for appid, tc := range caches {
		if _, err := tc.Token(ctx); err != nil && ctx.Err() == nil {
			log.WarnContext(ctx, "authorizer token refresh failed", slog.String("authorizer_appid", appid), slog.String("error", err.Error()))
		}
	}
}

// Close stops the refresher, if any, and closes the default file store if
// New opened it.
func (c *Client) Close() error {
	c.mu.Lock()
	if c.stop != nil {
		c.stop()
	}
	c.mu.Unlock()
	return c.core.Close()
}

// InvalidArgumentError is returned, before any request is sent, when an
// argument breaks a documented WeChat rule. It never contains credentials.
type InvalidArgumentError = wechat.ArgumentError

func invalidArg(arg, reason string) error {
	return &wechat.ArgumentError{Pkg: "component", Arg: arg, Reason: reason}
}

func requireAppID(arg, appid string) error {
	if appid == "" {
		return invalidArg(arg, "empty")
	}
	return nil
}

// call sends body to ep and decodes the answer into a new T.
func call[T any](ctx context.Context, c *wechat.Client, ep wechat.Endpoint, q url.Values, body any) (*T, error) {
	out := new(T)
	if err := c.Do(ctx, ep, q, body, out); err != nil {
		return nil, err
	}
	return out, nil
}
