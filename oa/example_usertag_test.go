package oa_test

import (
	"context"
	"fmt"
	"log"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/oa"
)

func ExampleUserTagService_Tag() {
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
	srv.AddFollowers(fakewechat.DefaultAppID, fakewechat.Follower{OpenID: "oExample_follower_0000000001"}, fakewechat.Follower{OpenID: "oExample_follower_0000000002"})
	ctx := context.Background()

	tag, err := c.UserTag.Create(ctx, "vip")
	if err != nil {
		log.Fatal(err)
	}
	if err := c.UserTag.Tag(ctx, tag.ID, []string{"oExample_follower_0000000002"}); err != nil {
		log.Fatal(err)
	}
	for openid, err := range c.UserTag.AllUsers(ctx, tag.ID) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(tag.Name, openid)
	}
	// Output: vip oExample_follower_0000000002
}
