package suite

import (
	"context"
	"net/http"
	"net/url"
)

var (
	apiUserInfo3rd     = suiteEP(http.MethodGet, "/cgi-bin/service/auth/getuserinfo3rd")
	apiUserDetail3rd   = suiteEP(http.MethodPost, "/cgi-bin/service/auth/getuserdetail3rd")
	apiJSCode2Session  = suiteEP(http.MethodGet, "/cgi-bin/service/miniprogram/jscode2session")
	apiUnionIDToExtern = suiteEP(http.MethodPost, "/cgi-bin/service/externalcontact/unionid_to_external_userid_3rd")
	apiAppOrder        = suiteEP(http.MethodPost, "/cgi-bin/service/get_order")
	apiAppOrderList    = suiteEP(http.MethodPost, "/cgi-bin/service/get_order_list")
	apiProlongTry      = suiteEP(http.MethodPost, "/cgi-bin/service/prolong_try")
)

// UserInfo3rd is the answer of getuserinfo3rd: a member of a corp
// (CorpID, UserID, OpenUserID; UserTicket and ExpiresIn when the scope was
// snsapi_userinfo or snsapi_privateinfo and the member is in the app's
// visible range) or, for a WeChat user who belongs to no corp, OpenID
// (unique for the service provider).
type UserInfo3rd struct {
	CorpID     string `json:"corpid"`
	UserID     string `json:"userid"`
	UserTicket string `json:"user_ticket"`
	// ExpiresIn is the lifetime of UserTicket in seconds.
	ExpiresIn  int64  `json:"expires_in"`
	OpenUserID string `json:"open_userid"`
	OpenID     string `json:"openid"`
}

// Member reports whether the user belongs to a corp (OpenID empty).
func (u *UserInfo3rd) Member() bool { return u.OpenID == "" && u.UserID != "" }

// UserInfo3rd identifies the user of a code (at most 512 bytes, used once,
// valid 5 minutes) that WeCom appended to the suite's web login redirect
// (OAuth2 网页授权登录, "获取访问用户身份"), or to the login of the
// provider's login-authorization suite (企业微信Web登录, page 98179: same
// request, no user_ticket). This is the current
// /cgi-bin/service/auth/getuserinfo3rd; the older
// /cgi-bin/service/getuserinfo3rd is documented only for home-school
// (家校) apps with another answer, and is not wrapped.
// https://developer.work.weixin.qq.com/document/path/91121
func (c *Client) UserInfo3rd(ctx context.Context, code string) (*UserInfo3rd, error) {
	if err := checkCode(code); err != nil {
		return nil, err
	}
	return call[UserInfo3rd](ctx, c.core, apiUserInfo3rd, url.Values{"code": {code}}, nil)
}

// UserDetail3rd is the answer of getuserdetail3rd. Gender ("0" undefined,
// "1" male, "2" female), Avatar and QRCode are real only when the member
// consented with scope snsapi_privateinfo; Name is the userid for
// third-party apps (display names go through the contact display
// component). Mobile, email and address are not given to third-party apps.
type UserDetail3rd struct {
	CorpID string `json:"corpid"`
	UserID string `json:"userid"`
	Name   string `json:"name"`
	Gender string `json:"gender"`
	Avatar string `json:"avatar"`
	QRCode string `json:"qr_code"`
}

// UserDetail3rd reads the sensitive fields of the member of a user_ticket
// (from UserInfo3rd, valid ExpiresIn seconds); the member must be in the
// app's visible range. Path /cgi-bin/service/auth/getuserdetail3rd.
// https://developer.work.weixin.qq.com/document/path/91122
func (c *Client) UserDetail3rd(ctx context.Context, userTicket string) (*UserDetail3rd, error) {
	if err := require("user_ticket", userTicket); err != nil {
		return nil, err
	}
	return call[UserDetail3rd](ctx, c.core, apiUserDetail3rd, nil, struct {
		UserTicket string `json:"user_ticket"`
	}{userTicket})
}

// Session is the answer of jscode2session.
type Session struct {
	CorpID     string `json:"corpid"`
	UserID     string `json:"userid"`
	SessionKey string `json:"session_key"`
	OpenUserID string `json:"open_userid"`
}

// JSCode2Session logs in the user of the suite's mini program (wx.qy.login code).
// https://developer.work.weixin.qq.com/document/path/92423
func (c *Client) JSCode2Session(ctx context.Context, jsCode string) (*Session, error) {
	if err := require("js_code", jsCode); err != nil {
		return nil, err
	}
	return call[Session](ctx, c.core, apiJSCode2Session, url.Values{"js_code": {jsCode}, "grant_type": {"authorization_code"}}, nil)
}

