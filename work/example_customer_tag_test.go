package work_test

import (
	"context"
	"fmt"
	"log"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/work"
)

func ExampleCustomerTagService_Mark() {
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
	ctx := context.Background()
	g, err := bot.CustomerTag.AddCorpTags(ctx, &work.CustomerTagGroup{GroupName: "level", Tags: []work.CustomerTag{{Name: "VIP"}}})
	if err != nil {
		log.Fatal(err)
	}
	if err := bot.CustomerTag.Mark(ctx, "zhangsan", "wmA", []string{g.Tags[0].ID}, nil); err != nil {
		log.Fatal(err)
	}
	d, err := bot.Customer.Get(ctx, "wmA", "")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(d.FollowUser[0].Tags[0].GroupName, d.FollowUser[0].Tags[0].TagName)
	// Output: level VIP
}
