package pay

import (
	"context"
	"iter"
	"net/http"
)

// BusiFavorService manages merchant coupons (商家券). Queries are safe to
// retry; every change carries a merchant request number (OutRequestNo,
// UseRequestNo, ...) that makes it idempotent: retry with the same number.
type BusiFavorService struct{ service }

// BusiFavorStockType is the kind of a merchant coupon stock.
type BusiFavorStockType string

// Merchant coupon stock kinds.
const (
	BusiFavorNormal   BusiFavorStockType = "NORMAL"
	BusiFavorDiscount BusiFavorStockType = "DISCOUNT"
	BusiFavorExchange BusiFavorStockType = "EXCHANGE"
)

// BusiFavorCouponState is the state of a user's merchant coupon.
type BusiFavorCouponState string

// Merchant coupon states.
const (
	BusiFavorCouponSended      BusiFavorCouponState = "SENDED"
	BusiFavorCouponUsed        BusiFavorCouponState = "USED"
	BusiFavorCouponExpired     BusiFavorCouponState = "EXPIRED"
	BusiFavorCouponDeleted     BusiFavorCouponState = "DELETED"
	BusiFavorCouponDeactivated BusiFavorCouponState = "DEACTIVATED"
)

// BusiFavorStockState is the state of a merchant coupon stock.
type BusiFavorStockState string

// Merchant coupon stock states.
const (
	BusiFavorStockUnaudit BusiFavorStockState = "UNAUDIT"
	BusiFavorStockRunning BusiFavorStockState = "RUNNING"
	BusiFavorStockStopped BusiFavorStockState = "STOPED" // sic
	BusiFavorStockPaused  BusiFavorStockState = "PAUSED"
)

// DayTime is a range of seconds within a day.
type DayTime struct {
	BeginTime int64 `json:"begin_time,omitempty"`
	EndTime   int64 `json:"end_time,omitempty"`
}

// AvailableWeek restricts a coupon to weekdays and day times.
type AvailableWeek struct {
	WeekDay          []int64   `json:"week_day,omitempty"`
	AvailableDayTime []DayTime `json:"available_day_time,omitempty"`
}

// TimeRange is a range of RFC 3339 times.
type TimeRange struct {
	BeginTime string `json:"begin_time,omitempty"`
	EndTime   string `json:"end_time,omitempty"`
}

// BusiFavorAvailableTime is when a merchant coupon can be used.
type BusiFavorAvailableTime struct {
	AvailableBeginTime       string         `json:"available_begin_time"`
	AvailableEndTime         string         `json:"available_end_time"`
	AvailableDayAfterReceive int64          `json:"available_day_after_receive,omitempty"`
	AvailableWeek            *AvailableWeek `json:"available_week,omitempty"`
	IrregularyAvaliableTime  []TimeRange    `json:"irregulary_avaliable_time,omitempty"` // sic
	WaitDaysAfterReceive     int64          `json:"wait_days_after_receive,omitempty"`
}

// BusiFavorFixedCoupon is the amount of a NORMAL coupon (fen).
type BusiFavorFixedCoupon struct {
	DiscountAmount     int64 `json:"discount_amount,omitempty"`
	TransactionMinimum int64 `json:"transaction_minimum,omitempty"`
}

// DiscountCoupon is the rate of a DISCOUNT coupon (percent, e.g. 88).
type DiscountCoupon struct {
	DiscountPercent    int64 `json:"discount_percent,omitempty"`
	TransactionMinimum int64 `json:"transaction_minimum,omitempty"`
}

// ExchangeCoupon is the price of an EXCHANGE coupon (fen).
type ExchangeCoupon struct {
	ExchangePrice      int64 `json:"exchange_price,omitempty"`
	TransactionMinimum int64 `json:"transaction_minimum,omitempty"`
}

// BusiFavorUseRule is the usage rule of a merchant coupon stock.
type BusiFavorUseRule struct {
	CouponAvailableTime BusiFavorAvailableTime `json:"coupon_available_time"`
	FixedNormalCoupon   *BusiFavorFixedCoupon  `json:"fixed_normal_coupon,omitempty"`
	DiscountCoupon      *DiscountCoupon        `json:"discount_coupon,omitempty"`
	ExchangeCoupon      *ExchangeCoupon        `json:"exchange_coupon,omitempty"`
	UseMethod           string                 `json:"use_method"` // OFF_LINE, MINI_PROGRAMS, SELF_CONSUME, PAYMENT_CODE
	MiniProgramsAppID   string                 `json:"mini_programs_appid,omitempty"`
	MiniProgramsPath    string                 `json:"mini_programs_path,omitempty"`
}

// BusiFavorSendRule is the sending rule of a stock.
type BusiFavorSendRule struct {
	MaxAmount          int64 `json:"max_amount,omitempty"`
	MaxCoupons         int64 `json:"max_coupons,omitempty"`
	MaxCouponsPerUser  int64 `json:"max_coupons_per_user"`
	MaxAmountByDay     int64 `json:"max_amount_by_day,omitempty"`
	MaxCouponsByDay    int64 `json:"max_coupons_by_day,omitempty"`
	NaturalPersonLimit bool  `json:"natural_person_limit,omitempty"`
	PreventAPIAbuse    bool  `json:"prevent_api_abuse,omitempty"`
	Transferable       bool  `json:"transferable,omitempty"`
	Shareable          bool  `json:"shareable,omitempty"`
}

// MiniProgramsEntrance is a mini program entrance on the coupon.
type MiniProgramsEntrance struct {
	MiniProgramsAppID string `json:"mini_programs_appid,omitempty"`
	MiniProgramsPath  string `json:"mini_programs_path,omitempty"`
	EntranceWords     string `json:"entrance_words,omitempty"`
	GuidingWords      string `json:"guiding_words,omitempty"`
}