// ExternalUserID3rd is the answer of unionid_to_external_userid_3rd.
type ExternalUserID3rd struct {
	ExternalUserIDInfo []struct {
		CorpID         string `json:"corpid"`
		ExternalUserID string `json:"external_userid"`
	} `json:"external_userid_info"`
}

// UnionIDToExternalUserID3rd translates the unionid and openid (got from
// the same mini program or official account of the provider's subject) of
// a WeChat user into the external_userid of the corps that installed the
// suite and have them as customers (corpID empty: every authorized corp;
// required for customer group chats). It takes the suite_access_token
// (/cgi-bin/service/externalcontact/unionid_to_external_userid_3rd) and is
// limited to 50,000 calls an hour, 240,000 a day per provider: call it on
// a user's action, never in bulk.
// https://developer.work.weixin.qq.com/document/path/95878
func (c *Client) UnionIDToExternalUserID3rd(ctx context.Context, unionID, openID, corpID string) (*ExternalUserID3rd, error) {
	if err := require("unionid", unionID); err != nil {
		return nil, err
	}
	if err := require("openid", openID); err != nil {
		return nil, err
	}
	return call[ExternalUserID3rd](ctx, c.core, apiUnionIDToExtern, nil, struct {
		UnionID string `json:"unionid"`
		OpenID  string `json:"openid"`
		CorpID  string `json:"corpid,omitempty"`
	}{unionID, openID, corpID})
}

// AppOrder is an app-market order of the suite (get_order).
type AppOrder struct {
	OrderID         string `json:"orderid"`
	OrderStatus     int    `json:"order_status"`
	OrderType       int    `json:"order_type"`
	PaidCorpID      string `json:"paid_corpid"`
	OperatorID      string `json:"operator_id"`
	SuiteID         string `json:"suiteid"`
	AppID           int64  `json:"appid"`
	EditionID       string `json:"edition_id"`
	EditionName     string `json:"edition_name"`
	Price           int64  `json:"price"`
	UserCount       int64  `json:"user_count"`
	OrderPeriod     int64  `json:"order_period"`
	OrderTime       int64  `json:"order_time"`
	PaidTime        int64  `json:"paid_time"`
	BeginTime       int64  `json:"begin_time"`
	EndTime         int64  `json:"end_time"`
	OrderFrom       int    `json:"order_from"`
	OperatorCorpID  string `json:"operator_corpid"`
	ServiceShareAmt int64  `json:"service_share_amount"`
	PlatformShare   int64  `json:"platform_share_amount"`
	DealerShareAmt  int64  `json:"dealer_share_amount"`
}

// AppOrder reads an app-market order of the suite.
// https://developer.work.weixin.qq.com/document/path/90618
func (c *Client) AppOrder(ctx context.Context, orderID string) (*AppOrder, error) {
	if err := require("orderid", orderID); err != nil {
		return nil, err
	}
	return call[AppOrder](ctx, c.core, apiAppOrder, nil, struct {
		OrderID string `json:"orderid"`
	}{orderID})
}

// AppOrders lists the suite's app-market orders between start and end
// (unix seconds); testMode 1 lists test orders.
// https://developer.work.weixin.qq.com/document/path/90619
func (c *Client) AppOrders(ctx context.Context, start, end int64, testMode int) ([]AppOrder, error) {
	out, err := call[struct {
		OrderList []AppOrder `json:"order_list"`
	}](ctx, c.core, apiAppOrderList, nil, struct {
		StartTime int64 `json:"start_time"`
		EndTime   int64 `json:"end_time"`
		TestMode  int   `json:"test_mode"`
	}{start, end, testMode})
	if err != nil {
		return nil, err
	}
	return out.OrderList, nil
}

// ProlongTry extends the trial of app appID in corp buyerCorpID by days
// and returns the new end of the trial (unix seconds).
// https://developer.work.weixin.qq.com/document/path/91909
func (c *Client) ProlongTry(ctx context.Context, buyerCorpID string, days int, appID int64) (int64, error) {
	if err := require("buyer_corpid", buyerCorpID); err != nil {
		return 0, err
	}
	if days <= 0 {
		return 0, invalidArg("prolong_days", "must be positive")
	}
	out, err := call[struct {
		TryEndTime int64 `json:"try_end_time"`
	}](ctx, c.core, apiProlongTry, nil, struct {
		BuyerCorpID string `json:"buyer_corpid"`
		ProlongDays int    `json:"prolong_days"`
		AppID       int64  `json:"appid,omitempty"`
	}{buyerCorpID, days, appID})
	if err != nil {
		return 0, err
	}
	return out.TryEndTime, nil
}
