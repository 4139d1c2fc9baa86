package work_test

import (
	"context"
	"fmt"
	"log"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/work"
)

func ExampleExportService_Users() {
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
	// A key of your own choosing: 43 characters of a-z, A-Z, 0-9.
	key := "IJUiXNpvGbODwKEBSEsAeOAPAhkqHqNCF6g19t9wfg2"
	job, err := bot.Export.SimpleUser(ctx, work.ExportJob{EncodingAESKey: key})
	if err != nil {
		fmt.Println(err)
		return
	}
	res, err := bot.Export.Result(ctx, job)
	if err != nil || res.Status != work.ExportJobDone {
		fmt.Println(res, err)
		return
	}
	for _, file := range res.DataList {
		users, err := bot.Export.Users(ctx, file, key)
		if err != nil {
			fmt.Println(err)
			return
		}
		for _, u := range users {
			fmt.Println(u.UserID, u.Department)
		}
	}
	// Output:
	// zhangsan [1]
	// lisi [1]
}
