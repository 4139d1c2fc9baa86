package miniprogram_test

import (
	"context"
	"fmt"
	"log"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/miniprogram"
)

func ExampleLiveRoleService_Add() {
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

	if err := client.LiveRole.Add(ctx, "anchor_wx", miniprogram.RoleAnchor); err != nil {
		fmt.Println(err)
		return
	}
	page, _ := client.LiveRole.List(ctx, miniprogram.RoleAnchor, "", 0, 10)
	fmt.Println(page.Total, page.List[0].Username)
	// Output: 1 anchor_wx
}
