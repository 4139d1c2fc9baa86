package component

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	wechat "github.com/weixin-go/wechat"
)

var (
	apiCreatePreAuthCode = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/component/api_create_preauthcode", TokenParam: tokenParam}
	apiQueryAuth         = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/component/api_query_auth", TokenParam: tokenParam}
	apiGetAuthorizerInfo = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/component/api_get_authorizer_info", TokenParam: tokenParam}
	apiGetOption         = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/component/api_get_authorizer_option", TokenParam: tokenParam}
	apiSetOption         = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/component/api_set_authorizer_option", TokenParam: tokenParam}
	apiGetAuthorizerList = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/component/api_get_authorizer_list", TokenParam: tokenParam}
)

// Authorization page addresses.
const (
	// PCAuthorizationPage is the page the administrator opens on a computer
	// and scans with WeChat (授权注册页面扫码授权).
	PCAuthorizationPage = "https://mp.weixin.qq.com/cgi-bin/componentloginpage"
	// MobileAuthorizationPage is the page the administrator opens in WeChat
	// on the phone (点击移动端链接快速授权).
	MobileAuthorizationPage = "https://open.weixin.qq.com/wxaopen/safe/bindcomponent"
)

// AuthType values of AuthURLOptions: which accounts the administrator may
// pick on the authorization page.
const (
	AuthTypeOfficialAccount = 1 // official accounts only
	AuthTypeMiniProgram     = 2 // mini programs only
	AuthTypeBoth            = 3 // official accounts and mini programs
)

// MaxAuthorizerListCount is the largest count of one api_get_authorizer_list call.
const MaxAuthorizerListCount = 500

// PreAuthCode is a pre-authorization code, valid ExpiresIn seconds and for
// one authorization.
type PreAuthCode struct {
	PreAuthCode string `json:"pre_auth_code"`
	ExpiresIn   int    `json:"expires_in"`
}

// CreatePreAuthCode calls api_create_preauthcode.
// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/ThirdParty/token/pre_auth_code.html
func (c *Client) CreatePreAuthCode(ctx context.Context) (*PreAuthCode, error) {
	body := struct {
		AppID string `json:"component_appid"`
	}{c.cfg.AppID}
	return call[PreAuthCode](ctx, c.core, apiCreatePreAuthCode, nil, body)
}

// AuthURLOptions are the optional parameters of the authorization pages.
type AuthURLOptions struct {
	// AuthType restricts the accounts shown (AuthTypeOfficialAccount,
	// AuthTypeMiniProgram, AuthTypeBoth; WeChat documents more values for
	// other account kinds). Zero omits it: WeChat shows both.
	AuthType int
	// BizAppID restricts the authorization to this one account.
	BizAppID string
	// CategoryIDList restricts the permission sets offered (权限集 ids).
	CategoryIDList []int
}

// AuthorizationURL builds the authorization page address (PCAuthorizationPage,
// or MobileAuthorizationPage if mobile) for preAuthCode. After the
// authorization WeChat redirects to redirectURI with auth_code and
// expires_in. Every parameter is URL-encoded.
// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/Before_Develop/Authorization_Process_Technical_Description.html
func AuthorizationURL(componentAppID, preAuthCode, redirectURI string, mobile bool, opt *AuthURLOptions) (string, error) {
	switch {
	case componentAppID == "":
		return "", invalidArg("component_appid", "empty")
	case preAuthCode == "":
		return "", invalidArg("pre_auth_code", "empty")
	}
	if u, err := url.Parse(redirectURI); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", invalidArg("redirect_uri", "not an absolute http(s) URL")
	}
	q := url.Values{}
	if mobile {
		q.Set("action", "bindcomponent")
		q.Set("no_scan", "1")
	}
	q.Set("component_appid", componentAppID)
	q.Set("pre_auth_code", preAuthCode)
	q.Set("redirect_uri", redirectURI)
	if opt != nil {
		if opt.AuthType < 0 {
			return "", invalidArg("auth_type", "negative")
		}
		if opt.AuthType > 0 {
			q.Set("auth_type", strconv.Itoa(opt.AuthType))
		}
		if opt.BizAppID != "" {
			q.Set("biz_appid", opt.BizAppID)
		}
		if len(opt.CategoryIDList) > 0 {
			ids := make([]string, len(opt.CategoryIDList))
			for i, id := range opt.CategoryIDList {
				ids[i] = strconv.Itoa(id)
			}
			q.Set("category_id_list", strings.Join(ids, "|"))
		}
	}
	if mobile {
		return MobileAuthorizationPage + "?" + q.Encode() + "#wechat_redirect", nil
	}
	return PCAuthorizationPage + "?" + q.Encode(), nil
}

