package oa_test

import (
	"context"
	"fmt"

	"github.com/weixin-go/wechat/oa"
)

func ExamplePOIService_Create() {
	_, c, done := exampleClientC()
	defer done()
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
