package work_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/work"
)

func newCorp(t *testing.T, agents ...work.Agent) (*fakewechat.Server, *work.Client) {
	t.Helper()
	srv := fakewechat.NewTestServer(t)
	if len(agents) == 0 {
		agents = []work.Agent{{ID: fakewechat.DefaultAgentID, Name: "bot", Secret: fakewechat.DefaultAgentSecret}}
	}
	c, err := work.New(work.Config{CorpID: fakewechat.DefaultCorpID, Agents: agents},
		wechat.WithBaseURL(srv.URL()+fakewechat.WeComPrefix), wechat.WithStore(wechat.NewMemoryStore()), wechat.WithHTTPClient(srv.Client()))
	if err != nil {
		t.Fatal(err)
	}
	return srv, c
}

func TestAgentTokenAndLookup(t *testing.T) {
	srv, corp := newCorp(t)
	bot, ok := corp.Agent("bot")
	if !ok {
		t.Fatal("agent by name")
	}
	if byID, ok := corp.Agent("1000002"); !ok || byID != bot {
		t.Fatal("agent by id")
	}
	ctx := context.Background()
	tok, err := bot.AccessToken(ctx)
	if err != nil || tok == "" {
		t.Fatal(tok, err)
	}
	rec, _ := srv.LastRequest(fakewechat.WeComPath("GET /cgi-bin/gettoken"))
	if rec.Query.Get("corpid") != fakewechat.DefaultCorpID || rec.Query.Get("corpsecret") != fakewechat.DefaultAgentSecret {
		t.Fatalf("gettoken query %v", rec.Query)
	}
	if again, _ := bot.AccessToken(ctx); again != tok || srv.Count(fakewechat.WeComPath("GET /cgi-bin/gettoken")) != 1 {
		t.Fatal("token not cached")
	}
}

func TestAgentTokenRefreshedAfterRejection(t *testing.T) {
	srv, corp := newCorp(t)
	bot, _ := corp.Agent("bot")
	ctx := context.Background()
	tok, _ := bot.AccessToken(ctx)
	srv.InvalidateToken(tok)
	var out struct {
		Ticket string `json:"ticket"`
	}
	if err := bot.Call(ctx, "GET", "/cgi-bin/get_jsapi_ticket", nil, nil, &out); err != nil || out.Ticket == "" {
		t.Fatalf("call after invalidation: %v", err)
	}
	if n := srv.Count(fakewechat.WeComPath("GET /cgi-bin/gettoken")); n != 2 {
		t.Fatalf("gettoken requests = %d, want 2", n)
	}
}

func TestJSSDKConfigs(t *testing.T) {
	_, corp := newCorp(t)
	bot, _ := corp.Agent("bot")
	ctx := context.Background()
	cfg, err := bot.JSSDKConfig(ctx, "https://example.com/page?x=1#frag", "selectExternalContact")
	if err != nil {
		t.Fatal(err)
	}
	ticket, _ := mustCred(t, bot, wechat.KeyJSAPITicket).Token(ctx)
	want := wechat.SignJSSDK(ticket, cfg.NonceStr, cfg.Timestamp, "https://example.com/page?x=1")
	if cfg.AppID != fakewechat.DefaultCorpID || cfg.Signature != want || len(cfg.NonceStr) != 16 || len(cfg.JSAPIList) != 1 {
		t.Fatalf("corp config %+v", cfg)
	}
	ac, err := bot.AgentJSSDKConfig(ctx, "https://example.com/page")
	if err != nil {
		t.Fatal(err)
	}
	aticket, _ := mustCred(t, bot, "agent_jsapi_ticket").Token(ctx)
	if ac.CorpID != fakewechat.DefaultCorpID || ac.AgentID != "1000002" || aticket == ticket ||
		ac.Signature != wechat.SignJSSDK(aticket, ac.NonceStr, ac.Timestamp, "https://example.com/page") || ac.NonceStr == cfg.NonceStr || ac.JSAPIList == nil {
		t.Fatalf("agent config %+v", ac)
	}
}

func TestBadSecretClearErrorWithoutSecret(t *testing.T) {
	_, corp := newCorp(t, work.Agent{ID: 7, Name: "x", Secret: "wrong-secret-value"})
	x, _ := corp.Agent("x")
	_, err := x.AccessToken(context.Background())
	var apiErr *wechat.APIError
	if !errors.As(err, &apiErr) || apiErr.Code != fakewechat.CodeWeComInvalidSecret {
		t.Fatalf("err = %v", err)
	}
	if strings.Contains(err.Error(), "wrong-secret-value") {
		t.Fatal("secret in error")
	}
}

func TestAddRemoveAgents(t *testing.T) {
	_, corp := newCorp(t)
	if err := corp.AddAgent(work.Agent{ID: fakewechat.DefaultAgentID, Name: "dup", Secret: "s"}); err == nil {
		t.Fatal("duplicate id accepted")
	}
	if err := corp.AddAgent(work.Agent{Name: "nosecret"}); err == nil {
		t.Fatal("agent without secret accepted")
	}
	if err := corp.AddAgent(work.ContactsAgent("contacts-secret")); err != nil {
		t.Fatal(err)
	}
	if _, ok := corp.Agent(work.ContactsAgentName); !ok || len(corp.Agents()) != 2 {
		t.Fatal("contacts agent missing")
	}
	if !corp.RemoveAgent("1000002") {
		t.Fatal("remove by id")
	}
	if _, ok := corp.Agent("bot"); ok {
		t.Fatal("removed agent still found by name")
	}
	if _, err := work.New(work.Config{}); err == nil {
		t.Fatal("missing corp id accepted")
	}
}

func mustCred(t *testing.T, ac *work.AgentClient, name string) *wechat.TokenCache {
	t.Helper()
	tc, ok := ac.Credential(name)
	if !ok {
		t.Fatalf("no credential %s", name)
	}
	return tc
}

// The JS-SDK ticket caches are made on first use, once: no ticket request
// and no cache for an agent that never signs, the same cache afterwards.
func TestTicketCachesMadeOnFirstUse(t *testing.T) {
	srv, corp := newCorp(t)
	bot, _ := corp.Agent("bot")
	ctx := context.Background()
	if _, err := bot.AccessToken(ctx); err != nil {
		t.Fatal(err)
	}
	if n := srv.Count(fakewechat.WeComPath("GET /cgi-bin/get_jsapi_ticket")); n != 0 {
		t.Fatalf("ticket requests before use = %d", n)
	}
	first := mustCred(t, bot, wechat.KeyJSAPITicket)
	if first != mustCred(t, bot, wechat.KeyJSAPITicket) || first == mustCred(t, bot, "agent_jsapi_ticket") {
		t.Fatal("ticket caches are not one per credential")
	}
	if _, err := bot.JSSDKConfig(ctx, "https://example.com/", "scanQRCode"); err != nil {
		t.Fatal(err)
	}
	if _, err := first.Token(ctx); err != nil {
		t.Fatal(err)
	}
	if n := srv.Count(fakewechat.WeComPath("GET /cgi-bin/get_jsapi_ticket")); n != 1 {
		t.Fatalf("ticket requests = %d, want 1 (the cache Credential returned is the one JSSDKConfig used)", n)
	}
}
