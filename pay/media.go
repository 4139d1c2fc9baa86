package pay

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"net/textproto"
	"path/filepath"
	"slices"
	"strings"

	"github.com/weixin-go/wechat"
)

// MediaService uploads images and videos to WeChat Pay. Uploads are safe to
// retry: the same file yields a usable media id again.
type MediaService struct{ service }

// MediaUpload is the answer of the image and video upload APIs.
type MediaUpload struct {
	MediaID string `json:"media_id"`
}

// MarketingImage is the answer of the marketing image upload API.
type MarketingImage struct {
	MediaURL string `json:"media_url"`
}

// mediaMeta is the "meta" part of an upload: the part the request signature
// covers.
type mediaMeta struct {
	Filename string `json:"filename"`
	SHA256   string `json:"sha256"`
}

// Upload limits, from the upload API pages.
const (
	maxImageUpload     = 5 << 20 // /v3/merchant/media/upload
	maxVideoUpload     = 5 << 20 // /v3/merchant/media/video_upload
	maxMarketingUpload = 2 << 20 // /v3/marketing/favor/media/image-upload
	maxComplaintUpload = 2 << 20 // /v3/merchant-service/images/upload
)

var (
	imageExts = []string{".jpg", ".jpeg", ".bmp", ".png"}
	videoExts = []string{".avi", ".wmv", ".mpeg", ".mp4", ".mov", ".mkv", ".flv", ".f4v", ".m4v", ".rmvb"}
)

// upload sends a WeChat Pay multipart upload: a "meta" JSON part
// {filename, sha256} and a "file" part, signed over the meta JSON as the
// upload APIs document. content is hashed first, then streamed: a seekable
// content is read twice and never held in memory; other readers are read
// once into memory, up to max bytes.
func (c *Client) upload(ctx context.Context, p, filename string, content io.Reader, max int64, exts []string, out any) error {
	ext := strings.ToLower(filepath.Ext(filename))
	if !slices.Contains(exts, ext) {
		return argError("filename", "must end with one of "+strings.Join(exts, " "))
	}
	if content == nil {
		return argError("content", "is nil")
	}
	h := sha256.New()
	var size int64
	if rs, ok := content.(io.ReadSeeker); ok {
		start, err := rs.Seek(0, io.SeekCurrent)
		if err == nil {
			size, err = io.Copy(h, io.LimitReader(rs, max+1))
		}
		if err == nil {
			_, err = rs.Seek(start, io.SeekStart)
		}
		if err != nil {
			return fmt.Errorf("pay: reading upload: %w", err)
		}
	} else {
		b, err := io.ReadAll(io.LimitReader(content, max+1))
		if err != nil {
			return fmt.Errorf("pay: reading upload: %w", err)
		}
		size = int64(len(b))
		h.Write(b)
		content = bytes.NewReader(b)
	}
	if size == 0 {
		return argError("content", "is empty")
	}
	if size > max {
		return argError("content", fmt.Sprintf("is larger than %d bytes", max))
	}
	meta, err := wechat.MarshalJSON(mediaMeta{Filename: filename, SHA256: hex.EncodeToString(h.Sum(nil))})
	if err != nil {
		return err
	}
	// Only the small multipart framing is built in memory; the file
	// streams between prefix and suffix.
	var frame bytes.Buffer
	mw := multipart.NewWriter(&frame)
	mh := textproto.MIMEHeader{}
	mh.Set("Content-Disposition", `form-data; name="meta"`)
	mh.Set("Content-Type", "application/json")
	pw, _ := mw.CreatePart(mh)
	_, _ = pw.Write(meta)
	ctype := mime.TypeByExtension(ext)
	if ctype == "" {
		ctype = "application/octet-stream"
	}
	fh := textproto.MIMEHeader{}
	fh.Set("Content-Disposition", fmt.Sprintf(`form-data; name="file"; filename=%q`, filename))
	fh.Set("Content-Type", ctype)
	_, _ = mw.CreatePart(fh)
	prefix := bytes.Clone(frame.Bytes())
	frame.Reset()
	_ = mw.Close()
	suffix := frame.Bytes()

	auth, err := c.authorization(http.MethodPost, p, meta, c.now().Unix())
	if err != nil {
		return err
	}
	body := io.MultiReader(bytes.NewReader(prefix), io.LimitReader(content, size), bytes.NewReader(suffix))
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.baseURL+p, body)
	if err != nil {
		return fmt.Errorf("pay: building upload request: %w", err)
	}
	req.ContentLength = int64(len(prefix)) + size + int64(len(suffix))
	req.Header.Set("Authorization", auth)
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", "weixin-go-wechat-pay")
	req.Header.Set("Content-Type", mw.FormDataContentType())
	if c.pubKey != nil {
		req.Header.Set(hdrSerial, c.pubKeyID)
	}
	resp, err := c.hc.Do(req)
	if err != nil {
		return fmt.Errorf("pay: POST %s: %w", p, err)
	}
	respBody, err := readLimited(resp.Body, resp.ContentLength, c.maxBody)
	resp.Body.Close()
	if err != nil {
		return err
	}
	return c.finish(ctx, request{method: http.MethodPost, path: p}, resp, respBody, out)
}

