package fakewechat

import (
	"testing"
	"time"
)

func TestTokenRotationGrace(t *testing.T) {
	s := newFixed(t, WithGracePeriod(time.Minute))
	a := getToken(t, s, DefaultAppID, DefaultSecret)
	if a.num("expires_in") != 7200 || a.status != 200 {
		t.Fatalf("answer %s", a.raw)
	}
	tok1 := a.str("access_token")
	tok2 := mustToken(t, s)
	if tok1 == tok2 || len(tok1) < 100 {
		t.Fatalf("tokens %q %q: want distinct long tokens", tok1, tok2)
	}
	steps := []struct {
		advance    time.Duration
		tok        string
		wantCode   int
		wantPrefix string
	}{
		{0, tok1, 0, ""},
		{59 * time.Second, tok1, 0, ""},
		{time.Second, tok1, CodeInvalidCredential, "invalid credential, access_token is invalid or not latest"},
		{0, tok2, 0, ""},
		{7200*time.Second - 60*time.Second, tok2, CodeTokenExpired, "access_token expired"},
	}
	for i, st := range steps {
		s.Advance(st.advance)
		a := ticket(t, s, st.tok, "jsapi")
		if st.wantCode == 0 {
			if a.errcode() != 0 || a.str("ticket") == "" {
				t.Fatalf("step %d: %s", i, a.raw)
			}
			continue
		}
		wantErr(t, a, st.wantCode, st.wantPrefix)
	}
}

func TestTokenCustomTTL(t *testing.T) {
	s := newFixed(t, WithTokenTTL(90*time.Second))
	if a := getToken(t, s, DefaultAppID, DefaultSecret); a.num("expires_in") != 90 {
		t.Fatalf("expires_in: %s", a.raw)
	}
}

func TestTokenErrors(t *testing.T) {
	s := newFixed(t, WithApp("wx2", "s2"))
	cases := []struct {
		name, query string
		method      string
		code        int
		msg         string
	}{
		{"wrong appid", "grant_type=client_credential&appid=wxnope&secret=" + DefaultSecret, "GET", CodeInvalidAppID, "invalid appid"},
		{"wrong secret", "grant_type=client_credential&appid=" + DefaultAppID + "&secret=bad", "GET", CodeInvalidSecret, "invalid appsecret"},
		{"other app's secret", "grant_type=client_credential&appid=" + DefaultAppID + "&secret=s2", "GET", CodeInvalidSecret, "invalid appsecret"},
		{"missing appid", "grant_type=client_credential&secret=x", "GET", CodeAppIDMissing, "appid missing"},
		{"missing secret", "grant_type=client_credential&appid=wx2", "GET", CodeSecretMissing, "appsecret missing"},
		{"grant type", "grant_type=password&appid=wx2&secret=s2", "GET", CodeInvalidGrantType, "invalid grant_type"},
		{"POST", "grant_type=client_credential&appid=wx2&secret=s2", "POST", CodeRequireGET, "require GET method"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			wantErr(t, call(t, s, c.method, "/cgi-bin/token?"+c.query, nil), c.code, c.msg)
		})
	}
	if a := getToken(t, s, "wx2", "s2"); a.str("access_token") == "" {
		t.Fatalf("second app: %s", a.raw)
	}
	if err := s.CheckApp("wx2", "s2"); err != nil {
		t.Fatal(err)
	}
	if err, ok := s.CheckApp("wx2", "x").(*Error); !ok || err.Code != CodeInvalidSecret {
		t.Fatalf("CheckApp: %v", err)
	}
}

func TestWithoutDefaultApp(t *testing.T) {
	s := newFixed(t, WithoutDefaultApp(), WithApp("wxa", "sa"))
	wantErr(t, getToken(t, s, DefaultAppID, DefaultSecret), CodeInvalidAppID, "invalid appid")
	s.AddApp("wxa", "rotated")
	wantErr(t, getToken(t, s, "wxa", "sa"), CodeInvalidSecret, "invalid appsecret")
	if getToken(t, s, "wxa", "rotated").str("access_token") == "" {
		t.Fatal("rotated secret refused")
	}
}

