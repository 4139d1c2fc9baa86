package channels_test

import (
	"context"
	"fmt"
	"log"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/channels"
	"github.com/weixin-go/wechat/fakewechat"
)

func ExampleBrandService_All() {
	srv := fakewechat.New() // a fake WeChat server on loopback
	if _, err := srv.Start(); err != nil {
		log.Fatal(err)
	}
	defer srv.Close()
	client, err := channels.New(wechat.Config{AppID: fakewechat.DefaultAppID, AppSecret: fakewechat.DefaultSecret},
		wechat.WithBaseURL(srv.URL()), wechat.WithStore(wechat.NewMemoryStore()))
	if err != nil {
		log.Fatal(err)
	}

	// Find the brand_id of a brand to name in a brand qualification.
	for b, err := range client.Brands.All(context.Background()) {
		if err != nil {
			fmt.Println(err)
			return
		}
		if b.EnName == "ZTE" {
			fmt.Println(b.BrandID, b.ChName)
		}
	}
	// Output:
	// 10000001 中兴
}
