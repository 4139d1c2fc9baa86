package miniprogram_test

import (
	"bytes"
	"io"
	"testing"

	"github.com/weixin-go/wechat/miniprogram"
)

func TestCustomMessage(t *testing.T) {
	srv, c := newClient(t)
	ctx := t.Context()
	img := bytes.Repeat([]byte{0x89, 'P', 'N', 'G'}, 64)
	m, err := c.CustomMessage.UploadTempMedia(ctx, "card.png", bytes.NewReader(img))
	if err != nil {
		t.Fatal(err)
	}
	if m.Type != "image" || m.MediaID == "" || m.CreatedAt == 0 {
		t.Fatalf("media = %+v", m)
	}
	rr, _ := last(t, srv, "POST /cgi-bin/media/upload")
	if rr.Query.Get("type") != "image" || !bytes.Contains(rr.Body, []byte(`name="media"; filename="card.png"`)) {
		t.Errorf("upload request: query %v", rr.Query)
	}
	dl, err := c.CustomMessage.GetTempMedia(ctx, m.MediaID)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := io.ReadAll(dl)
	dl.Close()
	if !bytes.Equal(got, img) || dl.Filename != "card.png" {
		t.Errorf("downloaded %d bytes, filename %q", len(got), dl.Filename)
	}
	_, err = c.CustomMessage.GetTempMedia(ctx, "no-such-media")
	wantAPIError(t, err, 40007)

	cases := []struct {
		send func() error
		want string
	}{
		{func() error { return c.CustomMessage.SendText(ctx, testOpenID, "你好") }, `{"msgtype":"text","text":{"content":"你好"},"touser":"` + testOpenID + `"}`},
		{func() error { return c.CustomMessage.SendImage(ctx, testOpenID, m.MediaID) }, `{"image":{"media_id":"` + m.MediaID + `"},"msgtype":"image","touser":"` + testOpenID + `"}`},
		{func() error {
			return c.CustomMessage.SendLink(ctx, testOpenID, miniprogram.Link{Title: "T", Description: "D", URL: "https://example.com/a?b=1&c=2", ThumbURL: "https://example.com/t.png"})
		}, `{"link":{"description":"D","thumb_url":"https://example.com/t.png","title":"T","url":"https://example.com/a?b=1\u0026c=2"},"msgtype":"link","touser":"` + testOpenID + `"}`},
		{func() error {
			return c.CustomMessage.SendMiniProgramPage(ctx, testOpenID, miniprogram.MiniProgramPageCard{Title: "Go", PagePath: "pages/index/index", ThumbMediaID: m.MediaID})
		}, `{"miniprogrampage":{"pagepath":"pages/index/index","thumb_media_id":"` + m.MediaID + `","title":"Go"},"msgtype":"miniprogrampage","touser":"` + testOpenID + `"}`},
	}
	for i, tc := range cases {
		if err := tc.send(); err != nil {
			t.Fatalf("case %d: %v", i, err)
		}
		if _, body := last(t, srv, "POST /cgi-bin/message/custom/send"); asJSON(t, body) != tc.want {
			t.Errorf("case %d body = %s\nwant %s", i, asJSON(t, body), tc.want)
		}
		if rr, _ := last(t, srv, "POST /cgi-bin/message/custom/send"); i == 2 && !bytes.Contains(rr.Body, []byte("b=1&c=2")) {
			t.Errorf("URL escaped in the request: %s", rr.Body)
		}
	}
	// The fake rejects what WeChat rejects.
	wantAPIError(t, c.CustomMessage.SendImage(ctx, testOpenID, "unknown-media"), 40007)
	wantAPIError(t, c.CustomMessage.SendText(ctx, "short-openid", "x"), 40003)
	wantAPIError(t, c.CustomMessage.SendLink(ctx, testOpenID, miniprogram.Link{Title: "T", URL: "ftp://x"}), 40097)

	before := len(srv.Requests())
	wantArgError(t, srv, before, c.CustomMessage.SendText(ctx, "", "x"), "touser")
	wantArgError(t, srv, before, c.CustomMessage.SendText(ctx, testOpenID, ""), "text")
	wantArgError(t, srv, before, c.CustomMessage.SendLink(ctx, testOpenID, miniprogram.Link{Title: "T"}), "link")
	wantArgError(t, srv, before, c.CustomMessage.SendMiniProgramPage(ctx, testOpenID, miniprogram.MiniProgramPageCard{PagePath: "p"}), "miniprogrampage")
	wantArgError(t, srv, before, c.CustomMessage.Send(ctx, &miniprogram.CustomMessage{ToUser: testOpenID, MsgType: "video"}), "msgtype")
	wantArgError(t, srv, before, c.CustomMessage.Send(ctx, nil), "msgtype")
	_, err = c.CustomMessage.UploadTempMedia(ctx, "", bytes.NewReader(img))
	wantArgError(t, srv, before, err, "filename")
	_, err = c.CustomMessage.GetTempMedia(ctx, "")
	wantArgError(t, srv, before, err, "media_id")
}

func TestCustomMessageTyping(t *testing.T) {
	srv, c := newClient(t)
	ctx := t.Context()
	for _, typing := range []bool{true, false} {
		if err := c.CustomMessage.Typing(ctx, testOpenID, typing); err != nil {
			t.Fatal(err)
		}
		want := map[bool]string{true: "Typing", false: "CancelTyping"}[typing]
		if _, body := last(t, srv, "POST /cgi-bin/message/custom/typing"); body["command"] != want || body["touser"] != testOpenID {
			t.Errorf("body = %v", body)
		}
	}
	before := len(srv.Requests())
	wantArgError(t, srv, before, c.CustomMessage.Typing(ctx, "", true), "touser")
}
