package miniprogram_test

import (
	"context"
	"fmt"
	"image/png"
	"log"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/miniprogram"
)

func ExampleCodeService_GetUnlimited() {
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

	img, err := client.Code.GetUnlimited(context.Background(), &miniprogram.UnlimitedCode{
		Scene: "shop=42", Page: "pages/shop/shop", CodeOptions: miniprogram.CodeOptions{Width: 280},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer img.Close()
	// Stream it where it belongs (a file, an HTTP response...); here, decode it.
	cfg, err := png.DecodeConfig(img)
	fmt.Println(img.ContentType, cfg.Width, err)
	// Output: image/png 280 <nil>
}
