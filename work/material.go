package work

import (
	"context"
	"io"
	"net/url"

	wechat "github.com/weixin-go/wechat"
)

var (
	mediaUpload            = epPost("/cgi-bin/media/upload")
	mediaUploadImg         = epPost("/cgi-bin/media/uploadimg")
	mediaGet               = epGet("/cgi-bin/media/get")
	mediaGetJSSDK          = epGet("/cgi-bin/media/get/jssdk")
	mediaUploadByURL       = epPost("/cgi-bin/media/upload_by_url")
	mediaUploadByURLResult = epPost("/cgi-bin/media/get_upload_by_url_result")
)

// MediaType is the type of a temporary media.
type MediaType string

// Media types.
const (
	MediaImage MediaType = "image" // jpg or png, at most 10 MB
	MediaVoice MediaType = "voice" // amr, at most 2 MB and 60 s
	MediaVideo MediaType = "video" // mp4, at most 10 MB
	MediaFile  MediaType = "file"  // any file, at most 20 MB
)

// UploadedMedia is a temporary media, valid for 3 days; CreatedAt is the
// unix time WeCom sends as a string.
type UploadedMedia struct {
	Type      MediaType `json:"type"`
	MediaID   string    `json:"media_id"`
	CreatedAt string    `json:"created_at"`
}

func checkMediaFile(filename string, r io.Reader) error {
	return wechat.UploadFile{Filename: filename, Content: r}.Check()
}

// Upload uploads a temporary media, streaming r; filename's extension tells
// WeCom the format. The media can be used by every agent of the corp for 3
// days. The upload is retried after a token refresh only if r is an
// io.Seeker.
// https://developer.work.weixin.qq.com/document/path/90253
func (s *MaterialService) Upload(ctx context.Context, typ MediaType, filename string, r io.Reader) (*UploadedMedia, error) {
	switch typ {
	case MediaImage, MediaVoice, MediaVideo, MediaFile:
	default:
		return nil, paramErr("type", "want image, voice, video or file")
	}
	if err := checkMediaFile(filename, r); err != nil {
		return nil, err
	}
	out := new(UploadedMedia)
	err := s.c.Upload(ctx, mediaUpload, url.Values{"type": {string(typ)}}, wechat.UploadFile{Field: "media", Filename: filename, Content: r}, nil, out)
	if err != nil {
		return nil, err
	}
	return out, nil
}

// UploadFile is Upload of the file at path.
// https://developer.work.weixin.qq.com/document/path/90253
func (s *MaterialService) UploadFile(ctx context.Context, typ MediaType, path string) (m *UploadedMedia, err error) {
	err = wechat.WithFile(path, func(name string, r io.Reader) error {
		m, err = s.Upload(ctx, typ, name, r)
		return err
	})
	return m, err
}

// UploadImage uploads a jpg or png image (at most 2 MB) and returns its
// permanent URL, for news articles and custom pages.
// https://developer.work.weixin.qq.com/document/path/90256
func (s *MaterialService) UploadImage(ctx context.Context, filename string, r io.Reader) (string, error) {
	if err := checkMediaFile(filename, r); err != nil {
		return "", err
	}
	var out struct {
		URL string `json:"url"`
	}
	if err := s.c.Upload(ctx, mediaUploadImg, nil, wechat.UploadFile{Field: "media", Filename: filename, Content: r}, nil, &out); err != nil {
		return "", err
	}
	return out.URL, nil
}

// UploadImageFile is UploadImage of the file at path.
// https://developer.work.weixin.qq.com/document/path/90256
func (s *MaterialService) UploadImageFile(ctx context.Context, path string) (u string, err error) {
	err = wechat.WithFile(path, func(name string, r io.Reader) error {
		u, err = s.UploadImage(ctx, name, r)
		return err
	})
	return u, err
}

func (s *MaterialService) stream(ctx context.Context, ep wechat.Endpoint, mediaID string) (*wechat.Download, error) {
	if err := needB("media_id", mediaID); err != nil {
		return nil, err
	}
	return s.c.Stream(ctx, ep, url.Values{"media_id": {mediaID}}, nil)
}

// Get downloads a temporary media as a stream, which the caller must close.
// https://developer.work.weixin.qq.com/document/path/90254
func (s *MaterialService) Get(ctx context.Context, mediaID string) (*wechat.Download, error) {
	return s.stream(ctx, mediaGet, mediaID)
}

// GetHDVoice downloads, as a stream, a high-definition voice (speex, 16 kHz)
// recorded with the JS-SDK.
// https://developer.work.weixin.qq.com/document/path/90255
func (s *MaterialService) GetHDVoice(ctx context.Context, mediaID string) (*wechat.Download, error) {
	return s.stream(ctx, mediaGetJSSDK, mediaID)
}

// UploadByURLRequest asks WeCom to fetch a video or file of up to 200 MB
// from URL (which must support Range requests) as a temporary media. MD5 is
// the hex MD5 of the file.
type UploadByURLRequest struct {
	// Scene is 1 (customer-contact welcome messages, mass messages...), the
	// only documented scene; 0 means 1.
	Scene    int       `json:"scene"`
	Type     MediaType `json:"type"`
	Filename string    `json:"filename"`
	URL      string    `json:"url"`
	MD5      string    `json:"md5"`
}

// UploadByURL starts an asynchronous upload and returns its job id, for
// UploadByURLResult.
// https://developer.work.weixin.qq.com/document/path/96219
func (s *MaterialService) UploadByURL(ctx context.Context, req UploadByURLRequest) (string, error) {
	if req.Type != MediaVideo && req.Type != MediaFile {
		return "", paramErr("type", "want video or file")
	}
	if err := needB("filename", req.Filename, "url", req.URL, "md5", req.MD5); err != nil {
		return "", err
	}
	if req.Scene == 0 {
		req.Scene = 1
	}
	out, err := callB[struct {
		JobID string `json:"jobid"`
	}](ctx, s.c, mediaUploadByURL, nil, req)
	if err != nil {
		return "", err
	}
	return out.JobID, nil
}

// UploadByURLResult is the state of an asynchronous upload: Status 1 is
// running, 2 done (Detail.MediaID is set), 3 failed (Detail.ErrCode).
type UploadByURLResult struct {
	Status int `json:"status"`
	Detail struct {
		ErrCode   int    `json:"errcode"`
		ErrMsg    string `json:"errmsg"`
		MediaID   string `json:"media_id"`
		CreatedAt string `json:"created_at"`
	} `json:"detail"`
}

// UploadByURLResult returns the state of an upload started by UploadByURL.
// https://developer.work.weixin.qq.com/document/path/96219
func (s *MaterialService) UploadByURLResult(ctx context.Context, jobID string) (*UploadByURLResult, error) {
	if err := needB("jobid", jobID); err != nil {
		return nil, err
	}
	return callB[UploadByURLResult](ctx, s.c, mediaUploadByURLResult, nil, map[string]string{"jobid": jobID})
}
