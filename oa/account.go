package oa

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	wechat "github.com/weixin-go/wechat"
)

var (
	accountQRCodeCreate  = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/qrcode/create"}
	accountShortURL      = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/shorturl"}
	accountQuotaGet      = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/openapi/quota/get"}
	accountClearQuota    = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/clear_quota"}
	accountAutoReplyInfo = wechat.Endpoint{Method: http.MethodGet, Path: "/cgi-bin/get_current_autoreply_info"}
)

// AccessToken returns a valid access token from the client's token cache,
// fetching one with the appsecret (stable_token, or /cgi-bin/token with
// wechat.WithTokenEndpoint(wechat.ClassicToken)) only when needed. Calling
// the token endpoint directly would invalidate the cached token, so the SDK
// offers no uncached variant.
// https://developers.weixin.qq.com/doc/offiaccount/Basic_Information/Get_access_token.html
func (s *AccountService) AccessToken(ctx context.Context) (string, error) {
	return s.c.AccessToken(ctx)
}

// QRCodeAction is the type of a parametric QR code.
type QRCodeAction string

// QR code types.
const (
	QRScene         QRCodeAction = "QR_SCENE"           // temporary, integer scene
	QRStrScene      QRCodeAction = "QR_STR_SCENE"       // temporary, string scene
	QRLimitScene    QRCodeAction = "QR_LIMIT_SCENE"     // permanent, integer scene 1-100000
	QRLimitStrScene QRCodeAction = "QR_LIMIT_STR_SCENE" // permanent, string scene
)

// Limits of parametric QR codes.
const (
	MaxQRCodeExpire        = 30 * 24 * time.Hour // longest life of a temporary QR code
	MaxPermanentQRSceneID  = 100000
	MaxQRSceneStrLen       = 64
	DefaultQRCodeExpireSec = 60 // WeChat's default when expire_seconds is omitted
)

// QRCodeRequest is the body of qrcode/create. Build it with TempQRCode,
// TempQRCodeStr, PermanentQRCode or PermanentQRCodeStr.
type QRCodeRequest struct {
	// ExpireSeconds is the life of a temporary QR code (at most 2592000;
	// WeChat uses 60 when zero). Ignored by WeChat for permanent ones.
	ExpireSeconds int              `json:"expire_seconds,omitempty"`
	ActionName    QRCodeAction     `json:"action_name"`
	ActionInfo    QRCodeActionInfo `json:"action_info"`
}

// QRCodeActionInfo holds the scene of a QR code.
type QRCodeActionInfo struct {
	Scene QRCodeScene `json:"scene"`
}

// QRCodeScene is the value WeChat pushes back in the scan event: SceneID for
// QR_SCENE and QR_LIMIT_SCENE, SceneStr for the *_STR_SCENE types.
type QRCodeScene struct {
	SceneID  uint32 `json:"scene_id,omitempty"`
	SceneStr string `json:"scene_str,omitempty"`
}

func expireSeconds(d time.Duration) int { return int((d + time.Second - 1) / time.Second) }

// TempQRCode returns the request of a temporary QR code with an integer
// scene, valid for expire (rounded up to a second; 0 means WeChat's default
// of 60 seconds).
func TempQRCode(sceneID uint32, expire time.Duration) *QRCodeRequest {
	return &QRCodeRequest{ExpireSeconds: expireSeconds(expire), ActionName: QRScene, ActionInfo: QRCodeActionInfo{QRCodeScene{SceneID: sceneID}}}
}

// TempQRCodeStr returns the request of a temporary QR code with a string scene.
func TempQRCodeStr(scene string, expire time.Duration) *QRCodeRequest {
	return &QRCodeRequest{ExpireSeconds: expireSeconds(expire), ActionName: QRStrScene, ActionInfo: QRCodeActionInfo{QRCodeScene{SceneStr: scene}}}
}

// PermanentQRCode returns the request of a permanent QR code with an
// integer scene between 1 and 100000.
func PermanentQRCode(sceneID uint32) *QRCodeRequest {
	return &QRCodeRequest{ActionName: QRLimitScene, ActionInfo: QRCodeActionInfo{QRCodeScene{SceneID: sceneID}}}
}

