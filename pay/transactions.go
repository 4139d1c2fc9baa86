package pay

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"time"
)

// call runs one v3 request and decodes the response into a new T.
func call[T any](ctx context.Context, c *Client, r request) (*T, error) {
	out := new(T)
	if err := c.do(ctx, r, out); err != nil {
		return nil, err
	}
	return out, nil
}

func post(path string, body any) request {
	return request{method: http.MethodPost, path: path, body: body}
}

func get(path string, q url.Values) request {
	return request{method: http.MethodGet, path: path, query: q}
}

// FormatTime renders t in the RFC 3339 form WeChat Pay documents
// ("yyyy-MM-DDTHH:mm:ss+TIMEZONE", e.g. "2018-06-08T10:34:56+08:00"), for
// PrepayRequest.TimeExpire and CombineJSAPIRequest.TimeStart/TimeExpire.
// Unlike time.RFC3339 it never writes "Z" for UTC nor fractional seconds.
func FormatTime(t time.Time) string { return t.Format("2006-01-02T15:04:05-07:00") }

// Amount is an order amount in fen (1/100 CNY).
type Amount struct {
	Total    int64  `json:"total"`
	Currency string `json:"currency,omitempty"` // "CNY" when empty
}

// Payer identifies the paying user.
type Payer struct {
	OpenID string `json:"openid"`
}

// GoodsDetail is one item of Detail.
type GoodsDetail struct {
	MerchantGoodsID  string `json:"merchant_goods_id"`
	WechatpayGoodsID string `json:"wechatpay_goods_id,omitempty"`
	GoodsName        string `json:"goods_name,omitempty"`
	Quantity         int64  `json:"quantity"`
	UnitPrice        int64  `json:"unit_price"`
}

// Detail is the optional goods detail of an order (优惠功能).
type Detail struct {
	CostPrice   int64         `json:"cost_price,omitempty"`
	InvoiceID   string        `json:"invoice_id,omitempty"`
	GoodsDetail []GoodsDetail `json:"goods_detail,omitempty"`
}

// StoreInfo describes the merchant store of SceneInfo.
type StoreInfo struct {
	ID       string `json:"id"`
	Name     string `json:"name,omitempty"`
	AreaCode string `json:"area_code,omitempty"`
	Address  string `json:"address,omitempty"`
}

// H5Info is required in SceneInfo for H5 orders.
type H5Info struct {
	Type        string `json:"type"` // iOS, Android or Wap
	AppName     string `json:"app_name,omitempty"`
	AppURL      string `json:"app_url,omitempty"`
	BundleID    string `json:"bundle_id,omitempty"`
	PackageName string `json:"package_name,omitempty"`
}

// SceneInfo describes where the payment happens.
type SceneInfo struct {
	PayerClientIP string     `json:"payer_client_ip"`
	DeviceID      string     `json:"device_id,omitempty"`
	StoreInfo     *StoreInfo `json:"store_info,omitempty"`
	H5Info        *H5Info    `json:"h5_info,omitempty"`
}

// SettleInfo holds settlement options.
type SettleInfo struct {
	ProfitSharing bool `json:"profit_sharing,omitempty"`
}

// PrepayRequest is the body of the JSAPI, APP, H5 and Native order APIs
// (直连商户). MchID defaults to the client's merchant id; Currency to CNY.
// Payer is required for JSAPI, SceneInfo.H5Info for H5.
//
// See https://pay.weixin.qq.com/docs/merchant/apis/jsapi-payment/direct-jsons/jsapi-prepay.html
type PrepayRequest struct {
	AppID         string      `json:"appid"`
	MchID         string      `json:"mchid"`
	Description   string      `json:"description"`
	OutTradeNo    string      `json:"out_trade_no"`
	TimeExpire    string      `json:"time_expire,omitempty"`
	Attach        string      `json:"attach,omitempty"`
	NotifyURL     string      `json:"notify_url"`
	GoodsTag      string      `json:"goods_tag,omitempty"`
	SupportFapiao bool        `json:"support_fapiao,omitempty"`
	Amount        Amount      `json:"amount"`
	Payer         *Payer      `json:"payer,omitempty"`
	Detail        *Detail     `json:"detail,omitempty"`
	SceneInfo     *SceneInfo  `json:"scene_info,omitempty"`
	SettleInfo    *SettleInfo `json:"settle_info,omitempty"`
}

// PrepayResponse is the answer of the JSAPI and APP order APIs.
type PrepayResponse struct {
	PrepayID string `json:"prepay_id"`
}

