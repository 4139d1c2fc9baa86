package work_test

import (
	"context"
	"fmt"
	"log"

	"github.com/weixin-go/wechat/work"
)

func ExampleMeetingService_Create() {
	srv, bot := exampleAgentB()
	defer srv.Close()
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
