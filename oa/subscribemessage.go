package oa

import (
	"context"
	"encoding/json"
	"fmt"
	"iter"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	wechat "github.com/weixin-go/wechat"
)

var (
	subscribeAddTemplate    = wechat.Endpoint{Method: http.MethodPost, Path: "/wxaapi/newtmpl/addtemplate"}
	subscribeDeleteTemplate = wechat.Endpoint{Method: http.MethodPost, Path: "/wxaapi/newtmpl/deltemplate"}
	subscribeCategory       = wechat.Endpoint{Method: http.MethodGet, Path: "/wxaapi/newtmpl/getcategory"}
	subscribePubKeywords    = wechat.Endpoint{Method: http.MethodGet, Path: "/wxaapi/newtmpl/getpubtemplatekeywords"}
	subscribePubTitles      = wechat.Endpoint{Method: http.MethodGet, Path: "/wxaapi/newtmpl/getpubtemplatetitles"}
	subscribeTemplates      = wechat.Endpoint{Method: http.MethodGet, Path: "/wxaapi/newtmpl/gettemplate"}
	subscribeBizSend        = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/message/subscribe/bizsend"}
)

// Limits of subscription templates.
const (
	minSubscribeKeywords  = 2
	maxSubscribeKeywords  = 5
	maxSubscribeSceneDesc = 15
	maxSubscribeTitlePage = 30
)

// SubscribeCategory is a category of the account (类目).
type SubscribeCategory struct {
	ID   int    `json:"id"`
	Name string `json:"name"`
}

// SubscribeKeyword is a keyword of a public template title.
type SubscribeKeyword struct {
	KID     int    `json:"kid"`
	Name    string `json:"name"`
	Example string `json:"example"`
	// Rule is the value's type ("thing", "number", "time"...): the data key
	// of keyword KID is Rule followed by KID, such as "thing1".
	Rule string `json:"rule"`
}

// SubscribeTitle is a public template title.
type SubscribeTitle struct {
	TID   int    `json:"tid"`
	Title string `json:"title"`
	// Type is 2 for one-time subscriptions, 3 for long-term ones.
	Type int `json:"type"`
	// CategoryID is a number in the docs' table, a string in their example.
	CategoryID wechat.FlexID `json:"categoryId"`
}

// SubscribeTitlePage is one page of public template titles.
type SubscribeTitlePage struct {
	Count  int              `json:"count"` // titles in all pages
	Titles []SubscribeTitle `json:"data"`
}

// SubscribeTemplate is a template of the account (个人模板).
type SubscribeTemplate struct {
	PriTmplID string `json:"priTmplId"`
	Title     string `json:"title"`
	Content   string `json:"content"`
	Example   string `json:"example"`
	Type      int    `json:"type"` // 2 one-time, 3 long-term
}

// SubscribeData maps the data keys of a template ("thing1", "time2"...) to
// their values; it is sent as {"thing1":{"value":"..."}}.
type SubscribeData map[string]string

// MarshalJSON implements json.Marshaler.
func (d SubscribeData) MarshalJSON() ([]byte, error) {
	m := make(map[string]struct {
		Value string `json:"value"`
	}, len(d))
	for k, v := range d {
		m[k] = struct {
			Value string `json:"value"`
		}{v}
	}
	return wechat.MarshalJSON(m)
}

// UnmarshalJSON implements json.Unmarshaler.
func (d *SubscribeData) UnmarshalJSON(b []byte) error {
	var m map[string]struct {
		Value string `json:"value"`
	}
	if err := json.Unmarshal(b, &m); err != nil {
		return err
	}
	*d = make(SubscribeData, len(m))
	for k, v := range m {
		(*d)[k] = v.Value
	}
	return nil
}

// SubscribeMessage is a subscription notification (订阅通知). Without Page
// nor MiniProgram the notification opens nothing; with both, the mini
// program wins.
type SubscribeMessage struct {
	ToUser     string `json:"touser"`
	TemplateID string `json:"template_id"`
	// Page is a web page URL to open.
	Page        string               `json:"page,omitempty"`
	MiniProgram *TemplateMiniProgram `json:"miniprogram,omitempty"`
	Data        SubscribeData        `json:"data"`
}

// AddTemplate adds the public template tid to the account with 2 to 5 of
// its keywords, in kidList's order, and returns the new template's id.
// sceneDesc (up to 15 characters) tells users when the notification is
// sent.
// https://developers.weixin.qq.com/doc/offiaccount/Subscription_Messages/api.html
func (s *SubscribeMessageService) AddTemplate(ctx context.Context, tid int, kidList []int, sceneDesc string) (string, error) {
	switch {
	case tid <= 0:
		return "", invalidArg("tid", "must be positive")
	case len(kidList) < minSubscribeKeywords || len(kidList) > maxSubscribeKeywords:
		return "", invalidArg("kidList", fmt.Sprintf("%d keywords, want %d to %d", len(kidList), minSubscribeKeywords, maxSubscribeKeywords))
	case utf8.RuneCountInString(sceneDesc) > maxSubscribeSceneDesc:
		return "", invalidArg("sceneDesc", "longer than 15 characters")
	}
	out, err := call[struct {
		PriTmplID string `json:"priTmplId"`
	}](ctx, s.c, subscribeAddTemplate, nil, struct {
		TID       string `json:"tid"`
		KIDList   []int  `json:"kidList"`
		SceneDesc string `json:"sceneDesc"`
	}{strconv.Itoa(tid), kidList, sceneDesc})
	if err != nil {
		return "", err
	}
	return out.PriTmplID, nil
}

