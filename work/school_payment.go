package work

import "context"

var (
	schoolPaymentResult = epPost("/cgi-bin/school/get_payment_result")
	schoolTrade         = epPost("/cgi-bin/school/get_trade")
)

// SchoolPayment is a class collection (班级收款) the agent started:
// Amount is in fen; each student's TradeState is 0 (unpaid) or 1 (paid).
type SchoolPayment struct {
	ProjectName   string `json:"project_name"`
	Amount        int64  `json:"amount"`
	PaymentResult []struct {
		StudentUserID     string `json:"student_userid"`
		TradeState        int    `json:"trade_state"`
		TradeNo           string `json:"trade_no"`
		PayerParentUserID string `json:"payer_parent_userid"`
	} `json:"payment_result"`
}

// PaymentResult returns who paid a class collection the agent started.
// https://developer.work.weixin.qq.com/document/path/94470
func (s *SchoolService) PaymentResult(ctx context.Context, paymentID string) (*SchoolPayment, error) {
	if err := needB("payment_id", paymentID); err != nil {
		return nil, err
	}
	return callB[SchoolPayment](ctx, s.c, schoolPaymentResult, nil, struct {
		PaymentID string `json:"payment_id"`
	}{paymentID})
}

// SchoolTrade is a paid order: the WeChat Pay transaction id and the pay
// time (Unix seconds).
type SchoolTrade struct {
	TransactionID string `json:"transaction_id"`
	PayTime       int64  `json:"pay_time"`
}

// Trade returns an order of a class collection the agent started.
// https://developer.work.weixin.qq.com/document/path/94471
func (s *SchoolService) Trade(ctx context.Context, paymentID, tradeNo string) (*SchoolTrade, error) {
	if err := needB("payment_id", paymentID, "trade_no", tradeNo); err != nil {
		return nil, err
	}
	return callB[SchoolTrade](ctx, s.c, schoolTrade, nil, struct {
		PaymentID string `json:"payment_id"`
		TradeNo   string `json:"trade_no"`
	}{paymentID, tradeNo})
}
