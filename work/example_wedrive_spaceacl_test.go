package work_test

import (
	"context"
	"fmt"
	"log"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/work"
)

func ExampleWeDriveSpaceACLService_Add() {
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
	id, err := bot.WeDriveSpace.Create(ctx, &work.SpaceCreate{UserID: "zhangsan", SpaceName: "Projects"})
	if err != nil {
		log.Fatal(err)
	}
	if err := bot.WeDriveSpaceACL.Add(ctx, "zhangsan", id, work.AuthInfo{Type: 2, DepartmentID: 3, Auth: work.WeDriveAuthView}); err != nil {
		log.Fatal(err)
	}
	sp, err := bot.WeDriveSpaceACL.Info(ctx, id)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(sp.AuthList.AuthInfo[1].DepartmentID, sp.AuthList.AuthInfo[1].Auth)
	// Output: 3 4
}
