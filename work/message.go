package work

import (
	"context"
	"net/http"
	"strconv"
	"strings"

	wechat "github.com/weixin-go/wechat"
)

func epPost(path string) wechat.Endpoint { return wechat.Endpoint{Method: http.MethodPost, Path: path} }
func epGet(path string) wechat.Endpoint  { return wechat.Endpoint{Method: http.MethodGet, Path: path} }

var (
	messageSend               = epPost("/cgi-bin/message/send")
	messageRecall             = epPost("/cgi-bin/message/recall")
	messageUpdateTemplateCard = epPost("/cgi-bin/message/update_template_card")
)

// Recipients says who receives an application message. WeCom joins every
// list with "|"; at least one list must be set. ToUser "@all" sends to
// everyone in the agent's visible range.
type Recipients struct {
	Users       []string // userids, at most 1000
	Departments []string // department ids, at most 100
	Tags        []string // tag ids, at most 100
}

// ToUsers sends to the listed members ("@all" for everyone).
func ToUsers(userIDs ...string) Recipients { return Recipients{Users: userIDs} }

// ToDepartments sends to the members of the listed departments.
func ToDepartments(ids ...string) Recipients { return Recipients{Departments: ids} }

// ToTags sends to the members with the listed tags.
func ToTags(ids ...string) Recipients { return Recipients{Tags: ids} }

func (r Recipients) check() error {
	if len(r.Users)+len(r.Departments)+len(r.Tags) == 0 {
		return paramErr("touser", "no user, department or tag given")
	}
	for _, l := range []struct {
		name string
		ids  []string
		max  int
	}{{"touser", r.Users, 1000}, {"toparty", r.Departments, 100}, {"totag", r.Tags, 100}} {
		if len(l.ids) > l.max {
			return paramErr(l.name, strconv.Itoa(len(l.ids))+" ids, at most "+strconv.Itoa(l.max))
		}
		for _, id := range l.ids {
			if id == "" || strings.Contains(id, "|") {
				return paramErr(l.name, "empty id or id containing |")
			}
		}
	}
	return nil
}

// MessageOptions are the optional settings of an application message.
type MessageOptions struct {
	// Safe (1) marks the message confidential: it cannot be shared and
	// carries a watermark. For text, image, video, file, textcard and mpnews.
	Safe int `json:"safe,omitempty"`
	// EnableIDTrans (1) translates ids in the content to names.
	EnableIDTrans int `json:"enable_id_trans,omitempty"`
	// EnableDuplicateCheck (1) drops identical messages sent within
	// DuplicateCheckInterval seconds (default 1800, at most 4 hours).
	EnableDuplicateCheck   int `json:"enable_duplicate_check,omitempty"`
	DuplicateCheckInterval int `json:"duplicate_check_interval,omitempty"`
}

// MessageContent is the content of a message: MsgType and the one field it
// names. It is shared by application messages and group-chat messages.
type MessageContent struct {
	MsgType           string             `json:"msgtype"`
	Text              *TextContent       `json:"text,omitempty"`
	Image             *MediaContent      `json:"image,omitempty"`
	Voice             *MediaContent      `json:"voice,omitempty"`
	Video             *VideoContent      `json:"video,omitempty"`
	File              *MediaContent      `json:"file,omitempty"`
	TextCard          *TextCard          `json:"textcard,omitempty"`
	News              *News              `json:"news,omitempty"`
	MPNews            *MPNews            `json:"mpnews,omitempty"`
	Markdown          *TextContent       `json:"markdown,omitempty"`
	MiniProgramNotice *MiniProgramNotice `json:"miniprogram_notice,omitempty"`
	TemplateCard      *TemplateCard      `json:"template_card,omitempty"`
}