// UploadImage uploads a JPG, BMP or PNG image of at most 5 MB (POST
// /v3/merchant/media/upload) and returns its media id, used by onboarding
// and other APIs. A seekable content (an *os.File) is streamed.
//
// See https://pay.weixin.qq.com/wiki/doc/apiv3/apis/chapter2_1_1.shtml
func (s *MediaService) UploadImage(ctx context.Context, filename string, content io.Reader) (*MediaUpload, error) {
	out := new(MediaUpload)
	return out, s.c.upload(ctx, "/v3/merchant/media/upload", filename, content, maxImageUpload, imageExts, out)
}

// UploadImageFile is UploadImage for the file at path.
func (s *MediaService) UploadImageFile(ctx context.Context, path string) (out *MediaUpload, err error) {
	err = withFile(path, func(name string, r io.Reader) error {
		out, err = s.UploadImage(ctx, name, r)
		return err
	})
	return out, err
}

// UploadVideo uploads a video (avi, wmv, mpeg, mp4, mov, mkv, flv, f4v, m4v,
// rmvb) of at most 5 MB (POST /v3/merchant/media/video_upload) and returns
// its media id.
//
// See https://pay.weixin.qq.com/wiki/doc/apiv3/apis/chapter2_1_2.shtml
func (s *MediaService) UploadVideo(ctx context.Context, filename string, content io.Reader) (*MediaUpload, error) {
	out := new(MediaUpload)
	return out, s.c.upload(ctx, "/v3/merchant/media/video_upload", filename, content, maxVideoUpload, videoExts, out)
}

// UploadVideoFile is UploadVideo for the file at path.
func (s *MediaService) UploadVideoFile(ctx context.Context, path string) (out *MediaUpload, err error) {
	err = withFile(path, func(name string, r io.Reader) error {
		out, err = s.UploadVideo(ctx, name, r)
		return err
	})
	return out, err
}

// UploadMarketingImage uploads a JPG, BMP or PNG image of at most 2 MB for
// marketing APIs (cash coupons, merchant coupons, gift activities) (POST
// /v3/marketing/favor/media/image-upload) and returns its URL.
//
// See https://pay.weixin.qq.com/wiki/doc/apiv3/apis/chapter9_0_1.shtml
func (s *MediaService) UploadMarketingImage(ctx context.Context, filename string, content io.Reader) (*MarketingImage, error) {
	out := new(MarketingImage)
	return out, s.c.upload(ctx, "/v3/marketing/favor/media/image-upload", filename, content, maxMarketingUpload, imageExts, out)
}

// UploadMarketingImageFile is UploadMarketingImage for the file at path.
func (s *MediaService) UploadMarketingImageFile(ctx context.Context, path string) (out *MarketingImage, err error) {
	err = withFile(path, func(name string, r io.Reader) error {
		out, err = s.UploadMarketingImage(ctx, name, r)
		return err
	})
	return out, err
}