// CustomEntrance is the custom entrance of a coupon.
type CustomEntrance struct {
	MiniProgramsInfo *MiniProgramsEntrance `json:"mini_programs_info,omitempty"`
	AppID            string                `json:"appid,omitempty"`
	HallID           string                `json:"hall_id,omitempty"`
	StoreID          string                `json:"store_id,omitempty"`
	CodeDisplayMode  string                `json:"code_display_mode,omitempty"` // NOT_SHOW, BARCODE, QRCODE
}

// FinderInfo links a WeChat Channels video.
type FinderInfo struct {
	FinderID                 string `json:"finder_id,omitempty"`
	FinderVideoID            string `json:"finder_video_id,omitempty"`
	FinderVideoCoverImageURL string `json:"finder_video_cover_image_url,omitempty"`
}

// DisplayPatternInfo is the look of a merchant coupon.
type DisplayPatternInfo struct {
	Description     string      `json:"description,omitempty"`
	MerchantLogoURL string      `json:"merchant_logo_url,omitempty"`
	MerchantName    string      `json:"merchant_name,omitempty"`
	BackgroundColor string      `json:"background_color,omitempty"`
	CouponImageURL  string      `json:"coupon_image_url,omitempty"`
	FinderInfo      *FinderInfo `json:"finder_info,omitempty"`
}

// NotifyConfig names the appid of coupon event notifications.
type NotifyConfig struct {
	NotifyAppID string `json:"notify_appid,omitempty"`
}

// CreateBusiFavorStockRequest is the body of CreateStock. BelongMerchant
// defaults to the client's merchant id.
//
// See https://pay.weixin.qq.com/docs/merchant/apis/merchant-exclusive-coupon/busi-favor/create-busifavor-stock.html
type CreateBusiFavorStockRequest struct {
	StockName          string              `json:"stock_name"`
	BelongMerchant     string              `json:"belong_merchant"`
	Comment            string              `json:"comment,omitempty"`
	GoodsName          string              `json:"goods_name"`
	StockType          BusiFavorStockType  `json:"stock_type"`
	CouponUseRule      BusiFavorUseRule    `json:"coupon_use_rule"`
	StockSendRule      BusiFavorSendRule   `json:"stock_send_rule"`
	OutRequestNo       string              `json:"out_request_no"`
	CustomEntrance     *CustomEntrance     `json:"custom_entrance,omitempty"`
	DisplayPatternInfo *DisplayPatternInfo `json:"display_pattern_info,omitempty"`
	CouponCodeMode     string              `json:"coupon_code_mode"` // WECHATPAY_MODE, MERCHANT_API, MERCHANT_UPLOAD
	NotifyConfig       *NotifyConfig       `json:"notify_config,omitempty"`
	Subsidy            bool                `json:"subsidy,omitempty"`
}

// CreateBusiFavorStockResponse is the answer of CreateStock.
type CreateBusiFavorStockResponse struct {
	StockID    string `json:"stock_id"`
	CreateTime string `json:"create_time"`
}

// CreateStock creates a merchant coupon stock (POST
// /v3/marketing/busifavor/stocks).
//
// See https://pay.weixin.qq.com/docs/merchant/apis/merchant-exclusive-coupon/busi-favor/create-busifavor-stock.html
func (s *BusiFavorService) CreateStock(ctx context.Context, req *CreateBusiFavorStockRequest) (*CreateBusiFavorStockResponse, error) {
	if req == nil {
		return nil, argError("req", "is nil")
	}
	if err := need("StockName", req.StockName, "GoodsName", req.GoodsName, "StockType", string(req.StockType),
		"OutRequestNo", req.OutRequestNo, "CouponCodeMode", req.CouponCodeMode, "CouponUseRule.UseMethod", req.CouponUseRule.UseMethod); err != nil {
		return nil, err
	}
	r := *req
	if r.BelongMerchant == "" {
		r.BelongMerchant = s.c.mchid
	}
	return call[CreateBusiFavorStockResponse](ctx, s.c, post("/v3/marketing/busifavor/stocks", &r))
}

// CouponCodeCount counts the uploaded codes of a stock.
type CouponCodeCount struct {
	TotalCount     int64 `json:"total_count"`
	AvailableCount int64 `json:"available_count"`
}

// SendCount counts the coupons sent (amounts in fen).
type SendCount struct {
	TotalSendNum    int64 `json:"total_send_num,omitempty"`
	TotalSendAmount int64 `json:"total_send_amount,omitempty"`
	TodaySendNum    int64 `json:"today_send_num,omitempty"`
	TodaySendAmount int64 `json:"today_send_amount,omitempty"`
}

// BusiFavorStock is a merchant coupon stock as queried.
//
// See https://pay.weixin.qq.com/doc/v3/merchant/4015716977
type BusiFavorStock struct {
	StockID              string              `json:"stock_id"`
	StockName            string              `json:"stock_name"`
	BelongMerchant       string              `json:"belong_merchant"`
	Comment              string              `json:"comment,omitempty"`
	GoodsName            string              `json:"goods_name"`
	StockType            BusiFavorStockType  `json:"stock_type"`
	CouponUseRule        BusiFavorUseRule    `json:"coupon_use_rule"`
	StockSendRule        BusiFavorSendRule   `json:"stock_send_rule"`
	CustomEntrance       *CustomEntrance     `json:"custom_entrance,omitempty"`
	DisplayPatternInfo   *DisplayPatternInfo `json:"display_pattern_info,omitempty"`
	StockState           BusiFavorStockState `json:"stock_state"`
	CouponCodeMode       string              `json:"coupon_code_mode"`
	CouponCodeCount      *CouponCodeCount    `json:"coupon_code_count,omitempty"`
	NotifyConfig         *NotifyConfig       `json:"notify_config,omitempty"`
	SendCountInformation *SendCount          `json:"send_count_information,omitempty"`
	Subsidy              bool                `json:"subsidy,omitempty"`
}