// Message is an application message: the recipients, options and content.
// The Send* methods build it; Send takes one built by hand.
type Message struct {
	ToUser  string `json:"touser,omitempty"`
	ToParty string `json:"toparty,omitempty"`
	ToTag   string `json:"totag,omitempty"`
	// AgentID is set by Send to the agent's id.
	AgentID int64 `json:"agentid"`
	MessageContent
	MessageOptions
}

// TextContent is the content of a text or markdown message.
type TextContent struct {
	Content string `json:"content"`
}

// MediaContent is the content of an image, voice or file message.
type MediaContent struct {
	MediaID string `json:"media_id"`
}

// VideoContent is the content of a video message.
type VideoContent struct {
	MediaID     string `json:"media_id"`
	Title       string `json:"title,omitempty"`
	Description string `json:"description,omitempty"`
}

// TextCard is a text card: a title, a description (a little HTML is
// allowed) and a link.
type TextCard struct {
	Title       string `json:"title"`
	Description string `json:"description"`
	URL         string `json:"url"`
	BtnTxt      string `json:"btntxt,omitempty"` // "详情" by default
}

// News is a news (link articles) message of 1 to 8 articles.
type News struct {
	Articles []NewsArticle `json:"articles"`
}

// NewsArticle is an article of a news message; AppID and PagePath open a
// mini program instead of URL.
type NewsArticle struct {
	Title       string `json:"title"`
	Description string `json:"description,omitempty"`
	URL         string `json:"url,omitempty"`
	PicURL      string `json:"picurl,omitempty"`
	AppID       string `json:"appid,omitempty"`
	PagePath    string `json:"pagepath,omitempty"`
}

// MPNews is an mpnews message, whose articles are stored by WeCom, of 1 to
// 8 articles.
type MPNews struct {
	Articles []MPNewsArticle `json:"articles"`
}

// MPNewsArticle is an article of an mpnews message.
type MPNewsArticle struct {
	Title            string `json:"title"`
	ThumbMediaID     string `json:"thumb_media_id"`
	Author           string `json:"author,omitempty"`
	ContentSourceURL string `json:"content_source_url,omitempty"`
	Content          string `json:"content"`
	Digest           string `json:"digest,omitempty"`
}

// MiniProgramNotice is a mini-program notification; the agent must be
// linked to the mini program AppID.
type MiniProgramNotice struct {
	AppID             string         `json:"appid"`
	Page              string         `json:"page,omitempty"`
	Title             string         `json:"title"`
	Description       string         `json:"description,omitempty"`
	EmphasisFirstItem bool           `json:"emphasis_first_item,omitempty"`
	ContentItem       []KeyValueItem `json:"content_item,omitempty"`
}

// KeyValueItem is a line of a mini-program notice.
type KeyValueItem struct {
	Key   string `json:"key"`
	Value string `json:"value"`
}

// Template card types.
const (
	CardTextNotice          = "text_notice"
	CardNewsNotice          = "news_notice"
	CardButtonInteraction   = "button_interaction"
	CardVoteInteraction     = "vote_interaction"
	CardMultipleInteraction = "multiple_interaction"
)

// TemplateCard is a template card message (text_notice, news_notice,
// button_interaction, vote_interaction, multiple_interaction). Which fields
// apply depends on CardType; see the official page.
// https://developer.work.weixin.qq.com/document/path/90236#模板卡片消息
type TemplateCard struct {
	CardType              string             `json:"card_type"`
	Source                *CardSource        `json:"source,omitempty"`
	ActionMenu            *CardActionMenu    `json:"action_menu,omitempty"`
	TaskID                string             `json:"task_id,omitempty"`
	MainTitle             *CardTitle         `json:"main_title,omitempty"`
	QuoteArea             *CardQuoteArea     `json:"quote_area,omitempty"`
	EmphasisContent       *CardTitle         `json:"emphasis_content,omitempty"`
	SubTitleText          string             `json:"sub_title_text,omitempty"`
	HorizontalContentList []CardHorizontal   `json:"horizontal_content_list,omitempty"`
	JumpList              []CardJump         `json:"jump_list,omitempty"`
	CardAction            *CardAction        `json:"card_action,omitempty"`
	CardImage             *CardImage         `json:"card_image,omitempty"`
	ImageTextArea         *CardImageTextArea `json:"image_text_area,omitempty"`
	VerticalContentList   []CardTitle        `json:"vertical_content_list,omitempty"`
	ButtonSelection       *CardSelect        `json:"button_selection,omitempty"`
	ButtonList            []CardButton       `json:"button_list,omitempty"`
	Checkbox              *CardCheckbox      `json:"checkbox,omitempty"`
	SelectList            []CardSelect       `json:"select_list,omitempty"`
	SubmitButton          *CardSubmitButton  `json:"submit_button,omitempty"`
}

