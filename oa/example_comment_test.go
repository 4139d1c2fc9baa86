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

func ExampleCommentService_All() {
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

	// A news message sent to followers, and a reader's comment on it.
	srv.AddFollowers(fakewechat.DefaultAppID, fakewechat.Follower{OpenID: "oExample_reader_000000000001"})
	cover, _ := c.Material.Add(ctx, oa.MediaThumb, "cover.jpg", bytes.NewReader([]byte{0xff, 0xd8, 0xff, 0xe0}) /* a JPEG header */)
	news, _ := c.Material.AddNews(ctx, []oa.MaterialArticle{{Title: "Hi", Content: "<p>Hi</p>", ThumbMediaID: cover.MediaID, NeedOpenComment: 1}})
	sent, err := c.BatchSends.SendToAll(ctx, oa.NewMassNews(news))
	if err != nil {
		fmt.Println(err)
		return
	}
	msgDataID, _ := sent.MsgDataID.Int64()
	srv.AddComment(fakewechat.DefaultAppID, msgDataID, 0, "oExample_reader_000000000001", "Great news!")

	// Reply to every comment not answered yet.
	article := oa.CommentArticle{MsgDataID: sent.MsgDataID, Index: 0}
	for cm, err := range c.Comment.All(ctx, article, oa.CommentsAll, 0) {
		if err != nil {
			fmt.Println(err)
			return
		}
		if cm.Reply == nil {
			fmt.Println(cm.OpenID, cm.Content)
			if err := c.Comment.Reply(ctx, article, cm.UserCommentID, "Thank you!"); err != nil {
				fmt.Println(err)
			}
		}
	}
	// Output: oExample_reader_000000000001 Great news!
}
