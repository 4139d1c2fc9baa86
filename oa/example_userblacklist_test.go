package oa_test

import (
	"context"
	"fmt"
	"log"

	"github.com/weixin-go/wechat/fakewechat"
)

func ExampleUserBlacklistService_Block() {
	srv, c := exampleClientA()
	defer srv.Close()
	srv.AddFollowers(fakewechat.DefaultAppID, fakewechat.Follower{OpenID: "spammer"})
	ctx := context.Background()

	if err := c.UserBlacklist.Block(ctx, []string{"spammer"}); err != nil {
		log.Fatal(err)
	}
	page, err := c.UserBlacklist.List(ctx, "")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(page.Total, page.OpenIDs())
	// Output: 1 [spammer]
}