// CardSource is the source line of a card.
type CardSource struct {
	IconURL   string `json:"icon_url,omitempty"`
	Desc      string `json:"desc,omitempty"`
	DescColor int    `json:"desc_color,omitempty"` // 0 grey, 1 black, 2 red, 3 green
}

// CardActionMenu is the "..." menu at the top right of a card.
type CardActionMenu struct {
	Desc       string       `json:"desc,omitempty"`
	ActionList []CardOption `json:"action_list"`
}

// CardOption is a menu action or a selectable option; Key is the action's
// key, ID the option's.
type CardOption struct {
	Text      string `json:"text"`
	Key       string `json:"key,omitempty"`
	ID        string `json:"id,omitempty"`
	IsChecked bool   `json:"is_checked,omitempty"`
}

// CardTitle is a title and a description (main title, emphasis content,
// vertical content).
type CardTitle struct {
	Title string `json:"title,omitempty"`
	Desc  string `json:"desc,omitempty"`
}

// CardQuoteArea is the quote area of a card.
type CardQuoteArea struct {
	Type      int    `json:"type,omitempty"` // 0 none, 1 URL, 2 mini program
	URL       string `json:"url,omitempty"`
	AppID     string `json:"appid,omitempty"`
	PagePath  string `json:"pagepath,omitempty"`
	Title     string `json:"title,omitempty"`
	QuoteText string `json:"quote_text,omitempty"`
}

// CardHorizontal is a key/value line of a card; Type 1 is a link, 2 a file
// (MediaID), 3 a member (UserID).
type CardHorizontal struct {
	Type    int    `json:"type,omitempty"`
	KeyName string `json:"keyname"`
	Value   string `json:"value,omitempty"`
	URL     string `json:"url,omitempty"`
	MediaID string `json:"media_id,omitempty"`
	UserID  string `json:"userid,omitempty"`
}

// CardJump is a link at the bottom of a card; Type 1 is a URL, 2 a mini program.
type CardJump struct {
	Type     int    `json:"type,omitempty"`
	Title    string `json:"title"`
	URL      string `json:"url,omitempty"`
	AppID    string `json:"appid,omitempty"`
	PagePath string `json:"pagepath,omitempty"`
}

// CardAction is what a click on the card opens; Type 1 is a URL, 2 a mini program.
type CardAction struct {
	Type     int    `json:"type"`
	URL      string `json:"url,omitempty"`
	AppID    string `json:"appid,omitempty"`
	PagePath string `json:"pagepath,omitempty"`
}

// CardImage is the picture of a news_notice card.
type CardImage struct {
	URL         string  `json:"url"`
	AspectRatio float64 `json:"aspect_ratio,omitempty"`
}

// CardImageTextArea is the left-image, right-text area of a news_notice card.
type CardImageTextArea struct {
	Type     int    `json:"type,omitempty"`
	URL      string `json:"url,omitempty"`
	AppID    string `json:"appid,omitempty"`
	PagePath string `json:"pagepath,omitempty"`
	Title    string `json:"title,omitempty"`
	Desc     string `json:"desc,omitempty"`
	ImageURL string `json:"image_url"`
}

