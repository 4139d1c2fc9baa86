package work_test

import (
	"context"
	"fmt"
	"log"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/work"
)

func ExampleApprovalService_CreateTemplate() {
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
	spec := &work.ApprovalTemplateSpec{TemplateName: []work.LangText{{Text: "Expenses", Lang: "zh_CN"}}}
	var amount work.ApprovalControl
	amount.Property.Control, amount.Property.ID = "Money", "Money-01"
	amount.Property.Title = []work.LangText{{Text: "Amount", Lang: "zh_CN"}}
	spec.TemplateContent.Controls = []work.ApprovalControl{amount}
	id, err := bot.Approval.CreateTemplate(ctx, spec)
	if err != nil {
		log.Fatal(err)
	}
	spec.TemplateName[0].Text = "Travel expenses"
	if err := bot.Approval.UpdateTemplate(ctx, id, spec); err != nil {
		log.Fatal(err)
	}
	tpl, err := bot.Approval.TemplateDetail(ctx, id)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(tpl.TemplateNames[0].Text, tpl.TemplateContent.Controls[0].Property.ID)
	// Output: Travel expenses Money-01
}
