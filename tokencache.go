package wechat

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"os"
	"strconv"
	"sync"
	"sync/atomic"
	"time"
)

// TokenOptions tunes how tokens are refreshed and shared.
type TokenOptions struct {
	// RefreshBefore is how long before expiry a token is renewed. A call
	// that finds its token inside this window still uses it and triggers a
	// background renewal. Default 5 minutes.
	RefreshBefore time.Duration
	// RetryInterval is how long the background refresher waits after a
	// failure, and the least time between two early renewals. Default 30s.
	RetryInterval time.Duration
	// LockTTL is the lease of the cross-process refresh lock. Default 15s.
	LockTTL time.Duration
	// WaitTimeout bounds how long a refresh may take in total, waiting for
	// another process included. Default 20s.
	WaitTimeout time.Duration
	// PollInterval is how often a process waiting for another's refresh
	// reads the store. Default 50ms.
	PollInterval time.Duration
	// FailureBackoff is how long a failed refresh is remembered: until it
	// has passed, callers that need a new token get a *BackoffError wrapping
	// the failure instead of calling WeChat again. It doubles with each
	// further consecutive failure up to RetryInterval, and is shared with
	// other processes through the store. Default 1s.
	FailureBackoff time.Duration
	// QuotaBackoff is the pause after WeChat answered a quota error (45009,
	// 45011, 45047: retrying soon cannot succeed). Default 5 minutes.
	QuotaBackoff time.Duration
	// ForceRefreshInterval is the least time between two refreshes forced by
	// WeChat rejecting the current token (40001, 40014, 42001), per
	// credential across every process sharing the store: WeChat allows only
	// a few forced refreshes a day. A token rejected again sooner is kept and
	// the caller gets WeChat's error. Default 30s.
	ForceRefreshInterval time.Duration
	// StoreTimeout bounds each store operation on the token path; a store
	// that does not answer in time is bypassed and the token fetched
	// directly. Default 1s.
	StoreTimeout time.Duration
}

func (o TokenOptions) withDefaults() TokenOptions {
	if o.RefreshBefore <= 0 {
		o.RefreshBefore = 5 * time.Minute
	}
	if o.RetryInterval <= 0 {
		o.RetryInterval = 30 * time.Second
	}
	if o.LockTTL <= 0 {
		o.LockTTL = 15 * time.Second
	}
	if o.WaitTimeout <= 0 {
		o.WaitTimeout = 20 * time.Second
	}
	if o.PollInterval <= 0 {
		o.PollInterval = 50 * time.Millisecond
	}
	if o.FailureBackoff <= 0 {
		o.FailureBackoff = time.Second
	}
	if o.QuotaBackoff <= 0 {
		o.QuotaBackoff = 5 * time.Minute
	}
	if o.ForceRefreshInterval <= 0 {
		o.ForceRefreshInterval = 30 * time.Second
	}
	if o.StoreTimeout <= 0 {
		o.StoreTimeout = time.Second
	}
	return o
}

// FetchFunc obtains a fresh token from upstream. rejected, when not empty,
// is the token WeChat rejected: a fetcher whose endpoint may return the same
// token again (stable_token) must then force a new one. It is empty for an
// ordinary or early renewal, which must never force.
type FetchFunc func(ctx context.Context, rejected string) (Token, error)

// TokenCache keeps one credential fresh: in memory for the hot path, in the
// Store for other processes, with one upstream fetch at a time across all
// goroutines (single flight) and all processes (a lock in the store).
// It implements TokenSource.
//
// A failed refresh is remembered (see TokenOptions.FailureBackoff) and
// forced refreshes are rate limited (TokenOptions.ForceRefreshInterval),
// both across processes through the store; every store operation is bounded
// by TokenOptions.StoreTimeout.
type TokenCache struct {
	key, lockKey, failKey, forceKey string
	store                           Store
	opts                            TokenOptions
	log                             *slog.Logger
	fetch                           FetchFunc
	owner                           []byte

	cur       atomic.Pointer[cachedToken]
	rejected  atomic.Pointer[string]      // last token WeChat rejected
	nextEarly atomic.Int64                // unix nanos before which no early renewal starts
	fail      atomic.Pointer[failure]     // last refresh failure, nil after a success
	lastForce atomic.Int64                // unix nanos of the last forced refresh claimed or refused
	kept      atomic.Pointer[forcedToken] // token got by the last forced (or refused) refresh

	mu       sync.Mutex
	inflight *flight
}

