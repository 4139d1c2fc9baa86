package pay

import (
	"context"
	"net/url"
	"strconv"
)

// PartnerService is service-provider mode (服务商模式): the Client's
// merchant is the service provider (sp_mchid) and every call names the
// sub-merchant (sub_mchid) it acts for. Orders, refunds and bills belong to
// the sub-merchant.
//
// Partner notifications come to the same handlers as the merchant ones:
// in NotifyHandler.OnTransaction and OnRefund (or OnOther) decode them with
// Notification.PartnerTransaction and Notification.PartnerRefund to get the
// sp_/sub_ fields.
//
// Retries: the prepay calls, Refund and CloseTransaction may be retried
// with the same out_trade_no / out_refund_no and the same content; queries
// are safe to repeat. The client never retries on its own except when a
// request surely never left.
//
// See https://pay.weixin.qq.com/docs/partner/apis/partner-jsapi-payment/partner-jsons/partner-jsapi-prepay.html
type PartnerService struct{ c *Client }

// PartnerPayer identifies the paying user: SpOpenID under SpAppID, or
// SubOpenID under SubAppID.
type PartnerPayer struct {
	SpOpenID  string `json:"sp_openid,omitempty"`
	SubOpenID string `json:"sub_openid,omitempty"`
}

// PartnerPrepayRequest is the body of the partner JSAPI, APP, H5 and Native
// order APIs. SpMchID defaults to the client's merchant id, Currency to CNY.
// Payer is required for JSAPI, SceneInfo.H5Info for H5.
//
// See https://pay.weixin.qq.com/docs/partner/apis/partner-jsapi-payment/partner-jsons/partner-jsapi-prepay.html
type PartnerPrepayRequest struct {
	SpAppID       string        `json:"sp_appid"`
	SpMchID       string        `json:"sp_mchid"`
	SubAppID      string        `json:"sub_appid,omitempty"`
	SubMchID      string        `json:"sub_mchid"`
	Description   string        `json:"description"`
	OutTradeNo    string        `json:"out_trade_no"`
	TimeExpire    string        `json:"time_expire,omitempty"` // see FormatTime
	Attach        string        `json:"attach,omitempty"`
	NotifyURL     string        `json:"notify_url"`
	GoodsTag      string        `json:"goods_tag,omitempty"`
	LimitPay      []string      `json:"limit_pay,omitempty"`
	SupportFapiao bool          `json:"support_fapiao,omitempty"`
	Amount        Amount        `json:"amount"`
	Payer         *PartnerPayer `json:"payer,omitempty"`
	Detail        *Detail       `json:"detail,omitempty"`
	SceneInfo     *SceneInfo    `json:"scene_info,omitempty"`
	SettleInfo    *SettleInfo   `json:"settle_info,omitempty"`
}

// PartnerTransaction is a sub-merchant order as the partner query APIs
// return it and as partner payment notifications carry it.
//
// See https://pay.weixin.qq.com/docs/partner/apis/partner-jsapi-payment/query-by-wx-trade-no.html
type PartnerTransaction struct {
	SpAppID        string            `json:"sp_appid"`
	SpMchID        string            `json:"sp_mchid"`
	SubAppID       string            `json:"sub_appid,omitempty"`
	SubMchID       string            `json:"sub_mchid"`
	OutTradeNo     string            `json:"out_trade_no"`
	TransactionID  string            `json:"transaction_id,omitempty"`
	TradeType      string            `json:"trade_type,omitempty"`
	TradeState     string            `json:"trade_state"`
	TradeStateDesc string            `json:"trade_state_desc"`
	BankType       string            `json:"bank_type,omitempty"`
	Attach         string            `json:"attach,omitempty"`
	SuccessTime    string            `json:"success_time,omitempty"`
	Payer          PartnerPayer      `json:"payer"`
	Amount         TransactionAmount `json:"amount"`
	SceneInfo      *struct {
		DeviceID string `json:"device_id"`
	} `json:"scene_info,omitempty"`
	PromotionDetail []PromotionDetail `json:"promotion_detail,omitempty"`
}

// PartnerTransaction decodes a partner payment notification.
func (n *Notification) PartnerTransaction() (*PartnerTransaction, error) {
	t := new(PartnerTransaction)
	return t, n.Decode(t)
}

