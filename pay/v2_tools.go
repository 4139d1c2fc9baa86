package pay

import (
	"context"
	"io"
	"strconv"
	"time"

	"github.com/weixin-go/wechat"
)

// AuthCodeToOpenIDRequest names the payment code (付款码) to look up.
// Service providers set SubMchID, and SubAppID when the sub-merchant has
// several AppIDs bound.
//
// See https://pay.weixin.qq.com/doc/v2/merchant/4011940944
type AuthCodeToOpenIDRequest struct {
	AppID    string
	SubAppID string
	SubMchID string
	AuthCode string
}

// AuthCodeToOpenIDResponse is the verified answer of AuthCodeToOpenID:
// OpenID under AppID and, for service providers, SubOpenID under the
// sub-merchant's AppID.
type AuthCodeToOpenIDResponse struct {
	OpenID    string
	SubOpenID string
	Raw       map[string]string
}

// AuthCodeToOpenID returns the openid of the user who shows a payment
// code (POST /tools/authcodetoopenid). The code can then only be charged
// by this merchant until it refreshes. Use the openid only to identify
// the user: verify the user again before touching their balance or points.
// A *V2Error carries err_code AUTHCODEEXPIRE, AUTH_CODE_ERROR,
// AUTH_CODE_INVALID or SYSTEMERROR.
//
// See https://pay.weixin.qq.com/doc/v2/merchant/4011940944 and
// https://pay.weixin.qq.com/doc/v2/partner/4011941724
func (c *Client) AuthCodeToOpenID(ctx context.Context, req *AuthCodeToOpenIDRequest) (*AuthCodeToOpenIDResponse, error) {
	if req == nil {
		return nil, argError("req", "is required")
	}
	if err := need("AppID", req.AppID, "AuthCode", req.AuthCode); err != nil {
		return nil, err
	}
	if len(req.AuthCode) > 128 {
		return nil, argError("AuthCode", "must be at most 128 characters")
	}
	p := map[string]string{"appid": req.AppID, "sub_appid": req.SubAppID, "sub_mch_id": req.SubMchID, "auth_code": req.AuthCode}
	m, err := c.postV2(ctx, c.hc, "/tools/authcodetoopenid", p, true)
	if m == nil || err != nil {
		return nil, err
	}
	return &AuthCodeToOpenIDResponse{OpenID: m["openid"], SubOpenID: m["sub_openid"], Raw: m}, nil
}

// V2CommentQuery selects the order comments of BatchQueryComments: those
// made from BeginTime to EndTime (yyyyMMddHHmmss, within the last three
// months), after the record Offset (0 first, then the offset the previous
// answer ended with), at most Limit (1 to 200; 0 means 200).
//
// See https://pay.weixin.qq.com/doc/v2/merchant/4014326528
type V2CommentQuery struct {
	AppID     string
	BeginTime string
	EndTime   string
	Offset    uint64
	Limit     int
}

// BatchQueryComments streams the users' comments on the merchant's
// payments (POST /billcommentsp/batchquerycomment, HMAC-SHA256, mutual
// TLS: the client must have been built WithTLSClient) into w and returns
// the number of bytes written. A success is a text answer, written as is
// (its first line is the offset to pass next time); an XML answer is the
// failure, returned as a *V2Error.
//
// See https://pay.weixin.qq.com/doc/v2/merchant/4014326528
func (c *Client) BatchQueryComments(ctx context.Context, q *V2CommentQuery, w io.Writer) (int64, error) {
	if q == nil {
		return 0, argError("q", "is required")
	}
	if err := need("AppID", q.AppID, "BeginTime", q.BeginTime, "EndTime", q.EndTime); err != nil {
		return 0, err
	}
	_, err1 := time.Parse("20060102150405", q.BeginTime)
	_, err2 := time.Parse("20060102150405", q.EndTime)
	switch {
	case err1 != nil || err2 != nil:
		return 0, argError("BeginTime", "and EndTime must be yyyyMMddHHmmss")
	case q.Limit < 0 || q.Limit > 200:
		return 0, argError("Limit", "must be 0 to 200")
	case c.tlsHC == nil:
		return 0, argError("WithTLSClient", "order comments need the merchant certificate (mutual TLS)")
	}
	p := map[string]string{"appid": q.AppID, "begin_time": q.BeginTime, "end_time": q.EndTime,
		"offset": strconv.FormatUint(q.Offset, 10), "sign_type": SignTypeHMACSHA256}
	if q.Limit > 0 {
		p["limit"] = strconv.Itoa(q.Limit)
	}
	return c.downloadV2(ctx, c.tlsHC, "/billcommentsp/batchquerycomment", p, false, w)
}

