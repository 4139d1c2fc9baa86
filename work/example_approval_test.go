package work_test

import (
	"context"
	"encoding/json"
	"fmt"
	"log"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/work"
)

func ExampleApprovalService_Apply() {
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
	srv.AddWeComApprovalTemplate(fakewechat.DefaultCorpID, "tplLeave", "Leave", "Text")
	ctx := context.Background()
	app := &work.ApprovalApplication{CreatorUserID: "zhangsan", TemplateID: "tplLeave", UseTemplateApprover: 1}
	app.ApplyData.Contents = []work.ApprovalContent{{Control: "Text", ID: "Text-0", Value: json.RawMessage(`{"text":"family visit"}`)}}
	spNo, err := bot.Approval.Apply(ctx, app)
	if err != nil {
		log.Fatal(err)
	}
	d, err := bot.Approval.Detail(ctx, spNo)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(d.Applyer.UserID, d.SpStatus)
	// Output: zhangsan 1
}
