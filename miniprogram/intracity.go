package miniprogram

import (
	"context"
	"net/http"

	wechat "github.com/weixin-go/wechat"
)

var (
	icApply       = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/express/intracity/apply"}
	icCreateStore = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/express/intracity/createstore"}
	icQueryStore  = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/express/intracity/querystore"}
	icUpdateStore = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/express/intracity/updatestore"}
	icStoreCharge = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/express/intracity/storecharge"}
	icStoreRefund = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/express/intracity/storerefund"}
	icQueryFlow   = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/express/intracity/queryflow"}
	icBalance     = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/express/intracity/balancequery"}
	icPreAdd      = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/express/intracity/preaddorder"}
	icAdd         = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/express/intracity/addorder"}
	icQueryOrder  = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/express/intracity/queryorder"}
	icCancelOrder = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/express/intracity/cancelorder"}
	icGetPayMode  = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/express/intracity/getpaymode"}
	icSetPayMode  = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/express/intracity/setpaymode"}
	icGetCity     = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/express/intracity/getcity"}
)

// Apply opens intra-city delivery for the mini program (开通即时配送).
// https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/industry/express/business/intracity_service.html
func (s *IntracityService) Apply(ctx context.Context) error {
	return s.c.Do(ctx, icApply, nil, struct{}{}, nil)
}

// IntracityAddress is the address of a store.
type IntracityAddress struct {
	Province string  `json:"province"`
	City     string  `json:"city"`
	Area     string  `json:"area"`
	Street   string  `json:"street"`
	House    string  `json:"house"`
	Lat      float64 `json:"lat"`
	Lng      float64 `json:"lng"`
	Phone    string  `json:"phone"`
	Name     string  `json:"name,omitempty"`
}

// IntracityStore is a store that ships orders.
type IntracityStore struct {
	WxStoreID          string           `json:"wx_store_id,omitempty"`
	OutStoreID         string           `json:"out_store_id"`
	CityID             string           `json:"city_id,omitempty"`
	StoreName          string           `json:"store_name"`
	OrderPattern       int              `json:"order_pattern"`                  // 1 by price, 2 by service (service_trans_prefer)
	ServiceTransPrefer string           `json:"service_trans_prefer,omitempty"` // such as "SFTC"
	AddressInfo        IntracityAddress `json:"address_info"`
}

// CreateStore creates a store (创建门店) and returns its wx_store_id.
// https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/industry/express/business/intracity_service.html
func (s *IntracityService) CreateStore(ctx context.Context, st *IntracityStore) (string, error) {
	if st == nil {
		return "", invalidArg("out_store_id", "no store")
	}
	if err := required("out_store_id", st.OutStoreID, "store_name", st.StoreName, "address_info.city", st.AddressInfo.City, "address_info.phone", st.AddressInfo.Phone); err != nil {
		return "", err
	}
	if st.OrderPattern != 1 && st.OrderPattern != 2 {
		return "", invalidArg("order_pattern", "must be 1 or 2")
	}
	out, err := call[struct {
		WxStoreID string `json:"wx_store_id"`
	}](ctx, s.c, icCreateStore, nil, st)
	if err != nil {
		return "", err
	}
	return out.WxStoreID, nil
}

// StoreKey names a store by WeChat's or the merchant's id.
type StoreKey struct {
	WxStoreID  string `json:"wx_store_id,omitempty"`
	OutStoreID string `json:"out_store_id,omitempty"`
}

func (k StoreKey) check() error {
	if k.WxStoreID == "" && k.OutStoreID == "" {
		return invalidArg("wx_store_id", "empty, and no out_store_id")
	}
	return nil
}

// QueryStores returns stores; an empty key lists them all (查询门店).
// https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/industry/express/business/intracity_service.html
func (s *IntracityService) QueryStores(ctx context.Context, key StoreKey) ([]IntracityStore, error) {
	out, err := call[struct {
		StoreList []IntracityStore `json:"store_list"`
	}](ctx, s.c, icQueryStore, nil, key)
	if err != nil {
		return nil, err
	}
	return out.StoreList, nil
}

