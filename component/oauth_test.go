package component_test

import (
	"context"
	"errors"
	"net/url"
	"strings"
	"testing"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/component"
	"github.com/weixin-go/wechat/fakewechat"
)

func TestOAuthForOfficialAccount(t *testing.T) {
	srv, c, _, _ := authorized(t)
	ctx := context.Background()
	u, err := c.OAuthURL(authorizerAppID, "https://example.com/cb?a=1&b=2", component.ScopeUserInfo, "st")
	if err != nil {
		t.Fatal(err)
	}
	pu, _ := url.Parse(u)
	q := pu.Query()
	if !strings.HasPrefix(u, component.OAuthAuthorizePage+"?") || q.Get("component_appid") != fakewechat.DefaultComponentAppID ||
		q.Get("redirect_uri") != "https://example.com/cb?a=1&b=2" || q.Get("appid") != authorizerAppID || pu.Fragment != "wechat_redirect" {
		t.Fatalf("url = %s", u)
	}
	if _, err := c.OAuthURL(authorizerAppID, "ftp://x", component.ScopeBase, ""); err == nil {
		t.Fatal("ftp redirect accepted")
	}
	code := srv.ComponentOAuthCode(authorizerAppID, "openid-1")
	tok, err := c.OAuthExchange(ctx, authorizerAppID, code)
	if err != nil || tok.OpenID != "openid-1" || tok.RefreshToken == "" {
		t.Fatalf("exchange = %+v, %v", tok, err)
	}
	var ae *wechat.APIError
	if _, err := c.OAuthExchange(ctx, authorizerAppID, code); !errors.As(err, &ae) || ae.Code != 40029 {
		t.Fatalf("code reused: %v", err)
	}
	tok2, err := c.OAuthRefresh(ctx, authorizerAppID, tok.RefreshToken)
	if err != nil || tok2.OpenID != "openid-1" {
		t.Fatalf("refresh = %+v, %v", tok2, err)
	}
	_, err = c.OAuthExchange(ctx, "wxnotauthorized00001", srv.ComponentOAuthCode("wxnotauthorized00001", "o"))
	if !errors.As(err, &ae) || ae.Code != 61003 {
		t.Fatalf("not authorized: %v", err)
	}
	if strings.Contains(err.Error(), "component_access_token=") {
		t.Fatal("token in error")
	}
}

func TestTemplatesAndRegistration(t *testing.T) {
	srv, c, _ := newReady(t)
	ctx := context.Background()
	d := srv.AddTemplateDraft(fakewechat.DefaultComponentAppID, "1.0.0", "first")
	if err := c.AddTemplate(ctx, d, component.TemplateStandard); err != nil {
		t.Fatal(err)
	}
	if l, err := c.Templates(ctx, component.TemplateNormal); err != nil || len(l) != 0 {
		t.Fatalf("normal templates = %+v, %v", l, err)
	}
	l, err := c.Templates(ctx, -1)
	if err != nil || len(l) != 1 || l[0].UserVersion != "1.0.0" || l[0].TemplateType != component.TemplateStandard {
		t.Fatalf("templates = %+v, %v", l, err)
	}
	if err := c.DeleteTemplate(ctx, l[0].TemplateID); err != nil {
		t.Fatal(err)
	}
	var ae *wechat.APIError
	if err := c.DeleteTemplate(ctx, l[0].TemplateID); !errors.As(err, &ae) || ae.Code != 85014 {
		t.Fatalf("delete twice: %v", err)
	}
	e := &component.Enterprise{Name: "co", Code: "91440300", CodeType: 1, LegalPersonaWechat: "wx", LegalPersonaName: "n"}
	if err := c.FastRegisterMiniProgram(ctx, e); err != nil {
		t.Fatal(err)
	}
	if err := c.SearchFastRegistration(ctx, e); err != nil {
		t.Fatal(err)
	}
	if err := c.FastRegisterMiniProgram(ctx, &component.Enterprise{Name: "co"}); err == nil {
		t.Fatal("missing code accepted")
	}
	p, err := c.FastRegisterPersonal(ctx, "name", "wxuser", "")
	if err != nil || p.TaskID == "" {
		t.Fatalf("personal = %+v, %v", p, err)
	}
	if q, err := c.QueryPersonalRegistration(ctx, p.TaskID); err != nil || q.TaskID != p.TaskID {
		t.Fatalf("query = %+v, %v", q, err)
	}
	if err := c.StartPushTicket(ctx); err != nil {
		t.Fatal(err)
	}
}

func TestHasOpenAccount(t *testing.T) {
	_, c, _, _ := authorized(t)
	if ok, err := c.HasOpenAccount(context.Background(), authorizerAppID); err != nil || ok {
		t.Fatalf("have = %v, %v", ok, err)
	}
}
