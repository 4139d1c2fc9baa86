package work_test

import (
	"context"
	"fmt"
	"log"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/work"
)

func ExampleScheduleService_Add() {
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
	id, err := bot.Schedule.Add(ctx, &work.Schedule{Organizer: "zhangsan", Summary: "Weekly sync", StartTime: 1700000000, EndTime: 1700003600})
	if err != nil {
		log.Fatal(err)
	}
	if err := bot.Schedule.AddAttendees(ctx, id, "lisi"); err != nil {
		log.Fatal(err)
	}
	s, err := bot.Schedule.Get(ctx, id)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(s[0].Summary, s[0].Attendees[0].UserID)
	// Output: Weekly sync lisi
}
