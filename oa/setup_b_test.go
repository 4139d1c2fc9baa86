package oa_test

import (
	"encoding/json"
	"errors"
	"testing"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/oa"
)

// openidB is a well-formed openid (28 characters) for the Template,
// CustomMessage and Material tests.
const openidB = "oAbCdEfGhIjKlMnOpQrStUvWx123"

// newBClient starts a fake WeChat server and returns an oa client on it.
func newBClient(t testing.TB) (*fakewechat.Server, *oa.Client) {
	t.Helper()
	srv := fakewechat.NewTestServer(t)
	c, err := oa.New(wechat.Config{AppID: fakewechat.DefaultAppID, AppSecret: fakewechat.DefaultSecret},
		wechat.WithBaseURL(srv.URL()), wechat.WithStore(wechat.NewMemoryStore()), wechat.WithHTTPClient(srv.Client()))
	if err != nil {
		t.Fatal(err)
	}
	return srv, c
}

// lastBody returns the JSON body of the last request to pattern, decoded.
func lastBody(t testing.TB, srv *fakewechat.Server, pattern string) map[string]any {
	t.Helper()
	rr, ok := srv.LastRequest(pattern)
	if !ok {
		t.Fatalf("no request recorded for %s", pattern)
	}
	var m map[string]any
	if err := json.Unmarshal(rr.Body, &m); err != nil {
		t.Fatalf("%s body %q: %v", pattern, rr.Body, err)
	}
	return m
}

// lastJSON returns the raw JSON body of the last request to pattern.
func lastJSON(t testing.TB, srv *fakewechat.Server, pattern string) string {
	t.Helper()
	rr, ok := srv.LastRequest(pattern)
	if !ok {
		t.Fatalf("no request recorded for %s", pattern)
	}
	return string(rr.Body)
}

// wantAPIError fails unless err is an *wechat.APIError with code.
func wantAPIError(t testing.TB, err error, code int) {
	t.Helper()
	var apiErr *wechat.APIError
	if !errors.As(err, &apiErr) {
		t.Fatalf("err = %v, want *wechat.APIError %d", err, code)
	}
	if apiErr.Code != code {
		t.Fatalf("errcode = %d (%s), want %d", apiErr.Code, apiErr.Message, code)
	}
}

// wantArgError fails unless err is an *oa.InvalidArgumentError about arg
// and no request reached the server since before.
func wantArgError(t testing.TB, srv *fakewechat.Server, before int, err error, arg string) {
	t.Helper()
	var argErr *oa.InvalidArgumentError
	if !errors.As(err, &argErr) {
		t.Fatalf("err = %v, want *oa.InvalidArgumentError", err)
	}
	if argErr.Arg != arg {
		t.Fatalf("InvalidArgumentError.Arg = %q, want %q", argErr.Arg, arg)
	}
	if n := len(srv.Requests()); n != before {
		t.Fatalf("%d requests sent for an invalid argument", n-before)
	}
}
