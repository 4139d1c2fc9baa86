package miniprogram

import (
	"context"
	"iter"
	"net/http"
	"time"

	wechat "github.com/weixin-go/wechat"
)

var (
	shipUpload         = wechat.Endpoint{Method: http.MethodPost, Path: "/wxa/sec/order/upload_shipping_info"}
	shipUploadCombined = wechat.Endpoint{Method: http.MethodPost, Path: "/wxa/sec/order/upload_combined_shipping_info"}
	shipGetOrder       = wechat.Endpoint{Method: http.MethodPost, Path: "/wxa/sec/order/get_order"}
	shipGetOrderList   = wechat.Endpoint{Method: http.MethodPost, Path: "/wxa/sec/order/get_order_list"}
	shipConfirm        = wechat.Endpoint{Method: http.MethodPost, Path: "/wxa/sec/order/notify_confirm_receive"}
	shipJumpPath       = wechat.Endpoint{Method: http.MethodPost, Path: "/wxa/sec/order/set_msg_jump_path"}
	shipIsManaged      = wechat.Endpoint{Method: http.MethodPost, Path: "/wxa/sec/order/is_trade_managed"}
	shipConfirmed      = wechat.Endpoint{Method: http.MethodPost, Path: "/wxa/sec/order/is_trade_management_confirmation_completed"}
)

// Logistics types of UploadShippingInfo (物流模式).
const (
	LogisticsExpress  = 1 // shipped by a courier company
	LogisticsSameCity = 2 // intra-city delivery
	LogisticsVirtual  = 3 // virtual goods, nothing shipped
	LogisticsPickup   = 4 // picked up by the user
)

// Delivery modes of UploadShippingInfo (发货模式).
const (
	DeliveryUnified = 1 // one parcel for the whole order
	DeliverySplit   = 2 // several parcels
)

// Order states of the shipping management (订单状态).
const (
	ShippingOrderToShip    = 1
	ShippingOrderShipped   = 2
	ShippingOrderConfirmed = 3
	ShippingOrderDone      = 4
	ShippingOrderRefunded  = 5
)

// MaxShippingPageSize is the largest page of Shipping.ListOrders.
const MaxShippingPageSize = 100

// ShippingOrderKey identifies an order: OrderNumberType 1 by MchID and
// OutTradeNo, 2 by TransactionID.
type ShippingOrderKey struct {
	OrderNumberType int    `json:"order_number_type"`
	TransactionID   string `json:"transaction_id,omitempty"`
	MchID           string `json:"mchid,omitempty"`
	OutTradeNo      string `json:"out_trade_no,omitempty"`
}

func (k *ShippingOrderKey) check() error {
	switch {
	case k == nil:
		return invalidArg("order_key", "missing")
	case k.OrderNumberType == 1:
		return required("order_key.mchid", k.MchID, "order_key.out_trade_no", k.OutTradeNo)
	case k.OrderNumberType == 2:
		return required("order_key.transaction_id", k.TransactionID)
	}
	return invalidArg("order_key.order_number_type", "must be 1 or 2")
}

// ShippingContact is the masked phone number of the sender or receiver,
// required for SF Express.
type ShippingContact struct {
	ConsignorContact string `json:"consignor_contact,omitempty"`
	ReceiverContact  string `json:"receiver_contact,omitempty"`
}

// ShippingItem is one parcel of an order.
type ShippingItem struct {
	TrackingNo     string           `json:"tracking_no,omitempty"`     // required for LogisticsExpress
	ExpressCompany string           `json:"express_company,omitempty"` // delivery id, required for LogisticsExpress
	ItemDesc       string           `json:"item_desc"`                 // at most 120 characters
	Contact        *ShippingContact `json:"contact,omitempty"`
}

// ShippingPayer is the user who paid.
type ShippingPayer struct {
	OpenID string `json:"openid"`
}

// ShippingInfo is the body of UploadShippingInfo.
type ShippingInfo struct {
	OrderKey       *ShippingOrderKey `json:"order_key"`
	LogisticsType  int               `json:"logistics_type"`
	DeliveryMode   int               `json:"delivery_mode"`
	IsAllDelivered bool              `json:"is_all_delivered,omitempty"` // split mode: the last parcel
	ShippingList   []ShippingItem    `json:"shipping_list"`              // 1-10 parcels
	UploadTime     time.Time         `json:"upload_time"`                // RFC 3339; now when zero
	Payer          ShippingPayer     `json:"payer"`
}

func checkShipping(k *ShippingOrderKey, logistics, mode int, list []ShippingItem) error {
	if err := k.check(); err != nil {
		return err
	}
	if logistics < LogisticsExpress || logistics > LogisticsPickup {
		return invalidArg("logistics_type", "must be 1-4")
	}
	if mode != DeliveryUnified && mode != DeliverySplit {
		return invalidArg("delivery_mode", "must be 1 or 2")
	}
	if len(list) == 0 || len(list) > 10 {
		return invalidArg("shipping_list", "1 to 10 parcels")
	}
	for _, it := range list {
		if len([]rune(it.ItemDesc)) == 0 || len([]rune(it.ItemDesc)) > 120 {
			return invalidArg("item_desc", "1 to 120 characters")
		}
		if logistics == LogisticsExpress {
			if err := required("tracking_no", it.TrackingNo, "express_company", it.ExpressCompany); err != nil {
				return err
			}
		}
	}
	return nil
}

