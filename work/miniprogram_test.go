package work_test

import (
	"strings"
	"testing"
	"time"

	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/work"
)

func TestMiniProgramCode2Session(t *testing.T) {
	srv, bot := botA(t)
	code := srv.WeComMiniProgramCode(fakewechat.DefaultCorpID, fakewechat.DefaultAgentID, "zhangsan")
	sess, err := bot.MiniProgram.Code2Session(ctxA, code)
	if err != nil {
		t.Fatal(err)
	}
	if sess.CorpID != fakewechat.DefaultCorpID || sess.UserID != "zhangsan" || sess.SessionKey == "" {
		t.Fatalf("session %+v", sess)
	}
	rec, _ := srv.LastRequest(fakewechat.WeComPath("GET /cgi-bin/miniprogram/jscode2session"))
	q := rec.Query
	if q.Get("js_code") != code || q.Get("grant_type") != "authorization_code" || q.Get("access_token") == "" || q.Has("secret") || q.Has("appid") {
		t.Fatalf("query %v", q)
	}
	_, err = bot.MiniProgram.Code2Session(ctxA, code)
	wantCodeA(t, err, fakewechat.CodeWeComInvalidCode)
	if strings.Contains(err.Error(), code) {
		t.Fatal("code leaked into the error")
	}
	// A code of another agent's mini program is rejected.
	srv.AddWeComAgent(fakewechat.DefaultCorpID, 1000003, "other-secret-0000000000000000000000000")
	other := srv.WeComMiniProgramCode(fakewechat.DefaultCorpID, 1000003, "lisi")
	_, err = bot.MiniProgram.Code2Session(ctxA, other)
	wantCodeA(t, err, fakewechat.CodeWeComInvalidCode)
	late := srv.WeComMiniProgramCode(fakewechat.DefaultCorpID, fakewechat.DefaultAgentID, "lisi")
	srv.Advance(6 * time.Minute)
	_, err = bot.MiniProgram.Code2Session(ctxA, late)
	wantCodeA(t, err, fakewechat.CodeWeComInvalidCode)
	_, err = bot.MiniProgram.Code2Session(ctxA, "")
	wantArgA(t, err, "js_code")
	var _ *work.MiniProgramSession = sess
}
