package pay

import (
	"context"
	"iter"
	"net/http"
)

// GiftActivityService manages pay-gift activities (支付有礼): merchant
// coupons given to users who pay at least a threshold. Queries are safe to
// retry; creation and merchant changes are idempotent by their request
// numbers; Terminate is safe to retry (a second call fails with no effect).
type GiftActivityService struct{ service }

// GiftActivityStatus is the status of a pay-gift activity.
type GiftActivityStatus string

// Pay-gift activity statuses.
const (
	GiftActivityCreated    GiftActivityStatus = "CREATE_ACT_STATUS"
	GiftActivityOngoing    GiftActivityStatus = "ONGOING_ACT_STATUS"
	GiftActivityTerminated GiftActivityStatus = "TERMINATE_ACT_STATUS"
	GiftActivityStopped    GiftActivityStatus = "STOP_ACT_STATUS"
	GiftActivityOverTime   GiftActivityStatus = "OVER_TIME_ACT_STATUS"
	GiftActivityFailed     GiftActivityStatus = "CREATE_ACT_FAILED"
)

// GiftTimeRange is a period of an activity (RFC 3339 or day times).
type GiftTimeRange struct {
	BeginTime string `json:"begin_time"`
	EndTime   string `json:"end_time"`
}

// GiftDayTime is a period of the day ("10:00:00").
type GiftDayTime struct {
	BeginDayTime string `json:"begin_day_time"`
	EndDayTime   string `json:"end_day_time"`
}

// GiftAvailablePeriod restricts when an activity runs.
type GiftAvailablePeriod struct {
	AvailableTime    []GiftTimeRange `json:"available_time,omitempty"`
	AvailableDayTime []GiftDayTime   `json:"available_day_time,omitempty"`
}

// GiftActivityBaseInfo is the base information of an activity.
type GiftActivityBaseInfo struct {
	ActivityName        string               `json:"activity_name"`
	ActivitySecondTitle string               `json:"activity_second_title"`
	MerchantLogoURL     string               `json:"merchant_logo_url"`
	BackgroundColor     string               `json:"background_color,omitempty"`
	BeginTime           string               `json:"begin_time"`
	EndTime             string               `json:"end_time"`
	AvailablePeriods    *GiftAvailablePeriod `json:"available_periods,omitempty"`
	OutRequestNo        string               `json:"out_request_no"`
	DeliveryPurpose     string               `json:"delivery_purpose"` // OFF_LINE_PAY, JUMP_MINI_APP
	MiniProgramsAppID   string               `json:"mini_programs_appid,omitempty"`
	MiniProgramsPath    string               `json:"mini_programs_path,omitempty"`
}

// GiftAward is a merchant coupon stock given by an activity.
type GiftAward struct {
	StockID          string `json:"stock_id"`
	OriginalImageURL string `json:"original_image_url"`
	ThumbnailURL     string `json:"thumbnail_url,omitempty"`
}

// FullSendRule is the rule of a threshold activity (fen).
type FullSendRule struct {
	TransactionAmountMinimum int64       `json:"transaction_amount_minimum"`
	SendContent              string      `json:"send_content"` // SINGLE_COUPON, GIFT_PACKAGE
	AwardType                string      `json:"award_type"`   // BUSIFAVOR
	AwardList                []GiftAward `json:"award_list"`
	MerchantOption           string      `json:"merchant_option"` // IN_SEVICE_COUPON_MERCHANT, MANUAL_INPUT_MERCHANT
	MerchantIDList           []string    `json:"merchant_id_list,omitempty"`
}

// GiftAdvancedSetting restricts who and how pays.
type GiftAdvancedSetting struct {
	DeliveryUserCategory string `json:"delivery_user_category,omitempty"` // DELIVERY_ALL_PERSON, DELIVERY_MEMBER_PERSON
	MerchantMemberAppID  string `json:"merchant_member_appid,omitempty"`
	PaymentMode          *struct {
		PaymentSceneList []string `json:"payment_scene_list,omitempty"`
	} `json:"payment_mode,omitempty"`
	PaymentMethodInformation *struct {
		PaymentMethod    string `json:"payment_method"` // CFT, SPECIFIC_BANK_CARD
		BankAbbreviation string `json:"bank_abbreviation,omitempty"`
	} `json:"payment_method_information,omitempty"`
	GoodsTags []string `json:"goods_tags,omitempty"`
}

// CreateGiftActivityRequest is the body of CreateThresholdActivity.
//
// See https://pay.weixin.qq.com/docs/merchant/apis/gift-activity/activity/create-full-send-act.html
type CreateGiftActivityRequest struct {
	ActivityBaseInfo GiftActivityBaseInfo `json:"activity_base_info"`
	AwardSendRule    FullSendRule         `json:"award_send_rule"`
	AdvancedSetting  *GiftAdvancedSetting `json:"advanced_setting,omitempty"`
}

