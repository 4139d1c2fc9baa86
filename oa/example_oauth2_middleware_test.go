package oa_test

import (
	"fmt"
	"net/http"

	"github.com/weixin-go/wechat/oa"
)

func ExampleWebPageService_OAuth2Login() {
	_, c, done := exampleClientC()
	defer done()

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
