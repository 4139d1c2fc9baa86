package fakewechat

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Channels shop orders (微信小店 订单管理), kept per app: orders are made
// by ChannelsAddOrder (a paid order of a listed product); see the
// "Channels shop" section of the package doc for the rules.
func init() {
	stdMessages[CodeChannelsOrderNotFound] = "订单不存在,请检查订单id与token是否正确"
	builtin = append(builtin, registerChannelsOrders)
}

// CodeChannelsOrderNotFound is the errcode of an unknown order.
const CodeChannelsOrderNotFound = 100002

// ChannelsOrder describes the order ChannelsAddOrder makes.
type ChannelsOrder struct {
	ProductID string // a listed product
	SKUID     string // one of its SKUs
	Count     int    // 1 when 0
	OpenID    string // the buyer; ChannelsBuyerOpenID when empty
}

// ChannelsBuyerOpenID is the buyer of orders made without an OpenID.
const ChannelsBuyerOpenID = "oChannelsBuyer000000000000001"

// ChannelsOrderAddress is the address of the orders ChannelsAddOrder
// makes, shaped like the docs' example.
var ChannelsOrderAddress = M{
	"user_name": "陈先生", "postal_code": "510000", "province_name": "广东省", "city_name": "广州市",
	"county_name": "海珠区", "detail_info": "大塘", "national_code": "440105", "tel_number": "13800000000",
}

type chOrder struct {
	ID             string
	Status         int
	Created        int64
	Updated        int64
	OpenID         string
	ProductID      string
	SKUID          string
	Title          string
	Thumb          string
	UnitPrice      int64
	Count          int
	TotalPrice     int64 // the SKU's total after price changes
	Freight        int64
	Address        M
	MerchantNotes  string
	PriceChanges   int
	AddressChanges int
	OnAftersale    int // SKUs in open after-sale requests
	DoneAftersale  int // SKUs refunded by after-sale requests
}

type chOrders struct {
	mu   sync.Mutex
	next int64
	list []*chOrder
}

func (s *Server) chOrders(appid string) *chOrders {
	return Value(s.State(appid), "channels.orders", func() *chOrders { return &chOrders{next: 3700000000000000001} })
}

func (o *chOrders) find(id string) (*chOrder, *Error) {
	for _, x := range o.list {
		if x.ID == id {
			return x, nil
		}
	}
	return nil, ErrCode(CodeChannelsOrderNotFound)
}

// ChannelsAddOrder makes a paid order (status 20, to ship) of o.Count of a
// SKU of a listed product of appid, taking the stock, and returns its id.
func (s *Server) ChannelsAddOrder(appid string, o ChannelsOrder) (string, error) {
	if o.Count == 0 {
		o.Count = 1
	}
	if o.OpenID == "" {
		o.OpenID = ChannelsBuyerOpenID
	}
	p := s.chProducts(appid)
	p.mu.Lock()
	x, e := p.find(o.ProductID)
	if e != nil || x.Status != 5 {
		p.mu.Unlock()
		return "", fmt.Errorf("fakewechat: product %q is not listed", o.ProductID)
	}
	i := slices.IndexFunc(x.SKUs, func(k *chSKU) bool { return k.ID == o.SKUID })
	if i < 0 || o.Count < 0 || x.SKUs[i].Stock < int64(o.Count) {
		p.mu.Unlock()
		return "", fmt.Errorf("fakewechat: no SKU %q with %d in stock", o.SKUID, o.Count)
	}
	x.SKUs[i].Stock -= int64(o.Count)
	title, _ := x.Online["title"].(string)
	var price int64
	var thumb string
	if skus, ok := x.Online["skus"].([]any); ok && i < len(skus) {
		k, _ := skus[i].(M)
		f, _ := k["sale_price"].(float64)
		price = int64(f)
		thumb, _ = k["thumb_img"].(string)
	}
	p.mu.Unlock()

	now := s.Now().Unix()
	orders := s.chOrders(appid)
	orders.mu.Lock()
	defer orders.mu.Unlock()
	od := &chOrder{ID: strconv.FormatInt(orders.next, 10), Status: 20, Created: now, Updated: now, OpenID: o.OpenID,
		ProductID: o.ProductID, SKUID: o.SKUID, Title: title, Thumb: thumb, UnitPrice: price, Count: o.Count,
		TotalPrice: price * int64(o.Count), Address: ChannelsOrderAddress}
	orders.next++
	orders.list = append(orders.list, od)
	return od.ID, nil
}

