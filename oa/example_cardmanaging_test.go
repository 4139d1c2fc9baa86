package oa_test

import (
	"context"
	"fmt"
	"log"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/oa"
)

func ExampleCardManagingService_All() {
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

	card := &oa.Card{CardType: oa.CardTypeCash, Cash: &oa.Cash{
		BaseInfo: &oa.CardBaseInfo{
			LogoURL: "http://mmbiz.qpic.cn/logo", BrandName: "测试商户", CodeType: oa.CodeTypeQRCode,
			Title: "10元代金券", Color: "Color010", Notice: "出示二维码", Description: "不可与其他优惠同享",
			SKU:      &oa.CardSKU{Quantity: 10},
			DateInfo: &oa.CardDate{Type: oa.DateTypeFixTerm, FixedTerm: 30},
		},
		LeastCost: 10000, ReduceCost: 1000,
	}}
	for range 3 {
		if _, err := c.Card.Create(ctx, card); err != nil {
			log.Fatal(err)
		}
	}
	n := 0
	for cardID, err := range c.CardManaging.All(ctx, oa.CardStatusNotVerify) {
		if err != nil {
			log.Fatal(err)
		}
		card, err := c.CardManaging.Get(ctx, cardID)
		if err != nil {
			log.Fatal(err)
		}
		base, _ := card.Info()
		fmt.Println(card.CardType, base.Title, base.SKU.Quantity)
		n++
	}
	fmt.Println(n, "cards under review")
	// Output:
	// CASH 10元代金券 10
	// CASH 10元代金券 10
	// CASH 10元代金券 10
	// 3 cards under review
}

func ExampleCardManagingService_ModifyStock() {
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

	newCard := &oa.Card{CardType: oa.CardTypeCash, Cash: &oa.Cash{
		BaseInfo: &oa.CardBaseInfo{
			LogoURL: "http://mmbiz.qpic.cn/logo", BrandName: "测试商户", CodeType: oa.CodeTypeQRCode,
			Title: "10元代金券", Color: "Color010", Notice: "出示二维码", Description: "不可与其他优惠同享",
			SKU:      &oa.CardSKU{Quantity: 100},
			DateInfo: &oa.CardDate{Type: oa.DateTypeFixTerm, FixedTerm: 30},
		},
		LeastCost: 10000, ReduceCost: 1000,
	}}
	cardID, err := c.Card.Create(ctx, newCard)
	if err != nil {
		log.Fatal(err)
	}
	if err := c.CardManaging.ModifyStock(ctx, cardID, -30); err != nil { // reduce by 30
		log.Fatal(err)
	}
	card, err := c.CardManaging.Get(ctx, cardID)
	if err != nil {
		log.Fatal(err)
	}
	base, _ := card.Info()
	fmt.Println(base.SKU.Quantity)
	// Output: 70
}
