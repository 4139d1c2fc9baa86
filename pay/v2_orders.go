package pay

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"crypto/aes"
	"crypto/md5"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
)

// v2 trade types (trade_type of UnifiedOrder).
const (
	V2TradeTypeJSAPI  = "JSAPI"  // official account and mini program
	V2TradeTypeNative = "NATIVE" // QR code
	V2TradeTypeApp    = "APP"
	V2TradeTypeMWeb   = "MWEB" // H5 outside WeChat
)

// v2 trade states (trade_state of QueryV2Order).
const (
	V2TradeStateSuccess    = "SUCCESS"
	V2TradeStateRefund     = "REFUND"
	V2TradeStateNotPay     = "NOTPAY"
	V2TradeStateClosed     = "CLOSED"
	V2TradeStateRevoked    = "REVOKED"
	V2TradeStateUserPaying = "USERPAYING"
	V2TradeStatePayError   = "PAYERROR"
)

// v2 refund statuses (refund_status of QueryV2Refund and the refund
// notification).
const (
	V2RefundStatusSuccess    = "SUCCESS"
	V2RefundStatusClosed     = "REFUNDCLOSE"
	V2RefundStatusProcessing = "PROCESSING"
	V2RefundStatusChange     = "CHANGE"
)

// UnifiedOrderRequest is the body of the v2 unified order (统一下单).
// TotalFee is in fen. OpenID is required for JSAPI, ProductID for NATIVE
// and SceneInfo (a JSON string) for MWEB. MchID defaults to Config.MchID;
// SignType is MD5 (default) or HMAC-SHA256.
//
// See https://pay.weixin.qq.com/wiki/doc/api/jsapi.php?chapter=9_1
type UnifiedOrderRequest struct {
	AppID          string
	MchID          string
	DeviceInfo     string
	Body           string
	Detail         string
	Attach         string
	OutTradeNo     string
	FeeType        string
	TotalFee       int64
	SpbillCreateIP string
	TimeStart      string // yyyyMMddHHmmss
	TimeExpire     string // yyyyMMddHHmmss
	GoodsTag       string
	NotifyURL      string
	TradeType      string // V2TradeType*
	ProductID      string
	LimitPay       string // no_credit
	OpenID         string
	Receipt        string // Y: electronic invoice entry
	ProfitSharing  string // Y: the amount is frozen for profit sharing
	SceneInfo      string
	SignType       string
}

// UnifiedOrderResponse is the verified answer of UnifiedOrder: PrepayID
// (valid two hours), CodeURL for NATIVE and MWebURL for MWEB.
type UnifiedOrderResponse struct {
	AppID      string
	MchID      string
	DeviceInfo string
	TradeType  string
	PrepayID   string
	CodeURL    string
	MWebURL    string
	Raw        map[string]string
}

// UnifiedOrder creates a v2 order (POST /pay/unifiedorder). A *V2Error
// carries WeChat Pay's err_code (ORDERPAID, ORDERCLOSED,
// OUT_TRADE_NO_USED, LACK_PARAMS, INVALID_REQUEST, SYSTEMERROR…); the
// response is returned with it.
//
// See https://pay.weixin.qq.com/wiki/doc/api/jsapi.php?chapter=9_1
func (c *Client) UnifiedOrder(ctx context.Context, req *UnifiedOrderRequest) (*UnifiedOrderResponse, error) {
	if req == nil {
		return nil, argError("req", "is required")
	}
	if err := need("AppID", req.AppID, "Body", req.Body, "OutTradeNo", req.OutTradeNo, "SpbillCreateIP", req.SpbillCreateIP,
		"NotifyURL", req.NotifyURL, "TradeType", req.TradeType); err != nil {
		return nil, err
	}
	switch {
	case req.TotalFee <= 0:
		return nil, argError("TotalFee", "must be positive")
	case req.TradeType == V2TradeTypeJSAPI && req.OpenID == "":
		return nil, argError("OpenID", "is required for JSAPI")
	case req.TradeType == V2TradeTypeNative && req.ProductID == "":
		return nil, argError("ProductID", "is required for NATIVE")
	case req.TradeType == V2TradeTypeMWeb && req.SceneInfo == "":
		return nil, argError("SceneInfo", "is required for MWEB")
	case req.TradeType != V2TradeTypeJSAPI && req.TradeType != V2TradeTypeNative && req.TradeType != V2TradeTypeApp && req.TradeType != V2TradeTypeMWeb:
		return nil, argError("TradeType", "must be JSAPI, NATIVE, APP or MWEB")
	}
	p := map[string]string{
		"appid": req.AppID, "mch_id": req.MchID, "device_info": req.DeviceInfo, "body": req.Body, "detail": req.Detail,
		"attach": req.Attach, "out_trade_no": req.OutTradeNo, "fee_type": req.FeeType,
		"total_fee": strconv.FormatInt(req.TotalFee, 10), "spbill_create_ip": req.SpbillCreateIP,
		"time_start": req.TimeStart, "time_expire": req.TimeExpire, "goods_tag": req.GoodsTag, "notify_url": req.NotifyURL,
		"trade_type": req.TradeType, "product_id": req.ProductID, "limit_pay": req.LimitPay, "openid": req.OpenID,
		"receipt": req.Receipt, "profit_sharing": req.ProfitSharing, "scene_info": req.SceneInfo, "sign_type": req.SignType,
	}
	m, err := c.postV2(ctx, c.hc, "/pay/unifiedorder", p, true)
	if m == nil {
		return nil, err
	}
	return &UnifiedOrderResponse{AppID: m["appid"], MchID: m["mch_id"], DeviceInfo: m["device_info"], TradeType: m["trade_type"],
		PrepayID: m["prepay_id"], CodeURL: m["code_url"], MWebURL: m["mweb_url"], Raw: m}, err
}

