package oa_test

import (
	"log/slog"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/hub"
	"github.com/weixin-go/wechat/oa"
)

// A login through a hub's springboard: WeChat redirects to the hub, which
// forwards to the application's environment, where the login completes.
func TestOAuth2LoginThroughSpringboard(t *testing.T) {
	srv, c := newAClient(t)
	srv.SetOAuth2User(fakewechat.DefaultAppID, fakewechat.OAuth2User{OpenID: "oHubLogin"})
	h, err := hub.NewServer("a-long-shared-hub-secret", hub.WithLogger(slog.New(slog.DiscardHandler)))
	if err != nil {
		t.Fatal(err)
	}
	hubSrv := httptest.NewServer(h)
	defer hubSrv.Close()
	board := hub.SpringboardURL(hubSrv.URL, fakewechat.DefaultAppID, "", "staging")
	app := loginAppC(t, c, oa.OAuth2LoginConfig{Key: keyC, Insecure: true, Springboard: board})
	if err := h.SetOAuth2Env(fakewechat.DefaultAppID, "", "staging", app.URL); err != nil {
		t.Fatal(err)
	}
	resp, body := getC(t, browserC(t, srv), app.URL+"/shop/cart?x=1")
	if resp.StatusCode != 200 || body != "hello oHubLogin at /shop/cart?x=1" {
		t.Fatalf("login through the springboard: %d %q", resp.StatusCode, body)
	}
	rr, _ := srv.LastRequest("GET /connect/oauth2/authorize")
	if got := rr.Query.Get("redirect_uri"); got != board+"/shop/cart?x=1" {
		t.Fatalf("redirect_uri = %q, want the springboard", got)
	}
	if _, err := c.WebPage.OAuth2Login(oa.OAuth2LoginConfig{Key: keyC, Springboard: "/relative"}); err == nil ||
		!strings.Contains(err.Error(), "Springboard") {
		t.Fatalf("relative springboard: %v", err)
	}
}
