package work_test

import (
	"context"
	"fmt"
	"log"

	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/work"
)

func ExampleCustomerGroupMsgService_AddTemplate() {
	srv, bot := exampleAgentB()
	defer srv.Close()
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
