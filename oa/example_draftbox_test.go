package oa_test

import (
	"bytes"
	"context"
	"fmt"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/oa"
)

// exampleClientC returns a client on a fake server, for the examples.
func exampleClientC() (*fakewechat.Server, *oa.Client, func()) {
	srv := fakewechat.New()
	base, err := srv.Start()
	if err != nil {
		panic(err)
	}
	c, err := oa.New(wechat.Config{AppID: fakewechat.DefaultAppID, AppSecret: fakewechat.DefaultSecret},
		wechat.WithBaseURL(base), wechat.WithStore(wechat.NewMemoryStore()), wechat.WithHTTPClient(srv.Client()))
	if err != nil {
		panic(err)
	}
	return srv, c, func() { srv.Close() }
}

func ExampleDraftBoxService_Add() {
	_, c, done := exampleClientC()
	defer done()
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
func bytesReaderC() *bytes.Reader { return bytes.NewReader([]byte{0xff, 0xd8, 0xff, 0xe0}) }
