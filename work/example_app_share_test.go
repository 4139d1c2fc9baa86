package work_test

import (
	"context"
	"fmt"
	"log"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/work"
)

func ExampleAppService_AllShareInfo() {
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
	// The downstream corps the agent is shared with, 100 at a time.
	q := work.AppShareQuery{AgentID: fakewechat.DefaultAgentID, BusinessType: work.ShareUpDown, Limit: 100}
	for c, err := range bot.App.AllShareInfo(context.Background(), q) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(c.CorpID, c.AgentID)
	}
	// Output:
	// wwcorpid2 1112
	// wwcorpid3 1113
	// wwcorpid4 1114
}