// PartnerRefundNotification is the decrypted resource of a partner refund
// notification.
//
// See https://pay.weixin.qq.com/docs/partner/apis/partner-jsapi-payment/refund-result-notice.html
type PartnerRefundNotification struct {
	SpMchID  string `json:"sp_mchid"`
	SubMchID string `json:"sub_mchid"`
	RefundNotification
}

// PartnerRefund decodes a partner refund notification.
func (n *Notification) PartnerRefund() (*PartnerRefundNotification, error) {
	r := new(PartnerRefundNotification)
	return r, n.Decode(r)
}

func (s *PartnerService) prepare(req *PartnerPrepayRequest) (*PartnerPrepayRequest, error) {
	switch {
	case req == nil:
		return nil, argError("PartnerPrepayRequest", "is nil")
	case req.SpAppID == "" || req.SubMchID == "" || req.OutTradeNo == "" || req.Description == "" || req.NotifyURL == "":
		return nil, argError("sub_mchid", "SpAppID, SubMchID, Description, OutTradeNo and NotifyURL are required")
	case req.Amount.Total <= 0:
		return nil, argError("amount.total", "must be positive (fen)")
	case req.Payer != nil && req.Payer.SubOpenID != "" && req.SubAppID == "":
		return nil, argError("sub_appid", "is required with payer.sub_openid")
	}
	r := *req
	if r.SpMchID == "" {
		r.SpMchID = s.c.mchid
	}
	if r.Amount.Currency == "" {
		r.Amount.Currency = "CNY"
	}
	return &r, nil
}

// PrepayJSAPI creates a JSAPI / mini program order for a sub-merchant (POST
// /v3/pay/partner/transactions/jsapi). Pass the prepay_id to
// Client.JSAPIPayParams with the appid the payer's openid belongs to.
//
// See https://pay.weixin.qq.com/docs/partner/apis/partner-jsapi-payment/partner-jsons/partner-jsapi-prepay.html
func (s *PartnerService) PrepayJSAPI(ctx context.Context, req *PartnerPrepayRequest) (*PrepayResponse, error) {
	r, err := s.prepare(req)
	if err != nil {
		return nil, err
	}
	if r.Payer == nil || (r.Payer.SpOpenID == "") == (r.Payer.SubOpenID == "") {
		return nil, argError("payer", "JSAPI order needs exactly one of Payer.SpOpenID and Payer.SubOpenID")
	}
	return call[PrepayResponse](ctx, s.c, post("/v3/pay/partner/transactions/jsapi", r))
}

// PrepayApp creates an APP order for a sub-merchant (POST
// /v3/pay/partner/transactions/app). Pass the prepay_id to AppPayParams.
//
// See https://pay.weixin.qq.com/docs/partner/apis/partner-in-app-payment/partner-in-app-prepay.html
func (s *PartnerService) PrepayApp(ctx context.Context, req *PartnerPrepayRequest) (*PrepayResponse, error) {
	r, err := s.prepare(req)
	if err != nil {
		return nil, err
	}
	return call[PrepayResponse](ctx, s.c, post("/v3/pay/partner/transactions/app", r))
}

// PrepayH5 creates an H5 order for a sub-merchant (POST
// /v3/pay/partner/transactions/h5).
//
// See https://pay.weixin.qq.com/docs/partner/apis/partner-h5-payment/partner-h5-prepay.html
func (s *PartnerService) PrepayH5(ctx context.Context, req *PartnerPrepayRequest) (*H5Response, error) {
	r, err := s.prepare(req)
	if err != nil {
		return nil, err
	}
	if r.SceneInfo == nil || r.SceneInfo.H5Info == nil || r.SceneInfo.PayerClientIP == "" {
		return nil, argError("scene_info", "H5 order needs SceneInfo.PayerClientIP and SceneInfo.H5Info")
	}
	return call[H5Response](ctx, s.c, post("/v3/pay/partner/transactions/h5", r))
}

// PrepayNative creates a Native (QR code) order for a sub-merchant (POST
// /v3/pay/partner/transactions/native).
//
// See https://pay.weixin.qq.com/docs/partner/apis/partner-native-payment/partner-native-prepay.html
func (s *PartnerService) PrepayNative(ctx context.Context, req *PartnerPrepayRequest) (*NativeResponse, error) {
	r, err := s.prepare(req)
	if err != nil {
		return nil, err
	}
	return call[NativeResponse](ctx, s.c, post("/v3/pay/partner/transactions/native", r))
}

