package channels

import (
	"context"
	"iter"
	"net/http"
	"time"

	wechat "github.com/weixin-go/wechat"
)

var (
	orderList          = wechat.Endpoint{Method: http.MethodPost, Path: "/channels/ec/order/list/get"}
	orderGet           = wechat.Endpoint{Method: http.MethodPost, Path: "/channels/ec/order/get"}
	orderPriceUpdate   = wechat.Endpoint{Method: http.MethodPost, Path: "/channels/ec/order/price/update"}
	orderNotesUpdate   = wechat.Endpoint{Method: http.MethodPost, Path: "/channels/ec/order/merchantnotes/update"}
	orderAddressUpdate = wechat.Endpoint{Method: http.MethodPost, Path: "/channels/ec/order/address/update"}
	deliveryCompanies  = wechat.Endpoint{Method: http.MethodPost, Path: "/channels/ec/order/deliverycompanylist/get"}
)

// Limits of the order APIs.
const (
	// MaxOrderPage is the largest page of OrderService.List.
	MaxOrderPage = 100
	// MaxOrderTimeRange is the longest creation or update time range of
	// OrderService.List.
	MaxOrderTimeRange = 7 * 24 * time.Hour
)

// Order statuses (Order.Status and OrderListOptions.Status).
const (
	OrderUnpaid             = 10  // 待付款
	OrderToShip             = 20  // 待发货
	OrderPartlyShipped      = 21  // 部分发货
	OrderShipped            = 30  // 待收货
	OrderCompleted          = 100 // 完成
	OrderCancelledAfterSale = 200 // every product refunded after sale, then cancelled
	OrderCancelled          = 250 // cancelled unpaid, by the buyer or on timeout
)

// TimeRange is a time range in Unix seconds, at most MaxOrderTimeRange long.
type TimeRange struct {
	StartTime int64 `json:"start_time"`
	EndTime   int64 `json:"end_time"`
}

// check reports a range that ends before it starts or lasts over max.
func (r *TimeRange) check(arg string, max time.Duration) error {
	if r == nil {
		return nil
	}
	if r.EndTime < r.StartTime || time.Duration(r.EndTime-r.StartTime)*time.Second > max {
		return invalidArg(arg, "end_time must be 0 to "+max.String()+" after start_time")
	}
	return nil
}

// OrderListOptions selects the orders of List and ListPage: at least one
// of the time ranges is required.
type OrderListOptions struct {
	CreateTimeRange *TimeRange
	UpdateTimeRange *TimeRange
	// Status selects one status (OrderToShip...); nil lists every status.
	Status *int
	// OpenID selects the orders of one buyer.
	OpenID string
	// PageSize is 1 to 100; 0 means 10.
	PageSize int
}

// OrderPage is one page of order ids.
type OrderPage struct {
	OrderIDs []wechat.FlexID `json:"order_id_list"`
	// NextKey asks for the next page.
	NextKey string `json:"next_key"`
}

// ListPage returns one page of order ids: nextKey is "" for the first
// page, then the NextKey of the previous page, with the same options.
// https://developers.weixin.qq.com/doc/store/shop/API/channels-shop-order/api_getorderlist.html
func (s *OrderService) ListPage(ctx context.Context, opts OrderListOptions, nextKey string) (*OrderPage, error) {
	if opts.CreateTimeRange == nil && opts.UpdateTimeRange == nil {
		return nil, invalidArg("create_time_range", "a creation or an update time range is required")
	}
	if err := opts.CreateTimeRange.check("create_time_range", MaxOrderTimeRange); err != nil {
		return nil, err
	}
	if err := opts.UpdateTimeRange.check("update_time_range", MaxOrderTimeRange); err != nil {
		return nil, err
	}
	if opts.PageSize == 0 {
		opts.PageSize = 10
	}
	if opts.PageSize < 1 || opts.PageSize > MaxOrderPage {
		return nil, invalidArg("page_size", "must be 1 to 100")
	}
	body := struct {
		CreateTimeRange *TimeRange `json:"create_time_range,omitempty"`
		UpdateTimeRange *TimeRange `json:"update_time_range,omitempty"`
		Status          *int       `json:"status,omitempty"`
		OpenID          string     `json:"openid,omitempty"`
		PageSize        int        `json:"page_size"`
		NextKey         string     `json:"next_key"`
	}{opts.CreateTimeRange, opts.UpdateTimeRange, opts.Status, opts.OpenID, opts.PageSize, nextKey}
	return call[OrderPage](ctx, s.c, orderList, nil, body)
}

