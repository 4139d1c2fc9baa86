package work_test

import (
	"context"
	"fmt"
	"log"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/work"
)

func ExampleSchoolService_PaymentResult() {
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
	pay, err := bot.School.PaymentResult(ctx, "PAYMENT_ID")
	if err != nil {
		log.Fatal(err)
	}
	for _, r := range pay.PaymentResult {
		if r.TradeState != 1 {
			continue
		}
		trade, err := bot.School.Trade(ctx, "PAYMENT_ID", r.TradeNo)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(pay.ProjectName, pay.Amount, r.StudentUserID, trade.TransactionID)
	}
	// Output:
	// 学费 998 xxxx xxxxx
}
