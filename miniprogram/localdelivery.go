package miniprogram

import (
	"context"
	"crypto/sha1"
	"encoding/hex"
	"fmt"
	"net/http"
	"time"

	wechat "github.com/weixin-go/wechat"
)

// The 即时配送 (deliver by business) paths. The current doc pages
// (/miniprogram/dev/server/API/immediate-delivery/deliver-by-business/)
// still list these /cgi-bin/express/local/business paths; there is no newer
// form of the same API.
var (
	ldDeliveries    = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/express/local/business/delivery/getall"}
	ldShops         = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/express/local/business/shop/get"}
	ldPreAdd        = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/express/local/business/order/pre_add"}
	ldAdd           = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/express/local/business/order/add"}
	ldReAdd         = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/express/local/business/order/readd"}
	ldAddTips       = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/express/local/business/order/addtips"}
	ldPreCancel     = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/express/local/business/order/precancel"}
	ldCancel        = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/express/local/business/order/cancel"}
	ldGet           = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/express/local/business/order/get"}
	ldConfirmReturn = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/express/local/business/order/confirm_return"}
	ldTestUpdate    = wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/express/local/business/test_update_order"}
)

// Delivery states of a local delivery order (order_status 枚举值). The final
// ones are LocalDelivered and 103, 203, 204, 205, 401, 501, 502.
// https://developers.weixin.qq.com/miniprogram/dev/framework/open-ability/immediate-delivery/order_status.html
const (
	LocalWaitingRider     = 101 // waiting for a rider (initial state)
	LocalRiderAssigned    = 102
	LocalShopCancelled    = 103 // cancelled by the merchant before pickup
	LocalRiderAtShop      = 201
	LocalPickedUp         = 202
	LocalDelivering       = 301
	LocalDelivered        = 302
	LocalReturning        = 303 // cancelled while delivering, goods on their way back
	LocalReturnedToShop   = 401
	LocalSystemCancelled  = 501
	LocalForceMajeureStop = 502
)

// LocalTestShopID is the shopid the sandbox (delivery_id "TEST") takes, the
// only one TestUpdateOrder accepts.
const LocalTestShopID = "test_shop_id"

// DeliverySign returns the delivery_sign of a local delivery request: the
// lowercase hex SHA-1 of shopid + shop_order_id + AppSecret, where shopid
// and AppSecret are the courier account's appkey and secret (not the mini
// program's). A request without shop_order_id signs shopid + AppSecret.
// https://developers.weixin.qq.com/miniprogram/dev/framework/open-ability/immediate-delivery/read_first.html
func DeliverySign(shopID, shopOrderID, appSecret string) string {
	sum := sha1.Sum([]byte(shopID + shopOrderID + appSecret))
	return hex.EncodeToString(sum[:])
}

// LocalShop is a courier account bound to the mini program: ShopID is the
// courier's appkey, AppSecret its secret (used only to sign, never sent),
// ShopNo the store number registered with the courier (optional with a
// single store).
type LocalShop struct {
	ShopID    string
	ShopNo    string
	AppSecret string
}

// localSigned is the signed head of every order request.
type localSigned struct {
	ShopID       string `json:"shopid"`
	ShopOrderID  string `json:"shop_order_id"`
	ShopNo       string `json:"shop_no,omitempty"`
	DeliverySign string `json:"delivery_sign"`
}

func (s LocalShop) sign(shopOrderID string) (localSigned, error) {
	if err := required("shopid", s.ShopID, "app_secret", s.AppSecret, "shop_order_id", shopOrderID); err != nil {
		return localSigned{}, err
	}
	if len(shopOrderID) > 128 {
		return localSigned{}, invalidArg("shop_order_id", "longer than 128 bytes")
	}
	return localSigned{s.ShopID, shopOrderID, s.ShopNo, DeliverySign(s.ShopID, shopOrderID, s.AppSecret)}, nil
}

// LocalDeliveryError is the courier's refusal (resultcode not 0) in an
// answer whose errcode is 0; ResultMsg is the courier's text, passed through
// by WeChat.
type LocalDeliveryError struct {
	ResultCode int
	ResultMsg  string
}

func (e *LocalDeliveryError) Error() string {
	return fmt.Sprintf("miniprogram: local delivery resultcode %d: %s", e.ResultCode, e.ResultMsg)
}

