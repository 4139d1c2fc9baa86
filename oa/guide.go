package oa

import (
	"context"
	"iter"
	"net/http"

	wechat "github.com/weixin-go/wechat"
)

// guideDo checks the guide selector (when ref is not nil) and posts body to
// path (every guide API is a POST).
func guideDo[T any](ctx context.Context, s *GuideService, path string, ref *GuideRef, body any) (*T, error) {
	if ref != nil {
		if err := ref.check(); err != nil {
			return nil, err
		}
	}
	return call[T](ctx, s.c, wechat.Endpoint{Method: http.MethodPost, Path: path}, nil, body)
}

// MaxGuidePage is the largest page (num) of the guide lists.
const MaxGuidePage = 100

// GuideRef selects a guide (顾问) by WeChat ID or by openid; one is needed.
type GuideRef struct {
	Account string `json:"guide_account,omitempty"`
	OpenID  string `json:"guide_openid,omitempty"`
}

func (r *GuideRef) check() error {
	if r.Account == "" && r.OpenID == "" {
		return invalidArg("guide_account", "neither guide_account nor guide_openid given")
	}
	return nil
}

// Guide is a guide account.
type Guide struct {
	GuideRef
	Nickname   string `json:"guide_nickname,omitempty"`
	HeadImgURL string `json:"guide_headimgurl,omitempty"`
	CreateTime int64  `json:"create_time,omitempty"`
	// Status is 1 unbound, 2 bound, 3 inactive...
	Status int `json:"status,omitempty"`
}

// AddGuide makes a WeChat user a guide of the account.
// https://developers.weixin.qq.com/doc/offiaccount/Shopping_Guide/guide-account/shopping-guide.addGuideAcct.html
func (s *GuideService) AddGuide(ctx context.Context, g *Guide) error {
	_, err := guideDo[struct{}](ctx, s, "/cgi-bin/guide/addguideacct", &g.GuideRef, g)
	return err
}

// Guide returns a guide.
// https://developers.weixin.qq.com/doc/offiaccount/Shopping_Guide/guide-account/shopping-guide.getGuideAcct.html
func (s *GuideService) Guide(ctx context.Context, ref GuideRef) (*Guide, error) {
	return guideDo[Guide](ctx, s, "/cgi-bin/guide/getguideacct", &ref, ref)
}

// UpdateGuide changes the nickname and avatar of a guide.
// https://developers.weixin.qq.com/doc/offiaccount/Shopping_Guide/guide-account/shopping-guide.updateGuideAcct.html
func (s *GuideService) UpdateGuide(ctx context.Context, g *Guide) error {
	_, err := guideDo[struct{}](ctx, s, "/cgi-bin/guide/updateguideacct", &g.GuideRef, g)
	return err
}

// DeleteGuide removes a guide.
// https://developers.weixin.qq.com/doc/offiaccount/Shopping_Guide/guide-account/shopping-guide.delGuideAcct.html
func (s *GuideService) DeleteGuide(ctx context.Context, ref GuideRef) error {
	_, err := guideDo[struct{}](ctx, s, "/cgi-bin/guide/delguideacct", &ref, ref)
	return err
}

// GuidePage is one page of guides.
type GuidePage struct {
	TotalNum int     `json:"total_num"`
	List     []Guide `json:"list"`
}

type guidePageBody struct {
	Page int `json:"page"`
	Num  int `json:"num"`
}

func checkGuidePage(page, num int) error {
	if page < 0 || num < 1 || num > MaxGuidePage {
		return invalidArg("num", "page must be >= 0 and num 1 to 100")
	}
	return nil
}

// Guides returns page (from 0) of num (1..100) guides.
// https://developers.weixin.qq.com/doc/offiaccount/Shopping_Guide/guide-account/shopping-guide.getGuideAcctList.html
func (s *GuideService) Guides(ctx context.Context, page, num int) (*GuidePage, error) {
	if err := checkGuidePage(page, num); err != nil {
		return nil, err
	}
	return guideDo[GuidePage](ctx, s, "/cgi-bin/guide/getguideacctlist", nil, guidePageBody{page, num})
}

// AllGuides iterates over every guide.
// https://developers.weixin.qq.com/doc/offiaccount/Shopping_Guide/guide-account/shopping-guide.getGuideAcctList.html
func (s *GuideService) AllGuides(ctx context.Context) iter.Seq2[Guide, error] {
	return guidePages(func(page int) ([]Guide, int, error) {
		p, err := s.Guides(ctx, page, MaxGuidePage)
		if err != nil {
			return nil, 0, err
		}
		return p.List, p.TotalNum, nil
	})
}

// guidePages iterates over a list fetched by page number until total items.
func guidePages[T any](fetch func(page int) ([]T, int, error)) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		seen := 0
		for page := 0; ; page++ {
			list, total, err := fetch(page)
			if err != nil {
				var zero T
				yield(zero, err)
				return
			}
			for _, v := range list {
				if !yield(v, nil) {
					return
				}
			}
			seen += len(list)
			if len(list) == 0 || seen >= total {
				return
			}
		}
	}
}

// GuideQRCode creates the QR code of a guide; qrcodeInfo (at most 60
// characters) is sent back in the scan event.
// https://developers.weixin.qq.com/doc/offiaccount/Shopping_Guide/guide-account/shopping-guide.guideCreateQrCode.html
func (s *GuideService) GuideQRCode(ctx context.Context, ref GuideRef, qrcodeInfo string) (string, error) {
	out, err := guideDo[struct {
		QRCodeURL string `json:"qrcode_url"`
	}](ctx, s, "/cgi-bin/guide/guidecreateqrcode", &ref, struct {
		GuideRef
		QRCodeInfo string `json:"qrcode_info,omitempty"`
	}{ref, qrcodeInfo})
	if err != nil {
		return "", err
	}
	return out.QRCodeURL, nil
}

