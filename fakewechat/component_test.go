package fakewechat

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"
)

func compToken(t *testing.T, s *Server) string {
	t.Helper()
	a := call(t, s, "POST", "/cgi-bin/component/api_component_token", M{"component_appid": DefaultComponentAppID,
		"component_appsecret": DefaultComponentSecret, "component_verify_ticket": s.PushVerifyTicket(DefaultComponentAppID)})
	tok := a.str("component_access_token")
	if tok == "" || a.num("expires_in") != 7200 {
		t.Fatalf("no component token: %s", a.raw)
	}
	return tok
}

func compCall(t *testing.T, s *Server, path, tok string, body M) answer {
	t.Helper()
	return call(t, s, "POST", path+"?"+url.Values{"component_access_token": {tok}}.Encode(), body)
}

func TestComponentTokenErrcodes(t *testing.T) {
	s := newFixed(t)
	ticket := s.PushVerifyTicket(DefaultComponentAppID)
	if s.PushVerifyTicket("wxunknown") != "" {
		t.Error("ticket for an unknown component")
	}
	for _, tc := range []struct {
		body M
		code int
		msg  string
	}{
		{M{"component_appsecret": DefaultComponentSecret, "component_verify_ticket": ticket}, 41002, "appid missing"},
		{M{"component_appid": DefaultComponentAppID, "component_verify_ticket": ticket}, 41004, "appsecret missing"},
		{M{"component_appid": "wxnope", "component_appsecret": "x", "component_verify_ticket": ticket}, 40013, "invalid appid"},
		{M{"component_appid": DefaultComponentAppID, "component_appsecret": "bad", "component_verify_ticket": ticket}, 40125, "invalid appsecret"},
		{M{"component_appid": DefaultComponentAppID, "component_appsecret": DefaultComponentSecret, "component_verify_ticket": "forged"}, 61006, "component ticket is invalid"},
	} {
		wantErr(t, call(t, s, "POST", "/cgi-bin/component/api_component_token", tc.body), tc.code, tc.msg)
	}
	wantErr(t, call(t, s, "POST", "/cgi-bin/component/api_component_token", ""), CodeEmptyPostData, "empty post data")

	// A ticket of another component is invalid for this one.
	s.AddComponent("wxothercomponent01", "othersecret")
	other := s.PushVerifyTicket("wxothercomponent01")
	wantErr(t, call(t, s, "POST", "/cgi-bin/component/api_component_token", M{"component_appid": DefaultComponentAppID,
		"component_appsecret": DefaultComponentSecret, "component_verify_ticket": other}), 61006, "component ticket")
	s.Advance(ComponentVerifyTicketTTL)
	wantErr(t, call(t, s, "POST", "/cgi-bin/component/api_component_token", M{"component_appid": DefaultComponentAppID,
		"component_appsecret": DefaultComponentSecret, "component_verify_ticket": ticket}), 61005, "component ticket is expired")
}

func TestComponentTokenCheck(t *testing.T) {
	s := newFixed(t)
	tok := compToken(t, s)
	body := M{"component_appid": DefaultComponentAppID}
	if a := compCall(t, s, "/cgi-bin/component/api_create_preauthcode", tok, body); a.str("pre_auth_code") == "" || a.num("expires_in") != 1800 {
		t.Fatalf("pre auth code: %s", a.raw)
	}
	wantErr(t, call(t, s, "POST", "/cgi-bin/component/api_create_preauthcode", body), CodeTokenMissing, "access_token missing")
	// An app's access_token is not a component_access_token.
	wantErr(t, compCall(t, s, "/cgi-bin/component/api_create_preauthcode", mustToken(t, s), body), CodeInvalidCredential, "invalid credential")
	wantErr(t, compCall(t, s, "/cgi-bin/component/api_create_preauthcode", tok, M{}), CodeAppIDMissing, "appid missing")
	wantErr(t, compCall(t, s, "/cgi-bin/component/api_create_preauthcode", tok, M{"component_appid": "wxother"}), CodeInvalidAppID, "invalid appid")
	s.Advance(2 * time.Hour)
	wantErr(t, compCall(t, s, "/cgi-bin/component/api_create_preauthcode", tok, body), CodeTokenExpired, "access_token expired")
}