// GetStock queries a stock (GET /v3/marketing/busifavor/stocks/{stock_id}).
//
// See https://pay.weixin.qq.com/doc/v3/merchant/4015716977
func (s *BusiFavorService) GetStock(ctx context.Context, stockID string) (*BusiFavorStock, error) {
	if err := need("stockID", stockID); err != nil {
		return nil, err
	}
	return call[BusiFavorStock](ctx, s.c, get(pathf("/v3/marketing/busifavor/stocks/{stock_id}", stockID), nil))
}

// ModifyCustomEntrance is the custom entrance of ModifyStock (the store id
// cannot change).
type ModifyCustomEntrance struct {
	MiniProgramsInfo *MiniProgramsEntrance `json:"mini_programs_info,omitempty"`
	AppID            string                `json:"appid,omitempty"`
	HallID           string                `json:"hall_id,omitempty"`
	CodeDisplayMode  string                `json:"code_display_mode,omitempty"`
}

// ModifyBusiFavorStockRequest is the body of ModifyStock: only the set
// fields change.
type ModifyBusiFavorStockRequest struct {
	CustomEntrance     *ModifyCustomEntrance `json:"custom_entrance,omitempty"`
	StockName          string                `json:"stock_name,omitempty"`
	Comment            string                `json:"comment,omitempty"`
	GoodsName          string                `json:"goods_name,omitempty"`
	OutRequestNo       string                `json:"out_request_no"`
	DisplayPatternInfo *DisplayPatternInfo   `json:"display_pattern_info,omitempty"`
	CouponUseRule      *struct {
		UseMethod         string `json:"use_method,omitempty"`
		MiniProgramsAppID string `json:"mini_programs_appid,omitempty"`
		MiniProgramsPath  string `json:"mini_programs_path,omitempty"`
	} `json:"coupon_use_rule,omitempty"`
	StockSendRule *struct {
		NaturalPersonLimit bool `json:"natural_person_limit,omitempty"`
		PreventAPIAbuse    bool `json:"prevent_api_abuse,omitempty"`
	} `json:"stock_send_rule,omitempty"`
	NotifyConfig *NotifyConfig `json:"notify_config,omitempty"`
	Subsidy      bool          `json:"subsidy,omitempty"`
}

// ModifyStock changes a stock's information (PATCH
// /v3/marketing/busifavor/stocks/{stock_id}; 204).
//
// See https://pay.weixin.qq.com/docs/merchant/apis/merchant-exclusive-coupon/busi-favor/modify-stock-info.html
func (s *BusiFavorService) ModifyStock(ctx context.Context, stockID string, req *ModifyBusiFavorStockRequest) error {
	if req == nil {
		return argError("req", "is nil")
	}
	if err := need("stockID", stockID, "OutRequestNo", req.OutRequestNo); err != nil {
		return err
	}
	return s.c.do(ctx, withBody(http.MethodPatch, pathf("/v3/marketing/busifavor/stocks/{stock_id}", stockID), req), nil)
}

// ModifyBudgetRequest changes the coupon budget of a stock: set the total
// pair or the daily pair.
type ModifyBudgetRequest struct {
	TargetMaxCoupons       int64  `json:"target_max_coupons,omitempty"`
	CurrentMaxCoupons      int64  `json:"current_max_coupons,omitempty"`
	TargetMaxCouponsByDay  int64  `json:"target_max_coupons_by_day,omitempty"`
	CurrentMaxCouponsByDay int64  `json:"current_max_coupons_by_day,omitempty"`
	ModifyBudgetRequestNo  string `json:"modify_budget_request_no"`
}

// Budget is the answer of ModifyBudget.
type Budget struct {
	MaxCoupons      int64 `json:"max_coupons"`
	MaxCouponsByDay int64 `json:"max_coupons_by_day,omitempty"`
}

// ModifyBudget changes the budget of a stock (PATCH
// /v3/marketing/busifavor/stocks/{stock_id}/budget).
//
// See https://pay.weixin.qq.com/docs/merchant/apis/merchant-exclusive-coupon/busi-favor/modify-budget.html
func (s *BusiFavorService) ModifyBudget(ctx context.Context, stockID string, req *ModifyBudgetRequest) (*Budget, error) {
	if req == nil {
		return nil, argError("req", "is nil")
	}
	if err := need("stockID", stockID, "ModifyBudgetRequestNo", req.ModifyBudgetRequestNo); err != nil {
		return nil, err
	}
	if req.TargetMaxCoupons == 0 && req.TargetMaxCouponsByDay == 0 {
		return nil, argError("TargetMaxCoupons", "set the total or the daily target")
	}
	return call[Budget](ctx, s.c, withBody(http.MethodPatch, pathf("/v3/marketing/busifavor/stocks/{stock_id}/budget", stockID), req))
}

