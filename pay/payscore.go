package pay

import (
	"context"
	"net/http"
)

// PayScoreService manages WeChat Pay Score (微信支付分) service orders and
// user authorizations. Queries and permission calls are safe to retry.
// CreateServiceOrder is documented as re-entrant with the same parameters
// (原参重入): retry it unchanged. Cancel, Complete, Modify, Sync and Pay
// change the order: after a network failure query it by OutOrderNo first,
// and retry only if the change did not take effect.
type PayScoreService struct{ service }

// ServiceOrderState is the state of a service order.
type ServiceOrderState string

// Service order states.
const (
	ServiceOrderCreated ServiceOrderState = "CREATED"
	ServiceOrderDoing   ServiceOrderState = "DOING"
	ServiceOrderDone    ServiceOrderState = "DONE"
	ServiceOrderRevoked ServiceOrderState = "REVOKED"
	ServiceOrderExpired ServiceOrderState = "EXPIRED"
)

// PostPayment is a charge item of a service order (fen).
type PostPayment struct {
	Name        string `json:"name,omitempty"`
	Amount      int64  `json:"amount,omitempty"`
	Description string `json:"description,omitempty"`
	Count       int64  `json:"count,omitempty"`
}

// PostDiscount is a discount of a service order (fen).
type PostDiscount struct {
	Name        string `json:"name,omitempty"`
	Description string `json:"description,omitempty"`
	Amount      int64  `json:"amount,omitempty"`
	Count       int64  `json:"count,omitempty"`
}

// ServiceTimeRange is the service period; times are "20091225091010" or
// "OnAccept" as documented.
type ServiceTimeRange struct {
	StartTime       string `json:"start_time,omitempty"`
	StartTimeRemark string `json:"start_time_remark,omitempty"`
	EndTime         string `json:"end_time,omitempty"`
	EndTimeRemark   string `json:"end_time_remark,omitempty"`
}

// ServiceLocation is where the service starts and ends.
type ServiceLocation struct {
	StartLocation string `json:"start_location,omitempty"`
	EndLocation   string `json:"end_location,omitempty"`
}

// RiskFund is the deposit-free amount of a service order (fen).
type RiskFund struct {
	Name        string `json:"name"` // DEPOSIT, ADVANCE, CASH_DEPOSIT, ESTIMATE_ORDER_COST
	Amount      int64  `json:"amount"`
	Description string `json:"description,omitempty"`
}

// CreateServiceOrderRequest is the body of CreateServiceOrder.
//
// See https://pay.weixin.qq.com/docs/merchant/apis/weixin-pay-score/service-order/create-service-order.html
type CreateServiceOrderRequest struct {
	OutOrderNo          string           `json:"out_order_no"`
	AppID               string           `json:"appid"`
	ServiceID           string           `json:"service_id"`
	ServiceIntroduction string           `json:"service_introduction"`
	PostPayments        []PostPayment    `json:"post_payments,omitempty"`
	PostDiscounts       []PostDiscount   `json:"post_discounts,omitempty"`
	TimeRange           ServiceTimeRange `json:"time_range"`
	Location            *ServiceLocation `json:"location,omitempty"`
	RiskFund            RiskFund         `json:"risk_fund"`
	Attach              string           `json:"attach,omitempty"`
	NotifyURL           string           `json:"notify_url"`
	OpenID              string           `json:"openid,omitempty"`
	NeedUserConfirm     *bool            `json:"need_user_confirm,omitempty"`
	DeviceID            string           `json:"device,omitempty"`
}

// CollectionDetail is one payment of a service order.
type CollectionDetail struct {
	Seq             int64             `json:"seq"`
	Amount          int64             `json:"amount"`
	PaidType        string            `json:"paid_type"` // NEWTON, MCH
	PaidTime        string            `json:"paid_time"`
	TransactionID   string            `json:"transaction_id"`
	PromotionDetail []PromotionDetail `json:"promotion_detail,omitempty"`
}

