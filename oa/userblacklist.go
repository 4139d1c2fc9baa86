package oa

import (
	"context"
	"iter"
	"net/http"

	wechat "github.com/weixin-go/wechat"
)

var (
	blacklistGet     = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/tags/members/getblacklist"}
	blacklistBlock   = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/tags/members/batchblacklist"}
	blacklistUnblock = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/tags/members/batchunblacklist"}
)

// MaxBlacklistOpenIDs is the number of openids Block and Unblock take per call.
const MaxBlacklistOpenIDs = 20

// List returns one page (up to 10000) of the blacklist, starting after
// beginOpenID ("" for the first page).
// https://developers.weixin.qq.com/doc/offiaccount/User_Management/Manage_blacklist.html
func (s *UserBlacklistService) List(ctx context.Context, beginOpenID string) (*OpenIDPage, error) {
	body := struct {
		BeginOpenID string `json:"begin_openid"`
	}{beginOpenID}
	return call[OpenIDPage](ctx, s.c, blacklistGet, nil, body)
}

// All iterates over every blacklisted openid.
// https://developers.weixin.qq.com/doc/offiaccount/User_Management/Manage_blacklist.html
func (s *UserBlacklistService) All(ctx context.Context) iter.Seq2[string, error] {
	return openIDPages(ctx, s.List)
}

type openIDListBody struct {
	OpenIDList []string `json:"openid_list"`
}

// Block blacklists up to 20 followers.
// https://developers.weixin.qq.com/doc/offiaccount/User_Management/Manage_blacklist.html
func (s *UserBlacklistService) Block(ctx context.Context, openIDs []string) error {
	if err := checkOpenIDs("openid_list", openIDs, MaxBlacklistOpenIDs); err != nil {
		return err
	}
	return s.c.Do(ctx, blacklistBlock, nil, openIDListBody{openIDs}, nil)
}

// Unblock removes up to 20 users from the blacklist.
// https://developers.weixin.qq.com/doc/offiaccount/User_Management/Manage_blacklist.html
func (s *UserBlacklistService) Unblock(ctx context.Context, openIDs []string) error {
	if err := checkOpenIDs("openid_list", openIDs, MaxBlacklistOpenIDs); err != nil {
		return err
	}
	return s.c.Do(ctx, blacklistUnblock, nil, openIDListBody{openIDs}, nil)
}