// UploadCodesResponse is the answer of UploadCodes.
type UploadCodesResponse struct {
	StockID      string   `json:"stock_id"`
	TotalCount   int64    `json:"total_count"`
	SuccessCount int64    `json:"success_count"`
	SuccessCodes []string `json:"success_codes,omitempty"`
	SuccessTime  string   `json:"success_time"`
	FailCount    int64    `json:"fail_count,omitempty"`
	FailCodes    []struct {
		CouponCode string `json:"coupon_code"`
		Code       string `json:"code"`
		Message    string `json:"message"`
	} `json:"fail_codes,omitempty"`
	ExistCodes     []string `json:"exist_codes,omitempty"`
	DuplicateCodes []string `json:"duplicate_codes,omitempty"`
}

// UploadCodes uploads coupon codes to a MERCHANT_UPLOAD stock (POST
// /v3/marketing/busifavor/stocks/{stock_id}/couponcodes), at most 200.
//
// See https://pay.weixin.qq.com/docs/merchant/apis/merchant-exclusive-coupon/busi-favor/upload-coupon-code.html
func (s *BusiFavorService) UploadCodes(ctx context.Context, stockID, uploadRequestNo string, codes []string) (*UploadCodesResponse, error) {
	if err := need("stockID", stockID, "uploadRequestNo", uploadRequestNo); err != nil {
		return nil, err
	}
	if len(codes) == 0 || len(codes) > 200 {
		return nil, argError("codes", "1..200 codes")
	}
	body := struct {
		CouponCodeList  []string `json:"coupon_code_list"`
		UploadRequestNo string   `json:"upload_request_no"`
	}{codes, uploadRequestNo}
	return call[UploadCodesResponse](ctx, s.c, post(pathf("/v3/marketing/busifavor/stocks/{stock_id}/couponcodes", stockID), body))
}

// CouponCode is an uploaded coupon code.
type CouponCode struct {
	Code           string `json:"code"`
	CodeStatus     string `json:"code_status"` // AVAILABLE, DISPATCHED
	UploadTime     string `json:"upload_time,omitempty"`
	DispatchedTime string `json:"dispatched_time,omitempty"`
	OpenID         string `json:"openid,omitempty"`
	UnionID        string `json:"unionid,omitempty"`
	CouponCode     string `json:"coupon_code,omitempty"`
}

// Codes iterates over the uploaded codes of a stock (GET
// /v3/marketing/busifavor/stocks/{stock_id}/couponcodes); status filters
// (AVAILABLE, DISPATCHED), pageSize 1..100.
//
// See https://pay.weixin.qq.com/docs/merchant/apis/merchant-exclusive-coupon/busi-favor/query-coupon-code-list.html
func (s *BusiFavorService) Codes(ctx context.Context, stockID, status string, pageSize int) iter.Seq2[CouponCode, error] {
	if err := need("stockID", stockID); err != nil {
		return errSeq[CouponCode](err)
	}
	return pages[CouponCode](ctx, s.c, pathf("/v3/marketing/busifavor/stocks/{stock_id}/couponcodes", stockID), func() map[string]string {
		return map[string]string{"status": status}
	}, pageSize)
}

// CodeInfo is the answer of GetCode.
type CodeInfo struct {
	CodeInformation   CouponCode       `json:"code_information"`
	CouponInformation *BusiFavorCoupon `json:"coupon_information,omitempty"`
}

// GetCode queries an uploaded code (GET
// /v3/marketing/busifavor/stocks/{stock_id}/couponcodes/{coupon_code}).
//
// See https://pay.weixin.qq.com/docs/merchant/apis/merchant-exclusive-coupon/busi-favor/coupon-code-info.html
func (s *BusiFavorService) GetCode(ctx context.Context, stockID, couponCode, appID string) (*CodeInfo, error) {
	if err := need("stockID", stockID, "couponCode", couponCode); err != nil {
		return nil, err
	}
	return call[CodeInfo](ctx, s.c, get(pathf("/v3/marketing/busifavor/stocks/{stock_id}/couponcodes/{coupon_code}", stockID, couponCode), query("appid", appID)))
}

// DeletedCode is the answer of DeleteCode.
type DeletedCode struct {
	StockID    string `json:"stock_id"`
	DeleteTime string `json:"delete_time"`
}

// DeleteCode deletes an uploaded code not yet dispatched (DELETE
// /v3/marketing/busifavor/stocks/{stock_id}/couponcodes/{coupon_code}).
//
// See https://pay.weixin.qq.com/docs/merchant/apis/merchant-exclusive-coupon/busi-favor/delete-coupon-code.html
func (s *BusiFavorService) DeleteCode(ctx context.Context, stockID, couponCode, deleteRequestNo string) (*DeletedCode, error) {
	if err := need("stockID", stockID, "couponCode", couponCode, "deleteRequestNo", deleteRequestNo); err != nil {
		return nil, err
	}
	body := struct {
		DeleteRequestNo string `json:"delete_request_no"`
	}{deleteRequestNo}
	return call[DeletedCode](ctx, s.c, withBody(http.MethodDelete, pathf("/v3/marketing/busifavor/stocks/{stock_id}/couponcodes/{coupon_code}", stockID, couponCode), body))
}

// BusiFavorCallback is the merchant coupon notification setting.
type BusiFavorCallback struct {
	MchID      string `json:"mchid"`
	NotifyURL  string `json:"notify_url"`
	UpdateTime string `json:"update_time,omitempty"`
}

// SetCallback sets the URL merchant coupon notifications are sent to
// (POST /v3/marketing/busifavor/callbacks).
//
// See https://pay.weixin.qq.com/docs/merchant/apis/merchant-exclusive-coupon/call-back/set-coupon-notify.html
func (s *BusiFavorService) SetCallback(ctx context.Context, notifyURL string) (*BusiFavorCallback, error) {
	if err := need("notifyURL", notifyURL); err != nil {
		return nil, err
	}
	body := struct {
		MchID     string `json:"mchid"`
		NotifyURL string `json:"notify_url"`
	}{s.c.mchid, notifyURL}
	return call[BusiFavorCallback](ctx, s.c, post("/v3/marketing/busifavor/callbacks", body))
}

