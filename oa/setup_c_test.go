package oa_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"iter"
	"testing"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/oa"
)

// newCClient starts a fake WeChat server and returns an oa client on it, for
// the DraftBox, Publish, BatchSends, Comment, CustomService,
// SubscribeMessage, WebPage and POI tests.
func newCClient(t testing.TB, opts ...fakewechat.Option) (*fakewechat.Server, *oa.Client) {
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

// reqC returns the last recorded request of pattern and its JSON body.
func reqC(t testing.TB, srv *fakewechat.Server, pattern string) (fakewechat.RecordedRequest, map[string]any) {
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

// jsonC encodes v, for comparisons of decoded bodies.
func jsonC(t testing.TB, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// apiCodeC asserts that err is an *wechat.APIError with errcode code.
func apiCodeC(t testing.TB, err error, code int) {
	t.Helper()
	var apiErr *wechat.APIError
	if !errors.As(err, &apiErr) {
		t.Fatalf("err = %v (%T), want *wechat.APIError %d", err, err, code)
	}
	if apiErr.Code != code {
		t.Fatalf("errcode = %d (%v), want %d", apiErr.Code, err, code)
	}
}

// argErrC asserts that err is an *oa.InvalidArgumentError about arg and that
// no request reached pattern.
func argErrC(t testing.TB, srv *fakewechat.Server, pattern string, err error, arg string) {
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

// drainC collects an iterator, stopping after limit items (0: no limit).
func drainC[T any](seq iter.Seq2[T, error], limit int) ([]T, error) {
	var out []T
	for v, err := range seq {
		if err != nil {
			return out, err
		}
		out = append(out, v)
		if limit > 0 && len(out) == limit {
			break
		}
	}
	return out, nil
}

// thumbC uploads a permanent thumb material and returns its media_id.
func thumbC(t testing.TB, c *oa.Client) string {
	t.Helper()
	m, err := c.Material.Add(context.Background(), oa.MediaThumb, "cover.jpg", bytes.NewReader([]byte{0xff, 0xd8, 0xff, 0xe0, 1, 2, 3}))
	if err != nil {
		t.Fatal(err)
	}
	return m.MediaID
}

// articleC returns a valid draft article with cover thumb.
func articleC(title, thumb string) *oa.DraftArticle {
	return &oa.DraftArticle{Title: title, Author: "Ada", Digest: "digest of " + title, Content: "<p>" + title + "</p>",
		ThumbMediaID: thumb, NeedOpenComment: 1}
}

// followersC subscribes n users to the default app and returns their openids.
func followersC(srv *fakewechat.Server, n int) []string {
	ids := make([]string, n)
	fs := make([]fakewechat.Follower, n)
	for i := range n {
		ids[i] = fmt.Sprintf("oC_test_follower_%011d", i)
		fs[i] = fakewechat.Follower{OpenID: ids[i]}
	}
	srv.AddFollowers(fakewechat.DefaultAppID, fs...)
	return ids
}

// newsC adds a permanent news material of the given titles (comments open)
// and returns its media_id.
func newsC(t testing.TB, c *oa.Client, titles ...string) string {
	t.Helper()
	thumb := thumbC(t, c)
	arts := make([]oa.MaterialArticle, len(titles))
	for i, title := range titles {
		arts[i] = oa.MaterialArticle{Title: title, ThumbMediaID: thumb, Content: "<p>" + title + "</p>", NeedOpenComment: 1}
	}
	id, err := c.Material.AddNews(context.Background(), arts)
	if err != nil {
		t.Fatal(err)
	}
	return id
}
