package miniprogram

import (
	"context"
	"net/http"
	"strconv"

	wechat "github.com/weixin-go/wechat"
)

var (
	codeCreateQRCode = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/wxaapp/createwxaqrcode"}
	codeGet          = wechat.Endpoint{Method: http.MethodPost, Path: "/wxa/getwxacode"}
	codeGetUnlimited = wechat.Endpoint{Method: http.MethodPost, Path: "/wxa/getwxacodeunlimit"}
)

// Limits of the code APIs.
const (
	MinCodeWidth     = 280
	MaxCodeWidth     = 1280
	DefaultCodeWidth = 430
	MaxCodePathLen   = 1024 // bytes of Code.Path (createwxaqrcode: 128)
	MaxQRCodePathLen = 128
	MaxSceneLen      = 32
)

// Environment versions a code opens (EnvVersion fields).
const (
	EnvRelease = "release"
	EnvTrial   = "trial"
	EnvDevelop = "develop"
)

// RGB is a line colour of a mini program code; each component is 0-255.
type RGB struct {
	R int `json:"r"`
	G int `json:"g"`
	B int `json:"b"`
}

// CodeOptions are the drawing options shared by Get and GetUnlimited.
type CodeOptions struct {
	// Width is the image width in pixels, 280-1280 (0: WeChat's 430).
	Width int `json:"width,omitempty"`
	// AutoColor picks the line colour automatically; otherwise LineColor
	// (or black).
	AutoColor bool `json:"auto_color,omitempty"`
	LineColor *RGB `json:"line_color,omitempty"`
	// IsHyaline asks for a transparent background.
	IsHyaline bool `json:"is_hyaline,omitempty"`
	// EnvVersion is EnvRelease (default), EnvTrial or EnvDevelop.
	EnvVersion string `json:"env_version,omitempty"`
}

func (o *CodeOptions) check() error {
	if o.Width != 0 && (o.Width < MinCodeWidth || o.Width > MaxCodeWidth) {
		return invalidArg("width", "must be between 280 and 1280")
	}
	switch o.EnvVersion {
	case "", EnvRelease, EnvTrial, EnvDevelop:
	default:
		return invalidArg("env_version", "must be release, trial or develop")
	}
	if c := o.LineColor; c != nil {
		for _, v := range []int{c.R, c.G, c.B} {
			if v < 0 || v > 255 {
				return invalidArg("line_color", "components must be 0-255")
			}
		}
	}
	return nil
}

// CreateQRCode creates a square QR code (not a round mini program code) that
// opens path, for the limited-quantity use case; width 0 means 430. The PNG
// image is streamed: the caller must Close it. A JSON error in place of the
// image is returned as an *wechat.APIError.
// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/qrcode-link/qr-code/createQRCode.html
func (s *CodeService) CreateQRCode(ctx context.Context, path string, width int) (*wechat.Download, error) {
	if err := checkCodePath(path, MaxQRCodePathLen); err != nil {
		return nil, err
	}
	o := CodeOptions{Width: width}
	if err := o.check(); err != nil {
		return nil, err
	}
	body := struct {
		Path  string `json:"path"`
		Width int    `json:"width,omitempty"`
	}{path, width}
	return s.c.Stream(ctx, codeCreateQRCode, nil, body)
}

func checkCodePath(path string, max int) error {
	if path == "" {
		return invalidArg("path", "empty")
	}
	if len(path) > max {
		return invalidArg("path", "longer than "+strconv.Itoa(max)+" bytes")
	}
	return nil
}

// Get creates a mini program code that opens path (with its query), for
// the limited-quantity use case (at most 100,000 codes per mini program).
// The image is streamed: the caller must Close it. opts may be nil.
// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/qrcode-link/qr-code/getQRCode.html
func (s *CodeService) Get(ctx context.Context, path string, opts *CodeOptions) (*wechat.Download, error) {
	if err := checkCodePath(path, MaxCodePathLen); err != nil {
		return nil, err
	}
	if opts == nil {
		opts = &CodeOptions{}
	}
	if err := opts.check(); err != nil {
		return nil, err
	}
	body := struct {
		Path string `json:"path"`
		*CodeOptions
	}{path, opts}
	return s.c.Stream(ctx, codeGet, nil, body)
}

// UnlimitedCode is the request of GetUnlimited.
type UnlimitedCode struct {
	// Scene (at most 32 visible characters) is handed to the page as its
	// scene parameter.
	Scene string `json:"scene"`
	// Page is the page to open, without a leading slash and without query
	// ("" is the home page).
	Page string `json:"page,omitempty"`
	// CheckPath false lets Page name a page that is not published yet
	// (nil: WeChat's default, true).
	CheckPath *bool `json:"check_path,omitempty"`
	CodeOptions
}

// GetUnlimited creates a mini program code carrying a scene, with no limit
// on the number of codes. The image is streamed: the caller must Close it.
// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/qrcode-link/qr-code/getUnlimitedQRCode.html
func (s *CodeService) GetUnlimited(ctx context.Context, req *UnlimitedCode) (*wechat.Download, error) {
	if req == nil || req.Scene == "" {
		return nil, invalidArg("scene", "empty")
	}
	if len(req.Scene) > MaxSceneLen {
		return nil, invalidArg("scene", "longer than 32 characters")
	}
	for _, r := range req.Scene {
		if r < 0x21 || r > 0x7e {
			return nil, invalidArg("scene", "only visible ASCII characters are allowed")
		}
	}
	if len(req.Page) > 0 && req.Page[0] == '/' {
		return nil, invalidArg("page", "must not start with /")
	}
	if err := req.CodeOptions.check(); err != nil {
		return nil, err
	}
	return s.c.Stream(ctx, codeGetUnlimited, nil, req)
}
