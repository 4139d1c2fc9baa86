package wxa

import (
	"context"
	"net/url"
	"strconv"
)

var (
	linkForShow = get("/wxa/getwxamplinkforshow")
	liveApply   = post("/wxa/business/applyliveinfo")
)

// LiveService applies for the live streaming permission (小程序直播) of the
// mini program.
// https://developers.weixin.qq.com/doc/oplatform/openApi/miniprogram-management/live-player/api_applylivelnfo.html
type LiveService service

// Apply asks WeChat to open live streaming: the administrator receives a
// message to accept the terms within 24 hours, and the result is pushed
// to the component (wxa_live_apply_event). Errcode 2 means no payment in
// the last 90 days. WeChat allows 100 calls a day.
// https://developers.weixin.qq.com/doc/oplatform/openApi/miniprogram-management/live-player/api_applylivelnfo.html
func (s *LiveService) Apply(ctx context.Context) error {
	return (*service)(s).do(ctx, liveApply, struct {
		Action string `json:"action"`
	}{"apply"})
}

// ShowCandidate is an official account the mini program can show in its
// follow component (扫码关注组件).
type ShowCandidate struct {
	Nickname string `json:"nickname"`
	AppID    string `json:"appid"`
	HeadImg  string `json:"headimg"`
}

// ShowCandidates returns the page (from 0) of num (1-20) official accounts
// UpdateShowItem can show, and their total number.
// https://developers.weixin.qq.com/doc/oplatform/openApi/miniprogram-management/subscribe-component/api_getlinkforshow.html
func (s *LinkService) ShowCandidates(ctx context.Context, page, num int) ([]ShowCandidate, int, error) {
	if page < 0 {
		return nil, 0, invalidArg("page", "negative")
	}
	if num < 1 || num > 20 {
		return nil, 0, invalidArg("num", "must be 1-20")
	}
	q := url.Values{"page": {strconv.Itoa(page)}, "num": {strconv.Itoa(num)}}
	out, err := call[struct {
		TotalNum int             `json:"total_num"`
		List     []ShowCandidate `json:"biz_info_list"`
	}](ctx, s.c, linkForShow, q, nil)
	if err != nil {
		return nil, 0, err
	}
	return out.List, out.TotalNum, nil
}
