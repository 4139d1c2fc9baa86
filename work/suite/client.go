// Package suite is the WeCom third-party application API (企业微信第三方应用,
// 服务商): the suite_access_token of a suite (got with the suite_ticket WeCom
// pushes every ten minutes), the installation of the suite by corps
// (pre-auth codes, permanent codes, authorization information), the corp
// access tokens of the authorized corps, the identity of the suite's web
// login users (UserInfo3rd, UserDetail3rd), and, with the service
// provider's own credentials (Provider), login, registration and the
// address-book migration of registered corps (SetScope,
// ContactSyncSuccess), ID translation and migration, contact search and the
// interface licenses (接口调用许可).
//
// A corp that authorized the suite becomes a work.Client whose agent takes
// its access tokens from the suite (get_corp_token with the stored permanent
// code), so every service of package work can be called for it:
//
//	s, _ := suite.New(suite.Config{SuiteID: id, SuiteSecret: secret}, wechat.WithStore(store))
//	srv, _ := callback.NewServer(callback.Config{..., Handler: s.Handler(nil)})
//	corp, _ := s.AgentClient(ctx, authCorpID)
//	corp.Message.SendText(ctx, ...)
//
// The suite_ticket must reach the store (Handler, or SaveTicket) before the
// first suite call; permanent codes are kept in the store per corp.
//
// https://developer.work.weixin.qq.com/document/path/90594
package suite

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"sync"
	"time"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/work"
)

// Store credential names (second argument of wechat.StoreKey).
const (
	// KeySuiteTicket holds the last suite_ticket (first argument: the suite id).
	KeySuiteTicket = "suite_ticket"
	// KeySuiteAccessToken holds the suite_access_token (suite id).
	KeySuiteAccessToken = "suite_access_token"
	// KeyPermanentCode holds a corp's permanent code and agent id as JSON
	// (first argument: suite id + "/" + corp id).
	KeyPermanentCode = "permanent_code"
	// KeyProviderAccessToken holds the provider_access_token (the provider's corp id).
	KeyProviderAccessToken = "provider_access_token"
)

// suiteTicketTTL is how long a suite_ticket is documented valid.
const suiteTicketTTL = 30 * time.Minute

var (
	// ErrNoSuiteTicket is returned when the suite_access_token must be
	// fetched but no valid suite_ticket is in the store: WeCom pushes one
	// every ten minutes to the suite's instruction callback URL (see
	// Handler), valid 30 minutes.
	ErrNoSuiteTicket = errors.New("suite: no suite_ticket received yet")
	// ErrNotAuthorized is returned for a corp whose permanent code is not
	// in the store: it never installed the suite, or cancelled it.
	ErrNotAuthorized = errors.New("suite: no permanent code stored for this corp")
)

// Config identifies a suite (third-party application or customized
// application template).
type Config struct {
	SuiteID     string
	SuiteSecret string
	// Token and EncodingAESKey are the suite's callback configuration (see
	// package callback).
	Token          string
	EncodingAESKey string
	// TokenOptions tunes the suite token and corp token caches.
	TokenOptions wechat.TokenOptions
}

// Client calls the suite API. It is safe for concurrent use; create one per
// suite and share it.
type Client struct {
	cfg   Config
	core  *wechat.Client
	opts  []wechat.Option
	token *wechat.TokenCache

	mu    sync.Mutex
	corps map[string]*corp
}

// corp is an authorized corp: its token cache and work client.
type corp struct {
	token *wechat.TokenCache
	work  *work.Client
}

// lazy is a token source whose cache is built after the core client.
type lazy struct{ tc **wechat.TokenCache }

func (l lazy) Token(ctx context.Context) (string, error) { return (*l.tc).Token(ctx) }
func (l lazy) Invalidate(ctx context.Context, tok string) error {
	return (*l.tc).Invalidate(ctx, tok)
}

// newCore returns a core client on WeCom's host whose token is the cache
// *tc, built by mk once the core client (its store, logger) exists.
func newCore(appid string, opts []wechat.Option, tc **wechat.TokenCache, mk func(core *wechat.Client) *wechat.TokenCache) (*wechat.Client, []wechat.Option, error) {
	core, err := wechat.NewClient(wechat.Config{AppID: appid, Type: wechat.WeCom},
		append(append([]wechat.Option{wechat.WithBaseURL(work.DefaultBaseURL)}, opts...), wechat.WithTokenSource(lazy{tc}))...)
	if err != nil {
		return nil, nil, err
	}
	*tc = mk(core)
	// Later clients share the store (a default file store is opened once).
	return core, append(append([]wechat.Option(nil), opts...), wechat.WithStore(core.Store())), nil
}

