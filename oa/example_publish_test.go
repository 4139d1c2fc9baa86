package oa_test

import (
	"bytes"
	"context"
	"fmt"

	"github.com/weixin-go/wechat/oa"
)

func ExamplePublishService_Submit() {
	_, c, done := exampleClientC()
	defer done()
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
