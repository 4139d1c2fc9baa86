package work_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/work"
)

func TestMaterialUploadAttachment(t *testing.T) {
	srv, bot := botA(t, fakewechat.WithClock(frozenClock))
	png := []byte("\x89PNG\r\n\x1a\nproduct photo")
	a, err := bot.Material.UploadAttachment(ctxA, work.MediaImage, work.AttachmentProductAlbum, "cup.png", bytes.NewReader(png))
	if err != nil {
		t.Fatal(err)
	}
	if a.Type != work.MediaImage || a.MediaID == "" {
		t.Fatalf("uploaded %+v", a)
	}
	if n, err := a.CreatedAt.Int64(); err != nil || n != srv.Now().Unix() {
		t.Errorf("created_at = %q, want %d", a.CreatedAt, srv.Now().Unix())
	}
	const path = "POST /cgi-bin/media/upload_attachment"
	if lastQueryA(t, srv, path, "media_type") != "image" || lastQueryA(t, srv, path, "attachment_type") != "2" {
		t.Error("query")
	}
	if name, data := uploadedFileA(t, srv, path); name != "cup.png" || !bytes.Equal(data, png) {
		t.Errorf("sent %q %q", name, data)
	}
	// The attachment is stored like other media: it can be downloaded and
	// used in a product.
	dl, err := bot.Material.Get(ctxA, a.MediaID)
	if err != nil {
		t.Fatal(err)
	}
	dl.Close()
	if _, err := bot.CustomerProductAlbum.Add(ctxA, &work.Product{Description: "cup", Price: 100, Attachments: []work.ProductAttachment{work.ProductImage(a.MediaID)}}); err != nil {
		t.Fatal(err)
	}

	p := filepath.Join(t.TempDir(), "clip.mp4")
	if err := os.WriteFile(p, []byte("fake mp4 video"), 0o600); err != nil {
		t.Fatal(err)
	}
	v, err := bot.Material.UploadAttachmentFile(ctxA, work.MediaVideo, work.AttachmentMoments, p)
	if err != nil || v.Type != work.MediaVideo {
		t.Fatal(v, err)
	}
	if lastQueryA(t, srv, path, "attachment_type") != "1" {
		t.Error("attachment_type")
	}
}

func TestMaterialUploadAttachmentErrors(t *testing.T) {
	srv, bot := botA(t)
	r := func() *strings.Reader { return strings.NewReader("some file content") }
	_, err := bot.Material.UploadAttachment(ctxA, work.MediaVoice, work.AttachmentMoments, "a.amr", r())
	wantArgA(t, err, "media_type")
	_, err = bot.Material.UploadAttachment(ctxA, work.MediaFile, work.AttachmentMoments, "a.pdf", r())
	wantArgA(t, err, "media_type")
	_, err = bot.Material.UploadAttachment(ctxA, work.MediaImage, 3, "a.png", r())
	wantArgA(t, err, "attachment_type")
	_, err = bot.Material.UploadAttachment(ctxA, work.MediaImage, work.AttachmentMoments, "", r())
	wantArgA(t, err, "media")
	if n := srv.Count(fakewechat.WeComPath("POST /cgi-bin/media/upload_attachment")); n != 0 {
		t.Fatalf("%d invalid uploads sent", n)
	}
	_, err = bot.Material.UploadAttachment(ctxA, work.MediaImage, work.AttachmentMoments, "a.gif", r())
	wantCodeA(t, err, fakewechat.CodeInvalidFileType)
	_, err = bot.Material.UploadAttachment(ctxA, work.MediaFile, work.AttachmentProductAlbum, "a.pdf", strings.NewReader("x"))
	wantCodeA(t, err, fakewechat.CodeWeComInvalidFileSize)
}
