package miniprogram

import (
	"context"
	"io"
	"net/http"
	"net/url"

	wechat "github.com/weixin-go/wechat"
)

var (
	customSend      = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/message/custom/send"}
	customTyping    = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/message/custom/typing"}
	customMediaUp   = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/media/upload"}
	customMediaDown = wechat.Endpoint{Method: http.MethodGet, Path: "/cgi-bin/media/get"}
)

// Message types of mini program customer-service messages.
const (
	MsgText            = "text"
	MsgImage           = "image"
	MsgLink            = "link"
	MsgMiniProgramPage = "miniprogrampage"
)

// CustomMessage is a customer-service message to a user who wrote to the
// mini program in the last 48 hours. Set MsgType and the matching field;
// the Send* helpers do it.
type CustomMessage struct {
	ToUser          string               `json:"touser"`
	MsgType         string               `json:"msgtype"`
	Text            *TextContent         `json:"text,omitempty"`
	Image           *MediaContent        `json:"image,omitempty"`
	Link            *Link                `json:"link,omitempty"`
	MiniProgramPage *MiniProgramPageCard `json:"miniprogrampage,omitempty"`
}

// TextContent is the payload of a text message.
type TextContent struct {
	Content string `json:"content"`
}

// MediaContent is the payload of an image message: a temporary media id
// from UploadTempMedia.
type MediaContent struct {
	MediaID string `json:"media_id"`
}

// Link is the payload of a link (graphic) message.
type Link struct {
	Title       string `json:"title"`
	Description string `json:"description"`
	URL         string `json:"url"`
	ThumbURL    string `json:"thumb_url"`
}

// MiniProgramPageCard is the payload of a mini program page card.
type MiniProgramPageCard struct {
	Title    string `json:"title"`
	PagePath string `json:"pagepath"`
	// ThumbMediaID is an image uploaded with UploadTempMedia.
	ThumbMediaID string `json:"thumb_media_id"`
}

func (m *CustomMessage) check() error {
	if err := required("touser", m.ToUser); err != nil {
		return err
	}
	var ok bool
	switch m.MsgType {
	case MsgText:
		ok = m.Text != nil && m.Text.Content != ""
	case MsgImage:
		ok = m.Image != nil && m.Image.MediaID != ""
	case MsgLink:
		ok = m.Link != nil && m.Link.Title != "" && m.Link.URL != ""
	case MsgMiniProgramPage:
		ok = m.MiniProgramPage != nil && m.MiniProgramPage.PagePath != "" && m.MiniProgramPage.ThumbMediaID != ""
	default:
		return invalidArg("msgtype", "must be text, image, link or miniprogrampage")
	}
	if !ok {
		return invalidArg(m.MsgType, "payload missing or incomplete")
	}
	return nil
}

// Send sends a customer-service message.
// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/kf-mgnt/kf-message/sendCustomMessage.html
func (s *CustomMessageService) Send(ctx context.Context, msg *CustomMessage) error {
	if msg == nil {
		return invalidArg("msgtype", "no message")
	}
	if err := msg.check(); err != nil {
		return err
	}
	return s.c.Do(ctx, customSend, nil, msg, nil)
}

// SendText sends a text message.
// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/kf-mgnt/kf-message/sendCustomMessage.html
func (s *CustomMessageService) SendText(ctx context.Context, toUser, content string) error {
	return s.Send(ctx, &CustomMessage{ToUser: toUser, MsgType: MsgText, Text: &TextContent{content}})
}

// SendImage sends an image uploaded with UploadTempMedia.
// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/kf-mgnt/kf-message/sendCustomMessage.html
func (s *CustomMessageService) SendImage(ctx context.Context, toUser, mediaID string) error {
	return s.Send(ctx, &CustomMessage{ToUser: toUser, MsgType: MsgImage, Image: &MediaContent{mediaID}})
}

// SendLink sends a link card.
// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/kf-mgnt/kf-message/sendCustomMessage.html
func (s *CustomMessageService) SendLink(ctx context.Context, toUser string, link Link) error {
	return s.Send(ctx, &CustomMessage{ToUser: toUser, MsgType: MsgLink, Link: &link})
}

// SendMiniProgramPage sends a mini program page card.
// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/kf-mgnt/kf-message/sendCustomMessage.html
func (s *CustomMessageService) SendMiniProgramPage(ctx context.Context, toUser string, card MiniProgramPageCard) error {
	return s.Send(ctx, &CustomMessage{ToUser: toUser, MsgType: MsgMiniProgramPage, MiniProgramPage: &card})
}

// Typing shows (typing true) or hides the "typing" state to the user.
// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/kf-mgnt/kf-message/setTyping.html
func (s *CustomMessageService) Typing(ctx context.Context, toUser string, typing bool) error {
	if err := required("touser", toUser); err != nil {
		return err
	}
	cmd := "CancelTyping"
	if typing {
		cmd = "Typing"
	}
	return s.c.Do(ctx, customTyping, nil, map[string]string{"touser": toUser, "command": cmd}, nil)
}

// TempMedia is an uploaded temporary media, valid three days.
type TempMedia struct {
	Type      string `json:"type"`
	MediaID   string `json:"media_id"`
	CreatedAt int64  `json:"created_at"`
}

// UploadTempMedia uploads an image (the only type mini programs may send)
// as temporary media, streaming content; filename's extension gives its
// format.
// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/kf-mgnt/kf-message/uploadTempMedia.html
func (s *CustomMessageService) UploadTempMedia(ctx context.Context, filename string, content io.Reader) (*TempMedia, error) {
	if err := required("filename", filename); err != nil {
		return nil, err
	}
	if content == nil {
		return nil, invalidArg("media", "no content")
	}
	out := new(TempMedia)
	err := s.c.Upload(ctx, customMediaUp, url.Values{"type": {"image"}}, wechat.UploadFile{Field: "media", Filename: filename, Content: content}, nil, out)
	if err != nil {
		return nil, err
	}
	return out, nil
}

// GetTempMedia streams a temporary media (such as an image the user sent);
// the caller must Close it.
// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/kf-mgnt/kf-message/getTempMedia.html
func (s *CustomMessageService) GetTempMedia(ctx context.Context, mediaID string) (*wechat.Download, error) {
	if err := required("media_id", mediaID); err != nil {
		return nil, err
	}
	return s.c.Stream(ctx, customMediaDown, url.Values{"media_id": {mediaID}}, nil)
}
