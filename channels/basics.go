package channels

import (
	"context"
	"net/http"

	wechat "github.com/weixin-go/wechat"
)

var basicsInfo = wechat.Endpoint{Method: http.MethodGet, Path: "/channels/ec/basics/info/get"}

// Shop statuses (ShopInfo.Status).
const (
	ShopOpening       = "opening"
	ShopOpenFinished  = "open_finished"
	ShopClosing       = "closing"
	ShopCloseFinished = "close_finished"
)

// ShopInfo is the shop's basic information.
type ShopInfo struct {
	Nickname   string `json:"nickname"`
	HeadImgURL string `json:"headimg_url"`
	// SubjectType is "企业" (company) or "个体工商户" (individual business).
	SubjectType string `json:"subject_type"`
	// Status is ShopOpening, ShopOpenFinished, ShopClosing or ShopCloseFinished.
	Status string `json:"status"`
	// Username is the shop's original id (原始ID).
	Username string `json:"username"`
	// IsLocalLife is 1 for a local-life shop (本地生活小店).
	IsLocalLife int `json:"is_local_life"`
	// OpenTimestamp is when the shop opened (Unix seconds), with status
	// ShopOpenFinished.
	OpenTimestamp int64 `json:"open_timestamp"`
}

// Info returns the shop's basic information.
// https://developers.weixin.qq.com/doc/store/shop/API/storemanage/api_mmecapi_basicinfo.html
func (s *BasicsService) Info(ctx context.Context) (*ShopInfo, error) {
	out, err := call[struct {
		Info ShopInfo `json:"info"`
	}](ctx, s.c, basicsInfo, nil, nil)
	if err != nil {
		return nil, err
	}
	return &out.Info, nil
}
