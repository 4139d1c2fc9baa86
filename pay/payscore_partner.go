package pay

import (
	"context"
	"net/url"
)

// PartnerPayScoreService is WeChat Pay Score (微信支付分) for service
// providers (普通服务商): service orders and user authorizations of
// sub-merchants. The orders follow the merchant ones (see PayScoreService,
// same types and retry advice) with sub_mchid naming the sub-merchant;
// appid is the service provider's AppID and sub_appid the sub-merchant's.
type PartnerPayScoreService struct{ service }

// PartnerCreateServiceOrderRequest is the body of
// PartnerPayScoreService.CreateServiceOrder: the merchant request (AppID is
// the service provider's AppID, OpenID a user under it) plus the
// sub-merchant. When NeedUserConfirm is false, give exactly one of OpenID
// and SubOpenID (SubOpenID needs SubAppID).
//
// See https://pay.weixin.qq.com/doc/v3/partner/4012692136
type PartnerCreateServiceOrderRequest struct {
	CreateServiceOrderRequest
	SubMchID  string `json:"sub_mchid"`
	SubAppID  string `json:"sub_appid,omitempty"`
	SubOpenID string `json:"sub_openid,omitempty"`
}

// PartnerServiceOrder is a service order of a sub-merchant: the merchant
// form (MchID is the service provider's) plus the sub-merchant's ids.
//
// See https://pay.weixin.qq.com/docs/partner/apis/partner-weixin-pay-score/partner-service-order/get-partner-service-order.html
type PartnerServiceOrder struct {
	ServiceOrder
	SubMchID  string `json:"sub_mchid,omitempty"`
	SubAppID  string `json:"sub_appid,omitempty"`
	SubOpenID string `json:"sub_openid,omitempty"`
}

// PartnerCompleteServiceOrderRequest is the body of
// PartnerPayScoreService.CompleteServiceOrder: the merchant request
// without AppID (not sent in partner mode) plus the sub-merchant.
//
// See https://pay.weixin.qq.com/docs/partner/apis/partner-weixin-pay-score/partner-service-order/complete-partner-service-order.html
type PartnerCompleteServiceOrderRequest struct {
	CompleteServiceOrderRequest
	SubMchID string `json:"sub_mchid"`
}

// PartnerModifyServiceOrderRequest is the body of
// PartnerPayScoreService.ModifyServiceOrder: the merchant request without
// AppID (not sent in partner mode; ServiceID optional) plus the
// sub-merchant.
//
// See https://pay.weixin.qq.com/docs/partner/apis/partner-weixin-pay-score/partner-service-order/modify-partner-service-order.html
type PartnerModifyServiceOrderRequest struct {
	ModifyServiceOrderRequest
	SubMchID string `json:"sub_mchid"`
}

// CreateServiceOrder creates a service order for a sub-merchant (POST
// /v3/payscore/partner/serviceorder). Re-entrant with the same parameters.
//
// See https://pay.weixin.qq.com/doc/v3/partner/4012692136
func (s *PartnerPayScoreService) CreateServiceOrder(ctx context.Context, req *PartnerCreateServiceOrderRequest) (*PartnerServiceOrder, error) {
	if req == nil {
		return nil, argError("req", "is nil")
	}
	if err := req.check(); err != nil {
		return nil, err
	}
	if err := need("SubMchID", req.SubMchID); err != nil {
		return nil, err
	}
	if req.SubOpenID != "" && req.SubAppID == "" {
		return nil, argError("SubAppID", "is required with SubOpenID")
	}
	return call[PartnerServiceOrder](ctx, s.c, post("/v3/payscore/partner/serviceorder", req))
}

