package work_test

import (
	"context"
	"fmt"
	"log"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/work"
)

func ExampleCustomerGroupChatService_AddJoinWay() {
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
	srv.AddWeComGroupChat(fakewechat.DefaultCorpID, fakewechat.WeComGroupChat{ChatID: "wrSupport", Name: "Support", Owner: "zhangsan"})
	ctx := context.Background()
	id, err := bot.CustomerGroupChat.AddJoinWay(ctx, &work.JoinWay{Scene: work.JoinWayQRCode, RoomBaseName: "Support ",
		RoomBaseID: 2, ChatIDList: []string{"wrSupport"}, State: "flyer"})
	if err != nil {
		log.Fatal(err)
	}
	w, err := bot.CustomerGroupChat.GetJoinWay(ctx, id)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(w.ChatIDList, w.State, *w.AutoCreateRoom, w.QRCode != "")
	// Output: [wrSupport] flyer 1 true
}
