package oa_test

import (
	"context"
	"crypto/sha1"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/oa"
)

func TestWebPageAuthorizeURL(t *testing.T) {
	srv, c := newAClient(t)
	got, err := c.WebPage.AuthorizeURL("https://shop.example.com/cb?a=1&b=两", oa.ScopeUserInfo, "xyz123")
	if err != nil {
		t.Fatal(err)
	}
	want := "https://open.weixin.qq.com/connect/oauth2/authorize?appid=" + fakewechat.DefaultAppID +
		"&redirect_uri=https%3A%2F%2Fshop.example.com%2Fcb%3Fa%3D1%26b%3D%E4%B8%A4&response_type=code&scope=snsapi_userinfo&state=xyz123#wechat_redirect"
	if got != want {
		t.Errorf("AuthorizeURL =\n %s\nwant\n %s", got, want)
	}
	u, _ := url.Parse(got)
	if u.Query().Get("redirect_uri") != "https://shop.example.com/cb?a=1&b=两" || u.Fragment != "wechat_redirect" {
		t.Errorf("parsed = %v", u)
	}
	if got, _ := c.WebPage.AuthorizeURL("http://a.example/", oa.ScopeBase, ""); !strings.Contains(got, "&scope=snsapi_base&state=#wechat_redirect") {
		t.Errorf("base URL = %s", got)
	}
	for _, tc := range []struct{ uri, scope, state, arg string }{
		{"/relative", "snsapi_base", "", "redirect_uri"},
		{"ftp://x.example/", "snsapi_base", "", "redirect_uri"},
		{"https://x.example/", "snsapi_login", "", "scope"},
		{"https://x.example/", "snsapi_base", "a&b", "state"},
		{"https://x.example/", "snsapi_base", strings.Repeat("a", 129), "state"},
	} {
		_, err := c.WebPage.AuthorizeURL(tc.uri, oa.OAuth2Scope(tc.scope), tc.state)
		argErrA(t, srv, "GET /none", err, tc.arg)
	}
}

