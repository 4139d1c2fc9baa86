package work_test

import (
	"context"
	"encoding/base64"
	"testing"

	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/work"
)

func TestWeDriveManagement(t *testing.T) {
	ctx := context.Background()
	srv, a := newBAgent(t)
	pro, err := a.WeDriveSpace.ProInfo(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !pro.IsPro || pro.TotalVIPAcctNum != 10 || pro.UseVIPAcctNum != 5 || pro.ProExpireTime != 1754827419 {
		t.Errorf("pro %+v", pro)
	}
	if b := rawB(t, srv, "POST /cgi-bin/wedrive/mng_pro_info"); b != `{}` {
		t.Errorf("pro body %s", b)
	}
	c, err := a.WeDriveSpace.Capacity(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if c.TotalCapacityForAll != 22666689904640 || c.TotalCapacityForVIP != 22300038149020 {
		t.Errorf("capacity %+v", c)
	}
}

func TestAppShareInfo(t *testing.T) {
	ctx := context.Background()
	srv, a := newBAgent(t)
	p, err := a.App.ListShareInfo(ctx, work.AppShareQuery{AgentID: 1000002, BusinessType: work.ShareUpDown, Limit: 2})
	if err != nil {
		t.Fatal(err)
	}
	if p.Ending != 0 || len(p.CorpList) != 2 || p.CorpList[0] != (work.SharedCorp{CorpID: "wwcorpid2", CorpName: "测试企业2", AgentID: 1112}) || p.NextCursor == "" {
		t.Errorf("page %+v", p)
	}
	if b := rawB(t, srv, "POST /cgi-bin/corpgroup/corp/list_app_share_info"); b != `{"agentid":1000002,"business_type":1,"limit":2}` {
		t.Errorf("body %s", b)
	}
	var all []string
	for c, err := range a.App.AllShareInfo(ctx, work.AppShareQuery{AgentID: 1000002, BusinessType: work.ShareUpDown, Limit: 2}) {
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, c.CorpID)
	}
	if len(all) != 3 || all[2] != "wwcorpid4" {
		t.Errorf("all %v", all)
	}
	p, err = a.App.ListShareInfo(ctx, work.AppShareQuery{AgentID: 1000002, BusinessType: work.ShareCorpGroup, CorpID: "wwcorpid1"})
	if err != nil {
		t.Fatal(err)
	}
	if p.Ending != 1 || len(p.CorpList) != 1 || p.CorpList[0].AgentID != 1111 {
		t.Errorf("one corp %+v", p)
	}
	n := len(srv.Requests())
	for _, c := range []struct {
		q     work.AppShareQuery
		param string
	}{{work.AppShareQuery{}, "agentid"}, {work.AppShareQuery{AgentID: 1, BusinessType: 2}, "business_type"}, {work.AppShareQuery{AgentID: 1, Limit: 101}, "limit"}} {
		_, err := a.App.ListShareInfo(ctx, c.q)
		paramErrB(t, srv, n, err, c.param)
	}
}

func TestMailSend(t *testing.T) {
	ctx := context.Background()
	srv, a := newBAgent(t)
	err := a.Mail.Send(ctx, &work.Mail{
		To:      &work.MailRecipients{Emails: []string{"a@example.com"}, UserIDs: []string{fakewechat.WeComSeedUser1}},
		CC:      &work.MailRecipients{UserIDs: []string{fakewechat.WeComSeedUser2}},
		Subject: "周报 <draft> & notes", Content: "<p>hi</p>", ContentType: "html",
		AttachmentList: []work.MailAttachment{{FileName: "a.txt", Content: []byte("hello")}},
	})
	if err != nil {
		t.Fatal(err)
	}
	want := `{"to":{"emails":["a@example.com"],"userids":["zhangsan"]},"cc":{"userids":["lisi"]},"subject":"周报 <draft> & notes","content":"<p>hi</p>",` +
		`"attachment_list":[{"file_name":"a.txt","content":"` + base64.StdEncoding.EncodeToString([]byte("hello")) + `"}],"content_type":"html"}`
	if b := rawB(t, srv, "POST /cgi-bin/exmail/app/compose_send"); b != want {
		t.Errorf("body\n%s\nwant\n%s", b, want)
	}
	n := len(srv.Requests())
	paramErrB(t, srv, n, a.Mail.Send(ctx, &work.Mail{Subject: "x"}), "to")
	paramErrB(t, srv, n, a.Mail.Send(ctx, &work.Mail{To: &work.MailRecipients{}}), "to")
	to := &work.MailRecipients{Emails: []string{"a@example.com"}}
	paramErrB(t, srv, n, a.Mail.Send(ctx, &work.Mail{To: to, ContentType: "md"}), "content_type")
	paramErrB(t, srv, n, a.Mail.Send(ctx, &work.Mail{To: to, AttachmentList: make([]work.MailAttachment, 201)}), "attachment_list")
	paramErrB(t, srv, n, a.Mail.Send(ctx, &work.Mail{To: to, AttachmentList: []work.MailAttachment{{FileName: "big", Content: make([]byte, work.MaxMailSize+1)}}}), "attachment_list")
}