// CardSelect is a drop-down selection of a card.
type CardSelect struct {
	QuestionKey string       `json:"question_key"`
	Title       string       `json:"title,omitempty"`
	SelectedID  string       `json:"selected_id,omitempty"`
	OptionList  []CardOption `json:"option_list"`
}

// CardButton is a button of a button_interaction card; Style 1-4, Type 0
// is a callback with Key, 1 opens URL.
type CardButton struct {
	Text  string `json:"text"`
	Style int    `json:"style,omitempty"`
	Key   string `json:"key,omitempty"`
	Type  int    `json:"type,omitempty"`
	URL   string `json:"url,omitempty"`
}

// CardCheckbox is the vote of a vote_interaction card; Mode 0 single, 1 multiple.
type CardCheckbox struct {
	QuestionKey string       `json:"question_key"`
	OptionList  []CardOption `json:"option_list"`
	Mode        int          `json:"mode,omitempty"`
}

// CardSubmitButton is the submit button of an interaction card.
type CardSubmitButton struct {
	Text string `json:"text"`
	Key  string `json:"key"`
}

// SendResult is the answer of a message send. Recipients WeCom could not
// reach are listed ("|"-joined, as WeCom sends them); the message is still
// sent to the others.
type SendResult struct {
	InvalidUser    string `json:"invaliduser,omitempty"`
	InvalidParty   string `json:"invalidparty,omitempty"`
	InvalidTag     string `json:"invalidtag,omitempty"`
	UnlicensedUser string `json:"unlicenseduser,omitempty"`
	// MsgID recalls the message (Recall).
	MsgID string `json:"msgid"`
	// ResponseCode updates a template card with buttons (UpdateTemplateCard);
	// valid for 72 hours, usable once.
	ResponseCode string `json:"response_code,omitempty"`
}

// InvalidUsers returns InvalidUser split into userids.
func (r *SendResult) InvalidUsers() []string { return splitBar(r.InvalidUser) }

func splitBar(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "|")
}

// Send sends msg, already holding its content, to the recipients; the
// agent id is filled in.
// https://developer.work.weixin.qq.com/document/path/90236
func (s *MessageService) Send(ctx context.Context, to Recipients, msg *Message) (*SendResult, error) {
	if msg == nil || msg.MsgType == "" {
		return nil, paramErr("msgtype", "empty")
	}
	if err := to.check(); err != nil {
		return nil, err
	}
	m := *msg
	m.ToUser, m.ToParty, m.ToTag = strings.Join(to.Users, "|"), strings.Join(to.Departments, "|"), strings.Join(to.Tags, "|")
	m.AgentID = s.agent.ID
	return callB[SendResult](ctx, s.c, messageSend, nil, &m)
}

func (s *MessageService) send(ctx context.Context, to Recipients, opts []MessageOptions, c MessageContent, err error) (*SendResult, error) {
	if err != nil {
		return nil, err
	}
	m := Message{MessageContent: c}
	if len(opts) > 0 {
		m.MessageOptions = opts[0]
	}
	return s.Send(ctx, to, &m)
}

// The constructors of message contents check the documented requirements.

func textContent(content string) (MessageContent, error) {
	if content == "" {
		return MessageContent{}, paramErr("content", "empty")
	}
	return MessageContent{MsgType: "text", Text: &TextContent{Content: content}}, nil
}

func markdownContent(content string) (MessageContent, error) {
	if content == "" {
		return MessageContent{}, paramErr("content", "empty")
	}
	return MessageContent{MsgType: "markdown", Markdown: &TextContent{Content: content}}, nil
}

func mediaContent(typ, mediaID string) (MessageContent, error) {
	if err := needB("media_id", mediaID); err != nil {
		return MessageContent{}, err
	}
	c := MessageContent{MsgType: typ}
	m := &MediaContent{MediaID: mediaID}
	switch typ {
	case "image":
		c.Image = m
	case "voice":
		c.Voice = m
	default:
		c.File = m
	}
	return c, nil
}