// NewAuthorizationURL creates a pre-authorization code and returns the
// authorization page address for it (see AuthorizationURL). The page must
// be opened from the component's authorization domain.
func (c *Client) NewAuthorizationURL(ctx context.Context, redirectURI string, mobile bool, opt *AuthURLOptions) (string, error) {
	if _, err := AuthorizationURL(c.cfg.AppID, "-", redirectURI, mobile, opt); err != nil {
		return "", err // invalid arguments: no pre-auth code wasted
	}
	code, err := c.CreatePreAuthCode(ctx)
	if err != nil {
		return "", err
	}
	return AuthorizationURL(c.cfg.AppID, code.PreAuthCode, redirectURI, mobile, opt)
}

// FuncInfo is one permission set (权限集) granted to the component.
type FuncInfo struct {
	FuncscopeCategory struct {
		ID int `json:"id"`
	} `json:"funcscope_category"`
}

// AuthorizationInfo is what an authorization grants the component.
type AuthorizationInfo struct {
	AuthorizerAppID string `json:"authorizer_appid"`
	// AccessToken, ExpiresIn and RefreshToken are only returned by
	// api_query_auth, and only for accounts with API permissions;
	// api_get_authorizer_info returns RefreshToken.
	AccessToken  string     `json:"authorizer_access_token,omitempty"`
	ExpiresIn    int        `json:"expires_in,omitempty"`
	RefreshToken string     `json:"authorizer_refresh_token,omitempty"`
	FuncInfo     []FuncInfo `json:"func_info"`
}

// FuncIDs returns the granted permission set ids.
func (a *AuthorizationInfo) FuncIDs() []int {
	ids := make([]int, len(a.FuncInfo))
	for i, f := range a.FuncInfo {
		ids[i] = f.FuncscopeCategory.ID
	}
	return ids
}

// QueryAuth calls api_query_auth: it exchanges an authorization code (from
// the redirect or the authorized notification) for the authorization
// information, including the authorizer's access and refresh tokens. It
// stores nothing; AuthorizeFromCode also keeps the tokens.
// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/ThirdParty/token/authorization_info.html
func (c *Client) QueryAuth(ctx context.Context, authorizationCode string) (*AuthorizationInfo, error) {
	if authorizationCode == "" {
		return nil, invalidArg("authorization_code", "empty")
	}
	body := struct {
		AppID string `json:"component_appid"`
		Code  string `json:"authorization_code"`
	}{c.cfg.AppID, authorizationCode}
	out, err := call[struct {
		Info AuthorizationInfo `json:"authorization_info"`
	}](ctx, c.core, apiQueryAuth, nil, body)
	if err != nil {
		return nil, err
	}
	return &out.Info, nil
}

// AuthorizeFromCode exchanges an authorization code (QueryAuth) and stores
// the authorizer's refresh token and access token, which Authorizer then
// serves and refreshes.
func (c *Client) AuthorizeFromCode(ctx context.Context, authorizationCode string) (*AuthorizationInfo, error) {
	info, err := c.QueryAuth(ctx, authorizationCode)
	if err != nil {
		return nil, err
	}
	if info.AuthorizerAppID == "" {
		return nil, errors.New("component: api_query_auth answered no authorizer_appid")
	}
	if info.RefreshToken == "" {
		return info, nil // an account without API permissions: nothing to keep
	}
	if err := c.saveRefreshToken(ctx, info.AuthorizerAppID, info.RefreshToken); err != nil {
		return nil, err
	}
	if info.AccessToken != "" {
		t := wechat.Token{Value: info.AccessToken, ExpiresAt: time.Now().Add(time.Duration(info.ExpiresIn) * time.Second)}
		if err := c.authorizer(info.AuthorizerAppID).Set(ctx, t); err != nil {
			return nil, fmt.Errorf("component: storing authorizer access token: %w", err)
		}
	}
	return info, nil
}

// keyAuthorizationCode is where callback.Component keeps the authorization
// code of the last authorized or updateauthorized notification.
const keyAuthorizationCode = "authorization_code"