// H5Response is the answer of the H5 order API.
type H5Response struct {
	H5URL string `json:"h5_url"`
}

// NativeResponse is the answer of the Native order API.
type NativeResponse struct {
	CodeURL string `json:"code_url"`
}

func (c *Client) prepare(req *PrepayRequest) (*PrepayRequest, error) {
	if req == nil {
		return nil, errors.New("pay: nil PrepayRequest")
	}
	if req.AppID == "" || req.OutTradeNo == "" || req.Description == "" || req.NotifyURL == "" {
		return nil, errors.New("pay: PrepayRequest needs AppID, Description, OutTradeNo and NotifyURL")
	}
	if req.Amount.Total <= 0 {
		return nil, errors.New("pay: PrepayRequest.Amount.Total must be positive (fen)")
	}
	r := *req
	if r.MchID == "" {
		r.MchID = c.mchid
	}
	if r.Amount.Currency == "" {
		r.Amount.Currency = "CNY"
	}
	return &r, nil
}

// PrepayJSAPI creates a JSAPI / mini program order (POST
// /v3/pay/transactions/jsapi). Pass the prepay_id to JSAPIPayParams.
//
// See https://pay.weixin.qq.com/docs/merchant/apis/jsapi-payment/direct-jsons/jsapi-prepay.html
func (c *Client) PrepayJSAPI(ctx context.Context, req *PrepayRequest) (*PrepayResponse, error) {
	r, err := c.prepare(req)
	if err != nil {
		return nil, err
	}
	if r.Payer == nil || r.Payer.OpenID == "" {
		return nil, errors.New("pay: JSAPI order needs Payer.OpenID")
	}
	return call[PrepayResponse](ctx, c, post("/v3/pay/transactions/jsapi", r))
}

// PrepayJSAPIFor is the short form of PrepayJSAPI for the common case: one
// user, an amount in CNY fen.
func (c *Client) PrepayJSAPIFor(ctx context.Context, appID, description, outTradeNo, notifyURL string, total int64, openID string) (*PrepayResponse, error) {
	return c.PrepayJSAPI(ctx, &PrepayRequest{
		AppID: appID, Description: description, OutTradeNo: outTradeNo, NotifyURL: notifyURL,
		Amount: Amount{Total: total}, Payer: &Payer{OpenID: openID},
	})
}

// PrepayApp creates an APP order (POST /v3/pay/transactions/app). Pass the
// prepay_id to AppPayParams.
//
// See https://pay.weixin.qq.com/docs/merchant/apis/in-app-payment/direct-jsons/app-prepay.html
func (c *Client) PrepayApp(ctx context.Context, req *PrepayRequest) (*PrepayResponse, error) {
	r, err := c.prepare(req)
	if err != nil {
		return nil, err
	}
	return call[PrepayResponse](ctx, c, post("/v3/pay/transactions/app", r))
}

// PrepayH5 creates an H5 order (POST /v3/pay/transactions/h5).
//
// See https://pay.weixin.qq.com/docs/merchant/apis/h5-payment/direct-jsons/h5-prepay.html
func (c *Client) PrepayH5(ctx context.Context, req *PrepayRequest) (*H5Response, error) {
	r, err := c.prepare(req)
	if err != nil {
		return nil, err
	}
	if r.SceneInfo == nil || r.SceneInfo.H5Info == nil || r.SceneInfo.PayerClientIP == "" {
		return nil, errors.New("pay: H5 order needs SceneInfo.PayerClientIP and SceneInfo.H5Info")
	}
	return call[H5Response](ctx, c, post("/v3/pay/transactions/h5", r))
}

// PrepayNative creates a Native (QR code) order (POST
// /v3/pay/transactions/native).
//
// See https://pay.weixin.qq.com/docs/merchant/apis/native-payment/direct-jsons/native-prepay.html
func (c *Client) PrepayNative(ctx context.Context, req *PrepayRequest) (*NativeResponse, error) {
	r, err := c.prepare(req)
	if err != nil {
		return nil, err
	}
	return call[NativeResponse](ctx, c, post("/v3/pay/transactions/native", r))
}

// Trade states of Transaction.TradeState.
const (
	TradeStateSuccess    = "SUCCESS"
	TradeStateRefund     = "REFUND"
	TradeStateNotPay     = "NOTPAY"
	TradeStateClosed     = "CLOSED"
	TradeStateRevoked    = "REVOKED"
	TradeStateUserPaying = "USERPAYING"
	TradeStatePayError   = "PAYERROR"
)

