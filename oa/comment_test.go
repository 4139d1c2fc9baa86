package oa_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/oa"
)

// commentedC publishes a two-article message with comments open and adds n
// comments on its first article; it returns the article and the comment ids.
func commentedC(t *testing.T, srv *fakewechat.Server, c *oa.Client, n int) (oa.CommentArticle, []int64) {
	t.Helper()
	job, _ := publishC(t, srv, c, "A", "B")
	a := oa.CommentArticle{MsgDataID: job.MsgDataID}
	ids := make([]int64, n)
	for i := range n {
		id, err := srv.AddComment(fakewechat.DefaultAppID, intID(t, a.MsgDataID), 0, fmt.Sprintf("oReader%02d", i), fmt.Sprintf("comment %d", i))
		if err != nil {
			t.Fatal(err)
		}
		ids[i] = id
	}
	return a, ids
}

func TestCommentOpenClose(t *testing.T) {
	srv, c := newAClient(t)
	ctx := context.Background()
	a, _ := commentedC(t, srv, c, 0)
	second := oa.CommentArticle{MsgDataID: a.MsgDataID, Index: 1}
	if err := c.Comment.Close(ctx, second); err != nil {
		t.Fatal(err)
	}
	if _, body := reqA(t, srv, "POST /cgi-bin/comment/close"); jsonA(t, body) != jsonA(t, map[string]any{"msg_data_id": intID(t, a.MsgDataID), "index": 1}) {
		t.Errorf("close body = %v", body)
	}
	if _, err := srv.AddComment(fakewechat.DefaultAppID, intID(t, a.MsgDataID), 1, "oX", "hi"); err == nil {
		t.Error("comment accepted on a closed article")
	}
	if err := c.Comment.Open(ctx, second); err != nil {
		t.Fatal(err)
	}
	if _, body := reqA(t, srv, "POST /cgi-bin/comment/open"); jsonA(t, body) != jsonA(t, map[string]any{"msg_data_id": intID(t, a.MsgDataID), "index": 1}) {
		t.Errorf("open body = %v", body)
	}
	if _, err := srv.AddComment(fakewechat.DefaultAppID, intID(t, a.MsgDataID), 1, "oX", "hi"); err != nil {
		t.Errorf("comment refused after Open: %v", err)
	}
	apiCodeA(t, c.Comment.Open(ctx, oa.CommentArticle{MsgDataID: a.MsgDataID, Index: 2}), 88001)
	apiCodeA(t, c.Comment.Close(ctx, oa.CommentArticle{MsgDataID: "12345"}), 88001)
	argErrA(t, srv, "POST /none", c.Comment.Open(ctx, oa.CommentArticle{}), "msg_data_id")
	argErrA(t, srv, "POST /none", c.Comment.Close(ctx, oa.CommentArticle{MsgDataID: "1", Index: -1}), "index")
}

func TestCommentListAndAll(t *testing.T) {
	srv, c := newAClient(t)
	ctx := context.Background()
	a, ids := commentedC(t, srv, c, 7)
	if err := c.Comment.MarkElect(ctx, a, ids[2]); err != nil {
		t.Fatal(err)
	}
	page, err := c.Comment.List(ctx, a, oa.CommentsAll, 1, 3)
	if err != nil {
		t.Fatal(err)
	}
	if _, body := reqA(t, srv, "POST /cgi-bin/comment/list"); jsonA(t, body) != jsonA(t, map[string]any{"msg_data_id": intID(t, a.MsgDataID), "index": 0, "begin": 1, "count": 3, "type": 0}) {
		t.Errorf("list body = %v", body)
	}
	if page.Total != 7 || len(page.Comments) != 3 || page.Comments[0].UserCommentID != ids[1] || page.Comments[0].OpenID != "oReader01" ||
		page.Comments[0].Content != "comment 1" || page.Comments[0].CreateTime == 0 || !page.Comments[1].Elected() || page.Comments[0].Elected() {
		t.Errorf("page = %+v", page)
	}
	elected, err := c.Comment.List(ctx, a, oa.CommentsElected, 0, 50)
	if err != nil || elected.Total != 1 || elected.Comments[0].UserCommentID != ids[2] {
		t.Errorf("elected = %+v, %v", elected, err)
	}
	normal, err := drainC(c.Comment.All(ctx, a, oa.CommentsNormal, 2), 0)
	if err != nil || len(normal) != 6 {
		t.Fatalf("All normal = %d, %v", len(normal), err)
	}
	before := srv.Count("POST /cgi-bin/comment/list")
	all, err := drainC(c.Comment.All(ctx, a, oa.CommentsAll, 0), 0)
	if err != nil || len(all) != 7 || all[6].UserCommentID != ids[6] {
		t.Errorf("All = %+v, %v", all, err)
	}
	if n := srv.Count("POST /cgi-bin/comment/list") - before; n != 1 {
		t.Errorf("All with page size 50 made %d requests", n)
	}
	some, err := drainC(c.Comment.All(ctx, a, oa.CommentsAll, 3), 4)
	if err != nil || len(some) != 4 || some[3].UserCommentID != ids[3] {
		t.Errorf("early stop = %+v, %v", some, err)
	}
	_, err = drainC(c.Comment.All(ctx, oa.CommentArticle{MsgDataID: "99"}, oa.CommentsAll, 0), 0)
	apiCodeA(t, err, 88001)

	const none = "POST /none"
	_, err = c.Comment.List(ctx, a, oa.CommentsAll, 0, 51)
	argErrA(t, srv, none, err, "count")
	_, err = c.Comment.List(ctx, a, 3, 0, 5)
	argErrA(t, srv, none, err, "type")
	_, err = c.Comment.List(ctx, a, oa.CommentsAll, -1, 5)
	argErrA(t, srv, none, err, "begin")
}

