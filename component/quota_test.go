package component_test

import (
	"context"
	"testing"

	"github.com/weixin-go/wechat/fakewechat"
)

func TestGetQuota(t *testing.T) {
	srv, c, _ := newReady(t)
	ctx := context.Background()
	if _, err := c.CreatePreAuthCode(ctx); err != nil {
		t.Fatal(err)
	}
	q, err := c.GetQuota(ctx, "/cgi-bin/component/api_create_preauthcode")
	if err != nil {
		t.Fatal(err)
	}
	if q.Quota.DailyLimit <= 0 || q.Quota.Used != 1 || q.Quota.Remain != q.Quota.DailyLimit-1 || q.RateLimit == nil {
		t.Errorf("quota %+v", q)
	}
	// Documented: the component_access_token goes in access_token.
	query, body := last(t, srv, "POST /cgi-bin/openapi/quota/get")
	tok, _ := c.ComponentAccessToken(ctx)
	if query.Get("access_token") != tok || query.Has("component_access_token") {
		t.Errorf("quota/get query %v", query)
	}
	if body["cgi_path"] != "/cgi-bin/component/api_create_preauthcode" {
		t.Errorf("body %v", body)
	}
	_, err = c.GetQuota(ctx, "/cgi-bin/nowhere")
	wantCode(t, err, 76021)
	_, err = c.GetQuota(ctx, "cgi-bin/component/api_create_preauthcode")
	wantArg(t, err, "cgi_path")
}

func TestClearQuota(t *testing.T) {
	srv, c, _ := newReady(t)
	ctx := context.Background()
	if _, err := c.CreatePreAuthCode(ctx); err != nil {
		t.Fatal(err)
	}
	if err := c.ClearQuota(ctx); err != nil {
		t.Fatal(err)
	}
	query, body := last(t, srv, "POST /cgi-bin/component/clear_quota")
	if query.Get("component_access_token") == "" || query.Has("access_token") {
		t.Errorf("clear_quota query %v", query)
	}
	if body["component_appid"] != fakewechat.DefaultComponentAppID || len(body) != 1 {
		t.Errorf("clear_quota body %v", body)
	}
	q, err := c.GetQuota(ctx, "/cgi-bin/component/api_create_preauthcode")
	if err != nil {
		t.Fatal(err)
	}
	if q.Quota.Used != 0 {
		t.Errorf("used %d after clearing", q.Quota.Used)
	}
	// Ten clears a month, the appsecret variant included.
	for i := 1; i < 9; i++ {
		if err := c.ClearQuota(ctx); err != nil {
			t.Fatalf("clear %d: %v", i+1, err)
		}
	}
	if err := c.ClearQuotaByAppSecret(ctx, ""); err != nil {
		t.Fatal(err)
	}
	query, body = last(t, srv, "POST /cgi-bin/component/clear_quota/v2")
	if len(query) != 0 || body["component_appid"] != fakewechat.DefaultComponentAppID ||
		body["appsecret"] != fakewechat.DefaultComponentSecret || body["appid"] != nil {
		t.Errorf("v2 query %v body %v", query, body)
	}
	wantCode(t, c.ClearQuota(ctx), 48006)
}

func TestClearQuotaByAppSecretForAuthorizer(t *testing.T) {
	srv, c, _, _ := authorized(t)
	ctx := context.Background()
	if err := c.ClearQuotaByAppSecret(ctx, authorizerAppID); err != nil {
		t.Fatal(err)
	}
	if _, body := last(t, srv, "POST /cgi-bin/component/clear_quota/v2"); body["appid"] != authorizerAppID {
		t.Errorf("body %v", body)
	}
	wantCode(t, c.ClearQuotaByAppSecret(ctx, "wxnotauthorized000"), 40013)
}
