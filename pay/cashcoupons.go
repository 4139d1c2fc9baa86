package pay

import (
	"context"
	"iter"
	"strconv"
)

// CashCouponService manages cash coupon stocks (代金券) and the coupons sent
// to users. Queries and lists are safe to retry. Create and Send are
// idempotent by OutRequestNo: retry them with the same number. Start,
// Pause and Restart are documented as idempotent (幂等重入): a retry of a
// change that took effect succeeds again. SetCallback is safe to retry.
type CashCouponService struct{ service }

// CashStockStatus is the status of a cash coupon stock (lower case on the
// wire).
type CashStockStatus string

// Cash coupon stock statuses.
const (
	CashStockUnactivated CashStockStatus = "unactivated"
	CashStockAudit       CashStockStatus = "audit"
	CashStockRunning     CashStockStatus = "running"
	CashStockStopped     CashStockStatus = "stoped" // sic
	CashStockPaused      CashStockStatus = "paused"
)

// CashCouponStatus is the status of a user's cash coupon.
type CashCouponStatus string

// User cash coupon statuses.
const (
	CashCouponSended  CashCouponStatus = "SENDED" // available
	CashCouponUsed    CashCouponStatus = "USED"
	CashCouponExpired CashCouponStatus = "EXPIRED"
)

// CashStockRule is the sending rule of a stock (stock_use_rule of the
// create request). MaxAmount is in fen.
type CashStockRule struct {
	MaxCoupons         int64 `json:"max_coupons"`
	MaxAmount          int64 `json:"max_amount"`
	MaxAmountByDay     int64 `json:"max_amount_by_day,omitempty"`
	MaxCouponsPerUser  int64 `json:"max_coupons_per_user"`
	NaturalPersonLimit bool  `json:"natural_person_limit"`
	PreventAPIAbuse    bool  `json:"prevent_api_abuse"`
}

// CashPatternInfo is the look of the coupon in the user's wallet.
type CashPatternInfo struct {
	Description      string `json:"description"`
	MerchantLogo     string `json:"merchant_logo,omitempty"`
	MerchantName     string `json:"merchant_name,omitempty"`
	BackgroundColor  string `json:"background_color,omitempty"` // COLOR010 ... COLOR102
	CouponImage      string `json:"coupon_image,omitempty"`
	JumpTarget       string `json:"jump_target,omitempty"` // PAYMENT_CODE, MINI_PROGRAM, DEFAULT_PAGE
	MiniProgramAppID string `json:"mini_program_appid,omitempty"`
	MiniProgramPath  string `json:"mini_program_path,omitempty"`
}

// FixedAvailableTime restricts the weekdays and seconds of the day a coupon
// can be used.
type FixedAvailableTime struct {
	AvailableWeekDay []int64 `json:"available_week_day,omitempty"`
	BeginTime        int64   `json:"begin_time"`
	EndTime          int64   `json:"end_time,omitempty"`
}

// CashCouponAvailableTime restricts when a coupon can be used.
type CashCouponAvailableTime struct {
	FixAvailableTime          *FixedAvailableTime `json:"fix_available_time,omitempty"`
	SecondDayAvailable        bool                `json:"second_day_available,omitempty"`
	AvailableTimeAfterReceive int64               `json:"available_time_after_receive,omitempty"` // minutes
}

// FixedNormalCoupon is the face value and threshold of a fixed-amount
// coupon, in fen.
type FixedNormalCoupon struct {
	CouponAmount       int64 `json:"coupon_amount"`
	TransactionMinimum int64 `json:"transaction_minimum"`
}

// CardLimitation restricts the bank cards a coupon can be used with.
type CardLimitation struct {
	Name string   `json:"name"`
	Bin  []string `json:"bin"`
}

