package miniprogram_test

import (
	"context"
	"fmt"
	"log"
	"strings"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/miniprogram"
)

func ExampleURLLinkService_GenerateForDays() {
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
	link, err := client.URLLink.GenerateForDays(ctx, "pages/item/item", "id=42", 7)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(strings.HasPrefix(link, "https://wxaurl.cn/"))
	info, err := client.URLLink.Query(ctx, link)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(info.Path, info.Query, info.EnvVersion)
	// Output:
	// true
	// pages/item/item id=42 release
}

func ExampleShortLinkService_Generate() {
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

	link, err := client.ShortLink.Generate(context.Background(), "pages/item/item?id=42", "Item 42", false)
	fmt.Println(strings.HasPrefix(link, "#小程序://"), err)
	// Output: true <nil>
}
