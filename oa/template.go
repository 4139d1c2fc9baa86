package oa

import (
	"context"
	"net/http"

	wechat "github.com/weixin-go/wechat"
)

var (
	templateSetIndustry = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/template/api_set_industry"}
	templateGetIndustry = wechat.Endpoint{Method: http.MethodGet, Path: "/cgi-bin/template/get_industry"}
	templateAdd         = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/template/api_add_template"}
	templateList        = wechat.Endpoint{Method: http.MethodGet, Path: "/cgi-bin/template/get_all_private_template"}
	templateDelete      = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/template/del_private_template"}
	templateSend        = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/message/template/send"}
)

// IndustryClass is one industry of an account, as answered by GetIndustry.
type IndustryClass struct {
	FirstClass  string `json:"first_class"`
	SecondClass string `json:"second_class"`
}

// TemplateIndustry is the pair of industries the account set for template
// messages.
type TemplateIndustry struct {
	Primary   IndustryClass `json:"primary_industry"`
	Secondary IndustryClass `json:"secondary_industry"`
}

// PrivateTemplate is a template added to the account.
type PrivateTemplate struct {
	TemplateID      string `json:"template_id"`
	Title           string `json:"title"`
	PrimaryIndustry string `json:"primary_industry"`
	DeputyIndustry  string `json:"deputy_industry"`
	Content         string `json:"content"`
	Example         string `json:"example"`
}

// TemplateDataItem is the value of one template keyword, with an optional
// color such as "#173177".
type TemplateDataItem struct {
	Value string `json:"value"`
	Color string `json:"color,omitempty"`
}

// TemplateData maps the template keywords ("first", "keyword1", "remark",
// or "thing1" for newer templates) to their values.
type TemplateData map[string]TemplateDataItem

// TemplateMiniProgram makes a template message open a mini program page. The
// mini program must be linked to the official account.
type TemplateMiniProgram struct {
	AppID    string `json:"appid"`
	PagePath string `json:"pagepath,omitempty"`
}

// TemplateMessage is a template message. When both URL and MiniProgram are
// set, WeChat opens the mini program and falls back to URL on clients that
// cannot.
type TemplateMessage struct {
	ToUser      string               `json:"touser"`
	TemplateID  string               `json:"template_id"`
	URL         string               `json:"url,omitempty"`
	MiniProgram *TemplateMiniProgram `json:"miniprogram,omitempty"`
	Data        TemplateData         `json:"data"`
	// ClientMsgID deduplicates sends: WeChat rejects a second message with
	// the same id.
	ClientMsgID string `json:"client_msg_id,omitempty"`
}

// SetIndustry sets the two industries of the account (api_set_industry); the
// ids come from WeChat's industry code table.
// https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Template_Message_Interface.html#0
func (s *TemplateService) SetIndustry(ctx context.Context, industryID1, industryID2 string) error {
	if industryID1 == "" || industryID2 == "" {
		return argErr("industry_id", "both industry ids are required")
	}
	body := struct {
		ID1 string `json:"industry_id1"`
		ID2 string `json:"industry_id2"`
	}{industryID1, industryID2}
	return s.c.Do(ctx, templateSetIndustry, nil, body, nil)
}

// GetIndustry returns the industries of the account (get_industry).
// https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Template_Message_Interface.html#1
func (s *TemplateService) GetIndustry(ctx context.Context) (*TemplateIndustry, error) {
	out := new(TemplateIndustry)
	if err := s.c.Do(ctx, templateGetIndustry, nil, nil, out); err != nil {
		return nil, err
	}
	return out, nil
}

// Add adds the template of the library with the short id shortID (such as
// "TM00015") to the account and returns its template_id (api_add_template).
// keywordNames selects the keywords of newer library templates.
// https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Template_Message_Interface.html#2
func (s *TemplateService) Add(ctx context.Context, shortID string, keywordNames ...string) (string, error) {
	if shortID == "" {
		return "", argErr("template_id_short", "required")
	}
	body := struct {
		ShortID  string   `json:"template_id_short"`
		Keywords []string `json:"keyword_name_list,omitempty"`
	}{shortID, keywordNames}
	var out struct {
		TemplateID string `json:"template_id"`
	}
	if err := s.c.Do(ctx, templateAdd, nil, body, &out); err != nil {
		return "", err
	}
	return out.TemplateID, nil
}

// List returns every template of the account (get_all_private_template).
// https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Template_Message_Interface.html#3
func (s *TemplateService) List(ctx context.Context) ([]PrivateTemplate, error) {
	var out struct {
		Templates []PrivateTemplate `json:"template_list"`
	}
	if err := s.c.Do(ctx, templateList, nil, nil, &out); err != nil {
		return nil, err
	}
	return out.Templates, nil
}

// Delete removes a template from the account (del_private_template).
// https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Template_Message_Interface.html#4
func (s *TemplateService) Delete(ctx context.Context, templateID string) error {
	if templateID == "" {
		return argErr("template_id", "required")
	}
	body := struct {
		TemplateID string `json:"template_id"`
	}{templateID}
	return s.c.Do(ctx, templateDelete, nil, body, nil)
}

// Send sends a template message and returns its msgid.
// https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Template_Message_Interface.html#5
func (s *TemplateService) Send(ctx context.Context, msg *TemplateMessage) (int64, error) {
	switch {
	case msg == nil:
		return 0, argErr("message", "nil")
	case msg.ToUser == "":
		return 0, argErr("touser", "required")
	case msg.TemplateID == "":
		return 0, argErr("template_id", "required")
	case msg.MiniProgram != nil && msg.MiniProgram.AppID == "":
		return 0, argErr("miniprogram.appid", "required when miniprogram is set")
	}
	var out struct {
		MsgID int64 `json:"msgid"`
	}
	if err := s.c.Do(ctx, templateSend, nil, msg, &out); err != nil {
		return 0, err
	}
	return out.MsgID, nil
}

// SendData sends template templateID to toUser with data and no jump; it is
// Send for the common case.
// https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Template_Message_Interface.html#5
func (s *TemplateService) SendData(ctx context.Context, toUser, templateID string, data TemplateData) (int64, error) {
	return s.Send(ctx, &TemplateMessage{ToUser: toUser, TemplateID: templateID, Data: data})
}
