package oa_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/oa"
)

func TestImagePlateNumber(t *testing.T) {
	ctx := context.Background()
	srv, c := newAClient(t)

	n, err := c.Image.PlateNumber(ctx, oa.PictureURL("https://example.com/car.jpg?a=1&b=2"))
	if err != nil || n != fakewechat.OAPlateNumber {
		t.Fatalf("PlateNumber = %q, %v", n, err)
	}
	if rr, _ := reqA(t, srv, "POST /cv/ocr/platenum"); rr.Query.Get("img_url") != "https://example.com/car.jpg?a=1&b=2" || len(rr.Body) != 0 {
		t.Errorf("platenum request %v %q", rr.Query, rr.Body)
	}
	n, err = c.Image.PlateNumber(ctx, oa.PictureFile("car.jpg", strings.NewReader("jpegdata")))
	if err != nil || n != "粤A12345" {
		t.Fatalf("PlateNumber upload = %q, %v", n, err)
	}
	if rr, _ := srv.LastRequest("POST /cv/ocr/platenum"); rr.Query.Has("img_url") || !bytes.Contains(rr.Body, []byte(`name="img"; filename="car.jpg"`)) {
		t.Errorf("platenum upload %v %q", rr.Query, rr.Body)
	}

	_, err = c.Image.PlateNumber(ctx, oa.PictureURL("https://example.com/blank.jpg"))
	apiCodeA(t, err, 101001)
	_, err = c.Image.PlateNumber(ctx, oa.PictureURL("ftp://example.com/car.jpg"))
	apiCodeA(t, err, 101000)
	_, err = c.Image.PlateNumber(ctx, oa.Picture{})
	argErrA(t, srv, "POST /none", err, "img")
	if n := srv.Count("POST /cv/ocr/platenum"); n != 4 {
		t.Errorf("%d platenum requests, want 4", n)
	}
}
