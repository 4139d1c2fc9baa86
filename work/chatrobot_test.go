package work_test

import (
	"bytes"
	"crypto/md5"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/work"
)

// robotA returns a fake server and a robot with the default key on it.
func robotA(t *testing.T) (*fakewechat.Server, *work.ChatRobot) {
	t.Helper()
	srv := fakewechat.NewTestServer(t)
	r, err := work.NewChatRobot("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key="+fakewechat.DefaultWeComRobotKey,
		wechat.WithBaseURL(srv.URL()+fakewechat.WeComPrefix), wechat.WithHTTPClient(srv.Client()))
	if err != nil {
		t.Fatal(err)
	}
	return srv, r
}

func TestChatRobotSendEveryType(t *testing.T) {
	srv, r := robotA(t)
	png := []byte("\x89PNG\r\n\x1a\n fake image bytes")
	file, err := r.UploadMedia(ctxA, work.MediaFile, "report.pdf", bytes.NewReader([]byte("%PDF report")))
	if err != nil || file.MediaID == "" || file.Type != work.MediaFile {
		t.Fatal(file, err)
	}
	rec, _ := srv.LastRequest(fakewechat.WeComPath("POST /cgi-bin/webhook/upload_media"))
	if rec.Query.Get("key") != fakewechat.DefaultWeComRobotKey || rec.Query.Get("type") != "file" || rec.Query.Has("access_token") {
		t.Fatalf("upload query %v", rec.Query)
	}
	if name, data := uploadedFileA(t, srv, "POST /cgi-bin/webhook/upload_media"); name != "report.pdf" || string(data) != "%PDF report" {
		t.Fatalf("uploaded %q %q", name, data)
	}
	amr := filepath.Join(t.TempDir(), "hi.amr")
	if err := os.WriteFile(amr, []byte("#!AMR voice"), 0o600); err != nil {
		t.Fatal(err)
	}
	voice, err := r.UploadMediaFile(ctxA, work.MediaVoice, amr)
	if err != nil || voice.Type != work.MediaVoice {
		t.Fatal(voice, err)
	}
	sends := []struct {
		typ  string
		send func() error
	}{
		{"text", func() error {
			return r.SendText(ctxA, work.RobotText{Content: "deploy done", MentionedList: []string{"@all"}, MentionedMobileList: []string{"13800000001"}})
		}},
		{"markdown", func() error { return r.SendMarkdown(ctxA, "## deploy\n> <font color=\"info\">ok</font>") }},
		{"image", func() error { return r.SendImage(ctxA, png) }},
		{"news", func() error {
			return r.SendNews(ctxA, []work.NewsArticle{{Title: "Release", Description: "v2", URL: "https://e.com", PicURL: "https://e.com/p.png"}})
		}},
		{"file", func() error { return r.SendFile(ctxA, file.MediaID) }},
		{"voice", func() error { return r.SendVoice(ctxA, voice.MediaID) }},
		{"template_card", func() error {
			return r.SendTemplateCard(ctxA, work.TemplateCard{CardType: work.CardTextNotice, MainTitle: &work.CardTitle{Title: "Alert"},
				CardAction: &work.CardAction{Type: 1, URL: "https://e.com"}})
		}},
	}
	for _, c := range sends {
		if err := c.send(); err != nil {
			t.Fatalf("%s: %v", c.typ, err)
		}
		rec, _ := srv.LastRequest(fakewechat.WeComPath("POST /cgi-bin/webhook/send"))
		if rec.Query.Get("key") != fakewechat.DefaultWeComRobotKey || rec.Query.Has("access_token") {
			t.Fatalf("%s query %v", c.typ, rec.Query)
		}
		if b := lastBodyA(t, srv, "POST /cgi-bin/webhook/send"); b["msgtype"] != c.typ || b[c.typ] == nil {
			t.Fatalf("%s body %v", c.typ, b)
		}
	}
	msgs := srv.WeComRobotMessages(fakewechat.DefaultWeComRobotKey)
	if len(msgs) != len(sends) {
		t.Fatalf("robot sent %d", len(msgs))
	}
	img := msgs[2]["image"].(map[string]any)
	sum := md5.Sum(png)
	if img["md5"] != hex.EncodeToString(sum[:]) || img["base64"] != base64.StdEncoding.EncodeToString(png) {
		t.Fatalf("image %v", img)
	}
	text := msgs[0]["text"].(map[string]any)
	if text["mentioned_list"].([]any)[0] != "@all" {
		t.Fatalf("text %v", text)
	}
}

