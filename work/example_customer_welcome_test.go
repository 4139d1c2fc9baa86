package work_test

import (
	"context"
	"fmt"
	"log"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/work"
)

func ExampleCustomerWelcomeService_Send() {
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
	// The welcome code comes with the add_external_contact callback event.
	err = bot.CustomerWelcome.Send(context.Background(), "WELCOMECODE", &work.CustomerMessage{
		Text:        &work.CustomerText{Content: "Welcome!"},
		Attachments: []work.CustomerAttachment{{MsgType: "link", Link: &work.CustomerLink{Title: "Our shop", URL: "https://example.com"}}},
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("sent")
	// Output: sent
}
