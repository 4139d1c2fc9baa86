package work_test

import (
	"context"
	"fmt"
	"log"
	"strings"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/work"
)

func ExampleWeDriveFileACLService_Setting() {
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
	space, err := bot.WeDriveSpace.Create(ctx, &work.SpaceCreate{UserID: "zhangsan", SpaceName: "Projects"})
	if err != nil {
		log.Fatal(err)
	}
	id, err := bot.WeDriveFile.Upload(ctx, "zhangsan", space, space, "plan.txt", strings.NewReader("plan"))
	if err != nil {
		log.Fatal(err)
	}
	if err := bot.WeDriveFileACL.Setting(ctx, "zhangsan", id, work.FileScopeCorp, work.WeDriveAuthView); err != nil {
		log.Fatal(err)
	}
	p, err := bot.WeDriveFileACL.Permission(ctx, id)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(p.ShareRange.EnableCorpInternal, p.ShareRange.EnableCorpExternal)
	// Output: true false
}
