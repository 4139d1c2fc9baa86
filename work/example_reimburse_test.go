package work_test

import (
	"context"
	"fmt"
	"log"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/work"
)

func ExampleReimburseService_UpdateStatus() {
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
	// The card_id and encrypt_code a member chose in the invoice picker.
	ref := work.InvoiceRef{CardID: fakewechat.WeComReimburseInvoices[0].CardID, EncryptCode: fakewechat.WeComReimburseInvoices[0].EncryptCode}
	// Lock the invoice while it is being reimbursed.
	if err := bot.Reimburse.UpdateStatus(ctx, ref, work.InvoiceReimburseLock); err != nil {
		log.Fatal(err)
	}
	inv, err := bot.Reimburse.Invoice(ctx, ref)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(inv.UserInfo.ReimburseStatus)
	// Output: INVOICE_REIMBURSE_LOCK
}
