package miniprogram_test

import (
	"strings"
	"testing"
	"time"

	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/miniprogram"
)

func TestURLLinkGenerateAndQuery(t *testing.T) {
	srv, c := newClient(t)
	ctx := t.Context()
	t0 := srv.Now().Unix()
	exp := srv.Now().Add(48 * time.Hour).Unix()
	link, err := c.URLLink.Generate(ctx, &miniprogram.URLLinkRequest{Path: "pages/item/item", Query: "id=42&from=sms",
		EnvVersion: miniprogram.EnvTrial, ExpireTime: exp, CloudBase: &miniprogram.LinkCloudBase{Env: "prod-1"}})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(link, "https://wxaurl.cn/") || len(link) != len("https://wxaurl.cn/")+11 {
		t.Fatalf("url_link = %q", link)
	}
	_, body := last(t, srv, "POST /wxa/generate_urllink")
	want := `{"cloud_base":{"env":"prod-1"},"env_version":"trial","expire_time":` + asJSON(t, exp) + `,"expire_type":0,"path":"pages/item/item","query":"id=42\u0026from=sms"}` // re-encoded by asJSON
	if asJSON(t, body) != want {
		t.Errorf("body = %s, want %s", asJSON(t, body), want)
	}
	rr, _ := last(t, srv, "POST /wxa/generate_urllink")
	if strings.Contains(string(rr.Body), `\u0026`) {
		t.Errorf("body escapes &: %s", rr.Body)
	}

	info, err := c.URLLink.Query(ctx, link)
	if err != nil {
		t.Fatal(err)
	}
	if info.AppID != fakewechat.DefaultAppID || info.Path != "pages/item/item" || info.Query != "id=42&from=sms" ||
		info.EnvVersion != "trial" || info.ExpireTime != exp || info.CreateTime < t0 || info.CreateTime > srv.Now().Unix() {
		t.Errorf("info = %+v", info)
	}
	// Parameters appended with ?cq= are what the page gets.
	info, err = c.URLLink.Query(ctx, link+"?cq=a%3Dhello")
	if err != nil || info.Query != "a=hello" {
		t.Fatalf("Query(cq) = %+v, %v", info, err)
	}
	if _, body := last(t, srv, "POST /wxa/query_urllink"); asJSON(t, body) != `{"query_type":0,"url_link":"`+link+`?cq=a%3Dhello"}` {
		t.Errorf("query body = %s", asJSON(t, body))
	}

	week, err := c.URLLink.GenerateForDays(ctx, "", "", 7)
	if err != nil || week == link {
		t.Fatalf("GenerateForDays = %q, %v", week, err)
	}
	links := srv.MPLinks(fakewechat.DefaultAppID)
	if info, err := c.URLLink.Query(ctx, week); err != nil || len(links) != 2 || info.EnvVersion != "release" ||
		info.ExpireTime != links[1].CreatedAt.Add(7*24*time.Hour).Unix() {
		t.Fatalf("Query(week) = %+v, %v", info, err)
	}
	if len(links) != 2 || links[0].Kind != fakewechat.MPURLLink || links[0].CloudEnv != "prod-1" || links[1].Link != week {
		t.Errorf("links = %+v", links)
	}

	n, err := c.URLLink.RemainingVisits(ctx)
	if err != nil || n != fakewechat.MPLinkRemainVisits {
		t.Fatalf("RemainingVisits = %d, %v", n, err)
	}
	if _, body := last(t, srv, "POST /wxa/query_urllink"); asJSON(t, body) != `{"query_type":1}` {
		t.Errorf("quota body = %s", asJSON(t, body))
	}

	// WeChat's errors: unknown link, expiry beyond 30 days or in the past,
	// a query with characters it refuses.
	_, err = c.URLLink.Query(ctx, "https://wxaurl.cn/NoSuchLink0")
	wantAPIError(t, err, fakewechat.CodeMPURLLinkNotFound)
	_, err = c.URLLink.Generate(ctx, &miniprogram.URLLinkRequest{ExpireTime: srv.Now().Add(31 * 24 * time.Hour).Unix()})
	wantAPIError(t, err, 40097)
	_, err = c.URLLink.Generate(ctx, &miniprogram.URLLinkRequest{ExpireTime: srv.Now().Add(-time.Hour).Unix()})
	wantAPIError(t, err, 40097)
	err = c.Call(ctx, "POST", "/wxa/generate_urllink", nil, map[string]any{"query": "a=<b>", "expire_type": 1, "expire_interval": 1}, nil)
	wantAPIError(t, err, fakewechat.CodeMPInvalidLinkQuery)
	err = c.Call(ctx, "POST", "/wxa/generate_urllink", nil, map[string]any{"env_version": "beta", "expire_type": 1, "expire_interval": 1}, nil)
	wantAPIError(t, err, fakewechat.CodeMPInvalidEnvVersion)

	before := len(srv.Requests())
	for _, tc := range []struct {
		req *miniprogram.URLLinkRequest
		arg string
	}{
		{nil, "expire_time"},
		{&miniprogram.URLLinkRequest{}, "expire_time"},
		{&miniprogram.URLLinkRequest{Path: "pages/a?x=1", ExpireTime: exp}, "path"},
		{&miniprogram.URLLinkRequest{Query: "a=b c", ExpireTime: exp}, "query"},
		{&miniprogram.URLLinkRequest{Query: strings.Repeat("a", 1025), ExpireTime: exp}, "query"},
		{&miniprogram.URLLinkRequest{EnvVersion: "beta", ExpireTime: exp}, "env_version"},
		{&miniprogram.URLLinkRequest{ExpireType: miniprogram.ExpireAfterDays, ExpireInterval: 31}, "expire_interval"},
		{&miniprogram.URLLinkRequest{ExpireType: 2}, "expire_type"},
		{&miniprogram.URLLinkRequest{ExpireTime: exp, CloudBase: &miniprogram.LinkCloudBase{Domain: "x.example.com"}}, "cloud_base.env"},
	} {
		_, err := c.URLLink.Generate(ctx, tc.req)
		wantArgError(t, srv, before, err, tc.arg)
	}
	_, err = c.URLLink.Query(ctx, "")
	wantArgError(t, srv, before, err, "url_link")
}

