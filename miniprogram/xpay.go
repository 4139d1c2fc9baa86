package miniprogram

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"net/url"
	"regexp"

	wechat "github.com/weixin-go/wechat"
)

var (
	xpayQueryBalance   = wechat.Endpoint{Method: http.MethodPost, Path: "/xpay/query_user_balance"}
	xpayCurrencyPay    = wechat.Endpoint{Method: http.MethodPost, Path: "/xpay/currency_pay"}
	xpayCancelPay      = wechat.Endpoint{Method: http.MethodPost, Path: "/xpay/cancel_currency_pay"}
	xpayPresent        = wechat.Endpoint{Method: http.MethodPost, Path: "/xpay/present_currency"}
	xpayQueryOrder     = wechat.Endpoint{Method: http.MethodPost, Path: "/xpay/query_order"}
	xpayRefundOrder    = wechat.Endpoint{Method: http.MethodPost, Path: "/xpay/refund_order"}
	xpayNotifyProvide  = wechat.Endpoint{Method: http.MethodPost, Path: "/xpay/notify_provide_goods"}
	xpayCreateWithdraw = wechat.Endpoint{Method: http.MethodPost, Path: "/xpay/create_withdraw_order"}
	xpayQueryWithdraw  = wechat.Endpoint{Method: http.MethodPost, Path: "/xpay/query_withdraw_order"}
	xpayDownloadBill   = wechat.Endpoint{Method: http.MethodPost, Path: "/xpay/download_bill"}
	xpayStartUpload    = wechat.Endpoint{Method: http.MethodPost, Path: "/xpay/start_upload_goods"}
	xpayQueryUpload    = wechat.Endpoint{Method: http.MethodPost, Path: "/xpay/query_upload_goods"}
	xpayStartPublish   = wechat.Endpoint{Method: http.MethodPost, Path: "/xpay/start_publish_goods"}
	xpayQueryPublish   = wechat.Endpoint{Method: http.MethodPost, Path: "/xpay/query_publish_goods"}
)

// Virtual payment environments (env).
const (
	XPayProduction = 0
	XPaySandbox    = 1
)

// XPayPaySig returns the payment signature of a virtual payment request:
// the lowercase hex HMAC-SHA256 keyed with the AppKey of the environment
// of uri (the path without query, such as "/xpay/currency_pay") + "&" +
// the exact POST body.
// https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/industry/virtual-payment.html
func XPayPaySig(appKey, uri string, body []byte) string {
	m := hmac.New(sha256.New, []byte(appKey))
	m.Write([]byte(uri))
	m.Write([]byte{'&'})
	m.Write(body)
	return hex.EncodeToString(m.Sum(nil))
}

// XPayUserSignature returns the user-state signature of a virtual payment
// request: the lowercase hex HMAC-SHA256 of the exact POST body keyed with
// the user's session_key.
// https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/industry/virtual-payment.html
func XPayUserSignature(sessionKey string, body []byte) string {
	m := hmac.New(sha256.New, []byte(sessionKey))
	m.Write(body)
	return hex.EncodeToString(m.Sum(nil))
}

// XPay calls the virtual payment APIs of one environment, signing each
// request with that environment's AppKey. It is safe for concurrent use;
// the AppKey never appears in its printed form, logs or errors.
type XPay struct {
	c      *wechat.Client
	appKey string
	env    int
}

// Env returns the virtual payment APIs of env (XPayProduction or
// XPaySandbox), signed with appKey, the AppKey of that environment from
// the mini program's payment settings (mp-支付基础配置).
// https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/industry/virtual-payment.html
func (s *XPayService) Env(appKey string, env int) *XPay {
	return &XPay{c: s.c, appKey: appKey, env: env}
}

// String hides the AppKey.
func (x *XPay) String() string {
	return "miniprogram.XPay{env: " + map[bool]string{true: "sandbox", false: "production"}[x.env == XPaySandbox] + "}"
}

// GoString hides the AppKey.
func (x *XPay) GoString() string { return x.String() }