// CreatedGiftActivity is the answer of CreateThresholdActivity.
type CreatedGiftActivity struct {
	ActivityID string `json:"activity_id"`
	CreateTime string `json:"create_time"`
}

// CreateThresholdActivity creates a "pay at least X, get coupons" activity
// (POST /v3/marketing/paygiftactivity/unique-threshold-activity).
//
// See https://pay.weixin.qq.com/docs/merchant/apis/gift-activity/activity/create-full-send-act.html
func (s *GiftActivityService) CreateThresholdActivity(ctx context.Context, req *CreateGiftActivityRequest) (*CreatedGiftActivity, error) {
	if req == nil {
		return nil, argError("req", "is nil")
	}
	b := req.ActivityBaseInfo
	if err := need("ActivityName", b.ActivityName, "ActivitySecondTitle", b.ActivitySecondTitle, "MerchantLogoURL", b.MerchantLogoURL,
		"BeginTime", b.BeginTime, "EndTime", b.EndTime, "OutRequestNo", b.OutRequestNo, "DeliveryPurpose", b.DeliveryPurpose); err != nil {
		return nil, err
	}
	if len(req.AwardSendRule.AwardList) == 0 {
		return nil, argError("AwardSendRule.AwardList", "is required")
	}
	return call[CreatedGiftActivity](ctx, s.c, post("/v3/marketing/paygiftactivity/unique-threshold-activity", req))
}

// GiftActivity is a pay-gift activity as queried and listed.
type GiftActivity struct {
	ActivityID       string                `json:"activity_id"`
	ActivityType     string                `json:"activity_type,omitempty"` // FULL_SEND_ACT_TYPE, ...
	ActivityBaseInfo *GiftActivityBaseInfo `json:"activity_base_info,omitempty"`
	AwardSendRule    *struct {
		FullSendRule *FullSendRule `json:"full_send_rule,omitempty"`
	} `json:"award_send_rule,omitempty"`
	AdvancedSetting   *GiftAdvancedSetting `json:"advanced_setting,omitempty"`
	ActivityStatus    GiftActivityStatus   `json:"activity_status,omitempty"`
	CreatorMerchantID string               `json:"creator_merchant_id,omitempty"`
	BelongMerchantID  string               `json:"belong_merchant_id,omitempty"`
	PauseTime         string               `json:"pause_time,omitempty"`
	RecoveryTime      string               `json:"recovery_time,omitempty"`
	CreateTime        string               `json:"create_time,omitempty"`
	UpdateTime        string               `json:"update_time,omitempty"`
}

// Get queries an activity (GET
// /v3/marketing/paygiftactivity/activities/{activity_id}).
//
// See https://pay.weixin.qq.com/docs/merchant/apis/gift-activity/activity/get-act-detail.html
func (s *GiftActivityService) Get(ctx context.Context, activityID string) (*GiftActivity, error) {
	if err := need("activityID", activityID); err != nil {
		return nil, err
	}
	return call[GiftActivity](ctx, s.c, get(pathf("/v3/marketing/paygiftactivity/activities/{activity_id}", activityID), nil))
}

// GiftActivityFilter filters List; PageSize 1..100 (default 10).
type GiftActivityFilter struct {
	ActivityName   string
	ActivityStatus GiftActivityStatus
	AwardType      string
	PageSize       int
}

// List iterates over the merchant's activities (GET
// /v3/marketing/paygiftactivity/activities).
//
// See https://pay.weixin.qq.com/docs/merchant/apis/gift-activity/activity/list-activities.html
func (s *GiftActivityService) List(ctx context.Context, f *GiftActivityFilter) iter.Seq2[GiftActivity, error] {
	var r GiftActivityFilter
	if f != nil {
		r = *f
	}
	return pages[GiftActivity](ctx, s.c, "/v3/marketing/paygiftactivity/activities", func() map[string]string {
		return map[string]string{"activity_name": r.ActivityName, "activity_status": string(r.ActivityStatus), "award_type": r.AwardType}
	}, r.PageSize)
}

// GiftActivityMerchant is a merchant taking part in an activity.
type GiftActivityMerchant struct {
	MchID        string `json:"mchid"`
	MerchantName string `json:"merchant_name,omitempty"`
	CreateTime   string `json:"create_time,omitempty"`
	UpdateTime   string `json:"update_time,omitempty"`
}