// DeleteTemplate deletes a template of the account.
// https://developers.weixin.qq.com/doc/offiaccount/Subscription_Messages/api.html
func (s *SubscribeMessageService) DeleteTemplate(ctx context.Context, priTmplID string) error {
	if priTmplID == "" {
		return invalidArg("priTmplId", "empty")
	}
	return s.c.Do(ctx, subscribeDeleteTemplate, nil, struct {
		PriTmplID string `json:"priTmplId"`
	}{priTmplID}, nil)
}

// Categories returns the categories of the account.
// https://developers.weixin.qq.com/doc/offiaccount/Subscription_Messages/api.html
func (s *SubscribeMessageService) Categories(ctx context.Context) ([]SubscribeCategory, error) {
	out, err := call[struct {
		Data []SubscribeCategory `json:"data"`
	}](ctx, s.c, subscribeCategory, nil, nil)
	if err != nil {
		return nil, err
	}
	return out.Data, nil
}

// PubTemplateKeywords returns the keywords of the public template tid.
// https://developers.weixin.qq.com/doc/offiaccount/Subscription_Messages/api.html
func (s *SubscribeMessageService) PubTemplateKeywords(ctx context.Context, tid int) ([]SubscribeKeyword, error) {
	if tid <= 0 {
		return nil, invalidArg("tid", "must be positive")
	}
	out, err := call[struct {
		Data []SubscribeKeyword `json:"data"`
	}](ctx, s.c, subscribePubKeywords, url.Values{"tid": {strconv.Itoa(tid)}}, nil)
	if err != nil {
		return nil, err
	}
	return out.Data, nil
}

// PubTemplateTitles returns one page of the public template titles of the
// given categories, from start, limit (1 to 30) at most.
// https://developers.weixin.qq.com/doc/offiaccount/Subscription_Messages/api.html
func (s *SubscribeMessageService) PubTemplateTitles(ctx context.Context, categoryIDs []int, start, limit int) (*SubscribeTitlePage, error) {
	if len(categoryIDs) == 0 {
		return nil, invalidArg("ids", "no category given")
	}
	switch {
	case start < 0:
		return nil, invalidArg("start", "negative")
	case limit < 1 || limit > maxSubscribeTitlePage:
		return nil, invalidArg("limit", fmt.Sprintf("%d is not in 1..%d", limit, maxSubscribeTitlePage))
	}
	ids := make([]string, len(categoryIDs))
	for i, id := range categoryIDs {
		ids[i] = strconv.Itoa(id)
	}
	q := url.Values{"ids": {strings.Join(ids, ",")}, "start": {strconv.Itoa(start)}, "limit": {strconv.Itoa(limit)}}
	return call[SubscribeTitlePage](ctx, s.c, subscribePubTitles, q, nil)
}

// AllPubTemplateTitles iterates over every public template title of the
// given categories, fetching pages of 30 as the loop goes. The first error
// is yielded and ends the iteration.
// https://developers.weixin.qq.com/doc/offiaccount/Subscription_Messages/api.html
func (s *SubscribeMessageService) AllPubTemplateTitles(ctx context.Context, categoryIDs []int) iter.Seq2[SubscribeTitle, error] {
	return wechat.OffsetPages(ctx, maxSubscribeTitlePage, func(ctx context.Context, offset, count int) ([]SubscribeTitle, int, error) {
		p, err := s.PubTemplateTitles(ctx, categoryIDs, offset, count)
		if err != nil {
			return nil, 0, err
		}
		return p.Titles, p.Count, nil
	})
}

// Templates returns the templates of the account.
// https://developers.weixin.qq.com/doc/offiaccount/Subscription_Messages/api.html
func (s *SubscribeMessageService) Templates(ctx context.Context) ([]SubscribeTemplate, error) {
	out, err := call[struct {
		Data []SubscribeTemplate `json:"data"`
	}](ctx, s.c, subscribeTemplates, nil, nil)
	if err != nil {
		return nil, err
	}
	return out.Data, nil
}

// Send sends a subscription notification to a user who subscribed to the
// template (bizsend). A one-time subscription allows one notification.
// https://developers.weixin.qq.com/doc/offiaccount/Subscription_Messages/api.html
func (s *SubscribeMessageService) Send(ctx context.Context, msg *SubscribeMessage) error {
	switch {
	case msg == nil:
		return invalidArg("msg", "nil")
	case msg.ToUser == "":
		return invalidArg("touser", "empty")
	case msg.TemplateID == "":
		return invalidArg("template_id", "empty")
	case len(msg.Data) == 0:
		return invalidArg("data", "empty")
	case msg.MiniProgram != nil && msg.MiniProgram.AppID == "":
		return invalidArg("miniprogram.appid", "empty")
	}
	return s.c.Do(ctx, subscribeBizSend, nil, msg, nil)
}