// do signs body (and, when sessionKey is set, the user state) and calls ep.
func (x *XPay) do(ctx context.Context, ep wechat.Endpoint, sessionKey string, body, out any) error {
	if x.appKey == "" {
		return invalidArg("app_key", "empty")
	}
	if x.env != XPayProduction && x.env != XPaySandbox {
		return invalidArg("env", "must be 0 or 1")
	}
	b, err := wechat.MarshalJSON(body)
	if err != nil {
		return err
	}
	q := url.Values{"pay_sig": {XPayPaySig(x.appKey, ep.Path, b)}}
	if sessionKey != "" {
		q.Set("signature", XPayUserSignature(sessionKey, b))
	}
	return x.c.Do(ctx, ep, q, json.RawMessage(b), out)
}

// XPayUser is the user of the calls that take a user-state signature.
type XPayUser struct {
	OpenID     string
	SessionKey string // from code2session; a secret
	UserIP     string // such as "1.1.1.1"
}

func (u XPayUser) check() error {
	return required("openid", u.OpenID, "session_key", u.SessionKey, "user_ip", u.UserIP)
}

var xpayDay = regexp.MustCompile(`^\d{8}$`)

var xpayOrderID = regexp.MustCompile(`^[0-9A-Za-z_\-|*@]{8,32}$`)

func checkXPayOrderID(arg, id string) error {
	if !xpayOrderID.MatchString(id) {
		return invalidArg(arg, "8-32 letters, digits or _-|*@")
	}
	return nil
}

// XPayBalance is a user's token balance.
type XPayBalance struct {
	Balance        int64 `json:"balance"`         // total, paid and presented
	PresentBalance int64 `json:"present_balance"` // presented part
	SumSave        int64 `json:"sum_save"`
	SumPresent     int64 `json:"sum_present"`
	SumBalance     int64 `json:"sum_balance"`
	SumCost        int64 `json:"sum_cost"`
	FirstSaveFlag  Flag  `json:"first_save_flag"` // the first-top-up offer applies
}

// QueryUserBalance returns a user's token balance (查询代币余额).
// https://developers.weixin.qq.com/miniprogram/dev/server/API/VirtualPayment/api_query_user_balance.html
func (x *XPay) QueryUserBalance(ctx context.Context, u XPayUser) (*XPayBalance, error) {
	if err := u.check(); err != nil {
		return nil, err
	}
	body := struct {
		OpenID string `json:"openid"`
		Env    int    `json:"env"`
		UserIP string `json:"user_ip"`
	}{u.OpenID, x.env, u.UserIP}
	out := new(XPayBalance)
	if err := x.do(ctx, xpayQueryBalance, u.SessionKey, body, out); err != nil {
		return nil, err
	}
	return out, nil
}

// XPayItem is one item of a token payment.
type XPayItem struct {
	ProductID string `json:"productid"`
	UnitPrice int64  `json:"unit_price"`
	Quantity  int    `json:"quantity"`
}

// CurrencyPayRequest is a token payment.
type CurrencyPayRequest struct {
	Amount     int64      `json:"amount"`   // tokens, > 0
	OrderID    string     `json:"order_id"` // unique, 8-32 characters
	PayItems   []XPayItem `json:"-"`        // sent as the payitem JSON string
	Remark     string     `json:"remark,omitempty"`
	DeviceType int        `json:"device_type,omitempty"` // 1 Android, 2 iOS
}

// CurrencyPayResult is the answer of CurrencyPay.
type CurrencyPayResult struct {
	OrderID           string `json:"order_id"`
	Balance           int64  `json:"balance"`
	UsedPresentAmount int64  `json:"used_present_amount"`
}

// CurrencyPay takes tokens from a user's balance (扣减代币).
// https://developers.weixin.qq.com/miniprogram/dev/server/API/VirtualPayment/api_currency_pay.html
func (x *XPay) CurrencyPay(ctx context.Context, u XPayUser, in CurrencyPayRequest) (*CurrencyPayResult, error) {
	if err := u.check(); err != nil {
		return nil, err
	}
	if in.Amount <= 0 {
		return nil, invalidArg("amount", "must be positive")
	}
	if err := checkXPayOrderID("order_id", in.OrderID); err != nil {
		return nil, err
	}
	items, err := wechat.MarshalJSONString(append([]XPayItem{}, in.PayItems...))
	if err != nil {
		return nil, err
	}
	body := struct {
		OpenID string `json:"openid"`
		Env    int    `json:"env"`
		UserIP string `json:"user_ip"`
		CurrencyPayRequest
		PayItem string `json:"payitem"`
	}{u.OpenID, x.env, u.UserIP, in, items}
	out := new(CurrencyPayResult)
	if err := x.do(ctx, xpayCurrencyPay, u.SessionKey, body, out); err != nil {
		return nil, err
	}
	return out, nil
}