// CashCouponRule is the usage rule of the coupons of a stock.
type CashCouponRule struct {
	CouponAvailableTime *CashCouponAvailableTime `json:"coupon_available_time,omitempty"`
	FixedNormalCoupon   *FixedNormalCoupon       `json:"fixed_normal_coupon,omitempty"`
	GoodsTag            []string                 `json:"goods_tag,omitempty"`
	TradeType           []string                 `json:"trade_type,omitempty"` // MICROAPP, APPPAY, PPAY, CARD, FACE, OTHER
	CombineUse          bool                     `json:"combine_use,omitempty"`
	AvailableItems      []string                 `json:"available_items,omitempty"`
	UnavailableItems    []string                 `json:"unavailable_items,omitempty"`
	AvailableMerchants  []string                 `json:"available_merchants,omitempty"`
	LimitCard           *CardLimitation          `json:"limit_card,omitempty"`
	LimitPay            []string                 `json:"limit_pay,omitempty"`
}

// CreateCashStockRequest is the body of CreateStock. BelongMerchant
// defaults to the client's merchant id and StockType to NORMAL; times are
// RFC 3339 (FormatTime).
//
// See https://pay.weixin.qq.com/doc/v3/partner/4012534537
type CreateCashStockRequest struct {
	StockName          string           `json:"stock_name"`
	Comment            string           `json:"comment,omitempty"`
	BelongMerchant     string           `json:"belong_merchant"`
	AvailableBeginTime string           `json:"available_begin_time"`
	AvailableEndTime   string           `json:"available_end_time"`
	StockUseRule       CashStockRule    `json:"stock_use_rule"`
	PatternInfo        *CashPatternInfo `json:"pattern_info,omitempty"`
	CouponUseRule      CashCouponRule   `json:"coupon_use_rule"`
	NoCash             bool             `json:"no_cash"`
	StockType          string           `json:"stock_type"`
	OutRequestNo       string           `json:"out_request_no"`
	ExtInfo            string           `json:"ext_info,omitempty"`
}

// CreateCashStockResponse is the answer of CreateStock.
type CreateCashStockResponse struct {
	StockID    string `json:"stock_id"`
	CreateTime string `json:"create_time"`
}

// CreateStock creates a cash coupon stock (POST
// /v3/marketing/favor/coupon-stocks); activate it with StartStock.
//
// See https://pay.weixin.qq.com/doc/v3/partner/4012534537
func (s *CashCouponService) CreateStock(ctx context.Context, req *CreateCashStockRequest) (*CreateCashStockResponse, error) {
	if req == nil {
		return nil, argError("req", "is nil")
	}
	if err := need("StockName", req.StockName, "AvailableBeginTime", req.AvailableBeginTime,
		"AvailableEndTime", req.AvailableEndTime, "OutRequestNo", req.OutRequestNo); err != nil {
		return nil, err
	}
	if req.StockUseRule.MaxCoupons <= 0 || req.StockUseRule.MaxAmount <= 0 {
		return nil, argError("StockUseRule", "MaxCoupons and MaxAmount must be positive")
	}
	r := *req
	if r.BelongMerchant == "" {
		r.BelongMerchant = s.c.mchid
	}
	if r.StockType == "" {
		r.StockType = "NORMAL"
	}
	return call[CreateCashStockResponse](ctx, s.c, post("/v3/marketing/favor/coupon-stocks", &r))
}

// CashStockStateChange is the answer of StartStock, PauseStock,
// RestartStock and StopStock: the stock id and the time of the change.
type CashStockStateChange struct {
	StockID     string `json:"stock_id"`
	StartTime   string `json:"start_time,omitempty"`
	PauseTime   string `json:"pause_time,omitempty"`
	RestartTime string `json:"restart_time,omitempty"`
	StopTime    string `json:"stop_time,omitempty"`
}

type creatorBody struct {
	StockCreatorMchID string `json:"stock_creator_mchid"`
}

func (s *CashCouponService) change(ctx context.Context, tmpl, stockID string) (*CashStockStateChange, error) {
	if err := need("stockID", stockID); err != nil {
		return nil, err
	}
	return call[CashStockStateChange](ctx, s.c, post(pathf(tmpl, stockID), creatorBody{s.c.mchid}))
}

// StartStock activates a stock (POST
// /v3/marketing/favor/stocks/{stock_id}/start).
//
// See https://pay.weixin.qq.com/wiki/doc/apiv3/apis/chapter9_1_3.shtml
func (s *CashCouponService) StartStock(ctx context.Context, stockID string) (*CashStockStateChange, error) {
	return s.change(ctx, "/v3/marketing/favor/stocks/{stock_id}/start", stockID)
}

