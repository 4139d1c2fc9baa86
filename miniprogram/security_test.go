package miniprogram_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/miniprogram"
)

func TestMsgSecCheck(t *testing.T) {
	srv, c := newClient(t)
	ctx := t.Context()
	r, err := c.Security.MsgSecCheck(ctx, &miniprogram.TextCheck{Content: "今天天气不错", Scene: miniprogram.SceneComment, OpenID: testOpenID, Title: "t"})
	if err != nil {
		t.Fatal(err)
	}
	if r.Risky() || r.Result.Suggest != miniprogram.SuggestPass || r.Result.Label != 100 || r.TraceID == "" || len(r.Detail) == 0 {
		t.Fatalf("result = %+v", r)
	}
	_, body := last(t, srv, "POST /wxa/msg_sec_check")
	if asJSON(t, body) != `{"content":"今天天气不错","openid":"`+testOpenID+`","scene":2,"title":"t","version":2}` {
		t.Errorf("body = %s", asJSON(t, body))
	}
	r, err = c.Security.MsgSecCheck(ctx, &miniprogram.TextCheck{Content: "来赌博吧", Scene: miniprogram.SceneForum, OpenID: testOpenID})
	if err != nil || !r.Risky() || r.Result.Label != 20001 || r.Detail[0].Keyword != "赌博" {
		t.Fatalf("risky result = %+v, %v", r, err)
	}
	before := len(srv.Requests())
	for _, tc := range []struct {
		req *miniprogram.TextCheck
		arg string
	}{
		{nil, "content"},
		{&miniprogram.TextCheck{Scene: 1, OpenID: "o"}, "content"},
		{&miniprogram.TextCheck{Content: "x", Scene: 1}, "openid"},
		{&miniprogram.TextCheck{Content: "x", Scene: 5, OpenID: "o"}, "scene"},
		{&miniprogram.TextCheck{Content: strings.Repeat("字", 2501), Scene: 1, OpenID: "o"}, "content"},
	} {
		_, err := c.Security.MsgSecCheck(ctx, tc.req)
		wantArgError(t, srv, before, err, tc.arg)
	}
}

func TestImgSecCheck(t *testing.T) {
	srv, c := newClient(t)
	ctx := t.Context()
	if err := c.Security.ImgSecCheck(ctx, "ok.jpg", bytes.NewReader([]byte("\xff\xd8 fine picture"))); err != nil {
		t.Fatal(err)
	}
	rr, _ := last(t, srv, "POST /wxa/img_sec_check")
	if !bytes.Contains(rr.Body, []byte(`name="media"; filename="ok.jpg"`)) {
		t.Errorf("multipart body lacks the media part")
	}
	err := c.Security.ImgSecCheck(ctx, "bad.jpg", strings.NewReader("\xff\xd8 RISKY picture"))
	wantAPIError(t, err, fakewechat.CodeMPRiskyContent)
	var apiErr *wechat.APIError
	if !errors.As(err, &apiErr) || apiErr.Path != "/wxa/img_sec_check" {
		t.Errorf("err = %v", err)
	}
	before := len(srv.Requests())
	wantArgError(t, srv, before, c.Security.ImgSecCheck(ctx, "", strings.NewReader("x")), "filename")
	wantArgError(t, srv, before, c.Security.ImgSecCheck(ctx, "a.jpg", nil), "media")
}

func TestMediaCheckAsync(t *testing.T) {
	srv, c := newClient(t)
	ctx := t.Context()
	trace, err := c.Security.MediaCheckAsync(ctx, &miniprogram.MediaCheck{MediaURL: "https://example.com/a.mp3", MediaType: miniprogram.MediaAudio, Scene: miniprogram.SceneSocial, OpenID: testOpenID})
	if err != nil || trace == "" {
		t.Fatalf("trace = %q, %v", trace, err)
	}
	_, body := last(t, srv, "POST /wxa/media_check_async")
	if asJSON(t, body) != `{"media_type":1,"media_url":"https://example.com/a.mp3","openid":"`+testOpenID+`","scene":4,"version":2}` {
		t.Errorf("body = %s", asJSON(t, body))
	}
	if jobs := srv.MPMediaChecks(fakewechat.DefaultAppID); len(jobs) != 1 || jobs[0].TraceID != trace {
		t.Errorf("jobs = %+v", jobs)
	}
	_, err = c.Security.MediaCheckAsync(ctx, &miniprogram.MediaCheck{MediaURL: "ftp://x", MediaType: 2, Scene: 1, OpenID: "o"})
	wantAPIError(t, err, 40097)
	before := len(srv.Requests())
	for _, tc := range []struct {
		req *miniprogram.MediaCheck
		arg string
	}{
		{nil, "media_url"},
		{&miniprogram.MediaCheck{MediaType: 2, Scene: 1, OpenID: "o"}, "media_url"},
		{&miniprogram.MediaCheck{MediaURL: "u", MediaType: 3, Scene: 1, OpenID: "o"}, "media_type"},
		{&miniprogram.MediaCheck{MediaURL: "u", MediaType: 2, Scene: 0, OpenID: "o"}, "scene"},
		{&miniprogram.MediaCheck{MediaURL: "u", MediaType: 2, Scene: 1}, "openid"},
	} {
		_, err := c.Security.MediaCheckAsync(ctx, tc.req)
		wantArgError(t, srv, before, err, tc.arg)
	}
}
