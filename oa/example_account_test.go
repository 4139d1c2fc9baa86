package oa_test

import (
	"context"
	"fmt"
	"log"
	"strings"
	"time"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/oa"
)

func ExampleAccountService_CreateQRCode() {
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
	q, err := c.Account.CreateQRCode(context.Background(), oa.TempQRCodeStr("invite:42", 10*time.Minute))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(q.ExpireSeconds, strings.HasPrefix(q.ImageURL(), "https://mp.weixin.qq.com/cgi-bin/showqrcode?ticket="))
	// Output: 600 true
}
