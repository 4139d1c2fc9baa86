package miniprogram

import (
	"context"
	"net/http"
	"strings"

	wechat "github.com/weixin-go/wechat"
)

var (
	expDeliveries  = wechat.Endpoint{Method: http.MethodGet, Path: "/cgi-bin/express/business/delivery/getall"}
	expBind        = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/express/business/account/bind"}
	expAccounts    = wechat.Endpoint{Method: http.MethodGet, Path: "/cgi-bin/express/business/account/getall"}
	expAddOrder    = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/express/business/order/add"}
	expBatchGet    = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/express/business/order/batchget"}
	expCancel      = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/express/business/order/cancel"}
	expGetOrder    = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/express/business/order/get"}
	expPath        = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/express/business/path/get"}
	expPrinters    = wechat.Endpoint{Method: http.MethodGet, Path: "/cgi-bin/express/business/printer/getall"}
	expPrinter     = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/express/business/printer/update"}
	expQuota       = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/express/business/quota/get"}
	expTestUpdate  = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/express/business/test_update_order"}
	expReturnAdd   = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/express/delivery/return/add"}
	expReturnGet   = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/express/delivery/return/get"}
	expReturnUnbnd = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/express/delivery/return/unbind"}
)

// Delivery is a courier company (运力).
type Delivery struct {
	DeliveryID   string `json:"delivery_id"`
	DeliveryName string `json:"delivery_name"`
}

// Deliveries lists the courier companies of the logistics assistant
// (获取支持的快递公司列表).
// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/express/express-by-business/getAllDelivery.html
func (s *ExpressService) Deliveries(ctx context.Context) ([]Delivery, error) {
	out, err := call[struct {
		Data []Delivery `json:"data"`
	}](ctx, s.c, expDeliveries, nil, nil)
	if err != nil {
		return nil, err
	}
	return out.Data, nil
}

// ExpressAccount is a bound courier account.
type ExpressAccount struct {
	BizID           string `json:"biz_id"`
	DeliveryID      string `json:"delivery_id"`
	CreateTime      int64  `json:"create_time"`
	UpdateTime      int64  `json:"update_time"`
	StatusCode      int    `json:"status_code"` // 0 bound
	Alias           string `json:"alias"`
	RemarkWrongMsg  string `json:"remark_wrong_msg"`
	RemarkContent   string `json:"remark_content"`
	QuotaNum        int64  `json:"quota_num"`
	QuotaUpdateTime int64  `json:"quota_update_time"`
	ServiceType     []struct {
		ServiceType int    `json:"service_type"`
		ServiceName string `json:"service_name"`
	} `json:"service_type"`
}

// BindAccount binds (bind true) or unbinds a courier account
// (绑定、解绑物流账号); password is the account's, as the courier gave it.
// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/express/express-by-business/bindAccount.html
func (s *ExpressService) BindAccount(ctx context.Context, bind bool, deliveryID, bizID, password, remark string) error {
	if err := required("delivery_id", deliveryID, "biz_id", bizID); err != nil {
		return err
	}
	typ := "unbind"
	if bind {
		typ = "bind"
	}
	body := struct {
		Type          string `json:"type"`
		BizID         string `json:"biz_id"`
		DeliveryID    string `json:"delivery_id"`
		Password      string `json:"password,omitempty"`
		RemarkContent string `json:"remark_content,omitempty"`
	}{typ, bizID, deliveryID, password, remark}
	return s.c.Do(ctx, expBind, nil, body, nil)
}

// Accounts lists the bound courier accounts (获取所有绑定的物流账号).
// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/express/express-by-business/getAllAccount.html
func (s *ExpressService) Accounts(ctx context.Context) ([]ExpressAccount, error) {
	out, err := call[struct {
		List []ExpressAccount `json:"list"`
	}](ctx, s.c, expAccounts, nil, nil)
	if err != nil {
		return nil, err
	}
	return out.List, nil
}

