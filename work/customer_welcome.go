package work

import "context"

var (
	welcomeSend         = epPost("/cgi-bin/externalcontact/send_welcome_msg")
	welcomeTemplateAdd  = epPost("/cgi-bin/externalcontact/group_welcome_template/add")
	welcomeTemplateEdit = epPost("/cgi-bin/externalcontact/group_welcome_template/edit")
	welcomeTemplateGet  = epPost("/cgi-bin/externalcontact/group_welcome_template/get")
	welcomeTemplateDel  = epPost("/cgi-bin/externalcontact/group_welcome_template/del")
)

// MaxAttachments is the number of attachments a customer message carries.
const MaxAttachments = 9

// CustomerText is the text part of a customer message.
type CustomerText struct {
	Content string `json:"content"`
}

// CustomerImage is an image, by media id or URL.
type CustomerImage struct {
	MediaID string `json:"media_id,omitempty"`
	PicURL  string `json:"pic_url,omitempty"`
}

// CustomerLink is a link card.
type CustomerLink struct {
	Title  string `json:"title"`
	PicURL string `json:"picurl,omitempty"`
	Desc   string `json:"desc,omitempty"`
	URL    string `json:"url"`
}

// CustomerMiniProgram is a mini-program card.
type CustomerMiniProgram struct {
	Title      string `json:"title"`
	PicMediaID string `json:"pic_media_id"`
	AppID      string `json:"appid"`
	Page       string `json:"page"`
}

// CustomerMedia is a video or a file, by media id.
type CustomerMedia struct {
	MediaID string `json:"media_id"`
}

// CustomerAttachment is one attachment: MsgType is "image", "link",
// "miniprogram", "video" or "file", and the matching field is set.
type CustomerAttachment struct {
	MsgType     string               `json:"msgtype"`
	Image       *CustomerImage       `json:"image,omitempty"`
	Link        *CustomerLink        `json:"link,omitempty"`
	MiniProgram *CustomerMiniProgram `json:"miniprogram,omitempty"`
	Video       *CustomerMedia       `json:"video,omitempty"`
	File        *CustomerMedia       `json:"file,omitempty"`
}

// CustomerMessage is a text and up to 9 attachments.
type CustomerMessage struct {
	Text        *CustomerText        `json:"text,omitempty"`
	Attachments []CustomerAttachment `json:"attachments,omitempty"`
}

func (m *CustomerMessage) check() error {
	if m.Text == nil && len(m.Attachments) == 0 {
		return paramErr("text", "text or attachments required")
	}
	if len(m.Attachments) > MaxAttachments {
		return paramErr("attachments", "at most 9")
	}
	for _, a := range m.Attachments {
		if err := a.check(); err != nil {
			return err
		}
	}
	return nil
}

func (a CustomerAttachment) check() error {
	ok := false
	switch a.MsgType {
	case "image":
		ok = a.Image != nil
	case "link":
		ok = a.Link != nil
	case "miniprogram":
		ok = a.MiniProgram != nil
	case "video":
		ok = a.Video != nil
	case "file":
		ok = a.File != nil
	default:
		return paramErr("attachments.msgtype", "unknown type "+a.MsgType)
	}
	if !ok {
		return paramErr("attachments."+a.MsgType, "missing")
	}
	return nil
}

// Send sends the welcome message of a new customer, with the welcome code of
// the add_external_contact event (valid 20 seconds).
// https://developer.work.weixin.qq.com/document/path/92137
func (s *CustomerWelcomeService) Send(ctx context.Context, welcomeCode string, m *CustomerMessage) error {
	if err := needB("welcome_code", welcomeCode); err != nil {
		return err
	}
	if m == nil {
		return paramErr("text", "message required")
	}
	if err := m.check(); err != nil {
		return err
	}
	body := struct {
		WelcomeCode string `json:"welcome_code"`
		*CustomerMessage
	}{welcomeCode, m}
	return s.c.Do(ctx, welcomeSend, nil, body, nil)
}

