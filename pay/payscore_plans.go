package pay

import (
	"context"
	"unicode/utf8"
)

// PayScore plans (支付分计划): a merchant (PayScoreService) or a service
// provider for a sub-merchant (PartnerPayScoreService) creates a plan of
// ordered charges, creates a sign plan (签约计划) asking one user to sign
// it, and then serves each detail of the signed plan with a service order.
// Creation is keyed by the merchant's number (merchant_plan_no,
// merchant_sign_plan_no): after a network failure query by that number
// before retrying.
//
// Not covered: the service-provider service order of a sign plan (POST
// /v3/payscore/sign-plan/partner/serviceorder) and the e-commerce service
// account applications (/v3/payscore/partner/service-account-applications):
// their answers could not be confirmed from the official pages.
//
// See https://pay.weixin.qq.com/docs/partner/products/partner-payscore-plan/development.html

// PayScorePlanState is the state of a PayScore plan.
type PayScorePlanState string

// PayScore plan states.
const (
	PayScorePlanNormal PayScorePlanState = "NORMAL" // users may sign it
	PayScorePlanStop   PayScorePlanState = "STOP"   // stopped; signed plans go on
)

// PayScorePlanDetail is one charge of a plan (fen). In a creation
// PlanDetailNo is left zero: WeChat Pay numbers the details from 1 in
// order. OriginalPrice must not be below ActualPrice, and each ActualPrice
// must not exceed the one before it.
type PayScorePlanDetail struct {
	PlanDetailNo            int64  `json:"plan_detail_no,omitempty"`
	OriginalPrice           int64  `json:"original_price"`
	PlanDiscountDescription string `json:"plan_discount_description,omitempty"`
	ActualPrice             int64  `json:"actual_price"`
	PlanDetailName          string `json:"plan_detail_name,omitempty"`
}

// CreatePayScorePlanRequest is the body of PayScoreService.CreatePlan.
// PlanDetailList holds exactly DeductionQuantity details; PlanName is at
// most 20 characters and MerchantPlanNo at most 32.
//
// See https://pay.weixin.qq.com/docs/merchant/apis/payscore-plan/pay-score-plan/query-pay-score-plan.html
type CreatePayScorePlanRequest struct {
	ServiceID          string               `json:"service_id"`
	AppID              string               `json:"appid"`
	PlanName           string               `json:"plan_name"`
	PlanDuration       int64                `json:"plan_duration"` // days
	DeductionQuantity  int64                `json:"deduction_quantity"`
	TotalOriginalPrice int64                `json:"total_original_price"`
	TotalActualPrice   int64                `json:"total_actual_price"`
	PlanDetailList     []PayScorePlanDetail `json:"plan_detail_list"`
	MerchantPlanNo     string               `json:"merchant_plan_no"`
}

// check returns an ArgumentError for a missing field or a detail list that
// breaks the documented rules.
func (r *CreatePayScorePlanRequest) check() error {
	if r == nil {
		return argError("req", "is nil")
	}
	if err := need("ServiceID", r.ServiceID, "AppID", r.AppID, "PlanName", r.PlanName, "MerchantPlanNo", r.MerchantPlanNo); err != nil {
		return err
	}
	switch {
	case utf8.RuneCountInString(r.PlanName) > 20:
		return argError("PlanName", "at most 20 characters")
	case len(r.MerchantPlanNo) > 32:
		return argError("MerchantPlanNo", "at most 32 characters")
	case r.PlanDuration <= 0:
		return argError("PlanDuration", "must be positive")
	case r.DeductionQuantity <= 0 || int64(len(r.PlanDetailList)) != r.DeductionQuantity:
		return argError("PlanDetailList", "must hold exactly DeductionQuantity (positive) details")
	}
	for i, d := range r.PlanDetailList {
		if d.ActualPrice < 0 || d.OriginalPrice < d.ActualPrice || (i > 0 && d.ActualPrice > r.PlanDetailList[i-1].ActualPrice) {
			return argError("PlanDetailList", "each OriginalPrice must be at least its ActualPrice and ActualPrice must not increase")
		}
	}
	return nil
}