// LocalResult is the courier's result code of an answer.
type LocalResult struct {
	ResultCode int    `json:"resultcode"`
	ResultMsg  string `json:"resultmsg"`
}

func (r *LocalResult) result() *LocalResult { return r }

// localCall sends body and decodes a T, turning a non-zero resultcode into
// a *LocalDeliveryError.
func localCall[T any, PT interface {
	*T
	result() *LocalResult
}](ctx context.Context, s *LocalDeliveryService, ep wechat.Endpoint, body any) (*T, error) {
	out, err := call[T](ctx, s.c, ep, nil, body)
	if err != nil {
		return nil, err
	}
	if r := PT(out).result(); r.ResultCode != 0 {
		return nil, &LocalDeliveryError{r.ResultCode, r.ResultMsg}
	}
	return out, nil
}

// LocalDeliveryCompany is a courier of the local delivery network.
type LocalDeliveryCompany struct {
	DeliveryID   string `json:"delivery_id"`
	DeliveryName string `json:"delivery_name"`
}

// Deliveries lists the couriers of local delivery (获取已支持的配送公司列表).
// https://developers.weixin.qq.com/miniprogram/dev/server/API/immediate-delivery/deliver-by-business/api_getallimmedelivery.html
func (s *LocalDeliveryService) Deliveries(ctx context.Context) ([]LocalDeliveryCompany, error) {
	out, err := localCall[struct {
		LocalResult
		List []LocalDeliveryCompany `json:"list"`
	}](ctx, s, ldDeliveries, struct{}{})
	if err != nil {
		return nil, err
	}
	return out.List, nil
}

// LocalBoundShop is a courier account bound in the mini program's console.
type LocalBoundShop struct {
	DeliveryID  string `json:"delivery_id"`
	ShopID      string `json:"shopid"`
	AuditResult int    `json:"audit_result"` // 0 approved, 1 in review, 2 refused
}

// Shops lists the bound courier accounts (拉取已绑定账号).
// https://developers.weixin.qq.com/miniprogram/dev/server/API/immediate-delivery/
func (s *LocalDeliveryService) Shops(ctx context.Context) ([]LocalBoundShop, error) {
	out, err := localCall[struct {
		LocalResult
		ShopList []LocalBoundShop `json:"shop_list"`
	}](ctx, s, ldShops, struct{}{})
	if err != nil {
		return nil, err
	}
	return out.ShopList, nil
}

// LocalContact is the sender or receiver of a local delivery order.
type LocalContact struct {
	Name           string  `json:"name"`
	City           string  `json:"city"`
	Address        string  `json:"address"`        // street, building: used to locate
	AddressDetail  string  `json:"address_detail"` // floor, room
	Phone          string  `json:"phone"`
	Lng            float64 `json:"lng"`
	Lat            float64 `json:"lat"`
	CoordinateType int     `json:"coordinate_type,omitempty"` // 0 GCJ-02 (Tencent, AMap), 1 Baidu
}

// LocalGood is one line of LocalCargo.GoodsDetail.
type LocalGood struct {
	GoodCount int     `json:"good_count"`
	GoodName  string  `json:"good_name"`
	GoodPrice float64 `json:"good_price,omitempty"`
	GoodUnit  string  `json:"good_unit,omitempty"`
}

// LocalCargo is the parcel of a local delivery order.
type LocalCargo struct {
	GoodsValue  float64 `json:"goods_value"` // yuan
	GoodsHeight float64 `json:"goods_height,omitempty"`
	GoodsLength float64 `json:"goods_length,omitempty"`
	GoodsWidth  float64 `json:"goods_width,omitempty"`
	GoodsWeight float64 `json:"goods_weight"` // kg
	GoodsDetail *struct {
		Goods []LocalGood `json:"goods"`
	} `json:"goods_detail,omitempty"`
	GoodsPickupInfo   string `json:"goods_pickup_info,omitempty"`
	GoodsDeliveryInfo string `json:"goods_delivery_info,omitempty"`
	CargoFirstClass   string `json:"cargo_first_class"`
	CargoSecondClass  string `json:"cargo_second_class"`
}

