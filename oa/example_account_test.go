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

// exampleClientA returns a client on a fake server for the examples.
func exampleClientA() (*fakewechat.Server, *oa.Client) {
	srv := fakewechat.New()
	if _, err := srv.Start(); err != nil {
		log.Fatal(err)
	}
	c, err := oa.New(wechat.Config{AppID: fakewechat.DefaultAppID, AppSecret: fakewechat.DefaultSecret},
		wechat.WithBaseURL(srv.URL()), wechat.WithStore(wechat.NewMemoryStore()), wechat.WithHTTPClient(srv.Client()))
	if err != nil {
		log.Fatal(err)
	}
	return srv, c
}

func ExampleAccountService_CreateQRCode() {
	srv, c := exampleClientA()
	defer srv.Close()
	q, err := c.Account.CreateQRCode(context.Background(), oa.TempQRCodeStr("invite:42", 10*time.Minute))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(q.ExpireSeconds, strings.HasPrefix(q.ImageURL(), "https://mp.weixin.qq.com/cgi-bin/showqrcode?ticket="))
	// Output: 600 true
}
