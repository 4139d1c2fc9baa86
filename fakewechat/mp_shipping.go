package fakewechat

import (
	"fmt"
	"slices"
	"strconv"
	"sync"
	"time"
)

// Shipping information management (发货信息管理, /wxa/sec/order/*):
// MPAddPaidOrder creates a paid order, to be shipped (order_state 1);
// upload_shipping_info (or upload_combined_shipping_info for each sub-order)
// checks order_key, logistics_type 1-4, delivery_mode 1-2, 1-10 parcels
// with item_desc and, for express, tracking_no and express_company,
// upload_time in RFC 3339 and payer.openid equal to the payer, and moves
// the order to shipped (2); a shipped order's shipment can be changed once
// (10060023 afterwards). notify_confirm_receive moves a shipped order to
// confirmed (3). get_order_list pages by last_index (page_size 1-100,
// default 100). is_trade_managed and
// is_trade_management_confirmation_completed answer true for the app.
func init() {
	stdMessages[CodeMPShippingOrderNotFound] = "支付单不存在"
	stdMessages[CodeMPShippingUpdateLimit] = "发货信息更新次数超过上限"
	stdMessages[CodeMPShippingBadState] = "当前订单状态不允许该操作"
	builtin = append(builtin, registerMPShipping)
}

// Errcodes of the shipping management endpoints.
const (
	CodeMPShippingOrderNotFound = 10060001
	CodeMPShippingUpdateLimit   = 10060023
	CodeMPShippingBadState      = 10060003
)

// MPPaidOrder is a paid order known to the fake shipping management.
type MPPaidOrder struct {
	TransactionID   string
	MerchantID      string
	MerchantTradeNo string
	OpenID          string
	Description     string
	PaidAmount      int64
	State           int // 1 to be shipped, 2 shipped, 3 confirmed
	Uploads         int // shipping uploads accepted
}

type mpShipOrder struct {
	MPPaidOrder
	payTime  int64
	shipping M
}

type mpShipping struct {
	mu     sync.Mutex
	orders []*mpShipOrder
	path   string
}

func (s *Server) mpShipping(appid string) *mpShipping {
	return Value(s.State(appid), "mp.shipping", func() *mpShipping { return &mpShipping{} })
}

// MPAddPaidOrder registers a paid order, to be shipped, and returns its
// transaction id (generated when o.TransactionID is empty).
func (s *Server) MPAddPaidOrder(appid string, o MPPaidOrder) string {
	sh := s.mpShipping(appid)
	sh.mu.Lock()
	defer sh.mu.Unlock()
	if o.TransactionID == "" {
		o.TransactionID = fmt.Sprintf("42000%023d", len(sh.orders)+1)
	}
	o.State, o.Uploads = 1, 0
	sh.orders = append(sh.orders, &mpShipOrder{MPPaidOrder: o, payTime: s.Now().Unix()})
	return o.TransactionID
}

// MPPaidOrders returns appid's orders as the fake holds them.
func (s *Server) MPPaidOrders(appid string) []MPPaidOrder {
	sh := s.mpShipping(appid)
	sh.mu.Lock()
	defer sh.mu.Unlock()
	out := make([]MPPaidOrder, len(sh.orders))
	for i, o := range sh.orders {
		out[i] = o.MPPaidOrder
	}
	return out
}

// MPShippingJumpPath returns the path set by set_msg_jump_path.
func (s *Server) MPShippingJumpPath(appid string) string {
	sh := s.mpShipping(appid)
	sh.mu.Lock()
	defer sh.mu.Unlock()
	return sh.path
}

type mpShipKey struct {
	OrderNumberType int    `json:"order_number_type"`
	TransactionID   string `json:"transaction_id"`
	MchID           string `json:"mchid"`
	OutTradeNo      string `json:"out_trade_no"`
}

type mpShipItem struct {
	TrackingNo     string `json:"tracking_no"`
	ExpressCompany string `json:"express_company"`
	ItemDesc       string `json:"item_desc"`
}

type mpShipSub struct {
	OrderKey       *mpShipKey   `json:"order_key"`
	LogisticsType  int          `json:"logistics_type"`
	DeliveryMode   int          `json:"delivery_mode"`
	IsAllDelivered bool         `json:"is_all_delivered"`
	ShippingList   []mpShipItem `json:"shipping_list"`
}

func (sh *mpShipping) byKey(k *mpShipKey) (*mpShipOrder, *Error) {
	if k == nil {
		return nil, ErrCode(CodeInvalidArgs)
	}
	for _, o := range sh.orders {
		switch {
		case k.OrderNumberType == 2 && k.TransactionID != "" && o.TransactionID == k.TransactionID,
			k.OrderNumberType == 1 && k.OutTradeNo != "" && o.MerchantID == k.MchID && o.MerchantTradeNo == k.OutTradeNo:
			return o, nil
		}
	}
	if k.OrderNumberType != 1 && k.OrderNumberType != 2 {
		return nil, ErrCode(CodeInvalidArgs)
	}
	return nil, ErrCode(CodeMPShippingOrderNotFound)
}