func uploadTime(t time.Time) time.Time {
	if t.IsZero() {
		return time.Now()
	}
	return t
}

// UploadShippingInfo records the shipment of a paid order (发货信息录入);
// the order moves to shipped. An order's shipment can be changed once.
// https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/business-capabilities/order-shipping/order-shipping.html
func (s *ShippingService) UploadShippingInfo(ctx context.Context, in *ShippingInfo) error {
	if in == nil {
		return invalidArg("order_key", "missing")
	}
	if err := checkShipping(in.OrderKey, in.LogisticsType, in.DeliveryMode, in.ShippingList); err != nil {
		return err
	}
	if err := required("payer.openid", in.Payer.OpenID); err != nil {
		return err
	}
	body := *in
	body.UploadTime = uploadTime(in.UploadTime)
	return s.c.Do(ctx, shipUpload, nil, &body, nil)
}

// ShippingSubOrder is the shipment of one sub-order of a combined order.
type ShippingSubOrder struct {
	OrderKey       *ShippingOrderKey `json:"order_key"`
	LogisticsType  int               `json:"logistics_type"`
	DeliveryMode   int               `json:"delivery_mode"`
	IsAllDelivered bool              `json:"is_all_delivered,omitempty"`
	ShippingList   []ShippingItem    `json:"shipping_list"`
}

// CombinedShippingInfo is the body of UploadCombinedShippingInfo.
type CombinedShippingInfo struct {
	OrderKey   *ShippingOrderKey  `json:"order_key"`
	SubOrders  []ShippingSubOrder `json:"sub_orders"`
	UploadTime time.Time          `json:"upload_time"`
	Payer      ShippingPayer      `json:"payer"`
}

// UploadCombinedShippingInfo records the shipment of the sub-orders of a
// combined order (发货信息合单录入).
// https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/business-capabilities/order-shipping/order-shipping.html
func (s *ShippingService) UploadCombinedShippingInfo(ctx context.Context, in *CombinedShippingInfo) error {
	if in == nil {
		return invalidArg("order_key", "missing")
	}
	if err := in.OrderKey.check(); err != nil {
		return err
	}
	if len(in.SubOrders) == 0 {
		return invalidArg("sub_orders", "empty")
	}
	for _, so := range in.SubOrders {
		if err := checkShipping(so.OrderKey, so.LogisticsType, so.DeliveryMode, so.ShippingList); err != nil {
			return err
		}
	}
	if err := required("payer.openid", in.Payer.OpenID); err != nil {
		return err
	}
	body := *in
	body.UploadTime = uploadTime(in.UploadTime)
	return s.c.Do(ctx, shipUploadCombined, nil, &body, nil)
}

// ShippingRef names an order by TransactionID, or by MerchantID and
// MerchantTradeNo.
type ShippingRef struct {
	TransactionID   string `json:"transaction_id,omitempty"`
	MerchantID      string `json:"merchant_id,omitempty"`
	SubMerchantID   string `json:"sub_merchant_id,omitempty"`
	MerchantTradeNo string `json:"merchant_trade_no,omitempty"`
}

func (r ShippingRef) check() error {
	if r.TransactionID == "" && (r.MerchantID == "" || r.MerchantTradeNo == "") {
		return invalidArg("transaction_id", "empty, and no merchant_id with merchant_trade_no")
	}
	return nil
}

// ShippedParcel is a parcel of a shipped order.
type ShippedParcel struct {
	TrackingNo     string `json:"tracking_no"`
	ExpressCompany string `json:"express_company"`
	UploadTime     int64  `json:"upload_time"` // Unix seconds
}

// ShippingDetail is the shipment of an order.
type ShippingDetail struct {
	DeliveryMode        int             `json:"delivery_mode"`
	LogisticsType       int             `json:"logistics_type"`
	FinishShipping      bool            `json:"finish_shipping"`
	FinishShippingCount int             `json:"finish_shipping_count"`
	GoodsDesc           string          `json:"goods_desc"`
	ShippingList        []ShippedParcel `json:"shipping_list"`
}

// ShippingOrder is a paid order as the shipping management knows it.
type ShippingOrder struct {
	TransactionID   string          `json:"transaction_id"`
	MerchantID      string          `json:"merchant_id"`
	SubMerchantID   string          `json:"sub_merchant_id"`
	MerchantTradeNo string          `json:"merchant_trade_no"`
	Description     string          `json:"description"`
	PaidAmount      int64           `json:"paid_amount"` // fen
	OpenID          string          `json:"openid"`
	TradeCreateTime int64           `json:"trade_create_time"`
	PayTime         int64           `json:"pay_time"`
	InComplaint     bool            `json:"in_complaint"`
	OrderState      int             `json:"order_state"` // ShippingOrderToShip...
	Shipping        *ShippingDetail `json:"shipping"`
}

