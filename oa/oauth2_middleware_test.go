package oa_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/oa"
)

var keyC = bytes.Repeat([]byte("k"), 32)

// openHost sends requests for open.weixin.qq.com to the fake server, as a
// browser following WeChat's redirects would reach WeChat.
type openHost struct{ fake *url.URL }

func (o openHost) RoundTrip(r *http.Request) (*http.Response, error) {
	if r.URL.Host == "open.weixin.qq.com" {
		r = r.Clone(r.Context())
		r.URL.Scheme, r.URL.Host, r.Host = o.fake.Scheme, o.fake.Host, o.fake.Host
	}
	return http.DefaultTransport.RoundTrip(r)
}

// loginAppC starts an application behind the middleware; its handler
// answers the openid of the context.
func loginAppC(t *testing.T, c *oa.Client, cfg oa.OAuth2LoginConfig) *httptest.Server {
	t.Helper()
	mw, err := c.WebPage.OAuth2Login(cfg)
	if err != nil {
		t.Fatal(err)
	}
	app := httptest.NewServer(mw(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id, ok := oa.OAuth2OpenID(r.Context())
		if !ok {
			http.Error(w, "no openid", http.StatusInternalServerError)
			return
		}
		io.WriteString(w, "hello "+id+" at "+r.URL.RequestURI())
	})))
	t.Cleanup(app.Close)
	return app
}

// browserC is a client with cookies that reaches the fake authorize page.
func browserC(t *testing.T, srv *fakewechat.Server) *http.Client {
	t.Helper()
	u, _ := url.Parse(srv.URL())
	jar, _ := cookiejar.New(nil)
	return &http.Client{Jar: jar, Transport: openHost{u}}
}

