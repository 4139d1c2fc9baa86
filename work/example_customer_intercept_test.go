package work_test

import (
	"context"
	"fmt"
	"log"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/work"
)

func ExampleCustomerInterceptService_Add() {
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
	id, err := bot.CustomerIntercept.Add(ctx, &work.InterceptRule{RuleName: "No transfers", WordList: []string{"transfer", "wire"},
		SemanticsList: []int{work.InterceptPhoneNumber}, InterceptType: work.InterceptWarnOnly,
		ApplicableRange: &work.InterceptRange{DepartmentList: []int64{1}}})
	if err != nil {
		log.Fatal(err)
	}
	r, err := bot.CustomerIntercept.Get(ctx, id)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(r.RuleName, r.WordList, r.ExtraRule.SemanticsList)
	// Output: No transfers [transfer wire] [1]
}
