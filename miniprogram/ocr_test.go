package miniprogram_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/miniprogram"
)

func TestOCRByURLAndUpload(t *testing.T) {
	srv, c := newClient(t)
	ctx := t.Context()
	num, err := c.OCR.BankCard(ctx, miniprogram.ImageURL("https://example.com/card.jpg?a=1"))
	if err != nil || num != "6222000011112222333" {
		t.Fatalf("BankCard = %q, %v", num, err)
	}
	rr, _ := last(t, srv, "POST /cv/ocr/bankcard")
	if rr.Query.Get("img_url") != "https://example.com/card.jpg?a=1" || len(rr.Body) != 0 {
		t.Errorf("by URL: query %v, body %q", rr.Query, rr.Body)
	}
	num, err = c.OCR.BankCard(ctx, miniprogram.ImageFile("card.jpg", strings.NewReader("\xff\xd8 card")))
	if err != nil || num == "" {
		t.Fatalf("BankCard upload = %q, %v", num, err)
	}
	rr, _ = last(t, srv, "POST /cv/ocr/bankcard")
	if rr.Query.Has("img_url") || !bytes.Contains(rr.Body, []byte(`name="img"; filename="card.jpg"`)) {
		t.Errorf("upload: query %v", rr.Query)
	}

	bl, err := c.OCR.BusinessLicense(ctx, miniprogram.ImageURL("https://example.com/bl.jpg"))
	if err != nil || bl.RegNum == "" || bl.EnterpriseName == "" || bl.CertPosition.Pos.RightBottom.X == 0 || bl.ImgSize.W == 0 {
		t.Fatalf("BusinessLicense = %+v, %v", bl, err)
	}
	dl, err := c.OCR.DriverLicense(ctx, miniprogram.ImageURL("https://example.com/dl.jpg"))
	if err != nil || dl.IDNum == "" || dl.CarClass != "C1" {
		t.Fatalf("DriverLicense = %+v, %v", dl, err)
	}
	front, err := c.OCR.IDCard(ctx, miniprogram.ImageURL("https://example.com/front.jpg"), "")
	if err != nil || front.Type != "Front" || front.ID == "" || front.Name == "" {
		t.Fatalf("IDCard front = %+v, %v", front, err)
	}
	if rr, _ := last(t, srv, "POST /cv/ocr/idcard"); rr.Query.Get("type") != miniprogram.OCRPhoto {
		t.Errorf("idcard query %v", rr.Query)
	}
	back, err := c.OCR.IDCard(ctx, miniprogram.ImageFile("back.png", strings.NewReader("back side")), miniprogram.OCRScan)
	if err != nil || back.Type != "Back" || back.ValidDate == "" {
		t.Fatalf("IDCard back = %+v, %v", back, err)
	}
	if rr, _ := last(t, srv, "POST /cv/ocr/idcard"); rr.Query.Get("type") != miniprogram.OCRScan {
		t.Errorf("idcard query %v", rr.Query)
	}
	pt, err := c.OCR.PrintedText(ctx, miniprogram.ImageURL("https://example.com/t.jpg"))
	if err != nil || len(pt.Items) != 2 || pt.Items[1].Text != "微信" || pt.ImgSize.H == 0 {
		t.Fatalf("PrintedText = %+v, %v", pt, err)
	}
	vl, err := c.OCR.VehicleLicense(ctx, miniprogram.ImageURL("https://example.com/v.jpg"), "")
	if err != nil || vl.PlateNum == "" || vl.VIN == "" {
		t.Fatalf("VehicleLicense = %+v, %v", vl, err)
	}

	// WeChat's OCR errors.
	_, err = c.OCR.BankCard(ctx, miniprogram.ImageURL("https://example.com/blank.jpg"))
	wantAPIError(t, err, fakewechat.CodeMPOCRNotFound)
	_, err = c.OCR.PrintedText(ctx, miniprogram.ImageURL("file:///etc/passwd"))
	wantAPIError(t, err, fakewechat.CodeMPOCRImageURL)

	before := len(srv.Requests())
	_, err = c.OCR.BankCard(ctx, miniprogram.Image{})
	wantArgError(t, srv, before, err, "img")
	_, err = c.OCR.BankCard(ctx, miniprogram.Image{URL: "https://x", Content: strings.NewReader("x"), Filename: "a"})
	wantArgError(t, srv, before, err, "img")
	_, err = c.OCR.BankCard(ctx, miniprogram.Image{Content: strings.NewReader("x")})
	wantArgError(t, srv, before, err, "img")
	_, err = c.OCR.IDCard(ctx, miniprogram.ImageURL("https://x"), "fax")
	wantArgError(t, srv, before, err, "type")
	_, err = c.OCR.VehicleLicense(ctx, miniprogram.ImageURL("https://x"), "fax")
	wantArgError(t, srv, before, err, "type")
}