// V2JSAPIPayParams returns the parameters of WeixinJSBridge
// getBrandWCPayRequest / wx.requestPayment for a v2 prepayID: appId,
// timeStamp, nonceStr, package ("prepay_id=…"), signType and paySign,
// the v2 sign of the other five with the APIv2 key. signType is MD5
// ("" too) or HMAC-SHA256 and must be the sign_type UnifiedOrder used.
// The v3 equivalent is JSAPIPayParams.
//
// See https://pay.weixin.qq.com/wiki/doc/api/jsapi.php?chapter=7_7&index=6
func (c *Client) V2JSAPIPayParams(appID, prepayID, signType string) (map[string]string, error) {
	if err := need("appID", appID, "prepayID", prepayID); err != nil {
		return nil, err
	}
	if signType == "" {
		signType = SignTypeMD5
	}
	p := map[string]string{"appId": appID, "timeStamp": strconv.FormatInt(c.now().Unix(), 10), "nonceStr": v2Nonce(),
		"package": "prepay_id=" + prepayID, "signType": signType}
	if err := c.v2SignInto(p, "paySign", signType); err != nil {
		return nil, err
	}
	return p, nil
}

// V2AppPayParams returns the parameters of the APP SDK's PayReq for a v2
// prepayID: appid, partnerid (Config.MchID), prepayid, package
// ("Sign=WXPay"), noncestr, timestamp and sign, their MD5 v2 sign. The v3
// equivalent is AppPayParams.
//
// See https://pay.weixin.qq.com/wiki/doc/api/app/app.php?chapter=9_12&index=2
func (c *Client) V2AppPayParams(appID, prepayID string) (map[string]string, error) {
	if err := need("appID", appID, "prepayID", prepayID); err != nil {
		return nil, err
	}
	p := map[string]string{"appid": appID, "partnerid": c.mchid, "prepayid": prepayID, "package": "Sign=WXPay",
		"noncestr": v2Nonce(), "timestamp": strconv.FormatInt(c.now().Unix(), 10)}
	if err := c.v2SignInto(p, "sign", SignTypeMD5); err != nil {
		return nil, err
	}
	return p, nil
}

// v2SignInto sets p[field] to the v2 sign of p.
func (c *Client) v2SignInto(p map[string]string, field, signType string) error {
	if c.v2key == "" {
		return argError("Config.APIv2Key", "is required for v2 endpoints")
	}
	s, err := V2Sign(p, c.v2key, signType)
	p[field] = s
	return err
}

// V2Coupon is one coupon of an order (coupon_type_$n, coupon_id_$n,
// coupon_fee_$n).
type V2Coupon struct {
	Type string // CASH or NO_CASH
	ID   string
	Fee  int64
}

