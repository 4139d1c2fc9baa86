package miniprogram_test

import (
	"context"
	"fmt"
	"log"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/miniprogram"
)

func ExampleSecurityService_MsgSecCheck() {
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

	res, err := client.Security.MsgSecCheck(context.Background(), &miniprogram.TextCheck{
		Content: "今天天气不错", Scene: miniprogram.SceneComment, OpenID: "oMpExampleUser00000000000001",
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(res.Result.Suggest, res.Risky())
	// Output: pass false
}
