package miniprogram

import (
	"context"
	"io"
	"net/http"
	"unicode/utf8"

	wechat "github.com/weixin-go/wechat"
)

var (
	securityMsgCheck   = wechat.Endpoint{Method: http.MethodPost, Path: "/wxa/msg_sec_check"}
	securityImgCheck   = wechat.Endpoint{Method: http.MethodPost, Path: "/wxa/img_sec_check"}
	securityMediaAsync = wechat.Endpoint{Method: http.MethodPost, Path: "/wxa/media_check_async"}
)

// Scenes of the content checks (SecCheck.Scene).
const (
	SceneProfile = 1 // 资料
	SceneComment = 2 // 评论
	SceneForum   = 3 // 论坛
	SceneSocial  = 4 // 社交日志
)

// Media types of MediaCheckAsync.
const (
	MediaAudio = 1
	MediaImage = 2
)

// Suggestions of the content checks (SecCheckResult.Suggest).
const (
	SuggestPass   = "pass"
	SuggestReview = "review"
	SuggestRisky  = "risky"
)

// Limits of the content checks.
const MaxSecCheckContent = 2500 // characters of MsgSecCheck content

// TextCheck is the request of MsgSecCheck (version 2 of the API).
type TextCheck struct {
	Content string `json:"content"`
	Version int    `json:"version"` // always 2; set by MsgSecCheck
	// Scene is SceneProfile, SceneComment, SceneForum or SceneSocial.
	Scene int `json:"scene"`
	// OpenID is the author, who must have used the mini program in the last two hours.
	OpenID    string `json:"openid"`
	Title     string `json:"title,omitempty"`
	Nickname  string `json:"nickname,omitempty"`
	Signature string `json:"signature,omitempty"` // only with SceneProfile
}

// SecCheckVerdict is the overall verdict of a content check.
type SecCheckVerdict struct {
	Suggest string `json:"suggest"`
	// Label is the main category (100 normal, 10001 ads, 20001 politics,
	// 20002 porn, 20003 abuse, 20006 crime, 20008 fraud, 20012 vulgar,
	// 20013 copyright, 21000 other).
	Label int `json:"label"`
}

// SecCheckDetail is the verdict of one check strategy.
type SecCheckDetail struct {
	Strategy string `json:"strategy"`
	Errcode  int    `json:"errcode"`
	Suggest  string `json:"suggest,omitempty"`
	Label    int    `json:"label,omitempty"`
	Keyword  string `json:"keyword,omitempty"`
	Prob     int    `json:"prob,omitempty"`
	Level    int    `json:"level,omitempty"`
}

// SecCheckResult is the answer of MsgSecCheck.
type SecCheckResult struct {
	TraceID string           `json:"trace_id"`
	Result  SecCheckVerdict  `json:"result"`
	Detail  []SecCheckDetail `json:"detail,omitempty"`
}

// Risky reports whether WeChat judged the content risky.
func (r *SecCheckResult) Risky() bool { return r.Result.Suggest == SuggestRisky }

func checkScene(scene int) error {
	if scene < SceneProfile || scene > SceneSocial {
		return invalidArg("scene", "must be 1-4")
	}
	return nil
}

// MsgSecCheck checks a text for risky content (version 2: the verdict is
// in the result, not an errcode).
// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/sec-center/sec-check/msgSecCheck.html
func (s *SecurityService) MsgSecCheck(ctx context.Context, req *TextCheck) (*SecCheckResult, error) {
	if req == nil {
		return nil, invalidArg("content", "no request")
	}
	if err := required("content", req.Content, "openid", req.OpenID); err != nil {
		return nil, err
	}
	if utf8.RuneCountInString(req.Content) > MaxSecCheckContent {
		return nil, invalidArg("content", "longer than 2500 characters")
	}
	if err := checkScene(req.Scene); err != nil {
		return nil, err
	}
	body := *req
	body.Version = 2
	return call[SecCheckResult](ctx, s.c, securityMsgCheck, nil, body)
}

// ImgSecCheck checks an image (at most 750x1334 pixels, 1 MB) synchronously,
// streaming it: nil when it passes, an *wechat.APIError 87014 when risky.
// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/sec-center/sec-check/imgSecCheck.html
func (s *SecurityService) ImgSecCheck(ctx context.Context, filename string, content io.Reader) error {
	if err := required("filename", filename); err != nil {
		return err
	}
	if content == nil {
		return invalidArg("media", "no content")
	}
	return s.c.Upload(ctx, securityImgCheck, nil, wechat.UploadFile{Field: "media", Filename: filename, Content: content}, nil, nil)
}

// MediaCheck is the request of MediaCheckAsync.
type MediaCheck struct {
	MediaURL string `json:"media_url"`
	// MediaType is MediaAudio or MediaImage.
	MediaType int    `json:"media_type"`
	Version   int    `json:"version"` // always 2; set by MediaCheckAsync
	Scene     int    `json:"scene"`
	OpenID    string `json:"openid"`
}

// MediaCheckAsync submits an image or audio URL for an asynchronous check
// and returns the trace id; the verdict arrives within 30 minutes as the
// wxa_media_check event.
// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/sec-center/sec-check/mediaCheckAsync.html
func (s *SecurityService) MediaCheckAsync(ctx context.Context, req *MediaCheck) (string, error) {
	if req == nil {
		return "", invalidArg("media_url", "no request")
	}
	if err := required("media_url", req.MediaURL, "openid", req.OpenID); err != nil {
		return "", err
	}
	if req.MediaType != MediaAudio && req.MediaType != MediaImage {
		return "", invalidArg("media_type", "must be 1 (audio) or 2 (image)")
	}
	if err := checkScene(req.Scene); err != nil {
		return "", err
	}
	body := *req
	body.Version = 2
	out, err := call[struct {
		TraceID string `json:"trace_id"`
	}](ctx, s.c, securityMediaAsync, nil, body)
	if err != nil {
		return "", err
	}
	return out.TraceID, nil
}
