package work_test

import (
	"context"
	"fmt"
	"log"

	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/work"
)

func ExampleCustomerGroupChatService_All() {
	srv, bot := exampleAgentB()
	defer srv.Close()
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