// PartnerCreatePayScorePlanRequest is the body of
// PartnerPayScoreService.CreatePlan: the merchant request (AppID is the
// service provider's) plus the sub-merchant.
//
// See https://pay.weixin.qq.com/docs/partner/products/partner-payscore-plan/apilist.html
type PartnerCreatePayScorePlanRequest struct {
	CreatePayScorePlanRequest
	SubMchID string `json:"sub_mchid"`
	SubAppID string `json:"sub_appid,omitempty"`
}

// PayScorePlan is a plan as the plan APIs return it. StopMchID and StopTime
// are set once the plan is stopped.
//
// See https://pay.weixin.qq.com/docs/merchant/apis/payscore-plan/pay-score-plan/query-pay-score-plan.html
type PayScorePlan struct {
	PlanID             string               `json:"plan_id"`
	ServiceID          string               `json:"service_id"`
	MchID              string               `json:"mchid"`
	AppID              string               `json:"appid"`
	MerchantPlanNo     string               `json:"merchant_plan_no"`
	PlanName           string               `json:"plan_name"`
	PlanDuration       int64                `json:"plan_duration"`
	PlanState          PayScorePlanState    `json:"plan_state"`
	TotalOriginalPrice int64                `json:"total_original_price"`
	DeductionQuantity  int64                `json:"deduction_quantity"`
	TotalActualPrice   int64                `json:"total_actual_price"`
	PlanDetailList     []PayScorePlanDetail `json:"plan_detail_list,omitempty"`
	StopMchID          string               `json:"stop_mchid,omitempty"`
	StopTime           string               `json:"stop_time,omitempty"`
}

// CreatePlan creates a PayScore plan (POST /v3/payscore/plan/payscore-plans).
//
// See https://pay.weixin.qq.com/docs/merchant/apis/payscore-plan/pay-score-plan/query-pay-score-plan.html
func (s *PayScoreService) CreatePlan(ctx context.Context, req *CreatePayScorePlanRequest) (*PayScorePlan, error) {
	if err := req.check(); err != nil {
		return nil, err
	}
	return call[PayScorePlan](ctx, s.c, post("/v3/payscore/plan/payscore-plans", req))
}

// GetPlan returns a plan by the merchant's plan number (GET
// /v3/payscore/plan/payscore-plans/merchant-plan-no/{merchant_plan_no}).
//
// See https://pay.weixin.qq.com/docs/merchant/apis/payscore-plan/pay-score-plan/query-pay-score-plan.html
func (s *PayScoreService) GetPlan(ctx context.Context, merchantPlanNo string) (*PayScorePlan, error) {
	if err := need("merchantPlanNo", merchantPlanNo); err != nil {
		return nil, err
	}
	return call[PayScorePlan](ctx, s.c, get(pathf(merchantPlanPath, merchantPlanNo), nil))
}

// StopPlan stops a NORMAL plan (POST
// /v3/payscore/plan/payscore-plans/merchant-plan-no/{merchant_plan_no}/stop):
// no user can sign it any more; signed plans go on.
//
// See https://pay.weixin.qq.com/docs/merchant/apis/payscore-plan/pay-score-plan/query-pay-score-plan.html
func (s *PayScoreService) StopPlan(ctx context.Context, merchantPlanNo string) (*PayScorePlan, error) {
	if err := need("merchantPlanNo", merchantPlanNo); err != nil {
		return nil, err
	}
	return call[PayScorePlan](ctx, s.c, post(pathf(merchantPlanPath+"/stop", merchantPlanNo), nil))
}

const (
	merchantPlanPath        = "/v3/payscore/plan/payscore-plans/merchant-plan-no/{merchant_plan_no}"
	partnerPlanPath         = "/v3/payscore/plan/partner/payscore-plans/merchant-plan-no/{merchant_plan_no}"
	merchantSignPlanPath    = "/v3/payscore/sign-plan/user-sign-plans/merchant-sign-plan-no/{merchant_sign_plan_no}"
	partnerSignPlanPath     = "/v3/payscore/sign-plan/partner/user-sign-plans/merchant-sign-plan-no/{merchant_sign_plan_no}"
	maxSignPlanStopReason   = 128
	maxSignPlanNotifyURL    = 1024
	maxMerchantSignPlanNo   = 32
	maxSignPlanOrderAttach  = 256
	maxSignPlanOrderNotify  = 256
	maxSignPlanOrderIntro   = 20
	maxSignPlanOrderTradeNo = 32
)

// subMchRef is the body naming a sub-merchant.
type subMchRef struct {
	SubMchID string `json:"sub_mchid"`
}

