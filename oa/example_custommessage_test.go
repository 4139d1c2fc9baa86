package oa_test

import (
	"context"
	"fmt"
	"log"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/oa"
)

func ExampleCustomMessageService_SendMenu() {
	srv := fakewechat.New() // a fake WeChat server on loopback
	if _, err := srv.Start(); err != nil {
		log.Fatal(err)
	}
	defer srv.Close()
	c, err := oa.New(wechat.Config{AppID: fakewechat.DefaultAppID, AppSecret: fakewechat.DefaultSecret},
		wechat.WithBaseURL(srv.URL()), wechat.WithStore(wechat.NewMemoryStore()))
	if err != nil {
		log.Fatal(err)
	}
	ctx := context.Background()
	openid := "oAbCdEfGhIjKlMnOpQrStUvWx123"

	if err := c.CustomMessage.Typing(ctx, openid, true); err != nil {
		log.Fatal(err)
	}
	err = c.CustomMessage.SendMenu(ctx, openid, &oa.CustomMsgMenu{
		HeadContent: "Were you happy with our service?",
		List:        []oa.CustomMsgMenuItem{{ID: "101", Content: "Yes"}, {ID: "102", Content: "No"}},
		TailContent: "Thank you",
	})
	fmt.Println(err)
	// Output: <nil>
}