// ExpressContact is a sender or receiver.
type ExpressContact struct {
	Name     string `json:"name"`
	Tel      string `json:"tel,omitempty"`
	Mobile   string `json:"mobile,omitempty"`
	Company  string `json:"company,omitempty"`
	PostCode string `json:"post_code,omitempty"`
	Country  string `json:"country,omitempty"`
	Province string `json:"province"`
	City     string `json:"city"`
	Area     string `json:"area"`
	Address  string `json:"address"`
}

// ExpressCargo is the parcel.
type ExpressCargo struct {
	Count      int     `json:"count"`
	Weight     float64 `json:"weight"` // kg
	SpaceX     float64 `json:"space_x"`
	SpaceY     float64 `json:"space_y"`
	SpaceZ     float64 `json:"space_z"`
	DetailList []struct {
		Name  string `json:"name"`
		Count int    `json:"count"`
	} `json:"detail_list"`
}

// ExpressShop is the goods shown to the user.
type ExpressShop struct {
	WxaPath    string `json:"wxa_path"`
	ImgURL     string `json:"img_url"`
	GoodsName  string `json:"goods_name"`
	GoodsCount int    `json:"goods_count"`
}

// ExpressOrder is the body of AddOrder.
type ExpressOrder struct {
	AddSource    int            `json:"add_source"` // 0 mini program order, 2 app or H5 (WxAppID then)
	WxAppID      string         `json:"wx_appid,omitempty"`
	OrderID      string         `json:"order_id"`
	OpenID       string         `json:"openid,omitempty"`
	DeliveryID   string         `json:"delivery_id"`
	BizID        string         `json:"biz_id"`
	CustomRemark string         `json:"custom_remark,omitempty"`
	TagID        int64          `json:"tagid,omitempty"`
	Sender       ExpressContact `json:"sender"`
	Receiver     ExpressContact `json:"receiver"`
	Cargo        ExpressCargo   `json:"cargo"`
	Shop         ExpressShop    `json:"shop"`
	Insured      struct {
		UseInsured   int   `json:"use_insured"`
		InsuredValue int64 `json:"insured_value"` // fen
	} `json:"insured"`
	Service struct {
		ServiceType int    `json:"service_type"`
		ServiceName string `json:"service_name"`
	} `json:"service"`
	ExpectTime int64 `json:"expect_time,omitempty"`
}

// WaybillData is one key/value of a waybill.
type WaybillData struct {
	Key   string `json:"key"`
	Value string `json:"value"`
}

// ExpressOrderResult is the answer of AddOrder.
type ExpressOrderResult struct {
	OrderID            string        `json:"order_id"`
	WaybillID          string        `json:"waybill_id"`
	WaybillData        []WaybillData `json:"waybill_data"`
	DeliveryResultCode int           `json:"delivery_resultcode"`
	DeliveryResultMsg  string        `json:"delivery_resultmsg"`
}

// AddOrder creates a waybill (生成运单).
// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/express/express-by-business/addOrder.html
func (s *ExpressService) AddOrder(ctx context.Context, o *ExpressOrder) (*ExpressOrderResult, error) {
	if o == nil {
		return nil, invalidArg("order_id", "no order")
	}
	if err := required("order_id", o.OrderID, "delivery_id", o.DeliveryID, "biz_id", o.BizID,
		"sender.name", o.Sender.Name, "receiver.name", o.Receiver.Name, "shop.goods_name", o.Shop.GoodsName); err != nil {
		return nil, err
	}
	if o.AddSource == 0 && o.OpenID == "" {
		return nil, invalidArg("openid", "required when add_source is 0")
	}
	if o.AddSource == 2 && o.WxAppID == "" {
		return nil, invalidArg("wx_appid", "required when add_source is 2")
	}
	if o.Cargo.Count < 1 || o.Cargo.Weight <= 0 {
		return nil, invalidArg("cargo", "count and weight must be positive")
	}
	return call[ExpressOrderResult](ctx, s.c, expAddOrder, nil, o)
}

// WaybillRef names a waybill.
type WaybillRef struct {
	OrderID    string `json:"order_id"`
	OpenID     string `json:"openid,omitempty"`
	DeliveryID string `json:"delivery_id"`
	WaybillID  string `json:"waybill_id"`
}

func (r WaybillRef) check() error {
	return required("order_id", r.OrderID, "delivery_id", r.DeliveryID, "waybill_id", r.WaybillID)
}

