package work_test

import (
	"context"
	"fmt"
	"log"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/work"
)

func ExampleCustomerMomentService_AddTask() {
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
	job, err := bot.CustomerMoment.AddTask(ctx, &work.MomentContent{Text: &work.CustomerText{Content: "Spring sale"},
		VisibleRange: &work.MomentVisibleRange{SenderList: &work.MomentSenders{UserList: []string{"zhangsan"}}}})
	if err != nil {
		log.Fatal(err)
	}
	// The task is created asynchronously: poll its result until Status is 3.
	res, err := bot.CustomerMoment.TaskResult(ctx, job)
	if err != nil {
		log.Fatal(err)
	}
	tasks, err := bot.CustomerMoment.Tasks(ctx, res.Result.MomentID, "", 0)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(res.Status, tasks.Tasks[0].UserID, tasks.Tasks[0].PublishStatus)
	// Output: 3 zhangsan 0
}