// CreatePlan creates a PayScore plan of a sub-merchant (POST
// /v3/payscore/plan/partner/payscore-plans).
//
// See https://pay.weixin.qq.com/docs/partner/products/partner-payscore-plan/apilist.html
func (s *PartnerPayScoreService) CreatePlan(ctx context.Context, req *PartnerCreatePayScorePlanRequest) (*PayScorePlan, error) {
	if req == nil {
		return nil, argError("req", "is nil")
	}
	if err := req.check(); err != nil {
		return nil, err
	}
	if err := need("SubMchID", req.SubMchID); err != nil {
		return nil, err
	}
	return call[PayScorePlan](ctx, s.c, post("/v3/payscore/plan/partner/payscore-plans", req))
}

// GetPlan returns a sub-merchant's plan by the plan number (GET
// /v3/payscore/plan/partner/payscore-plans/merchant-plan-no/{merchant_plan_no}).
//
// See https://pay.weixin.qq.com/docs/partner/products/partner-payscore-plan/apilist.html
func (s *PartnerPayScoreService) GetPlan(ctx context.Context, subMchID, merchantPlanNo string) (*PayScorePlan, error) {
	if err := need("subMchID", subMchID, "merchantPlanNo", merchantPlanNo); err != nil {
		return nil, err
	}
	return call[PayScorePlan](ctx, s.c, get(pathf(partnerPlanPath, merchantPlanNo), query("sub_mchid", subMchID)))
}

// StopPlan stops a sub-merchant's NORMAL plan (POST
// /v3/payscore/plan/partner/payscore-plans/merchant-plan-no/{merchant_plan_no}/stop).
//
// See https://pay.weixin.qq.com/docs/partner/products/partner-payscore-plan/apilist.html
func (s *PartnerPayScoreService) StopPlan(ctx context.Context, subMchID, merchantPlanNo string) (*PayScorePlan, error) {
	if err := need("subMchID", subMchID, "merchantPlanNo", merchantPlanNo); err != nil {
		return nil, err
	}
	return call[PayScorePlan](ctx, s.c, post(pathf(partnerPlanPath+"/stop", merchantPlanNo), subMchRef{subMchID}))
}

// UserSignPlanState is the state of a user's sign plan.
type UserSignPlanState string

// Sign plan states.
const (
	UserSignPlanUnsigned UserSignPlanState = "UNSIGNED"         // 用户未签约
	UserSignPlanSigned   UserSignPlanState = "SIGNED"           // 用户已签约
	UserSignPlanCanceled UserSignPlanState = "SIGN_PLAN_CANCEL" // 签约计划已取消
	UserSignPlanComplete UserSignPlanState = "COMPLETE"         // every detail served
	UserSignPlanExpire   UserSignPlanState = "EXPIRE"           // 签约计划已过期
)

// UserSignPlanDetailNo gives the merchant's order number
// (MerchantPlanDetailNo, the out_trade_no of its service order later) of
// the plan detail numbered PlanDetailNo.
type UserSignPlanDetailNo struct {
	PlanDetailNo         int64  `json:"plan_detail_no"`
	MerchantPlanDetailNo string `json:"merchant_plan_detail_no"`
}

// CreateUserSignPlanRequest is the body of
// PayScoreService.CreateUserSignPlan: a NORMAL plan of the merchant for
// the user OpenID under AppID, one SignPlanDetail per plan detail.
//
// See https://pay.weixin.qq.com/docs/merchant/apis/payscore-plan/user-sign-plan/query-user-sign-plan.html
type CreateUserSignPlanRequest struct {
	ServiceID          string                 `json:"service_id"`
	PlanID             string                 `json:"plan_id"`
	AppID              string                 `json:"appid"`
	OpenID             string                 `json:"openid,omitempty"`
	MerchantSignPlanNo string                 `json:"merchant_sign_plan_no"`
	NotifyURL          string                 `json:"notify_url"`
	SignPlanDetail     []UserSignPlanDetailNo `json:"sign_plan_detail"`
}

