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

	// The user opens this page in WeChat and confirms.
	page, err := c.Template.OneTimeSubscribeURL("ONE_TIME_TEMPLATE_ID", 1000, "https://example.com/subscribed", "s42")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(page)
	user := "oUser_0123456789abcdefghijkl" // the openid of the redirect
	_ = srv.ConfirmOneTimeSubscribe(fakewechat.DefaultAppID, user, "ONE_TIME_TEMPLATE_ID", 1000)

	// The account may send the user one message.
	err = c.Template.SendOneTimeSubscribe(context.Background(), &oa.OneTimeSubscribeMessage{
		ToUser:     user,
		TemplateID: "ONE_TIME_TEMPLATE_ID",
		URL:        "https://example.com/order/42",
		Scene:      1000,
		Title:      "订单已发货",
		Data:       oa.OneTimeSubscribeData{Content: oa.TemplateDataItem{Value: "您的订单 42 已发货。"}},
	})
	fmt.Println(err)
	// Output:
	// https://mp.weixin.qq.com/mp/subscribemsg?action=get_confirm&appid=wxf00dfacecafe0001&scene=1000&template_id=ONE_TIME_TEMPLATE_ID&redirect_url=https%3A%2F%2Fexample.com%2Fsubscribed&reserved=s42#wechat_redirect
	// <nil>
}
