package work_test

import (
	"context"
	"fmt"
	"log"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/work"
)

func ExampleAppService_Set() {
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
	if err := bot.App.Set(ctx, work.AgentSettings{Name: "Helpdesk", Description: "IT support"}); err != nil {
		fmt.Println(err)
		return
	}
	info, _ := bot.App.Get(ctx)
	fmt.Println(info.Name, "-", info.Description)
	// Output: Helpdesk - IT support
}

func ExampleAppChatService_SendMarkdown() {
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
	id, err := bot.AppChat.Create(ctx, &work.AppChat{Name: "incident", UserList: []string{"zhangsan", "lisi"}})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(bot.AppChat.SendMarkdown(ctx, id, "**db** is down"))
	// Output: <nil>
}

func ExampleAppMenuService_Create() {
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
	err = bot.AppMenu.Create(ctx, &work.AppMenu{Button: []work.MenuButton{{Type: "click", Name: "Status", Key: "status"}}})
	fmt.Println(err)
	m, _ := bot.AppMenu.Get(ctx)
	fmt.Println(m.Button[0].Name)
	// Output:
	// <nil>
	// Status
}

func ExampleAppWorkbenchService_SetData() {
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
	err = bot.AppWorkbench.SetData(context.Background(), "zhangsan", work.Workbench{Type: work.WorkbenchTypeKeyData,
		KeyData: &work.WorkbenchItems{Items: []work.WorkbenchItem{{Key: "Tickets", Data: "4"}}}})
	fmt.Println(err)
	// Output: <nil>
}
