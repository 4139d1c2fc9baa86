package pay

import (
	"context"
	"iter"
	"net/http"
)

// RetailStoreService is the retail store activity (零售小店活动) of brands:
// goods subsidy activities, their stores, representatives and material
// codes. Queries are safe to retry; changes carry OutRequestNo, which makes
// them idempotent.
type RetailStoreService struct{ service }

// RetailActivity is a goods subsidy activity of an area.
type RetailActivity struct {
	ActivityID        string `json:"activity_id,omitempty"`
	BrandID           string `json:"brand_id,omitempty"`
	CreatorMerchantID string `json:"creator_merchant_id,omitempty"`
	ActivityInfo      *struct {
		ActivityName        string `json:"activity_name,omitempty"`
		ApplyStartTime      string `json:"apply_start_time,omitempty"`
		ApplyEndTime        string `json:"apply_end_time,omitempty"`
		ActivityStartTime   string `json:"activity_start_time,omitempty"`
		ActivityEndTime     string `json:"activity_end_time,omitempty"`
		ActivityDescription string `json:"activity_description,omitempty"`
	} `json:"activity_info,omitempty"`
	GoodsInformation *struct {
		GoodsID         string `json:"goods_id,omitempty"`
		GoodsName       string `json:"goods_name,omitempty"`
		GoodsPictureURL string `json:"goods_picture_url,omitempty"`
	} `json:"goods_information,omitempty"`
	RuleInformation *struct {
		StoreSubsidy           int64 `json:"store_subsidy,omitempty"`
		ServiceProviderSubsidy int64 `json:"service_provider_subsidy,omitempty"`
		StoreSubsidyQuota      int64 `json:"store_subsidy_quota,omitempty"`
		UserSubsidyQuota       int64 `json:"user_subsidy_quota,omitempty"`
		Areas                  []struct {
			Province string `json:"province,omitempty"`
			City     string `json:"city,omitempty"`
			District string `json:"district,omitempty"`
		} `json:"areas,omitempty"`
	} `json:"rule_information,omitempty"`
}

// Activities iterates over the activities of a city (GET
// /v3/marketing/goods-subsidy-activity/activities?city_id=).
//
// See https://pay.weixin.qq.com/docs/merchant/apis/retail-store/activity/list-acts-by-area.html
func (s *RetailStoreService) Activities(ctx context.Context, cityID string, pageSize int) iter.Seq2[RetailActivity, error] {
	if err := need("cityID", cityID); err != nil {
		return errSeq[RetailActivity](err)
	}
	return pages[RetailActivity](ctx, s.c, "/v3/marketing/goods-subsidy-activity/activities",
		func() map[string]string { return map[string]string{"city_id": cityID} }, pageSize)
}

// RetailApplyInfo is a store applying to an activity (price in fen).
type RetailApplyInfo struct {
	StoreInfo struct {
		StoreID              string `json:"store_id"`
		AccountingMerchantID string `json:"accounting_merchant_id"`
		MerchantID           string `json:"merchant_id"`
	} `json:"store_info"`
	GoodsOriginalPrice int64 `json:"goods_original_price"`
}

// RetailApplyResult is the answer of Apply.
type RetailApplyResult struct {
	ReturnMessage     string            `json:"return_message,omitempty"`
	FailedApplyInfos  []RetailApplyInfo `json:"failed_apply_infos,omitempty"`
	SucceedApplyInfos []RetailApplyInfo `json:"succeed_apply_infos,omitempty"`
}