// V2Order is a v2 order as QueryV2Order and ParseV2PayNotification return
// it. Amounts are in fen.
//
// See https://pay.weixin.qq.com/wiki/doc/api/jsapi.php?chapter=9_2
type V2Order struct {
	AppID              string
	MchID              string
	DeviceInfo         string
	OpenID             string
	IsSubscribe        string
	TradeType          string
	TradeState         string // V2TradeState*; empty in a notification
	TradeStateDesc     string
	BankType           string
	TotalFee           int64
	SettlementTotalFee int64
	FeeType            string
	CashFee            int64
	CashFeeType        string
	CouponFee          int64
	Coupons            []V2Coupon
	TransactionID      string
	OutTradeNo         string
	Attach             string
	TimeEnd            string // yyyyMMddHHmmss
	Raw                map[string]string
}

func v2OrderFrom(m map[string]string) *V2Order {
	o := &V2Order{AppID: m["appid"], MchID: m["mch_id"], DeviceInfo: m["device_info"], OpenID: m["openid"],
		IsSubscribe: m["is_subscribe"], TradeType: m["trade_type"], TradeState: m["trade_state"],
		TradeStateDesc: m["trade_state_desc"], BankType: m["bank_type"], TotalFee: atoi64(m["total_fee"]),
		SettlementTotalFee: atoi64(m["settlement_total_fee"]), FeeType: m["fee_type"], CashFee: atoi64(m["cash_fee"]),
		CashFeeType: m["cash_fee_type"], CouponFee: atoi64(m["coupon_fee"]), TransactionID: m["transaction_id"],
		OutTradeNo: m["out_trade_no"], Attach: m["attach"], TimeEnd: m["time_end"], Raw: m}
	for i := range min(atoi64(m["coupon_count"]), 100) {
		n := strconv.FormatInt(i, 10)
		o.Coupons = append(o.Coupons, V2Coupon{Type: m["coupon_type_"+n], ID: m["coupon_id_"+n], Fee: atoi64(m["coupon_fee_"+n])})
	}
	return o
}

// V2OrderQuery names a v2 order by TransactionID or OutTradeNo.
type V2OrderQuery struct {
	AppID         string
	TransactionID string
	OutTradeNo    string
	SignType      string
}

// QueryV2Order queries a v2 order (POST /pay/orderquery). A *V2Error
// with ErrCode ORDERNOTEXIST means no such order.
//
// See https://pay.weixin.qq.com/wiki/doc/api/jsapi.php?chapter=9_2
func (c *Client) QueryV2Order(ctx context.Context, q *V2OrderQuery) (*V2Order, error) {
	m, err := c.queryV2Order(ctx, "/pay/orderquery", q)
	if err != nil {
		return nil, err
	}
	return v2OrderFrom(m), nil
}

// queryV2Order posts an order query (orderquery, paporderquery) and
// returns the verified answer.
func (c *Client) queryV2Order(ctx context.Context, path string, q *V2OrderQuery) (map[string]string, error) {
	if q == nil {
		return nil, argError("q", "is required")
	}
	if err := need("AppID", q.AppID); err != nil {
		return nil, err
	}
	if q.TransactionID == "" && q.OutTradeNo == "" {
		return nil, argError("TransactionID", "or OutTradeNo is required")
	}
	p := map[string]string{"appid": q.AppID, "transaction_id": q.TransactionID, "out_trade_no": q.OutTradeNo, "sign_type": q.SignType}
	m, err := c.postV2(ctx, c.hc, path, p, true)
	if err != nil {
		return nil, err
	}
	return m, nil
}

// CloseV2Order closes an unpaid v2 order (POST /pay/closeorder); an order
// can be closed five minutes after it was created. A *V2Error with
// ErrCode ORDERPAID means it was paid meanwhile: treat it as paid.
//
// See https://pay.weixin.qq.com/wiki/doc/api/jsapi.php?chapter=9_3
func (c *Client) CloseV2Order(ctx context.Context, appID, outTradeNo string) error {
	if err := need("appID", appID, "outTradeNo", outTradeNo); err != nil {
		return err
	}
	_, err := c.postV2(ctx, c.hc, "/pay/closeorder", map[string]string{"appid": appID, "out_trade_no": outTradeNo}, true)
	return err
}