// PermanentQRCodeStr returns the request of a permanent QR code with a
// string scene.
func PermanentQRCodeStr(scene string) *QRCodeRequest {
	return &QRCodeRequest{ActionName: QRLimitStrScene, ActionInfo: QRCodeActionInfo{QRCodeScene{SceneStr: scene}}}
}

// Validate checks the request against WeChat's documented limits.
func (r *QRCodeRequest) Validate() error {
	if r == nil {
		return invalidArg("qrcode", "nil request")
	}
	sc := r.ActionInfo.Scene
	switch r.ActionName {
	case QRScene, QRLimitScene:
		if sc.SceneStr != "" {
			return invalidArg("scene_str", "not allowed with "+string(r.ActionName))
		}
		if sc.SceneID == 0 {
			return invalidArg("scene_id", "must not be 0")
		}
		if r.ActionName == QRLimitScene && sc.SceneID > MaxPermanentQRSceneID {
			return invalidArg("scene_id", "permanent QR codes take 1 to "+strconv.Itoa(MaxPermanentQRSceneID))
		}
	case QRStrScene, QRLimitStrScene:
		if sc.SceneID != 0 {
			return invalidArg("scene_id", "not allowed with "+string(r.ActionName))
		}
		if sc.SceneStr == "" || len(sc.SceneStr) > MaxQRSceneStrLen {
			return invalidArg("scene_str", "must be 1 to "+strconv.Itoa(MaxQRSceneStrLen)+" bytes")
		}
	default:
		return invalidArg("action_name", fmt.Sprintf("unknown QR code type %q", r.ActionName))
	}
	if r.ExpireSeconds < 0 || r.ExpireSeconds > expireSeconds(MaxQRCodeExpire) {
		return invalidArg("expire_seconds", "must be 0 to "+strconv.Itoa(expireSeconds(MaxQRCodeExpire)))
	}
	return nil
}

// QRCode is a created QR code.
type QRCode struct {
	// Ticket exchanges for the QR code image; see ImageURL.
	Ticket string `json:"ticket"`
	// ExpireSeconds is the life of a temporary QR code (0 for permanent ones).
	ExpireSeconds int `json:"expire_seconds"`
	// URL is the content of the QR code, to render an image yourself.
	URL string `json:"url"`
}

// ImageURL returns the address of the QR code image.
func (q *QRCode) ImageURL() string { return QRCodeImageURL(q.Ticket) }

// CreateQRCode creates a parametric QR code.
// https://developers.weixin.qq.com/doc/offiaccount/Account_Management/Generating_a_Parametric_QR_Code.html
func (s *AccountService) CreateQRCode(ctx context.Context, req *QRCodeRequest) (*QRCode, error) {
	if err := req.Validate(); err != nil {
		return nil, err
	}
	body := *req
	if body.ActionName == QRLimitScene || body.ActionName == QRLimitStrScene {
		body.ExpireSeconds = 0
	}
	return call[QRCode](ctx, s.c, accountQRCodeCreate, nil, &body)
}

// QRCodeURL creates a QR code and returns the address of its image.
// https://developers.weixin.qq.com/doc/offiaccount/Account_Management/Generating_a_Parametric_QR_Code.html
func (s *AccountService) QRCodeURL(ctx context.Context, req *QRCodeRequest) (string, error) {
	q, err := s.CreateQRCode(ctx, req)
	if err != nil {
		return "", err
	}
	return q.ImageURL(), nil
}

// DownloadQRCode creates a QR code and streams its image; see
// DownloadQRCodeImage for hc. The caller must close the Download.
// https://developers.weixin.qq.com/doc/offiaccount/Account_Management/Generating_a_Parametric_QR_Code.html
func (s *AccountService) DownloadQRCode(ctx context.Context, req *QRCodeRequest, hc *http.Client) (*wechat.Download, error) {
	q, err := s.CreateQRCode(ctx, req)
	if err != nil {
		return nil, err
	}
	return DownloadQRCodeImage(ctx, hc, q.Ticket)
}

