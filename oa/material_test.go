package oa_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/oa"
)

// multipartOf parses the last multipart request to pattern: form fields and
// the "media" file part's name and bytes.
func multipartOf(t *testing.T, srv *fakewechat.Server, pattern string) (fields map[string]string, filename string, data []byte) {
	t.Helper()
	rr, ok := srv.LastRequest(pattern)
	if !ok {
		t.Fatalf("no request for %s", pattern)
	}
	_, params, err := mime.ParseMediaType(rr.Header.Get("Content-Type"))
	if err != nil {
		t.Fatal(err)
	}
	mr := multipart.NewReader(bytes.NewReader(rr.Body), params["boundary"])
	fields = map[string]string{}
	for {
		p, err := mr.NextPart()
		if err == io.EOF {
			return fields, filename, data
		}
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(p)
		if p.FormName() == "media" {
			filename, data = p.FileName(), b
		} else {
			fields[p.FormName()] = string(b)
		}
	}
}

func readAllClose(t *testing.T, rc io.ReadCloser) []byte {
	t.Helper()
	defer rc.Close()
	b, err := io.ReadAll(rc)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestMaterialTemporaryMedia(t *testing.T) {
	srv, c := newBClient(t)
	ctx := context.Background()
	img := bytes.Repeat([]byte{0xff, 0xd8, 0x01}, 5000)
	up, err := c.Material.UploadMedia(ctx, oa.MediaImage, "photo.jpg", bytes.NewReader(img))
	if err != nil {
		t.Fatal(err)
	}
	if up.Type != oa.MediaImage || up.MediaID == "" || up.CreatedAt == 0 {
		t.Errorf("uploaded = %+v", up)
	}
	rr, _ := srv.LastRequest("POST /cgi-bin/media/upload")
	if rr.Query.Get("type") != "image" {
		t.Errorf("query = %v", rr.Query)
	}
	if _, name, data := multipartOf(t, srv, "POST /cgi-bin/media/upload"); name != "photo.jpg" || !bytes.Equal(data, img) {
		t.Errorf("uploaded part %q, %d bytes", name, len(data))
	}

	dl, err := c.Material.GetMedia(ctx, up.MediaID)
	if err != nil {
		t.Fatal(err)
	}
	if dl.VideoURL != "" || dl.ContentType != "image/jpeg" || dl.Filename != "photo.jpg" {
		t.Errorf("download = %+v", dl)
	}
	if got := readAllClose(t, dl); !bytes.Equal(got, img) {
		t.Errorf("downloaded %d bytes, want the %d uploaded", len(got), len(img))
	}
	if rr, _ := srv.LastRequest("GET /cgi-bin/media/get"); rr.Query.Get("media_id") != up.MediaID {
		t.Errorf("media/get query = %v", rr.Query)
	}

	// Thumbs answer thumb_media_id; the SDK exposes it as MediaID.
	th, err := c.Material.UploadMedia(ctx, oa.MediaThumb, "t.jpg", strings.NewReader("thumb"))
	if err != nil || th.MediaID == "" || th.Type != oa.MediaThumb {
		t.Fatalf("thumb = %+v, %v", th, err)
	}

	// Videos: media/get answers JSON with video_url, which serves the file.
	video := []byte("fake mp4 bytes")
	v, err := c.Material.UploadMedia(ctx, oa.MediaVideo, "clip.mp4", bytes.NewReader(video))
	if err != nil {
		t.Fatal(err)
	}
	vdl, err := c.Material.GetMedia(ctx, v.MediaID)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(vdl.VideoURL, "http://") {
		t.Fatalf("VideoURL = %q", vdl.VideoURL)
	}
	if body := readAllClose(t, vdl); !strings.Contains(string(body), "video_url") {
		t.Errorf("video download stream = %q, want the JSON answer", body)
	}
	resp, err := srv.Client().Get(vdl.VideoURL)
	if err != nil {
		t.Fatal(err)
	}
	if got := readAllClose(t, resp.Body); !bytes.Equal(got, video) {
		t.Errorf("video_url served %q", got)
	}

	// Temporary media expire after 3 days.
	srv.Advance(73 * time.Hour)
	_, err = c.Material.GetMedia(ctx, up.MediaID)
	wantAPIError(t, err, 40007)
}

func TestMaterialUploadErrors(t *testing.T) {
	srv, c := newBClient(t)
	ctx := context.Background()
	_, err := c.Material.UploadMedia(ctx, oa.MediaImage, "doc.pdf", strings.NewReader("x"))
	wantAPIError(t, err, 40005)
	_, err = c.Material.UploadMedia(ctx, oa.MediaThumb, "big.jpg", bytes.NewReader(make([]byte, 65<<10)))
	wantAPIError(t, err, 40012)
	_, err = c.Material.GetMedia(ctx, "no-such-media")
	wantAPIError(t, err, 40007)

	before := len(srv.Requests())
	_, err = c.Material.UploadMedia(ctx, oa.MediaNews, "a.jpg", strings.NewReader("x"))
	wantArgError(t, srv, before, err, "type")
	_, err = c.Material.UploadMedia(ctx, oa.MediaImage, "", strings.NewReader("x"))
	wantArgError(t, srv, before, err, "media")
	_, err = c.Material.UploadMedia(ctx, oa.MediaImage, "a.jpg", nil)
	wantArgError(t, srv, before, err, "media")
	_, err = c.Material.GetMedia(ctx, "")
	wantArgError(t, srv, before, err, "media_id")
	_, err = c.Material.Add(ctx, oa.MediaVideo, "a.mp4", strings.NewReader("x"))
	wantArgError(t, srv, before, err, "type")
	_, err = c.Material.AddVideo(ctx, "", "intro", "a.mp4", strings.NewReader("x"))
	wantArgError(t, srv, before, err, "description.title")
	_, err = c.Material.UploadNews(ctx, nil)
	wantArgError(t, srv, before, err, "articles")
	_, err = c.Material.UploadVideo(ctx, &oa.UploadVideoRequest{})
	wantArgError(t, srv, before, err, "media_id")
	_, err = c.Material.AddNews(ctx, nil)
	wantArgError(t, srv, before, err, "articles")
	wantArgError(t, srv, before, c.Material.UpdateNews(ctx, "", 0, &oa.MaterialArticle{}), "media_id")
	wantArgError(t, srv, before, c.Material.UpdateNews(ctx, "m", -1, &oa.MaterialArticle{}), "index")
	wantArgError(t, srv, before, c.Material.UpdateNews(ctx, "m", 0, nil), "articles")
	wantArgError(t, srv, before, c.Material.Delete(ctx, ""), "media_id")
	_, err = c.Material.Get(ctx, "")
	wantArgError(t, srv, before, err, "media_id")
	_, err = c.Material.List(ctx, oa.MediaImage, 0, 21)
	wantArgError(t, srv, before, err, "count")
	_, err = c.Material.List(ctx, oa.MediaThumb, 0, 10)
	wantArgError(t, srv, before, err, "type")
	_, err = c.Material.List(ctx, oa.MediaImage, -1, 10)
	wantArgError(t, srv, before, err, "offset")
}

func TestMaterialFileVariants(t *testing.T) {
	srv, c := newBClient(t)
	ctx := context.Background()
	dir := t.TempDir()
	p := filepath.Join(dir, "cover.jpg")
	content := []byte("jpeg bytes from a file")
	if err := os.WriteFile(p, content, 0o600); err != nil {
		t.Fatal(err)
	}
	m, err := c.Material.UploadMediaFile(ctx, oa.MediaImage, p)
	if err != nil {
		t.Fatal(err)
	}
	if _, name, data := multipartOf(t, srv, "POST /cgi-bin/media/upload"); name != "cover.jpg" || !bytes.Equal(data, content) || m.MediaID == "" {
		t.Errorf("UploadMediaFile sent %q %q", name, data)
	}
	u, err := c.Material.UploadImageFile(ctx, p)
	if err != nil || !strings.HasPrefix(u, "http://mmbiz.qpic.cn/") {
		t.Errorf("UploadImageFile = %q, %v", u, err)
	}
	pm, err := c.Material.AddFile(ctx, oa.MediaImage, p)
	if err != nil || pm.MediaID == "" || pm.URL == "" {
		t.Errorf("AddFile = %+v, %v", pm, err)
	}
	if _, err := c.Material.AddFile(ctx, oa.MediaImage, filepath.Join(dir, "missing.jpg")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("AddFile of a missing file: %v", err)
	}
}

// A seekable upload is replayed after a token refresh.
func TestMaterialUploadRetriedAfterTokenRejected(t *testing.T) {
	srv, c := newBClient(t)
	ctx := context.Background()
	if _, err := c.AccessToken(ctx); err != nil {
		t.Fatal(err)
	}
	srv.ExpireTokens()
	data := []byte("image bytes")
	if _, err := c.Material.UploadMedia(ctx, oa.MediaImage, "a.png", bytes.NewReader(data)); err != nil {
		t.Fatal(err)
	}
	if n := srv.Count("POST /cgi-bin/media/upload"); n != 2 {
		t.Errorf("upload sent %d times, want 2", n)
	}
	if _, _, got := multipartOf(t, srv, "POST /cgi-bin/media/upload"); !bytes.Equal(got, data) {
		t.Errorf("replayed upload carried %q", got)
	}
}

func TestMaterialUploadImageAndMassNews(t *testing.T) {
	srv, c := newBClient(t)
	ctx := context.Background()
	u, err := c.Material.UploadImage(ctx, "in-article.png", strings.NewReader("png"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(u, "http://mmbiz.qpic.cn/mmbiz_png/") {
		t.Errorf("url = %q", u)
	}
	if _, err := c.Material.UploadImage(ctx, "a.gif", strings.NewReader("gif")); err == nil {
		t.Error("uploadimg accepted a gif")
	} else {
		wantAPIError(t, err, 40005)
	}

	thumb, err := c.Material.UploadMedia(ctx, oa.MediaThumb, "t.jpg", strings.NewReader("t"))
	if err != nil {
		t.Fatal(err)
	}
	news, err := c.Material.UploadNews(ctx, []oa.MaterialArticle{{
		Title: "Title", ThumbMediaID: thumb.MediaID, Author: "me", Digest: "d", ShowCoverPic: 1,
		Content: `<p><img src="` + u + `"></p>`, ContentSourceURL: "https://src", NeedOpenComment: 1, OnlyFansCanComment: 1,
	}})
	if err != nil {
		t.Fatal(err)
	}
	if news.Type != "news" || news.MediaID == "" {
		t.Errorf("news = %+v", news)
	}
	want := `{"articles":[{"title":"Title","thumb_media_id":"` + thumb.MediaID + `","author":"me","digest":"d","show_cover_pic":1,` +
		`"content":"<p><img src=\"` + u + `\"></p>","content_source_url":"https://src","need_open_comment":1,"only_fans_can_comment":1}]}`
	if got := lastJSON(t, srv, "POST /cgi-bin/media/uploadnews"); got != want {
		t.Errorf("uploadnews body =\n%s\nwant\n%s", got, want)
	}
	_, err = c.Material.UploadNews(ctx, []oa.MaterialArticle{{Title: "T", ThumbMediaID: "nope", Content: "c"}})
	wantAPIError(t, err, 40007)
	nine := make([]oa.MaterialArticle, 9)
	for i := range nine {
		nine[i] = oa.MaterialArticle{Title: "T", ThumbMediaID: thumb.MediaID, Content: "c"}
	}
	_, err = c.Material.UploadNews(ctx, nine)
	wantAPIError(t, err, 45008)

	v, err := c.Material.UploadMedia(ctx, oa.MediaVideo, "v.mp4", strings.NewReader("mp4"))
	if err != nil {
		t.Fatal(err)
	}
	mv, err := c.Material.UploadVideo(ctx, &oa.UploadVideoRequest{MediaID: v.MediaID, Title: "T", Description: "D"})
	if err != nil {
		t.Fatal(err)
	}
	if mv.Type != oa.MediaVideo || mv.MediaID == "" || mv.MediaID == v.MediaID {
		t.Errorf("uploadvideo = %+v", mv)
	}
	if got := lastJSON(t, srv, "POST /cgi-bin/media/uploadvideo"); got != `{"media_id":"`+v.MediaID+`","title":"T","description":"D"}` {
		t.Errorf("uploadvideo body = %s", got)
	}
	_, err = c.Material.UploadVideo(ctx, &oa.UploadVideoRequest{MediaID: thumb.MediaID})
	wantAPIError(t, err, 40007)
}

func TestMaterialPermanent(t *testing.T) {
	srv, c := newBClient(t)
	ctx := context.Background()
	imgData := []byte("permanent image")
	img, err := c.Material.Add(ctx, oa.MediaImage, "p.png", bytes.NewReader(imgData))
	if err != nil {
		t.Fatal(err)
	}
	if img.MediaID == "" || img.URL == "" {
		t.Errorf("image material = %+v", img)
	}
	if rr, _ := srv.LastRequest("POST /cgi-bin/material/add_material"); rr.Query.Get("type") != "image" {
		t.Errorf("add_material query = %v", rr.Query)
	}
	dl, err := c.Material.Get(ctx, img.MediaID)
	if err != nil {
		t.Fatal(err)
	}
	if got := readAllClose(t, dl); !bytes.Equal(got, imgData) || dl.ContentType != "image/png" {
		t.Errorf("get_material = %q (%s)", got, dl.ContentType)
	}
	if got := lastBody(t, srv, "POST /cgi-bin/material/get_material"); got["media_id"] != img.MediaID {
		t.Errorf("get_material body = %v", got)
	}

	videoData := []byte("permanent video")
	vid, err := c.Material.AddVideo(ctx, "Launch", "Our launch video", "launch.mp4", bytes.NewReader(videoData))
	if err != nil {
		t.Fatal(err)
	}
	fields, name, data := multipartOf(t, srv, "POST /cgi-bin/material/add_material")
	if name != "launch.mp4" || !bytes.Equal(data, videoData) || fields["description"] != `{"title":"Launch","introduction":"Our launch video"}` {
		t.Errorf("add video sent %q %q fields %v", name, data, fields)
	}
	if rr, _ := srv.LastRequest("POST /cgi-bin/material/add_material"); rr.Query.Get("type") != "video" {
		t.Errorf("add video query = %v", rr.Query)
	}
	vm, err := c.Material.GetVideo(ctx, vid.MediaID)
	if err != nil {
		t.Fatal(err)
	}
	if vm.Title != "Launch" || vm.Description != "Our launch video" || vm.DownURL == "" {
		t.Errorf("video material = %+v", vm)
	}
	resp, err := srv.Client().Get(vm.DownURL)
	if err != nil {
		t.Fatal(err)
	}
	if got := readAllClose(t, resp.Body); resp.StatusCode != http.StatusOK || !bytes.Equal(got, videoData) {
		t.Errorf("down_url served %d %q", resp.StatusCode, got)
	}

	thumb, err := c.Material.Add(ctx, oa.MediaThumb, "t.jpg", strings.NewReader("thumb"))
	if err != nil {
		t.Fatal(err)
	}
	articles := []oa.MaterialArticle{
		{Title: "One", ThumbMediaID: thumb.MediaID, Content: "<p>1</p>", ShowCoverPic: 1, NeedOpenComment: 1},
		{Title: "Two", ThumbMediaID: thumb.MediaID, Content: "<p>2</p>"},
	}
	newsID, err := c.Material.AddNews(ctx, articles)
	if err != nil {
		t.Fatal(err)
	}
	if got := lastBody(t, srv, "POST /cgi-bin/material/add_news"); len(got["articles"].([]any)) != 2 {
		t.Errorf("add_news body = %v", got)
	}
	err = c.Material.UpdateNews(ctx, newsID, 1, &oa.MaterialArticle{Title: "Two v2", ThumbMediaID: thumb.MediaID, Content: "<p>2b</p>", NeedOpenComment: 1, URL: "x"})
	if err != nil {
		t.Fatal(err)
	}
	want := `{"media_id":"` + newsID + `","index":1,"articles":{"title":"Two v2","thumb_media_id":"` + thumb.MediaID + `","show_cover_pic":0,"content":"<p>2b</p>"}}`
	if got := lastJSON(t, srv, "POST /cgi-bin/material/update_news"); got != want {
		t.Errorf("update_news body =\n%s\nwant\n%s", got, want)
	}
	wantAPIError(t, c.Material.UpdateNews(ctx, newsID, 2, &articles[0]), 40114)
	wantAPIError(t, c.Material.UpdateNews(ctx, img.MediaID, 0, &articles[0]), 40007)

	news, err := c.Material.GetNews(ctx, newsID)
	if err != nil {
		t.Fatal(err)
	}
	if len(news.NewsItem) != 2 || news.NewsItem[1].Title != "Two v2" || news.NewsItem[0].URL == "" || news.NewsItem[0].ShowCoverPic != 1 || news.UpdateTime == 0 {
		t.Errorf("news = %+v", news)
	}
	// Get of a news material streams its JSON.
	ndl, err := c.Material.Get(ctx, newsID)
	if err != nil {
		t.Fatal(err)
	}
	var raw oa.NewsMaterial
	if err := json.Unmarshal(readAllClose(t, ndl), &raw); err != nil || len(raw.NewsItem) != 2 {
		t.Errorf("streamed news = %+v, %v", raw, err)
	}

	cnt, err := c.Material.Count(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// The thumb is not counted as an image.
	if *cnt != (oa.MaterialCount{ImageCount: 1, VideoCount: 1, NewsCount: 1}) {
		t.Errorf("count = %+v", *cnt)
	}
	if err := c.Material.Delete(ctx, img.MediaID); err != nil {
		t.Fatal(err)
	}
	if got := lastBody(t, srv, "POST /cgi-bin/material/del_material"); got["media_id"] != img.MediaID {
		t.Errorf("del body = %v", got)
	}
	wantAPIError(t, c.Material.Delete(ctx, img.MediaID), 40007)
	_, err = c.Material.Get(ctx, img.MediaID)
	wantAPIError(t, err, 40007)
	if cnt, _ = c.Material.Count(ctx); cnt.ImageCount != 0 {
		t.Errorf("count after delete = %+v", cnt)
	}
	_, err = c.Material.AddNews(ctx, []oa.MaterialArticle{{Title: "x", ThumbMediaID: thumb.MediaID}})
	wantAPIError(t, err, 44004)
}

func TestMaterialListAndAll(t *testing.T) {
	srv, c := newBClient(t)
	ctx := context.Background()
	var ids []string
	for i := range 7 {
		m, err := c.Material.Add(ctx, oa.MediaImage, fmt.Sprintf("img%d.jpg", i), strings.NewReader("img"))
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, m.MediaID)
	}
	page, err := c.Material.List(ctx, oa.MediaImage, 2, 3)
	if err != nil {
		t.Fatal(err)
	}
	if got := lastJSON(t, srv, "POST /cgi-bin/material/batchget_material"); got != `{"type":"image","offset":2,"count":3}` {
		t.Errorf("batchget body = %s", got)
	}
	if page.TotalCount != 7 || page.ItemCount != 3 || len(page.Items) != 3 || page.Items[0].Name == "" || page.Items[0].URL == "" || page.Items[0].UpdateTime == 0 {
		t.Errorf("page = %+v", page)
	}

	before := srv.Count("POST /cgi-bin/material/batchget_material")
	seen := map[string]bool{}
	for it, err := range c.Material.All(ctx, oa.MediaImage, 3) {
		if err != nil {
			t.Fatal(err)
		}
		if seen[it.MediaID] {
			t.Fatalf("%s yielded twice", it.MediaID)
		}
		seen[it.MediaID] = true
	}
	if len(seen) != len(ids) {
		t.Errorf("All yielded %d items, want %d", len(seen), len(ids))
	}
	if n := srv.Count("POST /cgi-bin/material/batchget_material") - before; n != 3 {
		t.Errorf("All fetched %d pages, want 3", n)
	}

	// Stopping early fetches no further page.
	before = srv.Count("POST /cgi-bin/material/batchget_material")
	n := 0
	for _, err := range c.Material.All(ctx, oa.MediaImage, 3) {
		if err != nil {
			t.Fatal(err)
		}
		if n++; n == 2 {
			break
		}
	}
	if got := srv.Count("POST /cgi-bin/material/batchget_material") - before; got != 1 {
		t.Errorf("early stop fetched %d pages, want 1", got)
	}

	// News items carry their articles.
	thumb, _ := c.Material.Add(ctx, oa.MediaThumb, "t.jpg", strings.NewReader("t"))
	if _, err := c.Material.AddNews(ctx, []oa.MaterialArticle{{Title: "N", ThumbMediaID: thumb.MediaID, Content: "c"}}); err != nil {
		t.Fatal(err)
	}
	var news []oa.MaterialItem
	for it, err := range c.Material.All(ctx, oa.MediaNews, 0) {
		if err != nil {
			t.Fatal(err)
		}
		news = append(news, it)
	}
	if len(news) != 1 || news[0].Content == nil || news[0].Content.NewsItem[0].Title != "N" {
		t.Errorf("news items = %+v", news)
	}
	if got := lastBody(t, srv, "POST /cgi-bin/material/batchget_material"); got["count"] != float64(20) {
		t.Errorf("default page size sent %v", got["count"])
	}

	// An error is yielded once and ends the iteration.
	if err := srv.Inject(fakewechat.Fault{Path: "POST /cgi-bin/material/batchget_material", Errcode: 45009, Times: 1}); err != nil {
		t.Fatal(err)
	}
	var errs int
	for _, err := range c.Material.All(ctx, oa.MediaImage, 3) {
		if err == nil {
			t.Fatal("item yielded despite the error")
		}
		wantAPIError(t, err, 45009)
		errs++
	}
	if errs != 1 {
		t.Errorf("%d errors yielded", errs)
	}
	// A bad page size is yielded as an error.
	for _, err := range c.Material.All(ctx, oa.MediaImage, 50) {
		var argErr *oa.InvalidArgumentError
		if !errors.As(err, &argErr) {
			t.Errorf("err = %v", err)
		}
	}
}

// roundTripFunc answers requests without a network.
type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

// FuzzMaterialGetMedia feeds arbitrary media/get answers to GetMedia: it
// must return a download or an error, never panic.
func FuzzMaterialGetMedia(f *testing.F) {
	f.Add("application/json", []byte(`{"video_url":"http://v/1.mp4"}`))
	f.Add("application/json", []byte(`{"errcode":40007,"errmsg":"invalid media_id"}`))
	f.Add("text/plain", []byte(`{"video_url":`))
	f.Add("image/jpeg", []byte{0xff, 0xd8, 0xff})
	f.Add("application/json; charset=utf-8", []byte(`[1,2]`))
	f.Add("", []byte(nil))
	f.Fuzz(func(t *testing.T, contentType string, body []byte) {
		hc := &http.Client{Transport: roundTripFunc(func(r *http.Request) (*http.Response, error) {
			h := http.Header{}
			if r.URL.Path == "/cgi-bin/token" {
				h.Set("Content-Type", "application/json")
				return &http.Response{StatusCode: 200, Header: h, Body: io.NopCloser(strings.NewReader(`{"access_token":"tok","expires_in":7200}`)), Request: r}, nil
			}
			h.Set("Content-Type", contentType)
			return &http.Response{StatusCode: 200, Header: h, Body: io.NopCloser(bytes.NewReader(body)), ContentLength: int64(len(body)), Request: r}, nil
		})}
		c, err := oa.New(wechat.Config{AppID: "wxfuzz", AppSecret: "s"}, wechat.WithBaseURL("http://fuzz.invalid"),
			wechat.WithStore(wechat.NewMemoryStore()), wechat.WithHTTPClient(hc), wechat.WithRetry(wechat.RetryPolicy{MaxAttempts: 1}))
		if err != nil {
			t.Fatal(err)
		}
		dl, err := c.Material.GetMedia(context.Background(), "m")
		if err != nil {
			if dl != nil {
				t.Fatal("download returned with an error")
			}
			return
		}
		got, err := io.ReadAll(dl)
		dl.Close()
		if err != nil || !bytes.Equal(got, body) {
			t.Fatalf("stream = %q, %v; want the answer %q", got, err, body)
		}
	})
}

func BenchmarkMaterialUploadMedia(b *testing.B) {
	_, c := newBClient(b)
	ctx := context.Background()
	data := bytes.Repeat([]byte("x"), 64<<10)
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := c.Material.UploadMedia(ctx, oa.MediaImage, "a.jpg", bytes.NewReader(data)); err != nil {
			b.Fatal(err)
		}
	}
}