// LocalOrderInfo is the order part of a local delivery order. Times are
// Unix seconds; money is in yuan.
type LocalOrderInfo struct {
	DeliveryServiceCode  string  `json:"delivery_service_code,omitempty"`
	OrderType            int     `json:"order_type,omitempty"` // 0 now, 1 booked
	ExpectedDeliveryTime int64   `json:"expected_delivery_time,omitempty"`
	ExpectedFinishTime   int64   `json:"expected_finish_time,omitempty"`
	ExpectedPickTime     int64   `json:"expected_pick_time,omitempty"`
	PoiSeq               string  `json:"poi_seq,omitempty"`
	Note                 string  `json:"note,omitempty"`
	OrderTime            int64   `json:"order_time,omitempty"`
	IsInsured            int     `json:"is_insured,omitempty"`
	DeclaredValue        float64 `json:"declared_value,omitempty"`
	Tips                 float64 `json:"tips,omitempty"`
	IsDirectDelivery     int     `json:"is_direct_delivery,omitempty"`
	RiderPickMethod      int     `json:"rider_pick_method,omitempty"`
	IsFinishCodeNeeded   int     `json:"is_finish_code_needed,omitempty"`
	IsPickupCodeNeeded   int     `json:"is_pickup_code_needed,omitempty"`
}

// LocalGoodsShow is the goods shown in the user's delivery notices.
type LocalGoodsShow struct {
	WxaPath    string `json:"wxa_path"`
	ImgURL     string `json:"img_url"`
	GoodsName  string `json:"goods_name"`
	GoodsCount int    `json:"goods_count"`
	WxaAppID   string `json:"wxa_appid,omitempty"`
}

// LocalOrder is the body of PreAddOrder, AddOrder and ReAddOrder; the shop
// fields and delivery_sign come from the LocalShop.
type LocalOrder struct {
	ShopOrderID   string         `json:"-"`
	DeliveryID    string         `json:"delivery_id"`
	OpenID        string         `json:"openid"`
	Sender        *LocalContact  `json:"sender,omitempty"` // required by SFTC; others may use shop_no
	Receiver      LocalContact   `json:"receiver"`
	Cargo         LocalCargo     `json:"cargo"`
	OrderInfo     LocalOrderInfo `json:"order_info"`
	Shop          LocalGoodsShow `json:"shop"`
	DeliveryToken string         `json:"delivery_token,omitempty"` // from PreAddOrder
	SubBizID      string         `json:"sub_biz_id,omitempty"`
}

func (s LocalShop) orderBody(o *LocalOrder) (any, error) {
	if o == nil {
		return nil, invalidArg("shop_order_id", "no order")
	}
	head, err := s.sign(o.ShopOrderID)
	if err != nil {
		return nil, err
	}
	if err := required("delivery_id", o.DeliveryID, "openid", o.OpenID, "receiver.name", o.Receiver.Name,
		"receiver.phone", o.Receiver.Phone, "shop.goods_name", o.Shop.GoodsName); err != nil {
		return nil, err
	}
	return struct {
		localSigned
		*LocalOrder
	}{head, o}, nil
}

// LocalQuote is the answer of PreAddOrder; money is in yuan.
type LocalQuote struct {
	LocalResult
	Fee              float64 `json:"fee"`          // to pay
	DeliverFee       float64 `json:"deliverfee"`   // delivery fee
	CouponFee        float64 `json:"couponfee"`    // discount
	Tips             float64 `json:"tips"`         // tip
	InsuranceFee     float64 `json:"insurancefee"` // insurance
	Distance         float64 `json:"distance"`     // metres
	DispatchDuration int64   `json:"dispatch_duration"`
	DeliveryToken    string  `json:"delivery_token"` // DADA only, valid 3 minutes
}

// LocalOrderResult is the answer of AddOrder and ReAddOrder.
type LocalOrderResult struct {
	LocalResult
	Fee              float64 `json:"fee"`
	DeliverFee       float64 `json:"deliverfee"`
	CouponFee        float64 `json:"couponfee"`
	Tips             float64 `json:"tips"`
	InsuranceFee     float64 `json:"insurancefee"`
	Distance         float64 `json:"distance"`
	WaybillID        string  `json:"waybill_id"`
	OrderStatus      int     `json:"order_status"`
	FinishCode       int64   `json:"finish_code"` // the receiver shows it to the rider
	PickupCode       int64   `json:"pickup_code"` // the shop shows it to the rider
	DispatchDuration int64   `json:"dispatch_duration"`
}

