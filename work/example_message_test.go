package work_test

import (
	"context"
	"fmt"
	"log"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/work"
)

func ExampleMessageService_SendText() {
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
	res, err := bot.Message.SendText(ctx, work.Recipients{Users: []string{"zhangsan", "nobody"}}, "Build #42 passed")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("not delivered to:", res.InvalidUsers())
	fmt.Println(bot.Message.Recall(ctx, res.MsgID))
	// Output:
	// not delivered to: [nobody]
	// <nil>
}
