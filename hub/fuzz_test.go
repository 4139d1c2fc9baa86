package hub

import (
	"bytes"
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	wechat "github.com/weixin-go/wechat"
)

type fixedCred struct{ tok wechat.Token }

func (f fixedCred) Fetch(context.Context) (wechat.Token, error) { return f.tok, nil }
func (f fixedCred) Invalidate(context.Context, string) error    { return nil }

const fuzzSecret = "fuzz-shared-hub-secret"

// FuzzServer sends arbitrary requests to the hub: it never panics, answers
// nothing but 401 (or a springboard 404/302) without the secret, and
// redirects only below a registered base URL.
func FuzzServer(f *testing.F) {
	for _, s := range []struct{ method, path, auth, body string }{
		{"GET", "/token/wxapp/access_token", "Bearer " + fuzzSecret, ""},
		{"POST", "/token/wxapp/access_token/invalidate", "Bearer " + fuzzSecret, `{"value":"tok"}`},
		{"PUT", "/oauth2/wxapp/prod", "Bearer " + fuzzSecret, `{"url":"https://evil.example"}`},
		{"GET", "/wxapp/prod/cb/a/b?code=c&state=s", "", ""},
		{"GET", "/wxapp/prod/cb/..%2f..%2fevil?code=c", "", ""},
		{"GET", "/wxapp/1000002/prod/cb//evil.example?code=c", "", ""},
		{"DELETE", "/oauth2/wxapp/prod", "Bearer x", ""},
		{"GET", "/token/wxapp/access_token", "Bearer " + fuzzSecret + "x", ""},
	} {
		f.Add(s.method, s.path, s.auth, []byte(s.body))
	}
	f.Fuzz(func(t *testing.T, method, path, auth string, body []byte) {
		if !validMethod(method) || !strings.HasPrefix(path, "/") {
			return
		}
		u, err := url.ParseRequestURI(path)
		if err != nil {
			return
		}
		s, _ := NewServer(fuzzSecret, WithLogger(slog.New(slog.DiscardHandler)))
		s.Register("wxapp", "access_token", fixedCred{wechat.Token{Value: "tok", ExpiresAt: time.Now().Add(time.Hour)}})
		if err := s.SetOAuth2Env("wxapp", "", "prod", "https://prod.example.com/base"); err != nil {
			t.Fatal(err)
		}
		req := httptest.NewRequest("GET", "http://hub.example/", bytes.NewReader(body))
		req.Method, req.URL, req.RequestURI = method, u, path
		if auth != "" {
			req.Header.Set("Authorization", auth)
		}
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		authorized := auth == "Bearer "+fuzzSecret
		switch {
		case rec.Code == http.StatusFound:
			loc := rec.Header().Get("Location")
			if !strings.HasPrefix(loc, "https://prod.example.com/base/") {
				t.Fatalf("redirect outside the registered base: %q", loc)
			}
			if tu, err := url.Parse(loc); err != nil || tu.Host != "prod.example.com" || strings.Contains(tu.Path, "/../") {
				t.Fatalf("redirect target %q", loc)
			}
		case !authorized && rec.Code != http.StatusUnauthorized && rec.Code != http.StatusNotFound:
			t.Fatalf("unauthenticated %s %s: HTTP %d", method, path, rec.Code)
		}
		if strings.Contains(rec.Body.String(), fuzzSecret) {
			t.Fatal("secret in an answer")
		}
	})
}

func validMethod(m string) bool {
	if m == "" || len(m) > 16 {
		return false
	}
	for i := 0; i < len(m); i++ {
		if m[i] < 'A' || m[i] > 'Z' {
			return false
		}
	}
	return true
}

// FuzzParseAnswer feeds arbitrary hub answers to the Source: it never
// panics and never returns an empty or expired token.
func FuzzParseAnswer(f *testing.F) {
	now := time.Now()
	for _, s := range []string{
		`{"value":"tok","expires_in":7200,"expires_at":` + itoa(now.Add(2*time.Hour).Unix()) + `}`,
		`{"value":"tok","expires_at":` + itoa(now.Add(-time.Hour).Unix()) + `}`,
		`{"value":"tok","expires_in":-5}`, `{"value":""}`, `{"error":"x","retry_after":3}`, `null`, `[]`, ``,
		`{"value":"tok","expires_in":99999999999999}`,
	} {
		f.Add(200, []byte(s), "")
		f.Add(502, []byte(s), "Wed, 02 Dec 2026 17:00:00 GMT")
	}
	f.Fuzz(func(t *testing.T, status int, data []byte, date string) {
		h := http.Header{}
		if date != "" {
			h.Set("Date", date)
			h.Set("Retry-After", date)
		}
		tok, retry, err := parseAnswer(status, h, data, time.Now())
		if err == nil && (tok.Value == "" || !tok.Valid(time.Now(), 0)) {
			t.Fatalf("accepted an unusable token %+v from %q", tok, data)
		}
		if retry < 0 || retry > sourceMaxRetryAfter {
			t.Fatalf("retry %v out of range", retry)
		}
	})
}

func itoa(v int64) string { return strconv.FormatInt(v, 10) }
