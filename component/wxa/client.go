// Package wxa is the third-party platform's management of authorized mini
// programs (代小程序实现业务): code upload, audit and release, domains,
// basic information, categories, testers, privacy settings, search status,
// QR code jump rules, ICP filing (小程序备案), verification (小程序认证),
// live streaming application, authorizer options and embedded mini
// programs.
// Every call is made with the authorizer's access token, which the
// component package keeps:
//
//	comp, _ := component.New(component.Config{AppID: id, AppSecret: secret}, wechat.WithStore(store))
//	app, _ := wxa.New(comp, authorizerAppID)
//	err := app.Code.Commit(ctx, &wxa.Commit{TemplateID: 3, ExtJSON: ext, UserVersion: "1.0.0"})
//
// The template library and fast registration take the component token and
// are methods of component.Client.
//
// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/miniprogram-management/code-management/commit.html
package wxa

import (
	"context"
	"net/http"
	"net/url"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/component"
)

// Client manages one authorized mini program. It embeds the authorizer's
// core client, so Call, Stream and Upload are available for endpoints this
// package does not wrap.
type Client struct {
	*wechat.Client

	Code     *CodeService
	Domain   *DomainService
	Account  *AccountService
	Category *CategoryService
	Tester   *TesterService
	Privacy  *PrivacyService
	Search   *SearchService
	Jump     *JumpService
	ICP      *ICPService
	Embedded *EmbeddedService
	Verify   *VerifyService
	Live     *LiveService
	Option   *OptionService
	// Link and Register are called as an official account that authorized
	// the component (mini programs linked to it, fast registration).
	Link     *LinkService
	Register *RegisterService
}

// New returns the client of authorizerAppID, which authorized comp.
func New(comp *component.Client, authorizerAppID string) (*Client, error) {
	cl, err := comp.AuthorizerClient(authorizerAppID)
	if err != nil {
		return nil, err
	}
	return Wrap(cl), nil
}

// Wrap returns a client around an authorizer's core client
// (component.Client.AuthorizerClient).
func Wrap(c *wechat.Client) *Client {
	s := &service{c: c}
	return &Client{
		Client:   c,
		Code:     (*CodeService)(s),
		Domain:   (*DomainService)(s),
		Account:  (*AccountService)(s),
		Category: (*CategoryService)(s),
		Tester:   (*TesterService)(s),
		Privacy:  (*PrivacyService)(s),
		Search:   (*SearchService)(s),
		Jump:     (*JumpService)(s),
		ICP:      (*ICPService)(s),
		Embedded: (*EmbeddedService)(s),
		Verify:   (*VerifyService)(s),
		Live:     (*LiveService)(s),
		Option:   (*OptionService)(s),
		Link:     (*LinkService)(s),
		Register: (*RegisterService)(s),
	}
}

type service struct{ c *wechat.Client }

type (
	// CodeService uploads, submits, releases and rolls back code (代码管理).
	// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/miniprogram-management/code-management/commit.html
	CodeService service
	// DomainService sets the server and web-view domains (域名管理).
	// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/miniprogram-management/domain-management/modifyServerDomain.html
	DomainService service
	// AccountService reads and changes the basic information: name, avatar,
	// introduction (基础信息设置).
	// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/Mini_Program_Basic_Info/Mini_Program_Information_Settings.html
	AccountService service
	// CategoryService manages the service categories (类目管理).
	// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/category/getallcategories.html
	CategoryService service
	// TesterService binds and lists the trial version's testers (成员管理).
	// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/miniprogram-management/member-management/bindMember.html
	TesterService service
	// PrivacyService sets the user privacy guide and applies for privacy
	// interfaces (隐私接口与隐私保护指引).
	// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/privacy_config/set_privacy_setting.html
	PrivacyService service
	// SearchService sets whether the mini program can be found by search.
	// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/Mini_Program_Basic_Info/setSearchStatus.html
	SearchService service
	// JumpService manages the rules that open the mini program from
	// ordinary QR codes (扫普通链接二维码打开小程序).
	// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/qrcode/qrcodejumpadd.html
	JumpService service
	// ICPService files the mini program for ICP (小程序备案).
	// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/miniprogram-management/record/createIcpVerifyTask.html
	ICPService service
	// EmbeddedService manages half-screen embedded mini programs (半屏小程序管理).
	// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/miniprogram-management/embedded-management/addEmbedded.html
	EmbeddedService service
	// LinkService links mini programs to an official account (关联小程序);
	// use it on the official account's client.
	// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/Official__Accounts/Mini_Program_Management_Permission.html
	LinkService service
	// RegisterService registers mini programs for an official account
	// (复用公众号主体快速注册, 试用小程序) and verifies trial mini programs.
	// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/Official__Accounts/fast_registration_of_mini_program.html
	RegisterService service
)

// InvalidArgumentError is returned, before any request is sent, when an
// argument breaks a documented WeChat rule.
type InvalidArgumentError = wechat.ArgumentError

func invalidArg(arg, reason string) error {
	return &wechat.ArgumentError{Pkg: "wxa", Arg: arg, Reason: reason}
}

// required returns an *InvalidArgumentError for the first empty value of
// the name/value pairs.
func required(pairs ...string) error {
	for i := 0; i+1 < len(pairs); i += 2 {
		if pairs[i+1] == "" {
			return invalidArg(pairs[i], "empty")
		}
	}
	return nil
}

func post(path string) wechat.Endpoint { return wechat.Endpoint{Method: http.MethodPost, Path: path} }
func get(path string) wechat.Endpoint  { return wechat.Endpoint{Method: http.MethodGet, Path: path} }

// empty is the body of the POST endpoints that take no parameter.
var empty = struct{}{}

// call sends body to ep and decodes the answer into a new T.
func call[T any](ctx context.Context, c *wechat.Client, ep wechat.Endpoint, q url.Values, body any) (*T, error) {
	out := new(T)
	if err := c.Do(ctx, ep, q, body, out); err != nil {
		return nil, err
	}
	return out, nil
}

// do sends body to ep, which answers only errcode.
func (s *service) do(ctx context.Context, ep wechat.Endpoint, body any) error {
	return s.c.Do(ctx, ep, nil, body, nil)
}
