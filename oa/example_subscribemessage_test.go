package oa_test

import (
	"context"
	"fmt"
	"log"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/oa"
)

func ExampleSubscribeMessageService_Send() {
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

	// Pick keywords 1 (thing1) and 3 (time3) of public template 1001.
	tmpl, err := c.SubscribeMessage.AddTemplate(ctx, 1001, []int{1, 3}, "下单成功后")
	if err != nil {
		fmt.Println(err)
		return
	}
	srv.SubscribeUser(fakewechat.DefaultAppID, "oUser", tmpl) // the user subscribes in WeChat

	err = c.SubscribeMessage.Send(ctx, &oa.SubscribeMessage{
		ToUser:     "oUser",
		TemplateID: tmpl,
		Page:       "https://example.com/orders/42",
		Data:       oa.SubscribeData{"thing1": "咖啡", "time3": "2026-11-25 18:00"},
	})
	fmt.Println(err)
	// Output: <nil>
}
