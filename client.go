package wechat

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"time"
)

// AppType tells an official account from a mini program.
type AppType int

const (
	// OfficialAccount is a 公众号 (the zero value).
	OfficialAccount AppType = iota
	// MiniProgram is a 小程序.
	MiniProgram
	// WeCom is one agent (application) of a 企业微信 corp; see package work.
	WeCom
)

func (t AppType) String() string {
	switch t {
	case MiniProgram:
		return "mini_program"
	case WeCom:
		return "wecom"
	}
	return "official_account"
}

// DefaultBaseURL is WeChat's API host for official accounts and mini programs.
const DefaultBaseURL = "https://api.weixin.qq.com"

// TokenEndpoint selects how access tokens are obtained.
type TokenEndpoint int

const (
	// StableToken uses POST /cgi-bin/stable_token (the default): the same
	// token is returned until it expires, so several independent fetchers do
	// not invalidate each other.
	// https://developers.weixin.qq.com/doc/offiaccount/Basic_Information/getStableAccessToken.html
	StableToken TokenEndpoint = iota
	// ClassicToken uses GET /cgi-bin/token, which issues a new token on every
	// call (the previous one keeps working for about five minutes).
	// https://developers.weixin.qq.com/doc/offiaccount/Basic_Information/Get_access_token.html
	ClassicToken
)

// Config identifies an official account or a mini program.
type Config struct {
	AppID     string
	AppSecret string
	// Token and EncodingAESKey are the server (callback) configuration.
	Token          string
	EncodingAESKey string
	// CodeName is an optional short name to find the client in a Registry.
	CodeName string
	Type     AppType
}

// TokenSource provides access tokens. The client's own source fetches them
// with the appsecret; a third-party platform provides authorizer tokens.
type TokenSource interface {
	// Token returns a valid token, fetching one if needed.
	Token(ctx context.Context) (string, error)
	// Invalidate drops token if it is still the current one, because WeChat
	// rejected it. A later Token call fetches a fresh one.
	Invalidate(ctx context.Context, token string) error
}

// Client calls the WeChat API for one official account or mini program. It
// is safe for concurrent use; create one per app and share it.
type Client struct {
	cfg        Config
	httpClient *http.Client
	baseURL    string
	logger     *slog.Logger
	store      Store
	retry      RetryPolicy
	tokens     TokenSource
	managed    []*TokenCache // tokens this client refreshes itself
	access     *TokenCache   // nil when tokens come from an external source
	jsapi      *TokenCache
	card       *TokenCache
	tokenOpts  TokenOptions
	endpoint   TokenEndpoint
	middleware []Middleware
	stop       context.CancelFunc
	ownStore   io.Closer // the default store, opened by NewClient
}

// RetryPolicy bounds the retries the client makes on its own. Only failures
// that are safe to retry are retried: a connection that could not be
// established (the request never left), errcode -1 (system busy, which WeChat
// documents as "retry later"), and HTTP 5xx on GET requests.
type RetryPolicy struct {
	MaxAttempts int           // total attempts, including the first; default 3
	BaseDelay   time.Duration // first backoff; default 100ms, doubled each time
	MaxDelay    time.Duration // default 1s
}

func (p RetryPolicy) delay(attempt int) time.Duration {
	d := p.BaseDelay << attempt
	if d > p.MaxDelay || d <= 0 {
		d = p.MaxDelay
	}
	return d
}

// Option configures a Client.
type Option func(*Client)

// WithStore sets the store that shares tokens between processes. The default
// is a file store at DefaultFileStorePath.
func WithStore(s Store) Option { return func(c *Client) { c.store = s } }

// WithHTTPClient sets the HTTP client (timeouts, proxies, transport).
func WithHTTPClient(h *http.Client) Option { return func(c *Client) { c.httpClient = h } }

// WithBaseURL points the client at another host, such as a fakewechat server.
func WithBaseURL(u string) Option {
	return func(c *Client) { c.baseURL = strings.TrimRight(u, "/") }
}

// WithLogger sets the structured logger (default slog.Default(); pass
// slog.New(slog.DiscardHandler) to turn logging off). Failures the caller
// does not see (network errors before a retry, background token refreshes,
// store outages) are logged at Warn level, per-request traces and API
// errors (also returned to the caller) at Debug. Tokens and secrets are
// never logged.
func WithLogger(l *slog.Logger) Option { return func(c *Client) { c.logger = l } }

// WithTokenEndpoint selects the stable_token (default) or classic token endpoint.
func WithTokenEndpoint(e TokenEndpoint) Option { return func(c *Client) { c.endpoint = e } }

// WithTokenSource makes the client take access tokens from ts, for example
// a third-party platform acting for an authorizer. The appsecret is then unused.
func WithTokenSource(ts TokenSource) Option { return func(c *Client) { c.tokens = ts } }

// WithTokenOptions tunes token refresh timing and cross-process waiting.
func WithTokenOptions(o TokenOptions) Option { return func(c *Client) { c.tokenOpts = o } }

// WithRetry sets the retry policy.
func WithRetry(p RetryPolicy) Option { return func(c *Client) { c.retry = p } }

// WithMiddleware wraps every HTTP round trip the client makes, outermost first.
func WithMiddleware(m ...Middleware) Option {
	return func(c *Client) { c.middleware = append(c.middleware, m...) }
}

