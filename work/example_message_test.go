package work_test

import (
	"context"
	"fmt"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/work"
)

// exampleAgentA starts a fake WeCom and returns its default agent, for the
// examples of this package.
func exampleAgentA() (*work.AgentClient, func()) {
	_, bot, stop := exampleCorpA()
	return bot, stop
}

// exampleCorpA is exampleAgentA that also returns the fake server.
func exampleCorpA() (*fakewechat.Server, *work.AgentClient, func()) {
	srv := fakewechat.New()
	if _, err := srv.Start(); err != nil {
		panic(err)
	}
	corp, err := work.New(work.Config{CorpID: fakewechat.DefaultCorpID,
		Agents: []work.Agent{{ID: fakewechat.DefaultAgentID, Name: "bot", Secret: fakewechat.DefaultAgentSecret}}},
		wechat.WithBaseURL(srv.URL()+fakewechat.WeComPrefix), wechat.WithStore(wechat.NewMemoryStore()))
	if err != nil {
		panic(err)
	}
	bot, _ := corp.Agent("bot")
	return srv, bot, func() { srv.Close() }
}

func ExampleMessageService_SendText() {
	bot, stop := exampleAgentA()
	defer stop()
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
