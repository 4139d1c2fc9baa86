package hub

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	wechat "github.com/weixin-go/wechat"
)

// Source is a wechat.TokenSource that reads a credential from a hub. Give it
// to a client with wechat.WithTokenSource: the client then never calls
// WeChat for tokens. Tokens are kept in memory until shortly before expiry;
// concurrent callers share one request to the hub.
//
// Lifetimes are taken from the hub's expires_in (relative, so a skewed
// clock on either side does not matter), and an expired token is never
// returned. A failed request to the hub is remembered: until the next
// attempt is due (from 1s doubling to 30s, or the hub's Retry-After),
// callers get a *wechat.BackoffError wrapping the failure.
type Source struct {
	url, secret string
	http        *http.Client
	margin      time.Duration

	mu       sync.Mutex
	cur      wechat.Token
	inflight chan struct{}
	err      error     // last failure, nil after a success
	fails    int       // consecutive failures
	next     time.Time // no request to the hub before, unless the token is unusable
	kept     string    // token the hub answered to an invalidation of itself
	keptTill time.Time
}

// SourceOption configures a Source.
type SourceOption func(*Source)

// WithHTTPClient sets the HTTP client used to reach the hub.
func WithHTTPClient(h *http.Client) SourceOption { return func(s *Source) { s.http = h } }

// WithMargin sets how long before expiry a token is fetched again (default 60s).
func WithMargin(d time.Duration) SourceOption { return func(s *Source) { s.margin = d } }

// Backoff of a Source after failed requests to the hub.
const (
	sourceMinBackoff = time.Second
	sourceMaxBackoff = 30 * time.Second
	// sourceMaxRetryAfter bounds the pause a hub may ask for.
	sourceMaxRetryAfter = 10 * time.Minute
	// sourceKeep is how long a token the hub answered to its own
	// invalidation is kept without asking the hub again.
	sourceKeep = 30 * time.Second
)

// NewSource returns a Source for credential name (such as
// wechat.KeyAccessToken) of appID, served by the hub at baseURL.
func NewSource(baseURL, secret, appID, name string, opts ...SourceOption) *Source {
	s := &Source{
		url:    strings.TrimRight(baseURL, "/") + "/token/" + url.PathEscape(appID) + "/" + url.PathEscape(name),
		secret: secret, http: &http.Client{Timeout: 30 * time.Second}, margin: time.Minute,
	}
	for _, o := range opts {
		o(s)
	}
	return s
}

// Token implements wechat.TokenSource.
func (s *Source) Token(ctx context.Context) (string, error) {
	t, err := s.Fetch(ctx)
	return t.Value, err
}

// Fetch returns the token with its expiry.
func (s *Source) Fetch(ctx context.Context) (wechat.Token, error) {
	for {
		now := time.Now()
		s.mu.Lock()
		usable := s.cur.Valid(now, time.Second)
		if usable && (s.cur.Valid(now, s.margin) || now.Before(s.next)) {
			// Fresh, or due for renewal while the hub cannot give a
			// fresher one yet: serve it.
			t := s.cur
			s.mu.Unlock()
			return t, nil
		}
		if !usable && s.err != nil && now.Before(s.next) {
			be := &wechat.BackoffError{Key: "hub " + s.url, Err: s.err, Next: s.next}
			s.mu.Unlock()
			return wechat.Token{}, be
		}
		ch := s.inflight
		if ch == nil {
			ch = make(chan struct{})
			s.inflight = ch
			cur := s.cur
			s.mu.Unlock()
			t, retryAfter, err := s.get(ctx, http.MethodGet, "", nil)
			s.finish(ch, t, retryAfter, err)
			if err != nil && usable && ctx.Err() == nil {
				return cur, nil // serve the current token while it lasts
			}
			return t, err
		}
		s.mu.Unlock()
		select {
		case <-ch: // then serve what the flight left, or its remembered failure
		case <-ctx.Done():
			return wechat.Token{}, ctx.Err()
		}
	}
}

func (s *Source) finish(ch chan struct{}, t wechat.Token, retryAfter time.Duration, err error) {
	now := time.Now()
	s.mu.Lock()
	switch {
	case err == nil:
		s.cur, s.err, s.fails = t, nil, 0
		s.next = time.Time{}
		if !t.Valid(now, s.margin) {
			// Already within the margin: ask again in a while, not on
			// every call.
			s.next = now.Add(sourceMinBackoff)
		}
	case errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded):
		// The caller gave up: not the hub's failure.
	default:
		s.err = err
		s.fails++
		d := sourceMinBackoff << min(s.fails-1, 5)
		d = max(min(d, sourceMaxBackoff), min(retryAfter, sourceMaxRetryAfter))
		s.next = now.Add(d)
	}
	s.inflight = nil
	s.mu.Unlock()
	close(ch)
}