// Apply enrols stores in an activity (POST
// /v3/marketing/goods-subsidy-activity/activity/{activity_id}/apply).
//
// See https://pay.weixin.qq.com/docs/merchant/apis/retail-store/activity/apply-activity.html
func (s *RetailStoreService) Apply(ctx context.Context, activityID, callerMerchantID string, infos []RetailApplyInfo) (*RetailApplyResult, error) {
	if err := need("activityID", activityID, "callerMerchantID", callerMerchantID); err != nil {
		return nil, err
	}
	body := struct {
		CallerMerchantID string            `json:"caller_merchant_id"`
		ApplyInfos       []RetailApplyInfo `json:"apply_infos,omitempty"`
	}{callerMerchantID, infos}
	return call[RetailApplyResult](ctx, s.c, post(pathf("/v3/marketing/goods-subsidy-activity/activity/{activity_id}/apply", activityID), body))
}

// QualificationOrder is the order a user's subsidy qualification is locked
// for (fen).
type QualificationOrder struct {
	PayerOpenID     string `json:"payer_openid"`
	OutTradeNo      string `json:"out_trade_no"`
	TotalFee        int64  `json:"total_fee"`
	StoreID         string `json:"store_id"`
	StoreMerchantID string `json:"store_merchant_id"`
}

// QualificationResult is the answer of LockQualification and
// UnlockQualification.
type QualificationResult struct {
	ReturnMessage           string   `json:"return_message,omitempty"`
	SucceedQualificationIDs []string `json:"succeed_qualification_ids,omitempty"`
	FailedQualificationIDs  []string `json:"failed_qualification_ids,omitempty"`
}

func (s *RetailStoreService) qualification(ctx context.Context, p string, order *QualificationOrder, ids []string) (*QualificationResult, error) {
	if order == nil {
		return nil, argError("order", "is nil")
	}
	if err := need("PayerOpenID", order.PayerOpenID, "OutTradeNo", order.OutTradeNo, "StoreID", order.StoreID, "StoreMerchantID", order.StoreMerchantID); err != nil {
		return nil, err
	}
	body := struct {
		OrderInformation *QualificationOrder `json:"order_information"`
		QualificationIDs []string            `json:"qualification_ids,omitempty"`
	}{order, ids}
	return call[QualificationResult](ctx, s.c, post(p, body))
}

// LockQualification locks users' subsidy qualifications for an order (POST
// /v3/marketing/goods-subsidy-activity/qualification/lock).
//
// See https://pay.weixin.qq.com/docs/merchant/apis/retail-store/qualification/lock-qualification.html
func (s *RetailStoreService) LockQualification(ctx context.Context, order *QualificationOrder, ids []string) (*QualificationResult, error) {
	return s.qualification(ctx, "/v3/marketing/goods-subsidy-activity/qualification/lock", order, ids)
}

// UnlockQualification releases locked qualifications (POST
// /v3/marketing/goods-subsidy-activity/qualification/unlock).
//
// See https://pay.weixin.qq.com/docs/merchant/apis/retail-store/qualification/unlock-qualification.html
func (s *RetailStoreService) UnlockQualification(ctx context.Context, order *QualificationOrder, ids []string) (*QualificationResult, error) {
	return s.qualification(ctx, "/v3/marketing/goods-subsidy-activity/qualification/unlock", order, ids)
}

// Representative is a business representative (业务代理) of an activity.
type Representative struct {
	OpenID string `json:"openid"`
}

// RepresentativesChange is the answer of AddRepresentatives and
// DeleteRepresentatives.
type RepresentativesChange struct {
	ActivityID                   string           `json:"activity_id"`
	FailedRepresentativeInfoList []Representative `json:"failed_representative_info_list,omitempty"`
	AddTime                      string           `json:"add_time,omitempty"`
	DeleteTime                   string           `json:"delete_time,omitempty"`
}

type representativesBody struct {
	RepresentativeInfoList []Representative `json:"representative_info_list"`
	OutRequestNo           string           `json:"out_request_no"`
	AddTime                string           `json:"add_time,omitempty"`
	DeleteTime             string           `json:"delete_time,omitempty"`
}

const representativePath = "/v3/marketing/goods-subsidy-activity/retail-store-act/{activity_id}/representative"

