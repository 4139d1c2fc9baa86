package component_test

import (
	"context"
	"fmt"
	"testing"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/component"
	"github.com/weixin-go/wechat/fakewechat"
)

func TestApplySetOrderPath(t *testing.T) {
	srv, c, _, _ := authorized(t)
	ctx := context.Background()
	a := &component.OrderPathApplication{Path: "pages/order/index", ImgList: []string{"https://example.com/1.png"},
		TestAccount: "tester", TestPwd: "secret", AppIDList: []string{authorizerAppID, "wx1111111111111111"}}
	if err := c.ApplySetOrderPath(ctx, a); err != nil {
		t.Fatal(err)
	}
	q, body := last(t, srv, "POST /wxa/security/applysetorderpathinfo")
	tok, err := c.ComponentAccessToken(ctx)
	if err != nil || q.Get("access_token") != tok {
		t.Fatalf("access_token %q, component token %q (%v)", q.Get("access_token"), tok, err)
	}
	b, _ := body["batch_req"].(map[string]any)
	if b["path"] != "pages/order/index" || len(b["appid_list"].([]any)) != 2 || b["test_pwd"] != "secret" || b["video"] != nil {
		t.Fatalf("body %v", body)
	}

	wantArg(t, c.ApplySetOrderPath(ctx, nil), "path")
	wantArg(t, c.ApplySetOrderPath(ctx, &component.OrderPathApplication{Path: "p"}), "appid_list")
	wantArg(t, c.ApplySetOrderPath(ctx, &component.OrderPathApplication{Path: "p", AppIDList: make([]string, 101)}), "appid_list")
	wantArg(t, c.ApplySetOrderPath(ctx, &component.OrderPathApplication{Path: "p", AppIDList: []string{""}}), "appid_list")

	// The authorizer's token is refused: the endpoint takes the component's.
	app, err := c.AuthorizerClient(authorizerAppID)
	if err != nil {
		t.Fatal(err)
	}
	err = app.Call(ctx, "POST", "/wxa/security/applysetorderpathinfo", nil, map[string]any{"batch_req": map[string]any{"path": "p", "appid_list": []string{authorizerAppID}}}, nil)
	wantCode(t, err, 40001)
	err = c.Core().Call(ctx, "POST", "/wxa/security/applysetorderpathinfo", nil, map[string]any{"batch_req": map[string]any{"appid_list": []string{authorizerAppID}}}, nil)
	wantCode(t, err, 40097)
}

func ExampleClient_ApplySetOrderPath() {
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
	ctx := context.Background()
	// WeChat pushes component_verify_ticket every ten minutes; the fake pushes one now.
	if err := comp.SaveVerifyTicket(ctx, srv.PushVerifyTicket(fakewechat.DefaultComponentAppID)); err != nil {
		panic(err)
	}

	err = comp.ApplySetOrderPath(ctx, &component.OrderPathApplication{
		Path:      "pages/order/index",
		AppIDList: []string{"wxa0b1c2d3e4f5a6b7", "wxb1c2d3e4f5a6b7c8"},
	})
	fmt.Println("applied:", err == nil)
	// Output: applied: true
}
