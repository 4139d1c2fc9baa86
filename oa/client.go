// Package oa is the WeChat official account (公众号) API: one service per API
// group, reached as fields of a Client (client.Menu.Create(ctx, req)).
//
// https://developers.weixin.qq.com/doc/offiaccount/Getting_Started/Overview.html
package oa

import (
	wechat "github.com/weixin-go/wechat"
)

// Client is an official account client. It embeds the core client, so the
// generic Call, Stream and Upload and the token accessors are available too.
type Client struct {
	*wechat.Client

	Account       *AccountService
	Menu          *MenuService
	User          *UserService
	UserTag       *UserTagService
	UserBlacklist *UserBlacklistService
	Template      *TemplateService
	CustomMessage *CustomMessageService
	Material      *MaterialService
}

// New returns an official account client for cfg.
func New(cfg wechat.Config, opts ...wechat.Option) (*Client, error) {
	cfg.Type = wechat.OfficialAccount
	c, err := wechat.NewClient(cfg, opts...)
	if err != nil {
		return nil, err
	}
	return Wrap(c), nil
}

// Wrap returns an official account client around an existing core client.
func Wrap(c *wechat.Client) *Client {
	s := service{c: c}
	return &Client{
		Client:        c,
		Account:       (*AccountService)(&s),
		Menu:          (*MenuService)(&s),
		User:          (*UserService)(&s),
		UserTag:       (*UserTagService)(&s),
		UserBlacklist: (*UserBlacklistService)(&s),
		Template:      (*TemplateService)(&s),
		CustomMessage: (*CustomMessageService)(&s),
		Material:      (*MaterialService)(&s),
	}
}

type service struct{ c *wechat.Client }

type (
	// AccountService manages QR codes, short links and API quotas (账号管理).
	// https://developers.weixin.qq.com/doc/offiaccount/Account_Management/Generating_a_Parametric_QR_Code.html
	AccountService service
	// MenuService manages the custom menu (自定义菜单).
	// https://developers.weixin.qq.com/doc/offiaccount/Custom_Menus/Creating_Custom-Defined_Menu.html
	MenuService service
	// UserService reads followers and their information (用户管理).
	// https://developers.weixin.qq.com/doc/offiaccount/User_Management/Getting_a_User_List.html
	UserService service
	// UserTagService manages user tags (用户标签管理).
	// https://developers.weixin.qq.com/doc/offiaccount/User_Management/User_Tag_Management.html
	UserTagService service
	// UserBlacklistService manages the blacklist (黑名单管理).
	// https://developers.weixin.qq.com/doc/offiaccount/User_Management/Manage_blacklist.html
	UserBlacklistService service
	// TemplateService sends template messages and manages templates (模板消息).
	// https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Template_Message_Interface.html
	TemplateService service
	// CustomMessageService sends customer-service messages (客服消息).
	// https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Service_Center_messages.html
	CustomMessageService service
	// MaterialService manages temporary media and permanent material (素材管理).
	// https://developers.weixin.qq.com/doc/offiaccount/Asset_Management/New_temporary_materials.html
	MaterialService service
)
