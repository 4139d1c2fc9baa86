package work_test

import (
	"context"
	"fmt"
	"log"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/work"
)

func ExampleCustomerService_AllByUser() {
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
	for _, id := range []string{"wmA", "wmB", "wmC"} {
		srv.AddWeComCustomer(fakewechat.DefaultCorpID, fakewechat.WeComCustomer{ExternalUserID: id, Name: "name of " + id,
			Follow: []fakewechat.WeComFollow{{UserID: "zhangsan"}}})
	}
	// Pages of 2 customers, fetched as the loop goes.
	for c, err := range bot.Customer.AllByUser(context.Background(), []string{"zhangsan"}, 2) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(c.ExternalContact.ExternalUserID, c.ExternalContact.Name)
	}
	// Output:
	// wmA name of wmA
	// wmB name of wmB
	// wmC name of wmC
}
