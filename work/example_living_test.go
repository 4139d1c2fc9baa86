package work_test

import (
	"context"
	"fmt"
	"log"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/work"
)

func ExampleLivingService_Create() {
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
	id, err := bot.Living.Create(ctx, &work.Living{AnchorUserID: "zhangsan", Theme: "Launch", LivingStart: 1700000000, LivingDuration: 3600})
	if err != nil {
		log.Fatal(err)
	}
	info, err := bot.Living.Info(ctx, id)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(info.Theme, info.AnchorUserID)
	// Output: Launch zhangsan
}
