package pay

import "context"

// ScanAndRideService is WeChat Pay scan-and-ride (微信支付乘车码):
// deductions of bus and metro rides. Queries are safe to retry;
// CreateTransaction is idempotent by OutTradeNo.
type ScanAndRideService struct{ service }

// BusSceneInfo describes a bus ride (StartTime RFC 3339).
type BusSceneInfo struct {
	StartTime   string `json:"start_time"`
	LineName    string `json:"line_name,omitempty"`
	PlateNumber string `json:"plate_number,omitempty"`
}

// MetroSceneInfo describes a metro ride (times RFC 3339).
type MetroSceneInfo struct {
	StartTime    string `json:"start_time"`
	EndTime      string `json:"end_time,omitempty"`
	StartStation string `json:"start_station,omitempty"`
	EndStation   string `json:"end_station,omitempty"`
}

// RideTransactionRequest is the body of CreateTransaction (amount in fen;
// TradeScene BUS or METRO).
type RideTransactionRequest struct {
	AppID       string          `json:"appid"`
	SubAppID    string          `json:"sub_appid,omitempty"`
	SubMchID    string          `json:"sub_mchid,omitempty"`
	Description string          `json:"description"`
	Attach      string          `json:"attach,omitempty"`
	OutTradeNo  string          `json:"out_trade_no"`
	TradeScene  string          `json:"trade_scene"`
	GoodsTag    string          `json:"goods_tag,omitempty"`
	ContractID  string          `json:"contract_id"`
	NotifyURL   string          `json:"notify_url"`
	Amount      Amount          `json:"amount"`
	BusInfo     *BusSceneInfo   `json:"bus_info,omitempty"`
	MetroInfo   *MetroSceneInfo `json:"metro_info,omitempty"`
}

// RideTransaction is a ride deduction order.
type RideTransaction struct {
	AppID                 string          `json:"appid"`
	SubAppID              string          `json:"sub_appid,omitempty"`
	SpMchID               string          `json:"sp_mchid"`
	SubMchID              string          `json:"sub_mchid,omitempty"`
	Description           string          `json:"description"`
	CreateTime            string          `json:"create_time"`
	OutTradeNo            string          `json:"out_trade_no"`
	TransactionID         string          `json:"transaction_id,omitempty"`
	TradeState            string          `json:"trade_state"` // SUCCESS, ACCEPTED, PAY_FAIL, REFUND
	TradeStateDescription string          `json:"trade_state_description,omitempty"`
	SuccessTime           string          `json:"success_time,omitempty"`
	BankType              string          `json:"bank_type,omitempty"`
	UserRepayState        string          `json:"user_repay_state,omitempty"` // NOT_REPAY, REPAID, ALL_REFUND
	RepayTransactionID    string          `json:"repay_transaction_id,omitempty"`
	RepayTime             string          `json:"repay_time,omitempty"`
	Attach                string          `json:"attach,omitempty"`
	ContractID            string          `json:"contract_id,omitempty"`
	TradeScene            string          `json:"trade_scene"`
	BusInfo               *BusSceneInfo   `json:"bus_info,omitempty"`
	MetroInfo             *MetroSceneInfo `json:"metro_info,omitempty"`
	Amount                struct {
		Total      int64  `json:"total,omitempty"`
		PayerTotal int64  `json:"payer_total,omitempty"`
		Currency   string `json:"currency,omitempty"`
	} `json:"amount"`
	PromotionDetail []PromotionDetail `json:"promotion_detail,omitempty"`
}

// CreateTransaction deducts a ride (POST /v3/qrcode/transactions).
//
// See https://pay.weixin.qq.com/docs/partner/apis/weixin-pay-scan-and-ride/transactions/create-transaction.html
func (s *ScanAndRideService) CreateTransaction(ctx context.Context, req *RideTransactionRequest) (*RideTransaction, error) {
	if req == nil {
		return nil, argError("req", "is nil")
	}
	if err := need("AppID", req.AppID, "Description", req.Description, "OutTradeNo", req.OutTradeNo,
		"TradeScene", req.TradeScene, "ContractID", req.ContractID, "NotifyURL", req.NotifyURL); err != nil {
		return nil, err
	}
	if req.Amount.Total <= 0 {
		return nil, argError("Amount.Total", "must be positive (fen)")
	}
	return call[RideTransaction](ctx, s.c, post("/v3/qrcode/transactions", req))
}

// QueryTransaction queries a ride deduction (GET
// /v3/qrcode/transactions/out-trade-no/{out_trade_no}).
//
// See https://pay.weixin.qq.com/docs/partner/apis/weixin-pay-scan-and-ride/transactions/query-transaction.html
func (s *ScanAndRideService) QueryTransaction(ctx context.Context, subMchID, outTradeNo string) (*RideTransaction, error) {
	if err := need("outTradeNo", outTradeNo); err != nil {
		return nil, err
	}
	return call[RideTransaction](ctx, s.c, get(pathf("/v3/qrcode/transactions/out-trade-no/{out_trade_no}", outTradeNo), query("sub_mchid", subMchID)))
}

// RideUserService is the state of a user's ride contract.
type RideUserService struct {
	ContractID       string `json:"contract_id"`
	UserServiceState string `json:"user_service_state"` // NORMAL, BLOCKED
	BlockReason      string `json:"block_reason,omitempty"`
}

// UserService queries a user's ride contract (GET
// /v3/qrcode/user-services/contract-id/{contract_id}).
//
// See https://pay.weixin.qq.com/docs/partner/apis/weixin-pay-scan-and-ride/user-services/query-user-service.html
func (s *ScanAndRideService) UserService(ctx context.Context, appID, subMchID, contractID string) (*RideUserService, error) {
	if err := need("appID", appID, "contractID", contractID); err != nil {
		return nil, err
	}
	return call[RideUserService](ctx, s.c, get(pathf("/v3/qrcode/user-services/contract-id/{contract_id}", contractID), query("appid", appID, "sub_mchid", subMchID)))
}
