package oa_test

import (
	"context"
	"fmt"
	"log"

	"github.com/weixin-go/wechat/fakewechat"
)

func ExampleUserService_All() {
	srv, c := exampleClientA()
	defer srv.Close()
	srv.AddFollowers(fakewechat.DefaultAppID, fakewechat.Follower{OpenID: "o1"}, fakewechat.Follower{OpenID: "o2"}, fakewechat.Follower{OpenID: "o3"})
	srv.SetUserPageSize(fakewechat.DefaultAppID, 2) // WeChat pages by 10000

	for openid, err := range c.User.All(context.Background()) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(openid)
	}
	// Output:
	// o1
	// o2
	// o3
}