// AddRepresentatives adds representatives to an activity (PUT
// /v3/marketing/goods-subsidy-activity/retail-store-act/{activity_id}/representative);
// addTime is RFC 3339 (optional).
//
// See https://pay.weixin.qq.com/docs/merchant/apis/retail-store/retail-store-act/add-representative.html
func (s *RetailStoreService) AddRepresentatives(ctx context.Context, activityID, outRequestNo, addTime string, openIDs ...string) (*RepresentativesChange, error) {
	if err := need("activityID", activityID, "outRequestNo", outRequestNo); err != nil {
		return nil, err
	}
	if len(openIDs) == 0 {
		return nil, argError("openIDs", "is required")
	}
	body := representativesBody{representatives(openIDs), outRequestNo, addTime, ""}
	return call[RepresentativesChange](ctx, s.c, withBody(http.MethodPut, pathf(representativePath, activityID), body))
}

// DeleteRepresentatives removes representatives (DELETE
// /v3/marketing/goods-subsidy-activity/retail-store-act/{activity_id}/representative);
// deleteTime is RFC 3339.
//
// See https://pay.weixin.qq.com/docs/merchant/apis/retail-store/retail-store-act/delete-representative.html
func (s *RetailStoreService) DeleteRepresentatives(ctx context.Context, activityID, outRequestNo, deleteTime string, openIDs ...string) (*RepresentativesChange, error) {
	if err := need("activityID", activityID, "outRequestNo", outRequestNo, "deleteTime", deleteTime); err != nil {
		return nil, err
	}
	if len(openIDs) == 0 {
		return nil, argError("openIDs", "is required")
	}
	body := representativesBody{representatives(openIDs), outRequestNo, "", deleteTime}
	return call[RepresentativesChange](ctx, s.c, withBody(http.MethodDelete, pathf(representativePath, activityID), body))
}

func representatives(openIDs []string) []Representative {
	out := make([]Representative, len(openIDs))
	for i, o := range openIDs {
		out[i] = Representative{o}
	}
	return out
}

// Representatives iterates over the representatives of an activity (GET
// /v3/marketing/goods-subsidy-activity/retail-store-act/{activity_id}/representatives).
//
// See https://pay.weixin.qq.com/docs/merchant/apis/retail-store/retail-store-act/list-representative.html
func (s *RetailStoreService) Representatives(ctx context.Context, activityID string, pageSize int) iter.Seq2[Representative, error] {
	if err := need("activityID", activityID); err != nil {
		return errSeq[Representative](err)
	}
	return pages[Representative](ctx, s.c, pathf("/v3/marketing/goods-subsidy-activity/retail-store-act/{activity_id}/representatives", activityID),
		func() map[string]string { return nil }, pageSize)
}

// RetailStore is a store of a brand's retail store activity.
type RetailStore struct {
	StoreCode string `json:"store_code,omitempty"`
	StoreName string `json:"store_name,omitempty"`
}

// RetailStoresChange is the answer of AddStores and DeleteStores.
type RetailStoresChange struct {
	AddTime      string        `json:"add_time,omitempty"`
	DeleteTime   string        `json:"delete_time,omitempty"`
	FailedStores []RetailStore `json:"failed_stores,omitempty"`
}

const storesPath = "/v3/marketing/goods-subsidy-activity/retail-store-act/{brand_id}/stores"

// AddStores adds stores to a brand's activity (POST
// /v3/marketing/goods-subsidy-activity/retail-store-act/{brand_id}/stores);
// addTime is RFC 3339.
//
// See https://pay.weixin.qq.com/docs/merchant/apis/retail-store/retail-store-act/add-stores.html
func (s *RetailStoreService) AddStores(ctx context.Context, brandID, outRequestNo, addTime string, stores []RetailStore) (*RetailStoresChange, error) {
	if err := need("brandID", brandID, "outRequestNo", outRequestNo, "addTime", addTime); err != nil {
		return nil, err
	}
	if len(stores) == 0 {
		return nil, argError("stores", "is required")
	}
	body := struct {
		OutRequestNo string        `json:"out_request_no"`
		AddTime      string        `json:"add_time"`
		Stores       []RetailStore `json:"stores"`
	}{outRequestNo, addTime, stores}
	return call[RetailStoresChange](ctx, s.c, post(pathf(storesPath, brandID), body))
}

