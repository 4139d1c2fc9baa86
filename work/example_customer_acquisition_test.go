package work_test

import (
	"context"
	"fmt"
	"log"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/work"
)

func ExampleCustomerAcquisitionService_CreateLink() {
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
	link, err := bot.CustomerAcquisition.CreateLink(ctx, &work.AcquisitionLinkConfig{LinkName: "Spring campaign",
		Range: &work.AcquisitionRange{UserList: []string{"zhangsan"}}})
	if err != nil {
		log.Fatal(err)
	}
	d, err := bot.CustomerAcquisition.GetLink(ctx, link.LinkID)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(d.Link.LinkName, d.Link.URL == link.URL, d.Range.UserList)
	// Output: Spring campaign true [zhangsan]
}