// ServiceCollection is the payment state of a service order (fen).
type ServiceCollection struct {
	State        string             `json:"state"` // USER_PAYING, USER_PAID
	TotalAmount  int64              `json:"total_amount"`
	PayingAmount int64              `json:"paying_amount"`
	PaidAmount   int64              `json:"paid_amount"`
	Details      []CollectionDetail `json:"details,omitempty"`
}

// ServiceOrder is a PayScore service order, as returned by create, query,
// modify, complete and sync, and in PAYSCORE.USER_CONFIRM and
// PAYSCORE.USER_PAID notifications. Package is given by create, to open the
// confirmation page.
//
// See https://pay.weixin.qq.com/docs/merchant/apis/weixin-pay-score/service-order/get-service-order.html
type ServiceOrder struct {
	AppID               string             `json:"appid"`
	MchID               string             `json:"mchid"`
	OutOrderNo          string             `json:"out_order_no"`
	ServiceID           string             `json:"service_id"`
	ServiceIntroduction string             `json:"service_introduction"`
	State               ServiceOrderState  `json:"state"`
	StateDescription    string             `json:"state_description,omitempty"` // USER_CONFIRM, MCH_COMPLETE
	TotalAmount         int64              `json:"total_amount,omitempty"`
	PostPayments        []PostPayment      `json:"post_payments,omitempty"`
	PostDiscounts       []PostDiscount     `json:"post_discounts,omitempty"`
	RiskFund            *RiskFund          `json:"risk_fund,omitempty"`
	TimeRange           *ServiceTimeRange  `json:"time_range,omitempty"`
	Location            *ServiceLocation   `json:"location,omitempty"`
	Attach              string             `json:"attach,omitempty"`
	NotifyURL           string             `json:"notify_url,omitempty"`
	OrderID             string             `json:"order_id"`
	Package             string             `json:"package,omitempty"`
	NeedCollection      bool               `json:"need_collection,omitempty"`
	Collection          *ServiceCollection `json:"collection,omitempty"`
	OpenID              string             `json:"openid,omitempty"`
}

// CreateServiceOrder creates a service order (POST /v3/payscore/serviceorder).
//
// See https://pay.weixin.qq.com/docs/merchant/apis/weixin-pay-score/service-order/create-service-order.html
func (s *PayScoreService) CreateServiceOrder(ctx context.Context, req *CreateServiceOrderRequest) (*ServiceOrder, error) {
	if err := req.check(); err != nil {
		return nil, err
	}
	return call[ServiceOrder](ctx, s.c, post("/v3/payscore/serviceorder", req))
}

// check returns an ArgumentError for a nil request, a missing required
// field or a risk fund that is not positive (merchant and partner orders).
func (req *CreateServiceOrderRequest) check() error {
	if req == nil {
		return argError("req", "is nil")
	}
	if err := need("OutOrderNo", req.OutOrderNo, "AppID", req.AppID, "ServiceID", req.ServiceID,
		"ServiceIntroduction", req.ServiceIntroduction, "TimeRange.StartTime", req.TimeRange.StartTime,
		"RiskFund.Name", req.RiskFund.Name, "NotifyURL", req.NotifyURL); err != nil {
		return err
	}
	if req.RiskFund.Amount <= 0 {
		return argError("RiskFund.Amount", "must be positive (fen)")
	}
	return nil
}

// checkAmounts checks the final amount of a complete or modify: payments
// are required and the total must not be negative.
func checkAmounts(payments []PostPayment, total int64) error {
	if len(payments) == 0 || total < 0 {
		return argError("PostPayments/TotalAmount", "payments are required and the total must not be negative")
	}
	return nil
}

