package miniprogram_test

import (
	"image/png"
	"io"
	"strings"
	"testing"

	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/miniprogram"
)

// readPNG decodes a streamed image and checks its size.
func readPNG(t *testing.T, dl io.ReadCloser, width int) {
	t.Helper()
	defer dl.Close()
	img, err := png.Decode(dl)
	if err != nil {
		t.Fatalf("not a PNG: %v", err)
	}
	if b := img.Bounds(); b.Dx() != width || b.Dy() != width {
		t.Fatalf("image %v, want %dx%d", b, width, width)
	}
}

func TestCodeGet(t *testing.T) {
	srv, c := newClient(t)
	ctx := t.Context()
	dl, err := c.Code.Get(ctx, "pages/item/item?id=42", &miniprogram.CodeOptions{Width: 300, LineColor: &miniprogram.RGB{R: 255, G: 10}, IsHyaline: true, EnvVersion: miniprogram.EnvTrial})
	if err != nil {
		t.Fatal(err)
	}
	if dl.ContentType != "image/png" || dl.Length <= 0 {
		t.Errorf("download = %+v", dl)
	}
	readPNG(t, dl, 300)
	_, body := last(t, srv, "POST /wxa/getwxacode")
	if asJSON(t, body) != `{"env_version":"trial","is_hyaline":true,"line_color":{"b":0,"g":10,"r":255},"path":"pages/item/item?id=42","width":300}` {
		t.Errorf("body = %s", asJSON(t, body))
	}
	dl, err = c.Code.Get(ctx, "pages/index/index", nil)
	if err != nil {
		t.Fatal(err)
	}
	readPNG(t, dl, 430)
	if _, body = last(t, srv, "POST /wxa/getwxacode"); asJSON(t, body) != `{"path":"pages/index/index"}` {
		t.Errorf("body = %v", body)
	}
	// A JSON error in place of the image.
	srv.MPSetCodeQuota(fakewechat.DefaultAppID, 0)
	_, err = c.Code.Get(ctx, "pages/index/index", nil)
	wantAPIError(t, err, fakewechat.CodeMPCodeLimit)

	before := len(srv.Requests())
	_, err = c.Code.Get(ctx, "", nil)
	wantArgError(t, srv, before, err, "path")
	_, err = c.Code.Get(ctx, strings.Repeat("p", 1025), nil)
	wantArgError(t, srv, before, err, "path")
	_, err = c.Code.Get(ctx, "p", &miniprogram.CodeOptions{Width: 1281})
	wantArgError(t, srv, before, err, "width")
	_, err = c.Code.Get(ctx, "p", &miniprogram.CodeOptions{EnvVersion: "beta"})
	wantArgError(t, srv, before, err, "env_version")
	_, err = c.Code.Get(ctx, "p", &miniprogram.CodeOptions{LineColor: &miniprogram.RGB{B: 256}})
	wantArgError(t, srv, before, err, "line_color")
}

func TestCodeGetUnlimited(t *testing.T) {
	srv, c := newClient(t)
	ctx := t.Context()
	srv.MPSetPages(fakewechat.DefaultAppID, "pages/index/index")
	no := false
	dl, err := c.Code.GetUnlimited(ctx, &miniprogram.UnlimitedCode{Scene: "a=1&b=2", Page: "pages/draft/draft", CheckPath: &no,
		CodeOptions: miniprogram.CodeOptions{Width: 1280, AutoColor: true}})
	if err != nil {
		t.Fatal(err)
	}
	readPNG(t, dl, 1280)
	_, body := last(t, srv, "POST /wxa/getwxacodeunlimit")
	if asJSON(t, body) != `{"auto_color":true,"check_path":false,"page":"pages/draft/draft","scene":"a=1\u0026b=2","width":1280}` {
		t.Errorf("body = %s", asJSON(t, body))
	}
	codes := srv.MPCodes(fakewechat.DefaultAppID)
	if len(codes) != 1 || codes[0].Scene != "a=1&b=2" || codes[0].Kind != "unlimited" {
		t.Errorf("codes = %+v", codes)
	}
	// An unpublished page with the default path check.
	_, err = c.Code.GetUnlimited(ctx, &miniprogram.UnlimitedCode{Scene: "x", Page: "pages/draft/draft"})
	wantAPIError(t, err, fakewechat.CodeMPInvalidPage)

	before := len(srv.Requests())
	for _, tc := range []struct {
		req *miniprogram.UnlimitedCode
		arg string
	}{
		{nil, "scene"},
		{&miniprogram.UnlimitedCode{}, "scene"},
		{&miniprogram.UnlimitedCode{Scene: strings.Repeat("s", 33)}, "scene"},
		{&miniprogram.UnlimitedCode{Scene: "中文"}, "scene"},
		{&miniprogram.UnlimitedCode{Scene: "a b"}, "scene"},
		{&miniprogram.UnlimitedCode{Scene: "s", Page: "/pages/index/index"}, "page"},
		{&miniprogram.UnlimitedCode{Scene: "s", CodeOptions: miniprogram.CodeOptions{Width: 100}}, "width"},
	} {
		_, err := c.Code.GetUnlimited(ctx, tc.req)
		wantArgError(t, srv, before, err, tc.arg)
	}
}

func TestCodeCreateQRCode(t *testing.T) {
	srv, c := newClient(t)
	ctx := t.Context()
	dl, err := c.Code.CreateQRCode(ctx, "pages/index/index?from=qr", 0)
	if err != nil {
		t.Fatal(err)
	}
	readPNG(t, dl, 430)
	if _, body := last(t, srv, "POST /cgi-bin/wxaapp/createwxaqrcode"); asJSON(t, body) != `{"path":"pages/index/index?from=qr"}` {
		t.Errorf("body = %v", body)
	}
	dl, err = c.Code.CreateQRCode(ctx, "pages/index/index", 280)
	if err != nil {
		t.Fatal(err)
	}
	readPNG(t, dl, 280)
	before := len(srv.Requests())
	_, err = c.Code.CreateQRCode(ctx, strings.Repeat("p", 129), 0)
	wantArgError(t, srv, before, err, "path")
	_, err = c.Code.CreateQRCode(ctx, "p", 279)
	wantArgError(t, srv, before, err, "width")
}