// GuideChatRecord is one message between a guide and a buyer.
type GuideChatRecord struct {
	OpenID   string `json:"openid"`
	MsgType  string `json:"msgtype"`
	Content  string `json:"content"`
	SendTime int64  `json:"send_time"`
	// SendType is 1 from the guide, 2 from the buyer.
	SendType int `json:"send_type"`
}

// GuideChatRecordsRequest selects the messages of a guide with a buyer.
type GuideChatRecordsRequest struct {
	GuideRef
	OpenID    string `json:"openid"`
	BeginTime int64  `json:"begin_time,omitempty"`
	EndTime   int64  `json:"end_time,omitempty"`
	Page      int    `json:"page"`
	Num       int    `json:"num"`
}

// GuideChatRecords returns one page of the messages of a guide with a buyer.
// https://developers.weixin.qq.com/doc/offiaccount/Shopping_Guide/guide-account/shopping-guide.getGuideBuyerChatRecord.html
func (s *GuideService) GuideChatRecords(ctx context.Context, req *GuideChatRecordsRequest) (total int, list []GuideChatRecord, err error) {
	if err := checkGuidePage(req.Page, req.Num); err != nil {
		return 0, nil, err
	}
	if err := requireOpenID(req.OpenID); err != nil {
		return 0, nil, err
	}
	out, err := guideDo[struct {
		TotalNum int               `json:"total_num"`
		List     []GuideChatRecord `json:"msg_list"`
	}](ctx, s, "/cgi-bin/guide/getguidebuyerchatrecord", &req.GuideRef, req)
	if err != nil {
		return 0, nil, err
	}
	return out.TotalNum, out.List, nil
}

// GuideReply is a quick or automatic reply of a guide.
type GuideReply struct {
	Content string `json:"content"`
	// MsgType is 1 text, 2 image, 3 mini program card.
	MsgType int `json:"msgtype,omitempty"`
}

// GuideConfig is the reply configuration of one guide.
type GuideConfig struct {
	FastReplyList []GuideReply `json:"guide_fast_reply_list,omitempty"`
	AutoReply     *GuideReply  `json:"guide_auto_reply,omitempty"`
	AutoReplyPlus *GuideReply  `json:"guide_auto_reply_plus,omitempty"`
}

// SetGuideConfig adds (isDelete false) or removes the replies of cfg.
// https://developers.weixin.qq.com/doc/offiaccount/Shopping_Guide/guide-account/shopping-guide.setGuideConfig.html
func (s *GuideService) SetGuideConfig(ctx context.Context, ref GuideRef, isDelete bool, cfg *GuideConfig) error {
	_, err := guideDo[struct{}](ctx, s, "/cgi-bin/guide/setguideconfig", &ref, struct {
		GuideRef
		IsDelete bool `json:"is_delete"`
		*GuideConfig
	}{ref, isDelete, cfg})
	return err
}

// GuideConfig returns the reply configuration of a guide.
// https://developers.weixin.qq.com/doc/offiaccount/Shopping_Guide/guide-account/shopping-guide.getGuideConfig.html
func (s *GuideService) GuideConfig(ctx context.Context, ref GuideRef) (*GuideConfig, error) {
	return guideDo[GuideConfig](ctx, s, "/cgi-bin/guide/getguideconfig", &ref, ref)
}

// GuideAccountConfig is the configuration shared by every guide.
type GuideAccountConfig struct {
	BlackKeyword *struct {
		Values     []string `json:"values"`
		UpdateTime int64    `json:"update_time,omitempty"`
	} `json:"black_keyword,omitempty"`
	AutoReply *GuideReply `json:"guide_auto_reply,omitempty"`
}

// SetGuideAccountConfig adds (isDelete false) or removes the sensitive words
// and the automatic reply of cfg.
// https://developers.weixin.qq.com/doc/offiaccount/Shopping_Guide/guide-account/shopping-guide.setGuideAcctConfig.html
func (s *GuideService) SetGuideAccountConfig(ctx context.Context, isDelete bool, cfg *GuideAccountConfig) error {
	_, err := guideDo[struct{}](ctx, s, "/cgi-bin/guide/setguideacctconfig", nil, struct {
		IsDelete bool `json:"is_delete"`
		*GuideAccountConfig
	}{isDelete, cfg})
	return err
}

// GuideAccountConfig returns the configuration shared by every guide.
// https://developers.weixin.qq.com/doc/offiaccount/Shopping_Guide/guide-account/shopping-guide.getGuideAcctConfig.html
func (s *GuideService) GuideAccountConfig(ctx context.Context) (*GuideAccountConfig, error) {
	return guideDo[GuideAccountConfig](ctx, s, "/cgi-bin/guide/getguideacctconfig", nil, struct{}{})
}

// PushShowWxaPathMenu lets the guide's chat show the mini program page path
// of appID as a menu.
// https://developers.weixin.qq.com/doc/offiaccount/Shopping_Guide/guide-account/shopping-guide.pushShowWxaPathMenu.html
func (s *GuideService) PushShowWxaPathMenu(ctx context.Context, guideAccount, appID, path string) error {
	if appID == "" || path == "" {
		return invalidArg("path", "appid and path are required")
	}
	_, err := guideDo[struct{}](ctx, s, "/cgi-bin/guide/pushshowwxapathmenu", &GuideRef{Account: guideAccount}, struct {
		AppID    string `json:"appid"`
		Path     string `json:"path"`
		Username string `json:"username"`
	}{appID, path, guideAccount})
	return err
}
