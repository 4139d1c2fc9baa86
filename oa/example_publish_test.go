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

func ExamplePublishService_Submit() {
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
	draft, err := c.DraftBox.Add(ctx, &oa.DraftArticle{Title: "News", Content: "<p>…</p>", ThumbMediaID: cover.MediaID})
	if err != nil {
		fmt.Println(err)
		return
	}
	job, err := c.Publish.Submit(ctx, draft)
	if err != nil {
		fmt.Println(err)
		return
	}
	// Publishing is asynchronous: poll the task (or wait for the
	// PUBLISHJOBFINISH event).
	st, err := c.Publish.Status(ctx, job.PublishID)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(st.Status == oa.PublishPublishing)
	// Output: true
}
