package work_test

import (
	"context"
	"fmt"

	"github.com/weixin-go/wechat/work"
)

func ExampleKFMessageService_Sync() {
	bot, stop := exampleAgentA()
	defer stop()
	ctx := context.Background()
	// The cursor would be loaded from, and saved to, durable storage.
	req := &work.SyncMsgRequest{Token: "token-from-the-callback"}
	n := 0
	for m, err := range bot.KFMessage.Sync(ctx, req) {
		if err != nil {
			fmt.Println(err)
			return
		}
		_ = m // dispatch on m.MsgType, answer with bot.KFMessage.SendText...
		n++
	}
	fmt.Println(n, "new messages")
	// Output: 0 new messages
}

func ExampleKFAccountService_All() {
	bot, stop := exampleAgentA()
	defer stop()
	n := 0
	for _, err := range bot.KFAccount.All(context.Background()) {
		if err != nil {
			fmt.Println(err)
			return
		}
		n++
	}
	fmt.Println(n, "accounts")
	// Output: 0 accounts
}

func ExampleKFCustomerService_BatchGet() {
	bot, stop := exampleAgentA()
	defer stop()
	res, err := bot.KFCustomer.BatchGet(context.Background(), []string{"wm-unknown"}, false)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(len(res.CustomerList), res.InvalidExternalUserID)
	// Output: 0 [wm-unknown]
}