// CancelCurrencyPay refunds (part of) a token payment (代币支付退款):
// payOrderID is the order_id of CurrencyPay, orderID the refund's own id.
// https://developers.weixin.qq.com/miniprogram/dev/server/API/VirtualPayment/api_cancel_currency_pay.html
func (x *XPay) CancelCurrencyPay(ctx context.Context, u XPayUser, payOrderID, orderID string, amount int64, deviceType int) (string, error) {
	if err := u.check(); err != nil {
		return "", err
	}
	if err := required("pay_order_id", payOrderID); err != nil {
		return "", err
	}
	if err := checkXPayOrderID("order_id", orderID); err != nil {
		return "", err
	}
	if amount <= 0 {
		return "", invalidArg("amount", "must be positive")
	}
	body := struct {
		OpenID     string `json:"openid"`
		Env        int    `json:"env"`
		UserIP     string `json:"user_ip"`
		PayOrderID string `json:"pay_order_id"`
		OrderID    string `json:"order_id"`
		Amount     int64  `json:"amount"`
		DeviceType int    `json:"device_type,omitempty"`
	}{u.OpenID, x.env, u.UserIP, payOrderID, orderID, amount, deviceType}
	var out struct {
		OrderID string `json:"order_id"`
	}
	if err := x.do(ctx, xpayCancelPay, u.SessionKey, body, &out); err != nil {
		return "", err
	}
	return out.OrderID, nil
}

// PresentResult is the answer of PresentCurrency.
type PresentResult struct {
	Balance        int64  `json:"balance"`
	OrderID        string `json:"order_id"`
	PresentBalance int64  `json:"present_balance"`
}

// PresentCurrency gives tokens to a user (代币赠送); orderID is unique.
// https://developers.weixin.qq.com/miniprogram/dev/server/API/VirtualPayment/api_present_currency.html
func (x *XPay) PresentCurrency(ctx context.Context, openID, orderID string, amount int64, deviceType int) (*PresentResult, error) {
	if err := required("openid", openID); err != nil {
		return nil, err
	}
	if err := checkXPayOrderID("order_id", orderID); err != nil {
		return nil, err
	}
	if amount <= 0 {
		return nil, invalidArg("amount", "must be positive")
	}
	body := struct {
		OpenID     string `json:"openid"`
		Env        int    `json:"env"`
		OrderID    string `json:"order_id"`
		Amount     int64  `json:"amount"`
		DeviceType int    `json:"device_type,omitempty"`
	}{openID, x.env, orderID, amount, deviceType}
	out := new(PresentResult)
	if err := x.do(ctx, xpayPresent, "", body, out); err != nil {
		return nil, err
	}
	return out, nil
}

// XPayOrderRef names a cash order by OrderID (the merchant's) or WxOrderID.
type XPayOrderRef struct {
	OpenID    string `json:"openid,omitempty"`
	OrderID   string `json:"order_id,omitempty"`
	WxOrderID string `json:"wx_order_id,omitempty"`
}

func (r XPayOrderRef) check() error {
	if r.OrderID == "" && r.WxOrderID == "" {
		return invalidArg("order_id", "empty, and no wx_order_id")
	}
	return nil
}