// GetServiceOrder queries a service order by merchant order number
// (outOrderNo) or by query id (queryID), exactly one of them (GET
// /v3/payscore/serviceorder).
//
// See https://pay.weixin.qq.com/docs/merchant/apis/weixin-pay-score/service-order/get-service-order.html
func (s *PayScoreService) GetServiceOrder(ctx context.Context, appID, serviceID, outOrderNo, queryID string) (*ServiceOrder, error) {
	if err := need("appID", appID, "serviceID", serviceID); err != nil {
		return nil, err
	}
	if (outOrderNo == "") == (queryID == "") {
		return nil, argError("outOrderNo/queryID", "exactly one is required")
	}
	return call[ServiceOrder](ctx, s.c, get("/v3/payscore/serviceorder",
		query("out_order_no", outOrderNo, "query_id", queryID, "service_id", serviceID, "appid", appID)))
}

// serviceOrderRef names a service order in the bodies of order changes:
// appid and service_id for merchants, service_id and sub_mchid for
// service providers.
type serviceOrderRef struct {
	AppID     string `json:"appid,omitempty"`
	ServiceID string `json:"service_id,omitempty"`
	SubMchID  string `json:"sub_mchid,omitempty"`
}

// cancelBody is the body of a cancel.
func cancelBody(ref serviceOrderRef, reason string) any {
	return struct {
		serviceOrderRef
		Reason string `json:"reason"`
	}{ref, reason}
}

// syncBody is the body of a sync: the order was paid (Order_Paid) at
// paidTime.
func syncBody(ref serviceOrderRef, paidTime string) any {
	type detail struct {
		PaidTime string `json:"paid_time"`
	}
	return struct {
		serviceOrderRef
		Type   string `json:"type"`
		Detail detail `json:"detail"`
	}{ref, "Order_Paid", detail{paidTime}}
}

// CanceledServiceOrder is the answer of CancelServiceOrder and
// PayServiceOrder.
type CanceledServiceOrder struct {
	AppID      string `json:"appid"`
	MchID      string `json:"mchid"`
	OutOrderNo string `json:"out_order_no"`
	ServiceID  string `json:"service_id"`
	OrderID    string `json:"order_id"`
}

// CancelServiceOrder cancels a CREATED or DOING service order (POST
// /v3/payscore/serviceorder/{out_order_no}/cancel).
//
// See https://pay.weixin.qq.com/docs/merchant/apis/weixin-pay-score/service-order/cancel-service-order.html
func (s *PayScoreService) CancelServiceOrder(ctx context.Context, appID, serviceID, outOrderNo, reason string) (*CanceledServiceOrder, error) {
	if err := need("appID", appID, "serviceID", serviceID, "outOrderNo", outOrderNo, "reason", reason); err != nil {
		return nil, err
	}
	body := cancelBody(serviceOrderRef{AppID: appID, ServiceID: serviceID}, reason)
	return call[CanceledServiceOrder](ctx, s.c, post(pathf("/v3/payscore/serviceorder/{out_order_no}/cancel", outOrderNo), body))
}

// ModifyServiceOrderRequest is the body of ModifyServiceOrder (the amount
// of a DONE order not yet paid, fen).
type ModifyServiceOrderRequest struct {
	AppID         string         `json:"appid,omitempty"`      // required for merchants; partners leave it empty
	ServiceID     string         `json:"service_id,omitempty"` // required for merchants
	PostPayments  []PostPayment  `json:"post_payments"`
	PostDiscounts []PostDiscount `json:"post_discounts,omitempty"`
	TotalAmount   int64          `json:"total_amount"`
	Reason        string         `json:"reason"`
	DeviceID      string         `json:"device,omitempty"`
}

