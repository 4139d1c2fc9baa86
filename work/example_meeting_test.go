package work_test

import (
	"context"
	"fmt"
	"log"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/work"
)

func ExampleMeetingService_Create() {
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
	id, err := bot.Meeting.Create(ctx, &work.Meeting{AdminUserID: "zhangsan", Title: "Quarterly review",
		MeetingStart: 1700000000, MeetingDuration: 3600, Attendees: &work.MeetingAttendees{UserID: []string{"lisi"}}})
	if err != nil {
		log.Fatal(err)
	}
	m, err := bot.Meeting.Get(ctx, id)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(m.Title, m.Attendees.Member[0].UserID)
	// Output: Quarterly review lisi
}
