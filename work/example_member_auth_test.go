package work_test

import (
	"context"
	"fmt"
	"log"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/work"
)

func ExampleUserService_AllMemberAuth() {
	srv := fakewechat.New() // a fake WeChat server on loopback
	if _, err := srv.Start(); err != nil {
		log.Fatal(err)
	}
	defer srv.Close()
	corp, err := work.New(work.Config{CorpID: fakewechat.DefaultCorpID,
		Agents: []work.Agent{{ID: fakewechat.DefaultAgentID, Name: "app", Secret: fakewechat.DefaultAgentSecret}}},
		wechat.WithBaseURL(srv.URL()+fakewechat.WeComPrefix), wechat.WithStore(wechat.NewMemoryStore()))
	if err != nil {
		log.Fatal(err)
	}
	app, _ := corp.Agent("app")
	ctx := context.Background()
	n := 0
	for openUserID, err := range app.User.AllMemberAuth(ctx, 0) {
		if err != nil {
			log.Fatal(err)
		}
		ok, err := app.User.CheckMemberAuth(ctx, openUserID)
		if err != nil {
			log.Fatal(err)
		}
		if ok {
			n++
		}
	}
	fmt.Println(n, "members authorized the app")
	// Output: 2 members authorized the app
}
