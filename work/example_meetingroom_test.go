package work_test

import (
	"context"
	"fmt"
	"log"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/work"
)

func ExampleMeetingRoomService_Book() {
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
	if _, err := bot.MeetingRoom.Book(ctx, &work.Booking{MeetingRoomID: room, StartTime: 1700000000, EndTime: 1700003600, Booker: "zhangsan"}); err != nil {
		log.Fatal(err)
	}
	// A second booking of the same slot is refused.
	_, err = bot.MeetingRoom.Book(ctx, &work.Booking{MeetingRoomID: room, StartTime: 1700001800, EndTime: 1700005400, Booker: "lisi"})
	fmt.Println(err != nil)
	// Output: true
}
