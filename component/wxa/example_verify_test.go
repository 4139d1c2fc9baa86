package wxa_test

import (
	"context"
	"fmt"
	"strings"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/component"
	"github.com/weixin-go/wechat/component/wxa"
	"github.com/weixin-go/wechat/fakewechat"
)

// A verification is submitted, sent back by the reviewers, re-submitted
// and passed.
func ExampleVerifyService() {
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
	// The mini program's administrator authorized the component.
	if _, err := comp.AuthorizeFromCode(ctx, srv.Authorize(fakewechat.DefaultComponentAppID, "wx5555555555555555")); err != nil {
		panic(err)
	}
	app, err := wxa.New(comp, "wx5555555555555555")
	if err != nil {
		panic(err)
	}

	licence, err := app.Verify.UploadMaterial(ctx, "licence.jpg", strings.NewReader("..."))
	if err != nil {
		fmt.Println(err)
		return
	}
	d := &wxa.VerifyData{
		CustomerType:    wxa.VerifyEnterprise,
		ContactInfo:     map[string]string{"name": "张三", "email": "zhangsan@example.com"},
		Qualification:   licence,
		AccountName:     "示例小程序",
		AccountNameType: 1,
		PayType:         wxa.VerifyPayByProvider,
	}
	sub, err := app.Verify.Submit(ctx, d)
	if err != nil {
		fmt.Println(err)
		return
	}
	srv.SetWxaVerifyResult("wx5555555555555555", wxa.VerifyRefill, "名称需补充材料") // the reviewers
	p, _ := app.Verify.Query(ctx, sub.TaskID)
	fmt.Println(p.ApplyStatus == wxa.VerifyRefill, p.RefillReason)

	d.TaskID = sub.TaskID
	d.AccountSupplemental = []string{licence}
	if err := app.Verify.Resubmit(ctx, d); err != nil {
		fmt.Println(err)
		return
	}
	srv.SetWxaVerifyResult("wx5555555555555555", wxa.VerifyPassed, "")
	p, _ = app.Verify.Query(ctx, sub.TaskID)
	fmt.Println(p.ApplyStatus == wxa.VerifyPassed)
	// Output:
	// true 名称需补充材料
	// true
}

func ExampleLiveService_Apply() {
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
	// The mini program's administrator authorized the component.
	if _, err := comp.AuthorizeFromCode(ctx, srv.Authorize(fakewechat.DefaultComponentAppID, "wx5555555555555555")); err != nil {
		panic(err)
	}
	app, err := wxa.New(comp, "wx5555555555555555")
	if err != nil {
		panic(err)
	}

	err = app.Live.Apply(ctx)
	fmt.Println("applied:", err == nil)
	// Output: applied: true
}

func ExampleLinkService_ShowCandidates() {
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
	// The mini program's administrator authorized the component.
	if _, err := comp.AuthorizeFromCode(ctx, srv.Authorize(fakewechat.DefaultComponentAppID, "wx5555555555555555")); err != nil {
		panic(err)
	}
	app, err := wxa.New(comp, "wx5555555555555555")
	if err != nil {
		panic(err)
	}

	list, total, err := app.Link.ShowCandidates(ctx, 0, 20)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(total, list[0].AppID)
	// Output: 1 wxfakeoa00000001
}