func TestStableToken(t *testing.T) {
	s := newFixed(t)
	a := stable(t, s, false)
	st1 := a.str("access_token")
	if st1 == "" || a.num("expires_in") != 7200 {
		t.Fatalf("first stable_token: %s", a.raw)
	}
	s.Advance(100 * time.Second)
	a = stable(t, s, false)
	if a.str("access_token") != st1 || a.num("expires_in") != 7100 {
		t.Fatalf("second stable_token: %s, want same token with 7100s left", a.raw)
	}
	// Isolated from GET /cgi-bin/token.
	normal := mustToken(t, s)
	mustToken(t, s)
	if normal == st1 || stable(t, s, false).str("access_token") != st1 {
		t.Fatal("GET /cgi-bin/token affected stable_token")
	}
	if ticket(t, s, st1, "jsapi").errcode() != 0 {
		t.Fatal("stable token refused")
	}

	// Force: new token, old one invalid at once.
	st2 := stable(t, s, true).str("access_token")
	if st2 == st1 || st2 == "" {
		t.Fatal("force_refresh kept the token")
	}
	wantErr(t, ticket(t, s, st1, "jsapi"), CodeInvalidCredential, "invalid credential")
	// A second force within 30s does not refresh.
	s.Advance(29 * time.Second)
	if a := stable(t, s, true); a.str("access_token") != st2 || a.num("expires_in") != 7200-29 {
		t.Fatalf("force within 30s: %s", a.raw)
	}
	s.Advance(time.Second)
	st3 := stable(t, s, true).str("access_token")
	if st3 == st2 {
		t.Fatal("force after 30s did not refresh")
	}

	// Within the last 5 minutes a normal call hands out the next token; the
	// old one works until it expires.
	s.Advance(7200*time.Second - 5*time.Minute)
	a = stable(t, s, false)
	st4 := a.str("access_token")
	if st4 == st3 || a.num("expires_in") != 7200 {
		t.Fatalf("near expiry: %s, want a new token", a.raw)
	}
	if ticket(t, s, st3, "jsapi").errcode() != 0 {
		t.Fatal("previous stable token refused before its expiry")
	}
	s.Advance(5 * time.Minute)
	wantErr(t, ticket(t, s, st3, "jsapi"), CodeTokenExpired, "access_token expired")
	if ticket(t, s, st4, "jsapi").errcode() != 0 {
		t.Fatal("new stable token refused")
	}
}

func TestStableTokenNoForceInterval(t *testing.T) {
	s := newFixed(t, WithForceRefreshInterval(0))
	a, b := stable(t, s, true).str("access_token"), stable(t, s, true).str("access_token")
	if a == b {
		t.Fatal("force refresh limited despite interval 0")
	}
}

func TestStableTokenErrors(t *testing.T) {
	s := newFixed(t)
	cases := []struct {
		name   string
		method string
		body   any
		code   int
		msg    string
	}{
		{"empty body", "POST", nil, CodeEmptyPostData, "empty post data"},
		{"bad json", "POST", "{grant_type:", CodeDataFormat, "data format error"},
		{"wrong type", "POST", `{"force_refresh":"yes"}`, CodeDataFormat, "data format error"},
		{"grant type", "POST", M{"grant_type": "x", "appid": DefaultAppID, "secret": DefaultSecret}, CodeInvalidGrantType, "invalid grant_type"},
		{"wrong appid", "POST", M{"grant_type": "client_credential", "appid": "wxno", "secret": DefaultSecret}, CodeInvalidAppID, "invalid appid"},
		{"wrong secret", "POST", M{"grant_type": "client_credential", "appid": DefaultAppID, "secret": "no"}, CodeInvalidSecret, "invalid appsecret"},
		{"GET", "GET", nil, CodeRequirePOST, "require POST method"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			wantErr(t, call(t, s, c.method, "/cgi-bin/stable_token", c.body), c.code, c.msg)
		})
	}
}

