package oa_test

import (
	"context"
	"fmt"
	"log"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/oa"
)

func ExampleBatchSendsService_SendToAll() {
	srv := fakewechat.New() // a fake WeChat server on loopback
	if _, err := srv.Start(); err != nil {
		log.Fatal(err)
	}
	defer srv.Close()
	c, err := oa.New(wechat.Config{AppID: fakewechat.DefaultAppID, AppSecret: fakewechat.DefaultSecret},
		wechat.WithBaseURL(srv.URL()), wechat.WithStore(wechat.NewMemoryStore()))
	if err != nil {
		log.Fatal(err)
	}
	ctx := context.Background()

	msg := oa.NewMassText("Our store opens on Monday.")
	msg.ClientMsgID = "opening-2026-11" // a retry with the same id is refused
	res, err := c.BatchSends.SendToAll(ctx, msg)
	if err != nil {
		fmt.Println(err)
		return
	}
	st, err := c.BatchSends.Status(ctx, res.MsgID)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(st.Status)
	// Output: SEND_SUCCESS
}
