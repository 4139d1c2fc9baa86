package work_test

import (
	"context"
	"fmt"
	"log"

	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/work"
)

func ExampleCustomerTagService_Mark() {
	srv, bot := exampleAgentB()
	defer srv.Close()
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