func TestChatRobotErrors(t *testing.T) {
	srv, r := robotA(t)
	wantArgA(t, r.SendText(ctxA, work.RobotText{}), "content")
	wantArgA(t, r.SendMarkdown(ctxA, strings.Repeat("x", 4097)), "content")
	wantArgA(t, r.SendImage(ctxA, make([]byte, 2<<20+1)), "image")
	wantArgA(t, r.SendNews(ctxA, nil), "articles")
	wantArgA(t, r.SendFile(ctxA, ""), "media_id")
	wantArgA(t, r.SendTemplateCard(ctxA, work.TemplateCard{CardType: work.CardButtonInteraction}), "card_type")
	wantArgA(t, r.Send(ctxA, &work.RobotMessage{}), "msgtype")
	_, err := r.UploadMedia(ctxA, work.MediaImage, "a.png", strings.NewReader("xxxxxxx"))
	wantArgA(t, err, "type")
	if n := srv.Count(fakewechat.WeComPath("POST /cgi-bin/webhook/send")); n != 0 {
		t.Fatalf("%d invalid sends reached the server", n)
	}
	wantCodeA(t, r.SendFile(ctxA, "unknown-media"), fakewechat.CodeInvalidMediaID)
	wantCodeA(t, r.Send(ctxA, &work.RobotMessage{MsgType: "image", Image: &work.RobotImage{Base64: "aGVsbG8=", MD5: "00"}}), fakewechat.CodeWeComRobotImageMD5)
	_, err = r.UploadMedia(ctxA, work.MediaVoice, "a.mp3", strings.NewReader("xxxxxxx"))
	wantCodeA(t, err, fakewechat.CodeInvalidFileType)

	// An unknown key is rejected, and the key never shows in the error.
	bad, err := work.NewChatRobot("not-a-robot-key", wechat.WithBaseURL(srv.URL()+fakewechat.WeComPrefix), wechat.WithHTTPClient(srv.Client()))
	if err != nil {
		t.Fatal(err)
	}
	err = bad.SendText(ctxA, work.RobotText{Content: "x"})
	wantCodeA(t, err, fakewechat.CodeWeComRobotInvalidKey)
	if strings.Contains(err.Error(), "not-a-robot-key") {
		t.Fatalf("key leaked: %v", err)
	}
}

func TestChatRobotRateLimit(t *testing.T) {
	srv, r := robotA(t)
	for i := range 20 {
		if err := r.SendText(ctxA, work.RobotText{Content: "m" + itoaA(int64(i))}); err != nil {
			t.Fatal(err)
		}
	}
	err := r.SendText(ctxA, work.RobotText{Content: "one too many"})
	var apiErr *wechat.APIError
	if !errors.As(err, &apiErr) || !errors.Is(err, wechat.ErrRateLimited) {
		t.Fatalf("err = %v, want rate limited", err)
	}
	srv.Advance(61 * 1e9)
	if err := r.SendText(ctxA, work.RobotText{Content: "next minute"}); err != nil {
		t.Fatal(err)
	}
}

func TestNewChatRobot(t *testing.T) {
	for _, bad := range []string{"", "https://qyapi.weixin.qq.com/cgi-bin/webhook/send", "ftp://x/?key=k", "https:///?key=k", "a b", "k&x=1"} {
		if _, err := work.NewChatRobot(bad); err == nil {
			t.Errorf("NewChatRobot(%q) accepted", bad)
		} else {
			wantArgA(t, err, "webhook")
		}
	}
	srv := fakewechat.NewTestServer(t)
	srv.AddWeComRobot("second-key")
	// The host of a full webhook URL is used unless WithBaseURL overrides it.
	r, err := work.NewChatRobot(srv.URL()+fakewechat.WeComPrefix+"/cgi-bin/webhook/send?key=second-key", wechat.WithHTTPClient(srv.Client()))
	if err != nil {
		t.Fatal(err)
	}
	_ = r.SendMarkdown(ctxA, "hi") // the fake serves WeCom under a prefix, which a webhook URL's path does not set
	if rec, ok := srv.LastRequest("POST /cgi-bin/webhook/send"); !ok || rec.Query.Get("key") != "second-key" {
		t.Fatal("the webhook URL's host and key were not used")
	}
	r, err = work.NewChatRobot("second-key", wechat.WithBaseURL(srv.URL()+fakewechat.WeComPrefix), wechat.WithHTTPClient(srv.Client()))
	if err != nil {
		t.Fatal(err)
	}
	if err := r.SendMarkdown(ctxA, "hi"); err != nil {
		t.Fatal(err)
	}
	if len(srv.WeComRobotMessages("second-key")) != 1 || len(srv.WeComRobotMessages(fakewechat.DefaultWeComRobotKey)) != 0 {
		t.Fatal("message went to the wrong robot")
	}
}

func FuzzNewChatRobot(f *testing.F) {
	for _, s := range []string{"key", "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc", "http://h/?key=", "://", "https://h/?key=a%zz", "%", "https://[::1]:80/?key=k"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, webhook string) {
		r, err := work.NewChatRobot(webhook, wechat.WithBaseURL("http://127.0.0.1:1"))
		if err != nil {
			var ae *work.ParamError
			if !errors.As(err, &ae) {
				t.Fatalf("untyped error %v", err)
			}
			const static = "work: invalid webhook: not an http(s) URL work: invalid webhook: no valid key"
			if webhook != "" && strings.Contains(err.Error(), webhook) && !strings.Contains(static, webhook) {
				t.Fatalf("error repeats the webhook: %v", err)
			}
			return
		}
		if r == nil {
			t.Fatal("nil robot without error")
		}
	})
}
