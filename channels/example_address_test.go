package channels_test

import (
	"context"
	"fmt"
	"log"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/channels"
	"github.com/weixin-go/wechat/fakewechat"
)

func ExampleAddressService_Add() {
	srv := fakewechat.New() // a fake WeChat server on loopback
	if _, err := srv.Start(); err != nil {
		log.Fatal(err)
	}
	defer srv.Close()
	client, err := channels.New(wechat.Config{AppID: fakewechat.DefaultAppID, AppSecret: fakewechat.DefaultSecret},
		wechat.WithBaseURL(srv.URL()), wechat.WithStore(wechat.NewMemoryStore()))
	if err != nil {
		log.Fatal(err)
	}
	ctx := context.Background()

	id, err := client.Addresses.Add(ctx, &channels.MerchantAddress{
		Name: "退货仓",
		AddressInfo: channels.AddressInfo{UserName: "张三", PostalCode: "510000", ProvinceName: "广东省",
			CityName: "广州市", CountyName: "天河区", DetailInfo: "天河路1号", TelNumber: "18666666666"},
		RecvAddr: true, DefaultRecv: true,
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	a, err := client.Addresses.Get(ctx, id.String())
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(a.AddressInfo.UserName, a.AddressInfo.CityName, a.RecvAddr, a.DefaultRecv, a.SendAddr)

	for aid, err := range client.Addresses.List(ctx) {
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(aid == id)
	}
	if err := client.Addresses.Delete(ctx, id.String()); err != nil {
		fmt.Println(err)
	}
	// Output:
	// 张三 广州市 true true false
	// true
}
