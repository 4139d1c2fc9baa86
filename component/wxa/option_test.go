package wxa_test

import (
	"context"
	"testing"

	"github.com/weixin-go/wechat/component"
	"github.com/weixin-go/wechat/component/wxa"
)

func TestOptionCurrentPaths(t *testing.T) {
	srv, comp, apps := platform(t, appID)
	app := apps[appID]
	ctx := context.Background()
	if v, err := app.Option.Get(ctx, component.OptionVoiceRecognize); err != nil || v != "0" {
		t.Fatalf("get = %q, %v", v, err)
	}
	if err := app.Option.Set(ctx, component.OptionVoiceRecognize, "1"); err != nil {
		t.Fatal(err)
	}
	rr, _ := srv.LastRequest("POST /cgi-bin/component/set_authorizer_option")
	if string(rr.Body) != `{"option_name":"voice_recognize","option_value":"1"}` {
		t.Fatalf("set body %s", rr.Body)
	}
	tok, err := comp.Authorizer(appID).Token(ctx)
	if err != nil || rr.Query.Get("access_token") != tok {
		t.Fatalf("access_token %q, authorizer token %q (%v)", rr.Query.Get("access_token"), tok, err)
	}
	if v, err := app.Option.Get(ctx, component.OptionVoiceRecognize); err != nil || v != "1" {
		t.Fatalf("get after set = %q, %v", v, err)
	}
	rr, _ = srv.LastRequest("POST /cgi-bin/component/get_authorizer_option")
	if string(rr.Body) != `{"option_name":"voice_recognize"}` {
		t.Fatalf("get body %s", rr.Body)
	}
	// The older API, with the component token, reads the same option.
	if v, err := comp.GetAuthorizerOption(ctx, appID, component.OptionVoiceRecognize); err != nil || v != "1" {
		t.Fatalf("api_get_authorizer_option = %q, %v", v, err)
	}

	if err := app.Option.Set(ctx, component.OptionLocationReport, "7"); !isCode(err, 40097) {
		t.Fatalf("bad value: %v", err)
	}
	if _, err := app.Option.Get(ctx, "nonsense"); !isCode(err, 40097) {
		t.Fatalf("bad name: %v", err)
	}
	if _, err := app.Option.Get(ctx, ""); !isArg(err) {
		t.Fatalf("empty name: %v", err)
	}
	if err := app.Option.Set(ctx, component.OptionLocationReport, ""); !isArg(err) {
		t.Fatalf("empty value: %v", err)
	}
	// The component's own token names no authorizer.
	if err := wxa.Wrap(comp.Core()).Option.Set(ctx, component.OptionVoiceRecognize, "0"); !isCode(err, 61003) {
		t.Fatalf("component token: %v", err)
	}
}