func getC(t *testing.T, cl *http.Client, u string) (*http.Response, string) {
	t.Helper()
	resp, err := cl.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

func TestOAuth2LoginFlow(t *testing.T) {
	srv, c := newAClient(t)
	srv.SetOAuth2User(fakewechat.DefaultAppID, fakewechat.OAuth2User{OpenID: "oWebLogin"})
	var logins []string
	app := loginAppC(t, c, oa.OAuth2LoginConfig{Key: keyC, Insecure: true, Scope: oa.ScopeUserInfo,
		OnLogin: func(_ context.Context, _ *http.Request, tok *oa.UserAccessToken) error {
			logins = append(logins, tok.OpenID+" "+tok.Scope)
			return nil
		}})
	cl := browserC(t, srv)

	resp, body := getC(t, cl, app.URL+"/shop/cart?x=1")
	if resp.StatusCode != 200 || body != "hello oWebLogin at /shop/cart?x=1" {
		t.Fatalf("first visit: %d %q", resp.StatusCode, body)
	}
	rr, _ := srv.LastRequest("GET /connect/oauth2/authorize")
	if rr.Query.Get("redirect_uri") != app.URL+"/shop/cart?x=1" || rr.Query.Get("scope") != "snsapi_userinfo" || len(rr.Query.Get("state")) != 32 {
		t.Errorf("authorize query = %v", rr.Query)
	}
	if len(logins) != 1 || logins[0] != "oWebLogin snsapi_userinfo" || srv.Count("GET /sns/oauth2/access_token") != 1 {
		t.Errorf("logins = %v", logins)
	}
	// The session cookie is enough from now on.
	resp, body = getC(t, cl, app.URL+"/shop/other")
	if resp.StatusCode != 200 || body != "hello oWebLogin at /shop/other" || srv.Count("GET /connect/oauth2/authorize") != 1 {
		t.Errorf("second visit: %d %q", resp.StatusCode, body)
	}
	// A POST with the session passes too.
	pr, err := cl.Post(app.URL+"/api", "text/plain", strings.NewReader("x"))
	if err != nil {
		t.Fatal(err)
	}
	pr.Body.Close()
	if pr.StatusCode != 200 {
		t.Errorf("POST with session = %d", pr.StatusCode)
	}
}

func TestOAuth2LoginRejects(t *testing.T) {
	srv, c := newAClient(t)
	var errs []error
	app := loginAppC(t, c, oa.OAuth2LoginConfig{Key: keyC, CookieName: "sess",
		OnError: func(w http.ResponseWriter, r *http.Request, err error) {
			errs = append(errs, err)
			http.Error(w, "nope", http.StatusForbidden)
		}})
	noFollow := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}

	// Without a session: a redirect to WeChat with a signed state cookie.
	resp, _ := getC(t, noFollow, app.URL+"/p?code=old&state=old&y=2")
	if resp.StatusCode != http.StatusForbidden || !errors.Is(errs[0], oa.ErrOAuth2State) {
		t.Fatalf("callback without state cookie: %d %v", resp.StatusCode, errs)
	}
	resp, _ = getC(t, noFollow, app.URL+"/p?y=2")
	loc, _ := url.Parse(resp.Header.Get("Location"))
	if resp.StatusCode != http.StatusFound || loc.Host != "open.weixin.qq.com" || loc.Fragment != "wechat_redirect" ||
		loc.Query().Get("redirect_uri") != app.URL+"/p?y=2" || loc.Query().Get("scope") != "snsapi_base" {
		t.Fatalf("redirect = %d %v", resp.StatusCode, loc)
	}
	var stateCookie *http.Cookie
	for _, ck := range resp.Cookies() {
		if ck.Name == "sess_state" {
			stateCookie = ck
		}
	}
	if stateCookie == nil || !stateCookie.Secure || !stateCookie.HttpOnly || stateCookie.SameSite != http.SameSiteLaxMode || stateCookie.MaxAge != 600 {
		t.Fatalf("state cookie = %+v", stateCookie)
	}
	state := loc.Query().Get("state")

	call := func(method, rawQuery string, cookies ...*http.Cookie) *http.Response {
		req, _ := http.NewRequest(method, app.URL+"/p?"+rawQuery, nil)
		for _, ck := range cookies {
			req.AddCookie(ck)
		}
		resp, err := noFollow.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp
	}
	user := fakewechat.OAuth2User{OpenID: "oUserX"}
	// Wrong state.
	code := srv.OAuth2Code(fakewechat.DefaultAppID, "snsapi_base", user)
	call("GET", "code="+code+"&state=other", stateCookie)
	if !errors.Is(errs[len(errs)-1], oa.ErrOAuth2State) {
		t.Errorf("wrong state err = %v", errs)
	}
	// A state cookie signed with another key.
	forged := *stateCookie
	forged.Value = strings.Replace(forged.Value, forged.Value[len(forged.Value)-4:], "AAAA", 1)
	call("GET", "code="+code+"&state="+state, &forged)
	if !errors.Is(errs[len(errs)-1], oa.ErrOAuth2State) {
		t.Errorf("forged cookie err = %v", errs)
	}
	// Denied: state back without code.
	call("GET", "state="+state, stateCookie)
	if !errors.Is(errs[len(errs)-1], oa.ErrOAuth2Denied) {
		t.Errorf("denied err = %v", errs)
	}
	// A POST without session cannot be redirected.
	call("POST", "")
	if !errors.Is(errs[len(errs)-1], oa.ErrOAuth2LoginRequired) {
		t.Errorf("POST err = %v", errs)
	}
	// A bad code: the exchange error, which does not carry the code.
	call("GET", "code=bogus&state="+state, stateCookie)
	var apiErr interface{ Error() string }
	if apiErr = errs[len(errs)-1]; !strings.Contains(apiErr.Error(), "40029") || strings.Contains(apiErr.Error(), "bogus") {
		t.Errorf("exchange err = %v", apiErr)
	}
	// The good callback sets the session and redirects to the clean URL.
	resp = call("GET", "y=2&code="+code+"&state="+state, stateCookie)
	if resp.StatusCode != http.StatusFound || resp.Header.Get("Location") != app.URL+"/p?y=2" {
		t.Fatalf("callback = %d %q", resp.StatusCode, resp.Header.Get("Location"))
	}
	var sess *http.Cookie
	for _, ck := range resp.Cookies() {
		switch ck.Name {
		case "sess":
			sess = ck
		case "sess_state":
			if ck.MaxAge >= 0 {
				t.Errorf("state cookie not cleared: %+v", ck)
			}
		}
	}
	if sess == nil || sess.MaxAge != int(oa.DefaultOAuth2SessionTTL/time.Second) || strings.Contains(sess.Value, "oUserX") {
		t.Fatalf("session cookie = %+v", sess)
	}
	if resp := call("GET", "", sess); resp.StatusCode != 200 {
		t.Errorf("with session = %d", resp.StatusCode)
	}
	tampered := *sess
	tampered.Value = "b1VzZXJZ" + sess.Value[strings.IndexByte(sess.Value, '.'):]
	if resp := call("GET", "", &tampered); resp.StatusCode != http.StatusFound {
		t.Errorf("tampered session = %d, want a redirect to WeChat", resp.StatusCode)
	}
}