// XPayOrder is a cash order (道具直购 or 代币充值) or refund.
type XPayOrder struct {
	OrderID        string `json:"order_id"`
	CreateTime     int64  `json:"create_time"`
	UpdateTime     int64  `json:"update_time"`
	Status         int    `json:"status"` // 1 created, 2 paid, 3 providing, 4 provided, 5 refunded, 6 closed, 7 refund failed
	BizType        int    `json:"biz_type"`
	OrderFee       int64  `json:"order_fee"` // fen
	CouponFee      int64  `json:"coupon_fee"`
	PaidFee        int64  `json:"paid_fee"`
	OrderType      int    `json:"order_type"` // 0 payment, 1 refund
	RefundFee      int64  `json:"refund_fee"`
	PaidTime       int64  `json:"paid_time"`
	ProvideTime    int64  `json:"provide_time"`
	BizMeta        string `json:"biz_meta"`
	EnvType        int    `json:"env_type"` // 1 production, 2 sandbox
	Token          string `json:"token"`
	LeftFee        int64  `json:"left_fee"` // refundable rest
	WxOrderID      string `json:"wx_order_id"`
	ChannelOrderID string `json:"channel_order_id"`
	WxPayOrderID   string `json:"wxpay_order_id"`
	SettTime       int64  `json:"sett_time"`
	SettState      int    `json:"sett_state"`
}

// QueryOrder returns a cash order (查询创建的订单).
// https://developers.weixin.qq.com/miniprogram/dev/server/API/VirtualPayment/api_query_order.html
func (x *XPay) QueryOrder(ctx context.Context, ref XPayOrderRef) (*XPayOrder, error) {
	if err := ref.check(); err != nil {
		return nil, err
	}
	body := struct {
		XPayOrderRef
		Env int `json:"env"`
	}{ref, x.env}
	var out struct {
		Order XPayOrder `json:"order"`
	}
	if err := x.do(ctx, xpayQueryOrder, "", body, &out); err != nil {
		return nil, err
	}
	return &out.Order, nil
}

// RefundRequest is a refund of a cash order.
type RefundRequest struct {
	XPayOrderRef
	RefundOrderID string `json:"refund_order_id"` // 8-32 characters
	LeftFee       int64  `json:"left_fee"`        // the order's refundable rest, from QueryOrder
	RefundFee     int64  `json:"refund_fee"`      // in (0, LeftFee]
	BizMeta       string `json:"biz_meta,omitempty"`
	RefundReason  string `json:"refund_reason"` // "0" to "5"
	ReqFrom       string `json:"req_from"`      // "1" customer service, "2" user, "3" other
}

// RefundResult is the answer of RefundOrder.
type RefundResult struct {
	RefundOrderID   string `json:"refund_order_id"`
	RefundWxOrderID string `json:"refund_wx_order_id"`
	PayOrderID      string `json:"pay_order_id"`
	PayWxOrderID    string `json:"pay_wx_order_id"`
}

// RefundOrder refunds a cash order (退款).
// https://developers.weixin.qq.com/miniprogram/dev/server/API/VirtualPayment/api_refund_order.html
func (x *XPay) RefundOrder(ctx context.Context, in RefundRequest) (*RefundResult, error) {
	if err := in.check(); err != nil {
		return nil, err
	}
	if err := required("openid", in.OpenID); err != nil {
		return nil, err
	}
	if err := checkXPayOrderID("refund_order_id", in.RefundOrderID); err != nil {
		return nil, err
	}
	if in.RefundFee <= 0 || in.RefundFee > in.LeftFee {
		return nil, invalidArg("refund_fee", "must be in (0, left_fee]")
	}
	if in.RefundReason == "" {
		in.RefundReason = "0"
	}
	if in.ReqFrom == "" {
		in.ReqFrom = "3"
	}
	body := struct {
		RefundRequest
		Env int `json:"env"`
	}{in, x.env}
	out := new(RefundResult)
	if err := x.do(ctx, xpayRefundOrder, "", body, out); err != nil {
		return nil, err
	}
	return out, nil
}

// NotifyProvideGoods tells WeChat a paid order's goods were delivered,
// when the delivery push failed (通知已经发货完成).
// https://developers.weixin.qq.com/miniprogram/dev/server/API/VirtualPayment/api_notify_provide_goods.html
func (x *XPay) NotifyProvideGoods(ctx context.Context, ref XPayOrderRef) error {
	if err := ref.check(); err != nil {
		return err
	}
	body := struct {
		OrderID   string `json:"order_id,omitempty"`
		WxOrderID string `json:"wx_order_id,omitempty"`
		Env       int    `json:"env"`
	}{ref.OrderID, ref.WxOrderID, x.env}
	return x.do(ctx, xpayNotifyProvide, "", body, nil)
}

