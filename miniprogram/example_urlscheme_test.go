package miniprogram_test

import (
	"context"
	"fmt"
	"log"
	"strings"
	"time"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/miniprogram"
)

func ExampleURLSchemeService_GenerateUntil() {
	srv := fakewechat.New() // a fake WeChat server on loopback
	if _, err := srv.Start(); err != nil {
		log.Fatal(err)
	}
	defer srv.Close()
	client, err := miniprogram.New(wechat.Config{AppID: fakewechat.DefaultAppID, AppSecret: fakewechat.DefaultSecret},
		wechat.WithBaseURL(srv.URL()), wechat.WithStore(wechat.NewMemoryStore()))
	if err != nil {
		log.Fatal(err)
	}

	link, err := client.URLScheme.GenerateUntil(context.Background(),
		miniprogram.JumpWxa{Path: "pages/index/index", Query: "from=sms"}, time.Now().Add(7*24*time.Hour).Unix())
	fmt.Println(strings.HasPrefix(link, "weixin://dl/business/?t="), err)
	// Output: true <nil>
}