// GetServiceOrder queries a sub-merchant's service order by merchant order
// number (outOrderNo) or by query id (queryID), exactly one of them;
// serviceID is optional (GET /v3/payscore/partner/serviceorder).
//
// See https://pay.weixin.qq.com/docs/partner/apis/partner-weixin-pay-score/partner-service-order/get-partner-service-order.html
func (s *PartnerPayScoreService) GetServiceOrder(ctx context.Context, subMchID, serviceID, outOrderNo, queryID string) (*PartnerServiceOrder, error) {
	if err := need("subMchID", subMchID); err != nil {
		return nil, err
	}
	if (outOrderNo == "") == (queryID == "") {
		return nil, argError("outOrderNo/queryID", "exactly one is required")
	}
	return call[PartnerServiceOrder](ctx, s.c, get("/v3/payscore/partner/serviceorder",
		query("service_id", serviceID, "sub_mchid", subMchID, "out_order_no", outOrderNo, "query_id", queryID)))
}

// CancelServiceOrder cancels a sub-merchant's CREATED or DOING service
// order (POST /v3/payscore/partner/serviceorder/{out_order_no}/cancel);
// serviceID is optional. The answer names the order (its ids).
//
// See https://pay.weixin.qq.com/doc/v3/partner/4012458758
func (s *PartnerPayScoreService) CancelServiceOrder(ctx context.Context, subMchID, serviceID, outOrderNo, reason string) (*PartnerServiceOrder, error) {
	if err := need("subMchID", subMchID, "outOrderNo", outOrderNo, "reason", reason); err != nil {
		return nil, err
	}
	body := cancelBody(serviceOrderRef{ServiceID: serviceID, SubMchID: subMchID}, reason)
	return call[PartnerServiceOrder](ctx, s.c, post(pathf("/v3/payscore/partner/serviceorder/{out_order_no}/cancel", outOrderNo), body))
}

// ModifyServiceOrder lowers the amount of a completed order the user has
// not paid yet (POST /v3/payscore/partner/serviceorder/{out_order_no}/modify).
//
// See https://pay.weixin.qq.com/docs/partner/apis/partner-weixin-pay-score/partner-service-order/modify-partner-service-order.html
func (s *PartnerPayScoreService) ModifyServiceOrder(ctx context.Context, outOrderNo string, req *PartnerModifyServiceOrderRequest) (*PartnerServiceOrder, error) {
	if req == nil {
		return nil, argError("req", "is nil")
	}
	if err := need("outOrderNo", outOrderNo, "SubMchID", req.SubMchID, "Reason", req.Reason); err != nil {
		return nil, err
	}
	if err := checkAmounts(req.PostPayments, req.TotalAmount); err != nil {
		return nil, err
	}
	body := *req
	body.AppID = ""
	return call[PartnerServiceOrder](ctx, s.c, post(pathf("/v3/payscore/partner/serviceorder/{out_order_no}/modify", outOrderNo), &body))
}

// CompleteServiceOrder ends a sub-merchant's DOING service order with its
// final amount (POST /v3/payscore/partner/serviceorder/{out_order_no}/complete);
// WeChat Pay then collects the payment.
//
// See https://pay.weixin.qq.com/docs/partner/apis/partner-weixin-pay-score/partner-service-order/complete-partner-service-order.html
func (s *PartnerPayScoreService) CompleteServiceOrder(ctx context.Context, outOrderNo string, req *PartnerCompleteServiceOrderRequest) (*PartnerServiceOrder, error) {
	if req == nil {
		return nil, argError("req", "is nil")
	}
	if err := need("outOrderNo", outOrderNo, "ServiceID", req.ServiceID, "SubMchID", req.SubMchID); err != nil {
		return nil, err
	}
	if err := checkAmounts(req.PostPayments, req.TotalAmount); err != nil {
		return nil, err
	}
	body := *req
	body.AppID = ""
	return call[PartnerServiceOrder](ctx, s.c, post(pathf("/v3/payscore/partner/serviceorder/{out_order_no}/complete", outOrderNo), &body))
}