// AuthorizePending exchanges the authorization code that callback.Component
// stored for authorizerAppID (from an authorized or updateauthorized
// notification), like AuthorizeFromCode, then deletes it. It returns
// ErrNoPendingAuthorization when there is none.
func (c *Client) AuthorizePending(ctx context.Context, authorizerAppID string) (*AuthorizationInfo, error) {
	if err := requireAppID("authorizer_appid", authorizerAppID); err != nil {
		return nil, err
	}
	key := wechat.StoreKey(authorizerAppID, keyAuthorizationCode)
	code, ok, err := readToken(ctx, c.Store(), key)
	if err != nil {
		return nil, fmt.Errorf("component: reading authorization code: %w", err)
	}
	if !ok || code.Value == "" {
		return nil, ErrNoPendingAuthorization
	}
	info, err := c.AuthorizeFromCode(ctx, code.Value)
	if err != nil {
		return nil, err
	}
	if err := c.Store().Delete(ctx, key); err != nil {
		return nil, fmt.Errorf("component: deleting used authorization code: %w", err)
	}
	return info, nil
}

// ErrNoPendingAuthorization is returned by AuthorizePending when no
// authorization code is stored for the authorizer.
var ErrNoPendingAuthorization = errors.New("component: no authorization code stored for this authorizer")

// IDName is a type id with its description, as in service_type_info.
type IDName struct {
	ID   int    `json:"id"`
	Name string `json:"name,omitempty"`
}

// BusinessInfo tells which features are enabled (1) or not (0).
type BusinessInfo struct {
	OpenStore int `json:"open_store"`
	OpenScan  int `json:"open_scan"`
	OpenPay   int `json:"open_pay"`
	OpenCard  int `json:"open_card"`
	OpenShake int `json:"open_shake"`
}

// MiniProgramNetwork are a mini program's configured domains.
type MiniProgramNetwork struct {
	RequestDomain   []string `json:"RequestDomain"`
	WsRequestDomain []string `json:"WsRequestDomain"`
	UploadDomain    []string `json:"UploadDomain"`
	DownloadDomain  []string `json:"DownloadDomain"`
	BizDomain       []string `json:"BizDomain,omitempty"`
	UDPDomain       []string `json:"UDPDomain,omitempty"`
}

// MiniProgramCategory is a mini program category.
type MiniProgramCategory struct {
	First  string `json:"first"`
	Second string `json:"second"`
}

// MiniProgramInfo is present only for mini programs.
type MiniProgramInfo struct {
	Network     MiniProgramNetwork    `json:"network"`
	Categories  []MiniProgramCategory `json:"categories"`
	VisitStatus int                   `json:"visit_status"`
}

// AuthorizerInfo describes an authorizer account.
type AuthorizerInfo struct {
	NickName string `json:"nick_name"`
	HeadImg  string `json:"head_img"`
	// ServiceTypeInfo: 0 subscription account, 1 upgraded old subscription
	// account, 2 service account (mini programs: 0).
	ServiceTypeInfo IDName `json:"service_type_info"`
	// VerifyTypeInfo: -1 not verified, 0 WeChat verified, ...
	VerifyTypeInfo IDName       `json:"verify_type_info"`
	UserName       string       `json:"user_name"` // original id, gh_...
	PrincipalName  string       `json:"principal_name"`
	Alias          string       `json:"alias"`
	QRCodeURL      string       `json:"qrcode_url"`
	BusinessInfo   BusinessInfo `json:"business_info"`
	// AccountStatus: 1 normal, 14 deregistered, 16 banned, 18 warned, 19 frozen.
	AccountStatus   int              `json:"account_status"`
	Signature       string           `json:"signature"`
	MiniProgramInfo *MiniProgramInfo `json:"MiniProgramInfo,omitempty"`
	RegisterType    int              `json:"register_type,omitempty"`
}

// IsMiniProgram reports whether the account is a mini program.
func (a *AuthorizerInfo) IsMiniProgram() bool { return a.MiniProgramInfo != nil }

// AuthorizerDetails is the answer of api_get_authorizer_info.
type AuthorizerDetails struct {
	AuthorizerInfo    AuthorizerInfo    `json:"authorizer_info"`
	AuthorizationInfo AuthorizationInfo `json:"authorization_info"`
}

