package hub_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/hub"
)

// Item 1 through the hub: hub clients hammering during an outage make about
// one upstream request per second, and few requests to the hub.
func TestHubOutageBounded(t *testing.T) {
	s := newSetup(t)
	s.fake.Inject(fakewechat.Fault{Path: "POST /cgi-bin/stable_token", Status: 500})
	const secs = 3
	ctx, cancel := context.WithTimeout(context.Background(), secs*time.Second)
	defer cancel()
	var wg sync.WaitGroup
	var last atomic.Pointer[error]
	for range 100 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for ctx.Err() == nil {
				if err := s.client.Call(ctx, "POST", "/test/echo", nil, map[string]int{}, nil); err != nil && ctx.Err() == nil {
					last.Store(&err)
				}
				time.Sleep(time.Millisecond)
			}
		}()
	}
	wg.Wait()
	if n := s.fake.Count("POST /cgi-bin/stable_token"); n == 0 || n > secs+2 {
		t.Fatalf("upstream token requests = %d in %ds, want 1..%d", n, secs, secs+2)
	}
	if n := s.hubHits.Load(); n > 2*(secs+2) {
		t.Fatalf("requests to the hub = %d in %ds, want at most %d", n, secs, 2*(secs+2))
	}
	var be *wechat.BackoffError
	if p := last.Load(); p == nil || !errors.As(*p, &be) {
		t.Fatalf("last error %v, want a remembered failure", last.Load())
	}
	s.fake.ClearFaults()
	deadline := time.Now().Add(5 * time.Second)
	for {
		if _, err := s.client.AccessToken(context.Background()); err == nil {
			break
		} else if time.Now().After(deadline) {
			t.Fatalf("no recovery: %v", err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// Item 2: invalidations naming the current token are passed on once per
// interval.
func TestHubInvalidateRateLimited(t *testing.T) {
	s := newSetup(t)
	ctx := context.Background()
	src := hub.NewSource(s.hub.URL+"/hub", secret, fakewechat.DefaultAppID, wechat.KeyAccessToken)
	if _, err := src.Token(ctx); err != nil {
		t.Fatal(err)
	}
	before := s.fake.Count("POST /cgi-bin/stable_token")
	for range 40 {
		tok, err := src.Token(ctx)
		if err != nil {
			t.Fatal(err)
		}
		req, _ := http.NewRequest("POST", s.hub.URL+"/hub/token/"+fakewechat.DefaultAppID+"/access_token/invalidate", strings.NewReader(`{"value":"`+tok+`"}`))
		req.Header.Set("Authorization", "Bearer "+secret)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != 200 {
			t.Fatalf("invalidate: HTTP %d", resp.StatusCode)
		}
	}
	if n := s.fake.Count("POST /cgi-bin/stable_token") - before; n > 2 {
		t.Fatalf("40 invalidations made %d upstream token requests, want at most 2 (one forced refresh)", n)
	}
}

// stubHub answers like a hub whose clock is off by skew.
func stubHub(t *testing.T, skew time.Duration, withExpiresIn bool, life time.Duration) (*httptest.Server, *atomic.Int64) {
	var hits atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		hubNow := time.Now().Add(skew)
		w.Header().Set("Date", hubNow.UTC().Format(http.TimeFormat))
		w.Header().Set("Content-Type", "application/json")
		body := fmt.Sprintf(`{"value":"tok","expires_at":%d`, hubNow.Add(life).Unix())
		if withExpiresIn {
			body += fmt.Sprintf(`,"expires_in":%d`, int(life/time.Second))
		}
		io.WriteString(w, body+"}")
	}))
	t.Cleanup(srv.Close)
	return srv, &hits
}

// Item 8: a skewed clock neither makes a request per call nor yields an
// expired token.
func TestSourceClockSkew(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		name      string
		expiresIn bool
	}{{"expires_in", true}, {"old hub, Date header", false}} {
		t.Run(tc.name, func(t *testing.T) {
			// The hub's clock is 3 hours behind: its absolute expiry is in
			// the client's past.
			srv, hits := stubHub(t, -3*time.Hour, tc.expiresIn, 2*time.Hour)
			src := hub.NewSource(srv.URL, secret, "wx", "access_token")
			for range 50 {
				tok, err := src.Fetch(ctx)
				if err != nil || !tok.Valid(time.Now(), time.Hour) {
					t.Fatalf("token %v, %v", tok, err)
				}
			}
			if n := hits.Load(); n != 1 {
				t.Fatalf("hub requests = %d, want 1", n)
			}
		})
	}
	// An answer already expired is an error, never a token.
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, fmt.Sprintf(`{"value":"tok","expires_at":%d}`, time.Now().Add(-time.Minute).Unix()))
	}))
	defer srv.Close()
	src := hub.NewSource(srv.URL, secret, "wx", "access_token")
	if tok, err := src.Fetch(ctx); err == nil {
		t.Fatalf("expired token returned: %v", tok)
	}
	// A token about to expire is served without a hub request per call.
	near, hits := stubHub(t, 0, true, 10*time.Second)
	src = hub.NewSource(near.URL, secret, "wx", "access_token")
	for range 50 {
		if _, err := src.Fetch(ctx); err != nil {
			t.Fatal(err)
		}
	}
	if n := hits.Load(); n > 2 {
		t.Fatalf("hub requests for a token within the margin = %d, want at most 2", n)
	}
}

