package fakewechat

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
)

func TestOAuth2AuthorizePage(t *testing.T) {
	s := New()
	get := func(q url.Values) *httptest.ResponseRecorder {
		w := httptest.NewRecorder()
		s.ServeHTTP(w, httptest.NewRequest("GET", "/connect/oauth2/authorize?"+q.Encode(), nil))
		return w
	}
	q := url.Values{"appid": {DefaultAppID}, "redirect_uri": {"https://app.example/cb?x=1"}, "response_type": {"code"}, "scope": {"snsapi_base"}, "state": {"st"}}
	if w := get(q); w.Code != http.StatusForbidden {
		t.Errorf("no consenting user: %d", w.Code)
	}
	s.SetOAuth2User(DefaultAppID, OAuth2User{OpenID: "oPage"})
	w := get(q)
	loc, err := url.Parse(w.Header().Get("Location"))
	if w.Code != http.StatusFound || err != nil || loc.Host != "app.example" || loc.Query().Get("x") != "1" || loc.Query().Get("state") != "st" || loc.Query().Get("code") == "" {
		t.Fatalf("redirect = %d %v", w.Code, loc)
	}
	// The code is good once for the app.
	ex := func(code string) *httptest.ResponseRecorder {
		w := httptest.NewRecorder()
		v := url.Values{"appid": {DefaultAppID}, "secret": {DefaultSecret}, "code": {code}, "grant_type": {"authorization_code"}}
		s.ServeHTTP(w, httptest.NewRequest("GET", "/sns/oauth2/access_token?"+v.Encode(), nil))
		return w
	}
	code := loc.Query().Get("code")
	if w := ex(code); w.Code != 200 || !strings.Contains(w.Body.String(), `"openid":"oPage"`) {
		t.Errorf("exchange = %s", w.Body)
	}
	if w := ex(code); !strings.Contains(w.Body.String(), `"errcode":40163`) {
		t.Errorf("second exchange = %s", w.Body)
	}
	for _, bad := range []url.Values{
		{"appid": {DefaultAppID}, "redirect_uri": {"relative"}, "response_type": {"code"}, "scope": {"snsapi_base"}},
		{"appid": {DefaultAppID}, "redirect_uri": {"https://a.example/"}, "response_type": {"token"}, "scope": {"snsapi_base"}},
		{"appid": {DefaultAppID}, "redirect_uri": {"https://a.example/"}, "response_type": {"code"}, "scope": {"snsapi_login"}},
	} {
		if w := get(bad); w.Code != http.StatusBadRequest {
			t.Errorf("%v: %d", bad, w.Code)
		}
	}
}
