package work_test

import (
	"context"
	"fmt"

	"github.com/weixin-go/wechat/work"
)

func ExampleAppService_Set() {
	bot, stop := exampleAgentA()
	defer stop()
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
	bot, stop := exampleAgentA()
	defer stop()
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
	bot, stop := exampleAgentA()
	defer stop()
	ctx := context.Background()
	err := bot.AppMenu.Create(ctx, &work.AppMenu{Button: []work.MenuButton{{Type: "click", Name: "Status", Key: "status"}}})
	fmt.Println(err)
	m, _ := bot.AppMenu.Get(ctx)
	fmt.Println(m.Button[0].Name)
	// Output:
	// <nil>
	// Status
}

func ExampleAppWorkbenchService_SetData() {
	bot, stop := exampleAgentA()
	defer stop()
	err := bot.AppWorkbench.SetData(context.Background(), "zhangsan", work.Workbench{Type: work.WorkbenchTypeKeyData,
		KeyData: &work.WorkbenchItems{Items: []work.WorkbenchItem{{Key: "Tickets", Data: "4"}}}})
	fmt.Println(err)
	// Output: <nil>
}
