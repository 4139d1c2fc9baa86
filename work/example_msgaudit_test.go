package work_test

import (
	"context"
	"fmt"
	"log"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/work"
)

func ExampleMsgAuditService_CheckSingleAgree() {
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
	infos, err := bot.MsgAudit.CheckSingleAgree(ctx, []work.AgreeQuery{{UserID: "zhangsan", ExternalOpenID: fakewechat.WeComAuditAgreed}})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, in := range infos {
		fmt.Println(in.UserID, in.AgreeStatus)
	}
	// Output: zhangsan Agree
}