func TestShortLinkGenerate(t *testing.T) {
	srv, c := newClient(t)
	ctx := t.Context()
	link, err := c.ShortLink.Generate(ctx, "pages/publishHomework/publishHomework?query1=q1", "Homework title", false)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(link, "#小程序://fake/Homework title/") {
		t.Fatalf("link = %q", link)
	}
	if _, body := last(t, srv, "POST /wxa/genwxashortlink"); asJSON(t, body) != `{"is_permanent":false,"page_title":"Homework title","page_url":"pages/publishHomework/publishHomework?query1=q1"}` {
		t.Errorf("body = %s", asJSON(t, body))
	}
	long := strings.Repeat("标", 25)
	perm, err := c.ShortLink.Generate(ctx, "pages/index/index", long, true)
	if err != nil {
		t.Fatal(err)
	}
	links := srv.MPLinks(fakewechat.DefaultAppID)
	if len(links) != 2 || !links[0].ExpiresAt.Equal(links[0].CreatedAt.Add(30*24*time.Hour)) || !links[1].Permanent ||
		links[1].Title != strings.Repeat("标", 20)+"..." || links[1].Link != perm || !links[1].ExpiresAt.IsZero() {
		t.Errorf("links = %+v", links)
	}
	noTitle, err := c.ShortLink.Generate(ctx, "pages/index/index", "", false)
	if err != nil || !strings.HasPrefix(noTitle, "#小程序://fake/") || strings.Count(noTitle, "/") != 3 {
		t.Fatalf("Generate(no title) = %q, %v", noTitle, err)
	}
	if _, body := last(t, srv, "POST /wxa/genwxashortlink"); asJSON(t, body) != `{"is_permanent":false,"page_url":"pages/index/index"}` {
		t.Errorf("body = %s", asJSON(t, body))
	}
	err = c.Call(ctx, "POST", "/wxa/genwxashortlink", nil, map[string]any{"page_title": "x"}, nil)
	wantAPIError(t, err, 40066)

	before := len(srv.Requests())
	_, err = c.ShortLink.Generate(ctx, "", "t", false)
	wantArgError(t, srv, before, err, "page_url")
	_, err = c.ShortLink.Generate(ctx, strings.Repeat("p", 1025), "", false)
	wantArgError(t, srv, before, err, "page_url")
}

func TestURLSchemeGenerateNFC(t *testing.T) {
	srv, c := newClient(t)
	ctx := t.Context()
	link, err := c.URLScheme.GenerateNFC(ctx, &miniprogram.NFCSchemeRequest{
		JumpWxa: &miniprogram.JumpWxa{Path: "/pages/publishHomework/publishHomework", Query: "a=1&b=2"}, ModelID: "model-1", SN: "sn-001"})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(link, "weixin://dl/business/?t=") {
		t.Fatalf("openlink = %q", link)
	}
	if _, body := last(t, srv, "POST /wxa/generatenfcscheme"); asJSON(t, body) != `{"jump_wxa":{"path":"/pages/publishHomework/publishHomework","query":"a=1\u0026b=2"},"model_id":"model-1","sn":"sn-001"}` {
		t.Errorf("body = %s", asJSON(t, body))
	}
	home, err := c.URLScheme.GenerateNFC(ctx, &miniprogram.NFCSchemeRequest{ModelID: "model-2"})
	if err != nil || home == link {
		t.Fatalf("GenerateNFC(home) = %q, %v", home, err)
	}
	links := srv.MPLinks(fakewechat.DefaultAppID)
	if len(links) != 2 || links[0].Kind != fakewechat.MPNFCScheme || links[0].ModelID != "model-1" || links[0].SN != "sn-001" ||
		links[0].Path != "/pages/publishHomework/publishHomework" || links[1].ModelID != "model-2" || links[1].Path != "" {
		t.Errorf("links = %+v", links)
	}
	err = c.Call(ctx, "POST", "/wxa/generatenfcscheme", nil, map[string]any{"jump_wxa": map[string]string{"path": "a"}}, nil)
	wantAPIError(t, err, 40097)
	err = c.Call(ctx, "POST", "/wxa/generatenfcscheme", nil, map[string]any{"model_id": "m", "jump_wxa": map[string]string{"path": "a?b=1"}}, nil)
	wantAPIError(t, err, fakewechat.CodeMPInvalidSchemePath)

	before := len(srv.Requests())
	for _, tc := range []struct {
		req *miniprogram.NFCSchemeRequest
		arg string
	}{
		{nil, "model_id"},
		{&miniprogram.NFCSchemeRequest{}, "model_id"},
		{&miniprogram.NFCSchemeRequest{ModelID: "m", JumpWxa: &miniprogram.JumpWxa{Query: "x=\"y\""}}, "jump_wxa.query"},
		{&miniprogram.NFCSchemeRequest{ModelID: "m", JumpWxa: &miniprogram.JumpWxa{EnvVersion: "prod"}}, "jump_wxa.env_version"},
	} {
		_, err := c.URLScheme.GenerateNFC(ctx, tc.req)
		wantArgError(t, srv, before, err, tc.arg)
	}
}
