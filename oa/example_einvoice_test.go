package oa_test

import (
	"context"
	"fmt"
	"log"
	"time"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/oa"
)

func ExampleEInvoiceService_AuthURL() {
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
	sPAppID := fakewechat.InvoiceSPAppID("wxplatform") // from the invoicing platform

	// The wx_card ticket is fetched and filled in when Ticket is empty.
	page, err := c.EInvoice.AuthURL(ctx, &oa.InvoiceAuthRequest{
		SPAppID: sPAppID, OrderID: "ORDER-1", Money: 9900, Timestamp: time.Now().Unix(),
		Source: "web", RedirectURL: "https://example.com/invoice/done", Type: oa.InvoiceAuthTitle,
	})
	if err != nil {
		log.Fatal(err)
	}
	_ = page.AuthURL // show it to the user

	data, err := c.EInvoice.AuthData(ctx, sPAppID, "ORDER-1")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(data.InvoiceStatus)
	// Output: never auth
}
