package work

import (
	"context"
	"net/url"
)

var (
	appChatCreate = epPost("/cgi-bin/appchat/create")
	appChatUpdate = epPost("/cgi-bin/appchat/update")
	appChatGet    = epGet("/cgi-bin/appchat/get")
	appChatSend   = epPost("/cgi-bin/appchat/send")
)

// AppChat is a group chat created by an agent.
type AppChat struct {
	// ChatID is chosen by WeCom on Create when empty (at most 32 of
	// 0-9a-zA-Z).
	ChatID string `json:"chatid,omitempty"`
	Name   string `json:"name,omitempty"`
	// Owner is a member of UserList; a random one when empty.
	Owner string `json:"owner,omitempty"`
	// UserList has 2 to 2000 members.
	UserList []string `json:"userlist"`
	// ChatType is 0 for a group chat (answers only).
	ChatType int `json:"chat_type,omitempty"`
}

// AppChatUpdate changes a group chat; empty fields are left as they are.
type AppChatUpdate struct {
	ChatID      string   `json:"chatid"`
	Name        string   `json:"name,omitempty"`
	Owner       string   `json:"owner,omitempty"`
	AddUserList []string `json:"add_user_list,omitempty"`
	DelUserList []string `json:"del_user_list,omitempty"`
}

// Create creates a group chat and returns its chatid. The chat becomes
// visible in the members' clients once a message is sent to it.
// https://developer.work.weixin.qq.com/document/path/90245
func (s *AppChatService) Create(ctx context.Context, chat *AppChat) (string, error) {
	if chat == nil || len(chat.UserList) < 2 || len(chat.UserList) > 2000 {
		return "", paramErr("userlist", "want 2 to 2000 members")
	}
	out, err := callB[struct {
		ChatID string `json:"chatid"`
	}](ctx, s.c, appChatCreate, nil, chat)
	if err != nil {
		return "", err
	}
	return out.ChatID, nil
}

// Update renames a group chat, changes its owner or its members.
// https://developer.work.weixin.qq.com/document/path/90246
func (s *AppChatService) Update(ctx context.Context, u *AppChatUpdate) error {
	if u == nil || u.ChatID == "" {
		return paramErr("chatid", "empty")
	}
	return s.c.Do(ctx, appChatUpdate, nil, u, nil)
}

// Get reads a group chat.
// https://developer.work.weixin.qq.com/document/path/90247
func (s *AppChatService) Get(ctx context.Context, chatID string) (*AppChat, error) {
	if err := needB("chatid", chatID); err != nil {
		return nil, err
	}
	out, err := callB[struct {
		ChatInfo AppChat `json:"chat_info"`
	}](ctx, s.c, appChatGet, url.Values{"chatid": {chatID}}, nil)
	if err != nil {
		return nil, err
	}
	return &out.ChatInfo, nil
}

// AppChatMessage is a message to a group chat.
type AppChatMessage struct {
	ChatID string `json:"chatid"`
	MessageContent
	// Safe (1) marks the message confidential.
	Safe int `json:"safe,omitempty"`
}

// Send sends msg to the group chat msg.ChatID. Group chats accept text,
// image, voice, video, file, textcard, news, mpnews and markdown.
// https://developer.work.weixin.qq.com/document/path/90248
func (s *AppChatService) Send(ctx context.Context, msg *AppChatMessage) error {
	if msg == nil || msg.ChatID == "" {
		return paramErr("chatid", "empty")
	}
	if msg.MsgType == "" {
		return paramErr("msgtype", "empty")
	}
	return s.c.Do(ctx, appChatSend, nil, msg, nil)
}

func (s *AppChatService) send(ctx context.Context, chatID string, c MessageContent, err error) error {
	if err != nil {
		return err
	}
	return s.Send(ctx, &AppChatMessage{ChatID: chatID, MessageContent: c})
}

// SendText sends a text message to a group chat.
// https://developer.work.weixin.qq.com/document/path/90248
func (s *AppChatService) SendText(ctx context.Context, chatID, content string) error {
	c, err := textContent(content)
	return s.send(ctx, chatID, c, err)
}

// SendImage sends an image uploaded with Material.Upload to a group chat.
// https://developer.work.weixin.qq.com/document/path/90248
func (s *AppChatService) SendImage(ctx context.Context, chatID, mediaID string) error {
	c, err := mediaContent("image", mediaID)
	return s.send(ctx, chatID, c, err)
}

// SendVoice sends a voice uploaded with Material.Upload to a group chat.
// https://developer.work.weixin.qq.com/document/path/90248
func (s *AppChatService) SendVoice(ctx context.Context, chatID, mediaID string) error {
	c, err := mediaContent("voice", mediaID)
	return s.send(ctx, chatID, c, err)
}

// SendVideo sends a video uploaded with Material.Upload to a group chat.
// https://developer.work.weixin.qq.com/document/path/90248
func (s *AppChatService) SendVideo(ctx context.Context, chatID string, video VideoContent) error {
	c, err := videoContent(video)
	return s.send(ctx, chatID, c, err)
}

// SendFile sends a file uploaded with Material.Upload to a group chat.
// https://developer.work.weixin.qq.com/document/path/90248
func (s *AppChatService) SendFile(ctx context.Context, chatID, mediaID string) error {
	c, err := mediaContent("file", mediaID)
	return s.send(ctx, chatID, c, err)
}

// SendTextCard sends a text card to a group chat.
// https://developer.work.weixin.qq.com/document/path/90248
func (s *AppChatService) SendTextCard(ctx context.Context, chatID string, card TextCard) error {
	c, err := textCardContent(card)
	return s.send(ctx, chatID, c, err)
}

// SendNews sends 1 to 8 link articles to a group chat.
// https://developer.work.weixin.qq.com/document/path/90248
func (s *AppChatService) SendNews(ctx context.Context, chatID string, articles []NewsArticle) error {
	c, err := newsContent(articles)
	return s.send(ctx, chatID, c, err)
}

// SendMPNews sends 1 to 8 stored articles to a group chat.
// https://developer.work.weixin.qq.com/document/path/90248
func (s *AppChatService) SendMPNews(ctx context.Context, chatID string, articles []MPNewsArticle) error {
	c, err := mpnewsContent(articles)
	return s.send(ctx, chatID, c, err)
}

// SendMarkdown sends a markdown message to a group chat.
// https://developer.work.weixin.qq.com/document/path/90248
func (s *AppChatService) SendMarkdown(ctx context.Context, chatID, content string) error {
	c, err := markdownContent(content)
	return s.send(ctx, chatID, c, err)
}
