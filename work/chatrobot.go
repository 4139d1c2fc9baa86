package work

import (
	"context"
	"crypto/md5"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"io"
	"net/http"
	"net/url"
	"strings"

	wechat "github.com/weixin-go/wechat"
)

var (
	robotSend   = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/webhook/send", Auth: wechat.AuthNone}
	robotUpload = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/webhook/upload_media", Auth: wechat.AuthNone}
)

// Limits of group robot messages.
const (
	maxRobotImage    = 2 << 20 // bytes before base64
	maxRobotMarkdown = 4096    // bytes
	maxRobotText     = 2048    // bytes
)

// ChatRobot sends messages to a group chat through a group robot's webhook
// (群机器人). It needs no agent and no access token: the webhook key is the
// credential, so keep it secret (it never appears in errors or logs). A
// robot may send 20 messages a minute. It is safe for concurrent use.
// https://developer.work.weixin.qq.com/document/path/91770
type ChatRobot struct {
	c   *wechat.Client
	key string
}

// noToken is the token source of a ChatRobot, whose endpoints take none.
type noToken struct{}

func (noToken) Token(context.Context) (string, error) {
	return "", errors.New("work: a chat robot has no access token")
}
func (noToken) Invalidate(context.Context, string) error { return nil }

// NewChatRobot returns a sender for the robot with this webhook URL
// (https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=KEY) or bare key.
// The options are the core client's: WithHTTPClient, WithLogger,
// WithRetry, WithMiddleware; WithBaseURL overrides the webhook's host (for
// tests).
func NewChatRobot(webhook string, opts ...wechat.Option) (*ChatRobot, error) {
	key, base := webhook, DefaultBaseURL
	if strings.Contains(webhook, "://") {
		u, err := url.Parse(webhook)
		if err != nil || u.Host == "" || (u.Scheme != "https" && u.Scheme != "http") {
			return nil, paramErr("webhook", "not an http(s) URL")
		}
		key = u.Query().Get("key")
		base = u.Scheme + "://" + u.Host
	}
	if key == "" || strings.ContainsAny(key, "?&=/# ") {
		return nil, paramErr("webhook", "no valid key")
	}
	all := append([]wechat.Option{wechat.WithBaseURL(base), wechat.WithStore(wechat.NewMemoryStore())}, opts...)
	all = append(all, wechat.WithTokenSource(noToken{}))
	c, err := wechat.NewClient(wechat.Config{AppID: "chatrobot", CodeName: "chatrobot", Type: wechat.WeCom}, all...)
	if err != nil {
		return nil, err
	}
	return &ChatRobot{c: c, key: key}, nil
}

func (r *ChatRobot) query() url.Values { return url.Values{"key": {r.key}} }

// RobotMessage is a message of a group robot: MsgType and the one field
// it names.
type RobotMessage struct {
	MsgType      string        `json:"msgtype"`
	Text         *RobotText    `json:"text,omitempty"`
	Markdown     *TextContent  `json:"markdown,omitempty"`
	Image        *RobotImage   `json:"image,omitempty"`
	News         *News         `json:"news,omitempty"`
	File         *MediaContent `json:"file,omitempty"`
	Voice        *MediaContent `json:"voice,omitempty"`
	TemplateCard *TemplateCard `json:"template_card,omitempty"`
}

// RobotText is a text of at most 2048 bytes; MentionedList (userids, or
// "@all") and MentionedMobileList (mobile numbers) are reminded.
type RobotText struct {
	Content             string   `json:"content"`
	MentionedList       []string `json:"mentioned_list,omitempty"`
	MentionedMobileList []string `json:"mentioned_mobile_list,omitempty"`
}

// RobotImage is an image as the robot sends it: the base64 of the file and
// the hex MD5 of the file (before base64).
type RobotImage struct {
	Base64 string `json:"base64"`
	MD5    string `json:"md5"`
}

// Send sends msg to the robot's group.
// https://developer.work.weixin.qq.com/document/path/91770
func (r *ChatRobot) Send(ctx context.Context, msg *RobotMessage) error {
	if msg == nil || msg.MsgType == "" {
		return paramErr("msgtype", "empty")
	}
	return r.c.Do(ctx, robotSend, r.query(), msg, nil)
}

// SendText sends a text.
// https://developer.work.weixin.qq.com/document/path/91770#文本类型
func (r *ChatRobot) SendText(ctx context.Context, text RobotText) error {
	if text.Content == "" || len(text.Content) > maxRobotText {
		return paramErr("content", "want 1 to 2048 bytes")
	}
	return r.Send(ctx, &RobotMessage{MsgType: "text", Text: &text})
}