// ModifyServiceOrder changes the amount of a completed order the user has
// not paid yet (POST /v3/payscore/serviceorder/{out_order_no}/modify).
//
// See https://pay.weixin.qq.com/docs/merchant/apis/weixin-pay-score/service-order/modify-service-order.html
func (s *PayScoreService) ModifyServiceOrder(ctx context.Context, outOrderNo string, req *ModifyServiceOrderRequest) (*ServiceOrder, error) {
	if req == nil {
		return nil, argError("req", "is nil")
	}
	if err := need("outOrderNo", outOrderNo, "AppID", req.AppID, "ServiceID", req.ServiceID, "Reason", req.Reason); err != nil {
		return nil, err
	}
	if err := checkAmounts(req.PostPayments, req.TotalAmount); err != nil {
		return nil, err
	}
	return call[ServiceOrder](ctx, s.c, post(pathf("/v3/payscore/serviceorder/{out_order_no}/modify", outOrderNo), req))
}

// CompleteServiceOrderRequest is the body of CompleteServiceOrder (fen).
type CompleteServiceOrderRequest struct {
	AppID         string            `json:"appid,omitempty"` // required for merchants; partners leave it empty
	ServiceID     string            `json:"service_id"`
	PostPayments  []PostPayment     `json:"post_payments"`
	PostDiscounts []PostDiscount    `json:"post_discounts,omitempty"`
	TotalAmount   int64             `json:"total_amount"`
	TimeRange     *ServiceTimeRange `json:"time_range,omitempty"`
	Location      *ServiceLocation  `json:"location,omitempty"`
	ProfitSharing bool              `json:"profit_sharing,omitempty"`
	GoodsTag      string            `json:"goods_tag,omitempty"`
	DeviceID      string            `json:"device,omitempty"`
}

// CompleteServiceOrder ends a DOING service order with its final amount
// (POST /v3/payscore/serviceorder/{out_order_no}/complete); WeChat Pay
// then collects the payment.
//
// See https://pay.weixin.qq.com/docs/merchant/apis/weixin-pay-score/service-order/complete-service-order.html
func (s *PayScoreService) CompleteServiceOrder(ctx context.Context, outOrderNo string, req *CompleteServiceOrderRequest) (*ServiceOrder, error) {
	if req == nil {
		return nil, argError("req", "is nil")
	}
	if err := need("outOrderNo", outOrderNo, "AppID", req.AppID, "ServiceID", req.ServiceID); err != nil {
		return nil, err
	}
	if err := checkAmounts(req.PostPayments, req.TotalAmount); err != nil {
		return nil, err
	}
	return call[ServiceOrder](ctx, s.c, post(pathf("/v3/payscore/serviceorder/{out_order_no}/complete", outOrderNo), req))
}

// PayServiceOrder asks WeChat Pay to collect an unpaid completed order
// now (POST /v3/payscore/serviceorder/{out_order_no}/pay).
//
// See https://pay.weixin.qq.com/docs/merchant/apis/weixin-pay-score/service-order/pay-service-order.html
func (s *PayScoreService) PayServiceOrder(ctx context.Context, appID, serviceID, outOrderNo string) (*CanceledServiceOrder, error) {
	if err := need("appID", appID, "serviceID", serviceID, "outOrderNo", outOrderNo); err != nil {
		return nil, err
	}
	return call[CanceledServiceOrder](ctx, s.c, post(pathf("/v3/payscore/serviceorder/{out_order_no}/pay", outOrderNo), serviceOrderRef{AppID: appID, ServiceID: serviceID}))
}

// SyncServiceOrder tells WeChat Pay the user paid a completed order by
// other means (type Order_Paid, paidTime "20091225091210") (POST
// /v3/payscore/serviceorder/{out_order_no}/sync).
//
// See https://pay.weixin.qq.com/docs/merchant/apis/weixin-pay-score/service-order/sync-service-order.html
func (s *PayScoreService) SyncServiceOrder(ctx context.Context, appID, serviceID, outOrderNo, paidTime string) (*ServiceOrder, error) {
	if err := need("appID", appID, "serviceID", serviceID, "outOrderNo", outOrderNo, "paidTime", paidTime); err != nil {
		return nil, err
	}
	body := syncBody(serviceOrderRef{AppID: appID, ServiceID: serviceID}, paidTime)
	return call[ServiceOrder](ctx, s.c, post(pathf("/v3/payscore/serviceorder/{out_order_no}/sync", outOrderNo), body))
}

