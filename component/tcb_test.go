package component_test

import (
	"context"
	"fmt"
	"slices"
	"testing"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/component"
	"github.com/weixin-go/wechat/fakewechat"
)

func TestCloudEnvsShared(t *testing.T) {
	srv, c, _, _ := authorized(t)
	ctx := context.Background()
	envs, err := c.CloudEnvs(ctx)
	if err != nil || len(envs) != 1 || envs[0].Env != "test2-4a89da" || envs[0].Status != "NORMAL" || envs[0].PackageName != "基础版 1" ||
		envs[0].CreateTime != "2020-04-04 14:10:28" || envs[0].BucketID == "" {
		t.Fatalf("envs = %+v, %v", envs, err)
	}
	if err := c.ChangeCloudEnv(ctx, "tencent-env-001"); err != nil {
		t.Fatal(err)
	}
	if envs, err = c.CloudEnvs(ctx); err != nil || len(envs) != 2 || envs[1].Env != "tencent-env-001" {
		t.Fatalf("after modifyenv = %+v, %v", envs, err)
	}
	q, _ := last(t, srv, "POST /tcb/modifyenv")
	if tok, _ := c.ComponentAccessToken(ctx); q.Get("access_token") != tok {
		t.Fatalf("modifyenv token %q", q.Get("access_token"))
	}

	res, err := c.ShareCloudEnvs(ctx, []component.CloudEnvShare{
		{Env: "tencent-env-001", AppIDs: []string{authorizerAppID, "wx0000000000000001"}},
		{Env: "unknown-env", AppIDs: []string{authorizerAppID}},
	}, component.CloudEnvCloudRun)
	if err != nil || len(res.MsgInfoList) != 1 || res.MsgInfoList[0].AppID != authorizerAppID || res.MsgInfoList[0].URL == "" || len(res.ErrList) != 2 {
		t.Fatalf("share = %+v, %v", res, err)
	}
	if e := res.ErrList[0]; e.AppID != "wx0000000000000001" || e.Env != "tencent-env-001" || e.ErrMsg != "invalid appid" {
		t.Fatalf("err_list = %+v", res.ErrList)
	}
	_, body := last(t, srv, "POST /componenttcb/batchshareenv")
	if body["source_type"] != float64(1) || len(body["data"].([]any)) != 2 {
		t.Fatalf("share body %v", body)
	}

	// Not listed until the administrator confirms.
	rel, errs, err := c.SharedCloudEnvs(ctx, []string{authorizerAppID}, 0)
	if err != nil || len(rel) != 1 || len(rel[0].EnvList) != 0 || len(errs) != 0 {
		t.Fatalf("before confirm = %+v %+v, %v", rel, errs, err)
	}
	if _, body := last(t, srv, "POST /componenttcb/batchgetenvid"); body["source_type"] != nil {
		t.Fatalf("source_type 0 sent: %v", body)
	}
	if n := srv.ConfirmCloudEnvShare(fakewechat.DefaultComponentAppID, authorizerAppID); n != 1 {
		t.Fatalf("confirmed %d", n)
	}
	rel, errs, err = c.SharedCloudEnvs(ctx, []string{authorizerAppID, "wx0000000000000001"}, component.CloudEnvCloudRun)
	if err != nil || len(rel) != 1 || rel[0].AppID != authorizerAppID || !slices.Equal(rel[0].EnvList, []string{"tencent-env-001"}) ||
		len(errs) != 1 || errs[0].AppID != "wx0000000000000001" {
		t.Fatalf("after confirm = %+v %+v, %v", rel, errs, err)
	}

	// Errors: arguments, the fake's checks, the authorizer's token.
	_, _, err = c.SharedCloudEnvs(ctx, nil, 0)
	wantArg(t, err, "appids")
	_, err = c.ShareCloudEnvs(ctx, nil, 0)
	wantArg(t, err, "data")
	_, err = c.ShareCloudEnvs(ctx, []component.CloudEnvShare{{AppIDs: []string{authorizerAppID}}}, 0)
	wantArg(t, err, "data.env")
	_, err = c.ShareCloudEnvs(ctx, []component.CloudEnvShare{{Env: "e"}}, 0)
	wantArg(t, err, "appids")
	wantArg(t, c.ChangeCloudEnv(ctx, ""), "env")
	_, _, err = c.SharedCloudEnvs(ctx, []string{authorizerAppID}, 2)
	wantCode(t, err, 40097)
	wantCode(t, c.Core().Call(ctx, "POST", "/tcb/modifyenv", nil, map[string]any{}, nil), 40101)
	app, err := c.AuthorizerClient(authorizerAppID)
	if err != nil {
		t.Fatal(err)
	}
	wantCode(t, app.Call(ctx, "POST", "/componenttcb/describeenvs", nil, map[string]any{}, nil), 40001)
	// /tcb/modifyenv also takes an authorizer's token (ordinary cloud development).
	if err := app.Call(ctx, "POST", "/tcb/modifyenv", nil, map[string]any{"env": "own-env"}, nil); err != nil {
		t.Fatal(err)
	}
}

// A Tencent Cloud environment joins the component's batch cloud
// development and is shared with an authorized mini program.
func ExampleClient_ShareCloudEnvs() {
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
	// The mini program's administrator authorized the component.
	if _, err := comp.AuthorizeFromCode(ctx, srv.Authorize(fakewechat.DefaultComponentAppID, "wxa0b1c2d3e4f5a6b7")); err != nil {
		panic(err)
	}

	if err := comp.ChangeCloudEnv(ctx, "prod-env-001"); err != nil {
		fmt.Println(err)
		return
	}
	res, err := comp.ShareCloudEnvs(ctx, []component.CloudEnvShare{{Env: "prod-env-001", AppIDs: []string{"wxa0b1c2d3e4f5a6b7"}}}, component.CloudEnvCloudRun)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("links to confirm:", len(res.MsgInfoList))
	srv.ConfirmCloudEnvShare(fakewechat.DefaultComponentAppID, "wxa0b1c2d3e4f5a6b7") // the administrator opens the link
	shared, _, err := comp.SharedCloudEnvs(ctx, []string{"wxa0b1c2d3e4f5a6b7"}, component.CloudEnvCloudRun)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(shared[0].AppID, shared[0].EnvList)
	// Output:
	// links to confirm: 1
	// wxa0b1c2d3e4f5a6b7 [prod-env-001]
}
