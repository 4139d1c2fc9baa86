package miniprogram_test

import (
	"context"
	"strings"
	"testing"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/miniprogram"
)

func TestCode2Session(t *testing.T) {
	srv, c := newClient(t)
	ctx := t.Context()
	code := srv.MPLoginCode(fakewechat.DefaultAppID, testOpenID, "uMpUnion1")
	s, err := c.Auth.Code2Session(ctx, code)
	if err != nil {
		t.Fatal(err)
	}
	if s.OpenID != testOpenID || s.UnionID != "uMpUnion1" || len(s.SessionKey) != 24 {
		t.Fatalf("session = %+v", s)
	}
	rr, _ := last(t, srv, "GET /sns/jscode2session")
	q := rr.Query
	if q.Get("appid") != fakewechat.DefaultAppID || q.Get("secret") != fakewechat.DefaultSecret || q.Get("js_code") != code ||
		q.Get("grant_type") != "authorization_code" || q.Has("access_token") {
		t.Errorf("query = %v", q)
	}
	// A code works once: 40163, and the error names neither secret nor code.
	_, err = c.Auth.Code2Session(ctx, code)
	wantAPIError(t, err, 40163)
	if msg := err.Error(); strings.Contains(msg, fakewechat.DefaultSecret) || strings.Contains(msg, code) {
		t.Errorf("error leaks a credential: %v", err)
	}
	_, err = c.Auth.Code2Session(ctx, "unknown-code")
	wantAPIError(t, err, 40029)
	before := len(srv.Requests())
	_, err = c.Auth.Code2Session(ctx, "")
	wantArgError(t, srv, before, err, "js_code")
	// The session hides its key from slog.
	if v := s.LogValue().String(); strings.Contains(v, s.SessionKey) {
		t.Errorf("LogValue leaks the session key: %s", v)
	}
}

func TestCode2SessionWrongSecret(t *testing.T) {
	srv, _ := newClient(t)
	c, err := miniprogram.New(wechat.Config{AppID: fakewechat.DefaultAppID, AppSecret: "wrong-secret-value"},
		wechat.WithBaseURL(srv.URL()), wechat.WithStore(wechat.NewMemoryStore()), wechat.WithHTTPClient(srv.Client()))
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.Auth.Code2Session(t.Context(), srv.MPLoginCode(fakewechat.DefaultAppID, testOpenID, ""))
	wantAPIError(t, err, fakewechat.CodeInvalidSecret)
	if strings.Contains(err.Error(), "wrong-secret-value") {
		t.Errorf("error leaks the secret: %v", err)
	}
}

type staticToken string

func (s staticToken) Token(context.Context) (string, error)  { return string(s), nil }
func (staticToken) Invalidate(context.Context, string) error { return nil }

func TestComponentCode2Session(t *testing.T) {
	srv, c := newClient(t)
	code := srv.MPLoginCode(fakewechat.DefaultAppID, testOpenID, "")
	s, err := c.Auth.ComponentCode2Session(t.Context(), code, "wxcomponent0001", staticToken("COMPONENT_TOKEN"))
	if err != nil {
		t.Fatal(err)
	}
	if s.OpenID != testOpenID || s.UnionID != "" {
		t.Fatalf("session = %+v", s)
	}
	rr, _ := last(t, srv, "GET /sns/component/jscode2session")
	q := rr.Query
	if q.Get("appid") != fakewechat.DefaultAppID || q.Get("component_appid") != "wxcomponent0001" ||
		q.Get("component_access_token") != "COMPONENT_TOKEN" || q.Has("secret") || q.Get("grant_type") != "authorization_code" {
		t.Errorf("query = %v", q)
	}
	before := len(srv.Requests())
	_, err = c.Auth.ComponentCode2Session(t.Context(), code, "wxcomponent0001", nil)
	wantArgError(t, srv, before, err, "component_access_token")
	_, err = c.Auth.ComponentCode2Session(t.Context(), code, "", staticToken("x"))
	wantArgError(t, srv, before, err, "component_appid")
}

func TestCheckAndResetSession(t *testing.T) {
	srv, c := newClient(t)
	ctx := t.Context()
	s := login(t, srv, c, testOpenID, "")
	if err := c.Auth.CheckSession(ctx, s.OpenID, s.SessionKey); err != nil {
		t.Fatal(err)
	}
	rr, _ := last(t, srv, "GET /wxa/checksession")
	if rr.Query.Get("signature") != miniprogram.SessionSignature(s.SessionKey) || rr.Query.Get("sig_method") != "hmac_sha256" ||
		rr.Query.Get("openid") != s.OpenID {
		t.Errorf("query = %v", rr.Query)
	}
	ns, err := c.Auth.ResetSessionKey(ctx, s.OpenID, s.SessionKey)
	if err != nil {
		t.Fatal(err)
	}
	if ns.OpenID != s.OpenID || ns.SessionKey == s.SessionKey || ns.SessionKey == "" {
		t.Fatalf("reset = %+v", ns)
	}
	// The old key is no longer valid, the new one is.
	wantAPIError(t, c.Auth.CheckSession(ctx, s.OpenID, s.SessionKey), 87009)
	if err := c.Auth.CheckSession(ctx, s.OpenID, ns.SessionKey); err != nil {
		t.Fatal(err)
	}
	before := len(srv.Requests())
	wantArgError(t, srv, before, c.Auth.CheckSession(ctx, "", "k"), "openid")
	_, err = c.Auth.ResetSessionKey(ctx, s.OpenID, "")
	wantArgError(t, srv, before, err, "session_key")
}

func TestSessionSignature(t *testing.T) {
	// HMAC-SHA256 of "" keyed with "key" (RFC 4231-style known value).
	const want = "5d5d139563c95b5967b9bd9a8c9b233a9dedb45072794cd232dc1b74832607d0"
	if got := miniprogram.SessionSignature("key"); got != want {
		t.Fatalf("SessionSignature = %s, want %s", got, want)
	}
}

func TestFetchAccessToken(t *testing.T) {
	srv, c := newClient(t)
	tok, err := c.Auth.FetchAccessToken(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if tok.AccessToken == "" || tok.ExpiresIn != 7200 {
		t.Fatalf("token = %+v", tok)
	}
	rr, _ := last(t, srv, "GET /cgi-bin/token")
	if rr.Query.Get("grant_type") != "client_credential" || rr.Query.Get("appid") != fakewechat.DefaultAppID {
		t.Errorf("query = %v", rr.Query)
	}
	// The fetched token is a real one: the fake accepts it.
	if n := srv.Count("GET /cgi-bin/token"); n != 1 {
		t.Errorf("%d token requests", n)
	}
	now := srv.Now()
	if at := tok.ExpiresAt(now); at.Sub(now) != 7200e9 {
		t.Errorf("ExpiresAt = %v", at)
	}
}

func TestAuthPaidUnionIDAlias(t *testing.T) {
	srv, c := newClient(t)
	login(t, srv, c, testOpenID, "uPaid")
	srv.MPRecordPayment(fakewechat.DefaultAppID, testOpenID, "tx1", "mch1", "no1")
	u, err := c.Auth.PaidUnionID(t.Context(), testOpenID, miniprogram.PaidBy{})
	if err != nil || u != "uPaid" {
		t.Fatalf("PaidUnionID = %q, %v", u, err)
	}
}
