package miniprogram_test

import (
	"strings"
	"testing"

	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/miniprogram"
)

func TestURLSchemeGenerate(t *testing.T) {
	srv, c := newClient(t)
	ctx := t.Context()
	exp := srv.Now().Add(24 * 3600e9).Unix()
	link, err := c.URLScheme.GenerateUntil(ctx, miniprogram.JumpWxa{Path: "pages/item/item", Query: "id=42", EnvVersion: miniprogram.EnvRelease}, exp)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(link, "weixin://dl/business/?t=") {
		t.Fatalf("openlink = %q", link)
	}
	_, body := last(t, srv, "POST /wxa/generatescheme")
	want := `{"expire_time":` + asJSON(t, exp) + `,"is_expire":true,"jump_wxa":{"env_version":"release","path":"pages/item/item","query":"id=42"}}`
	if asJSON(t, body) != want {
		t.Errorf("body = %s, want %s", asJSON(t, body), want)
	}
	link2, err := c.URLScheme.Generate(ctx, &miniprogram.SchemeRequest{IsExpire: true, ExpireType: miniprogram.ExpireAfterDays, ExpireInterval: 7})
	if err != nil || link2 == link {
		t.Fatalf("Generate = %q, %v", link2, err)
	}
	if s := srv.MPSchemes(fakewechat.DefaultAppID); len(s) != 2 || s[0].OpenLink != link || s[0].Path != "pages/item/item" {
		t.Errorf("schemes = %+v", s)
	}
	// Expired already: WeChat refuses.
	_, err = c.URLScheme.GenerateUntil(ctx, miniprogram.JumpWxa{}, srv.Now().Add(-3600e9).Unix())
	wantAPIError(t, err, 40097)
	before := len(srv.Requests())
	for _, tc := range []struct {
		req *miniprogram.SchemeRequest
		arg string
	}{
		{&miniprogram.SchemeRequest{JumpWxa: &miniprogram.JumpWxa{Path: "/pages/a"}}, "jump_wxa.path"},
		{&miniprogram.SchemeRequest{IsExpire: true}, "expire_time"},
		{&miniprogram.SchemeRequest{IsExpire: true, ExpireType: miniprogram.ExpireAfterDays, ExpireInterval: 31}, "expire_interval"},
		{&miniprogram.SchemeRequest{IsExpire: true, ExpireType: 2}, "expire_type"},
	} {
		_, err := c.URLScheme.Generate(ctx, tc.req)
		wantArgError(t, srv, before, err, tc.arg)
	}
}
