package oa_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"testing"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/oa"
)

// newAClient starts a fake WeChat server and returns an oa client on it, for
// the Account, Menu, User, UserTag and UserBlacklist tests.
func newAClient(t testing.TB, opts ...fakewechat.Option) (*fakewechat.Server, *oa.Client) {
	t.Helper()
	srv := fakewechat.NewTestServer(t, opts...)
	c, err := oa.New(wechat.Config{AppID: fakewechat.DefaultAppID, AppSecret: fakewechat.DefaultSecret},
		wechat.WithBaseURL(srv.URL()), wechat.WithStore(wechat.NewMemoryStore()), wechat.WithHTTPClient(srv.Client()),
		wechat.WithRetry(wechat.RetryPolicy{MaxAttempts: 1}))
	if err != nil {
		t.Fatal(err)
	}
	return srv, c
}

// openidA returns the i-th well-formed (28 characters) test openid.
func openidA(i int) string { return fmt.Sprintf("oA_test_follower_%011d", i) }

// addFollowersA subscribes n users openidA(0..n-1) to the default app.
func addFollowersA(srv *fakewechat.Server, n int) []string {
	ids := make([]string, n)
	fs := make([]fakewechat.Follower, n)
	for i := range n {
		ids[i] = openidA(i)
		fs[i] = fakewechat.Follower{OpenID: ids[i], UnionID: "u" + ids[i]}
	}
	srv.AddFollowers(fakewechat.DefaultAppID, fs...)
	return ids
}

// reqA returns the last recorded request of pattern and its JSON body.
func reqA(t testing.TB, srv *fakewechat.Server, pattern string) (fakewechat.RecordedRequest, map[string]any) {
	t.Helper()
	rr, ok := srv.LastRequest(pattern)
	if !ok {
		t.Fatalf("no request recorded for %s", pattern)
	}
	var m map[string]any
	if len(rr.Body) > 0 {
		if err := json.Unmarshal(rr.Body, &m); err != nil {
			t.Fatalf("%s body %q: %v", pattern, rr.Body, err)
		}
	}
	return rr, m
}

// jsonA re-encodes v for comparisons of decoded bodies.
func jsonA(t testing.TB, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// apiCodeA asserts that err is an *wechat.APIError with errcode code.
func apiCodeA(t testing.TB, err error, code int) {
	t.Helper()
	var apiErr *wechat.APIError
	if !errors.As(err, &apiErr) {
		t.Fatalf("err = %v (%T), want *wechat.APIError %d", err, err, code)
	}
	if apiErr.Code != code {
		t.Fatalf("errcode = %d (%v), want %d", apiErr.Code, err, code)
	}
	if apiErr.RID == "" {
		t.Errorf("APIError without rid: %v", err)
	}
}

// argErrA asserts that err is an *oa.InvalidArgumentError about arg and that
// no request reached pattern.
func argErrA(t testing.TB, srv *fakewechat.Server, pattern string, err error, arg string) {
	t.Helper()
	var ae *oa.InvalidArgumentError
	if !errors.As(err, &ae) {
		t.Fatalf("err = %v (%T), want *oa.InvalidArgumentError", err, err)
	}
	if ae.Arg != arg {
		t.Errorf("Arg = %q, want %q (%v)", ae.Arg, arg, err)
	}
	if n := srv.Count(pattern); n != 0 {
		t.Errorf("%d requests sent to %s for an invalid argument", n, pattern)
	}
}

// collectA drains an iterator, stopping after limit items (0: no limit).
func collectA(seq func(func(string, error) bool), limit int) ([]string, error) {
	var out []string
	var err error
	seq(func(s string, e error) bool {
		if e != nil {
			err = e
			return false
		}
		out = append(out, s)
		return limit == 0 || len(out) < limit
	})
	return out, err
}

// rewriteA sends every request to the fake server, keeping path and query,
// so that code calling mp.weixin.qq.com reaches it.
type rewriteA struct {
	base *url.URL
	next http.RoundTripper
}

func (rw rewriteA) RoundTrip(r *http.Request) (*http.Response, error) {
	r2 := r.Clone(r.Context())
	r2.URL.Scheme, r2.URL.Host, r2.Host = rw.base.Scheme, rw.base.Host, rw.base.Host
	return rw.next.RoundTrip(r2)
}

func mpClientA(t testing.TB, srv *fakewechat.Server) *http.Client {
	t.Helper()
	u, err := url.Parse(srv.URL())
	if err != nil {
		t.Fatal(err)
	}
	return &http.Client{Transport: rewriteA{base: u, next: srv.Client().Transport}}
}
