package oa_test

import (
	"context"
	"fmt"
	"log"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/oa"
)

func ExampleUserService_All() {
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
	srv.AddFollowers(fakewechat.DefaultAppID, fakewechat.Follower{OpenID: "oExample_follower_0000000001"}, fakewechat.Follower{OpenID: "oExample_follower_0000000002"}, fakewechat.Follower{OpenID: "oExample_follower_0000000003"})
	srv.SetUserPageSize(fakewechat.DefaultAppID, 2) // WeChat pages by 10000

	for openid, err := range c.User.All(context.Background()) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(openid)
	}
	// Output:
	// oExample_follower_0000000001
	// oExample_follower_0000000002
	// oExample_follower_0000000003
}
