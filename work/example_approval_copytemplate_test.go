package work_test

import (
	"context"
	"fmt"
	"log"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/work"
)

func ExampleApprovalService_CopyTemplate() {
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
	id, err := app.Approval.CopyTemplate(ctx, "1Bs2gZz5csQ1jLdCY8A3WHN9GtFaSYWJDK2S4FU2Fp")
	if err != nil {
		log.Fatal(err)
	}
	_, err = app.Approval.TemplateDetail(ctx, id)
	fmt.Println(id != "", err)
	// Output: true <nil>
}
