package work_test

import (
	"context"
	"fmt"
	"log"

	"github.com/weixin-go/wechat/work"
)

func ExampleLivingService_Create() {
	srv, bot := exampleAgentB()
	defer srv.Close()
	ctx := context.Background()
	id, err := bot.Living.Create(ctx, &work.Living{AnchorUserID: "zhangsan", Theme: "Launch", LivingStart: 1700000000, LivingDuration: 3600})
	if err != nil {
		log.Fatal(err)
	}
	info, err := bot.Living.Info(ctx, id)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(info.Theme, info.AnchorUserID)
	// Output: Launch zhangsan
}
