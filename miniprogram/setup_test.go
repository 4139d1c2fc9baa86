package miniprogram_test

import (
	"time"

	"encoding/json"
	"errors"
	"strings"
	"testing"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/miniprogram"
)

// newClient starts a fake WeChat server and returns a mini program client on it.
func newClient(t testing.TB, opts ...fakewechat.Option) (*fakewechat.Server, *miniprogram.Client) {
	t.Helper()
	srv := fakewechat.NewTestServer(t, opts...)
	c, err := miniprogram.New(wechat.Config{AppID: fakewechat.DefaultAppID, AppSecret: fakewechat.DefaultSecret},
		wechat.WithBaseURL(srv.URL()), wechat.WithStore(wechat.NewMemoryStore()), wechat.WithHTTPClient(srv.Client()),
		wechat.WithRetry(wechat.RetryPolicy{MaxAttempts: 1}))
	if err != nil {
		t.Fatal(err)
	}
	return srv, c
}

// last returns the last recorded request of pattern and its JSON body.
func last(t testing.TB, srv *fakewechat.Server, pattern string) (fakewechat.RecordedRequest, map[string]any) {
	t.Helper()
	rr, ok := srv.LastRequest(pattern)
	if !ok {
		t.Fatalf("no request recorded for %s", pattern)
	}
	var m map[string]any
	if len(rr.Body) > 0 && rr.Body[0] == '{' {
		if err := json.Unmarshal(rr.Body, &m); err != nil {
			t.Fatalf("%s body %q: %v", pattern, rr.Body, err)
		}
	}
	return rr, m
}

// asJSON encodes v for comparisons of decoded bodies.
func asJSON(t testing.TB, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// wantAPIError fails unless err is an *wechat.APIError with code.
func wantAPIError(t testing.TB, err error, code int) {
	t.Helper()
	var apiErr *wechat.APIError
	if !errors.As(err, &apiErr) {
		t.Fatalf("err = %v (%T), want *wechat.APIError %d", err, err, code)
	}
	if apiErr.Code != code {
		t.Fatalf("errcode = %d (%v), want %d", apiErr.Code, err, code)
	}
}

// wantArgError fails unless err is an *miniprogram.InvalidArgumentError
// about arg and no request reached the server since before.
func wantArgError(t testing.TB, srv *fakewechat.Server, before int, err error, arg string) {
	t.Helper()
	var ae *miniprogram.InvalidArgumentError
	if !errors.As(err, &ae) {
		t.Fatalf("err = %v (%T), want *miniprogram.InvalidArgumentError", err, err)
	}
	if ae.Arg != arg || !strings.HasPrefix(err.Error(), "miniprogram: invalid "+arg+": ") {
		t.Fatalf("Arg = %q, want %q (%v)", ae.Arg, arg, err)
	}
	if n := len(srv.Requests()); n != before {
		t.Fatalf("%d requests sent for an invalid argument", n-before)
	}
}

// login logs the user openid in through the fake and returns the session.
func login(t testing.TB, srv *fakewechat.Server, c *miniprogram.Client, openid, unionid string) *miniprogram.Session {
	t.Helper()
	s, err := c.Auth.Code2Session(t.Context(), srv.MPLoginCode(fakewechat.DefaultAppID, openid, unionid))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

const testOpenID = "oMpTestUser00000000000000001" // 28 characters, like real openids

// frozenClock is a fake-server clock that does not move, for tests that
// compare a time the server stamps with srv.Now().
func frozenClock() time.Time { return time.Unix(1796292000, 0) }
