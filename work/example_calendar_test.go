package work_test

import (
	"context"
	"fmt"
	"log"

	"github.com/weixin-go/wechat/work"
)

func ExampleCalendarService_Add() {
	srv, bot := exampleAgentB()
	defer srv.Close()
	ctx := context.Background()
	id, err := bot.Calendar.Add(ctx, &work.Calendar{Organizer: "zhangsan", Summary: "Team", Color: "#0000FF"})
	if err != nil {
		log.Fatal(err)
	}
	cals, err := bot.Calendar.Get(ctx, id)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(cals[0].Summary, cals[0].Color)
	// Output: Team #0000FF
}
