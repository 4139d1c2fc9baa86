package work_test

import (
	"context"
	"fmt"
	"log"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/work"
)

func ExampleCustomerService_ConvertTmpExternalUserIDs() {
	srv := fakewechat.New() // a fake WeChat server on loopback
	if _, err := srv.Start(); err != nil {
		log.Fatal(err)
	}
	defer srv.Close()
	srv.AddWeComCustomer(fakewechat.DefaultCorpID, fakewechat.WeComCustomer{ExternalUserID: "wmCust001", Name: "Ann", Type: 1})
	corp, err := work.New(work.Config{CorpID: fakewechat.DefaultCorpID,
		Agents: []work.Agent{{ID: fakewechat.DefaultAgentID, Name: "bot", Secret: fakewechat.DefaultAgentSecret}}},
		wechat.WithBaseURL(srv.URL()+fakewechat.WeComPrefix), wechat.WithStore(wechat.NewMemoryStore()))
	if err != nil {
		log.Fatal(err)
	}
	bot, _ := corp.Agent("bot")
	// A tmp_external_userid read from a meeting's attendees.
	tmp := fakewechat.WeComTmpIDPrefix + "wmCust001"
	res, err := bot.Customer.ConvertTmpExternalUserIDs(context.Background(), work.TmpIDBusinessMeeting, work.TmpIDUserCustomer, []string{tmp})
	if err != nil {
		log.Fatal(err)
	}
	for _, r := range res.Results {
		fmt.Println(r.ExternalUserID)
	}
	// Output: wmCust001
}