// V2Report is one call reported by ReportV2 (交易保障): the API called
// (InterfaceURL, e.g. https://api.mch.weixin.qq.com/pay/unifiedorder; a
// whole payment-code payment is reported once as
// https://api.mch.weixin.qq.com/pay/micropay/total), how long it took
// (ExecuteTime, milliseconds), what it answered and when (Time; zero
// means now).
//
// See https://pay.weixin.qq.com/doc/v2/merchant/4011937189
type V2Report struct {
	AppID        string
	DeviceInfo   string
	InterfaceURL string
	ExecuteTime  int64
	ReturnCode   string
	ReturnMsg    string
	ResultCode   string
	ErrCode      string
	ErrCodeDes   string
	OutTradeNo   string
	UserIP       string
	Time         time.Time
	SignType     string
}

// ReportV2 reports the duration and result of a v2 API call (POST
// /payitil/report) so that WeChat Pay can tune its network; it changes
// nothing for the order. A FAIL answer is a *V2Error.
//
// See https://pay.weixin.qq.com/doc/v2/merchant/4011937189
func (c *Client) ReportV2(ctx context.Context, r *V2Report) error {
	if r == nil {
		return argError("r", "is required")
	}
	if err := need("AppID", r.AppID, "InterfaceURL", r.InterfaceURL, "ReturnCode", r.ReturnCode, "ResultCode", r.ResultCode,
		"UserIP", r.UserIP); err != nil {
		return err
	}
	if r.ExecuteTime < 0 {
		return argError("ExecuteTime", "must not be negative")
	}
	at := r.Time
	if at.IsZero() {
		at = c.now()
	}
	p := map[string]string{"appid": r.AppID, "device_info": r.DeviceInfo, "interface_url": r.InterfaceURL,
		"execute_time_": strconv.FormatInt(r.ExecuteTime, 10), "return_code": r.ReturnCode, "return_msg": r.ReturnMsg,
		"result_code": r.ResultCode, "err_code": r.ErrCode, "err_code_des": r.ErrCodeDes, "out_trade_no": r.OutTradeNo,
		"user_ip": r.UserIP, "time": at.In(beijing).Format("20060102150405"), "sign_type": r.SignType}
	return c.postV2Report(ctx, p)
}

// V2ReportTrade is one payment-code payment of ReportMicropayBatch: State
// is OK, FAIL or CANCLE (spelled so by WeChat Pay); times are
// yyyyMMddHHmmss.
type V2ReportTrade struct {
	OutTradeNo string `json:"out_trade_no"`
	BeginTime  string `json:"begin_time"`
	EndTime    string `json:"end_time"`
	State      string `json:"state"`
	ErrMsg     string `json:"err_msg"`
}

// ReportMicropayBatch reports payment-code payments collected by a POS
// terminal in one call (POST /payitil/report with interface_url
// https://api.mch.weixin.qq.com/pay/batchreport/micropay/total and the
// trades as a JSON array of at most 1024 bytes).
//
// See https://pay.weixin.qq.com/doc/v2/merchant/4011939966
func (c *Client) ReportMicropayBatch(ctx context.Context, appID, deviceInfo, userIP string, trades []V2ReportTrade) error {
	if err := need("appID", appID, "userIP", userIP); err != nil {
		return err
	}
	if len(trades) == 0 {
		return argError("trades", "is required")
	}
	js, err := wechat.MarshalJSONString(trades)
	if err != nil {
		return err
	}
	if len(js) > 1024 {
		return argError("trades", "must encode to at most 1024 bytes: report in several calls")
	}
	return c.postV2Report(ctx, map[string]string{"appid": appID, "device_info": deviceInfo,
		"interface_url": "https://api.mch.weixin.qq.com/pay/batchreport/micropay/total", "user_ip": userIP, "trades": js})
}

// beijing is China Standard Time, in which WeChat Pay writes its times.
var beijing = time.FixedZone("CST", 8*3600)

// postV2Report posts a trade-assurance report; its answer is not signed.
func (c *Client) postV2Report(ctx context.Context, p map[string]string) error {
	_, err := c.postV2(ctx, c.hc, "/payitil/report", p, false)
	return err
}