// V2RefundRequest is the body of V2Refund; set TransactionID or
// OutTradeNo. Fees are in fen; TotalFee is the order's. RefundAccount is
// REFUND_SOURCE_UNSETTLED_FUNDS (default) or REFUND_SOURCE_RECHARGE_FUNDS.
//
// See https://pay.weixin.qq.com/wiki/doc/api/jsapi.php?chapter=9_4
type V2RefundRequest struct {
	AppID         string
	TransactionID string
	OutTradeNo    string
	OutRefundNo   string
	TotalFee      int64
	RefundFee     int64
	RefundFeeType string
	RefundDesc    string
	RefundAccount string
	NotifyURL     string
	SignType      string
}

// V2RefundResponse is the verified answer of V2Refund: the refund is
// accepted, QueryV2Refund or the refund notification tells its result.
type V2RefundResponse struct {
	AppID               string
	MchID               string
	TransactionID       string
	OutTradeNo          string
	OutRefundNo         string
	RefundID            string
	RefundFee           int64
	SettlementRefundFee int64
	TotalFee            int64
	SettlementTotalFee  int64
	FeeType             string
	CashFee             int64
	CashFeeType         string
	CashRefundFee       int64
	CouponRefundFee     int64
	CouponRefundCount   int64
	Raw                 map[string]string
}

// V2Refund refunds a v2 order (POST /secapi/pay/refund) over mutual TLS:
// the client must have been built WithTLSClient. Retry a failed refund
// with the same OutRefundNo. A *V2Error carries WeChat Pay's err_code
// (NOTENOUGH, ORDERNOTEXIST, INVALID_REQUEST, PARAM_ERROR, SYSTEMERROR…);
// the response is returned with it.
//
// See https://pay.weixin.qq.com/wiki/doc/api/jsapi.php?chapter=9_4
func (c *Client) V2Refund(ctx context.Context, req *V2RefundRequest) (*V2RefundResponse, error) {
	if req == nil {
		return nil, argError("req", "is required")
	}
	if err := need("AppID", req.AppID, "OutRefundNo", req.OutRefundNo); err != nil {
		return nil, err
	}
	switch {
	case req.TransactionID == "" && req.OutTradeNo == "":
		return nil, argError("TransactionID", "or OutTradeNo is required")
	case req.TotalFee <= 0 || req.RefundFee <= 0 || req.RefundFee > req.TotalFee:
		return nil, argError("RefundFee", "must be positive and at most TotalFee")
	case c.tlsHC == nil:
		return nil, argError("WithTLSClient", "refunds need the merchant certificate (mutual TLS)")
	}
	p := map[string]string{
		"appid": req.AppID, "transaction_id": req.TransactionID, "out_trade_no": req.OutTradeNo, "out_refund_no": req.OutRefundNo,
		"total_fee": strconv.FormatInt(req.TotalFee, 10), "refund_fee": strconv.FormatInt(req.RefundFee, 10),
		"refund_fee_type": req.RefundFeeType, "refund_desc": req.RefundDesc, "refund_account": req.RefundAccount,
		"notify_url": req.NotifyURL, "sign_type": req.SignType,
	}
	m, err := c.postV2(ctx, c.tlsHC, "/secapi/pay/refund", p, true)
	if m == nil {
		return nil, err
	}
	return &V2RefundResponse{AppID: m["appid"], MchID: m["mch_id"], TransactionID: m["transaction_id"], OutTradeNo: m["out_trade_no"],
		OutRefundNo: m["out_refund_no"], RefundID: m["refund_id"], RefundFee: atoi64(m["refund_fee"]),
		SettlementRefundFee: atoi64(m["settlement_refund_fee"]), TotalFee: atoi64(m["total_fee"]),
		SettlementTotalFee: atoi64(m["settlement_total_fee"]), FeeType: m["fee_type"], CashFee: atoi64(m["cash_fee"]),
		CashFeeType: m["cash_fee_type"], CashRefundFee: atoi64(m["cash_refund_fee"]), CouponRefundFee: atoi64(m["coupon_refund_fee"]),
		CouponRefundCount: atoi64(m["coupon_refund_count"]), Raw: m}, err
}

// V2RefundQuery names the refunds to query: one of RefundID, OutRefundNo,
// TransactionID and OutTradeNo (in that priority). Offset pages an order
// with more than 10 refunds.
type V2RefundQuery struct {
	AppID         string
	TransactionID string
	OutTradeNo    string
	OutRefundNo   string
	RefundID      string
	Offset        int
	SignType      string
}