func (s *PartnerService) ids(subMchID string) url.Values {
	return url.Values{"sp_mchid": {s.c.mchid}, "sub_mchid": {subMchID}}
}

// QueryTransactionByID queries a sub-merchant order by WeChat Pay
// transaction id (GET
// /v3/pay/partner/transactions/id/{transaction_id}?sp_mchid=&sub_mchid=).
//
// See https://pay.weixin.qq.com/docs/partner/apis/partner-jsapi-payment/query-by-wx-trade-no.html
func (s *PartnerService) QueryTransactionByID(ctx context.Context, subMchID, transactionID string) (*PartnerTransaction, error) {
	if subMchID == "" || transactionID == "" {
		return nil, argError("transaction_id", "subMchID and transactionID are required")
	}
	return call[PartnerTransaction](ctx, s.c, get(pathf("/v3/pay/partner/transactions/id/{transaction_id}", transactionID), s.ids(subMchID)))
}

// QueryTransactionByOutTradeNo queries a sub-merchant order by merchant
// order number (GET
// /v3/pay/partner/transactions/out-trade-no/{out_trade_no}?sp_mchid=&sub_mchid=).
//
// See https://pay.weixin.qq.com/docs/partner/apis/partner-jsapi-payment/query-by-out-trade-no.html
func (s *PartnerService) QueryTransactionByOutTradeNo(ctx context.Context, subMchID, outTradeNo string) (*PartnerTransaction, error) {
	if subMchID == "" || outTradeNo == "" {
		return nil, argError("out_trade_no", "subMchID and outTradeNo are required")
	}
	return call[PartnerTransaction](ctx, s.c, get(pathf("/v3/pay/partner/transactions/out-trade-no/{out_trade_no}", outTradeNo), s.ids(subMchID)))
}

// CloseTransaction closes an unpaid sub-merchant order (POST
// /v3/pay/partner/transactions/out-trade-no/{out_trade_no}/close, body
// {sp_mchid, sub_mchid}; WeChat answers 204). Safe to repeat.
//
// See https://pay.weixin.qq.com/docs/partner/apis/partner-jsapi-payment/close-order.html
func (s *PartnerService) CloseTransaction(ctx context.Context, subMchID, outTradeNo string) error {
	if subMchID == "" || outTradeNo == "" {
		return argError("out_trade_no", "subMchID and outTradeNo are required")
	}
	body := struct {
		SpMchID  string `json:"sp_mchid"`
		SubMchID string `json:"sub_mchid"`
	}{s.c.mchid, subMchID}
	return s.c.do(ctx, post(pathf("/v3/pay/partner/transactions/out-trade-no/{out_trade_no}/close", outTradeNo), body), nil)
}

// PartnerRefundRequest is a RefundRequest for a sub-merchant order.
//
// See https://pay.weixin.qq.com/docs/partner/apis/partner-jsapi-payment/create.html
type PartnerRefundRequest struct {
	SubMchID string `json:"sub_mchid"`
	RefundRequest
}

// Refund refunds a sub-merchant order (POST /v3/refund/domestic/refunds
// with sub_mchid). Safe to retry with the same OutRefundNo and content.
//
// See https://pay.weixin.qq.com/docs/partner/apis/partner-jsapi-payment/create.html
func (s *PartnerService) Refund(ctx context.Context, req *PartnerRefundRequest) (*Refund, error) {
	if req == nil || req.SubMchID == "" {
		return nil, argError("sub_mchid", "is required")
	}
	if err := checkRefund(&req.RefundRequest); err != nil {
		return nil, err
	}
	r := *req
	if r.Amount.Currency == "" {
		r.Amount.Currency = "CNY"
	}
	return call[Refund](ctx, s.c, post("/v3/refund/domestic/refunds", &r))
}

// checkRefund validates a refund like Client.Refund.
func checkRefund(r *RefundRequest) error {
	switch {
	case r.OutRefundNo == "":
		return argError("out_refund_no", "is required")
	case (r.TransactionID == "") == (r.OutTradeNo == ""):
		return argError("transaction_id", "exactly one of TransactionID and OutTradeNo is required")
	case r.Amount.Refund <= 0 || r.Amount.Total <= 0 || r.Amount.Refund > r.Amount.Total:
		return argError("amount", "must satisfy 0 < Refund <= Total (fen)")
	}
	return nil
}

