package miniprogram

import (
	"context"
	"net/http"
	"strings"
	"time"

	wechat "github.com/weixin-go/wechat"
)

var (
	shipDetailPath = wechat.Endpoint{Method: http.MethodPost, Path: "/wxa/sec/order/update_order_detail_path"}
	shipOpSpecial  = wechat.Endpoint{Method: http.MethodPost, Path: "/wxa/sec/order/opspecialorder"}
)

// OrderDetailPathPlaceholder is the placeholder the order detail path must
// hold; WeChat puts the order's out_trade_no there.
const OrderDetailPathPlaceholder = "${商品订单号}"

// UpdateOrderDetailPath sets the mini program page that 「小程序购物订单」
// opens for an order (配置订单详情路径); path must hold
// OrderDetailPathPlaceholder, as in "pages/order/detail?id=${商品订单号}".
// https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/business-capabilities/order_center/order_center.html
func (s *ShippingService) UpdateOrderDetailPath(ctx context.Context, path string) error {
	if err := required("path", path); err != nil {
		return err
	}
	if !strings.Contains(path, OrderDetailPathPlaceholder) {
		return invalidArg("path", "must contain "+OrderDetailPathPlaceholder)
	}
	return s.c.Do(ctx, shipDetailPath, nil, map[string]string{"path": path}, nil)
}

// Special shipping reports of OpSpecialOrder (特殊发货报备类型).
const (
	SpecialOrderPresale = 1 // ships later than 15 days after payment; needs delay_to
	SpecialOrderTest    = 2 // a test order that will not ship
)

// OpSpecialOrder reports an order not shipped yet as a presale order to
// ship at delayTo (15 to 330 days after payment), or as a test order
// (特殊发货报备). orderID is the WeChat Pay transaction id or the
// merchant's out_trade_no.
// https://developers.weixin.qq.com/miniprogram/dev/server/API/order_shipping/api_opspecialorder.html
func (s *ShippingService) OpSpecialOrder(ctx context.Context, orderID string, typ int, delayTo time.Time) error {
	if err := required("order_id", orderID); err != nil {
		return err
	}
	body := struct {
		OrderID string `json:"order_id"`
		Type    int    `json:"type"`
		DelayTo int64  `json:"delay_to,omitempty"`
	}{OrderID: orderID, Type: typ}
	switch typ {
	case SpecialOrderPresale:
		if delayTo.IsZero() {
			return invalidArg("delay_to", "required for a presale order")
		}
		body.DelayTo = delayTo.Unix()
	case SpecialOrderTest:
	default:
		return invalidArg("type", "must be 1 or 2")
	}
	return s.c.Do(ctx, shipOpSpecial, nil, body, nil)
}
