package work

import (
	"context"
	"iter"
)

var (
	kfSyncMsg        = epPost("/cgi-bin/kf/sync_msg")
	kfSendMsg        = epPost("/cgi-bin/kf/send_msg")
	kfSendMsgOnEvent = epPost("/cgi-bin/kf/send_msg_on_event")
)

// Origins of a received customer-service message.
const (
	KFOriginCustomer = 3 // sent by the WeChat customer
	KFOriginEvent    = 4 // a system event
	KFOriginServicer = 5 // sent by a servicer from the WeCom client
)

// KFMessage is a message or event read with SyncMsg: MsgType names the one
// content field set.
// https://developer.work.weixin.qq.com/document/path/94670
type KFMessage struct {
	MsgID          string `json:"msgid"`
	OpenKfID       string `json:"open_kfid"`
	ExternalUserID string `json:"external_userid"`
	SendTime       int64  `json:"send_time"`
	Origin         int    `json:"origin"`
	ServicerUserID string `json:"servicer_userid,omitempty"`
	KFContent
	Event *KFEvent `json:"event,omitempty"`
}

// KFEvent is a customer-service event (enter_session, msg_send_fail,
// servicer_status_change, session_status_change, user_recall_msg, ...).
type KFEvent struct {
	EventType      string `json:"event_type"`
	OpenKfID       string `json:"open_kfid,omitempty"`
	ExternalUserID string `json:"external_userid,omitempty"`
	Scene          string `json:"scene,omitempty"`
	SceneParam     string `json:"scene_param,omitempty"`
	// WelcomeCode (enter_session) lets SendOnEvent greet the customer.
	WelcomeCode       string `json:"welcome_code,omitempty"`
	FailMsgID         string `json:"fail_msgid,omitempty"`
	FailType          int    `json:"fail_type,omitempty"`
	ServicerUserID    string `json:"servicer_userid,omitempty"`
	Status            int    `json:"status,omitempty"`
	ChangeType        int    `json:"change_type,omitempty"`
	OldServicerUserID string `json:"old_servicer_userid,omitempty"`
	NewServicerUserID string `json:"new_servicer_userid,omitempty"`
	// MsgCode (session_status_change) lets SendOnEvent send an end or
	// transfer message.
	MsgCode     string `json:"msg_code,omitempty"`
	RecallMsgID string `json:"recall_msgid,omitempty"`
}

// KFContent is the content of a customer-service message: MsgType and the
// one field it names.
type KFContent struct {
	MsgType     string         `json:"msgtype"`
	Text        *KFText        `json:"text,omitempty"`
	Image       *MediaContent  `json:"image,omitempty"`
	Voice       *MediaContent  `json:"voice,omitempty"`
	Video       *MediaContent  `json:"video,omitempty"`
	File        *MediaContent  `json:"file,omitempty"`
	Link        *KFLink        `json:"link,omitempty"`
	MiniProgram *KFMiniProgram `json:"miniprogram,omitempty"`
	MsgMenu     *KFMenu        `json:"msgmenu,omitempty"`
	Location    *KFLocation    `json:"location,omitempty"`
	// BusinessCard is received only.
	BusinessCard *struct {
		UserID string `json:"userid"`
	} `json:"business_card,omitempty"`
}

// KFText is a text; MenuID is set on received texts that answer a menu click.
type KFText struct {
	Content string `json:"content"`
	MenuID  string `json:"menu_id,omitempty"`
}

// KFLink is a link card; ThumbMediaID is the cover to send, PicURL the
// cover received.
type KFLink struct {
	Title        string `json:"title"`
	Desc         string `json:"desc,omitempty"`
	URL          string `json:"url"`
	ThumbMediaID string `json:"thumb_media_id,omitempty"`
	PicURL       string `json:"pic_url,omitempty"`
}

// KFMiniProgram is a mini-program card.
type KFMiniProgram struct {
	AppID        string `json:"appid"`
	Title        string `json:"title,omitempty"`
	ThumbMediaID string `json:"thumb_media_id"`
	PagePath     string `json:"pagepath"`
}

