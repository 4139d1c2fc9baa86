package work_test

import (
	"context"
	"fmt"
	"log"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/work"
)

func ExampleMailService_Send() {
	srv := fakewechat.New() // a fake WeChat server on loopback
	if _, err := srv.Start(); err != nil {
		log.Fatal(err)
	}
	defer srv.Close()
	corp, err := work.New(work.Config{CorpID: fakewechat.DefaultCorpID,
		Agents: []work.Agent{{ID: fakewechat.DefaultAgentID, Name: "bot", Secret: fakewechat.DefaultAgentSecret}}},
		wechat.WithBaseURL(srv.URL()+fakewechat.WeComPrefix), wechat.WithStore(wechat.NewMemoryStore()))
	if err != nil {
		log.Fatal(err)
	}
	bot, _ := corp.Agent("bot")
	err = bot.Mail.Send(context.Background(), &work.Mail{
		To:      &work.MailRecipients{UserIDs: []string{"zhangsan"}},
		Subject: "Weekly report", Content: "See the attachment.", ContentType: "text",
		AttachmentList: []work.MailAttachment{{FileName: "report.csv", Content: []byte("week,total\n48,12\n")}},
	})
	fmt.Println(err)
	// Output: <nil>
}
