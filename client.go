package wechat

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"sync/atomic"
	"time"

	"github.com/weixin-go/wechat/callback/msgcrypt"
)

// AppType tells an official account from a mini program, a WeCom agent
// and a Channels shop.
type AppType int

const (
	// OfficialAccount is a 公众号 (the zero value).
	OfficialAccount AppType = iota
	// MiniProgram is a 小程序.
	MiniProgram
	// WeCom is one agent (application) of a 企业微信 corp; see package work.
	WeCom
	// ChannelsShop is a 视频号小店 (微信小店); see package channels.
	ChannelsShop
)

func (t AppType) String() string {
	switch t {
	case MiniProgram:
		return "mini_program"
	case WeCom:
		return "wecom"
	case ChannelsShop:
		return "channels_shop"
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
	// Token and EncodingAESKey are the server (callback) configuration,
	// checked by NewClient when set: Token is 3 to 32 letters or digits,
	// EncodingAESKey 43 characters of base64 without padding. A callback
	// server can be built from the client (callback.NewServerFor).
	// https://developers.weixin.qq.com/doc/offiaccount/Basic_Information/Access_Overview.html
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
	keyScope   string // appended to store keys of fetched credentials; "" for WeChat's hosts
	logger     *slog.Logger
	store      Store
	retry      RetryPolicy
	tokens     TokenSource
	tokenOpts  TokenOptions
	endpoint   TokenEndpoint
	middleware []Middleware
	stop       context.CancelFunc

	// The caches of the credentials the client fetches itself, built on
	// first use so that an idle client costs little.
	access, jsapi, card atomic.Pointer[TokenCache]
	ownAccess           bool // access tokens fetched with the appsecret (no WithTokenSource)

	ownStore bool        // the shared default file store, released by Close
	closed   atomic.Bool // Close was called
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
// is the file store at DefaultFileStorePath, opened once per process and
// shared by every client made without WithStore.
func WithStore(s Store) Option { return func(c *Client) { c.store = s } }

// WithMemoryStore keeps the client's tokens in a new MemoryStore: nothing
// is written to disk and nothing is shared with other processes. Use it
// where the default file store cannot be written (read-only containers).
func WithMemoryStore() Option { return WithStore(NewMemoryStore()) }

// WithHTTPClient sets the HTTP client (timeouts, proxies, transport).
func WithHTTPClient(h *http.Client) Option { return func(c *Client) { c.httpClient = h } }

// WithBaseURL points the client at another host, such as a fakewechat server
// or a forwarding proxy: scheme and host are required ("http://127.0.0.1:8080"),
// a path prefix is allowed. NewClient rejects anything else.
//
// Credentials fetched from a host other than WeChat's own are kept in the
// store under keys that name the base URL (see Client.StoreKey), so that a
// token issued by a test server is never served for WeChat, or the reverse.
func WithBaseURL(u string) Option {
	return func(c *Client) { c.baseURL = u }
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

// defaultHTTPClient is shared: an idle client holds no HTTP client of its own.
var defaultHTTPClient = &http.Client{Timeout: 30 * time.Second}

// NewClient returns a client for the app described by cfg. It checks the
// configuration (base URL, callback token and key) and opens the default
// store if no store is given; it makes no request.
func NewClient(cfg Config, opts ...Option) (*Client, error) {
	if cfg.AppID == "" {
		return nil, errors.New("wechat: Config.AppID is required")
	}
	if err := CheckCallbackConfig(cfg.Token, cfg.EncodingAESKey); err != nil {
		return nil, err
	}
	c := &Client{cfg: cfg, baseURL: DefaultBaseURL}
	for _, o := range opts {
		o(c)
	}
	scope, err := checkBaseURL(c.baseURL)
	if err != nil {
		return nil, err
	}
	c.baseURL, c.keyScope = strings.TrimRight(c.baseURL, "/"), scope
	if c.httpClient == nil {
		c.httpClient = defaultHTTPClient
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
	if c.tokens == nil && cfg.AppSecret == "" {
		return nil, errors.New("wechat: Config.AppSecret is required unless WithTokenSource is used")
	}
	if c.store == nil {
		fs, err := openDefaultFileStore()
		if err != nil {
			return nil, err
		}
		c.store, c.ownStore = fs, true
	}
	c.tokenOpts = c.tokenOpts.withDefaults()
	if c.tokens == nil {
		c.ownAccess = true
		c.tokens = (*accessSource)(c)
	}
	return c, nil
}

// CheckOptions reports what NewClient would reject in opts (an invalid base
// URL) without making a client or opening a store. Product packages that
// make their clients later (WeCom agents) call it at construction.
func CheckOptions(opts ...Option) error {
	c := &Client{baseURL: DefaultBaseURL}
	for _, o := range opts {
		o(c)
	}
	_, err := checkBaseURL(c.baseURL)
	return err
}

// checkBaseURL validates a base URL and returns the store key scope of the
// credentials fetched from it: "" for WeChat's own hosts, "@" plus the
// URL otherwise. Errors show the URL (with any password redacted).
func checkBaseURL(raw string) (scope string, err error) {
	if raw == "" {
		return "", errors.New(`wechat: WithBaseURL(""): empty base URL; want scheme and host, such as "http://127.0.0.1:8080"`)
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.Opaque != "" {
		shown := raw
		if strings.Contains(raw, "@") {
			if err == nil {
				shown = u.Redacted()
			} else {
				shown = "(redacted)"
			}
		}
		hint := ""
		if !strings.Contains(raw, "://") {
			hint = fmt.Sprintf(", such as %q", "http://"+shown)
		}
		return "", fmt.Errorf("wechat: invalid base URL %q: want http:// or https://, a host and an optional path%s", shown, hint)
	}
	if u.RawQuery != "" || u.Fragment != "" {
		return "", fmt.Errorf("wechat: invalid base URL %q: a query or fragment is not allowed", u.Redacted())
	}
	host := strings.ToLower(u.Hostname())
	if u.Scheme == "https" && (u.Port() == "" || u.Port() == "443") && strings.Trim(u.Path, "/") == "" && strings.HasSuffix(host, ".weixin.qq.com") {
		return "", nil // api., api2., sh.api., qyapi. ...: the same credentials
	}
	return "@" + u.Scheme + "://" + u.Host + strings.TrimRight(u.EscapedPath(), "/"), nil
}

// CheckCallbackConfig validates the message push configuration: token (3 to
// 32 ASCII letters or digits) and encodingAESKey (43 characters of base64
// without padding), each only when set. Errors never contain either value.
// https://developers.weixin.qq.com/doc/offiaccount/Basic_Information/Access_Overview.html
func CheckCallbackConfig(token, encodingAESKey string) error {
	if token != "" {
		if len(token) < 3 || len(token) > 32 {
			return fmt.Errorf("wechat: Config.Token must be 3 to 32 letters or digits, got %d characters", len(token))
		}
		for i := 0; i < len(token); i++ {
			if b := token[i]; !('a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' || '0' <= b && b <= '9') {
				return fmt.Errorf("wechat: Config.Token must be letters or digits only (character %d is not)", i+1)
			}
		}
	}
	if encodingAESKey != "" {
		if _, err := msgcrypt.DecodeKey(encodingAESKey); err != nil {
			return fmt.Errorf("wechat: Config.EncodingAESKey must be 43 characters of base64 without padding, got %d characters", len(encodingAESKey))
		}
	}
	return nil
}

// StoreKey returns the store key of a credential the client fetches from
// its base URL: StoreKey(id, name) for WeChat's own hosts, followed by "@"
// and the base URL for any other (a fake server, a proxy), so that tokens
// of different servers never mix in a shared store. Product packages use
// it for the credentials they fetch themselves.
func (c *Client) StoreKey(id, name string) string {
	return StoreKey(id, name) + c.keyScope
}

// accessSource is the client as the TokenSource of its own access tokens.
type accessSource Client

func (s *accessSource) Token(ctx context.Context) (string, error) {
	return (*Client)(s).accessCache().Token(ctx)
}

func (s *accessSource) Invalidate(ctx context.Context, token string) error {
	return (*Client)(s).accessCache().Invalidate(ctx, token)
}

func (c *Client) accessCache() *TokenCache {
	if tc := c.access.Load(); tc != nil {
		return tc
	}
	return c.buildCache(&c.access, KeyAccessToken)
}

// cache returns the cache of a credential the client keeps itself, building
// it on first use; nil if the client has no such credential.
func (c *Client) cache(name string) *TokenCache {
	switch name {
	case KeyAccessToken:
		if c.ownAccess {
			return c.accessCache()
		}
	case KeyJSAPITicket, KeyCardTicket:
		if c.cfg.Type != OfficialAccount {
			return nil
		}
		p := &c.jsapi
		if name == KeyCardTicket {
			p = &c.card
		}
		if tc := p.Load(); tc != nil {
			return tc
		}
		return c.buildCache(p, name)
	}
	return nil
}

func (c *Client) buildCache(p *atomic.Pointer[TokenCache], name string) *TokenCache {
	var fetch FetchFunc
	switch name {
	case KeyAccessToken:
		fetch = c.fetchAccessToken
	case KeyJSAPITicket:
		fetch = c.ticketFetcher("jsapi")
	case KeyCardTicket:
		fetch = c.ticketFetcher("wx_card")
	}
	// A cache does nothing until used: a racing builder's copy is dropped.
	p.CompareAndSwap(nil, newTokenCache(c.StoreKey(c.cfg.AppID, name), c.store, c.tokenOpts, c.logger, fetch))
	return p.Load()
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
	tc := c.cache(name)
	return tc, tc != nil
}

// TokenSource returns where the client's access tokens come from.
func (c *Client) TokenSource() TokenSource { return c.tokens }

// JSAPITicket returns a valid jsapi_ticket (official accounts only), used to
// sign JS-SDK configurations.
// https://developers.weixin.qq.com/doc/offiaccount/OA_Web_Apps/JS-SDK.html
func (c *Client) JSAPITicket(ctx context.Context) (string, error) {
	tc := c.cache(KeyJSAPITicket)
	if tc == nil {
		return "", errors.New("wechat: jsapi_ticket is for official accounts")
	}
	return tc.Token(ctx)
}

// CardTicket returns a valid wx_card ticket (official accounts only).
func (c *Client) CardTicket(ctx context.Context) (string, error) {
	tc := c.cache(KeyCardTicket)
	if tc == nil {
		return "", errors.New("wechat: wx_card ticket is for official accounts")
	}
	return tc.Token(ctx)
}

// StartRefresher keeps the client's tokens and tickets fresh in the
// background until ctx is done or Close is called: each is restored from the
// store and refreshed ahead of expiry, retrying failures every
// TokenOptions.RetryInterval. Tickets are refreshed only if withTickets.
func (c *Client) StartRefresher(ctx context.Context, withTickets bool) {
	ctx, cancel := context.WithCancel(ctx)
	c.stop = cancel
	names := []string{KeyAccessToken}
	if withTickets {
		names = append(names, KeyJSAPITicket, KeyCardTicket)
	}
	for _, name := range names {
		if tc := c.cache(name); tc != nil {
			go tc.run(ctx)
		}
	}
}

// Close stops the background refresher, if any, and releases the default
// file store if the client uses it (the store is closed when its last
// client is). A store passed with WithStore is left open: it belongs to
// the caller.
func (c *Client) Close() error {
	if c.stop != nil {
		c.stop()
	}
	if c.ownStore && c.closed.CompareAndSwap(false, true) {
		return releaseDefaultFileStore(c.store.(*FileStore))
	}
	return nil
}
