package fakewechat_test

import (
	"context"
	"fmt"
	"log"

	"github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/oa"
)

// An SDK client against the fake: a fault injected twice is retried past,
// and the token comes from POST /cgi-bin/stable_token, the SDK's default
// token endpoint, once.
func Example() {
	srv := fakewechat.New()
	if _, err := srv.Start(); err != nil {
		log.Fatal(err)
	}
	defer srv.Close()
	client, err := oa.New(wechat.Config{AppID: fakewechat.DefaultAppID, AppSecret: fakewechat.DefaultSecret},
		wechat.WithBaseURL(srv.URL()), wechat.WithStore(wechat.NewMemoryStore()))
	if err != nil {
		log.Fatal(err)
	}

	// The next two menu/create calls answer "system error" (-1).
	srv.Inject(fakewechat.Fault{Path: "POST /cgi-bin/menu/create", Errcode: -1, Times: 2})
	menu := &oa.Menu{Button: []oa.Button{{Type: "click", Name: "今日歌曲", Key: "V1001"}}}
	err = client.Menu.Create(context.Background(), menu)
	fmt.Println(err, srv.Count("POST /cgi-bin/menu/create"), srv.Count("POST /cgi-bin/stable_token"), srv.Count("GET /cgi-bin/token"))
	// Output: <nil> 3 1 0
}