// Item 9: the secret comparison does not depend on the length, and
// rejections are logged without what was sent.
func TestHubSecretAndRejectionLog(t *testing.T) {
	var logs bytes.Buffer
	h, err := hub.NewServer(secret, hub.WithLogger(slog.New(slog.NewTextHandler(&logs, nil))))
	if err != nil {
		t.Fatal(err)
	}
	for _, auth := range []string{"", "Bearer ", "Bearer " + secret[:len(secret)-1], "Bearer " + secret + "x", "Basic " + secret, "Bearer " + strings.ToUpper(secret)} {
		req := httptest.NewRequest("GET", "/token/wx/access_token", nil)
		if auth != "" {
			req.Header.Set("Authorization", auth)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != http.StatusUnauthorized {
			t.Fatalf("%q: HTTP %d", auth, rec.Code)
		}
	}
	if n := strings.Count(logs.String(), "rejected request"); n != 6 {
		t.Fatalf("%d rejections logged, want 6:\n%s", n, logs.String())
	}
	if strings.Contains(strings.ToLower(logs.String()), secret[:10]) {
		t.Fatal("the secret reached the log")
	}
	hs := hub.NewHTTPServer(":0", h)
	if hs.ReadHeaderTimeout <= 0 || hs.ReadTimeout <= 0 || hs.WriteTimeout <= 0 || hs.IdleTimeout <= 0 {
		t.Fatalf("server without timeouts: %+v", hs)
	}
}

func authed(method, target, body string) *http.Request {
	req := httptest.NewRequest(method, target, strings.NewReader(body))
	req.Header.Set("Authorization", "Bearer "+secret)
	return req
}

// Item 12b: the springboard forwards only to registered environments.
func TestSpringboard(t *testing.T) {
	h, _ := hub.NewServer(secret, hub.WithLogger(slog.New(slog.DiscardHandler)))
	do := func(req *http.Request) *httptest.ResponseRecorder {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec
	}
	// Registration needs the secret and a clean base URL.
	if rec := do(httptest.NewRequest("PUT", "/oauth2/wxapp/prod", strings.NewReader(`{"url":"https://prod.example.com"}`))); rec.Code != 401 {
		t.Fatalf("unauthenticated registration: HTTP %d", rec.Code)
	}
	for _, bad := range []string{"javascript:alert(1)", "//evil.example", "https://u:p@evil.example", "https://x.example/?a=1", "ftp://x.example", ""} {
		if rec := do(authed("PUT", "/oauth2/wxapp/prod", `{"url":"`+bad+`"}`)); rec.Code != 400 {
			t.Fatalf("base URL %q accepted: HTTP %d", bad, rec.Code)
		}
	}
	if rec := do(authed("PUT", "/oauth2/wxapp/prod", `{"url":"https://prod.example.com/app/"}`)); rec.Code != 200 {
		t.Fatalf("register: HTTP %d %s", rec.Code, rec.Body)
	}
	if err := h.SetOAuth2Env("wwcorp", "1000002", "staging", "https://staging.example.com"); err != nil {
		t.Fatal(err)
	}
	if rec := do(authed("GET", "/oauth2/wxapp", "")); !strings.Contains(rec.Body.String(), `"prod":"https://prod.example.com/app"`) {
		t.Fatalf("list: %s", rec.Body)
	}
	cases := []struct {
		path, want string
	}{
		{"/wxapp/prod/cb/orders/42?code=C&state=S", "https://prod.example.com/app/orders/42?code=C&state=S"},
		{"/wxapp/prod/cb/?code=C", "https://prod.example.com/app/?code=C"},
		{"/wxapp/prod/cb?code=C", "https://prod.example.com/app/?code=C"},
		{"/wwcorp/1000002/staging/cb/me?code=C&state=S", "https://staging.example.com/me?code=C&state=S"},
		{"/wxapp/prod/cb/a%20b?code=C", "https://prod.example.com/app/a%20b?code=C"},
		// Refused: unknown environment, no code, escapes.
		{"/wxapp/dev/cb/x?code=C", ""},
		{"/wxapp/prod/cb/x", ""},
		{"/wxapp/prod/cb/../../x?code=C", ""},
		{"/wxapp/prod/cb//evil.example/x?code=C", ""},
		{"/wxapp/prod/cb/%2F%2Fevil.example?code=C", ""},
		{"/wxapp/prod/cb/%2e%2e/x?code=C", ""},
		{"/wxapp/prod/cb/a%5C..%5Cb?code=C", ""},
		{"/wxapp/prod/cb/a%00b?code=C", ""},
		{"/wxapp/%2e%2e/cb/x?code=C", ""},
		{"/wwcorp/1000002/prod/cb/x?code=C", ""},
	}
	for _, c := range cases {
		req := httptest.NewRequest("GET", "http://hub.example.com/", nil)
		u, err := url.ParseRequestURI(c.path) // as the server parses it: no dot removal
		if err != nil {
			t.Fatal(err)
		}
		req.URL = u
		req.RequestURI = c.path
		rec := do(req)
		loc := rec.Header().Get("Location")
		if c.want == "" {
			if rec.Code != 404 || loc != "" {
				t.Errorf("%s: HTTP %d Location %q, want 404", c.path, rec.Code, loc)
			}
			continue
		}
		if rec.Code != http.StatusFound || loc != c.want {
			t.Errorf("%s: HTTP %d Location %q, want %q", c.path, rec.Code, loc, c.want)
		}
	}
	if rec := do(authed("DELETE", "/oauth2/wxapp/prod", "")); rec.Code != 200 {
		t.Fatalf("delete: HTTP %d", rec.Code)
	}
	if rec := do(httptest.NewRequest("GET", "/wxapp/prod/cb/x?code=C", nil)); rec.Code != 404 {
		t.Fatalf("after delete: HTTP %d", rec.Code)
	}
	if got := hub.SpringboardURL("https://hub.example.com/", "wxapp", "", "prod"); got != "https://hub.example.com/wxapp/prod/cb" {
		t.Fatalf("SpringboardURL = %q", got)
	}
}
