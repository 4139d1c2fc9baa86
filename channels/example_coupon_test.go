package channels_test

import (
	"context"
	"fmt"
	"log"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/channels"
	"github.com/weixin-go/wechat/fakewechat"
)

func ExampleCouponService_List() {
	srv := fakewechat.New() // a fake WeChat server on loopback
	if _, err := srv.Start(); err != nil {
		log.Fatal(err)
	}
	defer srv.Close()
	// A coupon made in the shop's back office (the fake's seed).
	id := srv.ChannelsAddCoupon(fakewechat.DefaultAppID, fakewechat.ChannelsCoupon{Name: "满100减5", DiscountFee: 500, ProductPrice: 10000, IssuedNum: 100})
	client, err := channels.New(wechat.Config{AppID: fakewechat.DefaultAppID, AppSecret: fakewechat.DefaultSecret},
		wechat.WithBaseURL(srv.URL()), wechat.WithStore(wechat.NewMemoryStore()))
	if err != nil {
		log.Fatal(err)
	}
	ctx := context.Background()

	// Put the new coupon into effect, then read the coupons in effect.
	if err := client.Coupons.UpdateStatus(ctx, id, channels.CouponValid); err != nil {
		log.Fatal(err)
	}
	for couponID, err := range client.Coupons.List(ctx, channels.CouponValid) {
		if err != nil {
			log.Fatal(err)
		}
		c, err := client.Coupons.Get(ctx, couponID.String())
		if err != nil {
			log.Fatal(err)
		}
		d := c.CouponInfo.DiscountInfo
		fmt.Println(c.CouponID, c.CouponInfo.Name, c.Status, d.DiscountFee, d.DiscountCondition.ProductPrice, c.StockInfo.IssuedNum)
	}
	// Output:
	// 12639900 满100减5 2 500 10000 100
}
