package miniprogram_test

import (
	"context"
	"fmt"

	"github.com/weixin-go/wechat/miniprogram"
)

func ExampleLiveRoleService_Add() {
	_, client, done := exampleClient()
	defer done()
	ctx := context.Background()

	if err := client.LiveRole.Add(ctx, "anchor_wx", miniprogram.RoleAnchor); err != nil {
		fmt.Println(err)
		return
	}
	page, _ := client.LiveRole.List(ctx, miniprogram.RoleAnchor, "", 0, 10)
	fmt.Println(page.Total, page.List[0].Username)
	// Output: 1 anchor_wx
}