// ShowQRCodeURL is where QR code tickets are exchanged for images.
const ShowQRCodeURL = "https://mp.weixin.qq.com/cgi-bin/showqrcode"

// QRCodeImageURL returns the address of the image of a QR code ticket, the
// ticket URL-encoded as WeChat requires.
func QRCodeImageURL(ticket string) string {
	return ShowQRCodeURL + "?ticket=" + url.QueryEscape(ticket)
}

// maxQRCodeImage bounds an error answer of showqrcode read into memory.
const maxQRCodeImage = 1 << 20

// DownloadQRCodeImage streams the image of a QR code ticket from
// mp.weixin.qq.com with hc (http.DefaultClient if nil). The image host is not
// the API host, so the call needs no token and does not go through the
// client's base URL; pass the HTTP client you configured the SDK with to
// keep its proxy and timeouts. The caller must close the Download. An
// unknown or expired ticket gives a *wechat.HTTPError (WeChat answers 404)
// or, for a JSON answer, a *wechat.APIError.
// https://developers.weixin.qq.com/doc/offiaccount/Account_Management/Generating_a_Parametric_QR_Code.html
func DownloadQRCodeImage(ctx context.Context, hc *http.Client, ticket string) (*wechat.Download, error) {
	if ticket == "" {
		return nil, invalidArg("ticket", "empty")
	}
	if hc == nil {
		hc = http.DefaultClient
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, QRCodeImageURL(ticket), nil)
	if err != nil {
		return nil, fmt.Errorf("oa: showqrcode: %w", err)
	}
	resp, err := hc.Do(req)
	if err != nil {
		// The URL holds the ticket, which is a credential of the QR code.
		if ue, ok := err.(*url.Error); ok {
			err = ue.Err
		}
		return nil, fmt.Errorf("oa: GET %s: %w", ShowQRCodeURL, err)
	}
	ct := resp.Header.Get("Content-Type")
	if resp.StatusCode/100 != 2 || !strings.HasPrefix(ct, "image/") {
		defer resp.Body.Close()
		data, _ := io.ReadAll(io.LimitReader(resp.Body, maxQRCodeImage))
		if err := showQRCodeError(resp.StatusCode, data); err != nil {
			return nil, err
		}
	}
	dl := &wechat.Download{ReadCloser: resp.Body, ContentType: ct, Length: resp.ContentLength}
	if _, params, err := mime.ParseMediaType(resp.Header.Get("Content-Disposition")); err == nil {
		dl.Filename = params["filename"]
	}
	return dl, nil
}

// showQRCodeError turns a non-image answer of showqrcode into an error.
func showQRCodeError(status int, data []byte) error {
	var e wechat.APIError
	if json.Unmarshal(data, &e) == nil && e.Code != 0 {
		e.Method, e.Path = http.MethodGet, "/cgi-bin/showqrcode"
		return &e
	}
	if status/100 != 2 {
		return &wechat.HTTPError{StatusCode: status, Method: http.MethodGet, Path: "/cgi-bin/showqrcode"}
	}
	return fmt.Errorf("oa: GET %s: answer is not an image", ShowQRCodeURL)
}

// ShortURL turns a long URL into a short one (action long2short).
//
// Deprecated: WeChat stopped generating short links on 2021-03-15; the
// endpoint now answers an error for most accounts.
// https://developers.weixin.qq.com/doc/offiaccount/Account_Management/URL_Shortener.html
func (s *AccountService) ShortURL(ctx context.Context, longURL string) (string, error) {
	if longURL == "" {
		return "", invalidArg("long_url", "empty")
	}
	body := struct {
		Action  string `json:"action"`
		LongURL string `json:"long_url"`
	}{"long2short", longURL}
	out, err := call[struct {
		ShortURL string `json:"short_url"`
	}](ctx, s.c, accountShortURL, nil, body)
	if err != nil {
		return "", err
	}
	return out.ShortURL, nil
}

// Quota is the daily quota of an API.
type Quota struct {
	DailyLimit int64 `json:"daily_limit"`
	Used       int64 `json:"used"`
	Remain     int64 `json:"remain"`
}

