package oa_test

import (
	"context"
	"fmt"
	"log"
	"strings"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/oa"
)

func ExampleInvoicingPlatformService_SetPDF() {
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

	cardID, err := c.InvoicingPlatform.CreateCard(ctx, &oa.InvoiceCardTemplate{
		Payee: "某某餐饮有限公司", Type: "增值税电子普通发票",
		BaseInfo: oa.InvoiceCardBaseInfo{LogoURL: "http://mmbiz.qpic.cn/logo", Title: "某某餐饮"},
	})
	if err != nil {
		log.Fatal(err)
	}
	mediaID, err := c.InvoicingPlatform.SetPDF(ctx, "invoice.pdf", strings.NewReader("%PDF-1.4\n...\n%%EOF\n"))
	if err != nil {
		log.Fatal(err)
	}
	link, err := c.InvoicingPlatform.PDF(ctx, mediaID)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(cardID != "", link.PDFURLExpireTime)
	// Output: true 7200
}
