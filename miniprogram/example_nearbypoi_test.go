package miniprogram_test

import (
	"context"
	"fmt"

	"github.com/weixin-go/wechat/miniprogram"
)

func ExampleNearbyPOIService_Add() {
	_, client, done := exampleClient()
	defer done()
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