func videoContent(v VideoContent) (MessageContent, error) {
	if err := needB("media_id", v.MediaID); err != nil {
		return MessageContent{}, err
	}
	return MessageContent{MsgType: "video", Video: &v}, nil
}

func textCardContent(card TextCard) (MessageContent, error) {
	if err := needB("title", card.Title, "description", card.Description, "url", card.URL); err != nil {
		return MessageContent{}, err
	}
	return MessageContent{MsgType: "textcard", TextCard: &card}, nil
}

func checkArticles(n int) error {
	if n < 1 || n > 8 {
		return paramErr("articles", strconv.Itoa(n)+" articles, want 1 to 8")
	}
	return nil
}

func newsContent(articles []NewsArticle) (MessageContent, error) {
	if err := checkArticles(len(articles)); err != nil {
		return MessageContent{}, err
	}
	return MessageContent{MsgType: "news", News: &News{Articles: articles}}, nil
}

func mpnewsContent(articles []MPNewsArticle) (MessageContent, error) {
	if err := checkArticles(len(articles)); err != nil {
		return MessageContent{}, err
	}
	return MessageContent{MsgType: "mpnews", MPNews: &MPNews{Articles: articles}}, nil
}

// SendText sends a text message (at most 2048 bytes).
// https://developer.work.weixin.qq.com/document/path/90236#文本消息
func (s *MessageService) SendText(ctx context.Context, to Recipients, content string, opts ...MessageOptions) (*SendResult, error) {
	c, err := textContent(content)
	return s.send(ctx, to, opts, c, err)
}

// SendImage sends an image uploaded with Material.Upload.
// https://developer.work.weixin.qq.com/document/path/90236#图片消息
func (s *MessageService) SendImage(ctx context.Context, to Recipients, mediaID string, opts ...MessageOptions) (*SendResult, error) {
	c, err := mediaContent("image", mediaID)
	return s.send(ctx, to, opts, c, err)
}

// SendVoice sends a voice (AMR) uploaded with Material.Upload.
// https://developer.work.weixin.qq.com/document/path/90236#语音消息
func (s *MessageService) SendVoice(ctx context.Context, to Recipients, mediaID string, opts ...MessageOptions) (*SendResult, error) {
	c, err := mediaContent("voice", mediaID)
	return s.send(ctx, to, opts, c, err)
}

// SendVideo sends a video uploaded with Material.Upload.
// https://developer.work.weixin.qq.com/document/path/90236#视频消息
func (s *MessageService) SendVideo(ctx context.Context, to Recipients, video VideoContent, opts ...MessageOptions) (*SendResult, error) {
	c, err := videoContent(video)
	return s.send(ctx, to, opts, c, err)
}

// SendFile sends a file uploaded with Material.Upload.
// https://developer.work.weixin.qq.com/document/path/90236#文件消息
func (s *MessageService) SendFile(ctx context.Context, to Recipients, mediaID string, opts ...MessageOptions) (*SendResult, error) {
	c, err := mediaContent("file", mediaID)
	return s.send(ctx, to, opts, c, err)
}

// SendTextCard sends a text card.
// https://developer.work.weixin.qq.com/document/path/90236#文本卡片消息
func (s *MessageService) SendTextCard(ctx context.Context, to Recipients, card TextCard, opts ...MessageOptions) (*SendResult, error) {
	c, err := textCardContent(card)
	return s.send(ctx, to, opts, c, err)
}

// SendNews sends 1 to 8 link articles.
// https://developer.work.weixin.qq.com/document/path/90236#图文消息
func (s *MessageService) SendNews(ctx context.Context, to Recipients, articles []NewsArticle, opts ...MessageOptions) (*SendResult, error) {
	c, err := newsContent(articles)
	return s.send(ctx, to, opts, c, err)
}

