package component_test

import (
	"context"
	"fmt"
	"time"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/component"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/oa"
)

// The whole flow: an authorization code is exchanged, then an official
// account client acts for the authorizer with tokens from the component.
func Example() {
	srv := fakewechat.New() // a fake WeChat server on loopback
	base, err := srv.Start()
	if err != nil {
		panic(err)
	}
	defer srv.Close()
	store := wechat.NewMemoryStore() // where tokens and the verify ticket are kept
	comp, err := component.New(component.Config{AppID: fakewechat.DefaultComponentAppID, AppSecret: fakewechat.DefaultComponentSecret},
		wechat.WithBaseURL(base), wechat.WithStore(store), wechat.WithHTTPClient(srv.Client()))
	if err != nil {
		panic(err)
	}
	// WeChat pushes component_verify_ticket every ten minutes; the fake pushes one now.
	if err := comp.SaveVerifyTicket(context.Background(), srv.PushVerifyTicket(fakewechat.DefaultComponentAppID)); err != nil {
		panic(err)
	}
	ctx := context.Background()

	// The administrator authorized the component; WeChat redirected with auth_code.
	code := srv.Authorize(fakewechat.DefaultComponentAppID, "wxa0b1c2d3e4f5a6b7")
	info, err := comp.AuthorizeFromCode(ctx, code)
	if err != nil {
		fmt.Println(err)
		return
	}
	client, err := oa.New(wechat.Config{AppID: info.AuthorizerAppID},
		wechat.WithBaseURL(srv.URL()), wechat.WithStore(store), wechat.WithHTTPClient(srv.Client()),
		wechat.WithTokenSource(comp.Authorizer(info.AuthorizerAppID)))
	if err != nil {
		fmt.Println(err)
		return
	}
	err = client.Menu.Create(ctx, &oa.Menu{Button: []oa.Button{{Type: oa.ButtonClick, Name: "Hi", Key: "HI"}}})
	fmt.Println("menu created:", err == nil)
	// Output: menu created: true
}

func ExampleClient_ComponentAccessToken() {
	srv := fakewechat.New() // a fake WeChat server on loopback
	base, err := srv.Start()
	if err != nil {
		panic(err)
	}
	defer srv.Close()
	comp, err := component.New(component.Config{AppID: fakewechat.DefaultComponentAppID, AppSecret: fakewechat.DefaultComponentSecret},
		wechat.WithBaseURL(base), wechat.WithStore(wechat.NewMemoryStore()), wechat.WithHTTPClient(srv.Client()))
	if err != nil {
		panic(err)
	}
	// WeChat pushes component_verify_ticket every ten minutes; the fake pushes one now.
	if err := comp.SaveVerifyTicket(context.Background(), srv.PushVerifyTicket(fakewechat.DefaultComponentAppID)); err != nil {
		panic(err)
	}
	tok, err := comp.ComponentAccessToken(context.Background())
	fmt.Println(tok != "", err)
	// Output: true <nil>
}

func ExampleClient_Authorizer() {
	srv := fakewechat.New() // a fake WeChat server on loopback
	base, err := srv.Start()
	if err != nil {
		panic(err)
	}
	defer srv.Close()
	comp, err := component.New(component.Config{AppID: fakewechat.DefaultComponentAppID, AppSecret: fakewechat.DefaultComponentSecret},
		wechat.WithBaseURL(base), wechat.WithStore(wechat.NewMemoryStore()), wechat.WithHTTPClient(srv.Client()))
	if err != nil {
		panic(err)
	}
	// WeChat pushes component_verify_ticket every ten minutes; the fake pushes one now.
	if err := comp.SaveVerifyTicket(context.Background(), srv.PushVerifyTicket(fakewechat.DefaultComponentAppID)); err != nil {
		panic(err)
	}
	ctx := context.Background()
	// The administrator authorizes the component; WeChat redirects with an auth_code.
	if _, err := comp.AuthorizeFromCode(ctx, srv.Authorize(fakewechat.DefaultComponentAppID, "wxa0b1c2d3e4f5a6b7")); err != nil {
		fmt.Println(err)
		return
	}
	_, err = comp.Authorizer("wxa0b1c2d3e4f5a6b7").Token(ctx)
	fmt.Println(err)
	_, err = comp.Authorizer("wxunknown000000000").Token(ctx)
	fmt.Println(err)
	// Output:
	// <nil>
	// component: authorizer wxunknown000000000 token: component: no authorizer_refresh_token stored for this authorizer
}