// Invalidate implements wechat.TokenSource: it drops token if it is the
// current one and asks the hub to replace it (the hub does so only if it
// still holds that token, at most once per its invalidate interval),
// keeping the hub's answer. When the hub answers the very token again, it
// is kept for 30s without asking the hub again.
func (s *Source) Invalidate(ctx context.Context, token string) error {
	now := time.Now()
	s.mu.Lock()
	if s.cur.Value != token || (s.kept == token && now.Before(s.keptTill)) {
		s.mu.Unlock()
		return nil
	}
	s.cur = wechat.Token{}
	s.mu.Unlock()
	body, _ := json.Marshal(tokenBody{Value: token})
	t, _, err := s.get(ctx, http.MethodPost, "/invalidate", body)
	if err != nil {
		return err
	}
	s.mu.Lock()
	if !s.cur.Valid(time.Now(), 0) {
		s.cur = t
	}
	if t.Value == token {
		s.kept, s.keptTill = token, time.Now().Add(sourceKeep)
	}
	s.mu.Unlock()
	return nil
}

// maxHubAnswer bounds an answer read from the hub.
const maxHubAnswer = 64 << 10

func (s *Source) get(ctx context.Context, method, suffix string, body []byte) (wechat.Token, time.Duration, error) {
	var rd io.Reader
	if body != nil {
		rd = bytes.NewReader(body)
	}
	req, err := http.NewRequestWithContext(ctx, method, s.url+suffix, rd)
	if err != nil {
		return wechat.Token{}, 0, fmt.Errorf("hub: %w", err)
	}
	req.Header.Set("Authorization", "Bearer "+s.secret)
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	start := time.Now()
	resp, err := s.http.Do(req)
	if err != nil {
		return wechat.Token{}, 0, fmt.Errorf("hub: %w", err) // the secret is in a header, never in the URL
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, maxHubAnswer))
	if err != nil {
		return wechat.Token{}, 0, fmt.Errorf("hub: read answer: %w", err)
	}
	t, retryAfter, err := parseAnswer(resp.StatusCode, resp.Header, data, start)
	return t, retryAfter, err
}

// parseAnswer turns a hub answer, received for a request sent at start
// (local clock), into a token, or an error with the pause the hub asked for.
func parseAnswer(status int, h http.Header, data []byte, start time.Time) (wechat.Token, time.Duration, error) {
	if status != http.StatusOK {
		var e errorBody
		json.Unmarshal(data, &e)
		retry := time.Duration(0)
		if e.RetryAfter > 0 && e.RetryAfter < int64(sourceMaxRetryAfter/time.Second) {
			retry = time.Duration(e.RetryAfter) * time.Second
		} else if v, err := strconv.ParseInt(h.Get("Retry-After"), 10, 64); err == nil && v > 0 && v < int64(sourceMaxRetryAfter/time.Second) {
			retry = time.Duration(v) * time.Second
		}
		msg := e.Error
		if len(msg) > 512 {
			msg = msg[:512]
		}
		return wechat.Token{}, retry, fmt.Errorf("hub: HTTP %d: %s", status, msg)
	}
	var tb tokenBody
	if err := json.Unmarshal(data, &tb); err != nil || tb.Value == "" {
		return wechat.Token{}, 0, errors.New("hub: malformed answer")
	}
	t := wechat.Token{Value: tb.Value}
	const maxLife = 30 * 24 * time.Hour
	switch {
	case tb.ExpiresIn < 0 || tb.ExpiresIn > int64(maxLife/time.Second):
		return wechat.Token{}, 0, errors.New("hub: malformed answer (expires_in)")
	case tb.ExpiresIn > 0:
		// Relative to the answer: immune to clock skew. Counted from when
		// the request was sent, so a slow answer errs on the safe side.
		t.ExpiresAt = start.Add(time.Duration(tb.ExpiresIn) * time.Second)
	case tb.ExpiresAt != 0:
		// An older hub: correct its absolute expiry by the skew its Date
		// header shows.
		exp := time.Unix(tb.ExpiresAt, 0)
		if d, err := http.ParseTime(h.Get("Date")); err == nil {
			exp = start.Add(exp.Sub(d))
		}
		if exp.Sub(start) > maxLife {
			return wechat.Token{}, 0, errors.New("hub: malformed answer (expires_at)")
		}
		t.ExpiresAt = exp
	}
	if !t.Valid(time.Now(), 0) {
		return wechat.Token{}, 0, errors.New("hub: the hub served an expired token")
	}
	return t, 0, nil
}
