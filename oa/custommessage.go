package oa

import (
	"context"
	"net/http"

	wechat "github.com/weixin-go/wechat"
)

var (
	customMessageSend   = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/message/custom/send"}
	customMessageTyping = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/message/custom/typing"}
)

// argErr reports a bad argument of this file's methods as the package's
// *InvalidArgumentError; no request is sent.
func argErr(field, reason string) error {
	return invalidArg(field, reason)
}

// CustomMsgType is the msgtype of a customer-service message.
type CustomMsgType string

// Customer-service message types.
const (
	MsgTypeText            CustomMsgType = "text"
	MsgTypeImage           CustomMsgType = "image"
	MsgTypeVoice           CustomMsgType = "voice"
	MsgTypeVideo           CustomMsgType = "video"
	MsgTypeMusic           CustomMsgType = "music"
	MsgTypeNews            CustomMsgType = "news"
	MsgTypeMPNews          CustomMsgType = "mpnews"
	MsgTypeMPNewsArticle   CustomMsgType = "mpnewsarticle"
	MsgTypeMsgMenu         CustomMsgType = "msgmenu"
	MsgTypeWXCard          CustomMsgType = "wxcard"
	MsgTypeMiniProgramPage CustomMsgType = "miniprogrampage"
)

// CustomMessage is a customer-service message: MsgType says which one of
// the payload fields is set. The typed Send* helpers fill it for you.
type CustomMessage struct {
	ToUser          string                 `json:"touser"`
	MsgType         CustomMsgType          `json:"msgtype"`
	Text            *CustomText            `json:"text,omitempty"`
	Image           *CustomMedia           `json:"image,omitempty"`
	Voice           *CustomMedia           `json:"voice,omitempty"`
	Video           *CustomVideo           `json:"video,omitempty"`
	Music           *CustomMusic           `json:"music,omitempty"`
	News            *CustomNews            `json:"news,omitempty"`
	MPNews          *CustomMedia           `json:"mpnews,omitempty"`
	MPNewsArticle   *CustomArticleRef      `json:"mpnewsarticle,omitempty"`
	MsgMenu         *CustomMsgMenu         `json:"msgmenu,omitempty"`
	WXCard          *CustomCard            `json:"wxcard,omitempty"`
	MiniProgramPage *CustomMiniProgramPage `json:"miniprogrampage,omitempty"`
	// CustomService sends the message as a given customer-service account.
	CustomService *CustomServiceAccount `json:"customservice,omitempty"`
}

// CustomText is a text message. Content may hold <a> links, including
// mini program links with data-miniprogram-appid and data-miniprogram-path.
type CustomText struct {
	Content string `json:"content"`
}

// CustomMedia references uploaded media by media_id (image, voice, mpnews).
type CustomMedia struct {
	MediaID string `json:"media_id"`
}

// CustomVideo is a video message.
type CustomVideo struct {
	MediaID      string `json:"media_id"`
	ThumbMediaID string `json:"thumb_media_id,omitempty"`
	Title        string `json:"title,omitempty"`
	Description  string `json:"description,omitempty"`
}

// CustomMusic is a music message.
type CustomMusic struct {
	Title        string `json:"title,omitempty"`
	Description  string `json:"description,omitempty"`
	MusicURL     string `json:"musicurl"`
	HQMusicURL   string `json:"hqmusicurl"`
	ThumbMediaID string `json:"thumb_media_id"`
}

// CustomNewsArticle is an article of a news message that links to an
// external page.
type CustomNewsArticle struct {
	Title       string `json:"title"`
	Description string `json:"description,omitempty"`
	URL         string `json:"url"`
	PicURL      string `json:"picurl,omitempty"`
}

// CustomNews is a news message (WeChat accepts one article).
type CustomNews struct {
	Articles []CustomNewsArticle `json:"articles"`
}

// CustomArticleRef references a published article by its article_id.
type CustomArticleRef struct {
	ArticleID string `json:"article_id"`
}

