package oa_test

import (
	"context"
	"fmt"
	"log"
	"strings"

	"github.com/weixin-go/wechat/oa"
)

func ExampleInvoicingPlatformService_SetPDF() {
	srv, c := exampleClientA()
	defer srv.Close()
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