// Merchants iterates over the merchants of an activity (GET
// /v3/marketing/paygiftactivity/activities/{activity_id}/merchants).
//
// See https://pay.weixin.qq.com/docs/merchant/apis/gift-activity/activity/list-activity-merchant.html
func (s *GiftActivityService) Merchants(ctx context.Context, activityID string, pageSize int) iter.Seq2[GiftActivityMerchant, error] {
	if err := need("activityID", activityID); err != nil {
		return errSeq[GiftActivityMerchant](err)
	}
	return pages[GiftActivityMerchant](ctx, s.c, pathf("/v3/marketing/paygiftactivity/activities/{activity_id}/merchants", activityID),
		func() map[string]string { return nil }, pageSize)
}

// GiftActivityGoods is a goods id of an activity.
type GiftActivityGoods struct {
	GoodsID    string `json:"goods_id"`
	CreateTime string `json:"create_time"`
	UpdateTime string `json:"update_time"`
}

// Goods iterates over the goods of an activity (GET
// /v3/marketing/paygiftactivity/activities/{activity_id}/goods).
//
// See https://pay.weixin.qq.com/docs/merchant/apis/gift-activity/activity/list-activity-sku.html
func (s *GiftActivityService) Goods(ctx context.Context, activityID string, pageSize int) iter.Seq2[GiftActivityGoods, error] {
	if err := need("activityID", activityID); err != nil {
		return errSeq[GiftActivityGoods](err)
	}
	return pages[GiftActivityGoods](ctx, s.c, pathf("/v3/marketing/paygiftactivity/activities/{activity_id}/goods", activityID),
		func() map[string]string { return nil }, pageSize)
}

// TerminatedGiftActivity is the answer of Terminate.
type TerminatedGiftActivity struct {
	TerminateTime string `json:"terminate_time"`
	ActivityID    string `json:"activity_id"`
}

// Terminate ends an activity (POST
// /v3/marketing/paygiftactivity/activities/{activity_id}/terminate).
//
// See https://pay.weixin.qq.com/docs/merchant/apis/gift-activity/activity/terminate-activity.html
func (s *GiftActivityService) Terminate(ctx context.Context, activityID string) (*TerminatedGiftActivity, error) {
	if err := need("activityID", activityID); err != nil {
		return nil, err
	}
	return call[TerminatedGiftActivity](ctx, s.c, request{method: http.MethodPost, path: pathf("/v3/marketing/paygiftactivity/activities/{activity_id}/terminate", activityID)})
}

// GiftMerchantsChange is the answer of AddMerchants and DeleteMerchants.
type GiftMerchantsChange struct {
	ActivityID            string `json:"activity_id"`
	InvalidMerchantIDList []struct {
		MchID         string `json:"mchid,omitempty"`
		InvalidReason string `json:"invalid_reason,omitempty"`
	} `json:"invalid_merchant_id_list,omitempty"`
	AddTime    string `json:"add_time,omitempty"`
	DeleteTime string `json:"delete_time,omitempty"`
}

// AddMerchants adds merchants to an activity (POST
// /v3/marketing/paygiftactivity/activities/{activity_id}/merchants/add).
//
// See https://pay.weixin.qq.com/docs/merchant/apis/gift-activity/activity/add-activity-merchant.html
func (s *GiftActivityService) AddMerchants(ctx context.Context, activityID, addRequestNo string, mchIDs []string) (*GiftMerchantsChange, error) {
	if err := need("activityID", activityID, "addRequestNo", addRequestNo); err != nil {
		return nil, err
	}
	if len(mchIDs) == 0 {
		return nil, argError("mchIDs", "is required")
	}
	body := struct {
		MerchantIDList []string `json:"merchant_id_list"`
		AddRequestNo   string   `json:"add_request_no"`
	}{mchIDs, addRequestNo}
	return call[GiftMerchantsChange](ctx, s.c, post(pathf("/v3/marketing/paygiftactivity/activities/{activity_id}/merchants/add", activityID), body))
}

// DeleteMerchants removes merchants from an activity (POST
// /v3/marketing/paygiftactivity/activities/{activity_id}/merchants/delete).
//
// See https://pay.weixin.qq.com/docs/merchant/apis/gift-activity/activity/delete-activity-merchant.html
func (s *GiftActivityService) DeleteMerchants(ctx context.Context, activityID, deleteRequestNo string, mchIDs []string) (*GiftMerchantsChange, error) {
	if err := need("activityID", activityID, "deleteRequestNo", deleteRequestNo); err != nil {
		return nil, err
	}
	if len(mchIDs) == 0 {
		return nil, argError("mchIDs", "is required")
	}
	body := struct {
		MerchantIDList  []string `json:"merchant_id_list"`
		DeleteRequestNo string   `json:"delete_request_no"`
	}{mchIDs, deleteRequestNo}
	return call[GiftMerchantsChange](ctx, s.c, post(pathf("/v3/marketing/paygiftactivity/activities/{activity_id}/merchants/delete", activityID), body))
}
