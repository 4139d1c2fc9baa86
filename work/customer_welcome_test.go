package work_test

import (
	"context"
	"testing"

	"github.com/weixin-go/wechat/work"
)

func TestCustomerWelcome(t *testing.T) {
	ctx := context.Background()
	srv, a := newBAgent(t)
	msg := &work.CustomerMessage{Text: &work.CustomerText{Content: "欢迎"}, Attachments: []work.CustomerAttachment{
		{MsgType: "link", Link: &work.CustomerLink{Title: "官网", URL: "https://example.com"}},
		{MsgType: "miniprogram", MiniProgram: &work.CustomerMiniProgram{Title: "mp", PicMediaID: "m", AppID: "wx1", Page: "/p"}}}}
	if err := a.CustomerWelcome.Send(ctx, "CODE1", msg); err != nil {
		t.Fatal(err)
	}
	if raw := rawB(t, srv, "POST /cgi-bin/externalcontact/send_welcome_msg"); raw != `{"welcome_code":"CODE1","text":{"content":"欢迎"},"attachments":[{"msgtype":"link","link":{"title":"官网","url":"https://example.com"}},{"msgtype":"miniprogram","miniprogram":{"title":"mp","pic_media_id":"m","appid":"wx1","page":"/p"}}]}` {
		t.Errorf("send body %s", raw)
	}
	apiCodeB(t, a.CustomerWelcome.Send(ctx, "CODE1", msg), 41051)

	n := len(srv.Requests())
	paramErrB(t, srv, n, a.CustomerWelcome.Send(ctx, "", msg), "welcome_code")
	paramErrB(t, srv, n, a.CustomerWelcome.Send(ctx, "c", &work.CustomerMessage{}), "text")
	paramErrB(t, srv, n, a.CustomerWelcome.Send(ctx, "c", &work.CustomerMessage{Attachments: []work.CustomerAttachment{{MsgType: "image"}}}), "attachments.image")
	paramErrB(t, srv, n, a.CustomerWelcome.Send(ctx, "c", &work.CustomerMessage{Attachments: []work.CustomerAttachment{{MsgType: "voice"}}}), "attachments.msgtype")
	paramErrB(t, srv, n, a.CustomerWelcome.Send(ctx, "c", &work.CustomerMessage{Attachments: make([]work.CustomerAttachment, 10)}), "attachments")

	id, err := a.CustomerWelcome.AddGroupTemplate(ctx, &work.GroupWelcomeTemplate{Text: &work.CustomerText{Content: "hi %NICKNAME%"}, Image: &work.CustomerImage{MediaID: "MID"}})
	if err != nil {
		t.Fatal(err)
	}
	if b := bodyB(t, srv, "POST /cgi-bin/externalcontact/group_welcome_template/add"); b["agentid"] != float64(1000002) || b["image"].(map[string]any)["media_id"] != "MID" {
		t.Errorf("add body %v", b)
	}
	if err := a.CustomerWelcome.EditGroupTemplate(ctx, &work.GroupWelcomeTemplate{TemplateID: id, Text: &work.CustomerText{Content: "hello"}}); err != nil {
		t.Fatal(err)
	}
	tpl, err := a.CustomerWelcome.GroupTemplate(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if tpl.TemplateID != id || tpl.Text.Content != "hello" || tpl.Image == nil || tpl.Image.MediaID != "MID" {
		t.Errorf("template %+v", tpl)
	}
	if err := a.CustomerWelcome.DeleteGroupTemplate(ctx, id); err != nil {
		t.Fatal(err)
	}
	_, err = a.CustomerWelcome.GroupTemplate(ctx, id)
	apiCodeB(t, err, 40058)
	apiCodeB(t, a.CustomerWelcome.EditGroupTemplate(ctx, &work.GroupWelcomeTemplate{TemplateID: id, Text: &work.CustomerText{Content: "x"}}), 40058)

	n = len(srv.Requests())
	_, err = a.CustomerWelcome.AddGroupTemplate(ctx, &work.GroupWelcomeTemplate{Image: &work.CustomerImage{}, Video: &work.CustomerMedia{}})
	paramErrB(t, srv, n, err, "image")
	_, err = a.CustomerWelcome.AddGroupTemplate(ctx, &work.GroupWelcomeTemplate{})
	paramErrB(t, srv, n, err, "text")
	paramErrB(t, srv, n, a.CustomerWelcome.EditGroupTemplate(ctx, &work.GroupWelcomeTemplate{}), "template_id")
	paramErrB(t, srv, n, a.CustomerWelcome.DeleteGroupTemplate(ctx, ""), "template_id")
	_, err = a.CustomerWelcome.GroupTemplate(ctx, "")
	paramErrB(t, srv, n, err, "template_id")
}
