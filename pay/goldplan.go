package pay

import (
	"context"
	"net/http"
)

// GoldPlanService is the gold plan (点金计划) of service providers: the
// payment result page of sub-merchants. Every call sets a state and is
// safe to retry.
type GoldPlanService struct{ service }

// GoldPlanOperation opens or closes a feature.
type GoldPlanOperation string

// Gold plan operations.
const (
	GoldPlanOpen  GoldPlanOperation = "OPEN"
	GoldPlanClose GoldPlanOperation = "CLOSE"
)

type goldPlanStatus struct {
	SubMchID          string            `json:"sub_mchid"`
	OperationType     GoldPlanOperation `json:"operation_type"`
	OperationPayScene string            `json:"operation_pay_scene,omitempty"`
}

type subMchAnswer struct {
	SubMchID string `json:"sub_mchid"`
}

// ChangeStatus opens or closes the gold plan of a sub-merchant (POST
// /v3/goldplan/merchants/changegoldplanstatus); payScene is
// JSAPI_AND_MINIPROGRAM, JSAPI or MINIPROGRAM (empty: the default).
//
// See https://pay.weixin.qq.com/docs/partner/apis/goldplan/merchants/change-goldplan-status.html
func (s *GoldPlanService) ChangeStatus(ctx context.Context, subMchID string, op GoldPlanOperation, payScene string) error {
	if err := need("subMchID", subMchID, "op", string(op)); err != nil {
		return err
	}
	return s.c.do(ctx, post("/v3/goldplan/merchants/changegoldplanstatus", goldPlanStatus{subMchID, op, payScene}), &subMchAnswer{})
}

// ChangeCustomPageStatus opens or closes the merchant's custom page on the
// payment result page (POST /v3/goldplan/merchants/changecustompagestatus).
//
// See https://pay.weixin.qq.com/docs/partner/apis/goldplan/merchants/change-custom-page-status.html
func (s *GoldPlanService) ChangeCustomPageStatus(ctx context.Context, subMchID string, op GoldPlanOperation) error {
	if err := need("subMchID", subMchID, "op", string(op)); err != nil {
		return err
	}
	return s.c.do(ctx, post("/v3/goldplan/merchants/changecustompagestatus", goldPlanStatus{SubMchID: subMchID, OperationType: op}), &subMchAnswer{})
}

type industryFilters struct {
	SubMchID                   string   `json:"sub_mchid"`
	AdvertisingIndustryFilters []string `json:"advertising_industry_filters,omitempty"`
}

// SetIndustryFilter sets the advertising industries not to show to a
// sub-merchant's users (POST
// /v3/goldplan/merchants/set-advertising-industry-filter; 204).
// Industries are E_COMMERCE, EDUCATION, FINANCE, ... as documented.
//
// See https://pay.weixin.qq.com/docs/partner/apis/goldplan/merchants/set-advertising-industry-filter.html
func (s *GoldPlanService) SetIndustryFilter(ctx context.Context, subMchID string, industries []string) error {
	if err := need("subMchID", subMchID); err != nil {
		return err
	}
	if len(industries) == 0 {
		return argError("industries", "is required")
	}
	return s.c.do(ctx, post("/v3/goldplan/merchants/set-advertising-industry-filter", industryFilters{subMchID, industries}), nil)
}

// OpenAdvertising shows advertising on a sub-merchant's payment result page,
// except the given industries (PATCH
// /v3/goldplan/merchants/open-advertising-show; 204).
//
// See https://pay.weixin.qq.com/docs/partner/apis/goldplan/merchants/open-advertising-show.html
func (s *GoldPlanService) OpenAdvertising(ctx context.Context, subMchID string, exceptIndustries []string) error {
	if err := need("subMchID", subMchID); err != nil {
		return err
	}
	return s.c.do(ctx, withBody(http.MethodPatch, "/v3/goldplan/merchants/open-advertising-show", industryFilters{subMchID, exceptIndustries}), nil)
}

// CloseAdvertising stops advertising on a sub-merchant's payment result
// page (POST /v3/goldplan/merchants/close-advertising-show; 204).
//
// See https://pay.weixin.qq.com/docs/partner/apis/goldplan/merchants/close-advertising-show.html
func (s *GoldPlanService) CloseAdvertising(ctx context.Context, subMchID string) error {
	if err := need("subMchID", subMchID); err != nil {
		return err
	}
	return s.c.do(ctx, post("/v3/goldplan/merchants/close-advertising-show", subMchAnswer{subMchID}), nil)
}
