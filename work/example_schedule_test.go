package work_test

import (
	"context"
	"fmt"
	"log"

	"github.com/weixin-go/wechat/work"
)

func ExampleScheduleService_Add() {
	srv, bot := exampleAgentB()
	defer srv.Close()
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