// PreAddOrder asks a courier for a quote without ordering (预下配送单).
// https://developers.weixin.qq.com/miniprogram/dev/server/API/immediate-delivery/deliver-by-business/api_preaddorder.html
func (s *LocalDeliveryService) PreAddOrder(ctx context.Context, shop LocalShop, o *LocalOrder) (*LocalQuote, error) {
	body, err := shop.orderBody(o)
	if err != nil {
		return nil, err
	}
	return localCall[LocalQuote](ctx, s, ldPreAdd, body)
}

// AddOrder places a delivery order with a courier (添加配送单).
// https://developers.weixin.qq.com/miniprogram/dev/server/API/immediate-delivery/deliver-by-business/api_addlocalorder.html
func (s *LocalDeliveryService) AddOrder(ctx context.Context, shop LocalShop, o *LocalOrder) (*LocalOrderResult, error) {
	body, err := shop.orderBody(o)
	if err != nil {
		return nil, err
	}
	return localCall[LocalOrderResult](ctx, s, ldAdd, body)
}

// ReAddOrder places an ended order again under the same shop_order_id (重新下单).
// https://developers.weixin.qq.com/miniprogram/dev/server/API/immediate-delivery/
func (s *LocalDeliveryService) ReAddOrder(ctx context.Context, shop LocalShop, o *LocalOrder) (*LocalOrderResult, error) {
	body, err := shop.orderBody(o)
	if err != nil {
		return nil, err
	}
	return localCall[LocalOrderResult](ctx, s, ldReAdd, body)
}

// AddTips raises the tip (yuan) of an order still waiting for a rider
// (增加小费); each call must name a larger tip than the last.
// https://developers.weixin.qq.com/miniprogram/dev/server/API/immediate-delivery/deliver-by-business/api_addtips.html
func (s *LocalDeliveryService) AddTips(ctx context.Context, shop LocalShop, shopOrderID, waybillID string, tips float64, remark string) error {
	head, err := shop.sign(shopOrderID)
	if err != nil {
		return err
	}
	if err := required("waybill_id", waybillID); err != nil {
		return err
	}
	if tips <= 0 {
		return invalidArg("tips", "must be positive")
	}
	body := struct {
		localSigned
		WaybillID string  `json:"waybill_id"`
		Tips      float64 `json:"tips"`
		Remark    string  `json:"remark,omitempty"`
	}{head, waybillID, tips, remark}
	_, err = localCall[LocalResult](ctx, s, ldAddTips, body)
	return err
}

// Cancellation reasons (cancel_reason_id).
const (
	LocalCancelNotNeeded    = 1
	LocalCancelPrice        = 2
	LocalCancelWrongInfo    = 3
	LocalCancelLatePickup   = 4
	LocalCancelLateDelivery = 5
	LocalCancelOther        = 6 // Reason required
)

// LocalCancel names the order to cancel and why.
type LocalCancel struct {
	ShopOrderID string
	DeliveryID  string
	WaybillID   string // required by PreCancelOrder and for SFTC
	ReasonID    int    // LocalCancelNotNeeded...; required by CancelOrder
	Reason      string // required with LocalCancelOther
}

// LocalCancelFee is the cancellation fee (yuan) and its explanation.
type LocalCancelFee struct {
	LocalResult
	DeductFee float64 `json:"deduct_fee"`
	Desc      string  `json:"desc"`
}

func (s LocalShop) cancelBody(c LocalCancel, pre bool) (any, error) {
	head, err := s.sign(c.ShopOrderID)
	if err != nil {
		return nil, err
	}
	if err := required("delivery_id", c.DeliveryID); err != nil {
		return nil, err
	}
	if pre && c.WaybillID == "" {
		return nil, invalidArg("waybill_id", "empty")
	}
	switch {
	case (!pre || c.ReasonID != 0) && (c.ReasonID < LocalCancelNotNeeded || c.ReasonID > LocalCancelOther):
		return nil, invalidArg("cancel_reason_id", "must be 1 to 6")
	case c.ReasonID == LocalCancelOther && c.Reason == "":
		return nil, invalidArg("cancel_reason", "required with reason 6")
	}
	return struct {
		localSigned
		DeliveryID string `json:"delivery_id"`
		WaybillID  string `json:"waybill_id,omitempty"`
		ReasonID   int    `json:"cancel_reason_id,omitempty"`
		Reason     string `json:"cancel_reason,omitempty"`
	}{head, c.DeliveryID, c.WaybillID, c.ReasonID, c.Reason}, nil
}

