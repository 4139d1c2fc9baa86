package oa_test

import (
	"bytes"
	"context"
	"testing"

	"github.com/weixin-go/wechat/oa"
)

func TestCustomMessageTypedHelpers(t *testing.T) {
	srv, c := newBClient(t)
	ctx := context.Background()
	cm := c.CustomMessage
	up := func(typ oa.MediaType, name string) string {
		t.Helper()
		m, err := c.Material.UploadMedia(ctx, typ, name, bytes.NewReader([]byte("data of "+name)))
		if err != nil {
			t.Fatal(err)
		}
		return m.MediaID
	}
	img, voice, video, thumb := up(oa.MediaImage, "a.jpg"), up(oa.MediaVoice, "a.mp3"), up(oa.MediaVideo, "a.mp4"), up(oa.MediaThumb, "t.jpg")
	news, err := c.Material.UploadNews(ctx, []oa.MaterialArticle{{Title: "T", ThumbMediaID: thumb, Content: "<p>x</p>"}})
	if err != nil {
		t.Fatal(err)
	}
	to := `{"touser":"` + openidB + `",`
	cases := []struct {
		name string
		send func() error
		want string
	}{
		{"text", func() error { return cm.SendText(ctx, openidB, "Hello <a href=\"https://x\">x</a>") },
			to + `"msgtype":"text","text":{"content":"Hello <a href=\"https://x\">x</a>"}}`},
		{"textAs", func() error { return cm.SendTextAs(ctx, openidB, "hi", "kf2001@account") },
			to + `"msgtype":"text","text":{"content":"hi"},"customservice":{"kf_account":"kf2001@account"}}`},
		{"image", func() error { return cm.SendImage(ctx, openidB, img) },
			to + `"msgtype":"image","image":{"media_id":"` + img + `"}}`},
		{"voice", func() error { return cm.SendVoice(ctx, openidB, voice) },
			to + `"msgtype":"voice","voice":{"media_id":"` + voice + `"}}`},
		{"video", func() error {
			return cm.SendVideo(ctx, openidB, &oa.CustomVideo{MediaID: video, ThumbMediaID: thumb, Title: "V", Description: "D"})
		}, to + `"msgtype":"video","video":{"media_id":"` + video + `","thumb_media_id":"` + thumb + `","title":"V","description":"D"}}`},
		{"music", func() error {
			return cm.SendMusic(ctx, openidB, &oa.CustomMusic{Title: "M", MusicURL: "http://m/1.mp3", HQMusicURL: "http://m/1hq.mp3", ThumbMediaID: thumb})
		}, to + `"msgtype":"music","music":{"title":"M","musicurl":"http://m/1.mp3","hqmusicurl":"http://m/1hq.mp3","thumb_media_id":"` + thumb + `"}}`},
		{"news", func() error {
			return cm.SendNews(ctx, openidB, oa.CustomNewsArticle{Title: "Happy Day", Description: "d", URL: "https://u", PicURL: "https://p"})
		}, to + `"msgtype":"news","news":{"articles":[{"title":"Happy Day","description":"d","url":"https://u","picurl":"https://p"}]}}`},
		{"mpnews", func() error { return cm.SendMPNews(ctx, openidB, news.MediaID) },
			to + `"msgtype":"mpnews","mpnews":{"media_id":"` + news.MediaID + `"}}`},
		{"mpnewsarticle", func() error { return cm.SendArticle(ctx, openidB, "ARTICLE_ID") },
			to + `"msgtype":"mpnewsarticle","mpnewsarticle":{"article_id":"ARTICLE_ID"}}`},
		{"msgmenu", func() error {
			return cm.SendMenu(ctx, openidB, &oa.CustomMsgMenu{HeadContent: "满意吗？", List: []oa.CustomMsgMenuItem{{ID: "101", Content: "满意"}, {ID: "102", Content: "不满意"}}, TailContent: "谢谢"})
		}, to + `"msgtype":"msgmenu","msgmenu":{"head_content":"满意吗？","list":[{"id":"101","content":"满意"},{"id":"102","content":"不满意"}],"tail_content":"谢谢"}}`},
		{"wxcard", func() error { return cm.SendCard(ctx, openidB, "pCARD") },
			to + `"msgtype":"wxcard","wxcard":{"card_id":"pCARD"}}`},
		{"miniprogrampage", func() error {
			return cm.SendMiniProgramPage(ctx, openidB, &oa.CustomMiniProgramPage{Title: "T", AppID: "wxmini", PagePath: "pages/i", ThumbMediaID: thumb})
		}, to + `"msgtype":"miniprogrampage","miniprogrampage":{"title":"T","appid":"wxmini","pagepath":"pages/i","thumb_media_id":"` + thumb + `"}}`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if err := tc.send(); err != nil {
				t.Fatal(err)
			}
			if got := lastJSON(t, srv, "POST /cgi-bin/message/custom/send"); got != tc.want {
				t.Errorf("body =\n%s\nwant\n%s", got, tc.want)
			}
		})
	}
}

