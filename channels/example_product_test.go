package channels_test

import (
	"context"
	"fmt"
	"log"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/channels"
	"github.com/weixin-go/wechat/fakewechat"
)

func ExampleProductService_Add() {
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
	id := added.ProductID.String()
	if err := client.Products.Listing(ctx, id); err != nil {
		fmt.Println(err)
		return
	}
	data, _ := client.Products.Get(ctx, id, channels.ProductDataOnline)
	p := data.Product
	fmt.Println(p.Title, p.Status == channels.ProductListed, p.SKUs[0].SalePrice)

	sku := p.SKUs[0].SKUID.String()
	_ = client.Products.UpdateStock(ctx, id, sku, channels.StockDecrease, 40)
	stock, _ := client.Products.Stock(ctx, id, sku)
	fmt.Println("stock:", stock.TotalStockNum)

	for pid, err := range client.Products.List(ctx, channels.ProductListOptions{PageSize: 30}) {
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(pid == added.ProductID)
	}
	// Output:
	// 挂耳咖啡十包装 true 3990
	// stock: 60
	// true
}
