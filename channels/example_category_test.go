package channels_test

import (
	"context"
	"fmt"
	"log"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/channels"
	"github.com/weixin-go/wechat/fakewechat"
)

func ExampleCategoryService_All() {
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

	all, err := client.Categories.All(ctx)
	if err != nil {
		fmt.Println(err)
		return
	}
	// The leaves (品类) of the new tree are what products use.
	for _, g := range all.CatsV2 {
		for _, cq := range g.CatAndQua {
			if !cq.Cat.Leaf {
				continue
			}
			d, err := client.Categories.Detail(ctx, cq.Cat.CatID)
			if err != nil {
				fmt.Println(err)
				return
			}
			fmt.Println(cq.Cat.CatID, cq.Cat.Name, "apply:", cq.Qua.NeedToApply, "deposit:", d.Attr.Deposit)
		}
	}
	granted, _ := client.Categories.Available(ctx)
	fmt.Println("granted:", len(granted))
	// Output:
	// 545301 国产白兰地 apply: true deposit: 1000000
	// granted: 2
}
