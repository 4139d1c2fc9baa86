package miniprogram_test

import (
	"context"
	"fmt"
	"log"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/miniprogram"
)

func ExamplePluginService_Apply() {
	// A fake WeChat server on loopback, which also knows the plugin's app.
	srv := fakewechat.New(fakewechat.WithApp("wxplugin00000001", "pluginsecret"))
	if _, err := srv.Start(); err != nil {
		log.Fatal(err)
	}
	defer srv.Close()
	client, err := miniprogram.New(wechat.Config{AppID: fakewechat.DefaultAppID, AppSecret: fakewechat.DefaultSecret},
		wechat.WithBaseURL(srv.URL()), wechat.WithStore(wechat.NewMemoryStore()))
	if err != nil {
		log.Fatal(err)
	}

	ctx := context.Background()
	if err := client.Plugin.Apply(ctx, "wxplugin00000001", "store maps"); err != nil {
		log.Fatal(err)
	}
	plugins, err := client.Plugin.List(ctx)
	if err != nil {
		log.Fatal(err)
	}
	for _, p := range plugins {
		fmt.Println(p.AppID, p.Status == miniprogram.PluginApplying)
	}
	// Output: wxplugin00000001 true
}

func ExamplePluginDevService_AllApplications() {
	srv := fakewechat.New(fakewechat.WithApp("wxplugin00000001", "pluginsecret"))
	if _, err := srv.Start(); err != nil {
		log.Fatal(err)
	}
	defer srv.Close()
	user, err := miniprogram.New(wechat.Config{AppID: fakewechat.DefaultAppID, AppSecret: fakewechat.DefaultSecret},
		wechat.WithBaseURL(srv.URL()), wechat.WithStore(wechat.NewMemoryStore()))
	if err != nil {
		log.Fatal(err)
	}
	// The plugin's developer uses the plugin's own credentials.
	dev, err := miniprogram.New(wechat.Config{AppID: "wxplugin00000001", AppSecret: "pluginsecret"},
		wechat.WithBaseURL(srv.URL()), wechat.WithStore(wechat.NewMemoryStore()))
	if err != nil {
		log.Fatal(err)
	}

	ctx := context.Background()
	if err := user.Plugin.Apply(ctx, "wxplugin00000001", "store maps"); err != nil {
		log.Fatal(err)
	}
	for a, err := range dev.PluginDev.AllApplications(ctx) {
		if err != nil {
			log.Fatal(err)
		}
		if a.Status == miniprogram.PluginApplying {
			fmt.Println(a.AppID, a.Reason, dev.PluginDev.Agree(ctx, a.AppID))
		}
	}
	// Output: wxf00dfacecafe0001 store maps <nil>
}
