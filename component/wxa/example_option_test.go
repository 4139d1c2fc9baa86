package wxa_test

import (
	"context"
	"fmt"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/component"
	"github.com/weixin-go/wechat/component/wxa"
	"github.com/weixin-go/wechat/fakewechat"
)

// Options of an authorizer under their current paths, with its own token.
func ExampleOptionService() {
	srv := fakewechat.New() // a fake WeChat server on loopback
	base, err := srv.Start()
	if err != nil {
		panic(err)
	}
	defer srv.Close()
	ctx := context.Background()
	comp, err := component.New(component.Config{AppID: fakewechat.DefaultComponentAppID, AppSecret: fakewechat.DefaultComponentSecret},
		wechat.WithBaseURL(base), wechat.WithStore(wechat.NewMemoryStore()), wechat.WithHTTPClient(srv.Client()))
	if err != nil {
		panic(err)
	}
	// WeChat pushes component_verify_ticket every ten minutes; the fake pushes one now.
	if err := comp.SaveVerifyTicket(ctx, srv.PushVerifyTicket(fakewechat.DefaultComponentAppID)); err != nil {
		panic(err)
	}
	// The official account's administrator authorized the component.
	if _, err := comp.AuthorizeFromCode(ctx, srv.Authorize(fakewechat.DefaultComponentAppID, "wxa0b1c2d3e4f5a6b7")); err != nil {
		panic(err)
	}
	account, err := wxa.New(comp, "wxa0b1c2d3e4f5a6b7")
	if err != nil {
		panic(err)
	}

	if err := account.Option.Set(ctx, component.OptionCustomerService, "1"); err != nil {
		fmt.Println(err)
		return
	}
	v, err := account.Option.Get(ctx, component.OptionCustomerService)
	fmt.Println(v, err)
	// Output: 1 <nil>
}
