package oa_test

import (
	"context"
	"fmt"
	"log"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/oa"
)

func ExampleMenuService_Create() {
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
	err = c.Menu.Create(ctx, &oa.Menu{Button: []oa.Button{
		{Type: oa.ButtonClick, Name: "Today", Key: "TODAY"},
		{Name: "More", SubButton: []oa.Button{{Type: oa.ButtonView, Name: "Site", URL: "https://example.com/"}}},
	}})
	if err != nil {
		log.Fatal(err)
	}
	cur, err := c.Menu.Current(ctx)
	if err != nil {
		log.Fatal(err)
	}
	for _, b := range cur.SelfMenuInfo.Button {
		fmt.Println(b.Name, b.Type, b.SubButton != nil)
	}
	// Output:
	// Today click false
	// More  true
}
