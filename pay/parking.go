package pay

import "context"

// ParkingService is PayScore parking (微信支付分停车服务, service providers):
// plate service state, parking entries and deduction orders. Queries are
// safe to retry; CreateParking and CreateTransaction are idempotent by
// OutParkingNo and OutTradeNo: retry with the same numbers.
type ParkingService struct{ service }

// PlateColor is the color of a licence plate.
type PlateColor string

// Licence plate colors.
const (
	PlateBlue      PlateColor = "BLUE"
	PlateGreen     PlateColor = "GREEN"
	PlateYellow    PlateColor = "YELLOW"
	PlateBlack     PlateColor = "BLACK"
	PlateWhite     PlateColor = "WHITE"
	PlateLimeGreen PlateColor = "LIMEGREEN"
)

// PlateService is whether a plate has the parking service enabled.
type PlateService struct {
	PlateNumber     string     `json:"plate_number"`
	PlateColor      PlateColor `json:"plate_color"`
	ServiceOpenTime string     `json:"service_open_time,omitempty"`
	OpenID          string     `json:"openid"`
	ServiceState    string     `json:"service_state"` // NORMAL, PAUSE, OUT_SERVICE
}

// FindPlateService queries the service state of a plate for a user (GET
// /v3/vehicle/parking/services/find). subMchID is for service providers.
//
// See https://pay.weixin.qq.com/wiki/doc/apiv3_partner/apis/chapter8_8_1.shtml
func (s *ParkingService) FindPlateService(ctx context.Context, appID, subMchID, plateNumber string, color PlateColor, openID string) (*PlateService, error) {
	if err := need("appID", appID, "plateNumber", plateNumber, "color", string(color), "openID", openID); err != nil {
		return nil, err
	}
	return call[PlateService](ctx, s.c, get("/v3/vehicle/parking/services/find",
		query("appid", appID, "sub_mchid", subMchID, "plate_number", plateNumber, "plate_color", string(color), "openid", openID)))
}

// CreateParkingRequest is the body of CreateParking; StartTime is RFC 3339,
// FreeDuration seconds.
type CreateParkingRequest struct {
	SubMchID     string     `json:"sub_mchid,omitempty"`
	OutParkingNo string     `json:"out_parking_no"`
	PlateNumber  string     `json:"plate_number"`
	PlateColor   PlateColor `json:"plate_color"`
	NotifyURL    string     `json:"notify_url"`
	StartTime    string     `json:"start_time"`
	ParkingName  string     `json:"parking_name"`
	FreeDuration int64      `json:"free_duration"`
}

// Parking is a parking entry.
type Parking struct {
	ID           string     `json:"id"`
	OutParkingNo string     `json:"out_parking_no"`
	PlateNumber  string     `json:"plate_number"`
	PlateColor   PlateColor `json:"plate_color"`
	StartTime    string     `json:"start_time"`
	ParkingName  string     `json:"parking_name"`
	FreeDuration int64      `json:"free_duration"`
	State        string     `json:"state"` // NORMAL, BLOCKED
	BlockReason  string     `json:"block_reason,omitempty"`
}

// CreateParking records a car entering a parking lot (POST
// /v3/vehicle/parking/parkings).
//
// See https://pay.weixin.qq.com/wiki/doc/apiv3_partner/apis/chapter8_8_2.shtml
func (s *ParkingService) CreateParking(ctx context.Context, req *CreateParkingRequest) (*Parking, error) {
	if req == nil {
		return nil, argError("req", "is nil")
	}
	if err := need("OutParkingNo", req.OutParkingNo, "PlateNumber", req.PlateNumber, "PlateColor", string(req.PlateColor),
		"NotifyURL", req.NotifyURL, "StartTime", req.StartTime, "ParkingName", req.ParkingName); err != nil {
		return nil, err
	}
	return call[Parking](ctx, s.c, post("/v3/vehicle/parking/parkings", req))
}

// ParkingTradeScene describes the parking a deduction is for; times are
// RFC 3339, ChargingDuration seconds.
type ParkingTradeScene struct {
	ParkingID        string     `json:"parking_id"`
	PlateNumber      string     `json:"plate_number"`
	PlateColor       PlateColor `json:"plate_color"`
	StartTime        string     `json:"start_time"`
	EndTime          string     `json:"end_time"`
	ParkingName      string     `json:"parking_name"`
	ChargingDuration int64      `json:"charging_duration"`
	DeviceID         string     `json:"device_id"`
}