func (sh *mpShipping) byRef(txn, mch, tradeNo string) (*mpShipOrder, *Error) {
	for _, o := range sh.orders {
		if (txn != "" && o.TransactionID == txn) || (txn == "" && tradeNo != "" && o.MerchantID == mch && o.MerchantTradeNo == tradeNo) {
			return o, nil
		}
	}
	if txn == "" && (mch == "" || tradeNo == "") {
		return nil, ErrCode(CodeInvalidArgs)
	}
	return nil, ErrCode(CodeMPShippingOrderNotFound)
}

// ship applies one shipment to an order after checking it.
func (sh *mpShipping) ship(in *mpShipSub, openid string, at time.Time) *Error {
	o, e := sh.byKey(in.OrderKey)
	if e != nil {
		return e
	}
	if in.LogisticsType < 1 || in.LogisticsType > 4 || (in.DeliveryMode != 1 && in.DeliveryMode != 2) ||
		len(in.ShippingList) == 0 || len(in.ShippingList) > 10 {
		return ErrCode(CodeInvalidArgs)
	}
	for _, it := range in.ShippingList {
		if it.ItemDesc == "" || len([]rune(it.ItemDesc)) > 120 || (in.LogisticsType == 1 && (it.TrackingNo == "" || it.ExpressCompany == "")) {
			return ErrCode(CodeInvalidArgs)
		}
	}
	if openid != o.OpenID {
		return Errorf(CodeInvalidArgs, "payer openid mismatch")
	}
	switch {
	case o.State > 2:
		return ErrCode(CodeMPShippingBadState)
	case o.Uploads >= 2:
		return ErrCode(CodeMPShippingUpdateLimit)
	}
	list := make([]M, len(in.ShippingList))
	for i, it := range in.ShippingList {
		list[i] = M{"tracking_no": it.TrackingNo, "express_company": it.ExpressCompany, "upload_time": at.Unix()}
	}
	done := in.DeliveryMode == 1 || in.IsAllDelivered
	o.Uploads++
	o.shipping = M{"delivery_mode": in.DeliveryMode, "logistics_type": in.LogisticsType, "finish_shipping": done,
		"finish_shipping_count": boolCount(done), "goods_desc": in.ShippingList[0].ItemDesc, "shipping_list": list}
	if done {
		o.State = 2
	}
	return nil
}

func boolCount(b bool) int {
	if b {
		return 1
	}
	return 0
}

func (o *mpShipOrder) view() M {
	m := M{"transaction_id": o.TransactionID, "merchant_id": o.MerchantID, "sub_merchant_id": "",
		"merchant_trade_no": o.MerchantTradeNo, "description": o.Description, "paid_amount": o.PaidAmount,
		"openid": o.OpenID, "trade_create_time": o.payTime - 10, "pay_time": o.payTime, "in_complaint": false,
		"order_state": o.State}
	if o.shipping != nil {
		m["shipping"] = o.shipping
	}
	return m
}

