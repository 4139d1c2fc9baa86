package oa

import (
	"context"
	"fmt"
	"net/http"

	wechat "github.com/weixin-go/wechat"
)

var (
	massSendAll  = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/message/mass/sendall"}
	massSend     = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/message/mass/send"}
	massDelete   = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/message/mass/delete"}
	massPreview  = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/message/mass/preview"}
	massGet      = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/message/mass/get"}
	massSpeedGet = wechat.Endpoint{Method: http.MethodGet, Path: "/cgi-bin/message/mass/speed/get"}
	massSpeedSet = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/message/mass/speed/set"}
)

// Limits of mass sending by openid list.
const (
	minMassOpenIDs = 2
	maxMassOpenIDs = 10000
)

// MassMsgType is the type of a mass message.
type MassMsgType string

// Mass message types.
const (
	MassTypeMPNews  MassMsgType = "mpnews"
	MassTypeText    MassMsgType = "text"
	MassTypeVoice   MassMsgType = "voice"
	MassTypeImage   MassMsgType = "image"
	MassTypeMPVideo MassMsgType = "mpvideo"
	MassTypeWXCard  MassMsgType = "wxcard"
)

// MassMessage is a mass message (群发消息): MsgType and the one payload field
// that matches it. NewMassText, NewMassNews... build the usual ones.
type MassMessage struct {
	MsgType MassMsgType `json:"msgtype"`
	MPNews  *MassMedia  `json:"mpnews,omitempty"`
	Text    *MassText   `json:"text,omitempty"`
	Voice   *MassMedia  `json:"voice,omitempty"`
	// Images is the image payload of sends; previews take Image (one image).
	Images  *MassImages `json:"images,omitempty"`
	Image   *MassMedia  `json:"image,omitempty"`
	MPVideo *MassMedia  `json:"mpvideo,omitempty"`
	WXCard  *MassCard   `json:"wxcard,omitempty"`
	// SendIgnoreReprint (1) sends news judged a reprint anyway, when the
	// original allows it; 0 stops the send.
	SendIgnoreReprint int `json:"send_ignore_reprint,omitempty"`
	// ClientMsgID (up to 64 bytes) makes sends idempotent: WeChat refuses a
	// second send with the same id within 24 hours.
	ClientMsgID string `json:"clientmsgid,omitempty"`
}

// MassMedia is a media payload: a news material (mpnews), a voice, an image
// or a video converted with MaterialService.UploadVideo (mpvideo).
type MassMedia struct {
	MediaID string `json:"media_id"`
}

// MassText is a text payload.
type MassText struct {
	Content string `json:"content"`
}

// MassImages is the payload of a mass send of images (permanent materials).
type MassImages struct {
	MediaIDs           []string `json:"media_ids"`
	Recommend          string   `json:"recommend,omitempty"`
	NeedOpenComment    int      `json:"need_open_comment,omitempty"`
	OnlyFansCanComment int      `json:"only_fans_can_comment,omitempty"`
}

// MassCard is a card payload.
type MassCard struct {
	CardID string `json:"card_id"`
}

// NewMassText returns a text mass message.
func NewMassText(content string) *MassMessage {
	return &MassMessage{MsgType: MassTypeText, Text: &MassText{Content: content}}
}

// NewMassNews returns a news mass message of a news material.
func NewMassNews(mediaID string) *MassMessage {
	return &MassMessage{MsgType: MassTypeMPNews, MPNews: &MassMedia{MediaID: mediaID}}
}

// NewMassVoice returns a voice mass message.
func NewMassVoice(mediaID string) *MassMessage {
	return &MassMessage{MsgType: MassTypeVoice, Voice: &MassMedia{MediaID: mediaID}}
}

// NewMassImages returns an image mass message for sends.
func NewMassImages(mediaIDs ...string) *MassMessage {
	return &MassMessage{MsgType: MassTypeImage, Images: &MassImages{MediaIDs: mediaIDs}}
}

// NewMassVideo returns a video mass message of a video converted with
// MaterialService.UploadVideo.
func NewMassVideo(mediaID string) *MassMessage {
	return &MassMessage{MsgType: MassTypeMPVideo, MPVideo: &MassMedia{MediaID: mediaID}}
}