func TestTickets(t *testing.T) {
	s := newFixed(t)
	tok := mustToken(t, s)
	j1 := ticket(t, s, tok, "jsapi")
	if j1.errcode() != 0 || j1.str("errmsg") != "ok" || j1.num("expires_in") != 7200 || j1.str("ticket") == "" {
		t.Fatalf("jsapi ticket: %s", j1.raw)
	}
	c1 := ticket(t, s, tok, "wx_card")
	if c1.str("ticket") == "" || c1.str("ticket") == j1.str("ticket") {
		t.Fatalf("wx_card ticket: %s", c1.raw)
	}
	s.Advance(time.Hour)
	if j2 := ticket(t, s, tok, "jsapi"); j2.str("ticket") != j1.str("ticket") || j2.num("expires_in") != 3600 {
		t.Fatalf("ticket within validity: %s, want the same with 3600s left", j2.raw)
	}
	wantErr(t, ticket(t, s, tok, "bogus"), CodeInvalidArgs, "invalid args")
	wantErr(t, ticket(t, s, tok, ""), CodeInvalidArgs, "invalid args")
	s.ExpireTokens()
	tok = mustToken(t, s)
	if j3 := ticket(t, s, tok, "jsapi"); j3.str("ticket") == j1.str("ticket") || j3.num("expires_in") != 7200 {
		t.Fatalf("ticket after ExpireTokens: %s, want a new one", j3.raw)
	}
}

func TestAccessTokenCheck(t *testing.T) {
	s := newFixed(t)
	s.HandleJSON("POST /cgi-bin/menu/create", func(r *Request) (any, error) { return nil, nil })
	cases := []struct {
		name  string
		token func() string
		code  int
		msg   string
	}{
		{"valid", func() string { return mustToken(t, s) }, 0, ""},
		{"missing", func() string { return "" }, CodeTokenMissing, "access_token missing"},
		{"unknown", func() string { return "nope" }, CodeInvalidCredential, "invalid credential, access_token is invalid or not latest"},
		{"invalidated", func() string {
			tok := mustToken(t, s)
			if !s.InvalidateToken(tok) || s.InvalidateToken(tok) {
				t.Fatal("InvalidateToken result")
			}
			return tok
		}, CodeInvalidCredential, "invalid credential"},
		{"expired by clock", func() string {
			tok := mustToken(t, s)
			s.Advance(7200 * time.Second)
			return tok
		}, CodeTokenExpired, "access_token expired"},
		{"ExpireTokens", func() string {
			tok, err := s.IssueToken(DefaultAppID)
			if err != nil {
				t.Fatal(err)
			}
			s.ExpireTokens()
			return tok
		}, CodeTokenExpired, "access_token expired"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tok := c.token()
			for _, ep := range []struct{ method, path string }{{"GET", "/cgi-bin/ticket/getticket?type=jsapi&access_token="}, {"POST", "/cgi-bin/menu/create?access_token="}} {
				a := call(t, s, ep.method, ep.path+tok, "{}")
				if c.code == 0 {
					if a.errcode() != 0 {
						t.Fatalf("%s: %s", ep.path, a.raw)
					}
					continue
				}
				wantErr(t, a, c.code, c.msg)
			}
		})
	}
	if _, err := s.IssueToken("wxunknown"); err == nil {
		t.Fatal("IssueToken for an unknown app")
	}
}

func TestSupersededTokensPruned(t *testing.T) {
	s := New(WithClock(func() time.Time { return t0 }), WithGracePeriod(0))
	for range 3000 {
		if _, err := s.IssueToken(DefaultAppID); err != nil {
			t.Fatal(err)
		}
	}
	s.creds.mu.RLock()
	n := len(s.creds.tokens)
	s.creds.mu.RUnlock()
	if n > 1024 {
		t.Fatalf("%d tokens kept, superseded ones not pruned", n)
	}
}