func TestWebPageExchangeRefreshUserInfo(t *testing.T) {
	srv, c := newAClient(t)
	ctx := context.Background()
	user := fakewechat.OAuth2User{OpenID: "oWebUser1", UnionID: "uWeb1", Nickname: "Ada", Sex: 2, Province: "Zhejiang", City: "Hangzhou", Country: "CN", HeadImgURL: "https://thirdwx.qlogo.cn/x/132"}
	code := srv.OAuth2Code(fakewechat.DefaultAppID, "snsapi_userinfo", user)

	tok, err := c.WebPage.Exchange(ctx, code)
	if err != nil {
		t.Fatal(err)
	}
	rr, _ := reqA(t, srv, "GET /sns/oauth2/access_token")
	q := rr.Query
	if q.Get("appid") != fakewechat.DefaultAppID || q.Get("secret") != fakewechat.DefaultSecret || q.Get("code") != code ||
		q.Get("grant_type") != "authorization_code" || q.Has("access_token") {
		t.Errorf("exchange query = %v", q)
	}
	if tok.OpenID != "oWebUser1" || tok.UnionID != "uWeb1" || tok.Scope != "snsapi_userinfo" || tok.AccessToken == "" || tok.RefreshToken == "" || tok.ExpiresIn != 7200 {
		t.Errorf("token = %#v", *tok)
	}
	// The code is single use, and neither it nor the secret shows in errors.
	_, err = c.WebPage.Exchange(ctx, code)
	apiCodeA(t, err, 40163)
	if strings.Contains(err.Error(), code) || strings.Contains(err.Error(), fakewechat.DefaultSecret) {
		t.Errorf("error leaks a credential: %v", err)
	}
	_, err = c.WebPage.Exchange(ctx, "bogus")
	apiCodeA(t, err, 40029)
	late := srv.OAuth2Code(fakewechat.DefaultAppID, "snsapi_base", user)
	srv.Advance(fakewechat.OAuth2CodeTTL + time.Second)
	_, err = c.WebPage.Exchange(ctx, late)
	apiCodeA(t, err, 40029)

	info, err := c.WebPage.UserInfo(ctx, tok.AccessToken, tok.OpenID, "en")
	if err != nil {
		t.Fatal(err)
	}
	rr, _ = reqA(t, srv, "GET /sns/userinfo")
	if rr.Query.Get("access_token") != tok.AccessToken || rr.Query.Get("openid") != tok.OpenID || rr.Query.Get("lang") != "en" {
		t.Errorf("userinfo query = %v", rr.Query)
	}
	if info.OpenID != user.OpenID || info.Nickname != "Ada" || info.Sex != 2 || info.City != "Hangzhou" || info.HeadImgURL != user.HeadImgURL || info.UnionID != "uWeb1" {
		t.Errorf("userinfo = %+v", info)
	}
	if err := c.WebPage.CheckAuth(ctx, tok.AccessToken, tok.OpenID); err != nil {
		t.Fatal(err)
	}
	if rr, _ := reqA(t, srv, "GET /sns/auth"); rr.Query.Get("access_token") != tok.AccessToken || rr.Query.Get("openid") != tok.OpenID {
		t.Errorf("auth query = %v", rr.Query)
	}
	apiCodeA(t, c.WebPage.CheckAuth(ctx, tok.AccessToken, "oSomeoneElse"), 40003)
	apiCodeA(t, c.WebPage.CheckAuth(ctx, "bogus", tok.OpenID), 40001)

	srv.Advance(2 * time.Hour)
	apiCodeA(t, c.WebPage.CheckAuth(ctx, tok.AccessToken, tok.OpenID), 42001)
	fresh, err := c.WebPage.RefreshUserToken(ctx, tok.RefreshToken)
	if err != nil {
		t.Fatal(err)
	}
	rr, _ = reqA(t, srv, "GET /sns/oauth2/refresh_token")
	if rr.Query.Get("appid") != fakewechat.DefaultAppID || rr.Query.Get("grant_type") != "refresh_token" || rr.Query.Get("refresh_token") != tok.RefreshToken || rr.Query.Has("secret") {
		t.Errorf("refresh query = %v", rr.Query)
	}
	if fresh.AccessToken == tok.AccessToken || fresh.OpenID != tok.OpenID || fresh.RefreshToken != tok.RefreshToken {
		t.Errorf("refreshed = %#v", *fresh)
	}
	if err := c.WebPage.CheckAuth(ctx, fresh.AccessToken, fresh.OpenID); err != nil {
		t.Errorf("refreshed token rejected: %v", err)
	}
	_, err = c.WebPage.RefreshUserToken(ctx, "bogus")
	apiCodeA(t, err, 40030)
	srv.Advance(31 * 24 * time.Hour)
	_, err = c.WebPage.RefreshUserToken(ctx, tok.RefreshToken)
	apiCodeA(t, err, 42002)
}

func TestWebPageBaseScopeAndArgs(t *testing.T) {
	srv, c := newAClient(t)
	ctx := context.Background()
	tok, err := c.WebPage.Exchange(ctx, srv.OAuth2Code(fakewechat.DefaultAppID, "snsapi_base", fakewechat.OAuth2User{OpenID: "oBase"}))
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.WebPage.UserInfo(ctx, tok.AccessToken, tok.OpenID, "")
	apiCodeA(t, err, 48001)
	if rr, _ := reqA(t, srv, "GET /sns/userinfo"); rr.Query.Has("lang") {
		t.Errorf("empty lang sent: %v", rr.Query)
	}

	const none = "GET /none"
	_, err = c.WebPage.Exchange(ctx, "")
	argErrA(t, srv, none, err, "code")
	_, err = c.WebPage.RefreshUserToken(ctx, "")
	argErrA(t, srv, none, err, "refresh_token")
	_, err = c.WebPage.UserInfo(ctx, "", "o", "")
	argErrA(t, srv, none, err, "access_token")
	_, err = c.WebPage.UserInfo(ctx, "t", "", "")
	argErrA(t, srv, none, err, "openid")
	_, err = c.WebPage.UserInfo(ctx, "t", "o", "fr")
	argErrA(t, srv, none, err, "lang")
	argErrA(t, srv, none, c.WebPage.CheckAuth(ctx, "", "o"), "access_token")

	// Printing or logging a token never shows it.
	var logged strings.Builder
	slog.New(slog.NewTextHandler(&logged, nil)).Info("login", "token", tok)
	for _, s := range []string{fmt.Sprint(tok), fmt.Sprintf("%+v", tok), fmt.Sprintf("%#v", tok), logged.String()} {
		if strings.Contains(s, tok.AccessToken) || strings.Contains(s, tok.RefreshToken) || !strings.Contains(s, "oBase") {
			t.Errorf("formatted token = %s", s)
		}
	}
}