// GetAuthorizerInfo calls api_get_authorizer_info.
// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/ThirdParty/token/api_get_authorizer_info.html
func (c *Client) GetAuthorizerInfo(ctx context.Context, authorizerAppID string) (*AuthorizerDetails, error) {
	if err := requireAppID("authorizer_appid", authorizerAppID); err != nil {
		return nil, err
	}
	body := struct {
		AppID           string `json:"component_appid"`
		AuthorizerAppID string `json:"authorizer_appid"`
	}{c.cfg.AppID, authorizerAppID}
	return call[AuthorizerDetails](ctx, c.core, apiGetAuthorizerInfo, nil, body)
}

// Authorizer option names and values (official accounts).
const (
	OptionLocationReport  = "location_report"  // 0 off, 1 on entering a session, 2 every 5s
	OptionVoiceRecognize  = "voice_recognize"  // 0 off, 1 on
	OptionCustomerService = "customer_service" // 0 off, 1 on
)

type optionBody struct {
	AppID           string `json:"component_appid"`
	AuthorizerAppID string `json:"authorizer_appid"`
	Name            string `json:"option_name"`
	Value           string `json:"option_value,omitempty"`
}

func (c *Client) checkOption(authorizerAppID, name string) error {
	if err := requireAppID("authorizer_appid", authorizerAppID); err != nil {
		return err
	}
	if name == "" {
		return invalidArg("option_name", "empty")
	}
	return nil
}

// GetAuthorizerOption calls api_get_authorizer_option and returns the
// option's value.
// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/ThirdParty/Account_Authorization/api_get_authorizer_option.html
func (c *Client) GetAuthorizerOption(ctx context.Context, authorizerAppID, name string) (string, error) {
	if err := c.checkOption(authorizerAppID, name); err != nil {
		return "", err
	}
	out, err := call[struct {
		Value string `json:"option_value"`
	}](ctx, c.core, apiGetOption, nil, optionBody{c.cfg.AppID, authorizerAppID, name, ""})
	if err != nil {
		return "", err
	}
	return out.Value, nil
}

// SetAuthorizerOption calls api_set_authorizer_option.
// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/ThirdParty/Account_Authorization/api_set_authorizer_option.html
func (c *Client) SetAuthorizerOption(ctx context.Context, authorizerAppID, name, value string) error {
	if err := c.checkOption(authorizerAppID, name); err != nil {
		return err
	}
	if value == "" {
		return invalidArg("option_value", "empty")
	}
	return c.core.Do(ctx, apiSetOption, nil, optionBody{c.cfg.AppID, authorizerAppID, name, value}, nil)
}

// AuthorizerListItem is one authorized account.
type AuthorizerListItem struct {
	AuthorizerAppID string `json:"authorizer_appid"`
	RefreshToken    string `json:"refresh_token"`
	AuthTime        int64  `json:"auth_time"` // unix seconds
}

// AuthorizerList is one page of api_get_authorizer_list.
type AuthorizerList struct {
	TotalCount int                  `json:"total_count"`
	List       []AuthorizerListItem `json:"list"`
}

// ListAuthorizers calls api_get_authorizer_list for count (1 to
// MaxAuthorizerListCount) accounts from offset.
// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/ThirdParty/Account_Authorization/api_get_authorizer_list.html
func (c *Client) ListAuthorizers(ctx context.Context, offset, count int) (*AuthorizerList, error) {
	if offset < 0 {
		return nil, invalidArg("offset", "negative")
	}
	if count < 1 || count > MaxAuthorizerListCount {
		return nil, invalidArg("count", strconv.Itoa(count)+" not in 1.."+strconv.Itoa(MaxAuthorizerListCount))
	}
	body := struct {
		AppID  string `json:"component_appid"`
		Offset int    `json:"offset"`
		Count  int    `json:"count"`
	}{c.cfg.AppID, offset, count}
	return call[AuthorizerList](ctx, c.core, apiGetAuthorizerList, nil, body)
}

// Authorizers iterates over every authorized account, fetching pages of
// pageSize (MaxAuthorizerListCount if not in 1..MaxAuthorizerListCount).
func (c *Client) Authorizers(ctx context.Context, pageSize int) iter.Seq2[AuthorizerListItem, error] {
	if pageSize < 1 || pageSize > MaxAuthorizerListCount {
		pageSize = MaxAuthorizerListCount
	}
	return wechat.OffsetPages(ctx, pageSize, func(ctx context.Context, offset, count int) ([]AuthorizerListItem, int, error) {
		p, err := c.ListAuthorizers(ctx, offset, count)
		if err != nil {
			return nil, 0, err
		}
		return p.List, p.TotalCount, nil
	})
}
