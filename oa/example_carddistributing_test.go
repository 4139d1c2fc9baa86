package oa_test

import (
	"context"
	"fmt"
	"log"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/oa"
)

func ExampleCardDistributingService_ImportCodes() {
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

	card := &oa.Card{CardType: oa.CardTypeGeneralCoupon, GeneralCoupon: &oa.GeneralCoupon{
		BaseInfo: &oa.CardBaseInfo{
			LogoURL: "http://mmbiz.qpic.cn/logo", BrandName: "书店", CodeType: oa.CodeTypeText, Title: "满百减十",
			SKU: &oa.CardSKU{Quantity: 0}, DateInfo: &oa.CardDate{Type: oa.DateTypeFixTerm, FixedTerm: 30},
			UseCustomCode: true, GetCustomCodeMode: "GET_CUSTOM_CODE_MODE_DEPOSIT",
		},
		DefaultDetail: "满100元减10元",
	}}
	cardID, err := c.Card.Create(ctx, card)
	if err != nil {
		log.Fatal(err)
	}
	res, err := c.CardDistributing.ImportCodes(ctx, cardID, []string{"BOOK-0001", "BOOK-0002", "BOOK-0001"})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("imported", res.SuccCode, "duplicates", res.DuplicateCode)
	n, err := c.CardDistributing.CodeCount(ctx, cardID)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("deposited", n)
	// Output:
	// imported [BOOK-0001 BOOK-0002] duplicates [BOOK-0001]
	// deposited 2
}