// New returns a suite client. opts configure the HTTP client, store,
// logger, base URL (default work.DefaultBaseURL)... as for
// wechat.NewClient; the corp clients share them.
func New(cfg Config, opts ...wechat.Option) (*Client, error) {
	if cfg.SuiteID == "" {
		return nil, errors.New("suite: Config.SuiteID is required")
	}
	if cfg.SuiteSecret == "" {
		return nil, errors.New("suite: Config.SuiteSecret is required")
	}
	c := &Client{cfg: cfg, corps: map[string]*corp{}}
	core, shared, err := newCore(cfg.SuiteID, opts, &c.token, func(core *wechat.Client) *wechat.TokenCache {
		return wechat.NewTokenCache(core.StoreKey(cfg.SuiteID, KeySuiteAccessToken), core.Store(), cfg.TokenOptions, core.Logger(), c.fetchSuiteToken)
	})
	if err != nil {
		return nil, err
	}
	c.core, c.opts = core, shared
	return c, nil
}

// SuiteID returns the suite id.
func (c *Client) SuiteID() string { return c.cfg.SuiteID }

// Store returns the store shared by the suite and its corps.
func (c *Client) Store() wechat.Store { return c.core.Store() }

// Core returns the core client that carries the suite_access_token, for
// endpoints this package does not wrap (Do with Endpoint.TokenParam
// "suite_access_token").
func (c *Client) Core() *wechat.Client { return c.core }

// Close closes the default file store if New opened it.
func (c *Client) Close() error { return c.core.Close() }

// InvalidArgumentError is returned, before any request is sent, when an
// argument breaks a documented WeCom rule.
type InvalidArgumentError = wechat.ArgumentError

func invalidArg(arg, reason string) error {
	return &wechat.ArgumentError{Pkg: "suite", Arg: arg, Reason: reason}
}

func require(arg, v string) error {
	if v == "" {
		return invalidArg(arg, "empty")
	}
	return nil
}

// Errcodes of a rejected suite or provider token: WeCom does not use
// 40001/42001 for them.
const (
	codeInvalidSuiteToken = 40082 // invalid suite_access_token or provider_access_token
	codeSuiteTokenExpired = 42009 // suite_access_token expired
)

// call sends body to ep with the token of ts under ep.TokenParam and
// decodes the answer into a new T. A suite or provider token WeCom rejects
// (40082, 42009; the core client handles 40001, 40014, 42001) is dropped
// and the call retried once with a new one.
func call[T any](ctx context.Context, c *wechat.Client, ep wechat.Endpoint, q url.Values, body any) (*T, error) {
	out := new(T)
	err := c.Do(ctx, ep, q, body, out)
	var ae *wechat.APIError
	if errors.As(err, &ae) && (ae.Code == codeInvalidSuiteToken || ae.Code == codeSuiteTokenExpired) && ep.Auth != wechat.AuthNone {
		if tok, terr := c.AccessToken(ctx); terr == nil {
			_ = c.TokenSource().Invalidate(ctx, tok)
		}
		out = new(T)
		err = c.Do(ctx, ep, q, body, out)
	}
	if err != nil {
		return nil, err
	}
	return out, nil
}

// readToken reads a JSON wechat.Token from the store; ok is false when the
// key is absent.
func readJSON(ctx context.Context, st wechat.Store, key string, v any) (ok bool, err error) {
	raw, err := st.Get(ctx, key)
	if errors.Is(err, wechat.ErrNotFound) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	if err := json.Unmarshal(raw, v); err != nil {
		return false, err
	}
	return true, nil
}

func writeJSON(ctx context.Context, st wechat.Store, key string, v any, ttl time.Duration) error {
	raw, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return st.Set(ctx, key, raw, ttl)
}

func expiring(value string, expiresIn int64) wechat.Token {
	return wechat.Token{Value: value, ExpiresAt: time.Now().Add(time.Duration(expiresIn) * time.Second)}
}

// wrapStore names the failing store operation.
func wrapStore(op string, err error) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("suite: %s: %w", op, err)
}
