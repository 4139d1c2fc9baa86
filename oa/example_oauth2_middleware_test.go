package oa_test

import (
	"fmt"
	"log"
	"net/http"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/oa"
)

func ExampleWebPageService_OAuth2Login() {
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

	login, err := c.WebPage.OAuth2Login(oa.OAuth2LoginConfig{
		Key:   []byte("0123456789abcdef0123456789abcdef"), // load a secret key in real code
		Scope: oa.ScopeBase,
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	mux := http.NewServeMux()
	mux.Handle("/shop/", login(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		openID, _ := oa.OAuth2OpenID(r.Context())
		fmt.Fprintf(w, "welcome %s", openID)
	})))
	// http.ListenAndServe(":8080", mux)
	fmt.Println("ready")
	// Output: ready
}
