package miniprogram_test

import (
	"context"
	"fmt"
	"log"
	"time"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/miniprogram"
)

func ExampleLocalDeliveryService_AddOrder() {
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
	// The sandbox courier account; a real one is the courier's appkey and secret.
	shop := miniprogram.LocalShop{ShopID: miniprogram.LocalTestShopID, AppSecret: "test_app_secrect"}

	order, err := client.LocalDelivery.AddOrder(ctx, shop, &miniprogram.LocalOrder{
		ShopOrderID: "20240101001", DeliveryID: "TEST", OpenID: "oUser",
		Sender:    &miniprogram.LocalContact{Name: "南山店", City: "深圳市", Address: "科技园", AddressDetail: "1号", Phone: "0755-1234567", Lng: 113.93, Lat: 22.54},
		Receiver:  miniprogram.LocalContact{Name: "顾客", City: "深圳市", Address: "南山区", AddressDetail: "2号101", Phone: "13900000000", Lng: 113.9, Lat: 22.5},
		Cargo:     miniprogram.LocalCargo{GoodsValue: 99, GoodsWeight: 0.5, CargoFirstClass: "美食夜宵", CargoSecondClass: "零食小吃"},
		OrderInfo: miniprogram.LocalOrderInfo{OrderTime: time.Now().Unix()},
		Shop:      miniprogram.LocalGoodsShow{WxaPath: "pages/order/index", ImgURL: "https://example.com/cake.png", GoodsName: "蛋糕", GoodsCount: 1},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	// In the sandbox, play the courier: a rider takes the order.
	if err := client.LocalDelivery.TestUpdateOrder(ctx, "20240101001", miniprogram.LocalRiderAssigned, time.Now(), ""); err != nil {
		fmt.Println(err)
		return
	}
	status, _ := client.LocalDelivery.GetOrder(ctx, shop, "20240101001")
	fmt.Println(order.Fee, status.OrderStatus == miniprogram.LocalRiderAssigned)
	// Output: 11.5 true
}