// NewMassCard returns a card mass message.
func NewMassCard(cardID string) *MassMessage {
	return &MassMessage{MsgType: MassTypeWXCard, WXCard: &MassCard{CardID: cardID}}
}

// validate checks that msg carries the payload its MsgType needs.
func (m *MassMessage) validate() error {
	if m == nil {
		return invalidArg("msg", "nil")
	}
	var ok bool
	switch m.MsgType {
	case MassTypeMPNews:
		ok = m.MPNews != nil && m.MPNews.MediaID != ""
	case MassTypeText:
		ok = m.Text != nil && m.Text.Content != ""
	case MassTypeVoice:
		ok = m.Voice != nil && m.Voice.MediaID != ""
	case MassTypeImage:
		ok = (m.Images != nil && len(m.Images.MediaIDs) > 0) || (m.Image != nil && m.Image.MediaID != "")
	case MassTypeMPVideo:
		ok = m.MPVideo != nil && m.MPVideo.MediaID != ""
	case MassTypeWXCard:
		ok = m.WXCard != nil && m.WXCard.CardID != ""
	default:
		return invalidArg("msgtype", fmt.Sprintf("unknown message type %q", m.MsgType))
	}
	if !ok {
		return invalidArg(string(m.MsgType), "payload missing or empty for msgtype "+string(m.MsgType))
	}
	if len(m.ClientMsgID) > 64 {
		return invalidArg("clientmsgid", "longer than 64 bytes")
	}
	return nil
}

// MassSendResult is the answer of a mass send. The final result comes with
// the MASSSENDJOBFINISH event.
type MassSendResult struct {
	MsgID int64 `json:"msg_id"`
	// MsgDataID identifies news messages for comment management.
	MsgDataID wechat.FlexID `json:"msg_data_id,omitempty"`
}

// MassStatus is the state of a mass send.
type MassStatus struct {
	MsgID int64 `json:"msg_id"`
	// Status is "SEND_SUCCESS", "SENDING", "SEND_FAIL" or "DELETE".
	Status string `json:"msg_status"`
}

// MassSpeed is the mass-send speed level and its rate.
type MassSpeed struct {
	// Speed is the level, 0 (fastest, 800,000 messages a minute) to 4
	// (100,000 a minute).
	Speed int `json:"speed"`
	// RealSpeed is the rate in units of 10,000 messages a minute.
	RealSpeed int `json:"realspeed"`
}

type massFilter struct {
	IsToAll bool `json:"is_to_all"`
	TagID   *int `json:"tag_id,omitempty"`
}

func (s *BatchSendsService) sendAll(ctx context.Context, f massFilter, msg *MassMessage) (*MassSendResult, error) {
	if err := msg.validate(); err != nil {
		return nil, err
	}
	return call[MassSendResult](ctx, s.c, massSendAll, nil, struct {
		Filter massFilter `json:"filter"`
		*MassMessage
	}{f, msg})
}

// SendToAll sends msg to every follower; the message enters the account's
// history list.
// https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Batch_Sends_and_Originality_Checks.html
func (s *BatchSendsService) SendToAll(ctx context.Context, msg *MassMessage) (*MassSendResult, error) {
	return s.sendAll(ctx, massFilter{IsToAll: true}, msg)
}

// SendToTag sends msg to the followers with tag tagID.
// https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Batch_Sends_and_Originality_Checks.html
func (s *BatchSendsService) SendToTag(ctx context.Context, tagID int, msg *MassMessage) (*MassSendResult, error) {
	if tagID <= 0 {
		return nil, invalidArg("tag_id", "must be positive")
	}
	return s.sendAll(ctx, massFilter{TagID: &tagID}, msg)
}

// SendToUsers sends msg to a list of 2 to 10,000 followers.
// https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Batch_Sends_and_Originality_Checks.html
func (s *BatchSendsService) SendToUsers(ctx context.Context, openIDs []string, msg *MassMessage) (*MassSendResult, error) {
	if err := checkOpenIDs("touser", openIDs, maxMassOpenIDs); err != nil {
		return nil, err
	}
	if len(openIDs) < minMassOpenIDs {
		return nil, invalidArg("touser", "at least 2 openids; use Preview or a customer-service message for one user")
	}
	if err := msg.validate(); err != nil {
		return nil, err
	}
	return call[MassSendResult](ctx, s.c, massSend, nil, struct {
		ToUser []string `json:"touser"`
		*MassMessage
	}{openIDs, msg})
}

