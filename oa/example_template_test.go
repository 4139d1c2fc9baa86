package oa_test

import (
	"context"
	"fmt"
	"log"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/oa"
)

// exampleClient returns a client on a fake WeChat server, for the examples.
func exampleClient() (*oa.Client, func()) {
	srv := fakewechat.New()
	base, err := srv.Start()
	if err != nil {
		log.Fatal(err)
	}
	c, err := oa.New(wechat.Config{AppID: fakewechat.DefaultAppID, AppSecret: fakewechat.DefaultSecret},
		wechat.WithBaseURL(base), wechat.WithStore(wechat.NewMemoryStore()), wechat.WithHTTPClient(srv.Client()))
	if err != nil {
		log.Fatal(err)
	}
	return c, func() { srv.Close() }
}

func ExampleTemplateService_Send() {
	c, done := exampleClient()
	defer done()
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