// Callback queries the merchant coupon notification URL (GET
// /v3/marketing/busifavor/callbacks?mchid=).
//
// See https://pay.weixin.qq.com/docs/merchant/apis/merchant-exclusive-coupon/call-back/get-coupon-notify.html
func (s *BusiFavorService) Callback(ctx context.Context) (*BusiFavorCallback, error) {
	return call[BusiFavorCallback](ctx, s.c, get("/v3/marketing/busifavor/callbacks", query("mchid", s.c.mchid)))
}

// BusiFavorCoupon is a user's merchant coupon.
//
// See https://pay.weixin.qq.com/docs/merchant/apis/merchant-exclusive-coupon/coupon/query-coupon.html
type BusiFavorCoupon struct {
	BelongMerchant      string               `json:"belong_merchant"`
	StockName           string               `json:"stock_name"`
	Comment             string               `json:"comment,omitempty"`
	GoodsName           string               `json:"goods_name"`
	StockType           BusiFavorStockType   `json:"stock_type"`
	Transferable        bool                 `json:"transferable,omitempty"`
	Shareable           bool                 `json:"shareable,omitempty"`
	CouponState         BusiFavorCouponState `json:"coupon_state,omitempty"`
	DisplayPatternInfo  *DisplayPatternInfo  `json:"display_pattern_info,omitempty"`
	CouponUseRule       BusiFavorUseRule     `json:"coupon_use_rule"`
	CustomEntrance      *CustomEntrance      `json:"custom_entrance,omitempty"`
	CouponCode          string               `json:"coupon_code,omitempty"`
	StockID             string               `json:"stock_id,omitempty"`
	AvailableStartTime  string               `json:"available_start_time,omitempty"`
	ExpireTime          string               `json:"expire_time,omitempty"`
	ReceiveTime         string               `json:"receive_time,omitempty"`
	SendRequestNo       string               `json:"send_request_no,omitempty"`
	UseRequestNo        string               `json:"use_request_no,omitempty"`
	UseTime             string               `json:"use_time,omitempty"`
	AssociateOutTradeNo string               `json:"associate_out_trade_no,omitempty"`
	ReturnRequestNo     string               `json:"return_request_no,omitempty"`
	ReturnTime          string               `json:"return_time,omitempty"`
	DeactivateRequestNo string               `json:"deactivate_request_no,omitempty"`
	DeactivateTime      string               `json:"deactivate_time,omitempty"`
	DeactivateReason    string               `json:"deactivate_reason,omitempty"`
}

// GetUserCoupon queries a user's coupon (GET
// /v3/marketing/busifavor/users/{openid}/coupons/{coupon_code}/appids/{appid}).
//
// See https://pay.weixin.qq.com/docs/merchant/apis/merchant-exclusive-coupon/coupon/query-coupon.html
func (s *BusiFavorService) GetUserCoupon(ctx context.Context, appID, openID, couponCode string) (*BusiFavorCoupon, error) {
	if err := need("appID", appID, "openID", openID, "couponCode", couponCode); err != nil {
		return nil, err
	}
	return call[BusiFavorCoupon](ctx, s.c, get(pathf("/v3/marketing/busifavor/users/{openid}/coupons/{coupon_code}/appids/{appid}", openID, couponCode, appID), nil))
}

// UserBusiFavorFilter filters ListUserCoupons; PageSize 1..50 (default 10).
type UserBusiFavorFilter struct {
	StockID         string
	CouponState     BusiFavorCouponState
	CreatorMerchant string
	BelongMerchant  string
	SenderMerchant  string
	PageSize        int
}

// ListUserCoupons iterates over a user's merchant coupons (GET
// /v3/marketing/busifavor/users/{openid}/coupons).
//
// See https://pay.weixin.qq.com/docs/merchant/apis/merchant-exclusive-coupon/coupon/list-coupons-by-filter.html
func (s *BusiFavorService) ListUserCoupons(ctx context.Context, appID, openID string, f *UserBusiFavorFilter) iter.Seq2[BusiFavorCoupon, error] {
	if err := need("appID", appID, "openID", openID); err != nil {
		return errSeq[BusiFavorCoupon](err)
	}
	var r UserBusiFavorFilter
	if f != nil {
		r = *f
	}
	if r.PageSize < 0 || r.PageSize > 50 {
		return errSeq[BusiFavorCoupon](argError("PageSize", "must be 1..50"))
	}
	return pages[BusiFavorCoupon](ctx, s.c, pathf("/v3/marketing/busifavor/users/{openid}/coupons", openID), func() map[string]string {
		return map[string]string{"appid": appID, "stock_id": r.StockID, "coupon_state": string(r.CouponState),
			"creator_merchant": r.CreatorMerchant, "belong_merchant": r.BelongMerchant, "sender_merchant": r.SenderMerchant}
	}, r.PageSize)
}

// SendBusiFavorRequest is the body of Send.
type SendBusiFavorRequest struct {
	OpenID       string `json:"openid"`
	AppID        string `json:"appid"`
	StockID      string `json:"stock_id"`
	OutRequestNo string `json:"out_request_no"`
	CouponCode   string `json:"coupon_code,omitempty"`
}