// V2RefundItem is one refund of a V2RefundQueryResponse (the _$n fields).
type V2RefundItem struct {
	OutRefundNo         string
	RefundID            string
	RefundChannel       string // ORIGINAL or BALANCE
	RefundFee           int64
	SettlementRefundFee int64
	CouponRefundFee     int64
	CouponRefundCount   int64
	RefundStatus        string // V2RefundStatus*
	RefundAccount       string
	RefundRecvAccount   string // refund_recv_accout_$n, spelled so by WeChat Pay
	RefundSuccessTime   string // "2006-01-02 15:04:05"
}

// V2RefundQueryResponse is the verified answer of QueryV2Refund.
type V2RefundQueryResponse struct {
	AppID              string
	MchID              string
	TransactionID      string
	OutTradeNo         string
	TotalFee           int64
	SettlementTotalFee int64
	FeeType            string
	CashFee            int64
	TotalRefundCount   int64
	Refunds            []V2RefundItem
	Raw                map[string]string
}

// QueryV2Refund queries the refunds of a v2 order (POST
// /pay/refundquery). A *V2Error with ErrCode REFUNDNOTEXIST means no such
// refund.
//
// See https://pay.weixin.qq.com/wiki/doc/api/jsapi.php?chapter=9_5
func (c *Client) QueryV2Refund(ctx context.Context, q *V2RefundQuery) (*V2RefundQueryResponse, error) {
	if q == nil {
		return nil, argError("q", "is required")
	}
	if err := need("AppID", q.AppID); err != nil {
		return nil, err
	}
	if q.TransactionID == "" && q.OutTradeNo == "" && q.OutRefundNo == "" && q.RefundID == "" {
		return nil, argError("RefundID", "or OutRefundNo, TransactionID, OutTradeNo is required")
	}
	p := map[string]string{"appid": q.AppID, "transaction_id": q.TransactionID, "out_trade_no": q.OutTradeNo,
		"out_refund_no": q.OutRefundNo, "refund_id": q.RefundID, "sign_type": q.SignType}
	if q.Offset > 0 {
		p["offset"] = strconv.Itoa(q.Offset)
	}
	m, err := c.postV2(ctx, c.hc, "/pay/refundquery", p, true)
	if m == nil || err != nil {
		return nil, err
	}
	r := &V2RefundQueryResponse{AppID: m["appid"], MchID: m["mch_id"], TransactionID: m["transaction_id"], OutTradeNo: m["out_trade_no"],
		TotalFee: atoi64(m["total_fee"]), SettlementTotalFee: atoi64(m["settlement_total_fee"]), FeeType: m["fee_type"],
		CashFee: atoi64(m["cash_fee"]), TotalRefundCount: atoi64(m["total_refund_count"]), Raw: m}
	for i := range min(atoi64(m["refund_count"]), 100) {
		n := "_" + strconv.FormatInt(i, 10)
		r.Refunds = append(r.Refunds, V2RefundItem{OutRefundNo: m["out_refund_no"+n], RefundID: m["refund_id"+n],
			RefundChannel: m["refund_channel"+n], RefundFee: atoi64(m["refund_fee"+n]),
			SettlementRefundFee: atoi64(m["settlement_refund_fee"+n]), CouponRefundFee: atoi64(m["coupon_refund_fee"+n]),
			CouponRefundCount: atoi64(m["coupon_refund_count"+n]), RefundStatus: m["refund_status"+n],
			RefundAccount: m["refund_account"+n], RefundRecvAccount: m["refund_recv_accout"+n],
			RefundSuccessTime: m["refund_success_time"+n]})
	}
	return r, nil
}

// V2BillRequest selects a v2 trade bill (BillType ALL (default), SUCCESS,
// REFUND or RECHARGE_REFUND) or fund-flow bill (AccountType Basic
// (default), Operation or Fees) of BillDate (yyyyMMdd). TarType GZIP
// compresses the transfer; the bill is written decompressed either way.
type V2BillRequest struct {
	AppID       string
	BillDate    string
	BillType    string // DownloadV2Bill only
	AccountType string // DownloadV2FundFlow only
	TarType     string
}

