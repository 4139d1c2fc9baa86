package work_test

import (
	"context"
	"fmt"
	"log"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/work"
)

func ExampleMeetingRoomService_BookBySchedule() {
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
	room, err := bot.MeetingRoom.Add(ctx, &work.MeetingRoom{Name: "Room 1", Capacity: 8})
	if err != nil {
		log.Fatal(err)
	}
	sch, err := bot.Schedule.Add(ctx, &work.Schedule{Organizer: "zhangsan", Summary: "Weekly sync", StartTime: 1700000000, EndTime: 1700003600})
	if err != nil {
		log.Fatal(err)
	}
	bk, err := bot.MeetingRoom.BookBySchedule(ctx, room, sch, "zhangsan")
	if err != nil {
		log.Fatal(err)
	}
	info, err := bot.MeetingRoom.BookingInfo(ctx, room, bk.BookingID)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(info.Schedule.Booker, info.Schedule.EndTime-info.Schedule.StartTime)
	// Output: zhangsan 3600
}
