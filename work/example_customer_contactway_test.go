package work_test

import (
	"context"
	"fmt"
	"log"

	"github.com/weixin-go/wechat/work"
)

func ExampleCustomerContactWayService_Add() {
	srv, bot := exampleAgentB()
	defer srv.Close()
	ctx := context.Background()
	id, qr, err := bot.CustomerContactWay.Add(ctx, &work.ContactWay{Type: work.ContactWaySingle, Scene: work.ContactWayQRCode,
		State: "campaign-42", User: []string{"zhangsan"}})
	if err != nil {
		log.Fatal(err)
	}
	w, err := bot.CustomerContactWay.Get(ctx, id)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(w.State, w.QRCode == qr)
	// Output: campaign-42 true
}
