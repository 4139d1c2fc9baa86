package work_test

import (
	"context"
	"fmt"
	"log"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/work"
)

func ExampleCustomerStrategyService_Create() {
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
	id, err := bot.CustomerStrategy.Create(ctx, &work.Strategy[work.CustomerPrivilege]{
		StrategyName: "Sales", AdminList: []string{"zhangsan"},
		Privilege: &work.CustomerPrivilege{ViewCustomerList: true, SendGroupMsg: true},
		Range:     []work.StrategyRange{{Type: 1, UserID: "lisi"}},
	})
	if err != nil {
		log.Fatal(err)
	}
	st, err := bot.CustomerStrategy.Get(ctx, id)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(st.StrategyName, st.Privilege.SendGroupMsg)
	// Output: Sales true
}