// CustomMsgMenuItem is one choice of a menu message.
type CustomMsgMenuItem struct {
	ID      string `json:"id"`
	Content string `json:"content"`
}

// CustomMsgMenu is a menu message: the user taps one item, which is sent
// back as a message with its id.
type CustomMsgMenu struct {
	HeadContent string              `json:"head_content"`
	List        []CustomMsgMenuItem `json:"list"`
	TailContent string              `json:"tail_content"`
}

// CustomCard is a card (coupon) message.
type CustomCard struct {
	CardID string `json:"card_id"`
}

// CustomMiniProgramPage is a mini program card; the mini program must be
// linked to the official account.
type CustomMiniProgramPage struct {
	Title        string `json:"title"`
	AppID        string `json:"appid"`
	PagePath     string `json:"pagepath"`
	ThumbMediaID string `json:"thumb_media_id"`
}

// CustomServiceAccount names the customer-service account that sends a message.
type CustomServiceAccount struct {
	KFAccount string `json:"kf_account"`
}

// validate checks that MsgType matches exactly one payload.
func (m *CustomMessage) validate() error {
	if m == nil {
		return argErr("message", "nil")
	}
	if m.ToUser == "" {
		return argErr("touser", "required")
	}
	payloads := map[CustomMsgType]bool{
		MsgTypeText:            m.Text != nil,
		MsgTypeImage:           m.Image != nil,
		MsgTypeVoice:           m.Voice != nil,
		MsgTypeVideo:           m.Video != nil,
		MsgTypeMusic:           m.Music != nil,
		MsgTypeNews:            m.News != nil,
		MsgTypeMPNews:          m.MPNews != nil,
		MsgTypeMPNewsArticle:   m.MPNewsArticle != nil,
		MsgTypeMsgMenu:         m.MsgMenu != nil,
		MsgTypeWXCard:          m.WXCard != nil,
		MsgTypeMiniProgramPage: m.MiniProgramPage != nil,
	}
	set, known := payloads[m.MsgType]
	if !known {
		return argErr("msgtype", "unknown type "+string(m.MsgType))
	}
	if !set {
		return argErr(string(m.MsgType), "payload missing for msgtype "+string(m.MsgType))
	}
	for t, has := range payloads {
		if has && t != m.MsgType {
			return argErr(string(t), "payload set but msgtype is "+string(m.MsgType))
		}
	}
	return nil
}

// Send sends a customer-service message; the user must have interacted with
// the account within the last 48 hours (errcode 45015 otherwise).
// https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Service_Center_messages.html#7
func (s *CustomMessageService) Send(ctx context.Context, msg *CustomMessage) error {
	if err := msg.validate(); err != nil {
		return err
	}
	return s.c.Do(ctx, customMessageSend, nil, msg, nil)
}

// SendText sends a text message.
// https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Service_Center_messages.html#7
func (s *CustomMessageService) SendText(ctx context.Context, toUser, content string) error {
	return s.Send(ctx, &CustomMessage{ToUser: toUser, MsgType: MsgTypeText, Text: &CustomText{Content: content}})
}

// SendTextAs sends a text message as the customer-service account kfAccount
// ("name@account").
// https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Service_Center_messages.html#7
func (s *CustomMessageService) SendTextAs(ctx context.Context, toUser, content, kfAccount string) error {
	return s.Send(ctx, &CustomMessage{
		ToUser: toUser, MsgType: MsgTypeText, Text: &CustomText{Content: content},
		CustomService: &CustomServiceAccount{KFAccount: kfAccount},
	})
}

// SendImage sends an uploaded image.
// https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Service_Center_messages.html#7
func (s *CustomMessageService) SendImage(ctx context.Context, toUser, mediaID string) error {
	return s.Send(ctx, &CustomMessage{ToUser: toUser, MsgType: MsgTypeImage, Image: &CustomMedia{MediaID: mediaID}})
}

