package work_test

import (
	"context"
	"fmt"
	"log"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/work"
)

func ExampleExternalPayService_AllBills() {
	srv := fakewechat.New() // a fake WeChat server on loopback
	if _, err := srv.Start(); err != nil {
		log.Fatal(err)
	}
	defer srv.Close()
	// The fake's corp has a bound payment merchant.
	srv.AddWeComMerchant(fakewechat.DefaultCorpID, fakewechat.WeComMerchant{MchID: "123454", MerchantName: "Coffee Shop", BindStatus: 2})
	corp, err := work.New(work.Config{CorpID: fakewechat.DefaultCorpID,
		Agents: []work.Agent{{ID: fakewechat.DefaultAgentID, Name: "pay", Secret: fakewechat.DefaultAgentSecret}}},
		wechat.WithBaseURL(srv.URL()+fakewechat.WeComPrefix), wechat.WithStore(wechat.NewMemoryStore()))
	if err != nil {
		log.Fatal(err)
	}
	pay, _ := corp.Agent("pay")
	ctx := context.Background()
	if err := pay.ExternalPay.SetMerchantScope(ctx, "123454", work.MerchantScope{User: []string{"zhangshan"}}); err != nil {
		log.Fatal(err)
	}
	m, err := pay.ExternalPay.GetMerchant(ctx, "123454")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(m.MerchantName, m.AllowUseScope.User)
	q := work.ExternalPayBillQuery{BeginTime: 1605171726, EndTime: 1605172726, PayeeUserID: "zhangshan"}
	for b, err := range pay.ExternalPay.AllBills(ctx, q) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(b.TransactionID, b.TotalFee, b.TotalRefundFee)
	}
	// Output:
	// Coffee Shop [zhangshan]
	// 4200000001 100 100
	// 4200000003 300 0
}