// DownloadV2Bill streams the v2 trade bill (POST /pay/downloadbill, a
// CSV-like text with a summary at the end) into w and returns the number
// of bytes written. A FAIL answer ("No Bill Exist"…) is a *V2Error whose
// ErrCode is the answer's error_code.
//
// See https://pay.weixin.qq.com/wiki/doc/api/jsapi.php?chapter=9_6
func (c *Client) DownloadV2Bill(ctx context.Context, req *V2BillRequest, w io.Writer) (int64, error) {
	if req == nil {
		return 0, argError("req", "is required")
	}
	if err := need("AppID", req.AppID, "BillDate", req.BillDate); err != nil {
		return 0, err
	}
	bt := req.BillType
	if bt == "" {
		bt = "ALL"
	}
	p := map[string]string{"appid": req.AppID, "bill_date": req.BillDate, "bill_type": bt, "tar_type": req.TarType}
	return c.downloadV2(ctx, c.hc, "/pay/downloadbill", p, req.TarType == "GZIP", w)
}

// DownloadV2FundFlow streams the v2 fund-flow bill (POST
// /pay/downloadfundflow, HMAC-SHA256 signed) of the Basic, Operation or
// Fees account into w over mutual TLS: the client must have been built
// WithTLSClient. A FAIL answer is a *V2Error.
//
// See https://pay.weixin.qq.com/wiki/doc/api/jsapi.php?chapter=9_18&index=7
func (c *Client) DownloadV2FundFlow(ctx context.Context, req *V2BillRequest, w io.Writer) (int64, error) {
	if req == nil {
		return 0, argError("req", "is required")
	}
	if err := need("AppID", req.AppID, "BillDate", req.BillDate); err != nil {
		return 0, err
	}
	if c.tlsHC == nil {
		return 0, argError("WithTLSClient", "the fund-flow bill needs the merchant certificate (mutual TLS)")
	}
	at := req.AccountType
	if at == "" {
		at = "Basic"
	}
	p := map[string]string{"appid": req.AppID, "bill_date": req.BillDate, "account_type": at, "tar_type": req.TarType,
		"sign_type": SignTypeHMACSHA256}
	return c.downloadV2(ctx, c.tlsHC, "/pay/downloadfundflow", p, req.TarType == "GZIP", w)
}

// downloadV2 posts the signed params and streams the answer into w
// (gunzipped when gz); an XML answer is the FAIL document.
func (c *Client) downloadV2(ctx context.Context, hc *http.Client, path string, p map[string]string, gz bool, w io.Writer) (int64, error) {
	p["mch_id"] = c.mchid
	resp, err := c.sendV2(ctx, hc, path, p)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	br := bufio.NewReader(resp.Body)
	head, _ := br.Peek(64)
	if bytes.HasPrefix(bytes.TrimLeft(head, " \t\r\n"), []byte("<xml>")) {
		body, err := readLimited(br, -1, 1<<16)
		if err != nil {
			return 0, err
		}
		m, err := parseV2XML(body, false)
		if err != nil {
			return 0, fmt.Errorf("pay: POST %s: %w", path, err)
		}
		return 0, &V2Error{ReturnCode: m["return_code"], ReturnMsg: m["return_msg"], ErrCode: m["error_code"]}
	}
	var src io.Reader = br
	if gz {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return 0, fmt.Errorf("pay: bill is not gzip: %w", err)
		}
		defer zr.Close()
		src = zr
	}
	n, err := io.Copy(w, src)
	if err != nil {
		return n, fmt.Errorf("pay: streaming %s: %w", path, err)
	}
	return n, nil
}

// ErrV2Notification reports a v2 notification that is not the documented
// XML, or whose sign or req_info does not verify.
var ErrV2Notification = errors.New("pay: invalid v2 notification")

// V2NotificationAck is the XML answer that acknowledges a v2 payment or
// refund notification; reply with it and HTTP 200 once it is handled
// (WeChat Pay repeats the notification until then).
//
// See https://pay.weixin.qq.com/wiki/doc/api/jsapi.php?chapter=9_7&index=8
var V2NotificationAck = []byte("<xml><return_code><![CDATA[SUCCESS]]></return_code><return_msg><![CDATA[OK]]></return_msg></xml>")

// ParseV2PayNotification verifies the sign of a v2 payment result
// notification (the XML body POSTed to UnifiedOrder's notify_url, signed
// with the APIv2 key, MD5 unless sign_type says HMAC-SHA256) and returns
// the order it reports. Check Raw["result_code"] == "SUCCESS" and the
// amount against your own order before shipping. The same notification
// can arrive more than once.
//
// See https://pay.weixin.qq.com/wiki/doc/api/jsapi.php?chapter=9_7&index=8
func (c *Client) ParseV2PayNotification(body []byte) (*V2Order, error) {
	if c.v2key == "" {
		return nil, argError("Config.APIv2Key", "is required for v2 notifications")
	}
	m, err := ParseV2XML(body)
	if err != nil || m["return_code"] != "SUCCESS" || m["sign"] == "" {
		return nil, ErrV2Notification
	}
	want, err := V2Sign(m, c.v2key, m["sign_type"])
	if err != nil || subtle.ConstantTimeCompare([]byte(want), []byte(m["sign"])) != 1 {
		return nil, ErrV2Notification
	}
	return v2OrderFrom(m), nil
}

