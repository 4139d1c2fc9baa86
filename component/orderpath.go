package component

import (
	"context"
	"net/http"

	wechat "github.com/weixin-go/wechat"
)

// applySetOrderPath is documented with the component_access_token in the
// access_token parameter.
var applySetOrderPath = wechat.Endpoint{Method: http.MethodPost, Path: "/wxa/security/applysetorderpathinfo"}

// OrderPathApplication is the order page path (订单页 path) applied for a
// batch of authorized mini programs. The images, video and test account
// are shown to the reviewers.
type OrderPathApplication struct {
	Path        string   `json:"path"`
	ImgList     []string `json:"img_list,omitempty"` // image URLs
	Video       string   `json:"video,omitempty"`    // video URL
	TestAccount string   `json:"test_account,omitempty"`
	TestPwd     string   `json:"test_pwd,omitempty"`
	TestRemark  string   `json:"test_remark,omitempty"`
	AppIDList   []string `json:"appid_list"` // at most 100
}

// ApplySetOrderPath applies for the order page path of up to 100 mini
// programs (批量申请设置订单页 path). Each result is pushed to the
// component's message URL; wxa CodeService.GetOrderPathInfo reads the path
// of one mini program.
// https://developers.weixin.qq.com/doc/oplatform/openApi/miniprogram-management/basic-info-management/api_applysetorderpathinfo.html
func (c *Client) ApplySetOrderPath(ctx context.Context, a *OrderPathApplication) error {
	switch {
	case a == nil || a.Path == "":
		return invalidArg("path", "empty")
	case len(a.AppIDList) == 0:
		return invalidArg("appid_list", "empty")
	case len(a.AppIDList) > 100:
		return invalidArg("appid_list", "more than 100")
	}
	for _, id := range a.AppIDList {
		if err := requireAppID("appid_list", id); err != nil {
			return err
		}
	}
	return c.core.Do(ctx, applySetOrderPath, nil, struct {
		BatchReq *OrderPathApplication `json:"batch_req"`
	}{a}, nil)
}
