package oa_test

import (
	"bytes"
	"context"
	"fmt"
	"iter"
	"testing"

	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/oa"
)

// The tests of DraftBox, Publish, BatchSends, Comment, CustomService,
// SubscribeMessage, WebPage and POI use the helpers of setup_a_test.go
// (newAClient, reqA, jsonA, apiCodeA, argErrA) and these.

// drainC collects an iterator, stopping after limit items (0: no limit).
func drainC[T any](seq iter.Seq2[T, error], limit int) ([]T, error) {
	var out []T
	for v, err := range seq {
		if err != nil {
			return out, err
		}
		out = append(out, v)
		if limit > 0 && len(out) == limit {
			break
		}
	}
	return out, nil
}

// thumbC uploads a permanent thumb material and returns its media_id.
func thumbC(t testing.TB, c *oa.Client) string {
	t.Helper()
	m, err := c.Material.Add(context.Background(), oa.MediaThumb, "cover.jpg", bytes.NewReader([]byte{0xff, 0xd8, 0xff, 0xe0, 1, 2, 3}))
	if err != nil {
		t.Fatal(err)
	}
	return m.MediaID
}

// articleC returns a valid draft article with cover thumb.
func articleC(title, thumb string) *oa.DraftArticle {
	return &oa.DraftArticle{Title: title, Author: "Ada", Digest: "digest of " + title, Content: "<p>" + title + "</p>",
		ThumbMediaID: thumb, NeedOpenComment: 1}
}

// followersC subscribes n users to the default app and returns their openids.
func followersC(srv *fakewechat.Server, n int) []string {
	ids := make([]string, n)
	fs := make([]fakewechat.Follower, n)
	for i := range n {
		ids[i] = fmt.Sprintf("oC_test_follower_%011d", i)
		fs[i] = fakewechat.Follower{OpenID: ids[i]}
	}
	srv.AddFollowers(fakewechat.DefaultAppID, fs...)
	return ids
}

// newsC adds a permanent news material of the given titles (comments open)
// and returns its media_id.
func newsC(t testing.TB, c *oa.Client, titles ...string) string {
	t.Helper()
	thumb := thumbC(t, c)
	arts := make([]oa.MaterialArticle, len(titles))
	for i, title := range titles {
		arts[i] = oa.MaterialArticle{Title: title, ThumbMediaID: thumb, Content: "<p>" + title + "</p>", NeedOpenComment: 1}
	}
	id, err := c.Material.AddNews(context.Background(), arts)
	if err != nil {
		t.Fatal(err)
	}
	return id
}
