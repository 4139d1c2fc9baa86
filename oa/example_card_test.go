package oa_test

import (
	"context"
	"fmt"
	"log"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/oa"
)

func ExampleCardService_Create() {
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

	cardID, err := c.Card.Create(ctx, &oa.Card{CardType: oa.CardTypeGift, Gift: &oa.Gift{
		BaseInfo: &oa.CardBaseInfo{
			LogoURL: "http://mmbiz.qpic.cn/logo", BrandName: "咖啡店", CodeType: oa.CodeTypeQRCode,
			Title: "免费咖啡", Color: "Color010", Notice: "出示二维码", Description: "每人一杯",
			SKU: &oa.CardSKU{Quantity: 500}, DateInfo: &oa.CardDate{Type: oa.DateTypeFixTerm, FixedTerm: 7},
		},
		Gift: "一杯美式咖啡",
	}})
	if err != nil {
		log.Fatal(err)
	}
	// In production WeChat reviews the card and a user receives it.
	_ = srv.ApproveCard(fakewechat.DefaultAppID, cardID)
	code, _ := srv.GiveCard(fakewechat.DefaultAppID, cardID, "oUser")

	info, err := c.Card.Code(ctx, cardID, code, true)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(info.UserCardStatus, info.CanConsume)
	if _, err := c.Card.ConsumeCode(ctx, cardID, code); err != nil {
		log.Fatal(err)
	}
	info, _ = c.Card.Code(ctx, cardID, code, false)
	fmt.Println(info.UserCardStatus)
	// Output:
	// NORMAL true
	// CONSUMED
}

func ExampleCardSignature() {
	// The values are sorted before hashing, so their order does not matter.
	fmt.Println(oa.CardSignature("api_ticket", "1404896688", "card_id", "nonce") ==
		oa.CardSignature("nonce", "card_id", "1404896688", "api_ticket"))
	// Output: true
}