// List iterates over the ids of the orders of opts, page by page.
// https://developers.weixin.qq.com/doc/store/shop/API/channels-shop-order/api_getorderlist.html
func (s *OrderService) List(ctx context.Context, opts OrderListOptions) iter.Seq2[wechat.FlexID, error] {
	return wechat.CursorPages(ctx, "", func(ctx context.Context, key string) ([]wechat.FlexID, string, error) {
		p, err := s.ListPage(ctx, opts, key)
		if err != nil {
			return nil, "", err
		}
		return p.OrderIDs, p.NextKey, nil
	})
}

// Order is an order as Get answers it (the fields the SDK reads; the
// answer holds more).
type Order struct {
	OrderID wechat.FlexID `json:"order_id"`
	// CreateTime and UpdateTime are Unix seconds.
	CreateTime int64 `json:"create_time"`
	UpdateTime int64 `json:"update_time"`
	// Status is OrderUnpaid, OrderToShip...
	Status int `json:"status"`
	// OpenID is the buyer (or, for a gift, its receiver); UnionID is set
	// when the shop is bound to an open platform account.
	OpenID      string      `json:"openid"`
	UnionID     string      `json:"unionid"`
	OrderDetail OrderDetail `json:"order_detail"`
}

// OrderDetail is the detail of an order.
type OrderDetail struct {
	ProductInfos []OrderProduct `json:"product_infos"`
	PriceInfo    OrderPrice     `json:"price_info"`
	PayInfo      OrderPay       `json:"pay_info"`
	DeliveryInfo OrderDelivery  `json:"delivery_info"`
	ExtInfo      OrderExt       `json:"ext_info"`
}

// OrderProduct is a SKU bought in an order.
type OrderProduct struct {
	ProductID wechat.FlexID `json:"product_id"`
	SKUID     wechat.FlexID `json:"sku_id"`
	SKUCnt    int           `json:"sku_cnt"`
	Title     string        `json:"title"`
	ThumbImg  string        `json:"thumb_img"`
	// SalePrice and MarketPrice are unit prices in fen.
	SalePrice             int           `json:"sale_price"`
	MarketPrice           int           `json:"market_price"`
	SKUAttrs              []ProductAttr `json:"sku_attrs"`
	OnAftersaleSKUCnt     int           `json:"on_aftersale_sku_cnt"`
	FinishAftersaleSKUCnt int           `json:"finish_aftersale_sku_cnt"`
}

// OrderPrice holds the amounts of an order, in fen.
type OrderPrice struct {
	ProductPrice    int `json:"product_price"`
	OrderPrice      int `json:"order_price"`
	Freight         int `json:"freight"`
	DiscountedPrice int `json:"discounted_price"`
}

// OrderPay is the payment of an order.
type OrderPay struct {
	PrepayID      string `json:"prepay_id"`
	TransactionID string `json:"transaction_id"`
}

// OrderDelivery is the delivery of an order.
type OrderDelivery struct {
	AddressInfo *Address `json:"address_info"`
	// DeliverMethod is DeliverExpress or a method without courier.
	DeliverMethod int `json:"deliver_method"`
}

// OrderExt holds the notes of an order.
type OrderExt struct {
	CustomerNotes string `json:"customer_notes"`
	MerchantNotes string `json:"merchant_notes"`
}

// Address is a delivery address. UpdateAddress needs UserName,
// ProvinceName, CityName, DetailInfo and TelNumber for an order delivered
// by courier, VirtualOrderTelNumber for a virtual product.
type Address struct {
	UserName              string `json:"user_name,omitempty"`
	PostalCode            string `json:"postal_code,omitempty"`
	ProvinceName          string `json:"province_name,omitempty"`
	CityName              string `json:"city_name,omitempty"`
	CountyName            string `json:"county_name,omitempty"`
	DetailInfo            string `json:"detail_info,omitempty"`
	NationalCode          string `json:"national_code,omitempty"`
	TelNumber             string `json:"tel_number,omitempty"`
	HouseNumber           string `json:"house_number,omitempty"`
	VirtualOrderTelNumber string `json:"virtual_order_tel_number,omitempty"`
}

// Get returns an order.
// https://developers.weixin.qq.com/doc/store/shop/API/channels-shop-order/api_getorder.html
func (s *OrderService) Get(ctx context.Context, orderID string) (*Order, error) {
	body, err := byID("order_id", orderID)
	if err != nil {
		return nil, err
	}
	out, err := call[struct {
		Order Order `json:"order"`
	}](ctx, s.c, orderGet, nil, body)
	if err != nil {
		return nil, err
	}
	return &out.Order, nil
}

