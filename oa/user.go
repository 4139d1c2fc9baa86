package oa

import (
	"context"
	"iter"
	"net/http"
	"net/url"
	"unicode/utf8"

	wechat "github.com/weixin-go/wechat"
)

var (
	userUpdateRemark = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/user/info/updateremark"}
	userInfo         = wechat.Endpoint{Method: http.MethodGet, Path: "/cgi-bin/user/info"}
	userBatchInfo    = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/user/info/batchget"}
	userList         = wechat.Endpoint{Method: http.MethodGet, Path: "/cgi-bin/user/get"}
)

// Languages of the user information answers (Lang arguments).
const (
	LangZhCN = "zh_CN"
	LangZhTW = "zh_TW"
	LangEn   = "en"
)

// Limits of the user APIs.
const (
	MaxRemarkLen      = 30  // characters of a remark
	MaxBatchUserInfo  = 100 // openids per BatchInfo call
	UserListPageLimit = 10000
)

// UserInfo is a follower's information. Nickname, Sex, City, Province,
// Country and HeadImgURL are no longer filled by WeChat for new calls but are
// kept for accounts that still receive them.
type UserInfo struct {
	// Subscribe is 0 when the user does not follow the account; the other
	// fields are then empty except OpenID (and UnionID when bound).
	Subscribe      int    `json:"subscribe"`
	OpenID         string `json:"openid"`
	Language       string `json:"language,omitempty"`
	SubscribeTime  int64  `json:"subscribe_time,omitempty"`
	UnionID        string `json:"unionid,omitempty"`
	Remark         string `json:"remark,omitempty"`
	GroupID        int    `json:"groupid,omitempty"`
	TagIDList      []int  `json:"tagid_list,omitempty"`
	SubscribeScene string `json:"subscribe_scene,omitempty"`
	QRScene        int64  `json:"qr_scene,omitempty"`
	QRSceneStr     string `json:"qr_scene_str,omitempty"`

	Nickname   string `json:"nickname,omitempty"`
	Sex        int    `json:"sex,omitempty"`
	City       string `json:"city,omitempty"`
	Province   string `json:"province,omitempty"`
	Country    string `json:"country,omitempty"`
	HeadImgURL string `json:"headimgurl,omitempty"`
}

// UpdateRemark sets the remark of a follower (at most 30 characters).
// https://developers.weixin.qq.com/doc/offiaccount/User_Management/Configuring_user_notes.html
func (s *UserService) UpdateRemark(ctx context.Context, openID, remark string) error {
	if err := requireOpenID(openID); err != nil {
		return err
	}
	if utf8.RuneCountInString(remark) > MaxRemarkLen {
		return invalidArg("remark", "longer than 30 characters")
	}
	body := struct {
		OpenID string `json:"openid"`
		Remark string `json:"remark"`
	}{openID, remark}
	return s.c.Do(ctx, userUpdateRemark, nil, body, nil)
}

// Info returns a user's information; lang is LangZhCN, LangZhTW, LangEn or
// "" for WeChat's default.
// https://developers.weixin.qq.com/doc/offiaccount/User_Management/Get_users_basic_information_UnionID.html
func (s *UserService) Info(ctx context.Context, openID, lang string) (*UserInfo, error) {
	if err := requireOpenID(openID); err != nil {
		return nil, err
	}
	q := url.Values{"openid": {openID}}
	if lang != "" {
		q.Set("lang", lang)
	}
	return call[UserInfo](ctx, s.c, userInfo, q, nil)
}

// BatchInfo returns the information of up to 100 users, in the order asked.
// https://developers.weixin.qq.com/doc/offiaccount/User_Management/Get_users_basic_information_UnionID.html
func (s *UserService) BatchInfo(ctx context.Context, openIDs []string, lang string) ([]UserInfo, error) {
	if err := checkOpenIDs("user_list", openIDs, MaxBatchUserInfo); err != nil {
		return nil, err
	}
	type item struct {
		OpenID string `json:"openid"`
		Lang   string `json:"lang,omitempty"`
	}
	body := struct {
		UserList []item `json:"user_list"`
	}{make([]item, len(openIDs))}
	for i, id := range openIDs {
		body.UserList[i] = item{id, lang}
	}
	out, err := call[struct {
		UserInfoList []UserInfo `json:"user_info_list"`
	}](ctx, s.c, userBatchInfo, nil, body)
	if err != nil {
		return nil, err
	}
	return out.UserInfoList, nil
}

// List returns one page (up to 10000) of the account's followers, starting
// after nextOpenID ("" for the first page).
// https://developers.weixin.qq.com/doc/offiaccount/User_Management/Getting_a_User_List.html
func (s *UserService) List(ctx context.Context, nextOpenID string) (*OpenIDPage, error) {
	var q url.Values
	if nextOpenID != "" {
		q = url.Values{"next_openid": {nextOpenID}}
	}
	return call[OpenIDPage](ctx, s.c, userList, q, nil)
}

// All iterates over the openids of every follower, fetching pages as needed.
// The first error is yielded and ends the iteration.
// https://developers.weixin.qq.com/doc/offiaccount/User_Management/Getting_a_User_List.html
func (s *UserService) All(ctx context.Context) iter.Seq2[string, error] {
	return openIDPages(ctx, s.List)
}
