package work_test

import (
	"context"
	"encoding/json"
	"errors"
	"strconv"
	"testing"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/work"
)

// botA returns a fake server and the default agent of the default corp.
func botA(t *testing.T, opts ...fakewechat.Option) (*fakewechat.Server, *work.AgentClient) {
	t.Helper()
	srv := fakewechat.NewTestServer(t, opts...)
	return srv, agentA(t, srv, work.Agent{ID: fakewechat.DefaultAgentID, Name: "bot", Secret: fakewechat.DefaultAgentSecret})
}

// agentA builds a corp client with agent a on srv and returns the agent.
func agentA(t testing.TB, srv *fakewechat.Server, a work.Agent) *work.AgentClient {
	t.Helper()
	c, err := work.New(work.Config{CorpID: fakewechat.DefaultCorpID, Agents: []work.Agent{a}},
		wechat.WithBaseURL(srv.URL()+fakewechat.WeComPrefix), wechat.WithStore(wechat.NewMemoryStore()), wechat.WithHTTPClient(srv.Client()))
	if err != nil {
		t.Fatal(err)
	}
	ac, ok := c.Agent(a.Name)
	if !ok {
		t.Fatal("agent missing")
	}
	return ac
}

// lastBodyA returns the JSON body of the last request to pattern (a WeCom
// path such as "POST /cgi-bin/message/send").
func lastBodyA(t *testing.T, srv *fakewechat.Server, pattern string) map[string]any {
	t.Helper()
	rec, ok := srv.LastRequest(fakewechat.WeComPath(pattern))
	if !ok {
		t.Fatalf("no request %s", pattern)
	}
	var m map[string]any
	if err := json.Unmarshal(rec.Body, &m); err != nil {
		t.Fatalf("%s body %q: %v", pattern, rec.Body, err)
	}
	return m
}

// lastQueryA returns a query parameter of the last request to pattern.
func lastQueryA(t *testing.T, srv *fakewechat.Server, pattern, key string) string {
	t.Helper()
	rec, ok := srv.LastRequest(fakewechat.WeComPath(pattern))
	if !ok {
		t.Fatalf("no request %s", pattern)
	}
	return rec.Query.Get(key)
}

// wantCodeA fails unless err is an *wechat.APIError with code.
func wantCodeA(t *testing.T, err error, code int) {
	t.Helper()
	var apiErr *wechat.APIError
	if !errors.As(err, &apiErr) || apiErr.Code != code {
		t.Fatalf("err = %v, want errcode %d", err, code)
	}
}

// wantArgA fails unless err is a *work.ParamError about arg.
func wantArgA(t *testing.T, err error, arg string) {
	t.Helper()
	var pe *work.ParamError
	if !errors.As(err, &pe) || pe.Arg != arg {
		t.Fatalf("err = %v, want ParamError about %s", err, arg)
	}
}

var ctxA = context.Background()

func itoaA(n int64) string { return strconv.FormatInt(n, 10) }