// UpdateStore changes a store's name, pattern or address (更新门店).
// https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/industry/express/business/intracity_service.html
func (s *IntracityService) UpdateStore(ctx context.Context, key StoreKey, content *IntracityStore) error {
	if err := key.check(); err != nil {
		return err
	}
	if content == nil {
		return invalidArg("content", "nothing to change")
	}
	body := struct {
		Keys    StoreKey        `json:"keys"`
		Content *IntracityStore `json:"content"`
	}{key, content}
	return s.c.Do(ctx, icUpdateStore, nil, body, nil)
}

// StoreCharge tops up a store's balance with a courier (门店充值): amount
// in fen; payMode PAY_MODE_STORE or PAY_MODE_APP. It returns the pay URL.
// https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/industry/express/business/intracity_service.html
func (s *IntracityService) StoreCharge(ctx context.Context, wxStoreID, serviceTransID string, amount int64, payMode string) (string, error) {
	if err := required("wx_store_id", wxStoreID, "service_trans_id", serviceTransID); err != nil {
		return "", err
	}
	if amount <= 0 {
		return "", invalidArg("amount", "must be positive")
	}
	body := struct {
		WxStoreID      string `json:"wx_store_id"`
		ServiceTransID string `json:"service_trans_id"`
		Amount         int64  `json:"amount"`
		PayMode        string `json:"pay_mode,omitempty"`
	}{wxStoreID, serviceTransID, amount, payMode}
	out, err := call[struct {
		PayURL string `json:"payurl"`
	}](ctx, s.c, icStoreCharge, nil, body)
	if err != nil {
		return "", err
	}
	return out.PayURL, nil
}

// StoreRefund refunds a store's balance with a courier (门店退款) and
// returns the amount refunded in fen.
// https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/industry/express/business/intracity_service.html
func (s *IntracityService) StoreRefund(ctx context.Context, wxStoreID, serviceTransID string) (int64, error) {
	if err := required("wx_store_id", wxStoreID, "service_trans_id", serviceTransID); err != nil {
		return 0, err
	}
	out, err := call[struct {
		RefundAmount int64 `json:"refund_amount"`
	}](ctx, s.c, icStoreRefund, nil, map[string]string{"wx_store_id": wxStoreID, "service_trans_id": serviceTransID})
	if err != nil {
		return 0, err
	}
	return out.RefundAmount, nil
}

// IntracityFlow is one movement of a store's balance.
type IntracityFlow struct {
	FlowType       int    `json:"flow_type"` // 1 charge, 2 pay, 3 refund
	AppID          string `json:"appid"`
	WxStoreID      string `json:"wx_store_id"`
	PayOrderID     int64  `json:"pay_order_id"`
	WxOrderID      string `json:"wx_order_id"`
	ServiceTransID string `json:"service_trans_id"`
	OpenID         string `json:"openid"`
	DeliveryStatus int    `json:"delivery_status"`
	PayAmount      int64  `json:"pay_amount"`
	PayTime        int64  `json:"pay_time"`
	CreateTime     int64  `json:"create_time"`
}

// QueryFlow returns the balance movements of a store between two Unix
// times (查询流水).
// https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/industry/express/business/intracity_service.html
func (s *IntracityService) QueryFlow(ctx context.Context, wxStoreID string, flowType int, serviceTransID string, begin, end int64) ([]IntracityFlow, error) {
	if err := required("wx_store_id", wxStoreID); err != nil {
		return nil, err
	}
	if flowType < 1 || flowType > 3 {
		return nil, invalidArg("flow_type", "must be 1-3")
	}
	if begin <= 0 || end < begin {
		return nil, invalidArg("end_time", "must not precede begin_time")
	}
	body := struct {
		WxStoreID      string `json:"wx_store_id"`
		FlowType       int    `json:"flow_type"`
		ServiceTransID string `json:"service_trans_id,omitempty"`
		BeginTime      int64  `json:"begin_time"`
		EndTime        int64  `json:"end_time"`
	}{wxStoreID, flowType, serviceTransID, begin, end}
	out, err := call[struct {
		FlowList []IntracityFlow `json:"flow_list"`
	}](ctx, s.c, icQueryFlow, nil, body)
	if err != nil {
		return nil, err
	}
	return out.FlowList, nil
}