// SendBusiFavorResponse is the answer of Send.
type SendBusiFavorResponse struct {
	SendCouponResult *struct {
		StockID      string `json:"stock_id,omitempty"`
		OutRequestNo string `json:"out_request_no,omitempty"`
		CouponCode   string `json:"coupon_code,omitempty"`
	} `json:"send_coupon_result,omitempty"`
}

// Send gives a merchant coupon to a user (POST
// /v3/marketing/busifavor/coupons/send).
//
// See https://pay.weixin.qq.com/docs/merchant/apis/merchant-exclusive-coupon/coupon/send-coupon.html
func (s *BusiFavorService) Send(ctx context.Context, req *SendBusiFavorRequest) (*SendBusiFavorResponse, error) {
	if req == nil {
		return nil, argError("req", "is nil")
	}
	if err := need("OpenID", req.OpenID, "AppID", req.AppID, "StockID", req.StockID, "OutRequestNo", req.OutRequestNo); err != nil {
		return nil, err
	}
	return call[SendBusiFavorResponse](ctx, s.c, post("/v3/marketing/busifavor/coupons/send", req))
}

// SendGovCardRequest is the body of SendGovCard; SendTime is RFC 3339.
type SendGovCardRequest struct {
	AppID        string `json:"appid"`
	OpenID       string `json:"openid"`
	OutRequestNo string `json:"out_request_no"`
	SendTime     string `json:"send_time"`
}

// SendGovCard sends a government consumption card (POST
// /v3/marketing/busifavor/coupons/{card_id}/send) and returns its code.
//
// See https://pay.weixin.qq.com/docs/merchant/apis/merchant-exclusive-coupon/coupon/send-gov-card.html
func (s *BusiFavorService) SendGovCard(ctx context.Context, cardID string, req *SendGovCardRequest) (string, error) {
	if req == nil {
		return "", argError("req", "is nil")
	}
	if err := need("cardID", cardID, "AppID", req.AppID, "OpenID", req.OpenID, "OutRequestNo", req.OutRequestNo, "SendTime", req.SendTime); err != nil {
		return "", err
	}
	out, err := call[struct {
		CardCode string `json:"card_code"`
	}](ctx, s.c, post(pathf("/v3/marketing/busifavor/coupons/{card_id}/send", cardID), req))
	if err != nil {
		return "", err
	}
	return out.CardCode, nil
}

// UseBusiFavorRequest is the body of Use; UseTime is RFC 3339.
type UseBusiFavorRequest struct {
	CouponCode   string `json:"coupon_code"`
	StockID      string `json:"stock_id,omitempty"`
	AppID        string `json:"appid"`
	UseTime      string `json:"use_time"`
	UseRequestNo string `json:"use_request_no"`
	OpenID       string `json:"openid,omitempty"`
}

// UseBusiFavorResponse is the answer of Use.
type UseBusiFavorResponse struct {
	StockID          string `json:"stock_id"`
	OpenID           string `json:"openid"`
	WechatpayUseTime string `json:"wechatpay_use_time"`
}

// Use redeems a coupon (POST /v3/marketing/busifavor/coupons/use).
//
// See https://pay.weixin.qq.com/docs/merchant/apis/merchant-exclusive-coupon/coupon/use-coupon.html
func (s *BusiFavorService) Use(ctx context.Context, req *UseBusiFavorRequest) (*UseBusiFavorResponse, error) {
	if req == nil {
		return nil, argError("req", "is nil")
	}
	if err := need("CouponCode", req.CouponCode, "AppID", req.AppID, "UseTime", req.UseTime, "UseRequestNo", req.UseRequestNo); err != nil {
		return nil, err
	}
	return call[UseBusiFavorResponse](ctx, s.c, post("/v3/marketing/busifavor/coupons/use", req))
}

// TradeAssociation links a coupon and an order (Associate, Disassociate).
type TradeAssociation struct {
	StockID      string `json:"stock_id"`
	CouponCode   string `json:"coupon_code"`
	OutTradeNo   string `json:"out_trade_no"`
	OutRequestNo string `json:"out_request_no"`
}

// CouponEventTime is the answer of Associate, Disassociate, Return and
// Deactivate: the time WeChat Pay recorded the change.
type CouponEventTime struct {
	WechatpayAssociateTime    string `json:"wechatpay_associate_time,omitempty"`
	WechatpayDisassociateTime string `json:"wechatpay_disassociate_time,omitempty"`
	WechatpayReturnTime       string `json:"wechatpay_return_time,omitempty"`
	WechatpayDeactivateTime   string `json:"wechatpay_deactivate_time,omitempty"`
}

func (s *BusiFavorService) associate(ctx context.Context, p string, req *TradeAssociation) (*CouponEventTime, error) {
	if req == nil {
		return nil, argError("req", "is nil")
	}
	if err := need("StockID", req.StockID, "CouponCode", req.CouponCode, "OutTradeNo", req.OutTradeNo, "OutRequestNo", req.OutRequestNo); err != nil {
		return nil, err
	}
	return call[CouponEventTime](ctx, s.c, post(p, req))
}

// Associate links a coupon to an order for reconciliation (POST
// /v3/marketing/busifavor/coupons/associate).
//
// See https://pay.weixin.qq.com/docs/merchant/apis/merchant-exclusive-coupon/coupon/associate-trade-info.html
func (s *BusiFavorService) Associate(ctx context.Context, req *TradeAssociation) (*CouponEventTime, error) {
	return s.associate(ctx, "/v3/marketing/busifavor/coupons/associate", req)
}

// Disassociate removes the link of a coupon and an order (POST
// /v3/marketing/busifavor/coupons/disassociate).
//
// See https://pay.weixin.qq.com/docs/merchant/apis/merchant-exclusive-coupon/coupon/disassociate-trade-info.html
func (s *BusiFavorService) Disassociate(ctx context.Context, req *TradeAssociation) (*CouponEventTime, error) {
	return s.associate(ctx, "/v3/marketing/busifavor/coupons/disassociate", req)
}