// PauseStock pauses sending coupons of a running stock (POST
// /v3/marketing/favor/stocks/{stock_id}/pause).
//
// See https://pay.weixin.qq.com/wiki/doc/apiv3/apis/chapter9_1_13.shtml
func (s *CashCouponService) PauseStock(ctx context.Context, stockID string) (*CashStockStateChange, error) {
	return s.change(ctx, "/v3/marketing/favor/stocks/{stock_id}/pause", stockID)
}

// RestartStock resumes a paused stock (POST
// /v3/marketing/favor/stocks/{stock_id}/restart).
//
// See https://pay.weixin.qq.com/wiki/doc/apiv3/apis/chapter9_1_14.shtml
func (s *CashCouponService) RestartStock(ctx context.Context, stockID string) (*CashStockStateChange, error) {
	return s.change(ctx, "/v3/marketing/favor/stocks/{stock_id}/restart", stockID)
}

// StopStock stops a stock for good (POST
// /v3/marketing/favor/stocks/{stock_id}/stop).
//
// See https://pay.weixin.qq.com/docs/merchant/apis/cash-coupons/stock/stop-stock.html
func (s *CashCouponService) StopStock(ctx context.Context, stockID string) (*CashStockStateChange, error) {
	return s.change(ctx, "/v3/marketing/favor/stocks/{stock_id}/stop", stockID)
}

// CutToMessage is the "cut to price" rule of single-item stocks (fen).
type CutToMessage struct {
	SinglePriceMax int64 `json:"single_price_max"`
	CutToPrice     int64 `json:"cut_to_price"`
}

// CashStockUseRule is the rule of a queried stock.
type CashStockUseRule struct {
	MaxCoupons        int64              `json:"max_coupons"`
	MaxAmount         int64              `json:"max_amount"`
	MaxAmountByDay    int64              `json:"max_amount_by_day"`
	FixedNormalCoupon *FixedNormalCoupon `json:"fixed_normal_coupon,omitempty"`
	MaxCouponsPerUser int64              `json:"max_coupons_per_user"`
	CouponType        string             `json:"coupon_type,omitempty"` // NORMAL, CUT_TO
	GoodsTag          []string           `json:"goods_tag,omitempty"`
	TradeType         []string           `json:"trade_type,omitempty"`
	CombineUse        bool               `json:"combine_use,omitempty"`
}

// CashStock is a cash coupon stock as queried and listed.
//
// See https://pay.weixin.qq.com/wiki/doc/apiv3/apis/chapter9_1_5.shtml
type CashStock struct {
	StockID            string            `json:"stock_id"`
	StockCreatorMchID  string            `json:"stock_creator_mchid"`
	StockName          string            `json:"stock_name"`
	Status             CashStockStatus   `json:"status"`
	CreateTime         string            `json:"create_time"`
	Description        string            `json:"description"`
	StockUseRule       *CashStockUseRule `json:"stock_use_rule,omitempty"`
	AvailableBeginTime string            `json:"available_begin_time"`
	AvailableEndTime   string            `json:"available_end_time"`
	DistributedCoupons int64             `json:"distributed_coupons"`
	NoCash             bool              `json:"no_cash"`
	StartTime          string            `json:"start_time,omitempty"`
	StopTime           string            `json:"stop_time,omitempty"`
	CutToMessage       *CutToMessage     `json:"cut_to_message,omitempty"`
	Singleitem         bool              `json:"singleitem"`
	StockType          string            `json:"stock_type"`
	CardID             string            `json:"card_id,omitempty"`
}

// GetStock queries a stock created by the client's merchant (GET
// /v3/marketing/favor/stocks/{stock_id}?stock_creator_mchid=).
//
// See https://pay.weixin.qq.com/wiki/doc/apiv3/apis/chapter9_1_5.shtml
func (s *CashCouponService) GetStock(ctx context.Context, stockID string) (*CashStock, error) {
	if err := need("stockID", stockID); err != nil {
		return nil, err
	}
	return call[CashStock](ctx, s.c, get(pathf("/v3/marketing/favor/stocks/{stock_id}", stockID), query("stock_creator_mchid", s.c.mchid)))
}