// UserServiceState is whether a user enabled the merchant's service.
type UserServiceState struct {
	ServiceID       string `json:"service_id"`
	AppID           string `json:"appid"`
	MchID           string `json:"mchid"`
	OpenID          string `json:"openid,omitempty"`
	UseServiceState string `json:"use_service_state"` // AVAILABLE, UNAVAILABLE
}

// UserServiceState queries whether a user can use the service (GET
// /v3/payscore/user-service-state).
//
// See https://pay.weixin.qq.com/docs/merchant/apis/weixin-pay-score/user-service-state/get-user-service-state.html
func (s *PayScoreService) UserServiceState(ctx context.Context, appID, serviceID, openID string) (*UserServiceState, error) {
	if err := need("appID", appID, "serviceID", serviceID, "openID", openID); err != nil {
		return nil, err
	}
	return call[UserServiceState](ctx, s.c, get("/v3/payscore/user-service-state", query("service_id", serviceID, "appid", appID, "openid", openID)))
}

// PermissionsToken is the answer of ApplyPermissions: open the
// authorization page with it.
type PermissionsToken struct {
	ApplyPermissionsToken string `json:"apply_permissions_token"`
}

// ApplyPermissions starts a user authorization (免确认预授权) identified by
// the merchant's authorizationCode (POST /v3/payscore/permissions).
//
// See https://pay.weixin.qq.com/docs/merchant/apis/weixin-pay-score/permissions/apply-permissions.html
func (s *PayScoreService) ApplyPermissions(ctx context.Context, appID, serviceID, authorizationCode, notifyURL string) (*PermissionsToken, error) {
	if err := need("appID", appID, "serviceID", serviceID, "authorizationCode", authorizationCode); err != nil {
		return nil, err
	}
	body := struct {
		ServiceID         string `json:"service_id"`
		AppID             string `json:"appid"`
		AuthorizationCode string `json:"authorization_code"`
		NotifyURL         string `json:"notify_url,omitempty"`
	}{serviceID, appID, authorizationCode, notifyURL}
	return call[PermissionsToken](ctx, s.c, post("/v3/payscore/permissions", body))
}

// Permissions is a user's authorization of the service.
type Permissions struct {
	AppID                    string `json:"appid"`
	MchID                    string `json:"mchid"`
	ServiceID                string `json:"service_id"`
	OpenID                   string `json:"openid,omitempty"`
	AuthorizationCode        string `json:"authorization_code,omitempty"`
	AuthorizationState       string `json:"authorization_state"` // UNAVAILABLE, AVAILABLE, UNBINDUSER
	NotifyURL                string `json:"notify_url,omitempty"`
	CancelAuthorizationTime  string `json:"cancel_authorization_time,omitempty"`
	AuthorizationSuccessTime string `json:"authorization_success_time,omitempty"`
}

// PermissionsByCode queries an authorization by authorization code (GET
// /v3/payscore/permissions/authorization-code/{authorization_code}).
//
// See https://pay.weixin.qq.com/docs/merchant/apis/weixin-pay-score/permissions/get-permissions-by-code.html
func (s *PayScoreService) PermissionsByCode(ctx context.Context, serviceID, authorizationCode string) (*Permissions, error) {
	if err := need("serviceID", serviceID, "authorizationCode", authorizationCode); err != nil {
		return nil, err
	}
	return call[Permissions](ctx, s.c, get(pathf("/v3/payscore/permissions/authorization-code/{authorization_code}", authorizationCode), query("service_id", serviceID)))
}

