package work_test

import (
	"time"

	"encoding/json"
	"errors"
	"testing"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/work"
)

// newBAgent starts a fake server and returns it with the default agent.
func newBAgent(t testing.TB, opts ...fakewechat.Option) (*fakewechat.Server, *work.AgentClient) {
	t.Helper()
	srv := fakewechat.NewTestServer(t, opts...)
	c, err := work.New(work.Config{CorpID: fakewechat.DefaultCorpID, Agents: []work.Agent{{ID: fakewechat.DefaultAgentID, Name: "bot", Secret: fakewechat.DefaultAgentSecret}}},
		wechat.WithBaseURL(srv.URL()+fakewechat.WeComPrefix), wechat.WithStore(wechat.NewMemoryStore()), wechat.WithHTTPClient(srv.Client()))
	if err != nil {
		t.Fatal(err)
	}
	a, _ := c.Agent("bot")
	return srv, a
}

// bodyB returns the JSON body of the last request to the WeCom route pattern.
func bodyB(t testing.TB, srv *fakewechat.Server, pattern string) map[string]any {
	t.Helper()
	rr, ok := srv.LastRequest(fakewechat.WeComPath(pattern))
	if !ok {
		t.Fatalf("no request for %s", pattern)
	}
	var m map[string]any
	if err := json.Unmarshal(rr.Body, &m); err != nil {
		t.Fatalf("%s body %q: %v", pattern, rr.Body, err)
	}
	return m
}

// rawB returns the raw JSON body of the last request to pattern.
func rawB(t testing.TB, srv *fakewechat.Server, pattern string) string {
	t.Helper()
	rr, ok := srv.LastRequest(fakewechat.WeComPath(pattern))
	if !ok {
		t.Fatalf("no request for %s", pattern)
	}
	return string(rr.Body)
}

// apiCodeB fails unless err is a *wechat.APIError with code.
func apiCodeB(t testing.TB, err error, code int) {
	t.Helper()
	var apiErr *wechat.APIError
	if !errors.As(err, &apiErr) || apiErr.Code != code {
		t.Fatalf("err = %v, want errcode %d", err, code)
	}
}

// paramErrB fails unless err is a *work.ParamError about param and no
// request was sent for it.
func paramErrB(t testing.TB, srv *fakewechat.Server, before int, err error, param string) {
	t.Helper()
	var pe *work.ParamError
	if !errors.As(err, &pe) || pe.Arg != param {
		t.Fatalf("err = %v, want ParamError %q", err, param)
	}
	if n := len(srv.Requests()); n != before {
		t.Fatalf("%d requests sent for an invalid argument", n-before)
	}
}

func mustB[T any](t testing.TB) func(T, error) T {
	return func(v T, err error) T {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
}

// frozenClock is a fake-server clock that does not move, for tests that
// compare a time the server stamps with srv.Now().
func frozenClock() time.Time { return time.Unix(1796292000, 0) }