// PayServiceOrder asks WeChat Pay to collect an unpaid completed order
// now (POST /v3/payscore/partner/serviceorder/{out_order_no}/pay; 204);
// serviceID is optional.
//
// See https://pay.weixin.qq.com/docs/partner/apis/partner-weixin-pay-score/partner-service-order/collect-partner-service-order.html
func (s *PartnerPayScoreService) PayServiceOrder(ctx context.Context, subMchID, serviceID, outOrderNo string) error {
	if err := need("subMchID", subMchID, "outOrderNo", outOrderNo); err != nil {
		return err
	}
	ref := serviceOrderRef{ServiceID: serviceID, SubMchID: subMchID}
	return s.c.do(ctx, post(pathf("/v3/payscore/partner/serviceorder/{out_order_no}/pay", outOrderNo), ref), nil)
}

// SyncServiceOrder tells WeChat Pay the user paid a completed order by
// other means (type Order_Paid, paidTime "20091225091210" or "20091225")
// (POST /v3/payscore/partner/serviceorder/{out_order_no}/sync).
//
// See https://pay.weixin.qq.com/docs/partner/apis/partner-weixin-pay-score/partner-service-order/sync-partner-service-order.html
func (s *PartnerPayScoreService) SyncServiceOrder(ctx context.Context, subMchID, serviceID, outOrderNo, paidTime string) (*PartnerServiceOrder, error) {
	if err := need("subMchID", subMchID, "serviceID", serviceID, "outOrderNo", outOrderNo, "paidTime", paidTime); err != nil {
		return nil, err
	}
	body := syncBody(serviceOrderRef{ServiceID: serviceID, SubMchID: subMchID}, paidTime)
	return call[PartnerServiceOrder](ctx, s.c, post(pathf("/v3/payscore/partner/serviceorder/{out_order_no}/sync", outOrderNo), body))
}

// PartnerPayScoreUser names a sub-merchant's user for the authorization
// calls by OpenID: OpenID under the service provider's AppID, or SubOpenID
// under the sub-merchant's SubAppID (exactly one of them).
type PartnerPayScoreUser struct {
	ServiceID string `json:"service_id"`
	AppID     string `json:"appid"`
	SubMchID  string `json:"sub_mchid"`
	SubAppID  string `json:"sub_appid,omitempty"`
	OpenID    string `json:"openid,omitempty"`
	SubOpenID string `json:"sub_openid,omitempty"`
}

// check returns an ArgumentError for a missing id or an ambiguous user.
func (u *PartnerPayScoreUser) check() error {
	if u == nil {
		return argError("user", "is nil")
	}
	if err := need("ServiceID", u.ServiceID, "AppID", u.AppID, "SubMchID", u.SubMchID); err != nil {
		return err
	}
	if (u.OpenID == "") == (u.SubOpenID == "") {
		return argError("OpenID/SubOpenID", "exactly one is required")
	}
	if u.SubOpenID != "" && u.SubAppID == "" {
		return argError("SubAppID", "is required with SubOpenID")
	}
	return nil
}

func (u *PartnerPayScoreUser) query() url.Values {
	return query("service_id", u.ServiceID, "appid", u.AppID, "sub_mchid", u.SubMchID,
		"sub_appid", u.SubAppID, "openid", u.OpenID, "sub_openid", u.SubOpenID)
}

// ApplyPermissionsRequest is the body of
// PartnerPayScoreService.ApplyPermissions (商户预授权).
//
// See https://pay.weixin.qq.com/docs/partner/apis/partner-weixin-pay-score/partner-service-auth/apply-partner-permissions.html
type ApplyPermissionsRequest struct {
	ServiceID         string `json:"service_id"`
	AppID             string `json:"appid"`
	SubMchID          string `json:"sub_mchid"`
	SubAppID          string `json:"sub_appid,omitempty"`
	AuthorizationCode string `json:"authorization_code"`
	NotifyURL         string `json:"notify_url,omitempty"`
}

