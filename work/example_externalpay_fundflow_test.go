package work_test

import (
	"context"
	"fmt"
	"log"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/work"
)

func ExampleExternalPayService_AllFundFlow() {
	srv := fakewechat.New() // a fake WeChat server on loopback
	if _, err := srv.Start(); err != nil {
		log.Fatal(err)
	}
	defer srv.Close()
	corp, err := work.New(work.Config{CorpID: fakewechat.DefaultCorpID,
		Agents: []work.Agent{{ID: fakewechat.DefaultAgentID, Name: "pay", Secret: fakewechat.DefaultAgentSecret}}},
		wechat.WithBaseURL(srv.URL()+fakewechat.WeComPrefix), wechat.WithStore(wechat.NewMemoryStore()))
	if err != nil {
		log.Fatal(err)
	}
	pay, _ := corp.Agent("pay")
	ctx := context.Background()
	nos, err := pay.ExternalPay.PaymentTradeNos(ctx, "PAYID1")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(nos)
	q := work.FundFlowQuery{BeginTime: 1605171726, EndTime: 1605172726, MchID: "123456"}
	for f, err := range pay.ExternalPay.AllFundFlow(ctx, q) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(f.RequestNo, f.TransactionAmount, f.AccountBalance)
	}
	// Output:
	// [OUT4200000001 OUT4200000002]
	// 1234567890 20 40
	// 1234567891 30 70
}