// CashStockListRequest filters ListStocks: creation times are RFC 3339,
// Status one of the CashStock* statuses. PageSize is 1..10 (default 10).
type CashStockListRequest struct {
	CreateStartTime string
	CreateEndTime   string
	Status          CashStockStatus
	PageSize        int
}

// ListStocks iterates over the stocks created by the client's merchant
// (GET /v3/marketing/favor/stocks).
//
// See https://pay.weixin.qq.com/wiki/doc/apiv3/apis/chapter9_1_4.shtml
func (s *CashCouponService) ListStocks(ctx context.Context, req *CashStockListRequest) iter.Seq2[CashStock, error] {
	var r CashStockListRequest
	if req != nil {
		r = *req
	}
	if r.PageSize < 0 || r.PageSize > 10 {
		return errSeq[CashStock](argError("PageSize", "must be 1..10"))
	}
	return pages[CashStock](ctx, s.c, "/v3/marketing/favor/stocks", func() map[string]string {
		return map[string]string{"stock_creator_mchid": s.c.mchid, "create_start_time": r.CreateStartTime,
			"create_end_time": r.CreateEndTime, "status": string(r.Status)}
	}, r.PageSize)
}

// idPage is a page of ids (available merchants or items of a stock).
type idPage struct {
	TotalCount int64    `json:"total_count"`
	Data       []string `json:"data"`
	Offset     int64    `json:"offset"`
	Limit      int64    `json:"limit"`
	StockID    string   `json:"stock_id"`
}

func (s *CashCouponService) ids(ctx context.Context, tmpl, stockID string, size int) iter.Seq2[string, error] {
	if err := need("stockID", stockID); err != nil {
		return errSeq[string](err)
	}
	if size <= 0 {
		size = 10
	}
	p := pathf(tmpl, stockID)
	return offsetSeq(size, func(offset int) ([]string, error) {
		pg, err := call[idPage](ctx, s.c, get(p, query("offset", strconv.Itoa(offset), "limit", strconv.Itoa(size), "stock_creator_mchid", s.c.mchid)))
		if err != nil {
			return nil, err
		}
		return pg.Data, nil
	})
}

// Merchants iterates over the merchant ids a stock can be used at (GET
// /v3/marketing/favor/stocks/{stock_id}/merchants); pageSize 1..50.
//
// See https://pay.weixin.qq.com/wiki/doc/apiv3/apis/chapter9_1_7.shtml
func (s *CashCouponService) Merchants(ctx context.Context, stockID string, pageSize int) iter.Seq2[string, error] {
	return s.ids(ctx, "/v3/marketing/favor/stocks/{stock_id}/merchants", stockID, pageSize)
}

// Items iterates over the goods ids a single-item stock applies to (GET
// /v3/marketing/favor/stocks/{stock_id}/items); pageSize 1..100.
//
// See https://pay.weixin.qq.com/wiki/doc/apiv3/apis/chapter9_1_8.shtml
func (s *CashCouponService) Items(ctx context.Context, stockID string, pageSize int) iter.Seq2[string, error] {
	return s.ids(ctx, "/v3/marketing/favor/stocks/{stock_id}/items", stockID, pageSize)
}

// SendCashCouponRequest is the body of Send. StockCreatorMchID defaults to
// the client's merchant id. CouponValue and CouponMinimum (fen) are for
// stocks with a variable face value.
type SendCashCouponRequest struct {
	StockID           string `json:"stock_id"`
	OutRequestNo      string `json:"out_request_no"`
	AppID             string `json:"appid"`
	StockCreatorMchID string `json:"stock_creator_mchid"`
	CouponValue       int64  `json:"coupon_value,omitempty"`
	CouponMinimum     int64  `json:"coupon_minimum,omitempty"`
}

// SendCashCouponResponse is the answer of Send.
type SendCashCouponResponse struct {
	CouponID string `json:"coupon_id"`
}

