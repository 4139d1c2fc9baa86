package miniprogram

import (
	"context"
	"net/http"
	"strings"
	"unicode/utf8"

	wechat "github.com/weixin-go/wechat"
)

var (
	urlLinkGenerate   = wechat.Endpoint{Method: http.MethodPost, Path: "/wxa/generate_urllink"}
	urlLinkQuery      = wechat.Endpoint{Method: http.MethodPost, Path: "/wxa/query_urllink"}
	shortLinkGenerate = wechat.Endpoint{Method: http.MethodPost, Path: "/wxa/genwxashortlink"}
)

// Limits of the link APIs.
const (
	MaxLinkQueryLen      = 1024 // characters of a URL Link (or NFC scheme) query
	MaxLinkExpireDays    = 30   // days a URL Link lives at most
	MaxShortLinkURLLen   = 1024 // characters of ShortLink.Generate's page URL
	MaxShortLinkTitleLen = 20   // characters of a page title WeChat shows before "..."
)

// LinkCloudBase is the cloud-development static website whose H5 page a URL
// Link goes through instead of WeChat's (cloud_base).
type LinkCloudBase struct {
	Env    string `json:"env"`
	Domain string `json:"domain,omitempty"` // "" for the default domain
	Path   string `json:"path,omitempty"`   // H5 page, without query ("/" by default)
	Query  string `json:"query,omitempty"`
	// ResourceAppID is the appid that created Env, for third-party
	// platforms developing on behalf of mini programs.
	ResourceAppID string `json:"resource_appid,omitempty"`
}

// URLLinkRequest is the request of URLLink.Generate. Every URL Link
// expires, at most 30 days after generation.
type URLLinkRequest struct {
	// Path is a published page, without query ("" for the home page).
	Path string `json:"path,omitempty"`
	// Query is at most 1024 characters of digits, letters and
	// !#$&'()*+,/:;=?@-._~%.
	Query string `json:"query,omitempty"`
	// EnvVersion is EnvRelease (default), EnvTrial or EnvDevelop; it only
	// matters outside WeChat.
	EnvVersion string `json:"env_version,omitempty"`
	// ExpireType is ExpireAtTime (with ExpireTime) or ExpireAfterDays (with
	// ExpireInterval).
	ExpireType     int            `json:"expire_type"`
	ExpireTime     int64          `json:"expire_time,omitempty"`     // unix seconds, at most 30 days ahead
	ExpireInterval int            `json:"expire_interval,omitempty"` // days, 1-30
	CloudBase      *LinkCloudBase `json:"cloud_base,omitempty"`
}

// linkQueryOK reports whether q has only the characters the link APIs
// accept in a query.
func linkQueryOK(q string) bool {
	for _, r := range q {
		if !('0' <= r && r <= '9' || 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || strings.ContainsRune("!#$&'()*+,/:;=?@-._~%", r)) {
			return false
		}
	}
	return true
}

// checkLinkTarget checks the page, query and version a link opens; prefix
// names the object holding them in the body ("" or "jump_wxa.").
func checkLinkTarget(prefix, path, query, envVersion string) error {
	if strings.Contains(path, "?") {
		return invalidArg(prefix+"path", "must not carry a query")
	}
	if utf8.RuneCountInString(query) > MaxLinkQueryLen {
		return invalidArg(prefix+"query", "longer than 1024 characters")
	}
	if !linkQueryOK(query) {
		return invalidArg(prefix+"query", "only digits, letters and !#$&'()*+,/:;=?@-._~% are allowed")
	}
	switch envVersion {
	case "", EnvRelease, EnvTrial, EnvDevelop:
		return nil
	}
	return invalidArg(prefix+"env_version", "must be release, trial or develop")
}

