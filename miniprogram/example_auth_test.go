package miniprogram_test

import (
	"context"
	"fmt"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/miniprogram"
)

// exampleClient runs a fake WeChat server for the examples.
func exampleClient() (*fakewechat.Server, *miniprogram.Client, func()) {
	srv := fakewechat.New()
	if _, err := srv.Start(); err != nil {
		panic(err)
	}
	c, err := miniprogram.New(wechat.Config{AppID: fakewechat.DefaultAppID, AppSecret: fakewechat.DefaultSecret},
		wechat.WithBaseURL(srv.URL()), wechat.WithStore(wechat.NewMemoryStore()), wechat.WithHTTPClient(srv.Client()))
	if err != nil {
		panic(err)
	}
	return srv, c, func() { srv.Close() }
}

func ExampleAuthService_Code2Session() {
	srv, client, done := exampleClient()
	defer done()
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
