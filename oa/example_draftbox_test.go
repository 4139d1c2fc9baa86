package oa_test

import (
	"bytes"
	"context"
	"fmt"
	"log"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/oa"
)

func ExampleDraftBoxService_Add() {
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

	cover, err := c.Material.Add(ctx, oa.MediaThumb, "cover.jpg", bytes.NewReader([]byte{0xff, 0xd8, 0xff}))
	if err != nil {
		fmt.Println(err)
		return
	}
	id, err := c.DraftBox.Add(ctx, &oa.DraftArticle{
		Title:        "Hello",
		Content:      "<p>Hello, world</p>",
		ThumbMediaID: cover.MediaID,
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for d, err := range c.DraftBox.All(ctx, 0, true) {
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(d.MediaID == id, d.Content.NewsItem[0].Title)
	}
	// Output: true Hello
}

// bytesReaderC returns a tiny JPEG-looking cover for the examples.
