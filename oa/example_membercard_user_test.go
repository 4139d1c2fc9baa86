package oa_test

import (
	"context"
	"fmt"
	"log"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/oa"
)

func ExampleMemberCardService_UpdateUser() {
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

	cardID, err := c.MemberCard.Create(ctx, &oa.MemberCard{
		BaseInfo: &oa.CardBaseInfo{
			LogoURL: "http://mmbiz.qpic.cn/logo", BrandName: "咖啡店", CodeType: oa.CodeTypeText, Title: "咖啡会员卡",
			SKU: &oa.CardSKU{Quantity: 1000}, DateInfo: &oa.CardDate{Type: oa.DateTypePermanent},
		},
		Prerogative: "会员九折",
	})
	if err != nil {
		log.Fatal(err)
	}
	_ = srv.ApproveCard(fakewechat.DefaultAppID, cardID)
	code, _ := srv.GiveCard(fakewechat.DefaultAppID, cardID, "oUser")
	err = c.MemberCard.Activate(ctx, &oa.MemberActivation{CardID: cardID, Code: code, MembershipNumber: "VIP-42", InitBalance: 10000})
	if err != nil {
		log.Fatal(err)
	}

	// A 32.00 yuan purchase: 32 points earned, paid from the balance.
	got, err := c.MemberCard.UpdateUser(ctx, &oa.MemberUpdate{CardID: cardID, Code: code,
		AddBonus: 32, RecordBonus: "消费送积分", AddBalance: -3200, RecordBalance: "购买咖啡"})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(got.ResultBonus, got.ResultBalance, got.OpenID)
	// Output: 32 6800 oUser
}