// Send gives a coupon of a running stock to the user openID (POST
// /v3/marketing/favor/users/{openid}/coupons).
//
// See https://pay.weixin.qq.com/wiki/doc/apiv3/apis/chapter9_1_2.shtml
func (s *CashCouponService) Send(ctx context.Context, openID string, req *SendCashCouponRequest) (*SendCashCouponResponse, error) {
	if req == nil {
		return nil, argError("req", "is nil")
	}
	if err := need("openID", openID, "StockID", req.StockID, "OutRequestNo", req.OutRequestNo, "AppID", req.AppID); err != nil {
		return nil, err
	}
	r := *req
	if r.StockCreatorMchID == "" {
		r.StockCreatorMchID = s.c.mchid
	}
	return call[SendCashCouponResponse](ctx, s.c, post(pathf("/v3/marketing/favor/users/{openid}/coupons", openID), &r))
}

// ConsumeGoodsDetail is a goods line of a coupon use.
type ConsumeGoodsDetail struct {
	GoodsID        string `json:"goods_id"`
	Quantity       int64  `json:"quantity"`
	Price          int64  `json:"price"`
	DiscountAmount int64  `json:"discount_amount"`
}

// ConsumeInformation describes the payment a coupon was used in.
type ConsumeInformation struct {
	ConsumeTime   string               `json:"consume_time"`
	ConsumeMchID  string               `json:"consume_mchid"`
	TransactionID string               `json:"transaction_id"`
	GoodsDetail   []ConsumeGoodsDetail `json:"goods_detail,omitempty"`
}

// CashCoupon is a user's cash coupon, as queried, listed and in the
// coupon-use notification (COUPON.USE).
//
// See https://pay.weixin.qq.com/wiki/doc/apiv3/apis/chapter9_1_6.shtml
type CashCoupon struct {
	StockCreatorMchID       string              `json:"stock_creator_mchid"`
	StockID                 string              `json:"stock_id"`
	CouponID                string              `json:"coupon_id,omitempty"`
	CutToMessage            *CutToMessage       `json:"cut_to_message,omitempty"`
	CouponName              string              `json:"coupon_name"`
	Status                  CashCouponStatus    `json:"status"`
	Description             string              `json:"description"`
	CreateTime              string              `json:"create_time"`
	CouponType              string              `json:"coupon_type"` // NORMAL, CUT_TO
	NoCash                  bool                `json:"no_cash"`
	AvailableBeginTime      string              `json:"available_begin_time"`
	AvailableEndTime        string              `json:"available_end_time"`
	Singleitem              bool                `json:"singleitem"`
	NormalCouponInformation *FixedNormalCoupon  `json:"normal_coupon_information,omitempty"`
	ConsumeInformation      *ConsumeInformation `json:"consume_information,omitempty"`
}

// GetCoupon queries a user's coupon (GET
// /v3/marketing/favor/users/{openid}/coupons/{coupon_id}?appid=).
//
// See https://pay.weixin.qq.com/wiki/doc/apiv3/apis/chapter9_1_6.shtml
func (s *CashCouponService) GetCoupon(ctx context.Context, appID, openID, couponID string) (*CashCoupon, error) {
	if err := need("appID", appID, "openID", openID, "couponID", couponID); err != nil {
		return nil, err
	}
	return call[CashCoupon](ctx, s.c, get(pathf("/v3/marketing/favor/users/{openid}/coupons/{coupon_id}", openID, couponID), query("appid", appID)))
}

// UserCashCouponFilter filters ListUserCoupons. PageSize is 1..10
// (default 10).
type UserCashCouponFilter struct {
	StockID        string
	Status         CashCouponStatus
	CreatorMchID   string
	SenderMchID    string
	AvailableMchID string
	PageSize       int
}

