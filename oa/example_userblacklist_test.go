package oa_test

import (
	"context"
	"fmt"
	"log"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/oa"
)

func ExampleUserBlacklistService_Block() {
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
	srv.AddFollowers(fakewechat.DefaultAppID, fakewechat.Follower{OpenID: "oExample_spammer_00000000001"})
	ctx := context.Background()

	if err := c.UserBlacklist.Block(ctx, []string{"oExample_spammer_00000000001"}); err != nil {
		log.Fatal(err)
	}
	page, err := c.UserBlacklist.List(ctx, "")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(page.Total, page.OpenIDs())
	// Output: 1 [oExample_spammer_00000000001]
}
