package oa_test

import (
	"context"
	"fmt"
	"log"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/oa"
)

func ExamplePOIService_Create() {
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
	ctx := context.Background()

	cats, err := c.POI.Categories(ctx)
	if err != nil {
		fmt.Println(err)
		return
	}
	id, err := c.POI.Create(ctx, &oa.POI{
		BusinessName: "Coffee Lab", Province: "浙江省", City: "杭州市", Address: "文三路 1 号",
		Telephone: "0571-8888888", Categories: cats[:1], OffsetType: 1, Longitude: 120.1, Latitude: 30.2,
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	poi, err := c.POI.Get(ctx, id)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(poi.BusinessName, poi.AvailableState)
	// Output: Coffee Lab 3
}
