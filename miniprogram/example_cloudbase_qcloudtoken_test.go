package miniprogram_test

import (
	"context"
	"fmt"
	"log"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/miniprogram"
)

func ExampleCloudBaseService_GetQcloudToken() {
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

	tok, err := client.CloudBase.GetQcloudToken(context.Background(), 3600)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(tok.SecretID, tok.Token, tok.ExpiredTime-srv.Now().Unix() <= 3600)
	// Output:
	// SECRETID TOKEN true
}
