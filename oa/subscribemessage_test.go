package oa_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/oa"
)

func TestSubscribeMessageLibrary(t *testing.T) {
	srv, c := newAClient(t)
	ctx := context.Background()
	cats, err := c.SubscribeMessage.Categories(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(cats) != len(fakewechat.OASubscribeCategories) || cats[0].ID != 616 || cats[0].Name == "" {
		t.Errorf("categories = %+v", cats)
	}

	page, err := c.SubscribeMessage.PubTemplateTitles(ctx, []int{616, 2}, 30, 10)
	if err != nil {
		t.Fatal(err)
	}
	rr, _ := reqA(t, srv, "GET /wxaapi/newtmpl/getpubtemplatetitles")
	if rr.Query.Get("ids") != "616,2" || rr.Query.Get("start") != "30" || rr.Query.Get("limit") != "10" {
		t.Errorf("titles query = %v", rr.Query)
	}
	if page.Count != fakewechat.OASubscribeTitleCount+2 || len(page.Titles) != 7 || page.Titles[0].TID != 130 ||
		page.Titles[0].CategoryID != "616" || page.Titles[6].TID != 1002 || page.Titles[6].Type != 3 {
		t.Errorf("titles page = %+v", page)
	}
	before := srv.Count("GET /wxaapi/newtmpl/getpubtemplatetitles")
	all, err := drainC(c.SubscribeMessage.AllPubTemplateTitles(ctx, []int{616}), 0)
	if err != nil || len(all) != fakewechat.OASubscribeTitleCount || all[34].TID != 134 {
		t.Fatalf("all titles = %d, %v", len(all), err)
	}
	if n := srv.Count("GET /wxaapi/newtmpl/getpubtemplatetitles") - before; n != 2 {
		t.Errorf("AllPubTemplateTitles made %d requests, want 2", n)
	}
	if some, err := drainC(c.SubscribeMessage.AllPubTemplateTitles(ctx, []int{2}), 1); err != nil || len(some) != 1 || some[0].TID != 1001 {
		t.Errorf("early stop = %+v, %v", some, err)
	}

	kws, err := c.SubscribeMessage.PubTemplateKeywords(ctx, 1001)
	if err != nil {
		t.Fatal(err)
	}
	if rr, _ := reqA(t, srv, "GET /wxaapi/newtmpl/getpubtemplatekeywords"); rr.Query.Get("tid") != "1001" {
		t.Errorf("keywords query = %v", rr.Query)
	}
	if len(kws) < 3 || kws[0].KID != 1 || kws[0].Rule != "thing" || kws[0].Name == "" || kws[0].Example == "" {
		t.Errorf("keywords = %+v", kws)
	}
	_, err = c.SubscribeMessage.PubTemplateKeywords(ctx, 5)
	apiCodeA(t, err, 200014)

	const none = "GET /none"
	_, err = c.SubscribeMessage.PubTemplateTitles(ctx, nil, 0, 5)
	argErrA(t, srv, none, err, "ids")
	_, err = c.SubscribeMessage.PubTemplateTitles(ctx, []int{1}, 0, 31)
	argErrA(t, srv, none, err, "limit")
	_, err = c.SubscribeMessage.PubTemplateTitles(ctx, []int{1}, -1, 5)
	argErrA(t, srv, none, err, "start")
	_, err = c.SubscribeMessage.PubTemplateKeywords(ctx, 0)
	argErrA(t, srv, none, err, "tid")
}

func TestSubscribeMessageCategoryIDAsNumber(t *testing.T) {
	var p oa.SubscribeTitlePage
	if err := json.Unmarshal([]byte(`{"count":2,"data":[{"tid":1,"title":"a","type":2,"categoryId":616},{"tid":2,"title":"b","type":3,"categoryId":"617"}]}`), &p); err != nil {
		t.Fatal(err)
	}
	if p.Titles[0].CategoryID != "616" || p.Titles[1].CategoryID != "617" || p.Titles[1].Type != 3 || p.Titles[0].Title != "a" {
		t.Errorf("decoded = %+v", p)
	}
	if err := json.Unmarshal([]byte(`{"data":[{"categoryId":{}}]}`), &p); err == nil {
		t.Error("object categoryId accepted")
	}
}

func TestSubscribeMessageTemplatesAndSend(t *testing.T) {
	srv, c := newAClient(t)
	ctx := context.Background()
	id, err := c.SubscribeMessage.AddTemplate(ctx, 1001, []int{3, 1}, "下单成功后")
	if err != nil {
		t.Fatal(err)
	}
	if _, body := reqA(t, srv, "POST /wxaapi/newtmpl/addtemplate"); jsonA(t, body) != `{"kidList":[3,1],"sceneDesc":"下单成功后","tid":"1001"}` {
		t.Errorf("addtemplate body = %v", body)
	}
	tpls, err := c.SubscribeMessage.Templates(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(tpls) != 1 || tpls[0].PriTmplID != id || tpls[0].Type != 2 || !strings.Contains(tpls[0].Content, "{{time3.DATA}}") || tpls[0].Title == "" {
		t.Errorf("templates = %+v", tpls)
	}
	_, err = c.SubscribeMessage.AddTemplate(ctx, 1001, []int{1, 9}, "")
	apiCodeA(t, err, 200020)

	msg := &oa.SubscribeMessage{ToUser: "oUser1", TemplateID: id, Page: "https://example.com/order/1",
		MiniProgram: &oa.TemplateMiniProgram{AppID: "wxmini", PagePath: "pages/order?id=1"},
		Data:        oa.SubscribeData{"time3": "2026-11-25 18:00", "thing1": "咖啡"}}
	apiCodeA(t, c.SubscribeMessage.Send(ctx, msg), 43101)
	if !srv.SubscribeUser(fakewechat.DefaultAppID, "oUser1", id) {
		t.Fatal("SubscribeUser: no such template")
	}
	if err := c.SubscribeMessage.Send(ctx, msg); err != nil {
		t.Fatal(err)
	}
	_, body := reqA(t, srv, "POST /cgi-bin/message/subscribe/bizsend")
	want := `{"data":{"thing1":{"value":"咖啡"},"time3":{"value":"2026-11-25 18:00"}},"miniprogram":{"appid":"wxmini","pagepath":"pages/order?id=1"},"page":"https://example.com/order/1","template_id":"` + id + `","touser":"oUser1"}`
	if jsonA(t, body) != want {
		t.Errorf("bizsend body = %s", jsonA(t, body))
	}
	sent := srv.SubscribeSends(fakewechat.DefaultAppID)
	if len(sent) != 1 || sent[0].Data["thing1"] != "咖啡" || sent[0].MiniProgramAppID != "wxmini" {
		t.Errorf("sent = %+v", sent)
	}
	// A one-time subscription is used up.
	apiCodeA(t, c.SubscribeMessage.Send(ctx, msg), 43101)
	srv.SubscribeUser(fakewechat.DefaultAppID, "oUser1", id)
	bad := *msg
	bad.Data = oa.SubscribeData{"thing1": "咖啡"}
	apiCodeA(t, c.SubscribeMessage.Send(ctx, &bad), 47003)
	bad.Data = oa.SubscribeData{"thing1": "x", "time3": "y", "amount2": "z"}
	apiCodeA(t, c.SubscribeMessage.Send(ctx, &bad), 47003)

	// A long-term template allows many notifications.
	long, err := c.SubscribeMessage.AddTemplate(ctx, 1002, []int{1, 5}, "")
	if err != nil {
		t.Fatal(err)
	}
	srv.SubscribeUser(fakewechat.DefaultAppID, "oUser2", long)
	for range 3 {
		if err := c.SubscribeMessage.Send(ctx, &oa.SubscribeMessage{ToUser: "oUser2", TemplateID: long, Data: oa.SubscribeData{"thing1": "a", "thing5": "b"}}); err != nil {
			t.Fatal(err)
		}
	}

	if err := c.SubscribeMessage.DeleteTemplate(ctx, id); err != nil {
		t.Fatal(err)
	}
	if _, body := reqA(t, srv, "POST /wxaapi/newtmpl/deltemplate"); jsonA(t, body) != `{"priTmplId":"`+id+`"}` {
		t.Errorf("deltemplate body = %v", body)
	}
	apiCodeA(t, c.SubscribeMessage.DeleteTemplate(ctx, id), 40037)
	apiCodeA(t, c.SubscribeMessage.Send(ctx, msg), 40037)

	const none = "POST /none"
	_, err = c.SubscribeMessage.AddTemplate(ctx, 0, []int{1, 2}, "")
	argErrA(t, srv, none, err, "tid")
	_, err = c.SubscribeMessage.AddTemplate(ctx, 1001, []int{1}, "")
	argErrA(t, srv, none, err, "kidList")
	_, err = c.SubscribeMessage.AddTemplate(ctx, 1001, []int{1, 2, 3, 4, 5, 6}, "")
	argErrA(t, srv, none, err, "kidList")
	_, err = c.SubscribeMessage.AddTemplate(ctx, 1001, []int{1, 2}, strings.Repeat("长", 16))
	argErrA(t, srv, none, err, "sceneDesc")
	argErrA(t, srv, none, c.SubscribeMessage.DeleteTemplate(ctx, ""), "priTmplId")
	argErrA(t, srv, none, c.SubscribeMessage.Send(ctx, nil), "msg")
	argErrA(t, srv, none, c.SubscribeMessage.Send(ctx, &oa.SubscribeMessage{TemplateID: "t", Data: oa.SubscribeData{"a": "b"}}), "touser")
	argErrA(t, srv, none, c.SubscribeMessage.Send(ctx, &oa.SubscribeMessage{ToUser: "o", Data: oa.SubscribeData{"a": "b"}}), "template_id")
	argErrA(t, srv, none, c.SubscribeMessage.Send(ctx, &oa.SubscribeMessage{ToUser: "o", TemplateID: "t"}), "data")
	argErrA(t, srv, none, c.SubscribeMessage.Send(ctx, &oa.SubscribeMessage{ToUser: "o", TemplateID: "t", Data: oa.SubscribeData{"a": "b"}, MiniProgram: &oa.TemplateMiniProgram{}}), "miniprogram.appid")
}

func TestSubscribeDataJSON(t *testing.T) {
	in := oa.SubscribeData{"thing1": "a\"b", "time2": ""}
	b, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	if string(b) != `{"thing1":{"value":"a\"b"},"time2":{"value":""}}` {
		t.Errorf("marshal = %s", b)
	}
	var out oa.SubscribeData
	if err := json.Unmarshal(b, &out); err != nil || len(out) != 2 || out["thing1"] != `a"b` {
		t.Errorf("round trip = %v, %v", out, err)
	}
	if err := json.Unmarshal([]byte(`{"k":"v"}`), &out); err == nil {
		t.Error("flat map accepted")
	}
}