// check returns an ArgumentError for a missing field, a limit exceeded or
// an empty detail list (merchant and partner requests).
func (r *CreateUserSignPlanRequest) check() error {
	if err := need("ServiceID", r.ServiceID, "PlanID", r.PlanID, "AppID", r.AppID,
		"MerchantSignPlanNo", r.MerchantSignPlanNo, "NotifyURL", r.NotifyURL); err != nil {
		return err
	}
	switch {
	case len(r.MerchantSignPlanNo) > maxMerchantSignPlanNo:
		return argError("MerchantSignPlanNo", "at most 32 characters")
	case len(r.NotifyURL) > maxSignPlanNotifyURL:
		return argError("NotifyURL", "at most 1024 characters")
	case len(r.SignPlanDetail) == 0:
		return argError("SignPlanDetail", "is required")
	}
	for _, d := range r.SignPlanDetail {
		if d.PlanDetailNo <= 0 || d.MerchantPlanDetailNo == "" {
			return argError("SignPlanDetail", "each needs PlanDetailNo (from 1) and MerchantPlanDetailNo")
		}
	}
	return nil
}

// PartnerCreateUserSignPlanRequest is the body of
// PartnerPayScoreService.CreateUserSignPlan: the merchant request (AppID is
// the service provider's) plus the sub-merchant; give exactly one of OpenID
// (under AppID) and SubOpenID (under SubAppID, then required).
//
// See https://pay.weixin.qq.com/docs/partner/apis/partner-payscore-plan/partner-user-sign-plan/create-partner-user-sign-plan.html
type PartnerCreateUserSignPlanRequest struct {
	CreateUserSignPlanRequest
	SubMchID  string `json:"sub_mchid"`
	SubAppID  string `json:"sub_appid,omitempty"`
	SubOpenID string `json:"sub_openid,omitempty"`
}

// UserSignPlanDetail is one detail of a sign plan: the plan detail, its
// state (PlanDetailState, e.g. NOT_USED) and, once served, its service
// order (OrderID) and times.
type UserSignPlanDetail struct {
	PlanDetailNo            int64  `json:"plan_detail_no"`
	OriginalPrice           int64  `json:"original_price"`
	PlanDiscountDescription string `json:"plan_discount_description,omitempty"`
	ActualPrice             int64  `json:"actual_price"`
	PlanDetailState         string `json:"plan_detail_state"`
	OrderID                 string `json:"order_id,omitempty"`
	MerchantPlanDetailNo    string `json:"merchant_plan_detail_no"`
	PlanDetailName          string `json:"plan_detail_name,omitempty"`
	ActualPayPrice          int64  `json:"actual_pay_price,omitempty"`
	UseTime                 string `json:"use_time,omitempty"`
	CompleteTime            string `json:"complete_time,omitempty"`
	CancelTime              string `json:"cancel_time,omitempty"`
}

// UserSignPlan is a user's sign plan. GoingDetailNo is the detail being
// served (0 before the first). SubOpenID is set for a sub-merchant's user
// under its sub AppID.
//
// See https://pay.weixin.qq.com/docs/merchant/apis/payscore-plan/user-sign-plan/query-user-sign-plan.html
type UserSignPlan struct {
	SignPlanID          string               `json:"sign_plan_id"`
	OpenID              string               `json:"openid,omitempty"`
	SubOpenID           string               `json:"sub_openid,omitempty"`
	ServiceID           string               `json:"service_id"`
	MchID               string               `json:"mchid"`
	AppID               string               `json:"appid"`
	MerchantSignPlanNo  string               `json:"merchant_sign_plan_no"`
	MerchantCallbackURL string               `json:"merchant_callback_url"`
	PlanID              string               `json:"plan_id"`
	GoingDetailNo       int64                `json:"going_detail_no"`
	SignState           UserSignPlanState    `json:"sign_state"`
	CancelSignTime      string               `json:"cancel_sign_time,omitempty"`
	CancelSignType      string               `json:"cancel_sign_type,omitempty"`
	CancelReason        string               `json:"cancel_reason,omitempty"`
	PlanName            string               `json:"plan_name,omitempty"`
	PlanOverTime        string               `json:"plan_over_time,omitempty"`
	TotalOriginPrice    int64                `json:"total_origin_price,omitempty"`
	DeductionQuantity   int64                `json:"deduction_quantity,omitempty"`
	TotalActualPrice    int64                `json:"total_actual_price,omitempty"`
	SignedDetailList    []UserSignPlanDetail `json:"signed_detail_list,omitempty"`
	SignTime            string               `json:"sign_time,omitempty"`
}