// SendMPNews sends 1 to 8 articles stored by WeCom.
// https://developer.work.weixin.qq.com/document/path/90236#图文消息（mpnews）
func (s *MessageService) SendMPNews(ctx context.Context, to Recipients, articles []MPNewsArticle, opts ...MessageOptions) (*SendResult, error) {
	c, err := mpnewsContent(articles)
	return s.send(ctx, to, opts, c, err)
}

// SendMarkdown sends a markdown message (WeCom's markdown subset, at most
// 2048 bytes).
// https://developer.work.weixin.qq.com/document/path/90236#markdown消息
func (s *MessageService) SendMarkdown(ctx context.Context, to Recipients, content string, opts ...MessageOptions) (*SendResult, error) {
	c, err := markdownContent(content)
	return s.send(ctx, to, opts, c, err)
}

// SendMiniProgramNotice sends a mini-program notification.
// https://developer.work.weixin.qq.com/document/path/90236#小程序通知消息
func (s *MessageService) SendMiniProgramNotice(ctx context.Context, to Recipients, notice MiniProgramNotice, opts ...MessageOptions) (*SendResult, error) {
	err := needB("appid", notice.AppID, "title", notice.Title)
	return s.send(ctx, to, opts, MessageContent{MsgType: "miniprogram_notice", MiniProgramNotice: &notice}, err)
}

// SendTemplateCard sends a template card. Cards with buttons or choices
// answer a ResponseCode for UpdateTemplateCard.
// https://developer.work.weixin.qq.com/document/path/90236#模板卡片消息
func (s *MessageService) SendTemplateCard(ctx context.Context, to Recipients, card TemplateCard, opts ...MessageOptions) (*SendResult, error) {
	err := needB("card_type", card.CardType)
	return s.send(ctx, to, opts, MessageContent{MsgType: "template_card", TemplateCard: &card}, err)
}

// Recall recalls a message sent in the last 24 hours.
// https://developer.work.weixin.qq.com/document/path/94867
func (s *MessageService) Recall(ctx context.Context, msgID string) error {
	if err := needB("msgid", msgID); err != nil {
		return err
	}
	return s.c.Do(ctx, messageRecall, nil, map[string]string{"msgid": msgID}, nil)
}

// TemplateCardUpdate updates the template cards the members who clicked a
// card see: either Button (turn the buttons into a text) or TemplateCard
// (replace the whole card). ResponseCode comes from the send answer or the
// click event. AtAll (1) updates the card of every recipient.
type TemplateCardUpdate struct {
	UserIDs      []string      `json:"userids,omitempty"`
	PartyIDs     []int64       `json:"partyids,omitempty"`
	TagIDs       []int64       `json:"tagids,omitempty"`
	AtAll        int           `json:"atall,omitempty"`
	AgentID      int64         `json:"agentid"`
	ResponseCode string        `json:"response_code"`
	Button       *CardReplace  `json:"button,omitempty"`
	TemplateCard *TemplateCard `json:"template_card,omitempty"`
}

// CardReplace is the text that replaces a card's buttons.
type CardReplace struct {
	ReplaceName string `json:"replace_name"`
}

// CardUpdateResult lists the members whose card could not be updated.
type CardUpdateResult struct {
	InvalidUser []string `json:"invaliduser"`
}

// UpdateTemplateCard updates sent template cards; the agent id is filled
// in.
// https://developer.work.weixin.qq.com/document/path/94888
func (s *MessageService) UpdateTemplateCard(ctx context.Context, u *TemplateCardUpdate) (*CardUpdateResult, error) {
	if u == nil {
		return nil, paramErr("response_code", "empty")
	}
	if err := needB("response_code", u.ResponseCode); err != nil {
		return nil, err
	}
	if (u.Button == nil) == (u.TemplateCard == nil) {
		return nil, paramErr("button", "exactly one of button and template_card is required")
	}
	b := *u
	b.AgentID = s.agent.ID
	return callB[CardUpdateResult](ctx, s.c, messageUpdateTemplateCard, nil, &b)
}