func TestCustomMessageErrors(t *testing.T) {
	srv, c := newBClient(t)
	ctx := context.Background()
	cm := c.CustomMessage
	wantAPIError(t, cm.SendImage(ctx, openidB, "no-such-media"), 40007)
	wantAPIError(t, cm.SendText(ctx, "not-an-openid", "x"), 40003)
	wantAPIError(t, cm.SendText(ctx, openidB, ""), 44004)
	wantAPIError(t, cm.SendTextAs(ctx, openidB, "x", "noatsign"), 65400)
	two := oa.CustomNewsArticle{Title: "t", URL: "https://u"}
	wantAPIError(t, cm.SendNews(ctx, openidB, two, two), 45008)

	before := len(srv.Requests())
	wantArgError(t, srv, before, cm.SendNews(ctx, openidB), "articles")
	wantArgError(t, srv, before, cm.Send(ctx, nil), "message")
	wantArgError(t, srv, before, cm.SendText(ctx, "", "x"), "touser")
	wantArgError(t, srv, before, cm.Send(ctx, &oa.CustomMessage{ToUser: openidB, MsgType: "fax"}), "msgtype")
	wantArgError(t, srv, before, cm.Send(ctx, &oa.CustomMessage{ToUser: openidB, MsgType: oa.MsgTypeImage}), "image")
	wantArgError(t, srv, before, cm.SendVideo(ctx, openidB, nil), "video")
	wantArgError(t, srv, before, cm.Send(ctx, &oa.CustomMessage{
		ToUser: openidB, MsgType: oa.MsgTypeText, Text: &oa.CustomText{Content: "x"}, WXCard: &oa.CustomCard{CardID: "c"},
	}), "wxcard")
	wantArgError(t, srv, before, cm.Typing(ctx, "", true), "touser")
}

func TestCustomMessageTyping(t *testing.T) {
	srv, c := newBClient(t)
	ctx := context.Background()
	if err := c.CustomMessage.Typing(ctx, openidB, true); err != nil {
		t.Fatal(err)
	}
	if got := lastJSON(t, srv, "POST /cgi-bin/message/custom/typing"); got != `{"touser":"`+openidB+`","command":"Typing"}` {
		t.Errorf("body = %s", got)
	}
	if err := c.CustomMessage.Typing(ctx, openidB, false); err != nil {
		t.Fatal(err)
	}
	if got := lastBody(t, srv, "POST /cgi-bin/message/custom/typing"); got["command"] != "CancelTyping" {
		t.Errorf("body = %v", got)
	}
	wantAPIError(t, c.CustomMessage.Typing(ctx, "short", true), 40003)
}

func BenchmarkCustomMessageSendText(b *testing.B) {
	_, c := newBClient(b)
	ctx := context.Background()
	if err := c.CustomMessage.SendText(ctx, openidB, "warm up"); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := c.CustomMessage.SendText(ctx, openidB, "Hello"); err != nil {
			b.Fatal(err)
		}
	}
}