// DeleteStores removes stores (DELETE
// /v3/marketing/goods-subsidy-activity/retail-store-act/{brand_id}/stores);
// deleteTime is RFC 3339.
//
// See https://pay.weixin.qq.com/docs/merchant/apis/retail-store/retail-store-act/delete-stores.html
func (s *RetailStoreService) DeleteStores(ctx context.Context, brandID, outRequestNo, deleteTime string, stores []RetailStore) (*RetailStoresChange, error) {
	if err := need("brandID", brandID, "outRequestNo", outRequestNo, "deleteTime", deleteTime); err != nil {
		return nil, err
	}
	if len(stores) == 0 {
		return nil, argError("stores", "is required")
	}
	body := struct {
		OutRequestNo string        `json:"out_request_no"`
		DeleteTime   string        `json:"delete_time"`
		Stores       []RetailStore `json:"stores"`
	}{outRequestNo, deleteTime, stores}
	return call[RetailStoresChange](ctx, s.c, withBody(http.MethodDelete, pathf(storesPath, brandID), body))
}

// Store queries a store (GET
// /v3/marketing/goods-subsidy-activity/retail-store-act/{brand_id}/stores/{store_code}).
//
// See https://pay.weixin.qq.com/docs/merchant/apis/retail-store/retail-store-act/get-store.html
func (s *RetailStoreService) Store(ctx context.Context, brandID, storeCode string) (*RetailStore, error) {
	if err := need("brandID", brandID, "storeCode", storeCode); err != nil {
		return nil, err
	}
	return call[RetailStore](ctx, s.c, get(pathf("/v3/marketing/goods-subsidy-activity/retail-store-act/{brand_id}/stores/{store_code}", brandID, storeCode), nil))
}

// Stores iterates over the stores of a brand's activity (GET
// /v3/marketing/goods-subsidy-activity/retail-store-act/{brand_id}/stores).
//
// See https://pay.weixin.qq.com/docs/merchant/apis/retail-store/retail-store-act/list-store.html
func (s *RetailStoreService) Stores(ctx context.Context, brandID string, pageSize int) iter.Seq2[RetailStore, error] {
	if err := need("brandID", brandID); err != nil {
		return errSeq[RetailStore](err)
	}
	return pages[RetailStore](ctx, s.c, pathf(storesPath, brandID), func() map[string]string { return nil }, pageSize)
}

// Material is a material (QR) code of a store activity.
type Material struct {
	MaterialID  string `json:"material_id,omitempty"`
	MaterialURL string `json:"material_url,omitempty"`
}

// CreateMaterials generates n material codes (POST
// /v3/marketing/goods-subsidy-activity/retail-store-act/{brand_id}/materials).
//
// See https://pay.weixin.qq.com/docs/merchant/apis/retail-store/retail-store-act/create-materials.html
func (s *RetailStoreService) CreateMaterials(ctx context.Context, brandID, outRequestNo string, n int64) ([]Material, error) {
	if err := need("brandID", brandID, "outRequestNo", outRequestNo); err != nil {
		return nil, err
	}
	if n <= 0 {
		return nil, argError("n", "must be positive")
	}
	body := struct {
		OutRequestNo string `json:"out_request_no"`
		MaterialNum  int64  `json:"material_num"`
	}{outRequestNo, n}
	out, err := call[struct {
		MaterialList []Material `json:"material_list"`
	}](ctx, s.c, post(pathf("/v3/marketing/goods-subsidy-activity/retail-store-act/{brand_id}/materials", brandID), body))
	if err != nil {
		return nil, err
	}
	return out.MaterialList, nil
}