// PermissionsByOpenID queries a user's authorization (GET
// /v3/payscore/permissions/openid/{openid}).
//
// See https://pay.weixin.qq.com/docs/merchant/apis/weixin-pay-score/permissions/get-permissions-by-openid.html
func (s *PayScoreService) PermissionsByOpenID(ctx context.Context, appID, serviceID, openID string) (*Permissions, error) {
	if err := need("appID", appID, "serviceID", serviceID, "openID", openID); err != nil {
		return nil, err
	}
	return call[Permissions](ctx, s.c, get(pathf("/v3/payscore/permissions/openid/{openid}", openID), query("appid", appID, "service_id", serviceID)))
}

// TerminateByCode ends an authorization by authorization code (POST
// /v3/payscore/permissions/authorization-code/{authorization_code}/terminate; 204).
//
// See https://pay.weixin.qq.com/docs/merchant/apis/weixin-pay-score/permissions/terminate-permissions-by-code.html
func (s *PayScoreService) TerminateByCode(ctx context.Context, serviceID, authorizationCode, reason string) error {
	if err := need("serviceID", serviceID, "authorizationCode", authorizationCode, "reason", reason); err != nil {
		return err
	}
	body := struct {
		ServiceID string `json:"service_id"`
		Reason    string `json:"reason"`
	}{serviceID, reason}
	return s.c.do(ctx, post(pathf("/v3/payscore/permissions/authorization-code/{authorization_code}/terminate", authorizationCode), body), nil)
}

// TerminateByOpenID ends a user's authorization (POST
// /v3/payscore/permissions/openid/{openid}/terminate; 204).
//
// See https://pay.weixin.qq.com/docs/merchant/apis/weixin-pay-score/permissions/terminate-permissions-by-openid.html
func (s *PayScoreService) TerminateByOpenID(ctx context.Context, appID, serviceID, openID, reason string) error {
	if err := need("appID", appID, "serviceID", serviceID, "openID", openID, "reason", reason); err != nil {
		return err
	}
	body := struct {
		ServiceID string `json:"service_id"`
		AppID     string `json:"appid"`
		Reason    string `json:"reason"`
	}{serviceID, appID, reason}
	return s.c.do(ctx, withBody(http.MethodPost, pathf("/v3/payscore/permissions/openid/{openid}/terminate", openID), body), nil)
}

// PayScore notification event types.
const (
	EventPayScoreUserConfirm      = "PAYSCORE.USER_CONFIRM"
	EventPayScoreUserPaid         = "PAYSCORE.USER_PAID"
	EventPayScoreUserOpenService  = "PAYSCORE.USER_OPEN_SERVICE"
	EventPayScoreUserCloseService = "PAYSCORE.USER_CLOSE_SERVICE"
)

// ServiceOrder decodes a PAYSCORE.USER_CONFIRM or PAYSCORE.USER_PAID
// notification.
//
// See https://pay.weixin.qq.com/docs/merchant/apis/weixin-pay-score/service-order/confirm-notify.html
func (n *Notification) ServiceOrder() (*ServiceOrder, error) {
	v := new(ServiceOrder)
	return v, n.Decode(v)
}

// PermissionsNotification is the resource of PAYSCORE.USER_OPEN_SERVICE
// and PAYSCORE.USER_CLOSE_SERVICE notifications.
type PermissionsNotification struct {
	AppID             string `json:"appid"`
	MchID             string `json:"mchid"`
	OutRequestNo      string `json:"out_request_no,omitempty"`
	ServiceID         string `json:"service_id"`
	OpenID            string `json:"openid"`
	UserServiceStatus string `json:"user_service_status"` // USER_OPEN_SERVICE, USER_CLOSE_SERVICE
	OpenOrCloseTime   string `json:"openorclose_time"`
	AuthorizationCode string `json:"authorization_code,omitempty"`
}

// Permissions decodes a PAYSCORE.USER_OPEN_SERVICE or
// PAYSCORE.USER_CLOSE_SERVICE notification.
func (n *Notification) Permissions() (*PermissionsNotification, error) {
	v := new(PermissionsNotification)
	return v, n.Decode(v)
}
