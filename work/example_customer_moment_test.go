package work_test

import (
	"context"
	"fmt"
	"log"

	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/work"
)

func ExampleCustomerMomentService_All() {
	srv, bot := exampleAgentB()
	defer srv.Close()
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
