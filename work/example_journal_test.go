package work_test

import (
	"context"
	"fmt"
	"log"

	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/work"
)

func ExampleJournalService_All() {
	srv, bot := exampleAgentB()
	defer srv.Close()
	for i, id := range []string{"j1", "j2", "j3"} {
		srv.AddWeComJournal(fakewechat.DefaultCorpID, fakewechat.WeComJournal{UUID: id, ReportTime: 1700000000 + int64(i)})
	}
	for id, err := range bot.Journal.All(context.Background(), work.JournalQuery{StartTime: 1699990000, EndTime: 1700010000, Limit: 2}) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(id)
	}
	// Output:
	// j1
	// j2
	// j3
}
