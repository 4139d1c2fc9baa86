package work_test

import (
	"context"
	"fmt"
	"log"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/work"
)

func ExampleCustomerContactWayService_Add() {
	srv := fakewechat.New() // a fake WeChat server on loopback
	if _, err := srv.Start(); err != nil {
		log.Fatal(err)
	}
	defer srv.Close()
	corp, err := work.New(work.Config{CorpID: fakewechat.DefaultCorpID,
		Agents: []work.Agent{{ID: fakewechat.DefaultAgentID, Name: "bot", Secret: fakewechat.DefaultAgentSecret}}},
		wechat.WithBaseURL(srv.URL()+fakewechat.WeComPrefix), wechat.WithStore(wechat.NewMemoryStore()))
	if err != nil {
		log.Fatal(err)
	}
	bot, _ := corp.Agent("bot")
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
