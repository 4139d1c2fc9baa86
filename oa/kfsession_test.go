package oa_test

import (
	"context"
	"testing"
	"time"

	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/oa"
)

func TestKFSession(t *testing.T) {
	ctx := context.Background()
	srv, c := newAClient(t)
	ids := addFollowersA(srv, 3)
	const kf, kf2 = "alice@gh_test", "bob@gh_test"
	for _, a := range []string{kf, kf2} {
		if err := c.CustomService.AddAccount(ctx, a, "agent"); err != nil {
			t.Fatal(err)
		}
	}
	if err := c.CustomService.InviteWorker(ctx, kf, "alice_wx"); err != nil {
		t.Fatal(err)
	}
	if _, body := reqA(t, srv, "POST /customservice/kfaccount/inviteworker"); body["kf_account"] != kf || body["invite_wx"] != "alice_wx" {
		t.Errorf("inviteworker body %v", body)
	}
	argErrA(t, srv, "POST /none", c.CustomService.InviteWorker(ctx, kf, ""), "invite_wx")
	apiCodeA(t, c.CustomService.InviteWorker(ctx, "nobody@gh_test", "x"), 65401)

	srv.AddKFWaitCase(fakewechat.DefaultAppID, ids[0])
	srv.AddKFWaitCase(fakewechat.DefaultAppID, ids[1])
	if w, err := c.CustomService.WaitCases(ctx); err != nil || w.Count != 2 || w.List[1].OpenID != ids[1] || w.List[0].LatestTime == 0 {
		t.Fatalf("WaitCases = %+v, %v", w, err)
	}
	start := time.Now().Add(-time.Minute)

	apiCodeA(t, c.CustomService.CreateSession(ctx, kf, ids[0]), 65415) // offline
	srv.SetKFOnline(fakewechat.DefaultAppID, kf, true, 0)
	srv.SetKFOnline(fakewechat.DefaultAppID, kf2, true, 0)
	if err := c.CustomService.CreateSession(ctx, kf, ids[0]); err != nil {
		t.Fatal(err)
	}
	if _, body := reqA(t, srv, "POST /customservice/kfsession/create"); body["kf_account"] != kf || body["openid"] != ids[0] {
		t.Errorf("create body %v", body)
	}
	apiCodeA(t, c.CustomService.CreateSession(ctx, kf2, ids[0]), 65414)
	if err := c.CustomService.CreateSession(ctx, kf, ids[2]); err != nil {
		t.Fatal(err)
	}
	argErrA(t, srv, "POST /none", c.CustomService.CreateSession(ctx, kf, ""), "openid")
	argErrA(t, srv, "POST /none", c.CustomService.CreateSession(ctx, "bad", ids[0]), "kf_account")

	if w, err := c.CustomService.WaitCases(ctx); err != nil || w.Count != 1 || w.List[0].OpenID != ids[1] {
		t.Errorf("WaitCases after create = %+v, %v", w, err)
	}
	if sess, err := c.CustomService.Session(ctx, ids[0]); err != nil || sess.Account != kf || sess.CreateTime == 0 {
		t.Errorf("Session = %+v, %v", sess, err)
	}
	if rr, _ := reqA(t, srv, "GET /customservice/kfsession/getsession"); rr.Query.Get("openid") != ids[0] {
		t.Errorf("getsession query %v", rr.Query)
	}
	if list, err := c.CustomService.Sessions(ctx, kf); err != nil || len(list) != 2 {
		t.Errorf("Sessions = %+v, %v", list, err)
	}
	if err := c.CustomService.CloseSession(ctx, kf, ids[0]); err != nil {
		t.Fatal(err)
	}
	apiCodeA(t, c.CustomService.CloseSession(ctx, kf, ids[0]), 65413)
	_, err := c.CustomService.Session(ctx, ids[0])
	apiCodeA(t, err, 65413)

	end := time.Now().Add(time.Minute)
	p, err := c.CustomService.MsgRecords(ctx, start, end, 1, 2)
	if err != nil || p.Number != 2 || p.MsgID != 3 || p.List[0].OperCode != oa.KFOpInitiate || p.List[0].Worker != kf || p.List[0].OpenID != ids[0] {
		t.Fatalf("MsgRecords = %+v, %v", p, err)
	}
	if _, body := reqA(t, srv, "POST /customservice/msgrecord/getmsglist"); body["number"] != 2.0 || body["msgid"] != 1.0 || body["starttime"] != float64(start.Unix()) {
		t.Errorf("getmsglist body %v", body)
	}
	p, err = c.CustomService.MsgRecords(ctx, start, end, p.MsgID, 2)
	if err != nil || p.Number != 1 || p.List[0].OperCode != oa.KFOpClose {
		t.Errorf("MsgRecords page 2 = %+v, %v", p, err)
	}
	var n int
	for r, err := range c.CustomService.AllMsgRecords(ctx, start, end) {
		if err != nil || r.Worker != kf {
			t.Fatalf("AllMsgRecords: %+v, %v", r, err)
		}
		n++
	}
	if n != 3 {
		t.Errorf("AllMsgRecords = %d records", n)
	}
	_, err = c.CustomService.MsgRecords(ctx, start, start.Add(25*time.Hour), 1, 10)
	argErrA(t, srv, "POST /none", err, "endtime")
	_, err = c.CustomService.MsgRecords(ctx, start, end, 1, 10001)
	argErrA(t, srv, "POST /none", err, "number")
}
