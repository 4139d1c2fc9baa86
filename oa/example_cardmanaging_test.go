package oa_test

import (
	"context"
	"fmt"
	"log"

	"github.com/weixin-go/wechat/oa"
)

func ExampleCardManagingService_All() {
	srv, c := exampleClientA()
	defer srv.Close()
	ctx := context.Background()

	for range 3 {
		if _, err := c.Card.Create(ctx, cashCardD(10)); err != nil {
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
	srv, c := exampleClientA()
	defer srv.Close()
	ctx := context.Background()

	cardID, err := c.Card.Create(ctx, cashCardD(100))
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