// GroupWelcomeTemplate is a group-chat welcome template (入群欢迎语素材): a
// text and at most one of the media.
type GroupWelcomeTemplate struct {
	TemplateID  string               `json:"template_id,omitempty"`
	Text        *CustomerText        `json:"text,omitempty"`
	Image       *CustomerImage       `json:"image,omitempty"`
	Link        *CustomerLink        `json:"link,omitempty"`
	MiniProgram *CustomerMiniProgram `json:"miniprogram,omitempty"`
	File        *CustomerMedia       `json:"file,omitempty"`
	Video       *CustomerMedia       `json:"video,omitempty"`
	// Notify, when set to 0 on Add, does not notify the members.
	Notify *int `json:"notify,omitempty"`
}

func (t *GroupWelcomeTemplate) check() error {
	n := 0
	for _, set := range []bool{t.Image != nil, t.Link != nil, t.MiniProgram != nil, t.File != nil, t.Video != nil} {
		if set {
			n++
		}
	}
	if n > 1 {
		return paramErr("image", "at most one of image, link, miniprogram, file, video")
	}
	if n == 0 && t.Text == nil {
		return paramErr("text", "text or media required")
	}
	return nil
}

type templateIDBody struct {
	TemplateID string `json:"template_id"`
}

// AddGroupTemplate adds a group welcome template and returns its id.
// https://developer.work.weixin.qq.com/document/path/92366
func (s *CustomerWelcomeService) AddGroupTemplate(ctx context.Context, t *GroupWelcomeTemplate) (string, error) {
	if t == nil {
		return "", paramErr("text", "template required")
	}
	if err := t.check(); err != nil {
		return "", err
	}
	body := struct {
		*GroupWelcomeTemplate
		AgentID int64 `json:"agentid,omitempty"`
	}{t, s.agent.ID}
	out, err := callB[templateIDBody](ctx, s.c, welcomeTemplateAdd, nil, body)
	if err != nil {
		return "", err
	}
	return out.TemplateID, nil
}

// EditGroupTemplate replaces template t.TemplateID.
// https://developer.work.weixin.qq.com/document/path/92366
func (s *CustomerWelcomeService) EditGroupTemplate(ctx context.Context, t *GroupWelcomeTemplate) error {
	if t == nil || t.TemplateID == "" {
		return paramErr("template_id", "required")
	}
	if err := t.check(); err != nil {
		return err
	}
	body := struct {
		*GroupWelcomeTemplate
		AgentID int64 `json:"agentid,omitempty"`
	}{t, s.agent.ID}
	return s.c.Do(ctx, welcomeTemplateEdit, nil, body, nil)
}

// GroupTemplate returns a group welcome template.
// https://developer.work.weixin.qq.com/document/path/92366
func (s *CustomerWelcomeService) GroupTemplate(ctx context.Context, templateID string) (*GroupWelcomeTemplate, error) {
	if err := needB("template_id", templateID); err != nil {
		return nil, err
	}
	t, err := callB[GroupWelcomeTemplate](ctx, s.c, welcomeTemplateGet, nil, templateIDBody{templateID})
	if err != nil {
		return nil, err
	}
	if t.TemplateID == "" {
		t.TemplateID = templateID
	}
	return t, nil
}

// DeleteGroupTemplate deletes a group welcome template.
// https://developer.work.weixin.qq.com/document/path/92366
func (s *CustomerWelcomeService) DeleteGroupTemplate(ctx context.Context, templateID string) error {
	if err := needB("template_id", templateID); err != nil {
		return err
	}
	body := struct {
		TemplateID string `json:"template_id"`
		AgentID    int64  `json:"agentid,omitempty"`
	}{templateID, s.agent.ID}
	return s.c.Do(ctx, welcomeTemplateDel, nil, body, nil)
}
