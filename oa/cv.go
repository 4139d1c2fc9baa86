package oa

import (
	"context"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	wechat "github.com/weixin-go/wechat"
)

var (
	cvAICrop          = wechat.Endpoint{Method: http.MethodPost, Path: "/cv/img/aicrop"}
	cvQRCode          = wechat.Endpoint{Method: http.MethodPost, Path: "/cv/img/qrcode"}
	cvSuperResolution = wechat.Endpoint{Method: http.MethodPost, Path: "/cv/img/superresolution"}
	cvPlateNumber     = wechat.Endpoint{Method: http.MethodPost, Path: "/cv/ocr/platenum"}
)

// Picture is the image an image-processing call reads: either URL (WeChat
// fetches it) or Content, streamed as a multipart upload under Filename.
type Picture struct {
	URL      string
	Filename string
	Content  io.Reader
}

// PictureURL is a Picture WeChat fetches from u.
func PictureURL(u string) Picture { return Picture{URL: u} }

// PictureFile is a Picture uploaded from content.
func PictureFile(filename string, content io.Reader) Picture {
	return Picture{Filename: filename, Content: content}
}

// cvCall sends pic by URL (img_url, empty body) or as the multipart file "img".
func cvCall[T any](ctx context.Context, c *wechat.Client, ep wechat.Endpoint, pic Picture, q url.Values) (*T, error) {
	out := new(T)
	var err error
	switch {
	case pic.URL != "" && pic.Content != nil:
		return nil, invalidArg("img", "give either a URL or content")
	case pic.URL != "":
		q.Set("img_url", pic.URL)
		err = c.Do(ctx, ep, q, nil, out)
	case pic.Content != nil:
		if err := checkUpload(pic.Filename, pic.Content); err != nil {
			return nil, err
		}
		err = c.Upload(ctx, ep, q, wechat.UploadFile{Field: "img", Filename: pic.Filename, Content: pic.Content}, nil, out)
	default:
		return nil, invalidArg("img", "no URL and no content")
	}
	if err != nil {
		return nil, err
	}
	return out, nil
}

// ImageSize is the size of the processed image in pixels.
type ImageSize struct {
	W int `json:"w"`
	H int `json:"h"`
}

// CropResult is one suggested crop.
type CropResult struct {
	CropLeft   int `json:"crop_left"`
	CropTop    int `json:"crop_top"`
	CropRight  int `json:"crop_right"`
	CropBottom int `json:"crop_bottom"`
}

// AICropResult is the answer of AICrop.
type AICropResult struct {
	Results []CropResult `json:"results"`
	ImgSize ImageSize    `json:"img_size"`
}

// AICrop suggests crops of pic, one per aspect ratio (width/height, at most
// 5; none for WeChat's choice).
// https://developers.weixin.qq.com/doc/offiaccount/Intelligent_Interface/Img_Proc.html
func (s *ImageService) AICrop(ctx context.Context, pic Picture, ratios ...float64) (*AICropResult, error) {
	q := url.Values{}
	if len(ratios) > 5 {
		return nil, invalidArg("ratios", "at most 5")
	}
	if len(ratios) > 0 {
		rs := make([]string, len(ratios))
		for i, r := range ratios {
			if r <= 0 {
				return nil, invalidArg("ratios", "must be positive")
			}
			rs[i] = strconv.FormatFloat(r, 'f', -1, 64)
		}
		q.Set("ratios", strings.Join(rs, ","))
	}
	return cvCall[AICropResult](ctx, s.c, cvAICrop, pic, q)
}

// CVPoint is a pixel position.
type CVPoint struct {
	X int `json:"x"`
	Y int `json:"y"`
}

// QRCodeResult is one code found in the image.
type QRCodeResult struct {
	// TypeName is QR_CODE, EAN_13, CODE_128...
	TypeName string `json:"type_name"`
	Data     string `json:"data"`
	Pos      struct {
		LeftTop     CVPoint `json:"left_top"`
		RightTop    CVPoint `json:"right_top"`
		RightBottom CVPoint `json:"right_bottom"`
		LeftBottom  CVPoint `json:"left_bottom"`
	} `json:"pos"`
}

// ScanQRCodeResult is the answer of ScanQRCode.
type ScanQRCodeResult struct {
	CodeResults []QRCodeResult `json:"code_results"`
	ImgSize     ImageSize      `json:"img_size"`
}

// ScanQRCode reads the QR codes and barcodes of pic.
// https://developers.weixin.qq.com/doc/offiaccount/Intelligent_Interface/Img_Proc.html
func (s *ImageService) ScanQRCode(ctx context.Context, pic Picture) (*ScanQRCodeResult, error) {
	return cvCall[ScanQRCodeResult](ctx, s.c, cvQRCode, pic, url.Values{})
}

// SuperResolution enlarges pic and returns the media id of the result (a
// temporary medium, downloaded with Material.GetMedia).
// https://developers.weixin.qq.com/doc/offiaccount/Intelligent_Interface/Img_Proc.html
func (s *ImageService) SuperResolution(ctx context.Context, pic Picture) (string, error) {
	out, err := cvCall[struct {
		MediaID string `json:"media_id"`
	}](ctx, s.c, cvSuperResolution, pic, url.Values{})
	if err != nil {
		return "", err
	}
	return out.MediaID, nil
}

// PlateNumber reads the licence plate number (车牌号) in pic.
// https://developers.weixin.qq.com/doc/offiaccount/Intelligent_Interface/OCR.html
func (s *ImageService) PlateNumber(ctx context.Context, pic Picture) (string, error) {
	out, err := cvCall[struct {
		Number string `json:"number"`
	}](ctx, s.c, cvPlateNumber, pic, url.Values{})
	if err != nil {
		return "", err
	}
	return out.Number, nil
}
