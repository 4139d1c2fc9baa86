package miniprogram_test

import (
	"context"
	"fmt"
	"log"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/miniprogram"
)

func ExampleSearchService_SiteSearchAll() {
	srv := fakewechat.New() // a fake WeChat server on loopback
	if _, err := srv.Start(); err != nil {
		log.Fatal(err)
	}
	defer srv.Close()
	client, err := miniprogram.New(wechat.Config{AppID: fakewechat.DefaultAppID, AppSecret: fakewechat.DefaultSecret},
		wechat.WithBaseURL(srv.URL()), wechat.WithStore(wechat.NewMemoryStore()))
	if err != nil {
		log.Fatal(err)
	}
	ctx := context.Background()
	_ = client.Search.SubmitPages(ctx, []miniprogram.PageInfo{
		{Path: "pages/goods/goods", Query: "id=1"}, {Path: "pages/goods/goods", Query: "id=2"},
	})

	for page, err := range client.Search.SiteSearchAll(ctx, "goods") {
		if err != nil {
			fmt.Println(err)
			break
		}
		fmt.Println(page.Path)
	}
	// Output:
	// pages/goods/goods?id=1
	// pages/goods/goods?id=2
}
