package work_test

import (
	"slices"
	"testing"

	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/work"
)

func TestMessageSendEveryType(t *testing.T) {
	srv, bot := botA(t)
	m := bot.Message
	to := work.ToUsers(fakewechat.WeComSeedUser1)
	media := func(typ, name string) string {
		return srv.AddWeComMedia(fakewechat.DefaultCorpID, typ, name, []byte("0123456789"))
	}
	img, voice, video, file := media("image", "a.png"), media("voice", "a.amr"), media("video", "a.mp4"), media("file", "a.pdf")
	cases := []struct {
		typ  string
		send func() (*work.SendResult, error)
		key  string // a field of the content
		want any
	}{
		{"text", func() (*work.SendResult, error) { return m.SendText(ctxA, to, "hi", work.MessageOptions{Safe: 1}) }, "content", "hi"},
		{"image", func() (*work.SendResult, error) { return m.SendImage(ctxA, to, img) }, "media_id", img},
		{"voice", func() (*work.SendResult, error) { return m.SendVoice(ctxA, to, voice) }, "media_id", voice},
		{"video", func() (*work.SendResult, error) {
			return m.SendVideo(ctxA, to, work.VideoContent{MediaID: video, Title: "T", Description: "D"})
		}, "title", "T"},
		{"file", func() (*work.SendResult, error) { return m.SendFile(ctxA, to, file) }, "media_id", file},
		{"textcard", func() (*work.SendResult, error) {
			return m.SendTextCard(ctxA, to, work.TextCard{Title: "t", Description: "d", URL: "https://e.com", BtnTxt: "more"})
		}, "btntxt", "more"},
		{"news", func() (*work.SendResult, error) {
			return m.SendNews(ctxA, to, []work.NewsArticle{{Title: "a", URL: "https://e.com", PicURL: "https://e.com/p.png"}})
		}, "articles", []any{map[string]any{"title": "a", "url": "https://e.com", "picurl": "https://e.com/p.png"}}},
		{"mpnews", func() (*work.SendResult, error) {
			return m.SendMPNews(ctxA, to, []work.MPNewsArticle{{Title: "a", ThumbMediaID: "TH", Content: "<p>x</p>"}})
		}, "articles", []any{map[string]any{"title": "a", "thumb_media_id": "TH", "content": "<p>x</p>"}}},
		{"markdown", func() (*work.SendResult, error) { return m.SendMarkdown(ctxA, to, "**b**") }, "content", "**b**"},
		{"miniprogram_notice", func() (*work.SendResult, error) {
			return m.SendMiniProgramNotice(ctxA, to, work.MiniProgramNotice{AppID: "wxapp", Title: "T", EmphasisFirstItem: true,
				ContentItem: []work.KeyValueItem{{Key: "k", Value: "v"}}})
		}, "content_item", []any{map[string]any{"key": "k", "value": "v"}}},
		{"template_card", func() (*work.SendResult, error) {
			return m.SendTemplateCard(ctxA, to, work.TemplateCard{CardType: work.CardTextNotice, MainTitle: &work.CardTitle{Title: "main"},
				CardAction: &work.CardAction{Type: 1, URL: "https://e.com"}})
		}, "card_type", "text_notice"},
	}
	for _, c := range cases {
		t.Run(c.typ, func(t *testing.T) {
			res, err := c.send()
			if err != nil {
				t.Fatal(err)
			}
			if res.MsgID == "" || res.InvalidUser != "" {
				t.Fatalf("result %+v", res)
			}
			b := lastBodyA(t, srv, "POST /cgi-bin/message/send")
			if b["msgtype"] != c.typ || b["touser"] != fakewechat.WeComSeedUser1 || b["agentid"] != float64(fakewechat.DefaultAgentID) {
				t.Fatalf("body %v", b)
			}
			if _, ok := b["toparty"]; ok {
				t.Fatal("empty toparty sent")
			}
			content, _ := b[c.typ].(map[string]any)
			if got := content[c.key]; !equalJSON(got, c.want) {
				t.Fatalf("%s.%s = %#v, want %#v", c.typ, c.key, got, c.want)
			}
		})
	}
	if b := srv.WeComMessages(fakewechat.DefaultCorpID); len(b) != len(cases) {
		t.Fatalf("fake kept %d messages", len(b))
	}
	first := srv.WeComMessages(fakewechat.DefaultCorpID)[0]
	if first.Body["safe"] != float64(1) {
		t.Fatalf("options not sent: %v", first.Body)
	}
}