// Return gives a used coupon back to the user (POST
// /v3/marketing/busifavor/coupons/return).
//
// See https://pay.weixin.qq.com/docs/merchant/apis/merchant-exclusive-coupon/coupon/return-coupon.html
func (s *BusiFavorService) Return(ctx context.Context, stockID, couponCode, returnRequestNo string) (*CouponEventTime, error) {
	if err := need("stockID", stockID, "couponCode", couponCode, "returnRequestNo", returnRequestNo); err != nil {
		return nil, err
	}
	body := struct {
		CouponCode      string `json:"coupon_code"`
		StockID         string `json:"stock_id"`
		ReturnRequestNo string `json:"return_request_no"`
	}{couponCode, stockID, returnRequestNo}
	return call[CouponEventTime](ctx, s.c, post("/v3/marketing/busifavor/coupons/return", body))
}

// Deactivate invalidates a user's coupon (POST
// /v3/marketing/busifavor/coupons/deactivate).
//
// See https://pay.weixin.qq.com/docs/merchant/apis/merchant-exclusive-coupon/coupon/deactivate-coupon.html
func (s *BusiFavorService) Deactivate(ctx context.Context, stockID, couponCode, deactivateRequestNo, reason string) (*CouponEventTime, error) {
	if err := need("stockID", stockID, "couponCode", couponCode, "deactivateRequestNo", deactivateRequestNo); err != nil {
		return nil, err
	}
	body := struct {
		CouponCode          string `json:"coupon_code"`
		StockID             string `json:"stock_id"`
		DeactivateRequestNo string `json:"deactivate_request_no"`
		DeactivateReason    string `json:"deactivate_reason,omitempty"`
	}{couponCode, stockID, deactivateRequestNo, reason}
	return call[CouponEventTime](ctx, s.c, post("/v3/marketing/busifavor/coupons/deactivate", body))
}

// SubsidyPayRequest is the body of SubsidyPay (amount in fen).
type SubsidyPayRequest struct {
	StockID       string `json:"stock_id"`
	CouponCode    string `json:"coupon_code"`
	TransactionID string `json:"transaction_id"`
	PayerMerchant string `json:"payer_merchant"`
	PayeeMerchant string `json:"payee_merchant"`
	Amount        int64  `json:"amount"`
	Description   string `json:"description"`
	OutSubsidyNo  string `json:"out_subsidy_no"`
}

// SubsidyPayReceipt is a subsidy payment.
type SubsidyPayReceipt struct {
	SubsidyReceiptID string `json:"subsidy_receipt_id"`
	StockID          string `json:"stock_id"`
	CouponCode       string `json:"coupon_code"`
	TransactionID    string `json:"transaction_id"`
	PayerMerchant    string `json:"payer_merchant"`
	PayeeMerchant    string `json:"payee_merchant"`
	Amount           int64  `json:"amount"`
	Description      string `json:"description"`
	Status           string `json:"status"` // PAY_RECEIPT_ACCEPTED, PAY_RECEIPT_SUCCESS, ...
	FailReason       string `json:"fail_reason,omitempty"`
	SuccessTime      string `json:"success_time,omitempty"`
	OutSubsidyNo     string `json:"out_subsidy_no"`
	CreateTime       string `json:"create_time,omitempty"`
}

// SubsidyPay pays a coupon subsidy to another merchant (POST
// /v3/marketing/busifavor/subsidy/pay-receipts).
//
// See https://pay.weixin.qq.com/docs/merchant/apis/merchant-exclusive-coupon/subsidy/subsidy-pay.html
func (s *BusiFavorService) SubsidyPay(ctx context.Context, req *SubsidyPayRequest) (*SubsidyPayReceipt, error) {
	if req == nil {
		return nil, argError("req", "is nil")
	}
	if err := need("StockID", req.StockID, "CouponCode", req.CouponCode, "TransactionID", req.TransactionID,
		"PayerMerchant", req.PayerMerchant, "PayeeMerchant", req.PayeeMerchant, "OutSubsidyNo", req.OutSubsidyNo); err != nil {
		return nil, err
	}
	if req.Amount <= 0 {
		return nil, argError("Amount", "must be positive (fen)")
	}
	return call[SubsidyPayReceipt](ctx, s.c, post("/v3/marketing/busifavor/subsidy/pay-receipts", req))
}

// SubsidyPayReceipt queries a subsidy payment (GET
// /v3/marketing/busifavor/subsidy/pay-receipts/{subsidy_receipt_id}).
//
// See https://pay.weixin.qq.com/docs/merchant/apis/merchant-exclusive-coupon/subsidy/pay-receipt-info.html
func (s *BusiFavorService) SubsidyPayReceipt(ctx context.Context, receiptID string) (*SubsidyPayReceipt, error) {
	if err := need("receiptID", receiptID); err != nil {
		return nil, err
	}
	return call[SubsidyPayReceipt](ctx, s.c, get(pathf("/v3/marketing/busifavor/subsidy/pay-receipts/{subsidy_receipt_id}", receiptID), nil))
}

