package oa_test

import (
	"context"
	"fmt"
	"log"
	"time"

	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/oa"
)

func ExampleEInvoiceService_AuthURL() {
	srv, c := exampleClientA()
	defer srv.Close()
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