// IntracityBalance is a store's balance per courier.
type IntracityBalance struct {
	AllBalance    int64 `json:"all_balance"`
	BalanceDetail []struct {
		ServiceTransID string `json:"service_trans_id"`
		Balance        int64  `json:"balance"`
	} `json:"balance_detail"`
}

// Balance returns a store's balance (门店余额查询).
// https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/industry/express/business/intracity_service.html
func (s *IntracityService) Balance(ctx context.Context, wxStoreID, serviceTransID, payMode string) (*IntracityBalance, error) {
	if err := required("wx_store_id", wxStoreID); err != nil {
		return nil, err
	}
	body := struct {
		WxStoreID      string `json:"wx_store_id"`
		ServiceTransID string `json:"service_trans_id,omitempty"`
		PayMode        string `json:"pay_mode,omitempty"`
	}{wxStoreID, serviceTransID, payMode}
	return call[IntracityBalance](ctx, s.c, icBalance, nil, body)
}

// IntracityCargo is the goods of a delivery.
type IntracityCargo struct {
	CargoName   string `json:"cargo_name"`
	CargoType   int    `json:"cargo_type"`
	CargoNum    int    `json:"cargo_num"`
	CargoPrice  int64  `json:"cargo_price"`  // fen
	CargoWeight int64  `json:"cargo_weight"` // g
	ItemList    []struct {
		ItemName   string `json:"item_name"`
		ItemPicURL string `json:"item_pic_url"`
		Count      int    `json:"count"`
	} `json:"item_list,omitempty"`
}

// IntracityOrder is the body of PreAddOrder and AddOrder.
type IntracityOrder struct {
	WxStoreID       string         `json:"wx_store_id"`
	StoreOrderID    string         `json:"store_order_id,omitempty"` // AddOrder
	UserOpenID      string         `json:"user_openid,omitempty"`
	UserName        string         `json:"user_name"`
	UserPhone       string         `json:"user_phone"`
	UserLat         float64        `json:"user_lat"`
	UserLng         float64        `json:"user_lng"`
	UserAddress     string         `json:"user_address"`
	ServiceTransID  string         `json:"service_trans_id,omitempty"`
	OrderDetailPath string         `json:"order_detail_path,omitempty"`
	CallbackURL     string         `json:"callback_url,omitempty"`
	UseSandbox      int            `json:"use_sandbox,omitempty"`
	Cargo           IntracityCargo `json:"cargo"`
}

func (o *IntracityOrder) check(add bool) error {
	if o == nil {
		return invalidArg("wx_store_id", "no order")
	}
	if err := required("wx_store_id", o.WxStoreID, "user_name", o.UserName, "user_phone", o.UserPhone, "user_address", o.UserAddress, "cargo.cargo_name", o.Cargo.CargoName); err != nil {
		return err
	}
	if add {
		return required("store_order_id", o.StoreOrderID, "user_openid", o.UserOpenID)
	}
	return nil
}

// IntracityQuote is a courier's quote or the created delivery.
type IntracityQuote struct {
	WxOrderID      string `json:"wx_order_id"`
	ServiceTransID string `json:"service_trans_id"`
	TransOrderID   string `json:"trans_order_id"`
	Distance       int64  `json:"distance"` // m
	Fee            int64  `json:"fee"`      // fen
	ExpectedTime   int64  `json:"expected_time"`
	FetchCode      string `json:"fetch_code"`
	OrderCode      string `json:"order_code"`
	DeliveryStatus int    `json:"order_status"`
}

// PreAddOrder asks the couriers for a quote (预下单).
// https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/industry/express/business/intracity_service.html
func (s *IntracityService) PreAddOrder(ctx context.Context, o *IntracityOrder) (*IntracityQuote, error) {
	if err := o.check(false); err != nil {
		return nil, err
	}
	return call[IntracityQuote](ctx, s.c, icPreAdd, nil, o)
}

