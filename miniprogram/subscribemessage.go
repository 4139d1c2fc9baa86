package miniprogram

import (
	"context"
	"iter"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	wechat "github.com/weixin-go/wechat"
)

var (
	subscribeAddTemplate    = wechat.Endpoint{Method: http.MethodPost, Path: "/wxaapi/newtmpl/addtemplate"}
	subscribeDeleteTemplate = wechat.Endpoint{Method: http.MethodPost, Path: "/wxaapi/newtmpl/deltemplate"}
	subscribeCategories     = wechat.Endpoint{Method: http.MethodGet, Path: "/wxaapi/newtmpl/getcategory"}
	subscribeKeywords       = wechat.Endpoint{Method: http.MethodGet, Path: "/wxaapi/newtmpl/getpubtemplatekeywords"}
	subscribeTitles         = wechat.Endpoint{Method: http.MethodGet, Path: "/wxaapi/newtmpl/getpubtemplatetitles"}
	subscribeTemplates      = wechat.Endpoint{Method: http.MethodGet, Path: "/wxaapi/newtmpl/gettemplate"}
	subscribeSend           = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/message/subscribe/send"}
)

// Limits of the subscription message APIs.
const (
	MaxTemplateKeywords   = 5 // kids per AddTemplate
	MinTemplateKeywords   = 2
	MaxSceneDescLen       = 15 // characters of AddTemplate's sceneDesc
	MaxPubTitlesPageLimit = 30
)

// Mini program states a message opens (SubscribeMessage.MiniprogramState).
const (
	StateDeveloper = "developer"
	StateTrial     = "trial"
	StateFormal    = "formal"
)

// Template types (Template.Type, PubTemplateTitle.Type).
const (
	TemplateOneTime  = 2 // 一次性订阅
	TemplateLongTerm = 3 // 长期订阅
)

// AddTemplate adds the public template tid to the account's templates with
// the chosen keywords (2 to 5 kids, in display order) and returns its
// private template id. sceneDesc (at most 15 characters) describes the use.
// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/mp-message-management/subscribe-message/addMessageTemplate.html
func (s *SubscribeMessageService) AddTemplate(ctx context.Context, tid string, kidList []int, sceneDesc string) (string, error) {
	if err := required("tid", tid); err != nil {
		return "", err
	}
	if len(kidList) < MinTemplateKeywords || len(kidList) > MaxTemplateKeywords {
		return "", invalidArg("kidList", "must hold 2 to 5 keyword ids")
	}
	if len([]rune(sceneDesc)) > MaxSceneDescLen {
		return "", invalidArg("sceneDesc", "longer than 15 characters")
	}
	body := struct {
		TID       string `json:"tid"`
		KidList   []int  `json:"kidList"`
		SceneDesc string `json:"sceneDesc,omitempty"`
	}{tid, kidList, sceneDesc}
	out, err := call[struct {
		PriTmplID string `json:"priTmplId"`
	}](ctx, s.c, subscribeAddTemplate, nil, body)
	if err != nil {
		return "", err
	}
	return out.PriTmplID, nil
}

// DeleteTemplate removes a private template.
// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/mp-message-management/subscribe-message/deleteMessageTemplate.html
func (s *SubscribeMessageService) DeleteTemplate(ctx context.Context, priTmplID string) error {
	if err := required("priTmplId", priTmplID); err != nil {
		return err
	}
	return s.c.Do(ctx, subscribeDeleteTemplate, nil, map[string]string{"priTmplId": priTmplID}, nil)
}

// Category is a service category of the account.
type Category struct {
	ID   int    `json:"id"`
	Name string `json:"name"`
}

// Categories returns the account's service categories, which select the
// public templates it may use.
// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/mp-message-management/subscribe-message/getCategory.html
func (s *SubscribeMessageService) Categories(ctx context.Context) ([]Category, error) {
	out, err := call[struct {
		Data []Category `json:"data"`
	}](ctx, s.c, subscribeCategories, nil, nil)
	if err != nil {
		return nil, err
	}
	return out.Data, nil
}

// PubTemplateKeyword is a keyword of a public template.
type PubTemplateKeyword struct {
	KID     int    `json:"kid"`
	Name    string `json:"name"`
	Example string `json:"example"`
	// Rule is the keyword's value type (thing, number, time, phrase...).
	Rule string `json:"rule"`
}

// PubTemplateKeywords returns the keywords of the public template tid.
// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/mp-message-management/subscribe-message/getPubTemplateKeyWordsById.html
func (s *SubscribeMessageService) PubTemplateKeywords(ctx context.Context, tid string) ([]PubTemplateKeyword, error) {
	if err := required("tid", tid); err != nil {
		return nil, err
	}
	out, err := call[struct {
		Data []PubTemplateKeyword `json:"data"`
	}](ctx, s.c, subscribeKeywords, url.Values{"tid": {tid}}, nil)
	if err != nil {
		return nil, err
	}
	return out.Data, nil
}

