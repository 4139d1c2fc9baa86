package fakewechat

import (
	"encoding/json"
	"fmt"
	"strconv"
	"sync"
)

// Channels shop after-sale requests (微信小店 售后), kept per app:
// ChannelsAddAfterSale opens one for an order; see the "Channels shop"
// section of the package doc for the rules.
func init() {
	for code, msg := range map[int]string{
		CodeChannelsAfterSaleID:         "售后单号不合法",
		CodeChannelsAfterSaleState:      "售后单状态不合法",
		CodeChannelsAfterSaleTimeRange:  "非法的时间区间,不得大于24小时",
		CodeChannelsAfterSaleNotAllowed: "当前售后单不支持此操作,请检查售后单状态",
		CodeChannelsAfterSaleNotFound:   "售后单不存在",
		CodeChannelsAfterSaleNoAddress:  "缺少退货地址address_id参数",
	} {
		stdMessages[code] = msg
	}
	builtin = append(builtin, registerChannelsAfterSales)
}

// Errcodes of the Channels shop after-sale endpoints, as the docs list them.
const (
	CodeChannelsAfterSaleID         = 10020000
	CodeChannelsAfterSaleState      = 10020001
	CodeChannelsAfterSaleTimeRange  = 10020004
	CodeChannelsAfterSaleNotAllowed = 10021041
	CodeChannelsAfterSaleNotFound   = 10021050
	CodeChannelsAfterSaleNoAddress  = 10021060
)

// ChannelsAfterSalePage is the number of ids a getaftersalelist page holds
// (the docs give no page size).
const ChannelsAfterSalePage = 10

type chAfterSale struct {
	ID, OrderID, Type, Status, OpenID string
	ProductID, SKUID                  string
	Count                             int
	Amount                            int64
	Created, Updated                  int64
	RejectReason                      string
	WaybillID, DeliveryID             string
}

type chAfterSales struct {
	mu   sync.Mutex
	next int64
	list []*chAfterSale
}

func (s *Server) chAfterSales(appid string) *chAfterSales {
	return Value(s.State(appid), "channels.aftersales", func() *chAfterSales { return &chAfterSales{next: 1934000000000001} })
}

// ChannelsAddAfterSale opens a buyer's after-sale request (typ "REFUND"
// or "RETURN") for count SKUs of a paid order of appid, for their price,
// and returns its id.
func (s *Server) ChannelsAddAfterSale(appid, orderID, typ string, count int) (string, error) {
	if typ != "REFUND" && typ != "RETURN" {
		return "", fmt.Errorf("fakewechat: after-sale type %q is not REFUND or RETURN", typ)
	}
	orders := s.chOrders(appid)
	orders.mu.Lock()
	o, e := orders.find(orderID)
	if e != nil || o.Status == 10 || o.Status == 250 || o.Status == 200 || count < 1 || count > o.Count-o.OnAftersale-o.DoneAftersale {
		orders.mu.Unlock()
		return "", fmt.Errorf("fakewechat: order %q has no %d paid SKUs free for after-sale", orderID, count)
	}
	o.OnAftersale += count
	a := &chAfterSale{OrderID: o.ID, Type: typ, Status: "MERCHANT_PROCESSING", OpenID: o.OpenID, ProductID: o.ProductID,
		SKUID: o.SKUID, Count: count, Amount: o.TotalPrice * int64(count) / int64(o.Count)}
	orders.mu.Unlock()

	now := s.Now().Unix()
	a.Created, a.Updated = now, now
	l := s.chAfterSales(appid)
	l.mu.Lock()
	defer l.mu.Unlock()
	a.ID = strconv.FormatInt(l.next, 10)
	l.next++
	l.list = append(l.list, a)
	return a.ID, nil
}