// SendVoice sends an uploaded voice.
// https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Service_Center_messages.html#7
func (s *CustomMessageService) SendVoice(ctx context.Context, toUser, mediaID string) error {
	return s.Send(ctx, &CustomMessage{ToUser: toUser, MsgType: MsgTypeVoice, Voice: &CustomMedia{MediaID: mediaID}})
}

// SendVideo sends an uploaded video.
// https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Service_Center_messages.html#7
func (s *CustomMessageService) SendVideo(ctx context.Context, toUser string, video *CustomVideo) error {
	return s.Send(ctx, &CustomMessage{ToUser: toUser, MsgType: MsgTypeVideo, Video: video})
}

// SendMusic sends a music message.
// https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Service_Center_messages.html#7
func (s *CustomMessageService) SendMusic(ctx context.Context, toUser string, music *CustomMusic) error {
	return s.Send(ctx, &CustomMessage{ToUser: toUser, MsgType: MsgTypeMusic, Music: music})
}

// SendNews sends a news message of articles linking to external pages
// (WeChat accepts one article; more give errcode 45008).
// https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Service_Center_messages.html#7
func (s *CustomMessageService) SendNews(ctx context.Context, toUser string, articles ...CustomNewsArticle) error {
	if len(articles) == 0 {
		return argErr("articles", "at least one article is required")
	}
	return s.Send(ctx, &CustomMessage{ToUser: toUser, MsgType: MsgTypeNews, News: &CustomNews{Articles: articles}})
}

// SendMPNews sends a news material (by media_id) that opens in WeChat.
// https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Service_Center_messages.html#7
func (s *CustomMessageService) SendMPNews(ctx context.Context, toUser, mediaID string) error {
	return s.Send(ctx, &CustomMessage{ToUser: toUser, MsgType: MsgTypeMPNews, MPNews: &CustomMedia{MediaID: mediaID}})
}

// SendArticle sends a published article by its article_id (mpnewsarticle).
// https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Service_Center_messages.html#7
func (s *CustomMessageService) SendArticle(ctx context.Context, toUser, articleID string) error {
	return s.Send(ctx, &CustomMessage{ToUser: toUser, MsgType: MsgTypeMPNewsArticle, MPNewsArticle: &CustomArticleRef{ArticleID: articleID}})
}

// SendMenu sends a menu message.
// https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Service_Center_messages.html#7
func (s *CustomMessageService) SendMenu(ctx context.Context, toUser string, menu *CustomMsgMenu) error {
	return s.Send(ctx, &CustomMessage{ToUser: toUser, MsgType: MsgTypeMsgMenu, MsgMenu: menu})
}

// SendCard sends a card (coupon).
// https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Service_Center_messages.html#7
func (s *CustomMessageService) SendCard(ctx context.Context, toUser, cardID string) error {
	return s.Send(ctx, &CustomMessage{ToUser: toUser, MsgType: MsgTypeWXCard, WXCard: &CustomCard{CardID: cardID}})
}

// SendMiniProgramPage sends a mini program card.
// https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Service_Center_messages.html#7
func (s *CustomMessageService) SendMiniProgramPage(ctx context.Context, toUser string, page *CustomMiniProgramPage) error {
	return s.Send(ctx, &CustomMessage{ToUser: toUser, MsgType: MsgTypeMiniProgramPage, MiniProgramPage: page})
}

// Typing shows (typing true) or cancels the "typing..." state in the user's
// chat window.
// https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Service_Center_messages.html#8
func (s *CustomMessageService) Typing(ctx context.Context, toUser string, typing bool) error {
	if toUser == "" {
		return argErr("touser", "required")
	}
	body := struct {
		ToUser  string `json:"touser"`
		Command string `json:"command"`
	}{toUser, "CancelTyping"}
	if typing {
		body.Command = "Typing"
	}
	return s.c.Do(ctx, customMessageTyping, nil, body, nil)
}