// ExpressWaybill is a waybill as read back.
type ExpressWaybill struct {
	ErrCode     int           `json:"errcode"` // per order in BatchGetOrders
	ErrMsg      string        `json:"errmsg"`
	OrderID     string        `json:"order_id"`
	DeliveryID  string        `json:"delivery_id"`
	WaybillID   string        `json:"waybill_id"`
	PrintHTML   string        `json:"print_html"` // base64 HTML
	WaybillData []WaybillData `json:"waybill_data"`
	OrderStatus int           `json:"order_status"`
}

// GetOrder returns a waybill (获取运单数据).
// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/express/express-by-business/getOrder.html
func (s *ExpressService) GetOrder(ctx context.Context, ref WaybillRef) (*ExpressWaybill, error) {
	if err := ref.check(); err != nil {
		return nil, err
	}
	return call[ExpressWaybill](ctx, s.c, expGetOrder, nil, ref)
}

// BatchGetOrders returns up to 100 waybills (批量获取运单数据); each has its
// own ErrCode.
// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/express/express-by-business/batchGetOrder.html
func (s *ExpressService) BatchGetOrders(ctx context.Context, refs []WaybillRef) ([]ExpressWaybill, error) {
	if len(refs) == 0 || len(refs) > 100 {
		return nil, invalidArg("order_list", "1 to 100 orders")
	}
	for _, r := range refs {
		if err := r.check(); err != nil {
			return nil, err
		}
	}
	out, err := call[struct {
		OrderList []ExpressWaybill `json:"order_list"`
	}](ctx, s.c, expBatchGet, nil, map[string][]WaybillRef{"order_list": refs})
	if err != nil {
		return nil, err
	}
	return out.OrderList, nil
}

// CancelOrder cancels a waybill (取消运单).
// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/express/express-by-business/cancelOrder.html
func (s *ExpressService) CancelOrder(ctx context.Context, ref WaybillRef) error {
	if err := ref.check(); err != nil {
		return err
	}
	return s.c.Do(ctx, expCancel, nil, ref, nil)
}

// PathItem is one step of a waybill's route.
type PathItem struct {
	ActionTime int64  `json:"action_time"`
	ActionType int    `json:"action_type"` // 100001 picked up, 200001 in transit, 300002 delivering, 300003 signed...
	ActionMsg  string `json:"action_msg"`
}

// Path returns a waybill's route (查询运单轨迹).
// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/express/express-by-business/getPath.html
func (s *ExpressService) Path(ctx context.Context, ref WaybillRef) ([]PathItem, error) {
	if err := ref.check(); err != nil {
		return nil, err
	}
	out, err := call[struct {
		PathItemList []PathItem `json:"path_item_list"`
	}](ctx, s.c, expPath, nil, ref)
	if err != nil {
		return nil, err
	}
	return out.PathItemList, nil
}

// Printers returns the openids of the printing staff (获取打印员).
// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/express/express-by-business/getAllPrinter.html
func (s *ExpressService) Printers(ctx context.Context) ([]string, error) {
	out, err := call[struct {
		OpenID []string `json:"openid"`
	}](ctx, s.c, expPrinters, nil, nil)
	if err != nil {
		return nil, err
	}
	return out.OpenID, nil
}

// UpdatePrinter adds (bind true) or removes a printer, with the tag ids it
// may print for (配置面单打印员).
// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/express/express-by-business/updatePrinter.html
func (s *ExpressService) UpdatePrinter(ctx context.Context, openID string, bind bool, tagIDs ...string) error {
	if err := required("openid", openID); err != nil {
		return err
	}
	typ := "unbind"
	if bind {
		typ = "bind"
	}
	body := struct {
		OpenID     string `json:"openid"`
		UpdateType string `json:"update_type"`
		TagIDList  string `json:"tagid_list,omitempty"`
	}{openID, typ, strings.Join(tagIDs, ",")}
	return s.c.Do(ctx, expPrinter, nil, body, nil)
}