// PubTemplateTitle is a public template.
type PubTemplateTitle struct {
	TID        int           `json:"tid"`
	Title      string        `json:"title"`
	Type       int           `json:"type"`
	CategoryID wechat.FlexID `json:"categoryId"`
}

// PubTemplateTitlePage is one page of public templates.
type PubTemplateTitlePage struct {
	Count int                `json:"count"` // in the whole list
	Data  []PubTemplateTitle `json:"data"`
}

// PubTemplateTitles returns one page (limit at most 30) of the public
// templates of the categories ids, from offset start.
// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/mp-message-management/subscribe-message/getPubTemplateTitleList.html
func (s *SubscribeMessageService) PubTemplateTitles(ctx context.Context, ids []int, start, limit int) (*PubTemplateTitlePage, error) {
	if len(ids) == 0 {
		return nil, invalidArg("ids", "no category id")
	}
	if limit < 1 || limit > MaxPubTitlesPageLimit || start < 0 {
		return nil, invalidArg("limit", "must be 1-30, with start >= 0")
	}
	parts := make([]string, len(ids))
	for i, id := range ids {
		parts[i] = strconv.Itoa(id)
	}
	q := url.Values{"ids": {strings.Join(parts, ",")}, "start": {strconv.Itoa(start)}, "limit": {strconv.Itoa(limit)}}
	return call[PubTemplateTitlePage](ctx, s.c, subscribeTitles, q, nil)
}

// AllPubTemplateTitles iterates over every public template of the
// categories ids, fetching pages of 30 as needed. The first error is
// yielded and ends the iteration.
// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/mp-message-management/subscribe-message/getPubTemplateTitleList.html
func (s *SubscribeMessageService) AllPubTemplateTitles(ctx context.Context, ids []int) iter.Seq2[PubTemplateTitle, error] {
	return wechat.OffsetPages(ctx, MaxPubTitlesPageLimit, func(ctx context.Context, offset, count int) ([]PubTemplateTitle, int, error) {
		p, err := s.PubTemplateTitles(ctx, ids, offset, count)
		if err != nil {
			return nil, 0, err
		}
		return p.Data, p.Count, nil
	})
}

// Template is one of the account's private templates.
type Template struct {
	PriTmplID string `json:"priTmplId"`
	Title     string `json:"title"`
	Content   string `json:"content"`
	Example   string `json:"example"`
	Type      int    `json:"type"`
	// KeywordEnumValueList lists the allowed values of enumerated keywords.
	KeywordEnumValueList []KeywordEnumValues `json:"keywordEnumValueList,omitempty"`
}

// KeywordEnumValues are the allowed values of an enumerated keyword.
type KeywordEnumValues struct {
	KeywordCode   string   `json:"keywordCode"`
	EnumValueList []string `json:"enumValueList"`
}

// Templates returns the account's private templates.
// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/mp-message-management/subscribe-message/getMessageTemplateList.html
func (s *SubscribeMessageService) Templates(ctx context.Context) ([]Template, error) {
	out, err := call[struct {
		Data []Template `json:"data"`
	}](ctx, s.c, subscribeTemplates, nil, nil)
	if err != nil {
		return nil, err
	}
	return out.Data, nil
}

// DataValue is the value of one template keyword.
type DataValue struct {
	Value string `json:"value"`
}

// SubscribeMessage is a subscription message to send.
type SubscribeMessage struct {
	ToUser     string `json:"touser"`
	TemplateID string `json:"template_id"`
	// Page is the page opened from the message, with its query (optional).
	Page string `json:"page,omitempty"`
	// Data maps each keyword (thing1, time2...) to its value.
	Data map[string]DataValue `json:"data"`
	// MiniprogramState is StateFormal (default), StateTrial or StateDeveloper.
	MiniprogramState string `json:"miniprogram_state,omitempty"`
	// Lang is zh_CN (default), en_US, zh_HK or zh_TW.
	Lang string `json:"lang,omitempty"`
}

// Values builds the Data of a message from keyword/value pairs.
// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/mp-message-management/subscribe-message/sendMessage.html
func Values(pairs ...string) map[string]DataValue {
	m := make(map[string]DataValue, len(pairs)/2)
	for i := 0; i+1 < len(pairs); i += 2 {
		m[pairs[i]] = DataValue{pairs[i+1]}
	}
	return m
}

// Send sends a subscription message to a user who subscribed to its
// template (errcode 43101 otherwise).
// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/mp-message-management/subscribe-message/sendMessage.html
func (s *SubscribeMessageService) Send(ctx context.Context, msg *SubscribeMessage) error {
	if msg == nil {
		return invalidArg("touser", "no message")
	}
	if err := required("touser", msg.ToUser, "template_id", msg.TemplateID); err != nil {
		return err
	}
	if len(msg.Data) == 0 {
		return invalidArg("data", "empty")
	}
	switch msg.MiniprogramState {
	case "", StateDeveloper, StateTrial, StateFormal:
	default:
		return invalidArg("miniprogram_state", "must be developer, trial or formal")
	}
	return s.c.Do(ctx, subscribeSend, nil, msg, nil)
}
