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
	"strings"
	"sync"
	"time"

	wechat "github.com/weixin-go/wechat"
)

// Source is a wechat.TokenSource that reads a credential from a hub. Give it
// to a client with wechat.WithTokenSource: the client then never calls
// WeChat for tokens. Tokens are kept in memory until shortly before expiry;
// concurrent callers share one request to the hub.
type Source struct {
	url, secret string
	http        *http.Client
	margin      time.Duration

	mu       sync.Mutex
	cur      wechat.Token
	inflight chan struct{}
	err      error
}

// SourceOption configures a Source.
type SourceOption func(*Source)

// WithHTTPClient sets the HTTP client used to reach the hub.
func WithHTTPClient(h *http.Client) SourceOption { return func(s *Source) { s.http = h } }

// WithMargin sets how long before expiry a token is fetched again (default 60s).
func WithMargin(d time.Duration) SourceOption { return func(s *Source) { s.margin = d } }

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
		s.mu.Lock()
		if s.cur.Valid(time.Now(), s.margin) {
			t := s.cur
			s.mu.Unlock()
			return t, nil
		}
		ch := s.inflight
		if ch == nil {
			ch = make(chan struct{})
			s.inflight = ch
			s.mu.Unlock()
			t, err := s.get(ctx, http.MethodGet, "", nil)
			s.finish(ch, t, err)
			return t, err
		}
		s.mu.Unlock()
		select {
		case <-ch:
		case <-ctx.Done():
			return wechat.Token{}, ctx.Err()
		}
		s.mu.Lock()
		err := s.err
		s.mu.Unlock()
		if err != nil {
			return wechat.Token{}, err
		}
	}
}

func (s *Source) finish(ch chan struct{}, t wechat.Token, err error) {
	s.mu.Lock()
	if err == nil {
		s.cur = t
	}
	s.err = err
	s.inflight = nil
	s.mu.Unlock()
	close(ch)
}

// Invalidate implements wechat.TokenSource: it drops token if it is the
// current one and asks the hub to replace it (the hub does so only if it
// still holds that token), keeping the hub's answer.
func (s *Source) Invalidate(ctx context.Context, token string) error {
	s.mu.Lock()
	if s.cur.Value != token {
		s.mu.Unlock()
		return nil
	}
	s.cur = wechat.Token{}
	s.mu.Unlock()
	body, _ := json.Marshal(tokenBody{Value: token})
	t, err := s.get(ctx, http.MethodPost, "/invalidate", body)
	if err != nil {
		return err
	}
	s.mu.Lock()
	if !s.cur.Valid(time.Now(), 0) {
		s.cur = t
	}
	s.mu.Unlock()
	return nil
}

func (s *Source) get(ctx context.Context, method, suffix string, body []byte) (wechat.Token, error) {
	var rd io.Reader
	if body != nil {
		rd = bytes.NewReader(body)
	}
	req, err := http.NewRequestWithContext(ctx, method, s.url+suffix, rd)
	if err != nil {
		return wechat.Token{}, fmt.Errorf("hub: %w", err)
	}
	req.Header.Set("Authorization", "Bearer "+s.secret)
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := s.http.Do(req)
	if err != nil {
		return wechat.Token{}, fmt.Errorf("hub: %w", err) // the secret is in a header, never in the URL
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
	if err != nil {
		return wechat.Token{}, fmt.Errorf("hub: read answer: %w", err)
	}
	if resp.StatusCode != http.StatusOK {
		var e errorBody
		json.Unmarshal(data, &e)
		return wechat.Token{}, fmt.Errorf("hub: HTTP %d: %s", resp.StatusCode, e.Error)
	}
	var tb tokenBody
	if err := json.Unmarshal(data, &tb); err != nil || tb.Value == "" {
		return wechat.Token{}, errors.New("hub: malformed answer")
	}
	t := wechat.Token{Value: tb.Value}
	if tb.ExpiresAt != 0 {
		t.ExpiresAt = time.Unix(tb.ExpiresAt, 0)
	}
	return t, nil
}
