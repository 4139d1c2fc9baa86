package oa_test

import (
	"context"
	"fmt"
	"log"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/oa"
)

func ExampleDraftBoxService_OpenSwitch() {
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

	open, err := c.DraftBox.SwitchOpen(ctx) // only checks
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("before:", open)
	if !open {
		if open, err = c.DraftBox.OpenSwitch(ctx); err != nil { // for good
			log.Fatal(err)
		}
	}
	fmt.Println("after:", open)
	// Output:
	// before: false
	// after: true
}
