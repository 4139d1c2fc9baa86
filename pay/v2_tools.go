package pay

import "context"

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