// SubsidyPayReceipts lists the subsidy payments of a coupon (GET
// /v3/marketing/busifavor/subsidy/pay-receipts).
//
// See https://pay.weixin.qq.com/docs/merchant/apis/merchant-exclusive-coupon/subsidy/pay-receipt-list.html
func (s *BusiFavorService) SubsidyPayReceipts(ctx context.Context, stockID, couponCode, outSubsidyNo string) ([]SubsidyPayReceipt, error) {
	if err := need("stockID", stockID, "couponCode", couponCode); err != nil {
		return nil, err
	}
	out, err := call[struct {
		PayReceiptList []SubsidyPayReceipt `json:"pay_receipt_list"`
	}](ctx, s.c, get("/v3/marketing/busifavor/subsidy/pay-receipts", query("stock_id", stockID, "coupon_code", couponCode, "out_subsidy_no", outSubsidyNo)))
	if err != nil {
		return nil, err
	}
	return out.PayReceiptList, nil
}

// SubsidyReturnRequest is the body of SubsidyReturn (amount in fen).
type SubsidyReturnRequest struct {
	StockID            string `json:"stock_id"`
	CouponCode         string `json:"coupon_code"`
	TransactionID      string `json:"transaction_id"`
	RefundID           string `json:"refund_id"`
	PayerMerchant      string `json:"payer_merchant"`
	PayeeMerchant      string `json:"payee_merchant"`
	Amount             int64  `json:"amount"`
	Description        string `json:"description"`
	OutSubsidyReturnNo string `json:"out_subsidy_return_no"`
}

// SubsidyReturnReceipt is a subsidy return.
type SubsidyReturnReceipt struct {
	SubsidyReturnReceiptID string `json:"subsidy_return_receipt_id,omitempty"`
	StockID                string `json:"stock_id"`
	CouponCode             string `json:"coupon_code"`
	TransactionID          string `json:"transaction_id"`
	RefundID               string `json:"refund_id"`
	PayerMerchant          string `json:"payer_merchant"`
	PayeeMerchant          string `json:"payee_merchant"`
	Amount                 int64  `json:"amount"`
	Description            string `json:"description"`
	Status                 string `json:"status"` // RETURN_RECEIPT_ACCEPTED, RETURN_RECEIPT_SUCCESS, ...
	FailReason             string `json:"fail_reason,omitempty"`
	ReturnDoneTime         string `json:"return_done_time,omitempty"`
	SubsidyReceiptID       string `json:"subsidy_receipt_id"`
	OutSubsidyReturnNo     string `json:"out_subsidy_return_no"`
	ReturnCreateTime       string `json:"return_create_time,omitempty"`
}

// SubsidyReturn returns a subsidy after a refund (POST
// /v3/marketing/busifavor/subsidy/return-receipts).
//
// See https://pay.weixin.qq.com/docs/merchant/apis/merchant-exclusive-coupon/subsidy/subsidy-return.html
func (s *BusiFavorService) SubsidyReturn(ctx context.Context, req *SubsidyReturnRequest) (*SubsidyReturnReceipt, error) {
	if req == nil {
		return nil, argError("req", "is nil")
	}
	if err := need("StockID", req.StockID, "CouponCode", req.CouponCode, "RefundID", req.RefundID, "OutSubsidyReturnNo", req.OutSubsidyReturnNo); err != nil {
		return nil, err
	}
	if req.Amount <= 0 {
		return nil, argError("Amount", "must be positive (fen)")
	}
	return call[SubsidyReturnReceipt](ctx, s.c, post("/v3/marketing/busifavor/subsidy/return-receipts", req))
}

// SubsidyReturnReceipt queries a subsidy return (GET
// /v3/marketing/busifavor/subsidy/return-receipts/{subsidy_return_receipt_id}).
//
// See https://pay.weixin.qq.com/docs/merchant/apis/merchant-exclusive-coupon/subsidy/return-receipt-info.html
func (s *BusiFavorService) SubsidyReturnReceipt(ctx context.Context, receiptID string) (*SubsidyReturnReceipt, error) {
	if err := need("receiptID", receiptID); err != nil {
		return nil, err
	}
	return call[SubsidyReturnReceipt](ctx, s.c, get(pathf("/v3/marketing/busifavor/subsidy/return-receipts/{subsidy_return_receipt_id}", receiptID), nil))
}

// EventBusiFavorSend is the event type of the merchant coupon receive
// notification.
const EventBusiFavorSend = "COUPON.SEND"

// BusiFavorSendNotification is the decrypted resource of a merchant coupon
// receive notification.
//
// See https://pay.weixin.qq.com/docs/merchant/apis/merchant-exclusive-coupon/call-back/coupon-send-notify.html
type BusiFavorSendNotification struct {
	EventType    string `json:"event_type"` // EVENT_TYPE_BUSICOUPON_SEND
	CouponCode   string `json:"coupon_code"`
	StockID      string `json:"stock_id"`
	SendTime     string `json:"send_time"`
	OpenID       string `json:"openid"`
	UnionID      string `json:"unionid,omitempty"`
	SendChannel  string `json:"send_channel"` // BUSICOUPON_SEND_CHANNEL_MINIAPP, ...
	SendMerchant string `json:"send_merchant"`
	AttachInfo   *struct {
		TransactionID   string `json:"transaction_id,omitempty"`
		ActCode         string `json:"act_code,omitempty"`
		HallCode        string `json:"hall_code,omitempty"`
		HallBelongMchID int64  `json:"hall_belong_mchid,omitempty"`
		CardID          string `json:"card_id,omitempty"`
		Code            string `json:"code,omitempty"`
		ActivityID      string `json:"activity_id,omitempty"`
	} `json:"attach_info,omitempty"`
}

// BusiFavorSend decodes a merchant coupon receive notification.
func (n *Notification) BusiFavorSend() (*BusiFavorSendNotification, error) {
	v := new(BusiFavorSendNotification)
	return v, n.Decode(v)
}
