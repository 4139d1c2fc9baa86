package work_test

import (
	"bytes"
	"crypto/md5"
	"encoding/hex"
	"io"
	"mime"
	"mime/multipart"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/work"
)

// uploadedFileA returns the filename and content of the "media" part of
// the last multipart request to pattern.
func uploadedFileA(t *testing.T, srv *fakewechat.Server, pattern string) (string, []byte) {
	t.Helper()
	rec, ok := srv.LastRequest(fakewechat.WeComPath(pattern))
	if !ok {
		t.Fatalf("no request %s", pattern)
	}
	_, params, err := mime.ParseMediaType(rec.Header.Get("Content-Type"))
	if err != nil {
		t.Fatal(err)
	}
	mr := multipart.NewReader(bytes.NewReader(rec.Body), params["boundary"])
	for {
		p, err := mr.NextPart()
		if err != nil {
			t.Fatalf("no media part: %v", err)
		}
		if p.FormName() == "media" {
			data, _ := io.ReadAll(p)
			return p.FileName(), data
		}
	}
}

func TestMaterialUploadAndGet(t *testing.T) {
	srv, bot := botA(t)
	pdf := []byte("%PDF-1.4 fake document")
	m, err := bot.Material.Upload(ctxA, work.MediaFile, "report.pdf", bytes.NewReader(pdf))
	if err != nil {
		t.Fatal(err)
	}
	if m.Type != work.MediaFile || m.MediaID == "" || m.CreatedAt == "" {
		t.Fatalf("uploaded %+v", m)
	}
	if lastQueryA(t, srv, "POST /cgi-bin/media/upload", "type") != "file" {
		t.Fatal("type query")
	}
	if name, data := uploadedFileA(t, srv, "POST /cgi-bin/media/upload"); name != "report.pdf" || !bytes.Equal(data, pdf) {
		t.Fatalf("sent %q %q", name, data)
	}
	dl, err := bot.Material.Get(ctxA, m.MediaID)
	if err != nil {
		t.Fatal(err)
	}
	defer dl.Close()
	got, _ := io.ReadAll(dl)
	if !bytes.Equal(got, pdf) || dl.Filename != "report.pdf" || dl.ContentType != "application/pdf" {
		t.Fatalf("download %q %q %q", got, dl.Filename, dl.ContentType)
	}
	if lastQueryA(t, srv, "GET /cgi-bin/media/get", "media_id") != m.MediaID {
		t.Fatal("media_id query")
	}
	// The uploaded media can be sent.
	if _, err := bot.Message.SendFile(ctxA, work.ToUsers("zhangsan"), m.MediaID); err != nil {
		t.Fatal(err)
	}
	_, err = bot.Material.Get(ctxA, "nope")
	wantCodeA(t, err, fakewechat.CodeInvalidMediaID)
	srv.Advance(73 * time.Hour)
	_, err = bot.Material.Get(ctxA, m.MediaID)
	wantCodeA(t, err, fakewechat.CodeInvalidMediaID)
}

func TestMaterialUploadErrors(t *testing.T) {
	srv, bot := botA(t)
	_, err := bot.Material.Upload(ctxA, "thumb", "a.jpg", strings.NewReader("xxxxxxxx"))
	wantArgA(t, err, "type")
	_, err = bot.Material.Upload(ctxA, work.MediaImage, "", strings.NewReader("xxxxxxxx"))
	wantArgA(t, err, "media")
	_, err = bot.Material.Upload(ctxA, work.MediaImage, "a.png", nil)
	wantArgA(t, err, "media")
	if srv.Count(fakewechat.WeComPath("POST /cgi-bin/media/upload")) != 0 {
		t.Fatal("invalid upload sent")
	}
	_, err = bot.Material.Upload(ctxA, work.MediaVoice, "a.mp3", strings.NewReader("xxxxxxxx"))
	wantCodeA(t, err, fakewechat.CodeInvalidFileType)
	_, err = bot.Material.Upload(ctxA, work.MediaImage, "a.png", strings.NewReader("xx"))
	wantCodeA(t, err, fakewechat.CodeWeComInvalidFileSize)
	_, err = bot.Material.Get(ctxA, "")
	wantArgA(t, err, "media_id")
}

