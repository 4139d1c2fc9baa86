package oa_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/weixin-go/wechat/oa"
)

func TestImage(t *testing.T) {
	ctx := context.Background()
	srv, c := newAClient(t)

	crop, err := c.Image.AICrop(ctx, oa.PictureURL("https://example.com/a.jpg?x=1&y=2"), 1, 2.35)
	if err != nil || len(crop.Results) != 2 || crop.Results[0].CropRight != 839 || crop.ImgSize.W != 1000 {
		t.Fatalf("AICrop = %+v, %v", crop, err)
	}
	if rr, _ := reqA(t, srv, "POST /cv/img/aicrop"); rr.Query.Get("img_url") != "https://example.com/a.jpg?x=1&y=2" || rr.Query.Get("ratios") != "1,2.35" || len(rr.Body) != 0 {
		t.Errorf("aicrop request %v %q", rr.Query, rr.Body)
	}
	_, err = c.Image.AICrop(ctx, oa.PictureURL("https://example.com/a.jpg"), 1, 2, 3, 4, 5, 6)
	argErrA(t, srv, "POST /none", err, "ratios")

	qr, err := c.Image.ScanQRCode(ctx, oa.PictureFile("code.jpg", strings.NewReader("jpegdata")))
	if err != nil || len(qr.CodeResults) != 1 || qr.CodeResults[0].TypeName != "QR_CODE" || qr.CodeResults[0].Pos.RightBottom.X != 828 {
		t.Fatalf("ScanQRCode = %+v, %v", qr, err)
	}
	if rr, _ := srv.LastRequest("POST /cv/img/qrcode"); rr.Query.Has("img_url") || !bytes.Contains(rr.Body, []byte(`name="img"; filename="code.jpg"`)) {
		t.Errorf("qrcode upload %v %q", rr.Query, rr.Body)
	}
	_, err = c.Image.ScanQRCode(ctx, oa.PictureURL("https://example.com/blank.jpg"))
	apiCodeA(t, err, 101001)

	id, err := c.Image.SuperResolution(ctx, oa.PictureURL("https://example.com/small.jpg"))
	if err != nil || id == "" {
		t.Errorf("SuperResolution = %q, %v", id, err)
	}
	_, err = c.Image.SuperResolution(ctx, oa.Picture{})
	argErrA(t, srv, "POST /none", err, "img")
	_, err = c.Image.SuperResolution(ctx, oa.Picture{URL: "https://x", Content: strings.NewReader("x")})
	argErrA(t, srv, "POST /none", err, "img")
}