func (s *BatchSendsService) preview(ctx context.Context, openID, wxName string, msg *MassMessage) (int64, error) {
	if err := msg.validate(); err != nil {
		return 0, err
	}
	m := *msg
	if m.MsgType == MassTypeImage && m.Image == nil {
		m.Image, m.Images = &MassMedia{MediaID: m.Images.MediaIDs[0]}, nil
	}
	m.SendIgnoreReprint, m.ClientMsgID = 0, ""
	out, err := call[MassSendResult](ctx, s.c, massPreview, nil, struct {
		ToUser   string `json:"touser,omitempty"`
		ToWXName string `json:"towxname,omitempty"`
		*MassMessage
	}{openID, wxName, &m})
	if err != nil {
		return 0, err
	}
	return out.MsgID, nil
}

// Preview sends msg to one follower to check its layout and returns the
// msg_id. An image message is previewed with its first image.
// https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Batch_Sends_and_Originality_Checks.html
func (s *BatchSendsService) Preview(ctx context.Context, openID string, msg *MassMessage) (int64, error) {
	if err := requireOpenID(openID); err != nil {
		return 0, err
	}
	return s.preview(ctx, openID, "", msg)
}

// PreviewToWXName is Preview to the follower with WeChat ID wxName.
// https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Batch_Sends_and_Originality_Checks.html
func (s *BatchSendsService) PreviewToWXName(ctx context.Context, wxName string, msg *MassMessage) (int64, error) {
	if wxName == "" {
		return 0, invalidArg("towxname", "empty")
	}
	return s.preview(ctx, "", wxName, msg)
}

// Delete deletes a sent news message: article articleIdx (1 for the first)
// or, with 0, the whole message. Only the article page is deleted; the
// message stays in the users' chats.
// https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Batch_Sends_and_Originality_Checks.html
func (s *BatchSendsService) Delete(ctx context.Context, msgID int64, articleIdx int) error {
	switch {
	case msgID <= 0:
		return invalidArg("msg_id", "must be positive")
	case articleIdx < 0:
		return invalidArg("article_idx", "negative")
	}
	return s.c.Do(ctx, massDelete, nil, struct {
		MsgID      int64 `json:"msg_id"`
		ArticleIdx int   `json:"article_idx"`
	}{msgID, articleIdx}, nil)
}

// DeleteByURL deletes the sent article whose page is articleURL.
// https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Batch_Sends_and_Originality_Checks.html
func (s *BatchSendsService) DeleteByURL(ctx context.Context, articleURL string) error {
	if articleURL == "" {
		return invalidArg("url", "empty")
	}
	return s.c.Do(ctx, massDelete, nil, struct {
		URL string `json:"url"`
	}{articleURL}, nil)
}

// Status returns the state of a mass send.
// https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Batch_Sends_and_Originality_Checks.html
func (s *BatchSendsService) Status(ctx context.Context, msgID int64) (*MassStatus, error) {
	if msgID <= 0 {
		return nil, invalidArg("msg_id", "must be positive")
	}
	return call[MassStatus](ctx, s.c, massGet, nil, struct {
		MsgID int64 `json:"msg_id"`
	}{msgID})
}

// Speed returns the mass-send speed.
// https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Batch_Sends_and_Originality_Checks.html
func (s *BatchSendsService) Speed(ctx context.Context) (*MassSpeed, error) {
	return call[MassSpeed](ctx, s.c, massSpeedGet, nil, nil)
}

// SetSpeed sets the mass-send speed level, 0 (fastest) to 4.
// https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Batch_Sends_and_Originality_Checks.html
func (s *BatchSendsService) SetSpeed(ctx context.Context, speed int) error {
	if speed < 0 || speed > 4 {
		return invalidArg("speed", fmt.Sprintf("%d is not in 0..4", speed))
	}
	return s.c.Do(ctx, massSpeedSet, nil, struct {
		Speed int `json:"speed"`
	}{speed}, nil)
}