type cachedToken struct {
	tok Token
	raw []byte // exactly what is in the store, for CompareAndDelete
}

type flight struct {
	done chan struct{}
	tok  *cachedToken
	err  error
}

// want says what a refresh is for: a token other than stale, which WeChat
// rejected (rejected) or which is merely due for renewal.
type want struct {
	stale    string
	rejected bool
}

func (w want) rejectedToken() string {
	if w.rejected {
		return w.stale
	}
	return ""
}

// NewTokenCache returns a TokenCache for the store key (see StoreKey) that
// fetches with fetch. Product packages use it for credentials of their own
// (component tokens, WeCom agent tokens).
func NewTokenCache(key string, store Store, opts TokenOptions, logger *slog.Logger, fetch FetchFunc) *TokenCache {
	if logger == nil {
		logger = slog.Default()
	}
	return newTokenCache(key, store, opts.withDefaults(), logger, fetch)
}

func newTokenCache(key string, store Store, opts TokenOptions, logger *slog.Logger, fetch FetchFunc) *TokenCache {
	var id [8]byte
	rand.Read(id[:])
	return &TokenCache{
		key: key, lockKey: key + ":lock", failKey: key + ":backoff", forceKey: key + ":force",
		store: store, opts: opts, log: logger, fetch: fetch,
		owner: []byte(strconv.Itoa(os.Getpid()) + "-" + hex.EncodeToString(id[:])),
	}
}

// Token returns a valid token. The hot path is a memory read; a token close
// to expiry is still served while it is renewed in the background.
func (tc *TokenCache) Token(ctx context.Context) (string, error) {
	now := time.Now()
	if c := tc.cur.Load(); c != nil && c.tok.Valid(now, 0) {
		if !c.tok.Valid(now, tc.opts.RefreshBefore) && now.UnixNano() >= tc.nextEarly.Load() {
			tc.renewEarly(c.tok.Value)
		}
		return c.tok.Value, nil
	}
	c, err := tc.refresh(ctx, tc.afterRejection())
	if err != nil {
		return "", err
	}
	return c.tok.Value, nil
}

// Fetch returns a valid token with its expiry, like Token.
func (tc *TokenCache) Fetch(ctx context.Context) (Token, error) {
	if _, err := tc.Token(ctx); err != nil {
		return Token{}, err
	}
	if c := tc.cur.Load(); c != nil {
		return c.tok, nil
	}
	// Invalidated between the two reads: one more round.
	v, err := tc.Token(ctx)
	if err != nil {
		return Token{}, err
	}
	if c := tc.cur.Load(); c != nil && c.tok.Value == v {
		return c.tok, nil
	}
	return Token{Value: v}, nil
}

// Current returns the token held in memory, if any, without I/O.
func (tc *TokenCache) Current() (Token, bool) {
	if c := tc.cur.Load(); c != nil {
		return c.tok, true
	}
	return Token{}, false
}

// Set stores a token obtained elsewhere (for example an authorizer token
// returned by an authorization exchange) in memory and in the store, and
// forgets any remembered refresh failure.
func (tc *TokenCache) Set(ctx context.Context, t Token) error {
	raw, err := json.Marshal(t)
	if err != nil {
		return err
	}
	tc.cur.Store(&cachedToken{tok: t, raw: raw})
	tc.fail.Store(nil)
	if err := tc.store.Set(ctx, tc.key, raw, ttlUntil(t.ExpiresAt)); err != nil {
		return err
	}
	// A failure other processes remember is over too (best effort).
	_ = tc.storeDelete(ctx, tc.failKey)
	return nil
}