// V2RefundNotification is the decrypted req_info of a v2 refund
// notification, with the envelope's AppID and MchID. Fees are in fen.
//
// See https://pay.weixin.qq.com/wiki/doc/api/jsapi.php?chapter=9_16&index=10
type V2RefundNotification struct {
	AppID               string
	MchID               string
	TransactionID       string
	OutTradeNo          string
	RefundID            string
	OutRefundNo         string
	TotalFee            int64
	SettlementTotalFee  int64
	RefundFee           int64
	SettlementRefundFee int64
	RefundStatus        string // SUCCESS, CHANGE or REFUNDCLOSE
	SuccessTime         string // "2006-01-02 15:04:05"
	RefundRecvAccount   string // refund_recv_accout, spelled so by WeChat Pay
	RefundAccount       string
	RefundRequestSource string // API or VENDOR_PLATFORM
	Raw                 map[string]string
}

// ParseV2RefundNotification decrypts a v2 refund result notification:
// the XML body carries no sign, its req_info is AES-256-ECB (PKCS#7)
// under the lowercase hex MD5 of the APIv2 key, which authenticates it.
//
// See https://pay.weixin.qq.com/wiki/doc/api/jsapi.php?chapter=9_16&index=10
func (c *Client) ParseV2RefundNotification(body []byte) (*V2RefundNotification, error) {
	if c.v2key == "" {
		return nil, argError("Config.APIv2Key", "is required for v2 notifications")
	}
	env, err := ParseV2XML(body)
	if err != nil || env["return_code"] != "SUCCESS" || env["req_info"] == "" {
		return nil, ErrV2Notification
	}
	pt, err := decryptV2ReqInfo(env["req_info"], c.v2key)
	if err != nil {
		return nil, err
	}
	m, err := ParseV2XML(pt)
	if err != nil || m["out_refund_no"] == "" {
		return nil, ErrV2Notification
	}
	return &V2RefundNotification{AppID: env["appid"], MchID: env["mch_id"], TransactionID: m["transaction_id"],
		OutTradeNo: m["out_trade_no"], RefundID: m["refund_id"], OutRefundNo: m["out_refund_no"],
		TotalFee: atoi64(m["total_fee"]), SettlementTotalFee: atoi64(m["settlement_total_fee"]),
		RefundFee: atoi64(m["refund_fee"]), SettlementRefundFee: atoi64(m["settlement_refund_fee"]),
		RefundStatus: m["refund_status"], SuccessTime: m["success_time"], RefundRecvAccount: m["refund_recv_accout"],
		RefundAccount: m["refund_account"], RefundRequestSource: m["refund_request_source"], Raw: m}, nil
}

// decryptV2ReqInfo opens req_info: base64, AES-256-ECB keyed with the
// lowercase hex MD5 of key, PKCS#7 padding.
func decryptV2ReqInfo(reqInfo, key string) ([]byte, error) {
	ct, err := base64.StdEncoding.DecodeString(strings.TrimSpace(reqInfo))
	if err != nil || len(ct) == 0 || len(ct)%aes.BlockSize != 0 {
		return nil, ErrV2Notification
	}
	sum := md5.Sum([]byte(key))
	block, _ := aes.NewCipher([]byte(hex.EncodeToString(sum[:]))) // 32 bytes: never fails
	pt := make([]byte, len(ct))
	for i := 0; i < len(ct); i += aes.BlockSize {
		block.Decrypt(pt[i:i+aes.BlockSize], ct[i:i+aes.BlockSize])
	}
	pad := int(pt[len(pt)-1])
	if pad == 0 || pad > aes.BlockSize || !bytes.Equal(pt[len(pt)-pad:], bytes.Repeat([]byte{byte(pad)}, pad)) {
		return nil, ErrV2Notification
	}
	return pt[:len(pt)-pad], nil
}