// KFMenu is a menu message: a head, 1 or more entries and a tail.
type KFMenu struct {
	HeadContent string        `json:"head_content,omitempty"`
	List        []KFMenuEntry `json:"list"`
	TailContent string        `json:"tail_content,omitempty"`
}

// KFMenuEntry is an entry of a menu message: Type click (Click), view
// (View), miniprogram (MiniProgram) or text (Text).
type KFMenuEntry struct {
	Type  string `json:"type"`
	Click *struct {
		ID      string `json:"id,omitempty"`
		Content string `json:"content"`
	} `json:"click,omitempty"`
	View *struct {
		URL     string `json:"url"`
		Content string `json:"content"`
	} `json:"view,omitempty"`
	MiniProgram *struct {
		AppID    string `json:"appid"`
		PagePath string `json:"pagepath"`
		Content  string `json:"content"`
	} `json:"miniprogram,omitempty"`
	Text *struct {
		Content   string `json:"content"`
		NoNewline int    `json:"no_newline,omitempty"`
	} `json:"text,omitempty"`
}

// KFMenuClick returns a click entry, which sends id back as the menu_id of
// the customer's text.
func KFMenuClick(id, content string) KFMenuEntry {
	e := KFMenuEntry{Type: "click"}
	e.Click = &struct {
		ID      string `json:"id,omitempty"`
		Content string `json:"content"`
	}{id, content}
	return e
}

// KFMenuView returns an entry opening a web page.
func KFMenuView(url, content string) KFMenuEntry {
	e := KFMenuEntry{Type: "view"}
	e.View = &struct {
		URL     string `json:"url"`
		Content string `json:"content"`
	}{url, content}
	return e
}

// KFLocation is a place.
type KFLocation struct {
	Name      string  `json:"name,omitempty"`
	Address   string  `json:"address,omitempty"`
	Latitude  float64 `json:"latitude"`
	Longitude float64 `json:"longitude"`
}

// SyncMsgRequest asks for the messages after Cursor ("" for the oldest of
// the last 3 days). Token is the one of the kf_msg_or_event callback (10
// minutes; without it the call is strictly rate-limited). Limit is 1 to
// 1000 (0 for 1000); VoiceFormat 0 AMR, 1 Silk; OpenKfID restricts to one
// account.
type SyncMsgRequest struct {
	Cursor      string `json:"cursor,omitempty"`
	Token       string `json:"token,omitempty"`
	Limit       int    `json:"limit,omitempty"`
	VoiceFormat int    `json:"voice_format,omitempty"`
	OpenKfID    string `json:"open_kfid,omitempty"`
}

// SyncMsgResult is a page of messages; HasMore is 1 when more follow.
type SyncMsgResult struct {
	NextCursor string      `json:"next_cursor"`
	HasMore    int         `json:"has_more"`
	MsgList    []KFMessage `json:"msg_list"`
}

// SyncMsg reads a page of messages and events.
// https://developer.work.weixin.qq.com/document/path/94670
func (s *KFMessageService) SyncMsg(ctx context.Context, req SyncMsgRequest) (*SyncMsgResult, error) {
	if req.Limit < 0 || req.Limit > 1000 {
		return nil, paramErr("limit", "want 1 to 1000")
	}
	return callB[SyncMsgResult](ctx, s.c, kfSyncMsg, nil, req)
}