// WithdrawOrder is a withdrawal of the merchant's income.
type WithdrawOrder struct {
	WithdrawNo               string `json:"withdraw_no"`
	Status                   int    `json:"status"`          // 1 in progress, 2 done, 3 failed
	WithdrawAmount           string `json:"withdraw_amount"` // yuan, such as "0.01"
	WxWithdrawNo             string `json:"wx_withdraw_no"`
	WithdrawSuccessTimestamp int64  `json:"withdraw_success_timestamp"`
	CreateTime               string `json:"create_time"`
	FailReason               string `json:"fail_reason"`
}

// CreateWithdrawOrder withdraws amount (yuan as a string, such as "0.01";
// empty withdraws everything) under the merchant's withdrawNo (创建提现单).
// It returns WeChat's withdrawal number.
// https://developers.weixin.qq.com/miniprogram/dev/server/API/VirtualPayment/api_create_withdraw_order.html
func (x *XPay) CreateWithdrawOrder(ctx context.Context, withdrawNo, amount string) (string, error) {
	if err := checkXPayOrderID("withdraw_no", withdrawNo); err != nil {
		return "", err
	}
	body := struct {
		WithdrawNo     string `json:"withdraw_no"`
		WithdrawAmount string `json:"withdraw_amount,omitempty"`
		Env            int    `json:"env"`
	}{withdrawNo, amount, x.env}
	var out struct {
		WxWithdrawNo string `json:"wx_withdraw_no"`
	}
	if err := x.do(ctx, xpayCreateWithdraw, "", body, &out); err != nil {
		return "", err
	}
	return out.WxWithdrawNo, nil
}

// QueryWithdrawOrder returns a withdrawal (查询提现单).
// https://developers.weixin.qq.com/miniprogram/dev/server/API/VirtualPayment/api_query_withdraw_order.html
func (x *XPay) QueryWithdrawOrder(ctx context.Context, withdrawNo string) (*WithdrawOrder, error) {
	if err := required("withdraw_no", withdrawNo); err != nil {
		return nil, err
	}
	body := struct {
		WithdrawNo string `json:"withdraw_no"`
		Env        int    `json:"env"`
	}{withdrawNo, x.env}
	out := new(WithdrawOrder)
	if err := x.do(ctx, xpayQueryWithdraw, "", body, out); err != nil {
		return nil, err
	}
	return out, nil
}

// DownloadBill returns the URL of the bill of the days from beginDs to
// endDs (yyyymmdd) (下载小程序账单); fetch it with an HTTP client. The
// body has no env: call it on the production XPay.
// https://developers.weixin.qq.com/miniprogram/dev/server/API/VirtualPayment/api_download_bill.html
func (x *XPay) DownloadBill(ctx context.Context, beginDs, endDs string) (string, error) {
	if !xpayDay.MatchString(beginDs) {
		return "", invalidArg("begin_ds", "must be yyyymmdd")
	}
	if !xpayDay.MatchString(endDs) || endDs < beginDs {
		return "", invalidArg("end_ds", "must be yyyymmdd, not before begin_ds")
	}
	body := struct {
		BeginDs int `json:"begin_ds"`
		EndDs   int `json:"end_ds"`
	}{atoiDigits(beginDs), atoiDigits(endDs)}
	var out struct {
		URL string `json:"url"`
	}
	if err := x.do(ctx, xpayDownloadBill, "", body, &out); err != nil {
		return "", err
	}
	return out.URL, nil
}

func atoiDigits(s string) int {
	n := 0
	for _, c := range s {
		n = n*10 + int(c-'0')
	}
	return n
}

// XPayGoods is an item (道具) to upload, as later reported by
// QueryUploadGoods.
type XPayGoods struct {
	ID           string `json:"id"` // letters, digits, _ and -, at most 64
	Name         string `json:"name"`
	Price        int64  `json:"price"` // fen, > 0
	Remark       string `json:"remark"`
	ItemURL      string `json:"item_url"`
	UploadStatus int    `json:"upload_status,omitempty"` // 0 uploading, 1 id exists, 2 done, 3 failed
	ErrMsg       string `json:"errmsg,omitempty"`
}

