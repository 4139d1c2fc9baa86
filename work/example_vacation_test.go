package work_test

import (
	"context"
	"fmt"
	"log"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/work"
)

func ExampleVacationService_SetUserQuota() {
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
	srv.SetWeComVacationConfigs(fakewechat.DefaultCorpID, map[int]string{1: "Annual leave"})
	ctx := context.Background()
	if err := bot.Vacation.SetUserQuota(ctx, &work.QuotaChange{UserID: "zhangsan", VacationID: 1, LeftDuration: 5 * 86400}); err != nil {
		log.Fatal(err)
	}
	q, err := bot.Vacation.UserQuota(ctx, "zhangsan")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(q[0].VacationName, q[0].LeftDuration/86400, "days")
	// Output: Annual leave 5 days
}