func TestMaterialUploadFilesAndImage(t *testing.T) {
	srv, bot := botA(t)
	dir := t.TempDir()
	p := filepath.Join(dir, "logo.png")
	png := []byte("\x89PNG\r\n\x1a\nfake")
	if err := os.WriteFile(p, png, 0o600); err != nil {
		t.Fatal(err)
	}
	m, err := bot.Material.UploadFile(ctxA, work.MediaImage, p)
	if err != nil || m.Type != work.MediaImage {
		t.Fatal(m, err)
	}
	u, err := bot.Material.UploadImageFile(ctxA, p)
	if err != nil || !strings.HasPrefix(u, "http") {
		t.Fatal(u, err)
	}
	if name, data := uploadedFileA(t, srv, "POST /cgi-bin/media/uploadimg"); name != "logo.png" || !bytes.Equal(data, png) {
		t.Fatalf("uploadimg sent %q", name)
	}
	_, err = bot.Material.UploadImage(ctxA, "doc.pdf", bytes.NewReader(png))
	wantCodeA(t, err, fakewechat.CodeInvalidFileType)
	if _, err := bot.Material.UploadFile(ctxA, work.MediaImage, filepath.Join(dir, "missing.png")); !os.IsNotExist(err) {
		t.Fatalf("missing file: %v", err)
	}
}

func TestMaterialHDVoice(t *testing.T) {
	srv, bot := botA(t)
	voice := srv.AddWeComMedia(fakewechat.DefaultCorpID, "voice", "rec.amr", []byte("#!AMR fake voice"))
	img := srv.AddWeComMedia(fakewechat.DefaultCorpID, "image", "a.png", []byte("fake image"))
	dl, err := bot.Material.GetHDVoice(ctxA, voice)
	if err != nil {
		t.Fatal(err)
	}
	data, _ := io.ReadAll(dl)
	dl.Close()
	if string(data) != "#!AMR fake voice" || dl.ContentType != "audio/speex" {
		t.Fatalf("voice %q %q", data, dl.ContentType)
	}
	_, err = bot.Material.GetHDVoice(ctxA, img)
	wantCodeA(t, err, fakewechat.CodeInvalidMediaID)
}

func TestMaterialUploadByURL(t *testing.T) {
	srv, bot := botA(t)
	sum := md5.Sum([]byte("video"))
	job, err := bot.Material.UploadByURL(ctxA, work.UploadByURLRequest{Type: work.MediaVideo, Filename: "v.mp4", URL: "https://cdn.example.com/v.mp4", MD5: hex.EncodeToString(sum[:])})
	if err != nil || job == "" {
		t.Fatal(job, err)
	}
	if b := lastBodyA(t, srv, "POST /cgi-bin/media/upload_by_url"); b["scene"] != float64(1) || b["type"] != "video" || b["filename"] != "v.mp4" {
		t.Fatalf("body %v", b)
	}
	res, err := bot.Material.UploadByURLResult(ctxA, job)
	if err != nil || res.Status != 2 || res.Detail.MediaID == "" {
		t.Fatalf("result %+v %v", res, err)
	}
	_, err = bot.Material.UploadByURL(ctxA, work.UploadByURLRequest{Type: work.MediaImage})
	wantArgA(t, err, "type")
	_, err = bot.Material.UploadByURL(ctxA, work.UploadByURLRequest{Type: work.MediaFile, Filename: "f", URL: "ftp://x", MD5: "short"})
	wantCodeA(t, err, fakewechat.CodeWeComInvalidParameter)
	_, err = bot.Material.UploadByURLResult(ctxA, "")
	wantArgA(t, err, "jobid")
}
