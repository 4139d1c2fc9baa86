package work_test

import (
	"context"
	"fmt"
	"log"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/work"
)

func ExampleSchoolService_SetUpgradeInfo() {
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
	if err := bot.School.SetArchSyncMode(ctx, work.SchoolSyncNone); err != nil {
		log.Fatal(err)
	}
	// Grades move up every September 1 (only the month and day count).
	next, err := bot.School.SetUpgradeInfo(ctx, 1598889600, true)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(next > 0)
	scope, err := bot.School.AllowScope(ctx)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(scope.Students.UserID)
	// Output:
	// true
	// [student1 student2]
}