// Invalidate drops token from memory and from the store, but only if it is
// still the current one: a token another goroutine or process already
// replaced is left alone. A token that a forced refresh (see
// TokenOptions.ForceRefreshInterval) brought less than the interval ago is
// kept, and a *ForceLimitedError returned: WeChat rejecting it again is
// answered to the caller without another refresh.
func (tc *TokenCache) Invalidate(ctx context.Context, token string) error {
	if token == "" {
		return nil
	}
	c := tc.cur.Load()
	if k := tc.kept.Load(); k != nil && k.token == token && time.Now().Before(k.until) {
		if c == nil || c.tok.Value != token {
			return nil
		}
		tc.log.LogAttrs(ctx, levelDebug, "wechat token rejected again within the forced refresh interval; not refreshing",
			slog.String("key", tc.key), slog.Time("next_allowed", k.until))
		return &ForceLimitedError{Key: tc.key, Next: k.until}
	}
	tc.rejected.Store(&token)
	if c != nil && c.tok.Value == token {
		tc.cur.CompareAndSwap(c, nil)
	}
	raw, err := tc.storeGet(ctx, tc.key)
	if errors.Is(err, ErrNotFound) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("wechat: invalidate %s: %w", tc.key, err)
	}
	var t Token
	if json.Unmarshal(raw, &t) == nil && t.Value == token {
		if _, err := tc.storeCAD(ctx, tc.key, raw); err != nil {
			return fmt.Errorf("wechat: invalidate %s: %w", tc.key, err)
		}
	}
	return nil
}

func (tc *TokenCache) rejectedToken() string {
	if p := tc.rejected.Load(); p != nil {
		return *p
	}
	return ""
}

// afterRejection is what a refresh without a current token is for: a token
// other than the last rejected one.
func (tc *TokenCache) afterRejection() want {
	rej := tc.rejectedToken()
	return want{stale: rej, rejected: rej != ""}
}

// renewEarly starts a background renewal of a token that is still valid.
// Failures are logged; the current token keeps being served.
func (tc *TokenCache) renewEarly(current string) {
	tc.nextEarly.Store(time.Now().Add(tc.opts.RetryInterval).UnixNano())
	go func() {
		if _, err := tc.refresh(context.Background(), want{stale: current}); err != nil {
			tc.log.LogAttrs(context.Background(), levelWarn, "wechat early token renewal failed; serving the current token", slog.String("key", tc.key), attrErr(err))
		}
	}()
}