func TestComponentAuthorizationFlow(t *testing.T) {
	s := newFixed(t)
	tok := compToken(t, s)
	const authorizer = "wxauthorizer000001"
	if s.Authorize("wxunknown", authorizer) != "" {
		t.Error("authorization of an unknown component")
	}
	code := s.Authorize(DefaultComponentAppID, authorizer, 1, 24)
	a := compCall(t, s, "/cgi-bin/component/api_query_auth", tok, M{"component_appid": DefaultComponentAppID, "authorization_code": code})
	info, _ := a.m["authorization_info"].(map[string]any)
	access, _ := info["authorizer_access_token"].(string)
	refresh, _ := info["authorizer_refresh_token"].(string)
	if info["authorizer_appid"] != authorizer || access == "" || refresh == "" || len(info["func_info"].([]any)) != 2 {
		t.Fatalf("query_auth: %s", a.raw)
	}
	// The authorizer token works on ordinary endpoints.
	if a := call(t, s, "GET", "/cgi-bin/ticket/getticket?"+url.Values{"access_token": {access}, "type": {"jsapi"}}.Encode(), nil); a.str("ticket") == "" {
		t.Fatalf("authorizer token rejected: %s", a.raw)
	}
	wantErr(t, compCall(t, s, "/cgi-bin/component/api_query_auth", tok, M{"component_appid": DefaultComponentAppID, "authorization_code": code}), 61009, "code is invalid")

	refreshBody := M{"component_appid": DefaultComponentAppID, "authorizer_appid": authorizer, "authorizer_refresh_token": refresh}
	a = compCall(t, s, "/cgi-bin/component/api_authorizer_token", tok, refreshBody)
	next := a.str("authorizer_refresh_token")
	if a.str("authorizer_access_token") == "" || next == "" || next == refresh {
		t.Fatalf("authorizer_token: %s", a.raw)
	}
	if got, _ := s.AuthorizerRefreshToken(DefaultComponentAppID, authorizer); got != next {
		t.Errorf("AuthorizerRefreshToken %q, want %q", got, next)
	}
	wantErr(t, compCall(t, s, "/cgi-bin/component/api_authorizer_token", tok, refreshBody), 61023, "refresh_token is invalid")

	if !s.Unauthorize(DefaultComponentAppID, authorizer) || s.Unauthorize(DefaultComponentAppID, authorizer) {
		t.Error("Unauthorize result")
	}
	refreshBody["authorizer_refresh_token"] = next
	wantErr(t, compCall(t, s, "/cgi-bin/component/api_authorizer_token", tok, refreshBody), 61003, "component is not authorized")
}

func TestComponentSurvivesReset(t *testing.T) {
	s := newFixed(t)
	s.AddComponent("wxcomp000000000002", "secret2")
	tok := compToken(t, s)
	s.Reset()
	wantErr(t, compCall(t, s, "/cgi-bin/component/api_create_preauthcode", tok, M{"component_appid": DefaultComponentAppID}), CodeInvalidCredential, "invalid credential")
	if s.PushVerifyTicket(DefaultComponentAppID) == "" || s.PushVerifyTicket("wxcomp000000000002") == "" {
		t.Error("components forgotten by Reset")
	}
	if NewTestServer(t, WithoutDefaultApp()).PushVerifyTicket(DefaultComponentAppID) != "" {
		t.Error("default component registered with WithoutDefaultApp")
	}
}

