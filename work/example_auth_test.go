package work_test

import (
	"context"
	"fmt"
	"log"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/work"
)

func ExampleAuthService_UserInfo() {
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
	// The code WeCom appends to the agent's redirect URL after login.
	code := srv.WeComOAuthCode(fakewechat.DefaultCorpID, "zhangsan")
	who, err := bot.Auth.UserInfo(ctx, code)
	if err != nil {
		fmt.Println(err)
		return
	}
	detail, err := bot.Auth.UserDetail(ctx, who.UserTicket)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(who.UserID, detail.Mobile)
	// Output: zhangsan 13800000001
}
