package miniprogram_test

import (
	"context"
	"fmt"
	"log"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/miniprogram"
)

func ExampleNearbyPOIService_Add() {
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

	added, err := client.NearbyPOI.Add(ctx, &miniprogram.NearbyPOI{
		StoreName: "咖啡店", Address: "深圳市南山区", POIID: "12345678", Hour: "08:00-20:00",
		PicList: []string{"https://mmbiz.qpic.cn/store.jpg"},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	page, _ := client.NearbyPOI.List(ctx, 1, 10)
	fmt.Println(len(page.POIs), page.POIs[0].POIID == added.POIID, page.POIs[0].AuditStatus)
	// Output: 1 true 3
}
