package miniprogram_test

import (
	"context"
	"fmt"
	"log"
	"strings"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/miniprogram"
)

func ExampleLiveGoodsService_Add() {
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
