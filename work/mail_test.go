package work_test

import (
	"context"
	"encoding/base64"
	"testing"

	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/work"
)

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