// ApplyPermissions starts a user authorization for a sub-merchant
// identified by the service provider's authorization code (POST
// /v3/payscore/partner/permissions).
//
// See https://pay.weixin.qq.com/docs/partner/apis/partner-weixin-pay-score/partner-service-auth/apply-partner-permissions.html
func (s *PartnerPayScoreService) ApplyPermissions(ctx context.Context, req *ApplyPermissionsRequest) (*PermissionsToken, error) {
	if req == nil {
		return nil, argError("req", "is nil")
	}
	if err := need("ServiceID", req.ServiceID, "AppID", req.AppID, "SubMchID", req.SubMchID, "AuthorizationCode", req.AuthorizationCode); err != nil {
		return nil, err
	}
	if len([]rune(req.AuthorizationCode)) > 32 {
		return nil, argError("AuthorizationCode", "at most 32 characters")
	}
	return call[PermissionsToken](ctx, s.c, post("/v3/payscore/partner/permissions", req))
}

// PermissionsByCode queries an authorization by authorization code (GET
// /v3/payscore/partner/permissions/authorization-code/{authorization_code}).
//
// See https://pay.weixin.qq.com/docs/partner/apis/partner-weixin-pay-score/partner-service-auth/get-partner-permissions-by-code.html
func (s *PartnerPayScoreService) PermissionsByCode(ctx context.Context, subMchID, serviceID, authorizationCode string) (*Permissions, error) {
	if err := need("subMchID", subMchID, "serviceID", serviceID, "authorizationCode", authorizationCode); err != nil {
		return nil, err
	}
	return call[Permissions](ctx, s.c, get(pathf("/v3/payscore/partner/permissions/authorization-code/{authorization_code}", authorizationCode),
		query("service_id", serviceID, "sub_mchid", subMchID)))
}

// PermissionsByOpenID queries a user's authorization (GET
// /v3/payscore/partner/permissions/search).
//
// See https://pay.weixin.qq.com/docs/partner/apis/partner-weixin-pay-score/partner-service-auth/get-partner-permissions-by-open-id.html
func (s *PartnerPayScoreService) PermissionsByOpenID(ctx context.Context, user *PartnerPayScoreUser) (*Permissions, error) {
	if err := user.check(); err != nil {
		return nil, err
	}
	return call[Permissions](ctx, s.c, get("/v3/payscore/partner/permissions/search", user.query()))
}

// TerminateByCode ends an authorization by authorization code (POST
// /v3/payscore/partner/permissions/authorization-code/{authorization_code}/terminate; 204).
//
// See https://pay.weixin.qq.com/docs/partner/apis/partner-weixin-pay-score/partner-service-auth/terminate-partner-permissions-by-code.html
func (s *PartnerPayScoreService) TerminateByCode(ctx context.Context, subMchID, serviceID, authorizationCode, reason string) error {
	if err := need("subMchID", subMchID, "serviceID", serviceID, "authorizationCode", authorizationCode, "reason", reason); err != nil {
		return err
	}
	body := cancelBody(serviceOrderRef{ServiceID: serviceID, SubMchID: subMchID}, reason)
	return s.c.do(ctx, post(pathf("/v3/payscore/partner/permissions/authorization-code/{authorization_code}/terminate", authorizationCode), body), nil)
}

// TerminateByOpenID ends a user's authorization (POST
// /v3/payscore/partner/permissions/terminate; 204).
//
// See https://pay.weixin.qq.com/docs/partner/apis/partner-weixin-pay-score/partner-service-auth/terminate-partner-permissions-by-open-id.html
func (s *PartnerPayScoreService) TerminateByOpenID(ctx context.Context, user *PartnerPayScoreUser, reason string) error {
	if err := user.check(); err != nil {
		return err
	}
	if err := need("reason", reason); err != nil {
		return err
	}
	body := struct {
		*PartnerPayScoreUser
		Reason string `json:"reason"`
	}{user, reason}
	return s.c.do(ctx, post("/v3/payscore/partner/permissions/terminate", body), nil)
}

// PartnerServiceOrder decodes the PAYSCORE.USER_CONFIRM or
// PAYSCORE.USER_PAID notification of a sub-merchant's order.
func (n *Notification) PartnerServiceOrder() (*PartnerServiceOrder, error) {
	v := new(PartnerServiceOrder)
	return v, n.Decode(v)
}