// SendMarkdown sends markdown (WeCom's subset, at most 4096 bytes).
// https://developer.work.weixin.qq.com/document/path/91770#markdown类型
func (r *ChatRobot) SendMarkdown(ctx context.Context, content string) error {
	if content == "" || len(content) > maxRobotMarkdown {
		return paramErr("content", "want 1 to 4096 bytes")
	}
	return r.Send(ctx, &RobotMessage{MsgType: "markdown", Markdown: &TextContent{Content: content}})
}

// SendImage sends a jpg or png image of at most 2 MB; the base64 and hex MD5
// WeCom requires are computed here.
// https://developer.work.weixin.qq.com/document/path/91770#图片类型
func (r *ChatRobot) SendImage(ctx context.Context, image []byte) error {
	if len(image) == 0 || len(image) > maxRobotImage {
		return paramErr("image", "want 1 byte to 2 MB")
	}
	sum := md5.Sum(image)
	return r.Send(ctx, &RobotMessage{MsgType: "image", Image: &RobotImage{
		Base64: base64.StdEncoding.EncodeToString(image), MD5: hex.EncodeToString(sum[:])}})
}

// SendNews sends 1 to 8 link articles.
// https://developer.work.weixin.qq.com/document/path/91770#图文类型
func (r *ChatRobot) SendNews(ctx context.Context, articles []NewsArticle) error {
	if err := checkArticles(len(articles)); err != nil {
		return err
	}
	return r.Send(ctx, &RobotMessage{MsgType: "news", News: &News{Articles: articles}})
}

// SendFile sends a file uploaded with UploadMedia.
// https://developer.work.weixin.qq.com/document/path/91770#文件类型
func (r *ChatRobot) SendFile(ctx context.Context, mediaID string) error {
	if err := needB("media_id", mediaID); err != nil {
		return err
	}
	return r.Send(ctx, &RobotMessage{MsgType: "file", File: &MediaContent{MediaID: mediaID}})
}

// SendVoice sends an AMR voice uploaded with UploadMedia.
// https://developer.work.weixin.qq.com/document/path/91770#语音类型
func (r *ChatRobot) SendVoice(ctx context.Context, mediaID string) error {
	if err := needB("media_id", mediaID); err != nil {
		return err
	}
	return r.Send(ctx, &RobotMessage{MsgType: "voice", Voice: &MediaContent{MediaID: mediaID}})
}

// SendTemplateCard sends a text_notice or news_notice template card.
// https://developer.work.weixin.qq.com/document/path/91770#模版卡片类型
func (r *ChatRobot) SendTemplateCard(ctx context.Context, card TemplateCard) error {
	if card.CardType != CardTextNotice && card.CardType != CardNewsNotice {
		return paramErr("card_type", "a robot sends text_notice or news_notice cards")
	}
	return r.Send(ctx, &RobotMessage{MsgType: "template_card", TemplateCard: &card})
}

// UploadMedia uploads a file (at most 20 MB) or an AMR voice (at most 2 MB,
// 60 s) for SendFile and SendVoice, streaming r; the media is valid for 3
// days. typ is MediaFile or MediaVoice.
// https://developer.work.weixin.qq.com/document/path/91770#文件上传接口
func (r *ChatRobot) UploadMedia(ctx context.Context, typ MediaType, filename string, content io.Reader) (*UploadedMedia, error) {
	if typ != MediaFile && typ != MediaVoice {
		return nil, paramErr("type", "want file or voice")
	}
	if err := checkMediaFile(filename, content); err != nil {
		return nil, err
	}
	q := r.query()
	q.Set("type", string(typ))
	out := new(UploadedMedia)
	if err := r.c.Upload(ctx, robotUpload, q, wechat.UploadFile{Field: "media", Filename: filename, Content: content}, nil, out); err != nil {
		return nil, err
	}
	return out, nil
}

// UploadMediaFile is UploadMedia of the file at path.
// https://developer.work.weixin.qq.com/document/path/91770#文件上传接口
func (r *ChatRobot) UploadMediaFile(ctx context.Context, typ MediaType, path string) (m *UploadedMedia, err error) {
	err = wechat.WithFile(path, func(name string, rd io.Reader) error {
		m, err = r.UploadMedia(ctx, typ, name, rd)
		return err
	})
	return m, err
}