// refresh obtains a token other than w.stale, sharing one attempt among all
// concurrent callers. The attempt is not tied to any caller's context, so
// that a caller giving up does not fail the others; it is bounded by
// WaitTimeout. A caller that joined an attempt started for another reason
// and got back the very token it wants replaced starts one attempt of its own.
// While a failed attempt is remembered, no new attempt starts: callers get
// a *BackoffError.
func (tc *TokenCache) refresh(ctx context.Context, w want) (*cachedToken, error) {
	for attempt := 0; ; attempt++ {
		tc.mu.Lock()
		f := tc.inflight
		joined := f != nil
		if !joined {
			if fl := tc.remembered(time.Now()); fl != nil {
				tc.mu.Unlock()
				return nil, fl.backoffError(tc.key)
			}
			f = &flight{done: make(chan struct{})}
			tc.inflight = f
			go tc.runFlight(f, w)
		}
		tc.mu.Unlock()
		select {
		case <-f.done:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
		if !joined || f.err != nil || w.stale == "" || f.tok.tok.Value != w.stale || attempt == 1 {
			return f.tok, f.err
		}
	}
}

func (tc *TokenCache) runFlight(f *flight, w want) {
	ctx, cancel := context.WithTimeout(context.Background(), tc.opts.WaitTimeout)
	defer cancel()
	f.tok, f.err = tc.obtain(ctx, w)
	if f.err == nil {
		tc.cur.Store(f.tok)
		tc.fail.Store(nil)
	}
	tc.mu.Lock()
	tc.inflight = nil
	tc.mu.Unlock()
	close(f.done)
}

// obtain reads the store, and if it holds no usable token, takes the
// cross-process lock and fetches upstream, or waits for the process that
// holds the lock. If the store is down or does not answer within
// StoreTimeout, it fetches directly.
func (tc *TokenCache) obtain(ctx context.Context, w want) (*cachedToken, error) {
	for {
		c, err := tc.load(ctx, w.stale)
		if err != nil {
			return tc.storeDown(ctx, w, err)
		}
		if c != nil {
			return c, nil
		}
		locked, err := tc.storeSetNX(ctx, tc.lockKey, tc.owner, tc.opts.LockTTL)
		if err != nil {
			return tc.storeDown(ctx, w, err)
		}
		if locked {
			return tc.fetchLocked(ctx, w)
		}
		if err := sleepCtx(ctx, tc.opts.PollInterval); err != nil {
			return nil, fmt.Errorf("wechat: timed out waiting for another process to refresh %s", tc.key)
		}
	}
}

// fetchLocked fetches upstream holding the cross-process lock, unless
// another process stored a token meanwhile or remembered a failure whose
// pause is not over. A failure is shared through the store before the lock
// is released, so that the processes waiting for it do not retry at once.
func (tc *TokenCache) fetchLocked(ctx context.Context, w want) (*cachedToken, error) {
	defer tc.storeCAD(context.Background(), tc.lockKey, tc.owner)
	// Another process may have finished between our read and our lock.
	if c, err := tc.load(ctx, w.stale); err == nil && c != nil {
		return c, nil
	}
	prev, active := tc.readFailure(ctx)
	if active {
		tc.fail.Store(prev)
		return nil, prev.backoffError(tc.key)
	}
	c, err := tc.fetchUpstream(ctx, w)
	if err != nil {
		n := 0
		if prev != nil {
			n = prev.n
		}
		tc.writeFailure(ctx, tc.noteFailure(err, n))
		return nil, err
	}
	if err := tc.storeSet(ctx, tc.key, c.raw, ttlUntil(c.tok.ExpiresAt)); err != nil {
		tc.log.LogAttrs(ctx, levelWarn, "wechat token store write failed", slog.String("key", tc.key), attrErr(err))
	}
	if prev != nil || tc.fail.Load() != nil {
		tc.storeDelete(ctx, tc.failKey)
	}
	return c, nil
}

func (tc *TokenCache) storeDown(ctx context.Context, w want, cause error) (*cachedToken, error) {
	tc.log.LogAttrs(ctx, levelWarn, "wechat token store unavailable; fetching without it", slog.String("key", tc.key), attrErr(cause))
	c, err := tc.fetchUpstream(ctx, w)
	if err != nil {
		tc.noteFailure(err, 0)
	}
	return c, err
}

// fetchUpstream calls the FetchFunc: with the client's retries for a first
// attempt, with a single request while the credential is backing off.
func (tc *TokenCache) fetchUpstream(ctx context.Context, w want) (*cachedToken, error) {
	if tc.fail.Load() != nil {
		ctx = context.WithValue(ctx, singleAttemptKey{}, true)
	}
	var gate *forceGate
	if w.rejected {
		gate = &forceGate{tc: tc}
		ctx = context.WithValue(ctx, forceGateKey{}, gate)
	}
	t, err := tc.fetch(ctx, w.rejectedToken())
	if err != nil {
		return nil, err
	}
	if gate != nil && gate.asked {
		tc.kept.Store(&forcedToken{token: t.Value, until: gate.next})
	}
	if t.Value == "" {
		return nil, fmt.Errorf("wechat: refresh %s: empty token", tc.key)
	}
	raw, err := json.Marshal(t)
	if err != nil {
		return nil, err
	}
	return &cachedToken{tok: t, raw: raw}, nil
}

// maxStoredToken bounds a token read from the store.
const maxStoredToken = 8 << 10

// load returns the stored token if it is valid and not stale; (nil, nil) if
// there is none usable. A corrupt or oversized value counts as none.
func (tc *TokenCache) load(ctx context.Context, stale string) (*cachedToken, error) {
	raw, err := tc.storeGet(ctx, tc.key)
	if errors.Is(err, ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var t Token
	if len(raw) > maxStoredToken || json.Unmarshal(raw, &t) != nil {
		tc.log.LogAttrs(ctx, levelWarn, "wechat stored token unreadable; refetching", slog.String("key", tc.key))
		return nil, nil
	}
	if !t.Valid(time.Now(), time.Second) || t.Value == stale {
		return nil, nil
	}
	return &cachedToken{tok: t, raw: raw}, nil
}

// run keeps the token fresh until ctx is done.
func (tc *TokenCache) run(ctx context.Context) {
	for {
		wait := tc.opts.RetryInterval
		c := tc.cur.Load()
		var w want
		switch {
		case c == nil:
			w = tc.afterRejection()
		case !c.tok.Valid(time.Now(), tc.opts.RefreshBefore):
			w = want{stale: c.tok.Value} // due: want a newer one
		}
		if c == nil || w.stale != "" {
			var err error
			c, err = tc.refresh(ctx, w)
			if err != nil {
				tc.log.LogAttrs(ctx, levelWarn, "wechat background token refresh failed", slog.String("key", tc.key), attrErr(err))
				c = nil
			}
		}
		if c != nil {
			if d := time.Until(c.tok.ExpiresAt.Add(-tc.opts.RefreshBefore)); d > wait {
				wait = d
			}
		}
		if sleepCtx(ctx, wait) != nil {
			return
		}
	}
}

func ttlUntil(t time.Time) time.Duration {
	if t.IsZero() {
		return 0
	}
	d := time.Until(t)
	if d < time.Second {
		d = time.Second
	}
	return d
}

// fetchAccessToken gets an access token with the appsecret from the
// configured endpoint.
func (c *Client) fetchAccessToken(ctx context.Context, rejected string) (Token, error) {
	var out struct {
		AccessToken string `json:"access_token"`
		ExpiresIn   int64  `json:"expires_in"`
	}
	get := func(force bool) error {
		if c.endpoint == ClassicToken {
			q := url.Values{"grant_type": {"client_credential"}, "appid": {c.cfg.AppID}, "secret": {c.cfg.AppSecret}}
			return c.Do(ctx, Endpoint{Method: "GET", Path: "/cgi-bin/token", Auth: AuthNone}, q, nil, &out)
		}
		body := map[string]any{"grant_type": "client_credential", "appid": c.cfg.AppID, "secret": c.cfg.AppSecret, "force_refresh": force}
		return c.Do(ctx, Endpoint{Method: "POST", Path: "/cgi-bin/stable_token", Auth: AuthNone}, nil, body, &out)
	}
	if rejected != "" && c.endpoint == ClassicToken {
		// Every classic fetch is a forced refresh.
		if ok, next := forceAllowed(ctx); !ok {
			return Token{Value: rejected, ExpiresAt: next}, nil
		}
	}
	if err := get(false); err != nil {
		return Token{}, err
	}
	if rejected != "" && out.AccessToken == rejected && c.endpoint == StableToken {
		// stable_token returns the same token until it expires; WeChat
		// rejected this one, so force a new one, unless one was forced less
		// than ForceRefreshInterval ago: then the token is kept.
		if ok, _ := forceAllowed(ctx); ok {
			if err := get(true); err != nil {
				return Token{}, err
			}
		}
	}
	return Token{Value: out.AccessToken, ExpiresAt: time.Now().Add(time.Duration(out.ExpiresIn) * time.Second)}, nil
}

// ticketFetcher gets a JS-SDK ticket of the given type (jsapi or wx_card).
// https://developers.weixin.qq.com/doc/offiaccount/OA_Web_Apps/JS-SDK.html#62
func (c *Client) ticketFetcher(typ string) FetchFunc {
	return func(ctx context.Context, _ string) (Token, error) {
		var out struct {
			Ticket    string `json:"ticket"`
			ExpiresIn int64  `json:"expires_in"`
		}
		if err := c.Do(ctx, Endpoint{Method: "GET", Path: "/cgi-bin/ticket/getticket"}, url.Values{"type": {typ}}, nil, &out); err != nil {
			return Token{}, err
		}
		return Token{Value: out.Ticket, ExpiresAt: time.Now().Add(time.Duration(out.ExpiresIn) * time.Second)}, nil
	}
}
