package work_test

import (
	"context"
	"fmt"
	"log"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/work"
)

func ExampleUserService_AllIDs() {
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
	if err := bot.User.Create(ctx, &work.User{UserID: "wangwu", Name: "Wang Wu", Email: "wangwu@example.com"}); err != nil {
		fmt.Println(err)
		return
	}
	for du, err := range bot.User.AllIDs(ctx, 2) {
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(du.UserID, du.Department)
	}
	// Output:
	// zhangsan 1
	// lisi 1
	// wangwu 1
}

func ExampleDepartmentService_Create() {
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
	id, err := bot.Department.Create(ctx, &work.Department{Name: "R&D", ParentID: 1})
	if err != nil {
		fmt.Println(err)
		return
	}
	d, _ := bot.Department.Get(ctx, id)
	fmt.Println(d.Name, d.ParentID)
	// Output: R&D 1
}

func ExampleTagService_AddUsers() {
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
	id, _ := bot.Tag.Create(ctx, "oncall", 0)
	res, err := bot.Tag.AddUsers(ctx, id, []string{"zhangsan", "nobody"}, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("rejected:", res.InvalidUsers())
	// Output: rejected: [nobody]
}