// PriceChange is the new total price of one SKU of an order.
type PriceChange struct {
	ProductID wechat.FlexID
	SKUID     wechat.FlexID
	// ChangePrice is the SKU's new total in the order, in fen: lower, never
	// higher, than before.
	ChangePrice int
}

// PriceUpdate lowers the price of an unpaid order (at most 50 times; each
// change replaces the previous ones). SKUs left out keep their price.
type PriceUpdate struct {
	OrderID string
	Changes []PriceChange
	// ChangeExpress sets the freight to ExpressFee (fen).
	ChangeExpress bool
	ExpressFee    int
}

// UpdatePrice lowers the price of an unpaid order.
// https://developers.weixin.qq.com/doc/store/API/order/price_update.html
func (s *OrderService) UpdatePrice(ctx context.Context, u *PriceUpdate) error {
	if u == nil {
		return invalidArg("order_id", "no price update")
	}
	if err := required("order_id", u.OrderID); err != nil {
		return err
	}
	if len(u.Changes) == 0 && !u.ChangeExpress {
		return invalidArg("change_order_infos", "nothing to change")
	}
	if u.ExpressFee < 0 {
		return invalidArg("express_fee", "below 0")
	}
	type info struct {
		ProductID   any `json:"product_id"`
		SKUID       any `json:"sku_id"`
		ChangePrice int `json:"change_price"`
	}
	infos := make([]info, len(u.Changes))
	for i, c := range u.Changes {
		p, k := c.ProductID.Number(), c.SKUID.Number()
		if p == "" || k == "" {
			return invalidArg("change_order_infos", "product_id and sku_id must be integers")
		}
		if c.ChangePrice < 0 {
			return invalidArg("change_order_infos", "change_price below 0")
		}
		infos[i] = info{p, k, c.ChangePrice}
	}
	body := struct {
		OrderID          string `json:"order_id"`
		ChangeOrderInfos []info `json:"change_order_infos"`
		ChangeExpress    bool   `json:"change_express"`
		ExpressFee       *int   `json:"express_fee,omitempty"`
	}{u.OrderID, infos, u.ChangeExpress, nil}
	if u.ChangeExpress {
		body.ExpressFee = &u.ExpressFee
	}
	return s.c.Do(ctx, orderPriceUpdate, nil, body, nil)
}

// UpdateMerchantNotes replaces the merchant's notes of an order.
// https://developers.weixin.qq.com/doc/store/API/order/merchantnotes_update.html
func (s *OrderService) UpdateMerchantNotes(ctx context.Context, orderID, notes string) error {
	if err := required("order_id", orderID); err != nil {
		return err
	}
	body := struct {
		OrderID       string `json:"order_id"`
		MerchantNotes string `json:"merchant_notes"`
	}{orderID, notes}
	return s.c.Do(ctx, orderNotesUpdate, nil, body, nil)
}

// UpdateAddress changes the address of an order not shipped yet (at most
// 5 times); the buyer is asked to agree.
// https://developers.weixin.qq.com/doc/store/shop/API/channels-shop-order/api_changeorderaddress.html
func (s *OrderService) UpdateAddress(ctx context.Context, orderID string, addr *Address) error {
	if err := required("order_id", orderID); err != nil {
		return err
	}
	if addr == nil || *addr == (Address{}) {
		return invalidArg("user_address", "empty")
	}
	body := struct {
		OrderID     string   `json:"order_id"`
		UserAddress *Address `json:"user_address"`
	}{orderID, addr}
	return s.c.Do(ctx, orderAddressUpdate, nil, body, nil)
}

// DeliveryCompany is a courier company; DeliveryID is what delivery APIs take.
type DeliveryCompany struct {
	DeliveryID   string `json:"delivery_id"`
	DeliveryName string `json:"delivery_name"`
}

// DeliveryCompanies returns the courier companies (the older list; a newer
// endpoint also exists).
// https://developers.weixin.qq.com/doc/store/API/order/deliverycompanylist_get.html
func (s *OrderService) DeliveryCompanies(ctx context.Context) ([]DeliveryCompany, error) {
	out, err := call[struct {
		CompanyList []DeliveryCompany `json:"company_list"`
	}](ctx, s.c, deliveryCompanies, nil, struct{}{})
	if err != nil {
		return nil, err
	}
	return out.CompanyList, nil
}
