package miniprogram

import (
	"context"
	"net/http"

	wechat "github.com/weixin-go/wechat"
)

var urlSchemeGenerate = wechat.Endpoint{Method: http.MethodPost, Path: "/wxa/generatescheme"}

// JumpWxa is the page a URL scheme opens.
type JumpWxa struct {
	// Path is a published page without leading slash ("" for the home page).
	Path  string `json:"path,omitempty"`
	Query string `json:"query,omitempty"`
	// EnvVersion is EnvRelease (default), EnvTrial or EnvDevelop.
	EnvVersion string `json:"env_version,omitempty"`
}

// Expiry types of a URL scheme (SchemeRequest.ExpireType).
const (
	ExpireAtTime    = 0 // expires at ExpireTime
	ExpireAfterDays = 1 // expires ExpireInterval days after generation
)

// SchemeRequest is the request of Generate.
type SchemeRequest struct {
	JumpWxa *JumpWxa `json:"jump_wxa,omitempty"`
	// IsExpire must be true for the scheme to expire; WeChat now only
	// issues expiring schemes (at most 30 days).
	IsExpire       bool  `json:"is_expire,omitempty"`
	ExpireType     int   `json:"expire_type,omitempty"`
	ExpireTime     int64 `json:"expire_time,omitempty"`     // unix seconds, with ExpireAtTime
	ExpireInterval int   `json:"expire_interval,omitempty"` // days, 1-30, with ExpireAfterDays
}

// Generate returns a URL scheme (weixin://dl/business/?t=...) that opens
// the mini program from outside WeChat.
// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/qrcode-link/url-scheme/generateScheme.html
func (s *URLSchemeService) Generate(ctx context.Context, req *SchemeRequest) (string, error) {
	if req == nil {
		req = &SchemeRequest{}
	}
	if j := req.JumpWxa; j != nil && len(j.Path) > 0 && j.Path[0] == '/' {
		return "", invalidArg("jump_wxa.path", "must not start with /")
	}
	if req.IsExpire {
		switch req.ExpireType {
		case ExpireAtTime:
			if req.ExpireTime <= 0 {
				return "", invalidArg("expire_time", "required when is_expire")
			}
		case ExpireAfterDays:
			if req.ExpireInterval < 1 || req.ExpireInterval > 30 {
				return "", invalidArg("expire_interval", "must be 1-30 days")
			}
		default:
			return "", invalidArg("expire_type", "must be 0 or 1")
		}
	}
	out, err := call[struct {
		OpenLink string `json:"openlink"`
	}](ctx, s.c, urlSchemeGenerate, nil, req)
	if err != nil {
		return "", err
	}
	return out.OpenLink, nil
}

// GenerateUntil is Generate for a scheme to path that expires at expireTime
// (unix seconds), the common case.
// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/qrcode-link/url-scheme/generateScheme.html
func (s *URLSchemeService) GenerateUntil(ctx context.Context, jump JumpWxa, expireTime int64) (string, error) {
	return s.Generate(ctx, &SchemeRequest{JumpWxa: &jump, IsExpire: true, ExpireType: ExpireAtTime, ExpireTime: expireTime})
}

var urlSchemeNFC = wechat.Endpoint{Method: http.MethodPost, Path: "/wxa/generatenfcscheme"}

// NFCSchemeRequest is the request of GenerateNFC.
type NFCSchemeRequest struct {
	// JumpWxa is the page to open (nil: the home page); its Query follows
	// the URL Link rules (at most 1024 characters of digits, letters and
	// !#$&'()*+,/:;=?@-._~%).
	JumpWxa *JumpWxa `json:"jump_wxa,omitempty"`
	ModelID string   `json:"model_id"`     // the device model
	SN      string   `json:"sn,omitempty"` // the device serial number, for one code per device
}

// GenerateNFC returns the URL scheme an NFC tag of a device model opens
// (获取NFC的小程序scheme).
// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/qrcode-link/url-scheme/generateNFCScheme.html
func (s *URLSchemeService) GenerateNFC(ctx context.Context, req *NFCSchemeRequest) (string, error) {
	if req == nil {
		return "", invalidArg("model_id", "no request")
	}
	if err := required("model_id", req.ModelID); err != nil {
		return "", err
	}
	if j := req.JumpWxa; j != nil {
		if err := checkLinkTarget("jump_wxa.", j.Path, j.Query, j.EnvVersion); err != nil {
			return "", err
		}
	}
	out, err := call[struct {
		OpenLink string `json:"openlink"`
	}](ctx, s.c, urlSchemeNFC, nil, req)
	if err != nil {
		return "", err
	}
	return out.OpenLink, nil
}
