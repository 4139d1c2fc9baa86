package pay

import (
	"context"
	"io"
	"strconv"
	"time"
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
