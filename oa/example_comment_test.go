package oa_test

import (
	"context"
	"fmt"

	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/oa"
)

func ExampleCommentService_All() {
	srv, c, done := exampleClientC()
	defer done()
	ctx := context.Background()

	// A news message sent to followers, and a reader's comment on it.
	srv.AddFollowers(fakewechat.DefaultAppID, fakewechat.Follower{OpenID: "oReader"})
	cover, _ := c.Material.Add(ctx, oa.MediaThumb, "cover.jpg", bytesReaderC())
	news, _ := c.Material.AddNews(ctx, []oa.MaterialArticle{{Title: "Hi", Content: "<p>Hi</p>", ThumbMediaID: cover.MediaID, NeedOpenComment: 1}})
	sent, err := c.BatchSends.SendToAll(ctx, oa.NewMassNews(news))
	if err != nil {
		fmt.Println(err)
		return
	}
	msgDataID, _ := sent.MsgDataID.Int64()
	srv.AddComment(fakewechat.DefaultAppID, msgDataID, 0, "oReader", "Great news!")

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
	// Output: oReader Great news!
}
