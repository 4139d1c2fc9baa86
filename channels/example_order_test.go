package channels_test

import (
	"context"
	"fmt"
	"log"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/channels"
	"github.com/weixin-go/wechat/fakewechat"
)

func ExampleOrderService_List() {
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

	// A listed product, and a buyer's paid order of it (a test hook of the fake).
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
	_, _ = srv.ChannelsAddOrder(fakewechat.DefaultAppID, fakewechat.ChannelsOrder{
		ProductID: added.ProductID.String(), SKUID: data.Product.SKUs[0].SKUID.String(), Count: 2,
	})

	// The orders to ship, created in the last day.
	toShip := channels.OrderToShip
	now := srv.Now().Unix()
	opts := channels.OrderListOptions{CreateTimeRange: &channels.TimeRange{StartTime: now - 86400, EndTime: now}, Status: &toShip}
	for id, err := range client.Orders.List(ctx, opts) {
		if err != nil {
			fmt.Println(err)
			return
		}
		o, err := client.Orders.Get(ctx, id.String())
		if err != nil {
			fmt.Println(err)
			return
		}
		_ = client.Orders.UpdateMerchantNotes(ctx, id.String(), "gift wrap")
		p := o.OrderDetail.ProductInfos[0]
		fmt.Println(p.Title, p.SKUCnt, o.OrderDetail.PriceInfo.OrderPrice)
	}
	// Output: 挂耳咖啡十包装 2 7980
}
