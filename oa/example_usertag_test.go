package oa_test

import (
	"context"
	"fmt"
	"log"

	"github.com/weixin-go/wechat/fakewechat"
)

func ExampleUserTagService_Tag() {
	srv, c := exampleClientA()
	defer srv.Close()
	srv.AddFollowers(fakewechat.DefaultAppID, fakewechat.Follower{OpenID: "o1"}, fakewechat.Follower{OpenID: "o2"})
	ctx := context.Background()

	tag, err := c.UserTag.Create(ctx, "vip")
	if err != nil {
		log.Fatal(err)
	}
	if err := c.UserTag.Tag(ctx, tag.ID, []string{"o2"}); err != nil {
		log.Fatal(err)
	}
	for openid, err := range c.UserTag.AllUsers(ctx, tag.ID) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(tag.Name, openid)
	}
	// Output: vip o2
}
