package oa

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"unicode/utf8"

	wechat "github.com/weixin-go/wechat"
)

var templateSubscribe = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/message/template/subscribe"}

// OneTimeSubscribeConfirmURL is the page where a user authorizes one-time
// subscription messages.
const OneTimeSubscribeConfirmURL = "https://mp.weixin.qq.com/mp/subscribemsg"

// Limits of one-time subscription messages.
const (
	MaxOneTimeSubscribeScene   = 10000 // scene is 0 to 10000
	MaxOneTimeSubscribeTitle   = 15    // characters of title
	MaxOneTimeSubscribeContent = 200   // characters of data.content.value
)

// OneTimeSubscribeMessage is a one-time subscription message (一次性订阅消息):
// each time a user authorizes the template for a scene, the account may
// send them one message, followers or not.
type OneTimeSubscribeMessage struct {
	ToUser     string `json:"touser"`
	TemplateID string `json:"template_id"`
	// URL (ICP-registered) or MiniProgram (appid and pagepath both
	// required) is opened when the message is tapped.
	URL         string               `json:"url,omitempty"`
	MiniProgram *TemplateMiniProgram `json:"miniprogram,omitempty"`
	// Scene is the scene value (0 to 10000) the user authorized.
	Scene int                  `json:"scene,string"`
	Title string               `json:"title"` // at most 15 characters
	Data  OneTimeSubscribeData `json:"data"`
}

// OneTimeSubscribeData is the body of a one-time subscription message.
type OneTimeSubscribeData struct {
	Content TemplateDataItem `json:"content"` // value at most 200 characters
}

// OneTimeSubscribeURL returns the page to open in WeChat for the user to
// authorize one message of templateID for scene (0 to 10000). WeChat then
// redirects to redirectURL (an absolute http or https URL on the account's
// business domain) with ?openid=OPENID&template_id=...&action=confirm (or
// cancel)&scene=...&reserved=...; reserved (up to 128 letters and digits,
// may be empty) comes back as it was, to tie the answer to the browser.
// https://developers.weixin.qq.com/doc/offiaccount/Message_Management/One-time_subscription_info.html
func (s *TemplateService) OneTimeSubscribeURL(templateID string, scene int, redirectURL, reserved string) (string, error) {
	if templateID == "" {
		return "", argErr("template_id", "required")
	}
	if scene < 0 || scene > MaxOneTimeSubscribeScene {
		return "", argErr("scene", strconv.Itoa(scene)+" not in 0..10000")
	}
	u, err := url.Parse(redirectURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", argErr("redirect_url", "must be an absolute http or https URL")
	}
	if err := checkAlnum("reserved", reserved); err != nil {
		return "", err
	}
	q := []string{"action", "get_confirm", "appid", url.QueryEscape(s.c.AppID()), "scene", strconv.Itoa(scene),
		"template_id", url.QueryEscape(templateID), "redirect_url", url.QueryEscape(redirectURL)}
	if reserved != "" {
		q = append(q, "reserved", reserved)
	}
	return orderedURL(OneTimeSubscribeConfirmURL, q...) + "#wechat_redirect", nil
}

// SendOneTimeSubscribe sends a one-time subscription message to a user who
// authorized its template and scene.
// https://developers.weixin.qq.com/doc/offiaccount/Message_Management/One-time_subscription_info.html
func (s *TemplateService) SendOneTimeSubscribe(ctx context.Context, msg *OneTimeSubscribeMessage) error {
	switch {
	case msg == nil:
		return argErr("message", "nil")
	case msg.ToUser == "":
		return argErr("touser", "required")
	case msg.TemplateID == "":
		return argErr("template_id", "required")
	case msg.Scene < 0 || msg.Scene > MaxOneTimeSubscribeScene:
		return argErr("scene", strconv.Itoa(msg.Scene)+" not in 0..10000")
	case msg.Title == "":
		return argErr("title", "required")
	case utf8.RuneCountInString(msg.Title) > MaxOneTimeSubscribeTitle:
		return argErr("title", "longer than 15 characters")
	case utf8.RuneCountInString(msg.Data.Content.Value) > MaxOneTimeSubscribeContent:
		return argErr("data.content.value", "longer than 200 characters")
	case msg.MiniProgram != nil && (msg.MiniProgram.AppID == "" || msg.MiniProgram.PagePath == ""):
		return argErr("miniprogram", "appid and pagepath required")
	}
	return s.c.Do(ctx, templateSubscribe, nil, msg, nil)
}
