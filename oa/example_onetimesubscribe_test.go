package oa_test

import (
	"context"
	"fmt"
	"log"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/oa"
)

func ExampleTemplateService_SendOneTimeSubscribe() {
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

	// The user authorized the template for scene 1000; the account may
	// send one message.
	err = c.Template.SendOneTimeSubscribe(context.Background(), &oa.OneTimeSubscribeMessage{
		ToUser:     "oUser_0123456789abcdefghijkl",
		TemplateID: "ONE_TIME_TEMPLATE_ID",
		URL:        "https://example.com/order/42",
		Scene:      1000,
		Title:      "订单已发货",
		Data:       oa.OneTimeSubscribeData{Content: oa.TemplateDataItem{Value: "您的订单 42 已发货。"}},
	})
	fmt.Println(err)
	// Output: <nil>
}
