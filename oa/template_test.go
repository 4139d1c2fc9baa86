package oa_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/weixin-go/wechat/oa"
)

func TestTemplateIndustry(t *testing.T) {
	srv, c := newBClient(t)
	ctx := context.Background()
	if err := c.Template.SetIndustry(ctx, "1", "4"); err != nil {
		t.Fatal(err)
	}
	if got := lastJSON(t, srv, "POST /cgi-bin/template/api_set_industry"); got != `{"industry_id1":"1","industry_id2":"4"}` {
		t.Errorf("body = %s", got)
	}
	ind, err := c.Template.GetIndustry(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := oa.TemplateIndustry{
		Primary:   oa.IndustryClass{FirstClass: "IT科技", SecondClass: "互联网|电子商务"},
		Secondary: oa.IndustryClass{FirstClass: "IT科技", SecondClass: "电子技术"},
	}
	if *ind != want {
		t.Errorf("industry = %+v, want %+v", *ind, want)
	}
	wantAPIError(t, c.Template.SetIndustry(ctx, "1", "999"), 40102)
	before := len(srv.Requests())
	wantArgError(t, srv, before, c.Template.SetIndustry(ctx, "", "2"), "industry_id")
}

func TestTemplateAddListDelete(t *testing.T) {
	srv, c := newBClient(t)
	ctx := context.Background()
	id1, err := c.Template.Add(ctx, "TM00015")
	if err != nil {
		t.Fatal(err)
	}
	if got := lastJSON(t, srv, "POST /cgi-bin/template/api_add_template"); got != `{"template_id_short":"TM00015"}` {
		t.Errorf("body = %s", got)
	}
	id2, err := c.Template.Add(ctx, "OPENTM207498902", "thing1", "time2")
	if err != nil {
		t.Fatal(err)
	}
	body := lastBody(t, srv, "POST /cgi-bin/template/api_add_template")
	if kw, _ := body["keyword_name_list"].([]any); len(kw) != 2 || kw[0] != "thing1" {
		t.Errorf("keyword_name_list = %v", body["keyword_name_list"])
	}
	if id1 == "" || id2 == "" || id1 == id2 {
		t.Fatalf("template ids %q %q", id1, id2)
	}
	list, err := c.Template.List(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 2 || list[0].TemplateID != id1 || list[1].TemplateID != id2 {
		t.Fatalf("list = %+v", list)
	}
	if !strings.Contains(list[1].Content, "{{thing1.DATA}}") || list[0].Title == "" {
		t.Errorf("template decoded as %+v", list[1])
	}
	if err := c.Template.Delete(ctx, id1); err != nil {
		t.Fatal(err)
	}
	if got := lastBody(t, srv, "POST /cgi-bin/template/del_private_template"); got["template_id"] != id1 {
		t.Errorf("delete body = %v", got)
	}
	if list, _ = c.Template.List(ctx); len(list) != 1 || list[0].TemplateID != id2 {
		t.Errorf("after delete list = %+v", list)
	}
	wantAPIError(t, c.Template.Delete(ctx, id1), 40037)
	_, err = c.Template.Add(ctx, "bogus")
	wantAPIError(t, err, 40037)
	before := len(srv.Requests())
	_, err = c.Template.Add(ctx, "")
	wantArgError(t, srv, before, err, "template_id_short")
	wantArgError(t, srv, before, c.Template.Delete(ctx, ""), "template_id")
}

func TestTemplateLimit(t *testing.T) {
	_, c := newBClient(t)
	ctx := context.Background()
	for i := range 25 {
		if _, err := c.Template.Add(ctx, fmt.Sprintf("TM%05d", i)); err != nil {
			t.Fatal(err)
		}
	}
	_, err := c.Template.Add(ctx, "TM99999")
	wantAPIError(t, err, 45026)
}

func TestTemplateSend(t *testing.T) {
	srv, c := newBClient(t)
	ctx := context.Background()
	tid, err := c.Template.Add(ctx, "TM00015")
	if err != nil {
		t.Fatal(err)
	}
	msg := &oa.TemplateMessage{
		ToUser:      openidB,
		TemplateID:  tid,
		URL:         "https://example.com/order/1",
		MiniProgram: &oa.TemplateMiniProgram{AppID: "wxmini0000000001", PagePath: "pages/order?id=1"},
		Data: oa.TemplateData{
			"first":    {Value: "购买成功", Color: "#173177"},
			"keyword1": {Value: "巧克力"},
		},
		ClientMsgID: "order-1",
	}
	id1, err := c.Template.Send(ctx, msg)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"touser":"` + openidB + `","template_id":"` + tid + `","url":"https://example.com/order/1",` +
		`"miniprogram":{"appid":"wxmini0000000001","pagepath":"pages/order?id=1"},` +
		`"data":{"first":{"value":"购买成功","color":"#173177"},"keyword1":{"value":"巧克力"}},"client_msg_id":"order-1"}`
	if got := lastJSON(t, srv, "POST /cgi-bin/message/template/send"); got != want {
		t.Errorf("body =\n%s\nwant\n%s", got, want)
	}
	// A reused client_msg_id is rejected.
	_, err = c.Template.Send(ctx, msg)
	wantAPIError(t, err, 40097)

	id2, err := c.Template.SendData(ctx, openidB, tid, oa.TemplateData{"keyword1": {Value: "x"}})
	if err != nil {
		t.Fatal(err)
	}
	if id1 == 0 || id2 <= id1 {
		t.Errorf("msgids %d then %d", id1, id2)
	}
	body := lastBody(t, srv, "POST /cgi-bin/message/template/send")
	if _, ok := body["url"]; ok {
		t.Errorf("SendData sent a url: %v", body)
	}
	if _, ok := body["miniprogram"]; ok {
		t.Errorf("SendData sent a miniprogram: %v", body)
	}

	_, err = c.Template.SendData(ctx, openidB, "no-such-template", nil)
	wantAPIError(t, err, 40037)
	_, err = c.Template.SendData(ctx, "bad openid", tid, nil)
	wantAPIError(t, err, 40003)

	before := len(srv.Requests())
	for _, tc := range []struct {
		msg *oa.TemplateMessage
		arg string
	}{
		{nil, "message"},
		{&oa.TemplateMessage{TemplateID: tid}, "touser"},
		{&oa.TemplateMessage{ToUser: openidB}, "template_id"},
		{&oa.TemplateMessage{ToUser: openidB, TemplateID: tid, MiniProgram: &oa.TemplateMiniProgram{}}, "miniprogram.appid"},
	} {
		_, err := c.Template.Send(ctx, tc.msg)
		wantArgError(t, srv, before, err, tc.arg)
	}
}