// PreCancelOrder answers whether an order can be cancelled and the fee
// the courier would deduct (预取消配送单).
// https://developers.weixin.qq.com/miniprogram/dev/server/API/immediate-delivery/deliver-by-business/api_precancelorder.html
func (s *LocalDeliveryService) PreCancelOrder(ctx context.Context, shop LocalShop, c LocalCancel) (*LocalCancelFee, error) {
	body, err := shop.cancelBody(c, true)
	if err != nil {
		return nil, err
	}
	return localCall[LocalCancelFee](ctx, s, ldPreCancel, body)
}

// CancelOrder cancels an order and answers the fee deducted (取消配送单).
// https://developers.weixin.qq.com/miniprogram/dev/server/API/immediate-delivery/deliver-by-business/api_cancellocalorder.html
func (s *LocalDeliveryService) CancelOrder(ctx context.Context, shop LocalShop, c LocalCancel) (*LocalCancelFee, error) {
	body, err := shop.cancelBody(c, false)
	if err != nil {
		return nil, err
	}
	return localCall[LocalCancelFee](ctx, s, ldCancel, body)
}

// LocalOrderStatus is an order's delivery state as GetOrder answers it.
type LocalOrderStatus struct {
	LocalResult
	OrderStatus int     `json:"order_status"` // LocalWaitingRider...
	WaybillID   string  `json:"waybill_id"`
	RiderName   string  `json:"rider_name"`
	RiderPhone  string  `json:"rider_phone"`
	RiderLng    float64 `json:"rider_lng"`  // while delivering
	RiderLat    float64 `json:"rider_lat"`  // while delivering
	ReachTime   int64   `json:"reach_time"` // seconds left, while delivering
}

// GetOrder returns an order's delivery state (拉取配送单信息).
// https://developers.weixin.qq.com/miniprogram/dev/server/API/immediate-delivery/deliver-by-business/api_getlocalorder.html
func (s *LocalDeliveryService) GetOrder(ctx context.Context, shop LocalShop, shopOrderID string) (*LocalOrderStatus, error) {
	head, err := shop.sign(shopOrderID)
	if err != nil {
		return nil, err
	}
	return localCall[LocalOrderStatus](ctx, s, ldGet, head)
}

// ConfirmReturn confirms the shop got back the goods of a failed delivery
// (异常件退回商家确认).
// https://developers.weixin.qq.com/miniprogram/dev/server/API/immediate-delivery/deliver-by-business/api_abnormalconfirm.html
func (s *LocalDeliveryService) ConfirmReturn(ctx context.Context, shop LocalShop, shopOrderID, waybillID, remark string) error {
	head, err := shop.sign(shopOrderID)
	if err != nil {
		return err
	}
	if err := required("waybill_id", waybillID); err != nil {
		return err
	}
	body := struct {
		localSigned
		WaybillID string `json:"waybill_id"`
		Remark    string `json:"remark,omitempty"`
	}{head, waybillID, remark}
	_, err = localCall[LocalResult](ctx, s, ldConfirmReturn, body)
	return err
}

// TestUpdateOrder moves a sandbox order (delivery_id "TEST", shopid
// LocalTestShopID) to status as if the courier had (模拟配送公司更新配送单状态).
// https://developers.weixin.qq.com/miniprogram/dev/server/API/immediate-delivery/
func (s *LocalDeliveryService) TestUpdateOrder(ctx context.Context, shopOrderID string, status int, at time.Time, msg string) error {
	if err := required("shop_order_id", shopOrderID); err != nil {
		return err
	}
	if status < LocalWaitingRider {
		return invalidArg("order_status", "not a delivery state")
	}
	if at.IsZero() {
		at = time.Now()
	}
	body := struct {
		ShopID      string `json:"shopid"`
		ShopOrderID string `json:"shop_order_id"`
		ActionTime  int64  `json:"action_time"`
		OrderStatus int    `json:"order_status"`
		ActionMsg   string `json:"action_msg,omitempty"`
	}{LocalTestShopID, shopOrderID, at.Unix(), status, msg}
	_, err := localCall[LocalResult](ctx, s, ldTestUpdate, body)
	return err
}
