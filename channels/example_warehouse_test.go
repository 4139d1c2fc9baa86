package channels_test

import (
	"context"
	"fmt"
	"log"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/channels"
	"github.com/weixin-go/wechat/fakewechat"
)

func ExampleWarehouseService_Create() {
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

	guangzhou := channels.CoverLocation{AddressID1: 440000000, AddressID2: 440100000}
	err = client.Warehouses.Create(ctx, &channels.Warehouse{
		OutWarehouseID: "gz-1", Name: "广州仓", Intro: "覆盖广州市",
		CoverLocations: []channels.CoverLocation{guangzhou},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	w, err := client.Warehouses.Get(ctx, "gz-1")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(w.Name, len(w.CoverLocations), w.CoverLocations[0].AddressID2)

	for id, err := range client.Warehouses.List(ctx) {
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(id)
	}
	ids, err := client.Warehouses.PrioritySort(ctx, guangzhou)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(ids)
	// Output:
	// 广州仓 1 440100000
	// gz-1
	// [gz-1]
}
