package miniprogram_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/weixin-go/wechat/miniprogram"
)

func ExampleLiveGoodsService_Add() {
	_, client, done := exampleClient()
	defer done()
	ctx := context.Background()
	cover, _ := client.CustomMessage.UploadTempMedia(ctx, "goods.jpg", strings.NewReader("\xff\xd8 goods"))

	g, err := client.LiveGoods.Add(ctx, &miniprogram.Goods{
		CoverImgURL: cover.MediaID, Name: "挂耳咖啡", PriceType: miniprogram.PriceFixed, Price: 9.9, URL: "pages/goods/goods?id=1",
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	st, _ := client.LiveGoods.Status(ctx, []int{g.GoodsID})
	fmt.Println(st[0].Name, st[0].AuditStatus == miniprogram.GoodsAuditing)
	// Output: 挂耳咖啡 true
}
