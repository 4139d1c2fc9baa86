package channels_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/channels"
	"github.com/weixin-go/wechat/fakewechat"
)

// newClient starts a fake WeChat server and returns a shop client on it.
func newClient(t testing.TB) (*fakewechat.Server, *channels.Client) {
	t.Helper()
	srv := fakewechat.NewTestServer(t)
	c, err := channels.New(wechat.Config{AppID: fakewechat.DefaultAppID, AppSecret: fakewechat.DefaultSecret},
		wechat.WithBaseURL(srv.URL()), wechat.WithStore(wechat.NewMemoryStore()), wechat.WithHTTPClient(srv.Client()),
		wechat.WithRetry(wechat.RetryPolicy{MaxAttempts: 1}))
	if err != nil {
		t.Fatal(err)
	}
	return srv, c
}

// lastBody returns the raw body of the last request of pattern.
func lastBody(t testing.TB, srv *fakewechat.Server, pattern string) string {
	t.Helper()
	rr, ok := srv.LastRequest(pattern)
	if !ok {
		t.Fatalf("no request recorded for %s", pattern)
	}
	return string(rr.Body)
}

// asMap decodes a JSON object.
func asMap(t testing.TB, s string) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal([]byte(s), &m); err != nil {
		t.Fatalf("%q: %v", s, err)
	}
	return m
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

// wantArgError fails unless err is an *channels.InvalidArgumentError about
// arg and no request reached the server since before.
func wantArgError(t testing.TB, srv *fakewechat.Server, before int, err error, arg string) {
	t.Helper()
	var ae *channels.InvalidArgumentError
	if !errors.As(err, &ae) {
		t.Fatalf("err = %v (%T), want *channels.InvalidArgumentError", err, err)
	}
	if ae.Arg != arg || !strings.HasPrefix(err.Error(), "channels: invalid "+arg+": ") {
		t.Fatalf("Arg = %q, want %q (%v)", ae.Arg, arg, err)
	}
	if n := len(srv.Requests()); n != before {
		t.Fatalf("%d requests sent for an invalid argument", n-before)
	}
}