// Sync iterates over every message after req.Cursor, page by page, while
// WeCom reports more. Once every message of a page has been yielded,
// req.Cursor is advanced to the page's next_cursor: when the loop ends,
// req.Cursor is the cursor to save for the next Sync. Breaking out in the
// middle of a page leaves req.Cursor at the start of that page, which is
// then read again (at-least-once delivery).
// https://developer.work.weixin.qq.com/document/path/94670
func (s *KFMessageService) Sync(ctx context.Context, req *SyncMsgRequest) iter.Seq2[KFMessage, error] {
	return func(yield func(KFMessage, error) bool) {
		if req == nil {
			yield(KFMessage{}, paramErr("cursor", "nil request"))
			return
		}
		for {
			page, err := s.SyncMsg(ctx, *req)
			if err != nil {
				yield(KFMessage{}, err)
				return
			}
			for _, m := range page.MsgList {
				if !yield(m, nil) {
					return
				}
			}
			if page.NextCursor != "" {
				req.Cursor = page.NextCursor
			}
			if page.HasMore != 1 || len(page.MsgList) == 0 {
				return
			}
		}
	}
}

// KFSendMessage is a message to a customer: ToUser is the external_userid,
// MsgID an optional id of your own (at most 32 of [0-9a-zA-Z_-]).
type KFSendMessage struct {
	ToUser   string `json:"touser"`
	OpenKfID string `json:"open_kfid"`
	MsgID    string `json:"msgid,omitempty"`
	KFContent
}

// Send sends a message to a customer within 48 hours of the customer's
// last message (at most 5 messages) and returns its msgid.
// https://developer.work.weixin.qq.com/document/path/94677
func (s *KFMessageService) Send(ctx context.Context, msg *KFSendMessage) (string, error) {
	if msg == nil {
		return "", paramErr("touser", "nil message")
	}
	if err := needB("touser", msg.ToUser, "open_kfid", msg.OpenKfID, "msgtype", msg.MsgType); err != nil {
		return "", err
	}
	out, err := callB[struct {
		MsgID string `json:"msgid"`
	}](ctx, s.c, kfSendMsg, nil, msg)
	if err != nil {
		return "", err
	}
	return out.MsgID, nil
}

func (s *KFMessageService) send(ctx context.Context, toUser, openKfID string, c KFContent, err error) (string, error) {
	if err != nil {
		return "", err
	}
	return s.Send(ctx, &KFSendMessage{ToUser: toUser, OpenKfID: openKfID, KFContent: c})
}

func kfText(content string) (KFContent, error) {
	if content == "" {
		return KFContent{}, paramErr("content", "empty")
	}
	return KFContent{MsgType: "text", Text: &KFText{Content: content}}, nil
}

func kfMenu(menu KFMenu) (KFContent, error) {
	if len(menu.List) == 0 {
		return KFContent{}, paramErr("list", "a menu needs at least one entry")
	}
	return KFContent{MsgType: "msgmenu", MsgMenu: &menu}, nil
}

func kfMedia(typ, mediaID string) (KFContent, error) {
	if err := needB("media_id", mediaID); err != nil {
		return KFContent{}, err
	}
	c, m := KFContent{MsgType: typ}, &MediaContent{MediaID: mediaID}
	switch typ {
	case "image":
		c.Image = m
	case "voice":
		c.Voice = m
	case "video":
		c.Video = m
	default:
		c.File = m
	}
	return c, nil
}

// SendText sends a text to a customer.
// https://developer.work.weixin.qq.com/document/path/94677#文本消息
func (s *KFMessageService) SendText(ctx context.Context, toUser, openKfID, content string) (string, error) {
	c, err := kfText(content)
	return s.send(ctx, toUser, openKfID, c, err)
}

// SendImage sends an image uploaded with Material.Upload.
// https://developer.work.weixin.qq.com/document/path/94677#图片消息
func (s *KFMessageService) SendImage(ctx context.Context, toUser, openKfID, mediaID string) (string, error) {
	c, err := kfMedia("image", mediaID)
	return s.send(ctx, toUser, openKfID, c, err)
}

// SendVoice sends a voice uploaded with Material.Upload.
// https://developer.work.weixin.qq.com/document/path/94677#语音消息
func (s *KFMessageService) SendVoice(ctx context.Context, toUser, openKfID, mediaID string) (string, error) {
	c, err := kfMedia("voice", mediaID)
	return s.send(ctx, toUser, openKfID, c, err)
}