func equalJSON(a, b any) bool {
	switch x := a.(type) {
	case []any:
		y, ok := b.([]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for i := range x {
			if !equalJSON(x[i], y[i]) {
				return false
			}
		}
		return true
	case map[string]any:
		y, ok := b.(map[string]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for k, v := range x {
			if !equalJSON(v, y[k]) {
				return false
			}
		}
		return true
	}
	return a == b
}

func TestMessageRecipients(t *testing.T) {
	srv, bot := botA(t)
	res, err := bot.Message.SendText(ctxA, work.Recipients{Users: []string{fakewechat.WeComSeedUser1, "ghost"}, Departments: []string{"1", "999"}, Tags: []string{"77"}}, "x")
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(res.InvalidUsers(), []string{"ghost"}) || res.InvalidParty != "999" || res.InvalidTag != "77" {
		t.Fatalf("result %+v", res)
	}
	b := lastBodyA(t, srv, "POST /cgi-bin/message/send")
	if b["touser"] != "zhangsan|ghost" || b["toparty"] != "1|999" || b["totag"] != "77" {
		t.Fatalf("body %v", b)
	}
	msgs := srv.WeComMessages(fakewechat.DefaultCorpID)
	if got := msgs[0].To; len(got) != 2 { // zhangsan and lisi through department 1
		t.Fatalf("reached %v", got)
	}
	_, err = bot.Message.SendText(ctxA, work.ToUsers("ghost"), "x")
	wantCodeA(t, err, fakewechat.CodeWeComAllRecipientsBad)
	if _, err := bot.Message.SendText(ctxA, work.ToUsers("@all"), "x"); err != nil {
		t.Fatal(err)
	}
}

func TestMessageArgumentErrors(t *testing.T) {
	srv, bot := botA(t)
	m := bot.Message
	to := work.ToUsers("zhangsan")
	_, err := m.SendText(ctxA, work.Recipients{}, "x")
	wantArgA(t, err, "touser")
	_, err = m.SendText(ctxA, work.ToDepartments("a|b"), "x")
	wantArgA(t, err, "toparty")
	_, err = m.SendText(ctxA, work.ToTags(make([]string, 101)...), "x")
	wantArgA(t, err, "totag")
	_, err = m.SendText(ctxA, to, "")
	wantArgA(t, err, "content")
	_, err = m.SendImage(ctxA, to, "")
	wantArgA(t, err, "media_id")
	_, err = m.SendNews(ctxA, to, make([]work.NewsArticle, 9))
	wantArgA(t, err, "articles")
	_, err = m.SendTextCard(ctxA, to, work.TextCard{Title: "t"})
	wantArgA(t, err, "description")
	_, err = m.Send(ctxA, to, &work.Message{})
	wantArgA(t, err, "msgtype")
	wantArgA(t, m.Recall(ctxA, ""), "msgid")
	if n := srv.Count(fakewechat.WeComPath("POST /cgi-bin/message/send")); n != 0 {
		t.Fatalf("%d requests sent for invalid arguments", n)
	}
	// The fake rejects what the SDK lets through by hand.
	_, err = m.Send(ctxA, to, &work.Message{MessageContent: work.MessageContent{MsgType: "fax"}})
	wantCodeA(t, err, fakewechat.CodeWeComInvalidMsgType)
	_, err = m.Send(ctxA, to, &work.Message{MessageContent: work.MessageContent{MsgType: "text"}})
	wantCodeA(t, err, fakewechat.CodeWeComEmptyContent)
	_, err = m.SendImage(ctxA, to, "expired-or-unknown")
	wantCodeA(t, err, fakewechat.CodeInvalidMediaID)
}

func TestMessageRecall(t *testing.T) {
	srv, bot := botA(t)
	res, err := bot.Message.SendText(ctxA, work.ToUsers("zhangsan"), "oops")
	if err != nil {
		t.Fatal(err)
	}
	if err := bot.Message.Recall(ctxA, res.MsgID); err != nil {
		t.Fatal(err)
	}
	if b := lastBodyA(t, srv, "POST /cgi-bin/message/recall"); b["msgid"] != res.MsgID {
		t.Fatalf("body %v", b)
	}
	if !srv.WeComMessages(fakewechat.DefaultCorpID)[0].Recalled {
		t.Fatal("not recalled")
	}
	wantCodeA(t, bot.Message.Recall(ctxA, res.MsgID), fakewechat.CodeWeComInvalidMsgID)
}

func TestMessageUpdateTemplateCard(t *testing.T) {
	srv, bot := botA(t)
	card := work.TemplateCard{CardType: work.CardButtonInteraction, MainTitle: &work.CardTitle{Title: "approve?"}, TaskID: "task1",
		ButtonList: []work.CardButton{{Text: "yes", Key: "y"}, {Text: "no", Key: "n", Style: 2}}}
	res, err := bot.Message.SendTemplateCard(ctxA, work.ToUsers("zhangsan", "lisi"), card)
	if err != nil {
		t.Fatal(err)
	}
	if res.ResponseCode == "" {
		t.Fatal("no response_code for a button card")
	}
	up, err := bot.Message.UpdateTemplateCard(ctxA, &work.TemplateCardUpdate{UserIDs: []string{"zhangsan", "wangwu"}, ResponseCode: res.ResponseCode,
		Button: &work.CardReplace{ReplaceName: "done"}})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(up.InvalidUser, []string{"wangwu"}) {
		t.Fatalf("invalid %v", up.InvalidUser)
	}
	b := lastBodyA(t, srv, "POST /cgi-bin/message/update_template_card")
	if b["agentid"] != float64(fakewechat.DefaultAgentID) || b["button"].(map[string]any)["replace_name"] != "done" || b["response_code"] != res.ResponseCode {
		t.Fatalf("body %v", b)
	}
	_, err = bot.Message.UpdateTemplateCard(ctxA, &work.TemplateCardUpdate{AtAll: 1, ResponseCode: res.ResponseCode, TemplateCard: &card})
	wantCodeA(t, err, fakewechat.CodeWeComInvalidRespCode) // used once
	_, err = bot.Message.UpdateTemplateCard(ctxA, &work.TemplateCardUpdate{ResponseCode: "x"})
	wantArgA(t, err, "button")
	_, err = bot.Message.UpdateTemplateCard(ctxA, &work.TemplateCardUpdate{})
	wantArgA(t, err, "response_code")
}

func BenchmarkMessageSendText(b *testing.B) {
	srv := fakewechat.NewTestServer(b)
	bot := agentA(b, srv, work.Agent{ID: fakewechat.DefaultAgentID, Name: "bot", Secret: fakewechat.DefaultAgentSecret})
	to := work.ToUsers("zhangsan")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := bot.Message.SendText(ctxA, to, "benchmark"); err != nil {
			b.Fatal(err)
		}
	}
}
