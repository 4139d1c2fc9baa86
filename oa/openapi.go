package oa

import (
	"context"
	"net/http"
	"time"

	wechat "github.com/weixin-go/wechat"
)

var (
	openAPICallbackCheck = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/callback/check"}
	openAPICallbackIP    = wechat.Endpoint{Method: http.MethodGet, Path: "/cgi-bin/getcallbackip"}
	openAPIRIDGet        = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/openapi/rid/get"}
	openAPIChangeOpenID  = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/changeopenid"}
	openAPIShortenGen    = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/shorten/gen"}
	openAPIShortenFetch  = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/shorten/fetch"}
)

// Limits of the openapi helpers.
const (
	MaxChangeOpenIDs   = 100
	MaxShortenData     = 4096                // bytes of long_data
	MaxShortenLifetime = 30 * 24 * time.Hour // expire_seconds
)

// Network check actions and operators of CallbackCheck.
const (
	CheckActionDNS  = "dns"
	CheckActionPing = "ping"
	CheckActionAll  = "all"

	CheckOperatorChinaNet = "CHINANET"
	CheckOperatorUnicom   = "UNICOM"
	CheckOperatorCAP      = "CAP"
	CheckOperatorDefault  = "DEFAULT"
)

// CallbackCheckResult is how WeChat reaches the account's message server.
type CallbackCheckResult struct {
	DNS []struct {
		IP           string `json:"ip"`
		RealOperator string `json:"real_operator"`
	} `json:"dns"`
	Ping []struct {
		IP           string `json:"ip"`
		FromOperator string `json:"from_operator"`
		PackageLoss  string `json:"package_loss"`
		Time         string `json:"time"`
	} `json:"ping"`
}

// CallbackCheck has WeChat resolve and ping the message server's domain
// (action CheckActionDNS, CheckActionPing or CheckActionAll) from the
// operator's network (CheckOperator*).
// https://developers.weixin.qq.com/doc/offiaccount/Basic_Information/Network_Detection.html
func (s *AccountService) CallbackCheck(ctx context.Context, action, operator string) (*CallbackCheckResult, error) {
	switch action {
	case CheckActionDNS, CheckActionPing, CheckActionAll:
	default:
		return nil, invalidArg("action", "must be dns, ping or all")
	}
	switch operator {
	case CheckOperatorChinaNet, CheckOperatorUnicom, CheckOperatorCAP, CheckOperatorDefault:
	default:
		return nil, invalidArg("check_operator", "must be CHINANET, UNICOM, CAP or DEFAULT")
	}
	return call[CallbackCheckResult](ctx, s.c, openAPICallbackCheck, nil, struct {
		Action   string `json:"action"`
		Operator string `json:"check_operator"`
	}{action, operator})
}

// CallbackIPs returns the addresses WeChat sends pushes from.
// https://developers.weixin.qq.com/doc/offiaccount/Basic_Information/Get_the_WeChat_server_IP_address.html
func (s *AccountService) CallbackIPs(ctx context.Context) ([]string, error) {
	out, err := call[struct {
		IPList []string `json:"ip_list"`
	}](ctx, s.c, openAPICallbackIP, nil, nil)
	if err != nil {
		return nil, err
	}
	return out.IPList, nil
}

// RequestInfo is what WeChat recorded of a call, found by its rid.
type RequestInfo struct {
	InvokeTime   int64  `json:"invoke_time"`
	CostInMS     int64  `json:"cost_in_ms"`
	RequestURL   string `json:"request_url"`
	RequestBody  string `json:"request_body"`
	ResponseBody string `json:"response_body"`
	ClientIP     string `json:"client_ip"`
}

// RequestInfo returns the call that answered with rid (the rid of an
// APIError), for calls of the last 7 days.
// https://developers.weixin.qq.com/doc/offiaccount/openApi/get_rid_info.html
func (s *AccountService) RequestInfo(ctx context.Context, rid string) (*RequestInfo, error) {
	if rid == "" {
		return nil, invalidArg("rid", "empty")
	}
	out, err := call[struct {
		Request RequestInfo `json:"request"`
	}](ctx, s.c, openAPIRIDGet, nil, map[string]string{"rid": rid})
	if err != nil {
		return nil, err
	}
	return &out.Request, nil
}

// ChangedOpenID maps an openid of the former account to the new one; ErrMsg
// is "ok" or why the user was not migrated.
type ChangedOpenID struct {
	OriOpenID string `json:"ori_openid"`
	NewOpenID string `json:"new_openid"`
	ErrMsg    string `json:"err_msg"`
}

// ChangeOpenIDs translates up to 100 openids of fromAppID, an account
// migrated into this one, into this account's openids.
// https://developers.weixin.qq.com/doc/offiaccount/User_Management/Get_users_openid_after_account_migration.html
func (s *AccountService) ChangeOpenIDs(ctx context.Context, fromAppID string, openIDs []string) ([]ChangedOpenID, error) {
	if fromAppID == "" {
		return nil, invalidArg("from_appid", "empty")
	}
	if err := checkOpenIDs("openid_list", openIDs, MaxChangeOpenIDs); err != nil {
		return nil, err
	}
	out, err := call[struct {
		List []ChangedOpenID `json:"result_list"`
	}](ctx, s.c, openAPIChangeOpenID, nil, struct {
		FromAppID string   `json:"from_appid"`
		OpenIDs   []string `json:"openid_list"`
	}{fromAppID, openIDs})
	if err != nil {
		return nil, err
	}
	return out.List, nil
}

// ShortenGen stores longData (at most 4 KB) for lifetime (at most 30 days;
// 0 for the 30-day default) and returns its short key.
// https://developers.weixin.qq.com/doc/offiaccount/Account_Management/KEY_Shortener.html
func (s *AccountService) ShortenGen(ctx context.Context, longData string, lifetime time.Duration) (string, error) {
	switch {
	case longData == "":
		return "", invalidArg("long_data", "empty")
	case len(longData) > MaxShortenData:
		return "", invalidArg("long_data", "longer than 4096 bytes")
	case lifetime < 0 || lifetime > MaxShortenLifetime:
		return "", invalidArg("expire_seconds", "must be 0 to 30 days")
	}
	out, err := call[struct {
		ShortKey string `json:"short_key"`
	}](ctx, s.c, openAPIShortenGen, nil, struct {
		LongData      string `json:"long_data"`
		ExpireSeconds int    `json:"expire_seconds,omitempty"`
	}{longData, expireSeconds(lifetime)})
	if err != nil {
		return "", err
	}
	return out.ShortKey, nil
}

// ShortenData is the data stored under a short key.
type ShortenData struct {
	LongData      string `json:"long_data"`
	CreateTime    int64  `json:"create_time"`
	ExpireSeconds int64  `json:"expire_seconds"`
}

// ShortenFetch returns the data stored under shortKey.
// https://developers.weixin.qq.com/doc/offiaccount/Account_Management/KEY_Shortener.html
func (s *AccountService) ShortenFetch(ctx context.Context, shortKey string) (*ShortenData, error) {
	if shortKey == "" {
		return nil, invalidArg("short_key", "empty")
	}
	return call[ShortenData](ctx, s.c, openAPIShortenFetch, nil, map[string]string{"short_key": shortKey})
}