// SendVideo sends a video uploaded with Material.Upload.
// https://developer.work.weixin.qq.com/document/path/94677#视频消息
func (s *KFMessageService) SendVideo(ctx context.Context, toUser, openKfID, mediaID string) (string, error) {
	c, err := kfMedia("video", mediaID)
	return s.send(ctx, toUser, openKfID, c, err)
}

// SendFile sends a file uploaded with Material.Upload.
// https://developer.work.weixin.qq.com/document/path/94677#文件消息
func (s *KFMessageService) SendFile(ctx context.Context, toUser, openKfID, mediaID string) (string, error) {
	c, err := kfMedia("file", mediaID)
	return s.send(ctx, toUser, openKfID, c, err)
}

// SendLink sends a link card.
// https://developer.work.weixin.qq.com/document/path/94677#图文链接消息
func (s *KFMessageService) SendLink(ctx context.Context, toUser, openKfID string, link KFLink) (string, error) {
	err := needB("title", link.Title, "url", link.URL, "thumb_media_id", link.ThumbMediaID)
	return s.send(ctx, toUser, openKfID, KFContent{MsgType: "link", Link: &link}, err)
}

// SendMiniProgram sends a mini-program card.
// https://developer.work.weixin.qq.com/document/path/94677#小程序消息
func (s *KFMessageService) SendMiniProgram(ctx context.Context, toUser, openKfID string, mp KFMiniProgram) (string, error) {
	err := needB("appid", mp.AppID, "thumb_media_id", mp.ThumbMediaID, "pagepath", mp.PagePath)
	return s.send(ctx, toUser, openKfID, KFContent{MsgType: "miniprogram", MiniProgram: &mp}, err)
}

// SendMenu sends a menu message.
// https://developer.work.weixin.qq.com/document/path/94677#菜单消息
func (s *KFMessageService) SendMenu(ctx context.Context, toUser, openKfID string, menu KFMenu) (string, error) {
	c, err := kfMenu(menu)
	return s.send(ctx, toUser, openKfID, c, err)
}

// SendLocation sends a place.
// https://developer.work.weixin.qq.com/document/path/94677#地理位置消息
func (s *KFMessageService) SendLocation(ctx context.Context, toUser, openKfID string, loc KFLocation) (string, error) {
	return s.send(ctx, toUser, openKfID, KFContent{MsgType: "location", Location: &loc}, nil)
}

// SendOnEvent answers an event with a text or menu message: code is the
// event's WelcomeCode or MsgCode (usable once, 20 seconds), msgID an
// optional id of your own. It returns the msgid.
// https://developer.work.weixin.qq.com/document/path/95122
func (s *KFMessageService) SendOnEvent(ctx context.Context, code, msgID string, c KFContent) (string, error) {
	if err := needB("code", code); err != nil {
		return "", err
	}
	if c.MsgType != "text" && c.MsgType != "msgmenu" {
		return "", paramErr("msgtype", "want text or msgmenu")
	}
	out, err := callB[struct {
		MsgID string `json:"msgid"`
	}](ctx, s.c, kfSendMsgOnEvent, nil, struct {
		Code  string `json:"code"`
		MsgID string `json:"msgid,omitempty"`
		KFContent
	}{code, msgID, c})
	if err != nil {
		return "", err
	}
	return out.MsgID, nil
}

// SendTextOnEvent answers an event with a text.
// https://developer.work.weixin.qq.com/document/path/95122
func (s *KFMessageService) SendTextOnEvent(ctx context.Context, code, msgID, content string) (string, error) {
	c, err := kfText(content)
	if err != nil {
		return "", err
	}
	return s.SendOnEvent(ctx, code, msgID, c)
}

// SendMenuOnEvent answers an event with a menu.
// https://developer.work.weixin.qq.com/document/path/95122
func (s *KFMessageService) SendMenuOnEvent(ctx context.Context, code, msgID string, menu KFMenu) (string, error) {
	c, err := kfMenu(menu)
	if err != nil {
		return "", err
	}
	return s.SendOnEvent(ctx, code, msgID, c)
}