// Middleware wraps the function that sends one HTTP request.
type Middleware func(next RoundTripFunc) RoundTripFunc

// RoundTripFunc sends one HTTP request.
type RoundTripFunc func(*http.Request) (*http.Response, error)

// NewClient returns a client for the app described by cfg.
func NewClient(cfg Config, opts ...Option) (*Client, error) {
	if cfg.AppID == "" {
		return nil, errors.New("wechat: Config.AppID is required")
	}
	c := &Client{cfg: cfg, baseURL: DefaultBaseURL}
	for _, o := range opts {
		o(c)
	}
	if c.httpClient == nil {
		c.httpClient = &http.Client{Timeout: 30 * time.Second}
	}
	if c.logger == nil {
		c.logger = slog.Default()
	}
	if c.retry.MaxAttempts <= 0 {
		c.retry.MaxAttempts = 3
	}
	if c.retry.BaseDelay <= 0 {
		c.retry.BaseDelay = 100 * time.Millisecond
	}
	if c.retry.MaxDelay <= 0 {
		c.retry.MaxDelay = time.Second
	}
	if c.store == nil {
		fs, err := NewFileStore(DefaultFileStorePath())
		if err != nil {
			return nil, err
		}
		c.store, c.ownStore = fs, fs
	}
	c.tokenOpts = c.tokenOpts.withDefaults()
	if c.tokens == nil {
		if cfg.AppSecret == "" {
			return nil, errors.New("wechat: Config.AppSecret is required unless WithTokenSource is used")
		}
		c.access = newTokenCache(StoreKey(cfg.AppID, KeyAccessToken), c.store, c.tokenOpts, c.logger, c.fetchAccessToken)
		c.tokens = c.access
		c.managed = append(c.managed, c.access)
	}
	if cfg.Type == OfficialAccount {
		c.jsapi = newTokenCache(StoreKey(cfg.AppID, KeyJSAPITicket), c.store, c.tokenOpts, c.logger, c.ticketFetcher("jsapi"))
		c.card = newTokenCache(StoreKey(cfg.AppID, KeyCardTicket), c.store, c.tokenOpts, c.logger, c.ticketFetcher("wx_card"))
	}
	return c, nil
}

// TokenOptions returns the token timing the client was configured with, for
// product packages that keep credentials of their own.
func (c *Client) TokenOptions() TokenOptions { return c.tokenOpts }

// Config returns the app configuration.
func (c *Client) Config() Config { return c.cfg }

// AppID returns the app id.
func (c *Client) AppID() string { return c.cfg.AppID }

// Store returns the client's store.
func (c *Client) Store() Store { return c.store }

// Logger returns the client's logger.
func (c *Client) Logger() *slog.Logger { return c.logger }

// AccessToken returns a valid access token, from memory when possible.
func (c *Client) AccessToken(ctx context.Context) (string, error) { return c.tokens.Token(ctx) }

// Credential returns the cache of one of the credentials the client keeps
// itself: KeyAccessToken (unless WithTokenSource is used), KeyJSAPITicket or
// KeyCardTicket (official accounts). A token hub serves these.
func (c *Client) Credential(name string) (*TokenCache, bool) {
	var tc *TokenCache
	switch name {
	case KeyAccessToken:
		tc = c.access
	case KeyJSAPITicket:
		tc = c.jsapi
	case KeyCardTicket:
		tc = c.card
	}
	return tc, tc != nil
}

// TokenSource returns where the client's access tokens come from.
func (c *Client) TokenSource() TokenSource { return c.tokens }

// JSAPITicket returns a valid jsapi_ticket (official accounts only), used to
// sign JS-SDK configurations.
// https://developers.weixin.qq.com/doc/offiaccount/OA_Web_Apps/JS-SDK.html
func (c *Client) JSAPITicket(ctx context.Context) (string, error) {
	if c.jsapi == nil {
		return "", errors.New("wechat: jsapi_ticket is for official accounts")
	}
	return c.jsapi.Token(ctx)
}

// CardTicket returns a valid wx_card ticket (official accounts only).
func (c *Client) CardTicket(ctx context.Context) (string, error) {
	if c.card == nil {
		return "", errors.New("wechat: wx_card ticket is for official accounts")
	}
	return c.card.Token(ctx)
}

// StartRefresher keeps the client's tokens and tickets fresh in the
// background until ctx is done or Close is called: each is restored from the
// store and refreshed ahead of expiry, retrying failures every
// TokenOptions.RetryInterval. Tickets are refreshed only if withTickets.
func (c *Client) StartRefresher(ctx context.Context, withTickets bool) {
	ctx, cancel := context.WithCancel(ctx)
	c.stop = cancel
	caches := append([]*TokenCache(nil), c.managed...)
	if withTickets && c.jsapi != nil {
		caches = append(caches, c.jsapi, c.card)
	}
	for _, tc := range caches {
		go tc.run(ctx)
	}
}

// Close stops the background refresher, if any, and closes the default
// file store if the client opened it. A store passed with WithStore is left
// open: it belongs to the caller.
func (c *Client) Close() error {
	if c.stop != nil {
		c.stop()
	}
	if c.ownStore != nil {
		return c.ownStore.Close()
	}
	return nil
}