// CreatedUserSignPlan is the answer of a sign plan creation: the plan
// (UNSIGNED) and Package, the parameter that opens the PayScore signing
// page (businessType wxpayScorePlan).
type CreatedUserSignPlan struct {
	SignPlan UserSignPlan `json:"sign_plan"`
	Package  string       `json:"package"`
}

// CreateUserSignPlan asks a user to sign a NORMAL plan (POST
// /v3/payscore/sign-plan/user-sign-plans); open the signing page with the
// returned Package. PAYSCORE.USER_SIGN_PLAN is notified to NotifyURL once
// signed.
//
// See https://pay.weixin.qq.com/docs/merchant/apis/payscore-plan/user-sign-plan/query-user-sign-plan.html
func (s *PayScoreService) CreateUserSignPlan(ctx context.Context, req *CreateUserSignPlanRequest) (*CreatedUserSignPlan, error) {
	if req == nil {
		return nil, argError("req", "is nil")
	}
	if err := req.check(); err != nil {
		return nil, err
	}
	if err := need("OpenID", req.OpenID); err != nil {
		return nil, err
	}
	return call[CreatedUserSignPlan](ctx, s.c, post("/v3/payscore/sign-plan/user-sign-plans", req))
}

// GetUserSignPlan returns a sign plan by the merchant's number (GET
// /v3/payscore/sign-plan/user-sign-plans/merchant-sign-plan-no/{merchant_sign_plan_no}).
//
// See https://pay.weixin.qq.com/docs/merchant/apis/payscore-plan/user-sign-plan/query-user-sign-plan.html
func (s *PayScoreService) GetUserSignPlan(ctx context.Context, merchantSignPlanNo string) (*UserSignPlan, error) {
	if err := need("merchantSignPlanNo", merchantSignPlanNo); err != nil {
		return nil, err
	}
	return call[UserSignPlan](ctx, s.c, get(pathf(merchantSignPlanPath, merchantSignPlanNo), nil))
}

// StopUserSignPlan cancels a sign plan (POST
// /v3/payscore/sign-plan/user-sign-plans/merchant-sign-plan-no/{merchant_sign_plan_no}/stop);
// stopReason (at most 128 characters) is required.
//
// See https://pay.weixin.qq.com/docs/merchant/apis/payscore-plan/user-sign-plan/query-user-sign-plan.html
func (s *PayScoreService) StopUserSignPlan(ctx context.Context, merchantSignPlanNo, stopReason string) (*UserSignPlan, error) {
	if err := checkStop(merchantSignPlanNo, stopReason); err != nil {
		return nil, err
	}
	body := struct {
		StopReason string `json:"stop_reason"`
	}{stopReason}
	return call[UserSignPlan](ctx, s.c, post(pathf(merchantSignPlanPath+"/stop", merchantSignPlanNo), body))
}

func checkStop(no, reason string) error {
	if err := need("merchantSignPlanNo", no, "stopReason", reason); err != nil {
		return err
	}
	if utf8.RuneCountInString(reason) > maxSignPlanStopReason {
		return argError("stopReason", "at most 128 characters")
	}
	return nil
}

// CreateUserSignPlan asks a sub-merchant's user to sign one of its NORMAL
// plans (POST /v3/payscore/sign-plan/partner/user-sign-plans).
//
// See https://pay.weixin.qq.com/docs/partner/apis/partner-payscore-plan/partner-user-sign-plan/create-partner-user-sign-plan.html
func (s *PartnerPayScoreService) CreateUserSignPlan(ctx context.Context, req *PartnerCreateUserSignPlanRequest) (*CreatedUserSignPlan, error) {
	if req == nil {
		return nil, argError("req", "is nil")
	}
	if err := req.check(); err != nil {
		return nil, err
	}
	if err := need("SubMchID", req.SubMchID); err != nil {
		return nil, err
	}
	if (req.OpenID == "") == (req.SubOpenID == "") {
		return nil, argError("OpenID/SubOpenID", "exactly one is required")
	}
	if req.SubOpenID != "" && req.SubAppID == "" {
		return nil, argError("SubAppID", "is required with SubOpenID")
	}
	return call[CreatedUserSignPlan](ctx, s.c, post("/v3/payscore/sign-plan/partner/user-sign-plans", req))
}

