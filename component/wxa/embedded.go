package wxa

import (
	"context"
	"net/url"
	"strconv"
)

var (
	embeddedAdd          = post("/wxaapi/wxaembedded/add_embedded")
	embeddedDelete       = post("/wxaapi/wxaembedded/del_embedded")
	embeddedList         = get("/wxaapi/wxaembedded/get_list")
	embeddedDelAuthorize = post("/wxaapi/wxaembedded/del_authorize")
	embeddedSetAuthorize = post("/wxaapi/wxaembedded/set_authorize")
	embeddedOwnList      = get("/wxaapi/wxaembedded/get_own_list")
)

// Add asks to embed the mini program appid (半屏小程序) in this one.
// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/miniprogram-management/embedded-management/addEmbedded.html
func (s *EmbeddedService) Add(ctx context.Context, appID, applyReason string) error {
	if err := required("appid", appID); err != nil {
		return err
	}
	body := struct {
		AppID       string `json:"appid"`
		ApplyReason string `json:"apply_reason,omitempty"`
	}{appID, applyReason}
	return (*service)(s).do(ctx, embeddedAdd, body)
}

// Delete removes the embedded mini program appid.
// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/miniprogram-management/embedded-management/deleteEmbedded.html
func (s *EmbeddedService) Delete(ctx context.Context, appID string) error {
	if err := required("appid", appID); err != nil {
		return err
	}
	return (*service)(s).do(ctx, embeddedDelete, struct {
		AppID string `json:"appid"`
	}{appID})
}

// Embedded is a mini program embedded in this one: Status 1 pending,
// 2 rejected, 3 approved, 4 cancelled...
type Embedded struct {
	AppID      string `json:"appid"`
	CreateTime int64  `json:"create_time"`
	HeadImg    string `json:"headimg"`
	Nickname   string `json:"nickname"`
	Reason     string `json:"reason"`
	Status     int    `json:"status"`
}

// EmbeddedList is the answer of List.
type EmbeddedList struct {
	EmbeddedFlag int        `json:"embedded_flag"`
	List         []Embedded `json:"embedded_list"`
}

func pageQuery(start, num int) (url.Values, error) {
	if start < 0 || num < 0 {
		return nil, invalidArg("start", "negative")
	}
	q := url.Values{}
	if num > 0 {
		q.Set("start", strconv.Itoa(start))
		q.Set("num", strconv.Itoa(num))
	}
	return q, nil
}

// List returns the mini programs embedded in this one, num from start
// (num 0: WeChat's default page).
// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/miniprogram-management/embedded-management/getEmbeddedList.html
func (s *EmbeddedService) List(ctx context.Context, start, num int) (*EmbeddedList, error) {
	q, err := pageQuery(start, num)
	if err != nil {
		return nil, err
	}
	return call[EmbeddedList](ctx, s.c, embeddedList, q, nil)
}

// SetAuthorize sets who may embed this mini program: flag 0 anyone, 1
// nobody, 2 only appIDs (allow list), 3 anyone but appIDs (deny list).
// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/miniprogram-management/embedded-management/setAuthorizedEmbedded.html
func (s *EmbeddedService) SetAuthorize(ctx context.Context, flag int, appIDs []string) error {
	if flag < 0 || flag > 3 {
		return invalidArg("flag", "must be 0-3")
	}
	body := struct {
		Flag   int      `json:"flag"`
		AppIDs []string `json:"appids,omitempty"`
	}{flag, appIDs}
	return (*service)(s).do(ctx, embeddedSetAuthorize, body)
}

// DeleteAuthorize removes appid from the authorization list.
// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/miniprogram-management/embedded-management/deleteAuthorizedEmbedded.html
func (s *EmbeddedService) DeleteAuthorize(ctx context.Context, appID string) error {
	if err := required("appid", appID); err != nil {
		return err
	}
	return (*service)(s).do(ctx, embeddedDelAuthorize, struct {
		AppID string `json:"appid"`
	}{appID})
}

// OwnEmbedding is a mini program that embeds this one.
type OwnEmbedding struct {
	AppID    string `json:"appid"`
	Nickname string `json:"nickname"`
	HeadImg  string `json:"headimg"`
}

// OwnList returns the mini programs that embed this one.
// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/miniprogram-management/embedded-management/getOwnEmbeddedList.html
func (s *EmbeddedService) OwnList(ctx context.Context, start, num int) ([]OwnEmbedding, int, error) {
	q, err := pageQuery(start, num)
	if err != nil {
		return nil, 0, err
	}
	out, err := call[struct {
		List  []OwnEmbedding `json:"wxa_embedded_list"`
		Total int            `json:"total_num"`
	}](ctx, s.c, embeddedOwnList, q, nil)
	if err != nil {
		return nil, 0, err
	}
	return out.List, out.Total, nil
}