func TestOAuth2LoginConfig(t *testing.T) {
	srv, c := newAClient(t)
	for _, tc := range []struct {
		cfg oa.OAuth2LoginConfig
		arg string
	}{
		{oa.OAuth2LoginConfig{Key: []byte("short")}, "Key"},
		{oa.OAuth2LoginConfig{Key: keyC, Scope: "snsapi_login"}, "Scope"},
		{oa.OAuth2LoginConfig{Key: keyC, CookieName: "a b"}, "CookieName"},
	} {
		_, err := c.WebPage.OAuth2Login(tc.cfg)
		argErrA(t, srv, "GET /none", err, tc.arg)
	}
	// ExternalURL and a forwarded scheme.
	mw, err := c.WebPage.OAuth2Login(oa.OAuth2LoginConfig{Key: keyC, TrustForwardedProto: true})
	if err != nil {
		t.Fatal(err)
	}
	h := mw(http.NotFoundHandler())
	req := httptest.NewRequest("GET", "http://shop.example.com/a?b=1", nil)
	req.Header.Set("X-Forwarded-Proto", "https")
	w := httptest.NewRecorder()
	h.ServeHTTP(w, req)
	loc, _ := url.Parse(w.Header().Get("Location"))
	if got := loc.Query().Get("redirect_uri"); got != "https://shop.example.com/a?b=1" {
		t.Errorf("redirect_uri = %q", got)
	}
	mw, _ = c.WebPage.OAuth2Login(oa.OAuth2LoginConfig{Key: keyC, ExternalURL: func(*http.Request) string { return "https://front.example/x" }})
	w = httptest.NewRecorder()
	mw(http.NotFoundHandler()).ServeHTTP(w, httptest.NewRequest("GET", "/a", nil))
	if loc, _ := url.Parse(w.Header().Get("Location")); loc.Query().Get("redirect_uri") != "https://front.example/x" {
		t.Errorf("ExternalURL redirect = %v", loc)
	}
	if _, ok := oa.OAuth2OpenID(context.Background()); ok {
		t.Error("openid in an empty context")
	}
}

// FuzzOAuth2SessionCookie feeds arbitrary session and state cookies to the
// middleware: it must never panic nor let a request through.
func FuzzOAuth2SessionCookie(f *testing.F) {
	f.Add("b1VzZXI.9999999999.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "state")
	f.Add("..", "")
	f.Add("x.y.z", "a.b.c")
	f.Add("b1VzZXI.-1."+strings.Repeat("A", 43), "")
	f.Add(strings.Repeat("a.", 300), "")
	_, c := newAClient(f)
	mw, err := c.WebPage.OAuth2Login(oa.OAuth2LoginConfig{Key: keyC})
	if err != nil {
		f.Fatal(err)
	}
	h := mw(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		panic("request let through with a forged cookie")
	}))
	f.Fuzz(func(t *testing.T, session, state string) {
		req := httptest.NewRequest("GET", "/p?state=s", nil)
		req.Header.Set("Cookie", "wechat_oauth2="+session+"; wechat_oauth2_state="+state)
		w := httptest.NewRecorder()
		h.ServeHTTP(w, req)
		if w.Code != http.StatusFound && w.Code != http.StatusForbidden {
			t.Fatalf("status %d", w.Code)
		}
	})
}