// Quota returns the waybills left on a courier account (获取电子面单余额).
// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/express/express-by-business/getQuota.html
func (s *ExpressService) Quota(ctx context.Context, deliveryID, bizID string) (int64, error) {
	if err := required("delivery_id", deliveryID, "biz_id", bizID); err != nil {
		return 0, err
	}
	out, err := call[struct {
		QuotaNum int64 `json:"quota_num"`
	}](ctx, s.c, expQuota, nil, map[string]string{"delivery_id": deliveryID, "biz_id": bizID})
	if err != nil {
		return 0, err
	}
	return out.QuotaNum, nil
}

// TestUpdateOrder simulates a route step of a test waybill (delivery_id
// TEST, biz_id test_biz_id) (模拟快递公司更新订单状态).
// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/express/express-by-business/testUpdateOrder.html
func (s *ExpressService) TestUpdateOrder(ctx context.Context, bizID string, ref WaybillRef, step PathItem) error {
	if err := ref.check(); err != nil {
		return err
	}
	if err := required("biz_id", bizID); err != nil {
		return err
	}
	body := struct {
		BizID string `json:"biz_id"`
		WaybillRef
		PathItem
	}{bizID, ref, step}
	body.OpenID = ""
	return s.c.Do(ctx, expTestUpdate, nil, body, nil)
}

// ReturnAddress is an address of a return order.
type ReturnAddress struct {
	Name     string `json:"name"`
	Mobile   string `json:"mobile"`
	Country  string `json:"country,omitempty"`
	Province string `json:"province"`
	City     string `json:"city"`
	Area     string `json:"area"`
	Address  string `json:"address"`
}

// ReturnOrder is the body of AddReturn.
type ReturnOrder struct {
	ShopOrderID string         `json:"shop_order_id"`
	BizAddr     ReturnAddress  `json:"biz_addr"`
	UserAddr    *ReturnAddress `json:"user_addr,omitempty"`
	OpenID      string         `json:"openid"`
	OrderPath   string         `json:"order_path"`
	GoodsList   []struct {
		Name string `json:"name"`
		URL  string `json:"url"`
	} `json:"goods_list"`
	OrderPrice int64 `json:"order_price"` // fen
}

// AddReturn creates a return order, to be picked up from the user
// (创建退货 ID); it returns the return_id.
// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/express/express-by-provider/returnOrder.html
func (s *ExpressService) AddReturn(ctx context.Context, o *ReturnOrder) (string, error) {
	if o == nil {
		return "", invalidArg("shop_order_id", "no order")
	}
	if err := required("shop_order_id", o.ShopOrderID, "openid", o.OpenID, "order_path", o.OrderPath, "biz_addr.name", o.BizAddr.Name); err != nil {
		return "", err
	}
	if len(o.GoodsList) == 0 {
		return "", invalidArg("goods_list", "empty")
	}
	out, err := call[struct {
		ReturnID string `json:"return_id"`
	}](ctx, s.c, expReturnAdd, nil, o)
	if err != nil {
		return "", err
	}
	return out.ReturnID, nil
}

// ReturnStatus is a return order's state.
type ReturnStatus struct {
	Status       int    `json:"status"` // 0 user to fill, 1 booked, 2 filled
	WaybillID    string `json:"waybill_id"`
	OrderStatus  int    `json:"order_status"`
	OrderID      string `json:"order_id"`
	DeliveryName string `json:"delivery_name"`
	DeliveryID   string `json:"delivery_id"`
}

// GetReturn returns a return order (查询退货 ID 状态).
// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/express/express-by-provider/returnOrder.html
func (s *ExpressService) GetReturn(ctx context.Context, returnID string) (*ReturnStatus, error) {
	if err := required("return_id", returnID); err != nil {
		return nil, err
	}
	return call[ReturnStatus](ctx, s.c, expReturnGet, nil, map[string]string{"return_id": returnID})
}

// UnbindReturn unbinds a return order from its waybill (解绑退货 ID).
// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/express/express-by-provider/returnOrder.html
func (s *ExpressService) UnbindReturn(ctx context.Context, returnID string) error {
	if err := required("return_id", returnID); err != nil {
		return err
	}
	return s.c.Do(ctx, expReturnUnbnd, nil, map[string]string{"return_id": returnID}, nil)
}