// GetUserSignPlan returns a sub-merchant's sign plan by the merchant's
// number (GET
// /v3/payscore/sign-plan/partner/user-sign-plans/merchant-sign-plan-no/{merchant_sign_plan_no}).
//
// See https://pay.weixin.qq.com/docs/partner/products/partner-payscore-plan/apilist.html
func (s *PartnerPayScoreService) GetUserSignPlan(ctx context.Context, subMchID, merchantSignPlanNo string) (*UserSignPlan, error) {
	if err := need("subMchID", subMchID, "merchantSignPlanNo", merchantSignPlanNo); err != nil {
		return nil, err
	}
	return call[UserSignPlan](ctx, s.c, get(pathf(partnerSignPlanPath, merchantSignPlanNo), query("sub_mchid", subMchID)))
}

// StopUserSignPlan cancels a sub-merchant's sign plan (POST
// /v3/payscore/sign-plan/partner/user-sign-plans/merchant-sign-plan-no/{merchant_sign_plan_no}/stop).
//
// See https://pay.weixin.qq.com/doc/v3/partner/4012463534
func (s *PartnerPayScoreService) StopUserSignPlan(ctx context.Context, subMchID, merchantSignPlanNo, stopReason string) (*UserSignPlan, error) {
	if err := need("subMchID", subMchID); err != nil {
		return nil, err
	}
	if err := checkStop(merchantSignPlanNo, stopReason); err != nil {
		return nil, err
	}
	body := struct {
		SubMchID   string `json:"sub_mchid"`
		StopReason string `json:"stop_reason"`
	}{subMchID, stopReason}
	return call[UserSignPlan](ctx, s.c, post(pathf(partnerSignPlanPath+"/stop", merchantSignPlanNo), body))
}

// SignPlanServiceOrderRequest is the body of
// PayScoreService.CreateSignPlanServiceOrder: the service order of detail
// PlanDetailNo of a signed plan. OutTradeNo must be the
// MerchantPlanDetailNo given for that detail; details are served in order,
// one at a time.
//
// See https://pay.weixin.qq.com/docs/merchant/apis/payscore-plan/service-order/create-service-order.html
type SignPlanServiceOrderRequest struct {
	ServiceID           string           `json:"service_id"`
	SignPlanID          string           `json:"sign_plan_id"`
	PlanDetailNo        int64            `json:"plan_detail_no"`
	AppID               string           `json:"appid"`
	OpenID              string           `json:"openid"`
	NotifyURL           string           `json:"notify_url"`
	ServiceIntroduction string           `json:"service_introduction"`
	TimeRange           ServiceTimeRange `json:"time_range"`
	Location            *ServiceLocation `json:"location,omitempty"`
	Attach              string           `json:"attach,omitempty"`
	OutTradeNo          string           `json:"out_trade_no"`
}

// CreateSignPlanServiceOrder creates the service order of one detail of a
// signed plan (POST /v3/payscore/sign-plan/serviceorder).
//
// See https://pay.weixin.qq.com/docs/merchant/apis/payscore-plan/service-order/create-service-order.html
func (s *PayScoreService) CreateSignPlanServiceOrder(ctx context.Context, req *SignPlanServiceOrderRequest) (*ServiceOrder, error) {
	if req == nil {
		return nil, argError("req", "is nil")
	}
	if err := need("ServiceID", req.ServiceID, "SignPlanID", req.SignPlanID, "AppID", req.AppID, "OpenID", req.OpenID,
		"NotifyURL", req.NotifyURL, "ServiceIntroduction", req.ServiceIntroduction, "OutTradeNo", req.OutTradeNo); err != nil {
		return nil, err
	}
	switch {
	case req.PlanDetailNo <= 0:
		return nil, argError("PlanDetailNo", "must be positive")
	case len(req.NotifyURL) > maxSignPlanOrderNotify:
		return nil, argError("NotifyURL", "at most 256 characters")
	case utf8.RuneCountInString(req.ServiceIntroduction) > maxSignPlanOrderIntro:
		return nil, argError("ServiceIntroduction", "at most 20 characters")
	case utf8.RuneCountInString(req.Attach) > maxSignPlanOrderAttach:
		return nil, argError("Attach", "at most 256 characters")
	case len(req.OutTradeNo) > maxSignPlanOrderTradeNo:
		return nil, argError("OutTradeNo", "at most 32 characters")
	}
	return call[ServiceOrder](ctx, s.c, post("/v3/payscore/sign-plan/serviceorder", req))
}
