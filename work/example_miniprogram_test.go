package work_test

import (
	"context"
	"fmt"
	"log"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/work"
)

func ExampleMiniProgramService_Code2Session() {
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
	// In production the code comes from wx.qy.login in the mini program.
	code := srv.WeComMiniProgramCode(fakewechat.DefaultCorpID, fakewechat.DefaultAgentID, "zhangsan")
	sess, err := bot.MiniProgram.Code2Session(context.Background(), code)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(sess.UserID, sess.CorpID == fakewechat.DefaultCorpID)
	// Output: zhangsan true
}