func TestSignJSSDK(t *testing.T) {
	// The example of the JS-SDK documentation (appendix 1).
	const ticket = "sM4AOVdWfPE4DxkXGEs8VMCPGGVi4C3VM0P37wVUCFvkVAy_90u5h9nbSlYy3-Sl-HhTdfl2fzFy1AOcHKP7qg"
	got := oa.SignJSSDK(ticket, "Wm3WZYTPz0wzccnW", 1414587457, "http://mp.weixin.qq.com?params=value")
	if got != "0f9de62fce790f9a083d5c99e95740ceb90c27ed" {
		t.Errorf("signature = %s", got)
	}
	if oa.SignJSSDK(ticket, "Wm3WZYTPz0wzccnW", 1414587457, "http://mp.weixin.qq.com?params=value#section") != got {
		t.Error("the fragment changed the signature")
	}
}

func TestWebPageJSSDKConfig(t *testing.T) {
	srv, c := newAClient(t)
	ctx := context.Background()
	page := "https://shop.example.com/item?id=7#reviews"
	cfg, err := c.WebPage.JSSDKConfig(ctx, page, "updateAppMessageShareData", "chooseImage")
	if err != nil {
		t.Fatal(err)
	}
	ticket, err := c.JSAPITicket(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if n := srv.Count("GET /cgi-bin/ticket/getticket"); n != 1 {
		t.Errorf("getticket called %d times", n)
	}
	sum := sha1.Sum([]byte(fmt.Sprintf("jsapi_ticket=%s&noncestr=%s&timestamp=%d&url=%s", ticket, cfg.NonceStr, cfg.Timestamp, "https://shop.example.com/item?id=7")))
	if cfg.Signature != hex.EncodeToString(sum[:]) {
		t.Errorf("signature %s does not match the ticket", cfg.Signature)
	}
	if cfg.AppID != fakewechat.DefaultAppID || len(cfg.NonceStr) != 16 || time.Since(time.Unix(cfg.Timestamp, 0)).Abs() > time.Minute {
		t.Errorf("config = %+v", cfg)
	}
	b, _ := json.Marshal(cfg)
	var m map[string]any
	json.Unmarshal(b, &m)
	if m["appId"] != fakewechat.DefaultAppID || m["nonceStr"] != cfg.NonceStr || m["signature"] != cfg.Signature ||
		jsonA(t, m["jsApiList"]) != `["updateAppMessageShareData","chooseImage"]` || m["timestamp"] != float64(cfg.Timestamp) {
		t.Errorf("wx.config JSON = %s", b)
	}
	again, _ := c.WebPage.JSSDKConfig(ctx, page)
	if again.NonceStr == cfg.NonceStr || again.JSAPIList == nil {
		t.Errorf("second config = %+v", again)
	}
	_, err = c.WebPage.JSSDKConfig(ctx, "/relative")
	argErrA(t, srv, "GET /none", err, "url")
}

func BenchmarkSignJSSDK(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		oa.SignJSSDK("sM4AOVdWfPE4DxkXGEs8VMCPGGVi4C3VM0P37wVUCFvkVAy_90u5h9nbSlYy3-Sl-HhTdfl2fzFy1AOcHKP7qg", "Wm3WZYTPz0wzccnW", 1414587457, "https://shop.example.com/item?id=7#reviews")
	}
}
