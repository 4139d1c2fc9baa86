package miniprogram_test

import (
	"context"
	"fmt"
	"log"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/miniprogram"
)

func ExampleOperationService_AllFeedback() {
	srv := fakewechat.New() // a fake WeChat server on loopback
	if _, err := srv.Start(); err != nil {
		log.Fatal(err)
	}
	defer srv.Close()
	client, err := miniprogram.New(wechat.Config{AppID: fakewechat.DefaultAppID, AppSecret: fakewechat.DefaultSecret},
		wechat.WithBaseURL(srv.URL()), wechat.WithStore(wechat.NewMemoryStore()))
	if err != nil {
		log.Fatal(err)
	}

	// Every "slow loading" (type 7) feedback, page after page.
	for f, err := range client.Operation.AllFeedback(context.Background(), 7) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(f.RecordID, f.Content, len(f.MediaIDs))
	}
	// Output: 3 加载慢 0
}
