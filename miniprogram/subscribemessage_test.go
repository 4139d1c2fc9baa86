package miniprogram_test

import (
	"strconv"
	"strings"
	"testing"

	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/miniprogram"
)

func TestSubscribeMessageTemplates(t *testing.T) {
	srv, c := newClient(t)
	ctx := t.Context()
	cats, err := c.SubscribeMessage.Categories(ctx)
	if err != nil || len(cats) == 0 || cats[0].ID == 0 || cats[0].Name == "" {
		t.Fatalf("categories = %+v, %v", cats, err)
	}
	page, err := c.SubscribeMessage.PubTemplateTitles(ctx, []int{cats[0].ID, 1}, 0, 5)
	if err != nil || len(page.Data) != 5 || page.Count < 5 || page.Data[0].TID == 0 || page.Data[0].Title == "" {
		t.Fatalf("titles = %+v, %v", page, err)
	}
	rr, _ := last(t, srv, "GET /wxaapi/newtmpl/getpubtemplatetitles")
	if rr.Query.Get("ids") != strconv.Itoa(cats[0].ID)+",1" || rr.Query.Get("start") != "0" || rr.Query.Get("limit") != "5" {
		t.Errorf("query = %v", rr.Query)
	}
	tid := strconv.Itoa(page.Data[0].TID)
	kws, err := c.SubscribeMessage.PubTemplateKeywords(ctx, tid)
	if err != nil || len(kws) < 2 || kws[0].KID == 0 || kws[0].Rule == "" {
		t.Fatalf("keywords = %+v, %v", kws, err)
	}
	if rr, _ := last(t, srv, "GET /wxaapi/newtmpl/getpubtemplatekeywords"); rr.Query.Get("tid") != tid {
		t.Errorf("query = %v", rr.Query)
	}
	id, err := c.SubscribeMessage.AddTemplate(ctx, tid, []int{kws[1].KID, kws[0].KID}, "发货提醒")
	if err != nil || id == "" {
		t.Fatalf("AddTemplate = %q, %v", id, err)
	}
	_, body := last(t, srv, "POST /wxaapi/newtmpl/addtemplate")
	if asJSON(t, body) != `{"kidList":[`+strconv.Itoa(kws[1].KID)+`,`+strconv.Itoa(kws[0].KID)+`],"sceneDesc":"发货提醒","tid":"`+tid+`"}` {
		t.Errorf("body = %s", asJSON(t, body))
	}
	tmpls, err := c.SubscribeMessage.Templates(ctx)
	if err != nil || len(tmpls) != 1 || tmpls[0].PriTmplID != id || tmpls[0].Title != page.Data[0].Title || !strings.Contains(tmpls[0].Content, kws[0].Name) {
		t.Fatalf("templates = %+v, %v", tmpls, err)
	}
	if err := c.SubscribeMessage.DeleteTemplate(ctx, id); err != nil {
		t.Fatal(err)
	}
	if _, body := last(t, srv, "POST /wxaapi/newtmpl/deltemplate"); body["priTmplId"] != id {
		t.Errorf("body = %v", body)
	}
	if tmpls, _ := c.SubscribeMessage.Templates(ctx); len(tmpls) != 0 {
		t.Errorf("templates after delete = %+v", tmpls)
	}
	wantAPIError(t, c.SubscribeMessage.DeleteTemplate(ctx, id), 40037)
	_, err = c.SubscribeMessage.AddTemplate(ctx, "999999", []int{1, 2}, "")
	wantAPIError(t, err, fakewechat.CodeSubscribeInvalidTID)

	before := len(srv.Requests())
	_, err = c.SubscribeMessage.AddTemplate(ctx, tid, []int{1}, "")
	wantArgError(t, srv, before, err, "kidList")
	_, err = c.SubscribeMessage.AddTemplate(ctx, tid, []int{1, 2}, strings.Repeat("场", 16))
	wantArgError(t, srv, before, err, "sceneDesc")
	_, err = c.SubscribeMessage.AddTemplate(ctx, "", []int{1, 2}, "")
	wantArgError(t, srv, before, err, "tid")
	_, err = c.SubscribeMessage.PubTemplateTitles(ctx, nil, 0, 10)
	wantArgError(t, srv, before, err, "ids")
	_, err = c.SubscribeMessage.PubTemplateTitles(ctx, []int{1}, 0, 31)
	wantArgError(t, srv, before, err, "limit")
	_, err = c.SubscribeMessage.PubTemplateKeywords(ctx, "")
	wantArgError(t, srv, before, err, "tid")
	wantArgError(t, srv, before, c.SubscribeMessage.DeleteTemplate(ctx, ""), "priTmplId")
}

