package miniprogram_test

import (
	"context"
	"fmt"
	"log"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/miniprogram"
)

func ExampleExpressProviderService_GetContact() {
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
	// token and waybill id come from the merchant's order event.
	contacts, err := client.ExpressProvider.GetContact(ctx, fakewechat.MPProviderToken, fakewechat.MPProviderWaybillID)
	if err != nil {
		fmt.Println(err)
		return
	}
	err = client.ExpressProvider.UpdatePath(ctx, fakewechat.MPProviderToken, fakewechat.MPProviderWaybillID,
		miniprogram.PathItem{ActionTime: 1533052800, ActionType: miniprogram.ExpressPickedUp, ActionMsg: "已揽件"})
	fmt.Println(contacts.Receiver.Name, err)
	// Output: 王小蒙 <nil>
}
