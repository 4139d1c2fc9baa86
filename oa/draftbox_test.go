package oa_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/weixin-go/wechat/oa"
)

func TestDraftBoxLifecycle(t *testing.T) {
	srv, c := newAClient(t)
	ctx := context.Background()
	thumb := thumbC(t, c)

	id, err := c.DraftBox.Add(ctx, articleC("First", thumb), articleC("Second", thumb))
	if err != nil {
		t.Fatal(err)
	}
	_, body := reqA(t, srv, "POST /cgi-bin/draft/add")
	arts := body["articles"].([]any)
	if len(arts) != 2 || arts[0].(map[string]any)["title"] != "First" || arts[1].(map[string]any)["thumb_media_id"] != thumb {
		t.Errorf("add body = %v", body)
	}
	if _, ok := arts[0].(map[string]any)["url"]; ok {
		t.Errorf("answer-only url sent: %v", arts[0])
	}

	news, err := c.DraftBox.Get(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if len(news.NewsItem) != 2 || news.NewsItem[1].Title != "Second" || news.NewsItem[0].URL == "" || news.NewsItem[0].NeedOpenComment != 1 || news.CreateTime == 0 {
		t.Errorf("draft = %+v", news)
	}
	if _, body := reqA(t, srv, "POST /cgi-bin/draft/get"); body["media_id"] != id {
		t.Errorf("get body = %v", body)
	}

	upd := articleC("Second, revised", thumb)
	upd.URL = "ignored"
	if err := c.DraftBox.Update(ctx, id, 1, upd); err != nil {
		t.Fatal(err)
	}
	_, body = reqA(t, srv, "POST /cgi-bin/draft/update")
	if body["media_id"] != id || body["index"] != float64(1) || body["articles"].(map[string]any)["title"] != "Second, revised" {
		t.Errorf("update body = %v", body)
	}
	if _, ok := body["articles"].(map[string]any)["url"]; ok {
		t.Errorf("update sent url: %v", body)
	}
	if news, _ := c.DraftBox.Get(ctx, id); news.NewsItem[1].Title != "Second, revised" {
		t.Errorf("after update = %+v", news.NewsItem)
	}
	apiCodeA(t, c.DraftBox.Update(ctx, id, 2, upd), 40114)

	if n, err := c.DraftBox.Count(ctx); err != nil || n != 1 {
		t.Errorf("Count = %d, %v", n, err)
	}
	if err := c.DraftBox.Delete(ctx, id); err != nil {
		t.Fatal(err)
	}
	if _, body := reqA(t, srv, "POST /cgi-bin/draft/delete"); body["media_id"] != id {
		t.Errorf("delete body = %v", body)
	}
	if n, _ := c.DraftBox.Count(ctx); n != 0 {
		t.Errorf("Count after delete = %d", n)
	}
	_, err = c.DraftBox.Get(ctx, id)
	apiCodeA(t, err, 40007)
	apiCodeA(t, c.DraftBox.Delete(ctx, id), 40007)
}

func TestDraftBoxErrors(t *testing.T) {
	srv, c := newAClient(t)
	ctx := context.Background()
	_, err := c.DraftBox.Add(ctx, articleC("No such cover", "not-a-media-id"))
	apiCodeA(t, err, 40007)

	_, err = c.DraftBox.Add(ctx)
	argErrA(t, srv, "POST /cgi-bin/draft/get", err, "articles")
	_, err = c.DraftBox.Add(ctx, &oa.DraftArticle{Content: "x", ThumbMediaID: "m"})
	argErrA(t, srv, "POST /cgi-bin/draft/get", err, "articles[0].title")
	_, err = c.DraftBox.Add(ctx, articleC("ok", "m"), &oa.DraftArticle{Title: "t", Content: "c"})
	argErrA(t, srv, "POST /cgi-bin/draft/get", err, "articles[1].thumb_media_id")
	_, err = c.DraftBox.Get(ctx, "")
	argErrA(t, srv, "POST /cgi-bin/draft/get", err, "media_id")
	argErrA(t, srv, "POST /cgi-bin/draft/delete", c.DraftBox.Delete(ctx, ""), "media_id")
	argErrA(t, srv, "POST /cgi-bin/draft/update", c.DraftBox.Update(ctx, "m", -1, articleC("t", "m")), "index")
	argErrA(t, srv, "POST /cgi-bin/draft/update", c.DraftBox.Update(ctx, "m", 0, nil), "articles[0]")
	_, err = c.DraftBox.List(ctx, 0, 21, false)
	argErrA(t, srv, "POST /cgi-bin/draft/batchget", err, "count")
	_, err = c.DraftBox.List(ctx, -1, 5, false)
	argErrA(t, srv, "POST /cgi-bin/draft/batchget", err, "offset")
}

func TestDraftBoxListAndAll(t *testing.T) {
	srv, c := newAClient(t)
	ctx := context.Background()
	thumb := thumbC(t, c)
	var ids []string
	for i := range 7 {
		id, err := c.DraftBox.Add(ctx, articleC(fmt.Sprintf("draft %d", i), thumb))
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	page, err := c.DraftBox.List(ctx, 1, 2, true)
	if err != nil {
		t.Fatal(err)
	}
	if _, body := reqA(t, srv, "POST /cgi-bin/draft/batchget"); body["offset"] != float64(1) || body["count"] != float64(2) || body["no_content"] != float64(1) {
		t.Errorf("batchget body = %v", body)
	}
	if page.TotalCount != 7 || page.ItemCount != 2 || len(page.Items) != 2 || page.Items[0].MediaID != ids[5] ||
		page.Items[0].Content.NewsItem[0].Content != "" || page.Items[0].Content.NewsItem[0].Title != "draft 5" {
		t.Errorf("page = %+v", page)
	}

	before := srv.Count("POST /cgi-bin/draft/batchget")
	all, err := drainC(c.DraftBox.All(ctx, 3, false), 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 7 || all[0].MediaID != ids[6] || all[6].MediaID != ids[0] || all[6].Content.NewsItem[0].Content == "" {
		t.Errorf("All = %d items, first %+v", len(all), all[0])
	}
	if n := srv.Count("POST /cgi-bin/draft/batchget") - before; n != 3 {
		t.Errorf("All made %d requests, want 3", n)
	}
	before = srv.Count("POST /cgi-bin/draft/batchget")
	some, err := drainC(c.DraftBox.All(ctx, 0, true), 2)
	if err != nil || len(some) != 2 {
		t.Fatalf("early stop: %d, %v", len(some), err)
	}
	if n := srv.Count("POST /cgi-bin/draft/batchget") - before; n != 1 {
		t.Errorf("early stop made %d requests", n)
	}
	_, err = drainC(c.DraftBox.All(ctx, 50, false), 0)
	argErrA(t, srv, "POST /none", err, "count")
}