// ChannelsReturnGoods records the buyer's return shipment of a return
// waiting for it (USER_WAIT_RETURN), which then waits for the merchant to
// receive it (MERCHANT_WAIT_RECEIPT), and reports whether it did.
func (s *Server) ChannelsReturnGoods(appid, afterSaleID, deliveryID, waybillID string) bool {
	l := s.chAfterSales(appid)
	l.mu.Lock()
	defer l.mu.Unlock()
	a := l.find(afterSaleID)
	if a == nil || a.Status != "USER_WAIT_RETURN" {
		return false
	}
	a.Status, a.DeliveryID, a.WaybillID, a.Updated = "MERCHANT_WAIT_RECEIPT", deliveryID, waybillID, s.Now().Unix()
	return true
}

func (l *chAfterSales) find(id string) *chAfterSale {
	for _, a := range l.list {
		if a.ID == id {
			return a
		}
	}
	return nil
}

// settle ends an after-sale request on its order: refunded or not.
func (s *Server) chSettleAfterSale(appid string, a *chAfterSale, refunded bool) {
	orders := s.chOrders(appid)
	orders.mu.Lock()
	defer orders.mu.Unlock()
	o, e := orders.find(a.OrderID)
	if e != nil {
		return
	}
	o.OnAftersale -= a.Count
	if refunded {
		o.DoneAftersale += a.Count
		if o.DoneAftersale == o.Count {
			o.Status = 200
		}
	}
	o.Updated = s.Now().Unix()
}

func (a *chAfterSale) view() M {
	names := map[string]string{"SF": "顺丰速运", "YTO": "圆通快速", "ZTO": "中通快速"}
	return M{
		"after_sale_order_id": a.ID, "order_id": a.OrderID, "status": a.Status, "openid": a.OpenID, "type": a.Type,
		"reason":               "NO_LONGER_WANT",
		"product_info":         M{"product_id": a.ProductID, "sku_id": a.SKUID, "count": a.Count},
		"refund_info":          M{"amount": a.Amount},
		"return_info":          M{"waybill_id": a.WaybillID, "delivery_id": a.DeliveryID, "delivery_name": names[a.DeliveryID]},
		"merchant_upload_info": M{"reject_reason": a.RejectReason, "refund_certificates": []string{}},
		"create_time":          a.Created, "update_time": a.Updated,
	}
}