// ListUserCoupons iterates over the coupons of a user (GET
// /v3/marketing/favor/users/{openid}/coupons).
//
// See https://pay.weixin.qq.com/wiki/doc/apiv3/apis/chapter9_1_9.shtml
func (s *CashCouponService) ListUserCoupons(ctx context.Context, appID, openID string, f *UserCashCouponFilter) iter.Seq2[CashCoupon, error] {
	if err := need("appID", appID, "openID", openID); err != nil {
		return errSeq[CashCoupon](err)
	}
	var r UserCashCouponFilter
	if f != nil {
		r = *f
	}
	if r.PageSize < 0 || r.PageSize > 10 {
		return errSeq[CashCoupon](argError("PageSize", "must be 1..10"))
	}
	return pages[CashCoupon](ctx, s.c, pathf("/v3/marketing/favor/users/{openid}/coupons", openID), func() map[string]string {
		return map[string]string{"appid": appID, "stock_id": r.StockID, "status": string(r.Status),
			"creator_mchid": r.CreatorMchID, "sender_mchid": r.SenderMchID, "available_mchid": r.AvailableMchID}
	}, r.PageSize)
}

// CashCouponFlow is the download link of a stock's use or refund flow
// (a CSV file).
type CashCouponFlow struct {
	URL       string `json:"url"`
	HashValue string `json:"hash_value"`
	HashType  string `json:"hash_type"`
}

// UseFlow asks for the coupon use flow of a stock (GET
// /v3/marketing/favor/stocks/{stock_id}/use-flow). Download it with
// Client.DownloadBill(&Bill{HashType, HashValue, DownloadURL: URL}).
//
// See https://pay.weixin.qq.com/wiki/doc/apiv3/apis/chapter9_1_10.shtml
func (s *CashCouponService) UseFlow(ctx context.Context, stockID string) (*CashCouponFlow, error) {
	if err := need("stockID", stockID); err != nil {
		return nil, err
	}
	return call[CashCouponFlow](ctx, s.c, get(pathf("/v3/marketing/favor/stocks/{stock_id}/use-flow", stockID), nil))
}

// RefundFlow asks for the coupon refund flow of a stock (GET
// /v3/marketing/favor/stocks/{stock_id}/refund-flow).
//
// See https://pay.weixin.qq.com/wiki/doc/apiv3/apis/chapter9_1_11.shtml
func (s *CashCouponService) RefundFlow(ctx context.Context, stockID string) (*CashCouponFlow, error) {
	if err := need("stockID", stockID); err != nil {
		return nil, err
	}
	return call[CashCouponFlow](ctx, s.c, get(pathf("/v3/marketing/favor/stocks/{stock_id}/refund-flow", stockID), nil))
}

// CashCouponCallback is the coupon notification setting of a merchant.
type CashCouponCallback struct {
	MchID      string `json:"mchid,omitempty"`
	NotifyURL  string `json:"notify_url"`
	UpdateTime string `json:"update_time,omitempty"`
}

// SetCallback sets the URL coupon notifications (COUPON.USE) are sent to
// (POST /v3/marketing/favor/callbacks); enabled false turns them off.
//
// See https://pay.weixin.qq.com/wiki/doc/apiv3/apis/chapter9_1_12.shtml
func (s *CashCouponService) SetCallback(ctx context.Context, notifyURL string, enabled bool) (*CashCouponCallback, error) {
	if err := need("notifyURL", notifyURL); err != nil {
		return nil, err
	}
	body := struct {
		MchID     string `json:"mchid"`
		NotifyURL string `json:"notify_url"`
		Switch    bool   `json:"switch"`
	}{s.c.mchid, notifyURL, enabled}
	return call[CashCouponCallback](ctx, s.c, post("/v3/marketing/favor/callbacks", body))
}

// Callback queries the coupon notification URL (GET
// /v3/marketing/favor/callbacks?mchid=).
//
// See https://pay.weixin.qq.com/docs/merchant/apis/cash-coupons/call-back-url/query-callback.html
func (s *CashCouponService) Callback(ctx context.Context) (*CashCouponCallback, error) {
	return call[CashCouponCallback](ctx, s.c, get("/v3/marketing/favor/callbacks", query("mchid", s.c.mchid)))
}

// EventCouponUse is the event type of the cash coupon use notification.
const EventCouponUse = "COUPON.USE"

// CashCoupon decodes a cash coupon use notification (COUPON.USE).
//
// See https://pay.weixin.qq.com/docs/merchant/apis/cash-coupons/check-notice.html
func (n *Notification) CashCoupon() (*CashCoupon, error) {
	v := new(CashCoupon)
	return v, n.Decode(v)
}