func registerMPShipping(s *Server) {
	uploadTime := func(v string) (time.Time, *Error) {
		t, err := time.Parse(time.RFC3339Nano, v)
		if err != nil {
			return t, Errorf(CodeInvalidArgs, "invalid upload_time")
		}
		return t, nil
	}
	s.HandleJSON("POST /wxa/sec/order/upload_shipping_info", func(r *Request) (any, error) {
		var in struct {
			mpShipSub
			UploadTime string `json:"upload_time"`
			Payer      struct {
				OpenID string `json:"openid"`
			} `json:"payer"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		at, e := uploadTime(in.UploadTime)
		if e != nil {
			return nil, e
		}
		sh := s.mpShipping(r.AppID)
		sh.mu.Lock()
		defer sh.mu.Unlock()
		if e := sh.ship(&in.mpShipSub, in.Payer.OpenID, at); e != nil {
			return nil, e
		}
		return nil, nil
	})
	s.HandleJSON("POST /wxa/sec/order/upload_combined_shipping_info", func(r *Request) (any, error) {
		var in struct {
			OrderKey   *mpShipKey  `json:"order_key"`
			SubOrders  []mpShipSub `json:"sub_orders"`
			UploadTime string      `json:"upload_time"`
			Payer      struct {
				OpenID string `json:"openid"`
			} `json:"payer"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		at, e := uploadTime(in.UploadTime)
		if e != nil {
			return nil, e
		}
		if in.OrderKey == nil || (in.OrderKey.OrderNumberType != 1 && in.OrderKey.OrderNumberType != 2) || len(in.SubOrders) == 0 {
			return nil, ErrCode(CodeInvalidArgs)
		}
		sh := s.mpShipping(r.AppID)
		sh.mu.Lock()
		defer sh.mu.Unlock()
		for i := range in.SubOrders {
			if e := sh.ship(&in.SubOrders[i], in.Payer.OpenID, at); e != nil {
				return nil, e
			}
		}
		return nil, nil
	})
	type ref struct {
		TransactionID   string `json:"transaction_id"`
		MerchantID      string `json:"merchant_id"`
		MerchantTradeNo string `json:"merchant_trade_no"`
		ReceivedTime    int64  `json:"received_time"`
	}
	s.HandleJSON("POST /wxa/sec/order/get_order", func(r *Request) (any, error) {
		var in ref
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		sh := s.mpShipping(r.AppID)
		sh.mu.Lock()
		defer sh.mu.Unlock()
		o, e := sh.byRef(in.TransactionID, in.MerchantID, in.MerchantTradeNo)
		if e != nil {
			return nil, e
		}
		return OK(M{"order": o.view()}), nil
	})
	s.HandleJSON("POST /wxa/sec/order/get_order_list", func(r *Request) (any, error) {
		var in struct {
			PayTimeRange *struct {
				BeginTime int64 `json:"begin_time"`
				EndTime   int64 `json:"end_time"`
			} `json:"pay_time_range"`
			OrderState int    `json:"order_state"`
			OpenID     string `json:"openid"`
			LastIndex  string `json:"last_index"`
			PageSize   int    `json:"page_size"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		if in.PageSize == 0 {
			in.PageSize = 100
		}
		start, err := strconv.Atoi(in.LastIndex)
		if in.LastIndex == "" {
			start, err = 0, nil
		}
		if err != nil || start < 0 || in.PageSize < 1 || in.PageSize > 100 || in.OrderState < 0 || in.OrderState > 5 {
			return nil, ErrCode(CodeInvalidArgs)
		}
		sh := s.mpShipping(r.AppID)
		sh.mu.Lock()
		defer sh.mu.Unlock()
		match := slices.DeleteFunc(slices.Clone(sh.orders), func(o *mpShipOrder) bool {
			tr := in.PayTimeRange
			return (in.OrderState != 0 && o.State != in.OrderState) || (in.OpenID != "" && o.OpenID != in.OpenID) ||
				(tr != nil && ((tr.BeginTime != 0 && o.payTime < tr.BeginTime) || (tr.EndTime != 0 && o.payTime > tr.EndTime)))
		})
		start = min(start, len(match))
		end := min(start+in.PageSize, len(match))
		list := make([]M, 0, end-start)
		for _, o := range match[start:end] {
			list = append(list, o.view())
		}
		return OK(M{"order_list": list, "last_index": strconv.Itoa(end), "has_more": end < len(match)}), nil
	})
	s.HandleJSON("POST /wxa/sec/order/notify_confirm_receive", func(r *Request) (any, error) {
		var in ref
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		if in.ReceivedTime <= 0 {
			return nil, ErrCode(CodeInvalidArgs)
		}
		sh := s.mpShipping(r.AppID)
		sh.mu.Lock()
		defer sh.mu.Unlock()
		o, e := sh.byRef(in.TransactionID, in.MerchantID, in.MerchantTradeNo)
		if e != nil {
			return nil, e
		}
		if o.State != 2 {
			return nil, ErrCode(CodeMPShippingBadState)
		}
		o.State = 3
		return nil, nil
	})
	s.HandleJSON("POST /wxa/sec/order/set_msg_jump_path", func(r *Request) (any, error) {
		var in struct {
			Path string `json:"path"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		if in.Path == "" {
			return nil, ErrCode(CodeInvalidArgs)
		}
		sh := s.mpShipping(r.AppID)
		sh.mu.Lock()
		sh.path = in.Path
		sh.mu.Unlock()
		return nil, nil
	})
	appidFlag := func(field string) JSONHandler {
		return func(r *Request) (any, error) {
			var in struct {
				AppID string `json:"appid"`
			}
			if err := r.Decode(&in); err != nil {
				return nil, err
			}
			if in.AppID == "" {
				return nil, ErrCode(CodeInvalidArgs)
			}
			return OK(M{field: in.AppID == r.AppID}), nil
		}
	}
	s.HandleJSON("POST /wxa/sec/order/is_trade_managed", appidFlag("is_trade_managed"))
	s.HandleJSON("POST /wxa/sec/order/is_trade_management_confirmation_completed", appidFlag("completed"))
}