// RateLimit is a frequency limit: CallCount calls per RefreshSecond seconds.
type RateLimit struct {
	CallCount     int64 `json:"call_count"`
	RefreshSecond int64 `json:"refresh_second"`
}

// QuotaInfo is the answer of openapi/quota/get.
type QuotaInfo struct {
	Quota              Quota      `json:"quota"`
	RateLimit          *RateLimit `json:"rate_limit,omitempty"`
	ComponentRateLimit *RateLimit `json:"component_rate_limit,omitempty"`
}

// Quota returns the daily quota and usage of the API at cgiPath, such as
// "/cgi-bin/message/custom/send".
// https://developers.weixin.qq.com/doc/offiaccount/openApi/get_api_quota.html
func (s *AccountService) Quota(ctx context.Context, cgiPath string) (*QuotaInfo, error) {
	if !strings.HasPrefix(cgiPath, "/") {
		return nil, invalidArg("cgi_path", "must be an API path starting with /")
	}
	return call[QuotaInfo](ctx, s.c, accountQuotaGet, nil, map[string]string{"cgi_path": cgiPath})
}

// ClearQuota resets the daily call counts of every API of the account (10
// times a month at most).
// https://developers.weixin.qq.com/doc/offiaccount/openApi/clear_quota.html
func (s *AccountService) ClearQuota(ctx context.Context) error {
	return s.c.Do(ctx, accountClearQuota, nil, map[string]string{"appid": s.c.AppID()}, nil)
}

// AutoReplyRules is the auto-reply configuration set on the official account
// platform (not replies implemented by your server).
type AutoReplyRules struct {
	IsAddFriendReplyOpen        int             `json:"is_add_friend_reply_open"`
	IsAutoReplyOpen             int             `json:"is_autoreply_open"`
	AddFriendAutoReplyInfo      *AutoReply      `json:"add_friend_autoreply_info,omitempty"`
	MessageDefaultAutoReplyInfo *AutoReply      `json:"message_default_autoreply_info,omitempty"`
	KeywordAutoReplyInfo        KeywordAutoInfo `json:"keyword_autoreply_info"`
}

// AutoReply is one reply: Type is text, img, voice, video or (keyword
// replies only) news; Content is the text or a media id.
type AutoReply struct {
	Type     string    `json:"type"`
	Content  string    `json:"content,omitempty"`
	NewsInfo *NewsInfo `json:"news_info,omitempty"`
}

// KeywordAutoInfo lists the keyword rules.
type KeywordAutoInfo struct {
	List []KeywordRule `json:"list"`
}

// KeywordRule is one keyword auto-reply rule.
type KeywordRule struct {
	RuleName   string `json:"rule_name"`
	CreateTime int64  `json:"create_time"`
	// ReplyMode is reply_all or random_one.
	ReplyMode       string        `json:"reply_mode"`
	KeywordListInfo []KeywordInfo `json:"keyword_list_info"`
	ReplyListInfo   []AutoReply   `json:"reply_list_info"`
}

// KeywordInfo is a keyword of a rule; MatchMode is contain or equal.
type KeywordInfo struct {
	Type      string `json:"type"`
	MatchMode string `json:"match_mode"`
	Content   string `json:"content"`
}

// NewsInfo is a list of articles.
type NewsInfo struct {
	List []NewsArticle `json:"list"`
}

// NewsArticle is an article of a news reply or menu button.
type NewsArticle struct {
	Title      string `json:"title"`
	Author     string `json:"author,omitempty"`
	Digest     string `json:"digest,omitempty"`
	ShowCover  int    `json:"show_cover"`
	CoverURL   string `json:"cover_url,omitempty"`
	ContentURL string `json:"content_url,omitempty"`
	SourceURL  string `json:"source_url,omitempty"`
}

// AutoReplyRules returns the auto-reply rules of the account.
// https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Getting_Rules_for_Auto_Replies.html
func (s *AccountService) AutoReplyRules(ctx context.Context) (*AutoReplyRules, error) {
	return call[AutoReplyRules](ctx, s.c, accountAutoReplyInfo, nil, nil)
}
