package work_test

import (
	"context"
	"fmt"
	"log"

	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/work"
)

func ExampleCheckinService_Records() {
	srv, bot := exampleAgentB()
	defer srv.Close()
	srv.AddWeComCheckin(fakewechat.DefaultCorpID, "zhangsan", 1700038800, "")
	recs, err := bot.Checkin.Records(context.Background(), work.CheckinAll, 1700006400, 1700092799, []string{"zhangsan"})
	if err != nil {
		log.Fatal(err)
	}
	for _, r := range recs {
		fmt.Println(r.UserID, r.CheckinTime)
	}
	// Output: zhangsan 1700038800
}
