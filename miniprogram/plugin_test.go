package miniprogram_test

import (
	"io"
	"strings"
	"testing"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/miniprogram"
)

const testPluginAppID = "wxplugin00000001"

// pluginClient registers the plugin app on srv and returns its client.
func pluginClient(t *testing.T, srv *fakewechat.Server) *miniprogram.Client {
	t.Helper()
	srv.AddApp(testPluginAppID, "pluginsecret")
	c, err := miniprogram.New(wechat.Config{AppID: testPluginAppID, AppSecret: "pluginsecret"},
		wechat.WithBaseURL(srv.URL()), wechat.WithStore(wechat.NewMemoryStore()), wechat.WithHTTPClient(srv.Client()),
		wechat.WithRetry(wechat.RetryPolicy{MaxAttempts: 1}))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestPluginApplyAgreeFlow(t *testing.T) {
	srv, host := newClient(t)
	dev := pluginClient(t, srv)
	ctx := t.Context()

	if err := host.Plugin.Apply(ctx, testPluginAppID, "maps for our stores"); err != nil {
		t.Fatal(err)
	}
	if _, body := last(t, srv, "POST /wxa/plugin"); asJSON(t, body) != `{"action":"apply","plugin_appid":"`+testPluginAppID+`","reason":"maps for our stores"}` {
		t.Errorf("body = %s", asJSON(t, body))
	}
	list, err := host.Plugin.List(ctx)
	if err != nil || len(list) != 1 || list[0].AppID != testPluginAppID || list[0].Status != miniprogram.PluginApplying || list[0].Nickname == "" {
		t.Fatalf("List = %+v, %v", list, err)
	}
	if _, body := last(t, srv, "POST /wxa/plugin"); asJSON(t, body) != `{"action":"list"}` {
		t.Errorf("list body = %s", asJSON(t, body))
	}
	wantAPIError(t, host.Plugin.Apply(ctx, testPluginAppID, "again"), fakewechat.CodeMPPluginAdded)
	wantAPIError(t, host.Plugin.Apply(ctx, "wxnosuchplugin0001", "x"), fakewechat.CodeMPPluginNotExist)
	wantAPIError(t, host.Plugin.Apply(ctx, fakewechat.DefaultAppID, "myself"), fakewechat.CodeMPPluginCannotApply)
	// Quick updates need an approved plugin.
	wantAPIError(t, host.Plugin.Update(ctx, testPluginAppID, "2.2.46"), fakewechat.CodeMPPluginNotAdded)

	apps, err := dev.PluginDev.Applications(ctx, 1, 10)
	if err != nil || len(apps) != 1 || apps[0].AppID != fakewechat.DefaultAppID || apps[0].Status != miniprogram.PluginApplying ||
		apps[0].Reason != "maps for our stores" || apps[0].CreateTime == "" || string(apps[0].Categories) != "[]" {
		t.Fatalf("Applications = %+v, %v", apps, err)
	}
	if _, body := last(t, srv, "POST /wxa/devplugin"); asJSON(t, body) != `{"action":"dev_apply_list","num":10,"page":1}` {
		t.Errorf("dev list body = %s", asJSON(t, body))
	}
	if n, err := apps[0].CreateTime.Int64(); err != nil || n <= 0 {
		t.Errorf("create_time = %q", apps[0].CreateTime)
	}
	wantAPIError(t, dev.PluginDev.Delete(ctx, fakewechat.DefaultAppID), fakewechat.CodeMPPluginPendingDelete)
	if err := dev.PluginDev.Agree(ctx, fakewechat.DefaultAppID); err != nil {
		t.Fatal(err)
	}
	if _, body := last(t, srv, "POST /wxa/devplugin"); asJSON(t, body) != `{"action":"dev_agree","appid":"`+fakewechat.DefaultAppID+`"}` {
		t.Errorf("agree body = %s", asJSON(t, body))
	}
	wantAPIError(t, dev.PluginDev.Agree(ctx, fakewechat.DefaultAppID), fakewechat.CodeMPPluginNotPending)
	wantAPIError(t, dev.PluginDev.Delete(ctx, fakewechat.DefaultAppID), fakewechat.CodeMPPluginNotRefused)
	wantAPIError(t, dev.PluginDev.Agree(ctx, "wxstranger0000001"), fakewechat.CodeMPPluginNotApplied)

	list, err = host.Plugin.List(ctx)
	if err != nil || len(list) != 1 || list[0].Status != miniprogram.PluginApproved {
		t.Fatalf("List after agree = %+v, %v", list, err)
	}
	if err := host.Plugin.Update(ctx, testPluginAppID, "2.2.46"); err != nil {
		t.Fatal(err)
	}
	if a := srv.MPPluginApplications(testPluginAppID); len(a) != 1 || a[0].UserVersion != "2.2.46" || a[0].Status != 2 {
		t.Errorf("applications = %+v", a)
	}
	if err := host.Plugin.Unbind(ctx, testPluginAppID); err != nil {
		t.Fatal(err)
	}
	if list, err := host.Plugin.List(ctx); err != nil || len(list) != 0 {
		t.Fatalf("List after unbind = %+v, %v", list, err)
	}
	wantAPIError(t, host.Plugin.Unbind(ctx, testPluginAppID), fakewechat.CodeMPPluginNotAdded)

	n := len(srv.Requests())
	wantArgError(t, srv, n, host.Plugin.Apply(ctx, "", "r"), "plugin_appid")
	wantArgError(t, srv, n, host.Plugin.Apply(ctx, testPluginAppID, ""), "reason")
	wantArgError(t, srv, n, host.Plugin.Update(ctx, testPluginAppID, ""), "user_version")
	wantArgError(t, srv, n, host.Plugin.Unbind(ctx, ""), "plugin_appid")
	wantArgError(t, srv, n, dev.PluginDev.Agree(ctx, ""), "appid")
	wantArgError(t, srv, n, dev.PluginDev.Refuse(ctx, "wx1", ""), "reason")
	_, err = dev.PluginDev.Applications(ctx, 0, 10)
	wantArgError(t, srv, n, err, "page")
	_, err = dev.PluginDev.Applications(ctx, 1, 0)
	wantArgError(t, srv, n, err, "num")
}

func TestPluginRefuseDeleteAndPages(t *testing.T) {
	srv, host := newClient(t)
	dev := pluginClient(t, srv)
	ctx := t.Context()
	// 150 mini programs apply; the developer pages through them.
	for i := range 150 {
		appid := "wxapplicant" + string(rune('a'+i/26)) + string(rune('a'+i%26))
		srv.AddApp(appid, "s")
		tok, err := srv.IssueToken(appid)
		if err != nil {
			t.Fatal(err)
		}
		resp, err := srv.Client().Post(srv.URL()+"/wxa/plugin?access_token="+tok, "application/json",
			strings.NewReader(`{"action":"apply","plugin_appid":"`+testPluginAppID+`","reason":"r"}`))
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if !strings.Contains(string(b), `"errcode":0`) {
			t.Fatalf("apply as %s: %s", appid, b)
		}
	}
	if err := host.Plugin.Apply(ctx, testPluginAppID, "mine"); err != nil {
		t.Fatal(err)
	}
	n := 0
	for a, err := range dev.PluginDev.AllApplications(ctx) {
		if err != nil {
			t.Fatal(err)
		}
		n++
		if n == 151 && a.AppID != fakewechat.DefaultAppID {
			t.Errorf("last = %+v", a)
		}
	}
	if n != 151 || srv.Count("POST /wxa/devplugin") != 2 {
		t.Fatalf("AllApplications: %d items in %d requests", n, srv.Count("POST /wxa/devplugin"))
	}

	if err := dev.PluginDev.Refuse(ctx, fakewechat.DefaultAppID, "not a fit"); err != nil {
		t.Fatal(err)
	}
	if _, body := last(t, srv, "POST /wxa/devplugin"); asJSON(t, body) != `{"action":"dev_refuse","appid":"`+fakewechat.DefaultAppID+`","reason":"not a fit"}` {
		t.Errorf("refuse body = %s", asJSON(t, body))
	}
	list, err := host.Plugin.List(ctx)
	if err != nil || len(list) != 1 || list[0].Status != miniprogram.PluginRefused {
		t.Fatalf("List after refuse = %+v, %v", list, err)
	}
	// A refused mini program may apply again, or be deleted.
	if err := dev.PluginDev.Delete(ctx, fakewechat.DefaultAppID); err != nil {
		t.Fatal(err)
	}
	if list, err := host.Plugin.List(ctx); err != nil || len(list) != 0 {
		t.Fatalf("List after delete = %+v, %v", list, err)
	}
	if err := host.Plugin.Apply(ctx, testPluginAppID, "please"); err != nil {
		t.Fatal(err)
	}
	srv.SetMPPluginStatus(testPluginAppID, fakewechat.DefaultAppID, miniprogram.PluginTimedOut)
	if err := dev.PluginDev.Delete(ctx, fakewechat.DefaultAppID); err != nil {
		t.Fatalf("Delete(timed out) = %v", err)
	}
}
