package miniprogram_test

import (
	"context"
	"fmt"

	"github.com/weixin-go/wechat/miniprogram"
)

func ExampleSearchService_SiteSearchAll() {
	_, client, done := exampleClient()
	defer done()
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
