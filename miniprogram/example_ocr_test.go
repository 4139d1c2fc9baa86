package miniprogram_test

import (
	"context"
	"fmt"
	"log"
	"strings"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/miniprogram"
)

func ExampleOCRService_IDCard() {
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
	ctx := context.Background()

	// By URL: WeChat fetches the picture.
	front, err := client.OCR.IDCard(ctx, miniprogram.ImageURL("https://example.com/id-front.jpg"), miniprogram.OCRPhoto)
	fmt.Println(front.Type, err)
	// By upload: the picture is streamed.
	back, err := client.OCR.IDCard(ctx, miniprogram.ImageFile("id-back.jpg", strings.NewReader("back side")), miniprogram.OCRPhoto)
	fmt.Println(back.Type, err)
	// Output:
	// Front <nil>
	// Back <nil>
}
