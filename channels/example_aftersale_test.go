package channels_test

import (
	"context"
	"fmt"
	"log"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/channels"
	"github.com/weixin-go/wechat/fakewechat"
)

func ExampleAfterSaleService_Accept() {
	srv := fakewechat.New() // a fake WeChat server on loopback
	if _, err := srv.Start(); err != nil {
		log.Fatal(err)
	}
	defer srv.Close()
	client, err := channels.New(wechat.Config{AppID: fakewechat.DefaultAppID, AppSecret: fakewechat.DefaultSecret},
		wechat.WithBaseURL(srv.URL()), wechat.WithStore(wechat.NewMemoryStore()))
	if err != nil {
		log.Fatal(err)
	}
	ctx := context.Background()

	// A paid order and the buyer's refund request (test hooks of the fake).
	const pic = "https://mmecimage.cn/p/wx37f38d59298839c3/"
	added, err := client.Products.Add(ctx, &channels.Product{
		Title:    "挂耳咖啡十包装",
		HeadImgs: []string{pic + "a", pic + "b", pic + "c"},
		Cats:     []channels.ProductCat{{CatID: "6033"}, {CatID: "6057"}, {CatID: "6091"}},
		SKUs:     []channels.SKU{{SalePrice: 3990, StockNum: 100}},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	_ = client.Products.Listing(ctx, added.ProductID.String())
	data, _ := client.Products.Get(ctx, added.ProductID.String(), channels.ProductDataOnline)
	order, _ := srv.ChannelsAddOrder(fakewechat.DefaultAppID, fakewechat.ChannelsOrder{
		ProductID: added.ProductID.String(), SKUID: data.Product.SKUs[0].SKUID.String(),
	})
	_, _ = srv.ChannelsAddAfterSale(fakewechat.DefaultAppID, order, channels.AfterSaleRefund, 1)

	// Refund every pending refund-only request of the last day.
	now := srv.Now().Unix()
	opts := channels.AfterSaleListOptions{CreateTimeRange: &channels.TimeRange{StartTime: now - 86400, EndTime: now}}
	for id, err := range client.AfterSales.List(ctx, opts) {
		if err != nil {
			fmt.Println(err)
			return
		}
		a, err := client.AfterSales.Get(ctx, id)
		if err != nil || a.Type != channels.AfterSaleRefund || a.Status != channels.AfterSaleProcessing {
			continue
		}
		if err := client.AfterSales.Accept(ctx, id, nil); err != nil {
			fmt.Println(err)
			return
		}
		a, _ = client.AfterSales.Get(ctx, id)
		fmt.Println(a.RefundInfo.Amount, a.Status)
	}
	// Output: 3990 MERCHANT_REFUND_SUCCESS
}
