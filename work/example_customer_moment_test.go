package work_test

import (
	"context"
	"fmt"
	"log"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/work"
)

func ExampleCustomerMomentService_All() {
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
	srv.AddWeComMoment(fakewechat.DefaultCorpID, fakewechat.WeComMoment{MomentID: "m1", CreateTime: 1700000000, Text: "Spring sale"})
	q := work.MomentQuery{StartTime: 1699990000, EndTime: 1700010000}
	for m, err := range bot.CustomerMoment.All(context.Background(), q) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(m.MomentID, m.Text.Content)
	}
	// Output: m1 Spring sale
}
