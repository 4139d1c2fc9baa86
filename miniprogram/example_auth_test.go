package miniprogram_test

import (
	"context"
	"fmt"
	"log"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/miniprogram"
)

func ExampleAuthService_Code2Session() {
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
	ctx := context.Background()
	jsCode := srv.MPLoginCode(fakewechat.DefaultAppID, "oExampleUser", "") // what wx.login gave the mini program

	session, err := client.Auth.Code2Session(ctx, jsCode)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(session.OpenID)
	// Later: is the session key the mini program holds still valid?
	fmt.Println(client.Auth.CheckSession(ctx, session.OpenID, session.SessionKey))
	// Output:
	// oExampleUser
	// <nil>
}
