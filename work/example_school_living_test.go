package work_test

import (
	"context"
	"fmt"
	"log"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/work"
)

func ExampleSchoolService_WatchStatV2() {
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
	cursor := ""
	for {
		page, err := bot.School.WatchStatV2(ctx, "LIVINGID", cursor)
		if err != nil {
			log.Fatal(err)
		}
		for _, s := range page.StatInfo.Students {
			fmt.Println(s.StudentUserID, s.WatchTime)
		}
		if page.HasMore == 0 {
			break
		}
		cursor = page.NextCursor
	}
	// Output:
	// zhansan_child 30
	// lisi_child 30
}
