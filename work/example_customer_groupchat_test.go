package work_test

import (
	"context"
	"fmt"
	"log"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/work"
)

func ExampleCustomerGroupChatService_All() {
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
	for _, id := range []string{"wrA", "wrB", "wrC"} {
		srv.AddWeComGroupChat(fakewechat.DefaultCorpID, fakewechat.WeComGroupChat{ChatID: id, Owner: "zhangsan"})
	}
	for c, err := range bot.CustomerGroupChat.All(context.Background(), work.GroupChatQuery{Limit: 2}) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(c.ChatID)
	}
	// Output:
	// wrA
	// wrB
	// wrC
}
