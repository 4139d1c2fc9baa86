package channels

import (
	"context"
	"iter"
	"net/http"
	"time"

	wechat "github.com/weixin-go/wechat"
)

var (
	afterSaleList   = wechat.Endpoint{Method: http.MethodPost, Path: "/channels/ec/aftersale/getaftersalelist"}
	afterSaleGet    = wechat.Endpoint{Method: http.MethodPost, Path: "/channels/ec/aftersale/getaftersaleorder"}
	afterSaleAccept = wechat.Endpoint{Method: http.MethodPost, Path: "/channels/ec/aftersale/acceptapply"}
	afterSaleReject = wechat.Endpoint{Method: http.MethodPost, Path: "/channels/ec/aftersale/rejectapply"}
)

// MaxAfterSaleTimeRange is the longest creation or update time range of
// AfterSaleService.List.
const MaxAfterSaleTimeRange = 24 * time.Hour

// After-sale types (AfterSale.Type).
const (
	AfterSaleRefund   = "REFUND"   // 仅退款
	AfterSaleReturn   = "RETURN"   // 退货退款
	AfterSaleExchange = "EXCHANGE" // 换货
)

// After-sale statuses (AfterSale.Status), as WeChat spells them.
const (
	AfterSaleUserCancelled   = "USER_CANCELD"            // 用户取消申请
	AfterSaleProcessing      = "MERCHANT_PROCESSING"     // 商家受理中
	AfterSaleRejectedRefund  = "MERCHANT_REJECT_REFUND"  // 商家拒绝退款
	AfterSaleRejectedReturn  = "MERCHANT_REJECT_RETURN"  // 商家拒绝退货退款
	AfterSaleWaitUserReturn  = "USER_WAIT_RETURN"        // 待买家退货
	AfterSaleReturnClosed    = "RETURN_CLOSED"           // 退货退款关闭
	AfterSaleWaitReceipt     = "MERCHANT_WAIT_RECEIPT"   // 待商家收货
	AfterSaleRefundOverdue   = "MERCHANT_OVERDUE_REFUND" // 商家逾期未退款
	AfterSaleRefunded        = "MERCHANT_REFUND_SUCCESS" // 退款完成
	AfterSaleReturnRefunded  = "MERCHANT_RETURN_SUCCESS" // 退货退款完成
	AfterSalePlatformRefund  = "PLATFORM_REFUNDING"      // 平台退款中
	AfterSaleRefundFailed    = "PLATFORM_REFUND_FAIL"    // 平台退款失败
	AfterSaleWaitUserConfirm = "USER_WAIT_CONFIRM"       // 待用户确认
)

// Accept types (AcceptOptions.AcceptType) of a return (退货退款).
const (
	AcceptReturn = 1 // agree to the return and ask the buyer to send the goods back
	AcceptRefund = 2 // goods received: refund the buyer
)

// AfterSaleListOptions selects the after-sale requests of List and
// ListPage: exactly one of the time ranges, at most 24 hours long.
type AfterSaleListOptions struct {
	CreateTimeRange *TimeRange
	UpdateTimeRange *TimeRange
}

// AfterSalePage is one page of after-sale request ids.
type AfterSalePage struct {
	AfterSaleOrderIDs []string `json:"after_sale_order_id_list"`
	HasMore           bool     `json:"has_more"`
	// NextKey asks for the next page.
	NextKey string `json:"next_key"`
}

// ListPage returns one page of after-sale request ids: nextKey is "" for
// the first page, then the NextKey of the previous page.
// https://developers.weixin.qq.com/doc/store/API/aftersale/getaftersalelist.html
func (s *AfterSaleService) ListPage(ctx context.Context, opts AfterSaleListOptions, nextKey string) (*AfterSalePage, error) {
	if (opts.CreateTimeRange == nil) == (opts.UpdateTimeRange == nil) {
		return nil, invalidArg("begin_create_time", "exactly one of the creation and update time ranges is required")
	}
	if err := opts.CreateTimeRange.check("begin_create_time", MaxAfterSaleTimeRange); err != nil {
		return nil, err
	}
	if err := opts.UpdateTimeRange.check("begin_update_time", MaxAfterSaleTimeRange); err != nil {
		return nil, err
	}
	body := struct {
		BeginCreateTime int64  `json:"begin_create_time,omitempty"`
		EndCreateTime   int64  `json:"end_create_time,omitempty"`
		BeginUpdateTime int64  `json:"begin_update_time,omitempty"`
		EndUpdateTime   int64  `json:"end_update_time,omitempty"`
		NextKey         string `json:"next_key,omitempty"`
	}{NextKey: nextKey}
	if r := opts.CreateTimeRange; r != nil {
		body.BeginCreateTime, body.EndCreateTime = r.StartTime, r.EndTime
	} else {
		body.BeginUpdateTime, body.EndUpdateTime = opts.UpdateTimeRange.StartTime, opts.UpdateTimeRange.EndTime
	}
	return call[AfterSalePage](ctx, s.c, afterSaleList, nil, body)
}

