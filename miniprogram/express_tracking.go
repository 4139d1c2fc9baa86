package miniprogram

import (
	"context"
	"net/http"

	wechat "github.com/weixin-go/wechat"
)

var (
	trkTrace        = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/express/delivery/open_msg/trace_waybill"}
	trkQuery        = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/express/delivery/open_msg/query_trace"}
	trkUpdateGoods  = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/express/delivery/open_msg/update_waybill_goods"}
	trkFollow       = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/express/delivery/open_msg/follow_waybill"}
	trkQueryFollow  = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/express/delivery/open_msg/query_follow_trace"}
	trkDeliveryList = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/express/delivery/open_msg/get_delivery_list"}
)

// WaybillGoods is one item shown with a tracked waybill.
type WaybillGoods struct {
	GoodsName   string `json:"goods_name"`    // at most 60 characters
	GoodsImgURL string `json:"goods_img_url"` // required
	GoodsDesc   string `json:"goods_desc,omitempty"`
}

// WaybillGoodsInfo is the goods of a tracked waybill.
type WaybillGoodsInfo struct {
	DetailList []WaybillGoods `json:"detail_list"`
}

func (g WaybillGoodsInfo) check() error {
	if len(g.DetailList) == 0 {
		return invalidArg("goods_info.detail_list", "empty")
	}
	for _, d := range g.DetailList {
		if err := required("goods_name", d.GoodsName, "goods_img_url", d.GoodsImgURL); err != nil {
			return err
		}
	}
	return nil
}

// TrackWaybill is the body of TraceWaybill and FollowWaybill.
type TrackWaybill struct {
	GoodsInfo       WaybillGoodsInfo `json:"goods_info"`
	OpenID          string           `json:"openid"`
	SenderPhone     string           `json:"sender_phone,omitempty"`
	ReceiverPhone   string           `json:"receiver_phone"`
	DeliveryID      string           `json:"delivery_id,omitempty"`
	WaybillID       string           `json:"waybill_id"`
	TransID         string           `json:"trans_id"` // WeChat Pay transaction id
	OrderDetailPath string           `json:"order_detail_path,omitempty"`
}

func (t *TrackWaybill) check() error {
	if t == nil {
		return invalidArg("waybill_id", "no waybill")
	}
	if err := required("openid", t.OpenID, "receiver_phone", t.ReceiverPhone, "waybill_id", t.WaybillID, "trans_id", t.TransID); err != nil {
		return err
	}
	return t.GoodsInfo.check()
}

// WaybillTrace is the state of a tracked waybill.
type WaybillTrace struct {
	WaybillInfo struct {
		WaybillID string `json:"waybill_id"`
		Status    int    `json:"status"` // 0 none, 1 picked up, 2 in transit, 3 delivering, 4 signed, 5 problem, ...
	} `json:"waybill_info"`
	ShopInfo struct {
		GoodsInfo WaybillGoodsInfo `json:"goods_info"`
	} `json:"shop_info"`
	DeliveryInfo Delivery `json:"delivery_info"`
}

func (s *ExpressTrackingService) token(ctx context.Context, t *TrackWaybill, follow bool) (string, error) {
	if err := t.check(); err != nil {
		return "", err
	}
	ep := trkTrace
	if follow {
		ep = trkFollow
	}
	out, err := call[struct {
		WaybillToken string `json:"waybill_token"`
	}](ctx, s.c, ep, nil, t)
	if err != nil {
		return "", err
	}
	return out.WaybillToken, nil
}

// TraceWaybill shows a waybill's tracking in the user's order (传运单接口),
// and returns its waybill_token.
// https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/industry/express/business/express_open_msg.html
func (s *ExpressTrackingService) TraceWaybill(ctx context.Context, t *TrackWaybill) (string, error) {
	return s.token(ctx, t, false)
}

// FollowWaybill subscribes the user to a waybill's tracking messages
// (传运单接口, 物流消息), and returns its waybill_token.
// https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/industry/express/business/express_open_msg.html
func (s *ExpressTrackingService) FollowWaybill(ctx context.Context, t *TrackWaybill) (string, error) {
	return s.token(ctx, t, true)
}

func (s *ExpressTrackingService) query(ctx context.Context, token string, follow bool) (*WaybillTrace, error) {
	if err := required("waybill_token", token); err != nil {
		return nil, err
	}
	ep := trkQuery
	if follow {
		ep = trkQueryFollow
	}
	return call[WaybillTrace](ctx, s.c, ep, nil, map[string]string{"waybill_token": token})
}

// QueryTrace returns the state of a traced waybill (查询运单详情).
// https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/industry/express/business/express_open_msg.html
func (s *ExpressTrackingService) QueryTrace(ctx context.Context, waybillToken string) (*WaybillTrace, error) {
	return s.query(ctx, waybillToken, false)
}

// QueryFollowTrace returns the state of a followed waybill.
// https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/industry/express/business/express_open_msg.html
func (s *ExpressTrackingService) QueryFollowTrace(ctx context.Context, waybillToken string) (*WaybillTrace, error) {
	return s.query(ctx, waybillToken, true)
}

// UpdateWaybillGoods replaces the goods of a traced waybill (更新物流信息).
// https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/industry/express/business/express_open_msg.html
func (s *ExpressTrackingService) UpdateWaybillGoods(ctx context.Context, waybillToken string, goods WaybillGoodsInfo) error {
	if err := required("waybill_token", waybillToken); err != nil {
		return err
	}
	if err := goods.check(); err != nil {
		return err
	}
	body := struct {
		WaybillToken string           `json:"waybill_token"`
		GoodsInfo    WaybillGoodsInfo `json:"goods_info"`
	}{waybillToken, goods}
	return s.c.Do(ctx, trkUpdateGoods, nil, body, nil)
}

// DeliveryList lists the courier companies of the tracking service
// (获取运力id列表).
// https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/industry/express/business/express_open_msg.html
func (s *ExpressTrackingService) DeliveryList(ctx context.Context) ([]Delivery, error) {
	out, err := call[struct {
		DeliveryList []Delivery `json:"delivery_list"`
	}](ctx, s.c, trkDeliveryList, nil, map[string]string{})
	if err != nil {
		return nil, err
	}
	return out.DeliveryList, nil
}