func ExampleAuthorizationURL() {
	u, err := component.AuthorizationURL("wxcomponent", "preauthcode@@@xyz", "https://example.com/authorized?shop=1", true,
		&component.AuthURLOptions{AuthType: component.AuthTypeOfficialAccount})
	fmt.Println(u, err)
	// Output: https://open.weixin.qq.com/wxaopen/safe/bindcomponent?action=bindcomponent&auth_type=1&component_appid=wxcomponent&no_scan=1&pre_auth_code=preauthcode%40%40%40xyz&redirect_uri=https%3A%2F%2Fexample.com%2Fauthorized%3Fshop%3D1#wechat_redirect <nil>
}

func ExampleClient_Authorizers() {
	srv := fakewechat.New() // a fake WeChat server on loopback
	base, err := srv.Start()
	if err != nil {
		panic(err)
	}
	defer srv.Close()
	comp, err := component.New(component.Config{AppID: fakewechat.DefaultComponentAppID, AppSecret: fakewechat.DefaultComponentSecret},
		wechat.WithBaseURL(base), wechat.WithStore(wechat.NewMemoryStore()), wechat.WithHTTPClient(srv.Client()))
	if err != nil {
		panic(err)
	}
	// WeChat pushes component_verify_ticket every ten minutes; the fake pushes one now.
	if err := comp.SaveVerifyTicket(context.Background(), srv.PushVerifyTicket(fakewechat.DefaultComponentAppID)); err != nil {
		panic(err)
	}
	for _, id := range []string{"wxaaaaaaaaaaaaaaa1", "wxaaaaaaaaaaaaaaa2"} {
		srv.Authorize(fakewechat.DefaultComponentAppID, id)
		srv.Advance(time.Second)
	}
	for a, err := range comp.Authorizers(context.Background(), 0) {
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(a.AuthorizerAppID)
	}
	// Output:
	// wxaaaaaaaaaaaaaaa1
	// wxaaaaaaaaaaaaaaa2
}

func ExampleClient_CreateOpenAccount() {
	srv := fakewechat.New() // a fake WeChat server on loopback
	base, err := srv.Start()
	if err != nil {
		panic(err)
	}
	defer srv.Close()
	comp, err := component.New(component.Config{AppID: fakewechat.DefaultComponentAppID, AppSecret: fakewechat.DefaultComponentSecret},
		wechat.WithBaseURL(base), wechat.WithStore(wechat.NewMemoryStore()), wechat.WithHTTPClient(srv.Client()))
	if err != nil {
		panic(err)
	}
	// WeChat pushes component_verify_ticket every ten minutes; the fake pushes one now.
	if err := comp.SaveVerifyTicket(context.Background(), srv.PushVerifyTicket(fakewechat.DefaultComponentAppID)); err != nil {
		panic(err)
	}
	ctx := context.Background()
	// The administrator authorizes the component; WeChat redirects with an auth_code.
	if _, err := comp.AuthorizeFromCode(ctx, srv.Authorize(fakewechat.DefaultComponentAppID, "wxa0b1c2d3e4f5a6b7")); err != nil {
		fmt.Println(err)
		return
	}
	open, err := comp.CreateOpenAccount(ctx, "wxa0b1c2d3e4f5a6b7")
	if err != nil {
		fmt.Println(err)
		return
	}
	bound, err := comp.GetOpenAccount(ctx, "wxa0b1c2d3e4f5a6b7")
	fmt.Println(bound == open, err)
	// Output: true <nil>
}

func ExampleClient_GetQuota() {
	srv := fakewechat.New() // a fake WeChat server on loopback
	base, err := srv.Start()
	if err != nil {
		panic(err)
	}
	defer srv.Close()
	comp, err := component.New(component.Config{AppID: fakewechat.DefaultComponentAppID, AppSecret: fakewechat.DefaultComponentSecret},
		wechat.WithBaseURL(base), wechat.WithStore(wechat.NewMemoryStore()), wechat.WithHTTPClient(srv.Client()))
	if err != nil {
		panic(err)
	}
	// WeChat pushes component_verify_ticket every ten minutes; the fake pushes one now.
	if err := comp.SaveVerifyTicket(context.Background(), srv.PushVerifyTicket(fakewechat.DefaultComponentAppID)); err != nil {
		panic(err)
	}
	q, err := comp.GetQuota(context.Background(), "/cgi-bin/component/api_component_token")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(q.Quota.Used, q.Quota.DailyLimit > 0)
	// Output: 1 true
}