// ParkingTransactionRequest is the body of CreateTransaction (amount in
// fen; TradeScene PARKING).
type ParkingTransactionRequest struct {
	AppID         string            `json:"appid"`
	SubAppID      string            `json:"sub_appid,omitempty"`
	SubMchID      string            `json:"sub_mchid,omitempty"`
	Description   string            `json:"description"`
	Attach        string            `json:"attach,omitempty"`
	OutTradeNo    string            `json:"out_trade_no"`
	TradeScene    string            `json:"trade_scene"`
	GoodsTag      string            `json:"goods_tag,omitempty"`
	NotifyURL     string            `json:"notify_url"`
	ProfitSharing string            `json:"profit_sharing,omitempty"` // Y, N
	Amount        Amount            `json:"amount"`
	ParkingInfo   ParkingTradeScene `json:"parking_info"`
}

// ParkingTransaction is a parking deduction order.
type ParkingTransaction struct {
	AppID                 string             `json:"appid"`
	SubAppID              string             `json:"sub_appid,omitempty"`
	SpMchID               string             `json:"sp_mchid"`
	SubMchID              string             `json:"sub_mchid,omitempty"`
	Description           string             `json:"description"`
	CreateTime            string             `json:"create_time"`
	OutTradeNo            string             `json:"out_trade_no"`
	TransactionID         string             `json:"transaction_id,omitempty"`
	TradeState            string             `json:"trade_state"` // SUCCESS, ACCEPTED, PAY_FAIL, REFUND
	TradeStateDescription string             `json:"trade_state_description,omitempty"`
	SuccessTime           string             `json:"success_time,omitempty"`
	BankType              string             `json:"bank_type,omitempty"`
	UserRepaid            string             `json:"user_repaid,omitempty"` // Y, N
	Attach                string             `json:"attach,omitempty"`
	TradeScene            string             `json:"trade_scene"`
	ParkingInfo           *ParkingTradeScene `json:"parking_info,omitempty"`
	Payer                 struct {
		OpenID    string `json:"openid"`
		SubOpenID string `json:"sub_openid,omitempty"`
	} `json:"payer"`
	Amount struct {
		Total         int64  `json:"total"`
		Currency      string `json:"currency,omitempty"`
		PayerTotal    int64  `json:"payer_total,omitempty"`
		DiscountTotal int64  `json:"discount_total,omitempty"`
	} `json:"amount"`
	PromotionDetail []PromotionDetail `json:"promotion_detail,omitempty"`
}

// CreateTransaction deducts a parking fee (POST
// /v3/vehicle/transactions/parking); the result comes asynchronously
// (trade_state ACCEPTED, then a notification or QueryTransaction).
//
// See https://pay.weixin.qq.com/wiki/doc/apiv3_partner/apis/chapter8_8_3.shtml
func (s *ParkingService) CreateTransaction(ctx context.Context, req *ParkingTransactionRequest) (*ParkingTransaction, error) {
	if req == nil {
		return nil, argError("req", "is nil")
	}
	if err := need("AppID", req.AppID, "Description", req.Description, "OutTradeNo", req.OutTradeNo,
		"NotifyURL", req.NotifyURL, "ParkingInfo.ParkingID", req.ParkingInfo.ParkingID); err != nil {
		return nil, err
	}
	if req.Amount.Total <= 0 {
		return nil, argError("Amount.Total", "must be positive (fen)")
	}
	r := *req
	if r.TradeScene == "" {
		r.TradeScene = "PARKING"
	}
	if r.Amount.Currency == "" {
		r.Amount.Currency = "CNY"
	}
	return call[ParkingTransaction](ctx, s.c, post("/v3/vehicle/transactions/parking", &r))
}

// QueryTransaction queries a parking deduction (GET
// /v3/vehicle/transactions/out-trade-no/{out_trade_no}).
//
// See https://pay.weixin.qq.com/wiki/doc/apiv3_partner/apis/chapter8_8_4.shtml
func (s *ParkingService) QueryTransaction(ctx context.Context, subMchID, outTradeNo string) (*ParkingTransaction, error) {
	if err := need("outTradeNo", outTradeNo); err != nil {
		return nil, err
	}
	return call[ParkingTransaction](ctx, s.c, get(pathf("/v3/vehicle/transactions/out-trade-no/{out_trade_no}", outTradeNo), query("sub_mchid", subMchID)))
}