func TestCommentElectReplyDelete(t *testing.T) {
	srv, c := newAClient(t)
	ctx := context.Background()
	a, ids := commentedC(t, srv, c, 3)
	want := func(pattern string, extra map[string]any) {
		t.Helper()
		m := map[string]any{"msg_data_id": intID(t, a.MsgDataID), "index": 0, "user_comment_id": ids[0]}
		for k, v := range extra {
			m[k] = v
		}
		if _, body := reqA(t, srv, pattern); jsonA(t, body) != jsonA(t, m) {
			t.Errorf("%s body = %v", pattern, body)
		}
	}
	if err := c.Comment.MarkElect(ctx, a, ids[0]); err != nil {
		t.Fatal(err)
	}
	want("POST /cgi-bin/comment/markelect", nil)
	if err := c.Comment.UnmarkElect(ctx, a, ids[0]); err != nil {
		t.Fatal(err)
	}
	want("POST /cgi-bin/comment/unmarkelect", nil)
	if p, _ := c.Comment.List(ctx, a, oa.CommentsElected, 0, 10); p.Total != 0 {
		t.Errorf("elected after unmark = %+v", p)
	}

	if err := c.Comment.Reply(ctx, a, ids[0], "Thanks!"); err != nil {
		t.Fatal(err)
	}
	want("POST /cgi-bin/comment/reply/add", map[string]any{"content": "Thanks!"})
	p, _ := c.Comment.List(ctx, a, oa.CommentsAll, 0, 1)
	if r := p.Comments[0].Reply; r == nil || r.Content != "Thanks!" || r.CreateTime == 0 {
		t.Errorf("reply = %+v", p.Comments[0])
	}
	apiCodeA(t, c.Comment.Reply(ctx, a, ids[0], "again"), 88005)
	apiCodeA(t, c.Comment.Reply(ctx, a, ids[1], strings.Repeat("长", 601)), 88007)
	if err := c.Comment.DeleteReply(ctx, a, ids[0]); err != nil {
		t.Fatal(err)
	}
	want("POST /cgi-bin/comment/reply/delete", nil)
	if p, _ := c.Comment.List(ctx, a, oa.CommentsAll, 0, 1); p.Comments[0].Reply != nil {
		t.Errorf("reply after delete = %+v", p.Comments[0].Reply)
	}

	if err := c.Comment.Delete(ctx, a, ids[0]); err != nil {
		t.Fatal(err)
	}
	want("POST /cgi-bin/comment/delete", nil)
	if p, _ := c.Comment.List(ctx, a, oa.CommentsAll, 0, 10); p.Total != 2 {
		t.Errorf("after delete = %+v", p)
	}
	apiCodeA(t, c.Comment.MarkElect(ctx, a, ids[0]), 88004)
	apiCodeA(t, c.Comment.MarkElect(ctx, a, 999999), 88008)
	srv.DeleteCommentByUser(fakewechat.DefaultAppID, ids[1])
	apiCodeA(t, c.Comment.Reply(ctx, a, ids[1], "hi"), 88004)

	const none = "POST /none"
	argErrA(t, srv, none, c.Comment.Reply(ctx, a, ids[2], ""), "content")
	argErrA(t, srv, none, c.Comment.Delete(ctx, a, 0), "user_comment_id")
	argErrA(t, srv, none, c.Comment.DeleteReply(ctx, oa.CommentArticle{}, 1), "msg_data_id")
}

func TestCommentOnMassSentNews(t *testing.T) {
	srv, c := newAClient(t)
	ctx := context.Background()
	followersC(srv, 2)
	res, err := c.BatchSends.SendToAll(ctx, oa.NewMassNews(newsC(t, c, "Only")))
	if err != nil {
		t.Fatal(err)
	}
	id, err := srv.AddComment(fakewechat.DefaultAppID, intID(t, res.MsgDataID), 0, "oReader", "nice")
	if err != nil {
		t.Fatal(err)
	}
	a := oa.CommentArticle{MsgDataID: res.MsgDataID}
	if err := c.Comment.MarkElect(ctx, a, id); err != nil {
		t.Fatal(err)
	}
	if p, err := c.Comment.List(ctx, a, oa.CommentsElected, 0, 5); err != nil || p.Total != 1 || p.Comments[0].Content != "nice" {
		t.Errorf("list = %+v, %v", p, err)
	}
}

// intID converts an id the SDK keeps as a wechat.FlexID for the fake's
// int64 helpers.
func intID(t testing.TB, id wechat.FlexID) int64 {
	t.Helper()
	n, err := id.Int64()
	if err != nil {
		t.Fatal(err)
	}
	return n
}