// GetOrder returns an order's shipping state.
// https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/business-capabilities/order-shipping/order-shipping.html
func (s *ShippingService) GetOrder(ctx context.Context, ref ShippingRef) (*ShippingOrder, error) {
	if err := ref.check(); err != nil {
		return nil, err
	}
	out, err := call[struct {
		Order ShippingOrder `json:"order"`
	}](ctx, s.c, shipGetOrder, nil, ref)
	if err != nil {
		return nil, err
	}
	return &out.Order, nil
}

// PayTimeRange bounds the pay time of listed orders (Unix seconds, 0 open).
type PayTimeRange struct {
	BeginTime int64 `json:"begin_time,omitempty"`
	EndTime   int64 `json:"end_time,omitempty"`
}

// ShippingOrderQuery filters ListOrders and Orders.
type ShippingOrderQuery struct {
	PayTimeRange *PayTimeRange `json:"pay_time_range,omitempty"`
	OrderState   int           `json:"order_state,omitempty"`
	OpenID       string        `json:"openid,omitempty"`
	LastIndex    string        `json:"last_index,omitempty"` // from the previous page
	PageSize     int           `json:"page_size,omitempty"`  // at most 100
}

// ShippingOrderPage is one page of ListOrders.
type ShippingOrderPage struct {
	Orders    []ShippingOrder `json:"order_list"`
	LastIndex string          `json:"last_index"`
	HasMore   bool            `json:"has_more"`
}

// ListOrders returns one page of orders.
// https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/business-capabilities/order-shipping/order-shipping.html
func (s *ShippingService) ListOrders(ctx context.Context, q ShippingOrderQuery) (*ShippingOrderPage, error) {
	if q.PageSize < 0 || q.PageSize > MaxShippingPageSize {
		return nil, invalidArg("page_size", "must be 0-100")
	}
	if q.OrderState < 0 || q.OrderState > ShippingOrderRefunded {
		return nil, invalidArg("order_state", "must be 1-5")
	}
	return call[ShippingOrderPage](ctx, s.c, shipGetOrderList, nil, q)
}

// Orders iterates over the orders matching q from q.LastIndex on, following
// last_index. The first error is yielded and ends the iteration.
// https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/business-capabilities/order-shipping/order-shipping.html
func (s *ShippingService) Orders(ctx context.Context, q ShippingOrderQuery) iter.Seq2[ShippingOrder, error] {
	return func(yield func(ShippingOrder, error) bool) {
		for {
			p, err := s.ListOrders(ctx, q)
			if err != nil {
				yield(ShippingOrder{}, err)
				return
			}
			for _, o := range p.Orders {
				if !yield(o, nil) {
					return
				}
			}
			if !p.HasMore || p.LastIndex == "" || p.LastIndex == q.LastIndex {
				return
			}
			q.LastIndex = p.LastIndex
		}
	}
}

// NotifyConfirmReceive reminds the user to confirm receipt of a shipped
// order (确认收货提醒); receivedTime is when the parcel was delivered.
// https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/business-capabilities/order-shipping/order-shipping.html
func (s *ShippingService) NotifyConfirmReceive(ctx context.Context, ref ShippingRef, receivedTime time.Time) error {
	if err := ref.check(); err != nil {
		return err
	}
	if receivedTime.IsZero() {
		return invalidArg("received_time", "zero")
	}
	body := struct {
		ShippingRef
		ReceivedTime int64 `json:"received_time"`
	}{ref, receivedTime.Unix()}
	return s.c.Do(ctx, shipConfirm, nil, body, nil)
}

// SetMsgJumpPath sets the mini program page the shipping messages open
// (消息跳转路径), such as "pages/order/detail?id=".
// https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/business-capabilities/order-shipping/order-shipping.html
func (s *ShippingService) SetMsgJumpPath(ctx context.Context, path string) error {
	if err := required("path", path); err != nil {
		return err
	}
	return s.c.Do(ctx, shipJumpPath, nil, map[string]string{"path": path}, nil)
}

// IsTradeManaged reports whether the mini program appID is under shipping
// management (已开通发货信息管理服务).
// https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/business-capabilities/order-shipping/order-shipping.html
func (s *ShippingService) IsTradeManaged(ctx context.Context, appID string) (bool, error) {
	if err := required("appid", appID); err != nil {
		return false, err
	}
	out, err := call[struct {
		IsTradeManaged bool `json:"is_trade_managed"`
	}](ctx, s.c, shipIsManaged, nil, map[string]string{"appid": appID})
	if err != nil {
		return false, err
	}
	return out.IsTradeManaged, nil
}

// IsTradeManagementConfirmationCompleted reports whether appID finished the
// order-settlement confirmation (完成交易结算管理确认).
// https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/business-capabilities/order-shipping/order-shipping.html
func (s *ShippingService) IsTradeManagementConfirmationCompleted(ctx context.Context, appID string) (bool, error) {
	if err := required("appid", appID); err != nil {
		return false, err
	}
	out, err := call[struct {
		Completed bool `json:"completed"`
	}](ctx, s.c, shipConfirmed, nil, map[string]string{"appid": appID})
	if err != nil {
		return false, err
	}
	return out.Completed, nil
}
