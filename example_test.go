package wechat_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"net/url"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
)

// Call reaches any endpoint with the token added and errors mapped.
func ExampleClient_Call() {
	srv := fakewechat.New()
	base, err := srv.Start()
	if err != nil {
		log.Fatal(err)
	}
	defer srv.Close()

	client, err := wechat.NewClient(wechat.Config{AppID: fakewechat.DefaultAppID, AppSecret: fakewechat.DefaultSecret},
		wechat.WithBaseURL(base), wechat.WithStore(wechat.NewMemoryStore()))
	if err != nil {
		log.Fatal(err)
	}
	var out struct {
		Ticket    string `json:"ticket"`
		ExpiresIn int    `json:"expires_in"`
	}
	err = client.Call(context.Background(), "GET", "/cgi-bin/ticket/getticket", url.Values{"type": {"jsapi"}}, nil, &out)
	fmt.Println(err, out.ExpiresIn)
	// Output: <nil> 7200
}

// APIError carries WeChat's errcode and rid; sentinels classify it.
func ExampleAPIError() {
	srv := fakewechat.New()
	base, _ := srv.Start()
	defer srv.Close()
	client, _ := wechat.NewClient(wechat.Config{AppID: fakewechat.DefaultAppID, AppSecret: fakewechat.DefaultSecret},
		wechat.WithBaseURL(base), wechat.WithStore(wechat.NewMemoryStore()))
	srv.Inject(fakewechat.Fault{Path: "GET /cgi-bin/ticket/getticket", Errcode: 45009, Times: 1})

	err := client.Call(context.Background(), "GET", "/cgi-bin/ticket/getticket", url.Values{"type": {"jsapi"}}, nil, nil)
	var apiErr *wechat.APIError
	if errors.As(err, &apiErr) {
		fmt.Println(apiErr.Code, apiErr.RID != "", errors.Is(err, wechat.ErrRateLimited))
	}
	// Output: 45009 true true
}

// Several processes share tokens through a store; a Registry finds clients
// by appid or code name.
func ExampleRegistry() {
	store := wechat.NewMemoryStore() // in production: a FileStore or a redisstore.Store
	var apps wechat.Registry[*wechat.Client]
	for _, cfg := range []wechat.Config{
		{AppID: "wx0000000000000001", AppSecret: "s1", CodeName: "shop"},
		{AppID: "wx0000000000000002", AppSecret: "s2", CodeName: "news"},
	} {
		c, err := wechat.NewClient(cfg, wechat.WithStore(store))
		if err != nil {
			log.Fatal(err)
		}
		apps.Add(c)
	}
	c, ok := apps.Get("news")
	fmt.Println(ok, c.AppID(), apps.Len())
	// Output: true wx0000000000000002 2
}
