package oa_test

import (
	"context"
	"fmt"
	"log"

	"github.com/weixin-go/wechat/oa"
)

func ExampleCustomMessageService_SendMenu() {
	c, done := exampleClient()
	defer done()
	ctx := context.Background()
	openid := "oAbCdEfGhIjKlMnOpQrStUvWx123"

	if err := c.CustomMessage.Typing(ctx, openid, true); err != nil {
		log.Fatal(err)
	}
	err := c.CustomMessage.SendMenu(ctx, openid, &oa.CustomMsgMenu{
		HeadContent: "Were you happy with our service?",
		List:        []oa.CustomMsgMenuItem{{ID: "101", Content: "Yes"}, {ID: "102", Content: "No"}},
		TailContent: "Thank you",
	})
	fmt.Println(err)
	// Output: <nil>
}
