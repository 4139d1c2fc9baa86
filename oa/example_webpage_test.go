package oa_test

import (
	"context"
	"encoding/json"
	"fmt"
	"log"
	"strings"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/oa"
)

func ExampleWebPageService_AuthorizeURL() {
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

	u, err := c.WebPage.AuthorizeURL("https://shop.example.com/login?next=/cart", oa.ScopeBase, "s3cr3tState")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(strings.Replace(u, fakewechat.DefaultAppID, "APPID", 1))
	// Output: https://open.weixin.qq.com/connect/oauth2/authorize?appid=APPID&redirect_uri=https%3A%2F%2Fshop.example.com%2Flogin%3Fnext%3D%2Fcart&response_type=code&scope=snsapi_base&state=s3cr3tState#wechat_redirect
}

func ExampleWebPageService_Exchange() {
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

	// WeChat redirected the user back with ?code=...
	code := srv.OAuth2Code(fakewechat.DefaultAppID, "snsapi_userinfo", fakewechat.OAuth2User{OpenID: "oUser", Nickname: "Ada"})
	tok, err := c.WebPage.Exchange(ctx, code)
	if err != nil {
		fmt.Println(err)
		return
	}
	info, err := c.WebPage.UserInfo(ctx, tok.AccessToken, tok.OpenID, "")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(tok.OpenID, info.Nickname)
	// Output: oUser Ada
}

func ExampleWebPageService_JSSDKConfig() {
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

	cfg, err := c.WebPage.JSSDKConfig(context.Background(), "https://shop.example.com/item?id=7", "updateAppMessageShareData")
	if err != nil {
		fmt.Println(err)
		return
	}
	// Render it into the page: wx.config(<json>)
	b, _ := json.Marshal(cfg)
	fmt.Println(len(cfg.Signature), strings.Contains(string(b), `"jsApiList":["updateAppMessageShareData"]`))
	// Output: 40 true
}
