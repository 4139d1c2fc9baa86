package work_test

import (
	"context"
	"fmt"
	"log"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/work"
)

func ExampleCustomerGroupMsgService_AddTemplate() {
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
	srv.AddWeComCustomer(fakewechat.DefaultCorpID, fakewechat.WeComCustomer{ExternalUserID: "wmA", Follow: []fakewechat.WeComFollow{{UserID: "zhangsan"}}})
	res, err := bot.CustomerGroupMsg.AddTemplate(context.Background(), &work.GroupMsg{
		ExternalUserID:  []string{"wmA", "wmUnknown"},
		Sender:          "zhangsan",
		CustomerMessage: work.CustomerMessage{Text: &work.CustomerText{Content: "New arrivals!"}},
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("not reachable:", res.FailList)
	// Output: not reachable: [wmUnknown]
}
