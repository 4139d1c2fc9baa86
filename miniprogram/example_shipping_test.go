package miniprogram_test

import (
	"context"
	"fmt"
	"log"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/miniprogram"
)

func ExampleShippingService_UploadShippingInfo() {
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
	txn := srv.MPAddPaidOrder(fakewechat.DefaultAppID, fakewechat.MPPaidOrder{OpenID: "oUser", PaidAmount: 990})

	err = client.Shipping.UploadShippingInfo(ctx, &miniprogram.ShippingInfo{
		OrderKey:      &miniprogram.ShippingOrderKey{OrderNumberType: 2, TransactionID: txn},
		LogisticsType: miniprogram.LogisticsExpress, DeliveryMode: miniprogram.DeliveryUnified,
		ShippingList: []miniprogram.ShippingItem{{TrackingNo: "YT0001", ExpressCompany: "YTO", ItemDesc: "T恤*1"}},
		Payer:        miniprogram.ShippingPayer{OpenID: "oUser"},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	order, _ := client.Shipping.GetOrder(ctx, miniprogram.ShippingRef{TransactionID: txn})
	fmt.Println(order.OrderState == miniprogram.ShippingOrderShipped, order.Shipping.ShippingList[0].TrackingNo)
	// Output: true YT0001
}