// XPayGoodsTask is the state of an upload or publish task.
type XPayGoodsTask struct {
	UploadItems  []XPayGoods       `json:"upload_item"`
	PublishItems []XPayPublishItem `json:"publish_item"`
	Status       int               `json:"status"` // 0 none, 1 running, 2 (partly) failed, 3 done
}

// XPayPublishItem is an item to publish, by id.
type XPayPublishItem struct {
	ID            string `json:"id"`
	PublishStatus int    `json:"publish_status,omitempty"` // 0 publishing, 1 id exists, 2 done, 3 failed
	ErrMsg        string `json:"errmsg,omitempty"`
}

var xpayGoodsID = regexp.MustCompile(`^[0-9A-Za-z_-]{1,64}$`)

// StartUploadGoods starts uploading items, at most 500 (启动批量上传道具任务).
// https://developers.weixin.qq.com/miniprogram/dev/server/API/VirtualPayment/api_start_upload_goods.html
func (x *XPay) StartUploadGoods(ctx context.Context, items []XPayGoods) error {
	if len(items) == 0 || len(items) > 500 {
		return invalidArg("upload_item", "1 to 500 items")
	}
	for _, it := range items {
		if !xpayGoodsID.MatchString(it.ID) {
			return invalidArg("id", "1-64 letters, digits, _ or -")
		}
		if it.Price <= 0 {
			return invalidArg("price", "must be positive")
		}
		if err := required("name", it.Name, "item_url", it.ItemURL); err != nil {
			return err
		}
	}
	body := struct {
		UploadItem []XPayGoods `json:"upload_item"`
		Env        int         `json:"env"`
	}{items, x.env}
	return x.do(ctx, xpayStartUpload, "", body, nil)
}

// QueryUploadGoods returns the state of the last upload task.
// https://developers.weixin.qq.com/miniprogram/dev/server/API/VirtualPayment/api_query_upload_goods.html
func (x *XPay) QueryUploadGoods(ctx context.Context) (*XPayGoodsTask, error) {
	out := new(XPayGoodsTask)
	if err := x.do(ctx, xpayQueryUpload, "", map[string]int{"env": x.env}, out); err != nil {
		return nil, err
	}
	return out, nil
}

// StartPublishGoods publishes uploaded items to production, by id
// (启动批量发布道具任务).
// https://developers.weixin.qq.com/miniprogram/dev/server/API/VirtualPayment/api_start_publish_goods.html
func (x *XPay) StartPublishGoods(ctx context.Context, ids ...string) error {
	if len(ids) == 0 || len(ids) > 500 {
		return invalidArg("publish_item", "1 to 500 items")
	}
	items := make([]XPayPublishItem, len(ids))
	for i, id := range ids {
		if !xpayGoodsID.MatchString(id) {
			return invalidArg("id", "1-64 letters, digits, _ or -")
		}
		items[i].ID = id
	}
	body := struct {
		PublishItem []XPayPublishItem `json:"publish_item"`
		Env         int               `json:"env"`
	}{items, x.env}
	return x.do(ctx, xpayStartPublish, "", body, nil)
}

// QueryPublishGoods returns the state of the last publish task.
// https://developers.weixin.qq.com/miniprogram/dev/server/API/VirtualPayment/api_query_publish_goods.html
func (x *XPay) QueryPublishGoods(ctx context.Context) (*XPayGoodsTask, error) {
	out := new(XPayGoodsTask)
	if err := x.do(ctx, xpayQueryPublish, "", map[string]int{"env": x.env}, out); err != nil {
		return nil, err
	}
	return out, nil
}

// Flag is a boolean WeChat sends as true/false or as 1/0.
type Flag bool

// UnmarshalJSON implements json.Unmarshaler: true, false, 1, 0, "1", "0" or null.
func (f *Flag) UnmarshalJSON(b []byte) error {
	switch string(b) {
	case "true", "1", `"1"`, `"true"`:
		*f = true
	case "false", "0", `"0"`, `"false"`, "null", `""`:
		*f = false
	default:
		return invalidArg("flag", "not a boolean: "+string(b[:min(len(b), 20)]))
	}
	return nil
}
