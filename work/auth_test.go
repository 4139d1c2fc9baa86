package work_test

import (
	"testing"
	"time"

	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/work"
)

func TestAuthUserInfoAndDetail(t *testing.T) {
	srv, bot := botA(t)
	if err := bot.User.Create(ctxA, &work.User{UserID: "wangwu", Name: "Wang Wu", Department: []int64{1}, Mobile: "13900000003",
		Email: "wangwu@example.com", BizMail: "wangwu@corp.example", Gender: "2", Address: "Guangzhou"}); err != nil {
		t.Fatal(err)
	}
	code := srv.WeComOAuthCode(fakewechat.DefaultCorpID, "wangwu")
	u, err := bot.Auth.UserInfo(ctxA, code)
	if err != nil {
		t.Fatal(err)
	}
	if u.UserID != "wangwu" || u.UserTicket == "" || u.OpenID != "" {
		t.Fatalf("UserInfo = %+v", u)
	}
	if got := lastQueryA(t, srv, "GET /cgi-bin/auth/getuserinfo", "code"); got != code {
		t.Errorf("code sent = %q", got)
	}
	// A code works once.
	_, err = bot.Auth.UserInfo(ctxA, code)
	wantCodeA(t, err, fakewechat.CodeWeComInvalidCode)

	d, err := bot.Auth.UserDetail(ctxA, u.UserTicket)
	if err != nil {
		t.Fatal(err)
	}
	if d.UserID != "wangwu" || d.Gender != "2" || d.Mobile != "13900000003" || d.Email != "wangwu@example.com" ||
		d.BizMail != "wangwu@corp.example" || d.Address != "Guangzhou" || d.QRCode == "" {
		t.Errorf("UserDetail = %+v", d)
	}
	if b := lastBodyA(t, srv, "POST /cgi-bin/auth/getuserdetail"); b["user_ticket"] != u.UserTicket {
		t.Errorf("body = %v", b)
	}
	// The ticket lives 1800 s.
	srv.Advance(fakewechat.WeComUserTicketTTL + time.Second)
	_, err = bot.Auth.UserDetail(ctxA, u.UserTicket)
	wantCodeA(t, err, fakewechat.CodeWeComInvalidParameter)
	_, err = bot.Auth.UserDetail(ctxA, "")
	wantArgA(t, err, "user_ticket")
	_, err = bot.Auth.UserInfo(ctxA, "")
	wantArgA(t, err, "code")
}

func TestAuthUserInfoVisitor(t *testing.T) {
	srv, bot := botA(t)
	u, err := bot.Auth.UserInfo(ctxA, srv.WeComOAuthVisitorCode(fakewechat.DefaultCorpID, "oVISITOR1", "wmCUSTOMER1"))
	if err != nil {
		t.Fatal(err)
	}
	if u.UserID != "" || u.UserTicket != "" || u.OpenID != "oVISITOR1" || u.ExternalUserID != "wmCUSTOMER1" {
		t.Errorf("UserInfo = %+v", u)
	}
	code := srv.WeComOAuthCode(fakewechat.DefaultCorpID, fakewechat.WeComSeedUser1)
	srv.Advance(6 * time.Minute)
	_, err = bot.Auth.UserInfo(ctxA, code)
	wantCodeA(t, err, fakewechat.CodeWeComInvalidCode)
}

func TestAuthTFA(t *testing.T) {
	srv, bot := botA(t)
	info, err := bot.Auth.TFAInfo(ctxA, srv.WeComTFACode(fakewechat.DefaultCorpID, fakewechat.WeComSeedUser2))
	if err != nil {
		t.Fatal(err)
	}
	if info.UserID != fakewechat.WeComSeedUser2 || info.TFACode == "" {
		t.Fatalf("TFAInfo = %+v", info)
	}
	if err := bot.Auth.TFASucc(ctxA, fakewechat.WeComSeedUser1, info.TFACode); err == nil {
		t.Error("TFASucc accepted another member's tfa_code")
	}
	info, _ = bot.Auth.TFAInfo(ctxA, srv.WeComTFACode(fakewechat.DefaultCorpID, fakewechat.WeComSeedUser2))
	if err := bot.Auth.TFASucc(ctxA, info.UserID, info.TFACode); err != nil {
		t.Fatal(err)
	}
	if b := lastBodyA(t, srv, "POST /cgi-bin/user/tfa_succ"); b["userid"] != "lisi" || b["tfa_code"] != info.TFACode {
		t.Errorf("body = %v", b)
	}
	if !srv.WeComTFAPassed(fakewechat.DefaultCorpID, "lisi") {
		t.Error("member not let in")
	}
	err = bot.Auth.TFASucc(ctxA, info.UserID, info.TFACode) // once only
	wantCodeA(t, err, fakewechat.CodeWeComInvalidParameter)
	_, err = bot.Auth.TFAInfo(ctxA, "nope")
	wantCodeA(t, err, fakewechat.CodeWeComInvalidCode)
	wantArgA(t, bot.Auth.TFASucc(ctxA, "lisi", ""), "tfa_code")
	_, err = bot.Auth.TFAInfo(ctxA, "")
	wantArgA(t, err, "code")
}