// AddOrder creates a delivery (创建配送单).
// https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/industry/express/business/intracity_service.html
func (s *IntracityService) AddOrder(ctx context.Context, o *IntracityOrder) (*IntracityQuote, error) {
	if err := o.check(true); err != nil {
		return nil, err
	}
	return call[IntracityQuote](ctx, s.c, icAdd, nil, o)
}

// IntracityOrderRef names a delivery by WxOrderID, or by WxStoreID and
// StoreOrderID.
type IntracityOrderRef struct {
	WxOrderID    string `json:"wx_order_id,omitempty"`
	WxStoreID    string `json:"wx_store_id,omitempty"`
	StoreOrderID string `json:"store_order_id,omitempty"`
}

func (r IntracityOrderRef) check() error {
	if r.WxOrderID == "" && (r.WxStoreID == "" || r.StoreOrderID == "") {
		return invalidArg("wx_order_id", "empty, and no wx_store_id with store_order_id")
	}
	return nil
}

// QueryOrder returns a delivery (查询配送单).
// https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/industry/express/business/intracity_service.html
func (s *IntracityService) QueryOrder(ctx context.Context, ref IntracityOrderRef) (*IntracityQuote, error) {
	if err := ref.check(); err != nil {
		return nil, err
	}
	return call[IntracityQuote](ctx, s.c, icQueryOrder, nil, ref)
}

// CancelOrder cancels a delivery (取消配送单) and returns the fee deducted.
// https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/industry/express/business/intracity_service.html
func (s *IntracityService) CancelOrder(ctx context.Context, ref IntracityOrderRef, reasonID int, reason string) (int64, error) {
	if err := ref.check(); err != nil {
		return 0, err
	}
	body := struct {
		IntracityOrderRef
		CancelReasonID int    `json:"cancel_reason_id"`
		CancelReason   string `json:"cancel_reason,omitempty"`
	}{ref, reasonID, reason}
	out, err := call[struct {
		DeductFee int64 `json:"deduct_fee"`
	}](ctx, s.c, icCancelOrder, nil, body)
	if err != nil {
		return 0, err
	}
	return out.DeductFee, nil
}

// PayMode is how deliveries are paid.
type PayMode struct {
	PayMode  string `json:"pay_mode"` // PAY_MODE_STORE or PAY_MODE_APP
	PayAppID string `json:"pay_appid,omitempty"`
}

// GetPayMode returns how deliveries are paid (查询扣费主体).
// https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/industry/express/business/intracity_service.html
func (s *IntracityService) GetPayMode(ctx context.Context) (*PayMode, error) {
	return call[PayMode](ctx, s.c, icGetPayMode, nil, struct{}{})
}

// SetPayMode sets how deliveries are paid (设置扣费主体).
// https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/industry/express/business/intracity_service.html
func (s *IntracityService) SetPayMode(ctx context.Context, m PayMode) error {
	if m.PayMode != "PAY_MODE_STORE" && m.PayMode != "PAY_MODE_APP" {
		return invalidArg("pay_mode", "must be PAY_MODE_STORE or PAY_MODE_APP")
	}
	return s.c.Do(ctx, icSetPayMode, nil, m, nil)
}

// IntracityCities is the cities a courier serves.
type IntracityCities struct {
	ServiceTransID string `json:"service_trans_id"`
	CityList       []struct {
		CityName string `json:"city_name"`
		CityCode string `json:"city_code"`
	} `json:"city_list"`
}

// Cities returns the cities each courier serves, or one courier's
// (查询运力支持城市).
// https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/industry/express/business/intracity_service.html
func (s *IntracityService) Cities(ctx context.Context, serviceTransID string) ([]IntracityCities, error) {
	body := struct {
		ServiceTransID string `json:"service_trans_id,omitempty"`
	}{serviceTransID}
	out, err := call[struct {
		SupportList []IntracityCities `json:"support_list"`
	}](ctx, s.c, icGetCity, nil, body)
	if err != nil {
		return nil, err
	}
	return out.SupportList, nil
}
