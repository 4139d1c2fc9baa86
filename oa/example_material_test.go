package oa_test

import (
	"context"
	"fmt"
	"io"
	"log"
	"strings"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/oa"
)

func ExampleMaterialService_UploadMedia() {
	srv := fakewechat.New() // a fake WeChat server on loopback
	if _, err := srv.Start(); err != nil {
		log.Fatal(err)
	}
	defer srv.Close()
	c, err := oa.New(wechat.Config{AppID: fakewechat.DefaultAppID, AppSecret: fakewechat.DefaultSecret},
		wechat.WithBaseURL(srv.URL()), wechat.WithStore(wechat.NewMemoryStore()))
	if err != nil {
		log.Fatal(err)
	}
	ctx := context.Background()

	// Any io.Reader is streamed; an *os.File or other io.Seeker can also be
	// replayed if the token must be refreshed.
	up, err := c.Material.UploadMedia(ctx, oa.MediaImage, "photo.jpg", strings.NewReader("jpeg bytes"))
	if err != nil {
		log.Fatal(err)
	}
	dl, err := c.Material.GetMedia(ctx, up.MediaID)
	if err != nil {
		log.Fatal(err)
	}
	defer dl.Close()
	data, err := io.ReadAll(dl)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(dl.ContentType, string(data))
	// Output: image/jpeg jpeg bytes
}

func ExampleMaterialService_All() {
	srv := fakewechat.New() // a fake WeChat server on loopback
	if _, err := srv.Start(); err != nil {
		log.Fatal(err)
	}
	defer srv.Close()
	c, err := oa.New(wechat.Config{AppID: fakewechat.DefaultAppID, AppSecret: fakewechat.DefaultSecret},
		wechat.WithBaseURL(srv.URL()), wechat.WithStore(wechat.NewMemoryStore()))
	if err != nil {
		log.Fatal(err)
	}
	ctx := context.Background()
	for _, name := range []string{"a.png", "b.png", "c.png"} {
		if _, err := c.Material.Add(ctx, oa.MediaImage, name, strings.NewReader("png")); err != nil {
			log.Fatal(err)
		}
	}
	n := 0
	for item, err := range c.Material.All(ctx, oa.MediaImage, 2) {
		if err != nil {
			log.Fatal(err)
		}
		_ = item.MediaID
		n++
	}
	fmt.Println(n, "images")
	// Output: 3 images
}
