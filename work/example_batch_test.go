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

func ExampleBatchService_SyncUser() {
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
	csv := "姓名,帐号,手机号,所在部门\n王五,wangwu,13900000003,1\n"
	m, err := bot.Material.Upload(ctx, work.MediaFile, "members.csv", strings.NewReader(csv))
	if err != nil {
		fmt.Println(err)
		return
	}
	job, err := bot.Batch.SyncUser(ctx, work.BatchUserJob{MediaID: m.MediaID})
	if err != nil {
		fmt.Println(err)
		return
	}
	res, err := bot.Batch.Result(ctx, job)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, row := range res.Result {
		fmt.Println(res.Status == work.BatchJobDone, row.UserID, row.ErrCode)
	}
	// Output: true wangwu 0
}