func TestOpenAccountWithoutComponent(t *testing.T) {
	// The open/* endpoints also serve an app's own access token.
	s := newFixed(t)
	tok := mustToken(t, s)
	q := "?access_token=" + url.QueryEscape(tok)
	wantErr(t, call(t, s, "POST", "/cgi-bin/open/get"+q, M{}), 89002, "open not exists")
	a := call(t, s, "POST", "/cgi-bin/open/create"+q, M{"appid": DefaultAppID})
	if a.errcode() != 0 || a.str("open_appid") == "" {
		t.Fatalf("create: %s", a.raw)
	}
	wantErr(t, call(t, s, "POST", "/cgi-bin/open/create"+q, M{"appid": "wxsomeoneelse"}), CodeInvalidAppID, "invalid appid")
	if a := call(t, s, "POST", "/cgi-bin/open/get"+q, M{}); a.str("open_appid") == "" {
		t.Fatalf("get: %s", a.raw)
	}
}

func TestPreAuthCodeExpires(t *testing.T) {
	s := newFixed(t)
	tok := compToken(t, s)
	a := compCall(t, s, "/cgi-bin/component/api_create_preauthcode", tok, M{"component_appid": DefaultComponentAppID})
	s.Advance(ComponentPreAuthCodeTTL)
	if s.AuthorizeWithPreAuthCode(a.str("pre_auth_code"), "wxauthorizer000002") != "" {
		t.Error("expired pre-auth code accepted")
	}
	if s.AuthorizeWithPreAuthCode("preauthcode@@@unknown", "wxauthorizer000002") != "" {
		t.Error("unknown pre-auth code accepted")
	}
}

// FuzzComponentEndpoints sends arbitrary bodies, with a valid
// component_access_token (or the authorizer's access_token for open/*), to
// every third-party platform endpoint: the answer is always JSON and no
// handler panics.
func FuzzComponentEndpoints(f *testing.F) {
	paths := []string{
		"/cgi-bin/component/api_component_token", "/cgi-bin/component/api_create_preauthcode",
		"/cgi-bin/component/api_query_auth", "/cgi-bin/component/api_authorizer_token",
		"/cgi-bin/component/api_get_authorizer_info", "/cgi-bin/component/api_get_authorizer_option",
		"/cgi-bin/component/api_set_authorizer_option", "/cgi-bin/component/api_get_authorizer_list",
		"/cgi-bin/component/clear_quota", "/cgi-bin/component/clear_quota/v2",
		"/cgi-bin/open/create", "/cgi-bin/open/bind", "/cgi-bin/open/unbind", "/cgi-bin/open/get",
	}
	const authorizer = "wxauthorizer000009"
	f.Add(uint8(3), `{"component_appid":"`+DefaultComponentAppID+`","authorizer_appid":"`+authorizer+`","authorizer_refresh_token":"x"}`)
	f.Add(uint8(7), `{"component_appid":"`+DefaultComponentAppID+`","offset":-5,"count":1e9}`)
	f.Add(uint8(6), `{"component_appid":"`+DefaultComponentAppID+`","authorizer_appid":"`+authorizer+`","option_name":"location_report","option_value":"2"}`)
	f.Add(uint8(11), `{"appid":"`+authorizer+`","open_appid":null}`)
	f.Add(uint8(9), `{"component_appid":"`+DefaultComponentAppID+`","appsecret":"`+DefaultComponentSecret+`","appid":"`+authorizer+`"}`)
	f.Add(uint8(0), `[]`)
	f.Fuzz(func(t *testing.T, which uint8, body string) {
		s := New(WithClock(func() time.Time { return t0 }))
		code := s.Authorize(DefaultComponentAppID, authorizer)
		ctok, _ := s.issueComponentToken(DefaultComponentAppID)
		atok, err := s.IssueToken(authorizer)
		if err != nil || code == "" {
			t.Fatal("setup failed")
		}
		path := paths[int(which)%len(paths)]
		q := url.Values{"component_access_token": {ctok}, "access_token": {atok}}
		r := httptest.NewRequest(http.MethodPost, path+"?"+q.Encode(), strings.NewReader(body))
		w := httptest.NewRecorder()
		s.ServeHTTP(w, r)
		if !json.Valid(w.Body.Bytes()) {
			t.Fatalf("%s %q: answer %q is not JSON", path, body, w.Body.Bytes())
		}
	})
}
