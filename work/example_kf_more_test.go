package work_test

import (
	"context"
	"fmt"
	"log"
	"time"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/work"
)

func ExampleKFServicerService_Add() {
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
	// A customer-service account, with an avatar the fake knows.
	avatar := srv.AddWeComMedia(fakewechat.DefaultCorpID, "image", "kf.png", []byte("fake avatar"))
	openKfID, err := bot.KFAccount.Add(context.Background(), "Support", avatar)
	if err != nil {
		log.Fatal(err)
	}
	ctx := context.Background()
	res, err := bot.KFServicer.Add(ctx, openKfID, []string{"zhangsan", "nobody"}, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, r := range res {
		fmt.Println(r.UserID, r.ErrCode)
	}
	servicers, _ := bot.KFServicer.List(ctx, openKfID)
	fmt.Println(len(servicers), "servicer")
	// Output:
	// zhangsan 0
	// nobody 60111
	// 1 servicer
}

func ExampleKFSessionService_Trans() {
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
	// A customer-service account, with an avatar the fake knows.
	avatar := srv.AddWeComMedia(fakewechat.DefaultCorpID, "image", "kf.png", []byte("fake avatar"))
	openKfID, err := bot.KFAccount.Add(context.Background(), "Support", avatar)
	if err != nil {
		log.Fatal(err)
	}
	ctx := context.Background()
	srv.WeComKFReceive(fakewechat.DefaultCorpID, openKfID, fakewechat.WeComKFCustomer1, "I need a human")
	if _, err := bot.KFServicer.Add(ctx, openKfID, []string{"lisi"}, nil); err != nil {
		fmt.Println(err)
		return
	}
	code, err := bot.KFSession.Trans(ctx, openKfID, fakewechat.WeComKFCustomer1, work.KFStateServicer, "lisi")
	if err != nil {
		fmt.Println(err)
		return
	}
	if code != "" { // greet the customer once
		_, _ = bot.KFMessage.SendTextOnEvent(ctx, code, "", "lisi will answer you")
	}
	st, _ := bot.KFSession.State(ctx, openKfID, fakewechat.WeComKFCustomer1)
	fmt.Println(st.State, st.ServicerUserID)
	// Output: 3 lisi
}

func ExampleKFStatisticService_CorpStatistic() {
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
	// A customer-service account, with an avatar the fake knows.
	avatar := srv.AddWeComMedia(fakewechat.DefaultCorpID, "image", "kf.png", []byte("fake avatar"))
	openKfID, err := bot.KFAccount.Add(context.Background(), "Support", avatar)
	if err != nil {
		log.Fatal(err)
	}
	beijing := time.FixedZone("CST", 8*3600)
	now := srv.Now().In(beijing)
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, beijing)
	days, err := bot.KFStatistic.CorpStatistic(context.Background(), work.KFStatisticQuery{
		OpenKfID: openKfID, StartTime: today.AddDate(0, 0, -7).Unix(), EndTime: today.AddDate(0, 0, -1).Unix()})
	if err != nil {
		fmt.Println(err)
		return
	}
	var sessions int64
	for _, d := range days {
		if d.Statistic != nil {
			sessions += d.Statistic.SessionCnt
		}
	}
	fmt.Println(len(days), "days,", sessions, "sessions")
	// Output: 7 days, 14 sessions
}

func ExampleKFCustomerService_UpgradeMember() {
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
	// A customer-service account, with an avatar the fake knows.
	avatar := srv.AddWeComMedia(fakewechat.DefaultCorpID, "image", "kf.png", []byte("fake avatar"))
	openKfID, err := bot.KFAccount.Add(context.Background(), "Support", avatar)
	if err != nil {
		log.Fatal(err)
	}
	ctx := context.Background()
	cfg, err := bot.KFCustomer.UpgradeServiceConfig(ctx)
	if err != nil {
		fmt.Println(err)
		return
	}
	err = bot.KFCustomer.UpgradeMember(ctx, openKfID, fakewechat.WeComKFCustomer1, cfg.MemberRange.UserIDs[0], "Your own advisor")
	fmt.Println(cfg.MemberRange.UserIDs[0], err)
	// Output: zhangsan <nil>
}

func ExampleCustomerService_FromServiceExternalUserID() {
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
	srv.AddWeComCustomer(fakewechat.DefaultCorpID, fakewechat.WeComCustomer{ExternalUserID: "wmAnn", Name: "Ann", Type: 1})
	// An id a provider's app (agentid 1000005) got, back to the corp's own.
	id, err := bot.Customer.FromServiceExternalUserID(context.Background(), "wmSVCAnn", 1000005)
	fmt.Println(id, err)
	// Output: wmAnn <nil>
}