// List iterates over the ids of the after-sale requests of opts, page by
// page, while WeChat says there are more.
// https://developers.weixin.qq.com/doc/store/API/aftersale/getaftersalelist.html
func (s *AfterSaleService) List(ctx context.Context, opts AfterSaleListOptions) iter.Seq2[string, error] {
	return wechat.CursorPages(ctx, "", func(ctx context.Context, key string) ([]string, string, error) {
		p, err := s.ListPage(ctx, opts, key)
		if err != nil {
			return nil, "", err
		}
		if !p.HasMore {
			return p.AfterSaleOrderIDs, "", nil
		}
		return p.AfterSaleOrderIDs, p.NextKey, nil
	})
}

// AfterSale is an after-sale request (the fields the SDK reads).
type AfterSale struct {
	AfterSaleOrderID string `json:"after_sale_order_id"`
	// OrderID is the order of the request.
	OrderID wechat.FlexID `json:"order_id"`
	// Status is AfterSaleProcessing, AfterSaleRefunded...
	Status  string `json:"status"`
	OpenID  string `json:"openid"`
	UnionID string `json:"unionid"`
	// Type is AfterSaleRefund, AfterSaleReturn or AfterSaleExchange.
	Type        string `json:"type"`
	Reason      string `json:"reason"`
	ProductInfo struct {
		ProductID wechat.FlexID `json:"product_id"`
		SKUID     wechat.FlexID `json:"sku_id"`
		Count     int           `json:"count"`
	} `json:"product_info"`
	RefundInfo struct {
		// Amount is the refund in fen.
		Amount int `json:"amount"`
	} `json:"refund_info"`
	ReturnInfo struct {
		WaybillID    string `json:"waybill_id"`
		DeliveryID   string `json:"delivery_id"`
		DeliveryName string `json:"delivery_name"`
	} `json:"return_info"`
	MerchantUploadInfo struct {
		RejectReason       string   `json:"reject_reason"`
		RefundCertificates []string `json:"refund_certificates"`
	} `json:"merchant_upload_info"`
	// CreateTime and UpdateTime are Unix seconds.
	CreateTime int64 `json:"create_time"`
	UpdateTime int64 `json:"update_time"`
}

// Get returns an after-sale request.
// https://developers.weixin.qq.com/doc/store/API/aftersale/getaftersaleorder.html
func (s *AfterSaleService) Get(ctx context.Context, afterSaleOrderID string) (*AfterSale, error) {
	body, err := byID("after_sale_order_id", afterSaleOrderID)
	if err != nil {
		return nil, err
	}
	out, err := call[struct {
		AfterSaleOrder AfterSale `json:"after_sale_order"`
	}](ctx, s.c, afterSaleGet, nil, body)
	if err != nil {
		return nil, err
	}
	return &out.AfterSaleOrder, nil
}

// AcceptOptions are the optional arguments of Accept.
type AcceptOptions struct {
	// AddressID is the merchant's return address, needed to accept a return.
	AddressID string
	// AcceptType is AcceptReturn or AcceptRefund; 0 lets WeChat choose
	// from the request's state.
	AcceptType int
}

// Accept accepts an after-sale request: a refund-only request is refunded;
// a return is accepted (the buyer sends the goods back to AddressID), then,
// once the goods are back, refunded by a second call.
// https://developers.weixin.qq.com/doc/store/shop/API/aftersale/acceptapply.html
func (s *AfterSaleService) Accept(ctx context.Context, afterSaleOrderID string, opts *AcceptOptions) error {
	if err := required("after_sale_order_id", afterSaleOrderID); err != nil {
		return err
	}
	if opts == nil {
		opts = &AcceptOptions{}
	}
	if opts.AcceptType < 0 || opts.AcceptType > AcceptRefund {
		return invalidArg("accept_type", "must be 1 or 2")
	}
	body := struct {
		ID         string `json:"after_sale_order_id"`
		AddressID  string `json:"address_id,omitempty"`
		AcceptType int    `json:"accept_type,omitempty"`
	}{afterSaleOrderID, opts.AddressID, opts.AcceptType}
	return s.c.Do(ctx, afterSaleAccept, nil, body, nil)
}

// Reject rejects an after-sale request with a reason type (see the
// rejection reasons of the shop) and an optional description.
// https://developers.weixin.qq.com/doc/store/shop/API/channels-shop-aftersale/api_rejectapply.html
func (s *AfterSaleService) Reject(ctx context.Context, afterSaleOrderID string, reasonType int, reason string) error {
	if err := required("after_sale_order_id", afterSaleOrderID); err != nil {
		return err
	}
	if reasonType <= 0 {
		return invalidArg("reject_reason_type", "required")
	}
	body := struct {
		ID         string `json:"after_sale_order_id"`
		Reason     string `json:"reject_reason,omitempty"`
		ReasonType int    `json:"reject_reason_type"`
	}{afterSaleOrderID, reason, reasonType}
	return s.c.Do(ctx, afterSaleReject, nil, body, nil)
}