// Generate returns a URL Link (https://wxaurl.cn/...) that opens the mini
// program from SMS, mail, web pages or WeChat (获取加密URLLink).
// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/qrcode-link/url-link/generateUrlLink.html
func (s *URLLinkService) Generate(ctx context.Context, req *URLLinkRequest) (string, error) {
	if req == nil {
		return "", invalidArg("expire_time", "no request")
	}
	if err := checkLinkTarget("", req.Path, req.Query, req.EnvVersion); err != nil {
		return "", err
	}
	switch req.ExpireType {
	case ExpireAtTime:
		if req.ExpireTime <= 0 {
			return "", invalidArg("expire_time", "required with expire_type 0")
		}
	case ExpireAfterDays:
		if req.ExpireInterval < 1 || req.ExpireInterval > MaxLinkExpireDays {
			return "", invalidArg("expire_interval", "must be 1-30 days")
		}
	default:
		return "", invalidArg("expire_type", "must be 0 or 1")
	}
	if cb := req.CloudBase; cb != nil && cb.Env == "" {
		return "", invalidArg("cloud_base.env", "empty")
	}
	out, err := call[struct {
		URLLink string `json:"url_link"`
	}](ctx, s.c, urlLinkGenerate, nil, req)
	if err != nil {
		return "", err
	}
	return out.URLLink, nil
}

// GenerateForDays is Generate for a link to path?query that expires days
// (1-30) from now, the common case.
// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/qrcode-link/url-link/generateUrlLink.html
func (s *URLLinkService) GenerateForDays(ctx context.Context, path, query string, days int) (string, error) {
	return s.Generate(ctx, &URLLinkRequest{Path: path, Query: query, ExpireType: ExpireAfterDays, ExpireInterval: days})
}

// URLLinkInfo is what Query tells of a URL Link.
type URLLinkInfo struct {
	AppID      string `json:"appid"`
	Path       string `json:"path"`
	Query      string `json:"query"`
	CreateTime int64  `json:"create_time"` // unix seconds
	ExpireTime int64  `json:"expire_time"` // unix seconds, 0 for a permanent link
	EnvVersion string `json:"env_version"`
}

// Query returns the configuration of a URL Link, which may carry the
// ?cq= parameters appended to it (查询加密URLLink). WeChat answers 85403 for
// a link it does not know.
// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/qrcode-link/url-link/queryUrlLink.html
func (s *URLLinkService) Query(ctx context.Context, urlLink string) (*URLLinkInfo, error) {
	if err := required("url_link", urlLink); err != nil {
		return nil, err
	}
	body := struct {
		URLLink   string `json:"url_link"`
		QueryType int    `json:"query_type"`
	}{urlLink, 0}
	out, err := call[struct {
		Info URLLinkInfo `json:"url_link_info"`
	}](ctx, s.c, urlLinkQuery, nil, body)
	if err != nil {
		return nil, err
	}
	return &out.Info, nil
}

// RemainingVisits returns how many more times URL Schemes and URL Links may
// open the mini program today (query_urllink with query_type 1).
// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/qrcode-link/url-link/queryUrlLink.html
func (s *URLLinkService) RemainingVisits(ctx context.Context) (int64, error) {
	out, err := call[struct {
		QuotaInfo struct {
			RemainVisitQuota int64 `json:"remain_visit_quota"`
		} `json:"quota_info"`
	}](ctx, s.c, urlLinkQuery, nil, map[string]int{"query_type": 1})
	if err != nil {
		return 0, err
	}
	return out.QuotaInfo.RemainVisitQuota, nil
}

// Generate returns a Short Link (#小程序://...) that opens pageURL (a
// published page, may carry a query) from within WeChat (获取ShortLink).
// pageTitle may be empty; WeChat shows at most 20 characters of it.
// Permanent links are limited to 100,000 per mini program (85400), others
// live 30 days.
// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/qrcode-link/short-link/generateShortLink.html
func (s *ShortLinkService) Generate(ctx context.Context, pageURL, pageTitle string, permanent bool) (string, error) {
	if err := required("page_url", pageURL); err != nil {
		return "", err
	}
	if utf8.RuneCountInString(pageURL) > MaxShortLinkURLLen {
		return "", invalidArg("page_url", "longer than 1024 characters")
	}
	body := struct {
		PageURL     string `json:"page_url"`
		PageTitle   string `json:"page_title,omitempty"`
		IsPermanent bool   `json:"is_permanent"`
	}{pageURL, pageTitle, permanent}
	out, err := call[struct {
		Link string `json:"link"`
	}](ctx, s.c, shortLinkGenerate, nil, body)
	if err != nil {
		return "", err
	}
	return out.Link, nil
}