func TestSubscribeMessageAllPubTemplateTitles(t *testing.T) {
	srv, c := newClient(t)
	ctx := t.Context()
	cats, err := c.SubscribeMessage.Categories(ctx)
	if err != nil {
		t.Fatal(err)
	}
	first, err := c.SubscribeMessage.PubTemplateTitles(ctx, []int{cats[0].ID}, 0, 1)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[int]bool{}
	for tt, err := range c.SubscribeMessage.AllPubTemplateTitles(ctx, []int{cats[0].ID}) {
		if err != nil {
			t.Fatal(err)
		}
		if seen[tt.TID] {
			t.Fatalf("tid %d twice", tt.TID)
		}
		seen[tt.TID] = true
	}
	if len(seen) != first.Count {
		t.Fatalf("iterated %d titles, want %d", len(seen), first.Count)
	}
	if wantPages := (first.Count + 29) / 30; srv.Count("GET /wxaapi/newtmpl/getpubtemplatetitles") != 1+wantPages || wantPages < 2 {
		t.Errorf("%d requests for %d titles", srv.Count("GET /wxaapi/newtmpl/getpubtemplatetitles"), first.Count)
	}
	// Stopping early fetches no further page.
	n := srv.Count("GET /wxaapi/newtmpl/getpubtemplatetitles")
	for range c.SubscribeMessage.AllPubTemplateTitles(ctx, []int{cats[0].ID}) {
		break
	}
	if got := srv.Count("GET /wxaapi/newtmpl/getpubtemplatetitles"); got != n+1 {
		t.Errorf("%d requests after an early stop", got-n)
	}
	// An error ends the iteration.
	srv.Inject(fakewechat.Fault{Path: "GET /wxaapi/newtmpl/getpubtemplatetitles", Errcode: 45009, Times: 1})
	for _, err := range c.SubscribeMessage.AllPubTemplateTitles(ctx, []int{cats[0].ID}) {
		wantAPIError(t, err, 45009)
	}
}

func TestSubscribeMessageSend(t *testing.T) {
	srv, c := newClient(t)
	ctx := t.Context()
	id, err := c.SubscribeMessage.AddTemplate(ctx, firstTID(t, c), []int{1, 3}, "")
	if err != nil {
		t.Fatal(err)
	}
	msg := &miniprogram.SubscribeMessage{ToUser: testOpenID, TemplateID: id, Page: "pages/order/order?id=1",
		Data: miniprogram.Values("thing1", "咖啡", "time3", "2026-11-25 10:00"), MiniprogramState: miniprogram.StateTrial, Lang: "zh_CN"}
	// Without the user's subscription: 43101.
	wantAPIError(t, c.SubscribeMessage.Send(ctx, msg), fakewechat.CodeUserRefused)
	srv.SubscribeUser(fakewechat.DefaultAppID, testOpenID, id)
	if err := c.SubscribeMessage.Send(ctx, msg); err != nil {
		t.Fatal(err)
	}
	_, body := last(t, srv, "POST /cgi-bin/message/subscribe/send")
	want := `{"data":{"thing1":{"value":"咖啡"},"time3":{"value":"2026-11-25 10:00"}},"lang":"zh_CN","miniprogram_state":"trial",` +
		`"page":"pages/order/order?id=1","template_id":"` + id + `","touser":"` + testOpenID + `"}`
	if asJSON(t, body) != want {
		t.Errorf("body = %s\nwant %s", asJSON(t, body), want)
	}
	sent := srv.SubscribeSends(fakewechat.DefaultAppID)
	if len(sent) != 1 || sent[0].Data["thing1"] != "咖啡" {
		t.Errorf("sent = %+v", sent)
	}
	// A one-time subscription allows one message.
	wantAPIError(t, c.SubscribeMessage.Send(ctx, msg), fakewechat.CodeUserRefused)
	// A keyword the template does not have; a missing one; an unknown template; a bad lang.
	srv.SubscribeUser(fakewechat.DefaultAppID, testOpenID, id)
	for _, m := range []*miniprogram.SubscribeMessage{
		{ToUser: testOpenID, TemplateID: id, Data: miniprogram.Values("thing1", "x", "time3", "t", "thing9", "x")},
		{ToUser: testOpenID, TemplateID: id, Data: miniprogram.Values("thing1", "x")},
		{ToUser: testOpenID, TemplateID: id, Data: msg.Data, Lang: "fr_FR"},
	} {
		wantAPIError(t, c.SubscribeMessage.Send(ctx, m), 47003)
	}
	wantAPIError(t, c.SubscribeMessage.Send(ctx, &miniprogram.SubscribeMessage{ToUser: testOpenID, TemplateID: "nope", Data: msg.Data}), 40037)

	before := len(srv.Requests())
	wantArgError(t, srv, before, c.SubscribeMessage.Send(ctx, nil), "touser")
	wantArgError(t, srv, before, c.SubscribeMessage.Send(ctx, &miniprogram.SubscribeMessage{TemplateID: id, Data: msg.Data}), "touser")
	wantArgError(t, srv, before, c.SubscribeMessage.Send(ctx, &miniprogram.SubscribeMessage{ToUser: "o", Data: msg.Data}), "template_id")
	wantArgError(t, srv, before, c.SubscribeMessage.Send(ctx, &miniprogram.SubscribeMessage{ToUser: "o", TemplateID: id}), "data")
	wantArgError(t, srv, before, c.SubscribeMessage.Send(ctx, &miniprogram.SubscribeMessage{ToUser: "o", TemplateID: id, Data: msg.Data, MiniprogramState: "beta"}), "miniprogram_state")
}

// firstTID returns the tid of the first public template of the account's
// first category.
func firstTID(t testing.TB, c *miniprogram.Client) string {
	t.Helper()
	cats, err := c.SubscribeMessage.Categories(t.Context())
	if err != nil || len(cats) == 0 {
		t.Fatalf("categories = %v, %v", cats, err)
	}
	p, err := c.SubscribeMessage.PubTemplateTitles(t.Context(), []int{cats[0].ID}, 0, 1)
	if err != nil || len(p.Data) == 0 {
		t.Fatalf("titles = %v, %v", p, err)
	}
	return strconv.Itoa(p.Data[0].TID)
}