// QueryRefund queries a sub-merchant refund (GET
// /v3/refund/domestic/refunds/{out_refund_no}?sub_mchid=).
//
// See https://pay.weixin.qq.com/docs/partner/apis/partner-jsapi-payment/query-by-out-refund-no.html
func (s *PartnerService) QueryRefund(ctx context.Context, subMchID, outRefundNo string) (*Refund, error) {
	if subMchID == "" || outRefundNo == "" {
		return nil, argError("out_refund_no", "subMchID and outRefundNo are required")
	}
	return call[Refund](ctx, s.c, get(pathf("/v3/refund/domestic/refunds/{out_refund_no}", outRefundNo), url.Values{"sub_mchid": {subMchID}}))
}

// TradeBill asks for the trade bill of one sub-merchant (GET
// /v3/bill/tradebill?sub_mchid=); download it with Client.DownloadBill.
//
// See https://pay.weixin.qq.com/docs/partner/apis/partner-jsapi-payment/get-trade-bill.html
func (s *PartnerService) TradeBill(ctx context.Context, subMchID string, req *TradeBillRequest) (*Bill, error) {
	if subMchID == "" || req == nil || req.BillDate == "" {
		return nil, argError("bill_date", "subMchID and BillDate are required")
	}
	bt := req.BillType
	if bt == "" {
		bt = "ALL"
	}
	return s.c.bill(ctx, "/v3/bill/tradebill", url.Values{"bill_date": {req.BillDate}, "bill_type": {bt}, "sub_mchid": {subMchID}}, req.TarType)
}

// AppPayParams signs the APP payment parameters of a sub-merchant order:
// appid is the sub-merchant's app (SubAppID of the order), partnerid the
// sub-merchant (sign over "appid\ntimestamp\nnoncestr\nprepayid\n").
//
// See https://pay.weixin.qq.com/docs/partner/apis/partner-in-app-payment/app-transfer-payment.html
func (s *PartnerService) AppPayParams(subAppID, subMchID, prepayID string) (*AppPayParams, error) {
	if subAppID == "" || subMchID == "" || prepayID == "" {
		return nil, argError("prepay_id", "subAppID, subMchID and prepayID are required")
	}
	var n [32]byte
	newNonce(&n)
	p := &AppPayParams{
		AppID: subAppID, PartnerID: subMchID, PrepayID: prepayID, Package: "Sign=WXPay",
		NonceStr: string(n[:]), Timestamp: strconv.FormatInt(s.c.now().Unix(), 10),
	}
	var err error
	p.Sign, err = s.c.signLines(p.AppID, p.Timestamp, p.NonceStr, p.PrepayID)
	if err != nil {
		return nil, err
	}
	return p, nil
}

// JSAPIPayParams signs the JSAPI / mini program payment parameters of a
// sub-merchant order: appID is the appid the payer's openid belongs to
// (SubAppID for sub_openid, SpAppID for sp_openid).
//
// See https://pay.weixin.qq.com/docs/partner/apis/partner-jsapi-payment/jsapi-transfer-payment.html
func (s *PartnerService) JSAPIPayParams(appID, prepayID string) (*JSAPIPayParams, error) {
	return s.c.JSAPIPayParams(appID, prepayID)
}

// CombinePrepayJSAPI creates a combined JSAPI order of sub-merchants as a
// service provider (POST /v3/combine-transactions/jsapi): every sub-order
// names its SubMchID; CombineMchID and each sub-order's MchID default to the
// provider. Pass the prepay_id to Client.JSAPIPayParams; the notification
// decodes with Notification.CombineTransaction (SubMchID per sub-order).
// Safe to retry with the same CombineOutTradeNo and content.
//
// See https://pay.weixin.qq.com/docs/partner/products/combine-payment/apilist-jsapi.html
func (s *PartnerService) CombinePrepayJSAPI(ctx context.Context, req *CombineJSAPIRequest) (*PrepayResponse, error) {
	if req == nil {
		return nil, argError("CombineJSAPIRequest", "is nil")
	}
	for _, so := range req.SubOrders {
		if so.SubMchID == "" {
			return nil, argError("sub_orders.sub_mchid", "every sub-order of a service provider names its sub-merchant")
		}
	}
	return s.c.CombinePrepayJSAPI(ctx, req)
}