// ChannelsSetOrderStatus sets the status of an order (10 unpaid, 20 to
// ship, 30 shipped, 100 completed, 250 cancelled...) and reports whether
// it exists.
func (s *Server) ChannelsSetOrderStatus(appid, orderID string, status int) bool {
	o := s.chOrders(appid)
	o.mu.Lock()
	defer o.mu.Unlock()
	x, e := o.find(orderID)
	if e != nil {
		return false
	}
	x.Status, x.Updated = status, s.Now().Unix()
	return true
}

// view renders an order as order/get answers it.
func (x *chOrder) view() M {
	return M{
		"order_id": x.ID, "status": x.Status, "create_time": x.Created, "update_time": x.Updated,
		"openid": x.OpenID,
		"order_detail": M{
			"product_infos": []M{{"product_id": x.ProductID, "sku_id": x.SKUID, "sku_cnt": x.Count, "title": x.Title,
				"thumb_img": x.Thumb, "sale_price": x.UnitPrice, "market_price": x.UnitPrice, "sku_attrs": []M{},
				"on_aftersale_sku_cnt": x.OnAftersale, "finish_aftersale_sku_cnt": x.DoneAftersale}},
			"price_info": M{"product_price": x.UnitPrice * int64(x.Count), "order_price": x.TotalPrice + x.Freight,
				"freight": x.Freight, "discounted_price": x.UnitPrice*int64(x.Count) - x.TotalPrice},
			"pay_info":      M{"prepay_id": "wx" + x.ID, "transaction_id": "42000" + x.ID},
			"delivery_info": M{"address_info": x.Address, "deliver_method": 0},
			"ext_info":      M{"customer_notes": "", "merchant_notes": x.MerchantNotes},
		},
	}
}

type chTimeRange struct {
	StartTime json.Number `json:"start_time"`
	EndTime   json.Number `json:"end_time"`
}

// bounds checks a time range: start and end integers, end after start by
// at most 7 days.
func (r *chTimeRange) bounds(name string) (int64, int64, *Error) {
	start, err1 := r.StartTime.Int64()
	end, err2 := r.EndTime.Int64()
	if err1 != nil || err2 != nil || end < start || end-start > int64(7*24*time.Hour/time.Second) {
		return 0, 0, Errorf(CodeInvalidArgs, "invalid args: %s", name)
	}
	return start, end, nil
}

