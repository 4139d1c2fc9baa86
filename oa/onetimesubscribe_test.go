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
	if err := c.Template.SendOneTimeSubscribe(ctx, msg()); err != nil {
		t.Fatal(err)
	}
	rr, _ := reqA(t, srv, "POST /cgi-bin/message/template/subscribe")
	want := `{"touser":"` + to + `","template_id":"tpl-once","url":"https://example.com/a?b=1&c=2","scene":"1000","title":"订阅通知","data":{"content":{"value":"您好！","color":"#FF0000"}}}`
	if string(rr.Body) != want {
		t.Errorf("body %s\nwant %s", rr.Body, want)
	}
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
	if n := srv.Count("POST /cgi-bin/message/template/subscribe"); n != 5 {
		t.Errorf("%d sends, want 5", n)
	}
}