// TransactionAmount is the amount part of a Transaction.
type TransactionAmount struct {
	Total         int64  `json:"total"`
	PayerTotal    int64  `json:"payer_total"`
	Currency      string `json:"currency"`
	PayerCurrency string `json:"payer_currency"`
}

// PromotionGoodsDetail is a goods line of a PromotionDetail.
type PromotionGoodsDetail struct {
	GoodsID        string `json:"goods_id"`
	Quantity       int64  `json:"quantity"`
	UnitPrice      int64  `json:"unit_price"`
	DiscountAmount int64  `json:"discount_amount"`
	GoodsRemark    string `json:"goods_remark,omitempty"`
}

// PromotionDetail is a coupon applied to a Transaction.
type PromotionDetail struct {
	CouponID            string                 `json:"coupon_id"`
	Name                string                 `json:"name,omitempty"`
	Scope               string                 `json:"scope,omitempty"`
	Type                string                 `json:"type,omitempty"`
	Amount              int64                  `json:"amount"`
	StockID             string                 `json:"stock_id,omitempty"`
	WechatpayContribute int64                  `json:"wechatpay_contribute"`
	MerchantContribute  int64                  `json:"merchant_contribute"`
	OtherContribute     int64                  `json:"other_contribute"`
	Currency            string                 `json:"currency,omitempty"`
	GoodsDetail         []PromotionGoodsDetail `json:"goods_detail,omitempty"`
}

// Transaction is an order as returned by the query APIs and in payment
// notifications (TRANSACTION.SUCCESS).
//
// See https://pay.weixin.qq.com/docs/merchant/apis/jsapi-payment/query-by-wx-trade-no.html
type Transaction struct {
	AppID          string            `json:"appid"`
	MchID          string            `json:"mchid"`
	OutTradeNo     string            `json:"out_trade_no"`
	TransactionID  string            `json:"transaction_id"`
	TradeType      string            `json:"trade_type"` // JSAPI, NATIVE, APP, MICROPAY, MWEB, FACEPAY
	TradeState     string            `json:"trade_state"`
	TradeStateDesc string            `json:"trade_state_desc"`
	BankType       string            `json:"bank_type"`
	Attach         string            `json:"attach"`
	SuccessTime    string            `json:"success_time"` // RFC 3339
	Payer          Payer             `json:"payer"`
	Amount         TransactionAmount `json:"amount"`
	SceneInfo      *struct {
		DeviceID string `json:"device_id"`
	} `json:"scene_info,omitempty"`
	PromotionDetail []PromotionDetail `json:"promotion_detail,omitempty"`
}

// QueryTransactionByID queries an order by WeChat Pay transaction id (GET
// /v3/pay/transactions/id/{transaction_id}?mchid=).
//
// See https://pay.weixin.qq.com/docs/merchant/apis/jsapi-payment/query-by-wx-trade-no.html
func (c *Client) QueryTransactionByID(ctx context.Context, transactionID string) (*Transaction, error) {
	if transactionID == "" {
		return nil, errors.New("pay: transactionID is required")
	}
	return call[Transaction](ctx, c, get("/v3/pay/transactions/id/"+url.PathEscape(transactionID), url.Values{"mchid": {c.mchid}}))
}

// QueryTransactionByOutTradeNo queries an order by merchant order number
// (GET /v3/pay/transactions/out-trade-no/{out_trade_no}?mchid=).
//
// See https://pay.weixin.qq.com/docs/merchant/apis/jsapi-payment/query-by-out-trade-no.html
func (c *Client) QueryTransactionByOutTradeNo(ctx context.Context, outTradeNo string) (*Transaction, error) {
	if outTradeNo == "" {
		return nil, errors.New("pay: outTradeNo is required")
	}
	return call[Transaction](ctx, c, get("/v3/pay/transactions/out-trade-no/"+url.PathEscape(outTradeNo), url.Values{"mchid": {c.mchid}}))
}

// CloseTransaction closes an unpaid order (POST
// /v3/pay/transactions/out-trade-no/{out_trade_no}/close, body {mchid};
// WeChat answers 204).
//
// See https://pay.weixin.qq.com/docs/merchant/apis/jsapi-payment/close-order.html
func (c *Client) CloseTransaction(ctx context.Context, outTradeNo string) error {
	if outTradeNo == "" {
		return errors.New("pay: outTradeNo is required")
	}
	body := struct {
		MchID string `json:"mchid"`
	}{c.mchid}
	return c.do(ctx, post("/v3/pay/transactions/out-trade-no/"+url.PathEscape(outTradeNo)+"/close", body), nil)
}