func registerChannelsOrders(s *Server) {
	type orderIn struct {
		OrderID          json.RawMessage `json:"order_id"`
		MerchantNotes    *string         `json:"merchant_notes"`
		UserAddress      M               `json:"user_address"`
		ChangeExpress    *bool           `json:"change_express"`
		ExpressFee       int64           `json:"express_fee"`
		ChangeOrderInfos []struct {
			ProductID   json.RawMessage `json:"product_id"`
			SKUID       json.RawMessage `json:"sku_id"`
			ChangePrice *int64          `json:"change_price"`
		} `json:"change_order_infos"`
	}
	withOrder := func(pattern string, fn func(r *Request, x *chOrder, in *orderIn) (any, error)) {
		s.HandleJSON(pattern, func(r *Request) (any, error) {
			if _, err := r.JSON(); err != nil {
				return nil, err
			}
			var in orderIn
			if json.Unmarshal(r.Body, &in) != nil {
				return nil, ErrCode(CodeDataFormat)
			}
			id := rawID(in.OrderID)
			if id == "" {
				return nil, Errorf(CodeInvalidArgs, "invalid args: order_id")
			}
			o := s.chOrders(r.AppID)
			o.mu.Lock()
			defer o.mu.Unlock()
			x, e := o.find(id)
			if e != nil {
				return nil, e
			}
			return fn(r, x, &in)
		})
	}
	withOrder("POST /channels/ec/order/get", func(_ *Request, x *chOrder, _ *orderIn) (any, error) {
		return OK(M{"order": x.view()}), nil
	})
	withOrder("POST /channels/ec/order/merchantnotes/update", func(r *Request, x *chOrder, in *orderIn) (any, error) {
		if in.MerchantNotes == nil {
			return nil, Errorf(CodeInvalidArgs, "invalid args: merchant_notes")
		}
		x.MerchantNotes, x.Updated = *in.MerchantNotes, r.Now().Unix()
		return nil, nil
	})
	withOrder("POST /channels/ec/order/address/update", func(r *Request, x *chOrder, in *orderIn) (any, error) {
		if len(in.UserAddress) == 0 {
			return nil, Errorf(CodeInvalidArgs, "invalid args: user_address")
		}
		for _, k := range []string{"user_name", "province_name", "city_name", "detail_info", "tel_number"} {
			if v, _ := in.UserAddress[k].(string); strings.TrimSpace(v) == "" {
				return nil, Errorf(CodeInvalidArgs, "invalid args: user_address.%s", k)
			}
		}
		switch {
		case x.Status != 10 && x.Status != 20:
			return nil, Errorf(CodeInvalidArgs, "invalid args: order already shipped or closed")
		case x.AddressChanges >= 5:
			return nil, Errorf(CodeInvalidArgs, "invalid args: address changed 5 times already")
		}
		x.Address, x.AddressChanges, x.Updated = in.UserAddress, x.AddressChanges+1, r.Now().Unix()
		return nil, nil
	})
	withOrder("POST /channels/ec/order/price/update", func(r *Request, x *chOrder, in *orderIn) (any, error) {
		if in.ChangeExpress == nil {
			return nil, Errorf(CodeInvalidArgs, "invalid args: change_express")
		}
		switch {
		case x.Status != 10:
			return nil, Errorf(CodeInvalidArgs, "invalid args: order is not unpaid")
		case x.PriceChanges >= 50:
			return nil, Errorf(CodeInvalidArgs, "invalid args: price changed 50 times already")
		}
		total, freight := x.UnitPrice*int64(x.Count), int64(0)
		for _, c := range in.ChangeOrderInfos {
			if rawID(c.ProductID) != x.ProductID || rawID(c.SKUID) != x.SKUID || c.ChangePrice == nil {
				return nil, Errorf(CodeInvalidArgs, "invalid args: change_order_infos")
			}
			if *c.ChangePrice < 0 || *c.ChangePrice > x.UnitPrice*int64(x.Count) {
				return nil, Errorf(CodeInvalidArgs, "invalid args: change_price above the original price")
			}
			total = *c.ChangePrice
		}
		if *in.ChangeExpress {
			if in.ExpressFee != 0 { // the fake's orders have no freight to lower
				return nil, Errorf(CodeInvalidArgs, "invalid args: express_fee above the original freight")
			}
			freight = in.ExpressFee
		}
		x.TotalPrice, x.Freight, x.PriceChanges, x.Updated = total, freight, x.PriceChanges+1, r.Now().Unix()
		return nil, nil
	})
	s.HandleJSON("POST /channels/ec/order/list/get", func(r *Request) (any, error) {
		var in struct {
			CreateTimeRange *chTimeRange `json:"create_time_range"`
			UpdateTimeRange *chTimeRange `json:"update_time_range"`
			Status          *int         `json:"status"`
			OpenID          string       `json:"openid"`
			PageSize        *int         `json:"page_size"`
			NextKey         string       `json:"next_key"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		if in.CreateTimeRange == nil && in.UpdateTimeRange == nil {
			return nil, Errorf(CodeInvalidArgs, "invalid args: create_time_range or update_time_range")
		}
		type bound struct{ lo, hi int64 }
		var cr, ur *bound
		if in.CreateTimeRange != nil {
			lo, hi, e := in.CreateTimeRange.bounds("create_time_range")
			if e != nil {
				return nil, e
			}
			cr = &bound{lo, hi}
		}
		if in.UpdateTimeRange != nil {
			lo, hi, e := in.UpdateTimeRange.bounds("update_time_range")
			if e != nil {
				return nil, e
			}
			ur = &bound{lo, hi}
		}
		size := 10
		if in.PageSize != nil {
			size = *in.PageSize
		}
		if size < 1 || size > 100 {
			return nil, Errorf(CodeInvalidArgs, "invalid args: page_size")
		}
		o := s.chOrders(r.AppID)
		o.mu.Lock()
		defer o.mu.Unlock()
		var match []string
		for _, x := range o.list {
			if (cr == nil || x.Created >= cr.lo && x.Created <= cr.hi) && (ur == nil || x.Updated >= ur.lo && x.Updated <= ur.hi) &&
				(in.Status == nil || *in.Status == x.Status) && (in.OpenID == "" || in.OpenID == x.OpenID) {
				match = append(match, x.ID)
			}
		}
		start, end, next, ok := chPage("chok", in.NextKey, len(match), size)
		if !ok {
			return nil, Errorf(CodeInvalidArgs, "invalid args: next_key")
		}
		out := M{"order_id_list": append([]string{}, match[start:end]...)}
		if next != "" {
			out["next_key"] = next
		}
		return OK(out), nil
	})
	s.HandleJSON("POST /channels/ec/order/deliverycompanylist/get", func(*Request) (any, error) {
		return OK(M{"company_list": ChannelsDeliveryCompanies}), nil
	})
}

// ChannelsDeliveryCompanies is what deliverycompanylist/get answers: the
// docs' example.
var ChannelsDeliveryCompanies = []M{
	{"delivery_id": "SF", "delivery_name": "顺丰速运"},
	{"delivery_id": "YTO", "delivery_name": "圆通快速"},
	{"delivery_id": "ZTO", "delivery_name": "中通快速"},
}
