package oa_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/oa"
)

// publishC publishes a draft of the given titles and waits (on the fake
// clock) until it succeeds; it returns the task and its article_id.
func publishC(t *testing.T, srv *fakewechat.Server, c *oa.Client, titles ...string) (*oa.PublishJob, string) {
	t.Helper()
	ctx := context.Background()
	thumb := thumbC(t, c)
	arts := make([]*oa.DraftArticle, len(titles))
	for i, title := range titles {
		arts[i] = articleC(title, thumb)
	}
	draft, err := c.DraftBox.Add(ctx, arts...)
	if err != nil {
		t.Fatal(err)
	}
	job, err := c.Publish.Submit(ctx, draft)
	if err != nil {
		t.Fatal(err)
	}
	srv.Advance(fakewechat.OAPublishDelay)
	st, err := c.Publish.Status(ctx, job.PublishID)
	if err != nil {
		t.Fatal(err)
	}
	if st.Status != oa.PublishSucceeded {
		t.Fatalf("status = %+v", st)
	}
	return job, st.ArticleID
}

func TestPublishSubmitAndStatus(t *testing.T) {
	srv, c := newAClient(t)
	ctx := context.Background()
	thumb := thumbC(t, c)
	draft, err := c.DraftBox.Add(ctx, articleC("One", thumb), articleC("Two", thumb))
	if err != nil {
		t.Fatal(err)
	}
	job, err := c.Publish.Submit(ctx, draft)
	if err != nil {
		t.Fatal(err)
	}
	if _, body := reqA(t, srv, "POST /cgi-bin/freepublish/submit"); body["media_id"] != draft {
		t.Errorf("submit body = %v", body)
	}
	if job.PublishID == "" || job.MsgDataID == "" {
		t.Errorf("job = %+v", job)
	}
	st, err := c.Publish.Status(ctx, job.PublishID)
	if err != nil {
		t.Fatal(err)
	}
	if _, body := reqA(t, srv, "POST /cgi-bin/freepublish/get"); body["publish_id"] != job.PublishID.String() {
		t.Errorf("get body = %v", body)
	}
	if st.Status != oa.PublishPublishing || st.ArticleID != "" {
		t.Errorf("status before delay = %+v", st)
	}
	srv.Advance(fakewechat.OAPublishDelay)
	st, err = c.Publish.Status(ctx, job.PublishID)
	if err != nil {
		t.Fatal(err)
	}
	if st.Status != oa.PublishSucceeded || st.ArticleID == "" || st.ArticleDetail.Count != 2 ||
		st.ArticleDetail.Item[1].Idx != 2 || st.ArticleDetail.Item[1].ArticleURL == "" || len(st.FailIdx) != 0 {
		t.Errorf("status = %+v", st)
	}
	// The draft left the draft box.
	if n, _ := c.DraftBox.Count(ctx); n != 0 {
		t.Errorf("drafts after publishing = %d", n)
	}
	_, err = c.Publish.Submit(ctx, draft)
	apiCodeA(t, err, 40007)

	news, err := c.Publish.GetArticle(ctx, st.ArticleID)
	if err != nil {
		t.Fatal(err)
	}
	if _, body := reqA(t, srv, "POST /cgi-bin/freepublish/getarticle"); body["article_id"] != st.ArticleID {
		t.Errorf("getarticle body = %v", body)
	}
	if len(news.NewsItem) != 2 || news.NewsItem[0].Title != "One" || news.NewsItem[0].URL != st.ArticleDetail.Item[0].ArticleURL || news.NewsItem[0].IsDeleted {
		t.Errorf("article = %+v", news)
	}
}

func TestPublishDelete(t *testing.T) {
	srv, c := newAClient(t)
	ctx := context.Background()
	_, articleID := publishC(t, srv, c, "A", "B")

	if err := c.Publish.Delete(ctx, articleID, 2); err != nil {
		t.Fatal(err)
	}
	if _, body := reqA(t, srv, "POST /cgi-bin/freepublish/delete"); body["article_id"] != articleID || body["index"] != float64(2) {
		t.Errorf("delete body = %v", body)
	}
	news, err := c.Publish.GetArticle(ctx, articleID)
	if err != nil {
		t.Fatal(err)
	}
	if news.NewsItem[0].IsDeleted || !news.NewsItem[1].IsDeleted {
		t.Errorf("after deleting #2: %+v", news.NewsItem)
	}
	apiCodeA(t, c.Publish.Delete(ctx, articleID, 3), 40114)
	if err := c.Publish.Delete(ctx, articleID, 0); err != nil {
		t.Fatal(err)
	}
	if _, body := reqA(t, srv, "POST /cgi-bin/freepublish/delete"); body["index"] != float64(0) {
		t.Errorf("delete-all body = %v", body)
	}
	_, err = c.Publish.GetArticle(ctx, articleID)
	apiCodeA(t, err, 53600)

	argErrA(t, srv, "POST /none", c.Publish.Delete(ctx, "", 0), "article_id")
	argErrA(t, srv, "POST /none", c.Publish.Delete(ctx, "a", -1), "index")
	_, err = c.Publish.Submit(ctx, "")
	argErrA(t, srv, "POST /none", err, "media_id")
	_, err = c.Publish.Status(ctx, "")
	argErrA(t, srv, "POST /none", err, "publish_id")
	_, err = c.Publish.GetArticle(ctx, "")
	argErrA(t, srv, "POST /none", err, "article_id")
	_, err = c.Publish.List(ctx, 0, 0, false)
	argErrA(t, srv, "POST /cgi-bin/freepublish/batchget", err, "count")
}

func TestPublishListAndAll(t *testing.T) {
	srv, c := newAClient(t)
	ctx := context.Background()
	var ids []string
	for i := range 5 {
		_, id := publishC(t, srv, c, fmt.Sprintf("post %d", i))
		ids = append(ids, id)
	}
	page, err := c.Publish.List(ctx, 0, 2, true)
	if err != nil {
		t.Fatal(err)
	}
	if _, body := reqA(t, srv, "POST /cgi-bin/freepublish/batchget"); body["offset"] != float64(0) || body["count"] != float64(2) || body["no_content"] != float64(1) {
		t.Errorf("batchget body = %v", body)
	}
	if page.TotalCount != 5 || page.ItemCount != 2 || page.Items[0].ArticleID != ids[4] || page.Items[0].Content.NewsItem[0].Content != "" {
		t.Errorf("page = %+v", page)
	}
	before := srv.Count("POST /cgi-bin/freepublish/batchget")
	all, err := drainC(c.Publish.All(ctx, 2, false), 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 5 || all[4].ArticleID != ids[0] || all[4].Content.NewsItem[0].Title != "post 0" || all[0].Content.NewsItem[0].Content == "" {
		t.Errorf("All = %+v", all)
	}
	if n := srv.Count("POST /cgi-bin/freepublish/batchget") - before; n != 3 {
		t.Errorf("All made %d requests, want 3", n)
	}
	some, err := drainC(c.Publish.All(ctx, 0, true), 1)
	if err != nil || len(some) != 1 || some[0].ArticleID != ids[4] {
		t.Errorf("early stop = %+v, %v", some, err)
	}
}