func registerChannelsAfterSales(s *Server) {
	type asIn struct {
		ID               json.RawMessage `json:"after_sale_order_id"`
		AddressID        string          `json:"address_id"`
		AcceptType       int             `json:"accept_type"`
		RejectReason     string          `json:"reject_reason"`
		RejectReasonType *int            `json:"reject_reason_type"`
	}
	withAfterSale := func(pattern string, fn func(r *Request, a *chAfterSale, in *asIn) (any, error)) {
		s.HandleJSON(pattern, func(r *Request) (any, error) {
			if _, err := r.JSON(); err != nil {
				return nil, err
			}
			var in asIn
			if json.Unmarshal(r.Body, &in) != nil {
				return nil, ErrCode(CodeDataFormat)
			}
			id := rawID(in.ID)
			if id == "" {
				return nil, ErrCode(CodeChannelsAfterSaleID)
			}
			l := s.chAfterSales(r.AppID)
			l.mu.Lock()
			a := l.find(id)
			if a == nil {
				l.mu.Unlock()
				return nil, ErrCode(CodeChannelsAfterSaleNotFound)
			}
			status := a.Status
			out, err := fn(r, a, &in)
			refunded := a.Status == "MERCHANT_REFUND_SUCCESS" || a.Status == "MERCHANT_RETURN_SUCCESS"
			settled := a.Status != status && (refunded || a.Status == "MERCHANT_REJECT_REFUND" || a.Status == "MERCHANT_REJECT_RETURN")
			l.mu.Unlock()
			if settled {
				s.chSettleAfterSale(r.AppID, a, refunded)
			}
			return out, err
		})
	}
	withAfterSale("POST /channels/ec/aftersale/getaftersaleorder", func(_ *Request, a *chAfterSale, _ *asIn) (any, error) {
		return OK(M{"after_sale_order": a.view()}), nil
	})
	withAfterSale("POST /channels/ec/aftersale/acceptapply", func(r *Request, a *chAfterSale, in *asIn) (any, error) {
		next := ""
		switch {
		case in.AcceptType < 0 || in.AcceptType > 2:
			return nil, ErrCode(CodeChannelsAfterSaleNotAllowed)
		case a.Type == "REFUND" && a.Status == "MERCHANT_PROCESSING" && in.AcceptType != 1:
			next = "MERCHANT_REFUND_SUCCESS" // the fake refunds at once
		case a.Type == "RETURN" && a.Status == "MERCHANT_PROCESSING" && in.AcceptType != 2:
			if in.AddressID == "" {
				return nil, ErrCode(CodeChannelsAfterSaleNoAddress)
			}
			next = "USER_WAIT_RETURN"
		case a.Type == "RETURN" && a.Status == "MERCHANT_WAIT_RECEIPT" && in.AcceptType != 1:
			next = "MERCHANT_RETURN_SUCCESS"
		case a.Status == "MERCHANT_PROCESSING" || a.Status == "MERCHANT_WAIT_RECEIPT":
			return nil, ErrCode(CodeChannelsAfterSaleNotAllowed)
		default:
			return nil, ErrCode(CodeChannelsAfterSaleState)
		}
		a.Status, a.Updated = next, r.Now().Unix()
		return nil, nil
	})
	withAfterSale("POST /channels/ec/aftersale/rejectapply", func(r *Request, a *chAfterSale, in *asIn) (any, error) {
		if in.RejectReasonType == nil {
			return nil, Errorf(CodeInvalidArgs, "invalid args: reject_reason_type")
		}
		switch {
		case a.Status == "MERCHANT_PROCESSING" && a.Type == "REFUND":
			a.Status = "MERCHANT_REJECT_REFUND"
		case a.Status == "MERCHANT_PROCESSING" || a.Status == "MERCHANT_WAIT_RECEIPT":
			a.Status = "MERCHANT_REJECT_RETURN"
		default:
			return nil, ErrCode(CodeChannelsAfterSaleState)
		}
		a.RejectReason, a.Updated = in.RejectReason, r.Now().Unix()
		return nil, nil
	})
	s.HandleJSON("POST /channels/ec/aftersale/getaftersalelist", func(r *Request) (any, error) {
		var in struct {
			BeginCreateTime *int64 `json:"begin_create_time"`
			EndCreateTime   *int64 `json:"end_create_time"`
			BeginUpdateTime *int64 `json:"begin_update_time"`
			EndUpdateTime   *int64 `json:"end_update_time"`
			NextKey         string `json:"next_key"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		byCreate := in.BeginCreateTime != nil && in.EndCreateTime != nil
		byUpdate := in.BeginUpdateTime != nil && in.EndUpdateTime != nil
		if !byCreate && !byUpdate {
			return nil, Errorf(CodeInvalidArgs, "invalid args: begin_create_time/end_create_time or begin_update_time/end_update_time")
		}
		for _, p := range [][2]*int64{{in.BeginCreateTime, in.EndCreateTime}, {in.BeginUpdateTime, in.EndUpdateTime}} {
			if p[0] != nil && p[1] != nil && (*p[1] < *p[0] || *p[1]-*p[0] > 86400) {
				return nil, ErrCode(CodeChannelsAfterSaleTimeRange)
			}
		}
		l := s.chAfterSales(r.AppID)
		l.mu.Lock()
		defer l.mu.Unlock()
		var match []string
		for _, a := range l.list {
			if (!byCreate || a.Created >= *in.BeginCreateTime && a.Created <= *in.EndCreateTime) &&
				(!byUpdate || a.Updated >= *in.BeginUpdateTime && a.Updated <= *in.EndUpdateTime) {
				match = append(match, a.ID)
			}
		}
		start, end, next, ok := chPage("chak", in.NextKey, len(match), ChannelsAfterSalePage)
		if !ok {
			return nil, Errorf(CodeInvalidArgs, "invalid args: next_key")
		}
		return OK(M{"after_sale_order_id_list": append([]string{}, match[start:end]...), "has_more": next != "", "next_key": next}), nil
	})
}
