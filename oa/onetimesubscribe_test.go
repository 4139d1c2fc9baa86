package oa_test

import (
	"context"
	"strings"
	"testing"

	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/oa"
)

func TestTemplateSendOneTimeSubscribe(t *testing.T) {
	ctx := context.Background()
	srv, c := newAClient(t)
	to := openidA(1)
	msg := func() *oa.OneTimeSubscribeMessage {
		return &oa.OneTimeSubscribeMessage{ToUser: to, TemplateID: "tpl-once", URL: "https://example.com/a?b=1&c=2",
			Scene: 1000, Title: "订阅通知", Data: oa.OneTimeSubscribeData{Content: oa.TemplateDataItem{Value: "您好！", Color: "#FF0000"}}}
	}
	confirm := func(scene int) {
		t.Helper()
		if err := srv.ConfirmOneTimeSubscribe(fakewechat.DefaultAppID, to, "tpl-once", scene); err != nil {
			t.Fatal(err)
		}
	}
	// Without the user's authorization, WeChat refuses; one authorization
	// is one message, however often confirmed.
	apiCodeA(t, c.Template.SendOneTimeSubscribe(ctx, msg()), 43101)
	confirm(1000)
	confirm(1000)
	if err := c.Template.SendOneTimeSubscribe(ctx, msg()); err != nil {
		t.Fatal(err)
	}
	apiCodeA(t, c.Template.SendOneTimeSubscribe(ctx, msg()), 43101)
	rr, _ := reqA(t, srv, "POST /cgi-bin/message/template/subscribe")
	want := `{"touser":"` + to + `","template_id":"tpl-once","url":"https://example.com/a?b=1&c=2","scene":"1000","title":"订阅通知","data":{"content":{"value":"您好！","color":"#FF0000"}}}`
	if string(rr.Body) != want {
		t.Errorf("body %s\nwant %s", rr.Body, want)
	}
	confirm(0)
	m := msg()
	m.URL, m.Scene = "", 0
	m.MiniProgram = &oa.TemplateMiniProgram{AppID: "wxmini", PagePath: "index?foo=bar"}
	if err := c.Template.SendOneTimeSubscribe(ctx, m); err != nil {
		t.Fatal(err)
	}
	if b := jsonA(t, bodyD(t, srv, "POST /cgi-bin/message/template/subscribe")); !strings.Contains(b, `"miniprogram":{"appid":"wxmini","pagepath":"index?foo=bar"}`) || !strings.Contains(b, `"scene":"0"`) {
		t.Errorf("mini program body %s", b)
	}

	// WeChat errors: a malformed openid, a url that is not http(s).
	m = msg()
	m.ToUser = "nobody"
	apiCodeA(t, c.Template.SendOneTimeSubscribe(ctx, m), 40003)
	m = msg()
	m.URL = "ftp://example.com"
	apiCodeA(t, c.Template.SendOneTimeSubscribe(ctx, m), 40062)
	confirm(1000)
	if err := srv.Inject(fakewechat.Fault{Path: "POST /cgi-bin/message/template/subscribe", Errcode: 43101, Times: 1}); err != nil {
		t.Fatal(err)
	}
	apiCodeA(t, c.Template.SendOneTimeSubscribe(ctx, msg()), 43101)

	// Bad input never leaves the SDK.
	for arg, edit := range map[string]func(*oa.OneTimeSubscribeMessage){
		"touser":             func(m *oa.OneTimeSubscribeMessage) { m.ToUser = "" },
		"template_id":        func(m *oa.OneTimeSubscribeMessage) { m.TemplateID = "" },
		"scene":              func(m *oa.OneTimeSubscribeMessage) { m.Scene = 10001 },
		"title":              func(m *oa.OneTimeSubscribeMessage) { m.Title = strings.Repeat("题", 16) },
		"data.content.value": func(m *oa.OneTimeSubscribeMessage) { m.Data.Content.Value = strings.Repeat("字", 201) },
		"miniprogram":        func(m *oa.OneTimeSubscribeMessage) { m.MiniProgram = &oa.TemplateMiniProgram{AppID: "wxmini"} },
	} {
		m := msg()
		edit(m)
		argErrA(t, srv, "POST /none", c.Template.SendOneTimeSubscribe(ctx, m), arg)
	}
	m = msg()
	m.Title = ""
	argErrA(t, srv, "POST /none", c.Template.SendOneTimeSubscribe(ctx, m), "title")
	argErrA(t, srv, "POST /none", c.Template.SendOneTimeSubscribe(ctx, nil), "message")
	if n := srv.Count("POST /cgi-bin/message/template/subscribe"); n != 7 {
		t.Errorf("%d sends, want 7", n)
	}
	// The injected fault came first: the authorization is still there.
	if err := c.Template.SendOneTimeSubscribe(ctx, msg()); err != nil {
		t.Errorf("send after the fault: %v", err)
	}
}

func TestTemplateOneTimeSubscribeURL(t *testing.T) {
	srv, c := newAClient(t)
	u, err := c.Template.OneTimeSubscribeURL("tpl-once", 1000, "https://example.com/back?x=1&y=2", "abc123")
	if err != nil {
		t.Fatal(err)
	}
	want := "https://mp.weixin.qq.com/mp/subscribemsg?action=get_confirm&appid=" + fakewechat.DefaultAppID +
		"&scene=1000&template_id=tpl-once&redirect_url=https%3A%2F%2Fexample.com%2Fback%3Fx%3D1%26y%3D2&reserved=abc123#wechat_redirect"
	if u != want {
		t.Errorf("url %s\nwant %s", u, want)
	}
	if u, _ := c.Template.OneTimeSubscribeURL("tpl-once", 0, "http://example.com", ""); strings.Contains(u, "reserved") || !strings.Contains(u, "&scene=0&") {
		t.Errorf("url without reserved %s", u)
	}
	for arg, call := range map[string]func() (string, error){
		"template_id":  func() (string, error) { return c.Template.OneTimeSubscribeURL("", 1, "https://example.com", "") },
		"scene":        func() (string, error) { return c.Template.OneTimeSubscribeURL("t", -1, "https://example.com", "") },
		"redirect_url": func() (string, error) { return c.Template.OneTimeSubscribeURL("t", 1, "/back", "") },
		"reserved":     func() (string, error) { return c.Template.OneTimeSubscribeURL("t", 1, "https://example.com", "a-b") },
	} {
		_, err := call()
		argErrA(t, srv, "POST /none", err, arg)
	}
}
