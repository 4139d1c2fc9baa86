package work_test

import (
	"context"
	"fmt"
	"log"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/work"
)

func ExampleMiniProgramService_TransferSession() {
	srv := fakewechat.New() // a fake WeChat server on loopback
	if _, err := srv.Start(); err != nil {
		log.Fatal(err)
	}
	defer srv.Close()
	// The downstream corp's agent, shared by the upstream corp.
	corp, err := work.New(work.Config{CorpID: fakewechat.DefaultCorpID,
		Agents: []work.Agent{{ID: fakewechat.DefaultAgentID, Name: "down", Secret: fakewechat.DefaultAgentSecret}}},
		wechat.WithBaseURL(srv.URL()+fakewechat.WeComPrefix), wechat.WithStore(wechat.NewMemoryStore()))
	if err != nil {
		log.Fatal(err)
	}
	down, _ := corp.Agent("down")
	// userid and session_key as the upstream corp's Code2Session gave them.
	sess, err := down.MiniProgram.TransferSession(context.Background(), "wmAoNVCwAAUrSqEqz7oQpEIEMVWDrPeg", "n8cnNEoyW1pxSRz6/Lwjwg==")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(sess.UserID != "", sess.SessionKey != "")
	// Output: true true
}
