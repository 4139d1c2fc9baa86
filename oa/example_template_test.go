package oa_test

import (
	"context"
	"fmt"
	"log"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/oa"
)

func ExampleTemplateService_Send() {
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

	templateID, err := c.Template.Add(ctx, "TM00015")
	if err != nil {
		log.Fatal(err)
	}
	msgID, err := c.Template.Send(ctx, &oa.TemplateMessage{
		ToUser:      "oAbCdEfGhIjKlMnOpQrStUvWx123",
		TemplateID:  templateID,
		URL:         "https://example.com/orders/42",
		MiniProgram: &oa.TemplateMiniProgram{AppID: "wx0123456789abcdef", PagePath: "pages/order?id=42"},
		Data: oa.TemplateData{
			"first":    {Value: "Your order has shipped", Color: "#173177"},
			"keyword1": {Value: "42"},
			"remark":   {Value: "Thank you!"},
		},
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(msgID > 0)
	// Output: true
}
