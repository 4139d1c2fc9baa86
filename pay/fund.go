package pay

import (
	"context"
	"net/url"
	"time"
	"unicode/utf8"
)

// FundService is the merchant's own funds (商户资金): the balances of its
// accounts (BASIC, OPERATION, FEES) and, for e-commerce platforms
// (平台收付通), withdrawals of the platform's own income and the daily
// file of failed withdrawals.
//
// Balance and DayEndBalance are documented for ordinary service providers
// and platforms; Withdraw, QueryWithdrawByOutRequestNo and WithdrawBill are
// documented only for e-commerce platforms (支持商户:【平台商户】): other
// merchants get 403 NO_AUTH. The withdrawals of a platform's sub-merchants
// are on EcommerceService.
//
// Retries: Withdraw with the same out_request_no and content is safe to
// repeat (WeChat Pay keeps the number 6 days); queries are safe to repeat.
//
// See https://pay.weixin.qq.com/doc/v3/partner/4012720926
type FundService struct{ service }

// Merchant account types (account_type) of the fund APIs.
const (
	FundAccountBasic     = EcommerceAccountBasic     // 基本账户
	FundAccountOperation = EcommerceAccountOperation // 运营账户
	FundAccountFees      = EcommerceAccountFees      // 手续费账户
)

// Balance returns the current balance of one of the merchant's accounts
// (GET /v3/merchant/fund/balance/{account_type}); accountType is
// FundAccountBasic, FundAccountOperation or FundAccountFees. Only
// AvailableAmount and PendingAmount are set.
//
// See https://pay.weixin.qq.com/doc/v3/partner/4012720926
func (s *FundService) Balance(ctx context.Context, accountType string) (*EcommerceBalance, error) {
	if err := need("accountType", accountType); err != nil {
		return nil, err
	}
	return call[EcommerceBalance](ctx, s.c, get(pathf("/v3/merchant/fund/balance/{account_type}", accountType), nil))
}

// DayEndBalance returns the balance of one of the merchant's accounts at
// the end (24:00) of date ("2006-01-02", within the last 90 days; a day's
// balance exists from the next morning) (GET
// /v3/merchant/fund/dayendbalance/{account_type}?date=). Only
// AvailableAmount and PendingAmount are set.
//
// See https://pay.weixin.qq.com/doc/v3/partner/4012720989
func (s *FundService) DayEndBalance(ctx context.Context, accountType, date string) (*EcommerceBalance, error) {
	if err := need("accountType", accountType, "date", date); err != nil {
		return nil, err
	}
	if _, err := time.Parse(time.DateOnly, date); err != nil {
		return nil, argError("date", "must be YYYY-MM-DD")
	}
	return call[EcommerceBalance](ctx, s.c, get(pathf("/v3/merchant/fund/dayendbalance/{account_type}", accountType), query("date", date)))
}

// FundWithdrawRequest is the body of the platform withdrawal API.
// OutRequestNo is at most 32 letters and digits; Amount (fen) at most 800
// million CNY; AccountType is required (BASIC, FEES or OPERATION);
// NotifyURL, an HTTPS URL without query, receives the result.
//
// See https://pay.weixin.qq.com/doc/v3/partner/4012476670
type FundWithdrawRequest struct {
	OutRequestNo string `json:"out_request_no"`
	Amount       int64  `json:"amount"`
	Remark       string `json:"remark,omitempty"`    // at most 56 characters
	BankMemo     string `json:"bank_memo,omitempty"` // at most 32 characters
	AccountType  string `json:"account_type"`
	NotifyURL    string `json:"notify_url,omitempty"`
}

// Withdraw withdraws the e-commerce platform's own income to its bank
// account (POST /v3/merchant/fund/withdraw; platforms only). The answer
// carries withdraw_id and out_request_no (SubMchID is empty); the
// withdrawal is paid out on the next working day: follow it with
// QueryWithdrawByOutRequestNo.
//
// See https://pay.weixin.qq.com/doc/v3/partner/4012476670
func (s *FundService) Withdraw(ctx context.Context, req *FundWithdrawRequest) (*EcommerceWithdrawal, error) {
	if req == nil {
		return nil, argError("FundWithdrawRequest", "is nil")
	}
	if err := need("out_request_no", req.OutRequestNo, "account_type", req.AccountType); err != nil {
		return nil, err
	}
	if err := checkWithdraw(req.OutRequestNo, req.Amount, req.Remark, req.BankMemo); err != nil {
		return nil, err
	}
	if req.NotifyURL != "" {
		if u, err := url.Parse(req.NotifyURL); err != nil || u.Scheme != "https" || u.Host == "" || u.RawQuery != "" {
			return nil, argError("notify_url", "must be an HTTPS URL without query")
		}
	}
	return call[EcommerceWithdrawal](ctx, s.c, post("/v3/merchant/fund/withdraw", req))
}

// checkWithdraw checks the out_request_no, amount, remark and bank_memo of
// a withdrawal (merchant or sub-merchant).
func checkWithdraw(outRequestNo string, amount int64, remark, bankMemo string) error {
	switch {
	case !alnum(outRequestNo, 32):
		return argError("out_request_no", "must be at most 32 letters and digits")
	case amount <= 0 || amount > maxWithdraw:
		return argError("amount", "must be positive and at most 800 million CNY (fen)")
	case utf8.RuneCountInString(remark) > 56:
		return argError("remark", "must be at most 56 characters")
	case utf8.RuneCountInString(bankMemo) > 32:
		return argError("bank_memo", "must be at most 32 characters")
	}
	return nil
}

// QueryWithdrawByOutRequestNo queries a withdrawal of the platform's own
// income by its out_request_no (GET
// /v3/merchant/fund/withdraw/out-request-no/{out_request_no}; platforms
// only). SpMchID and SubMchID are empty; Status is one of the
// WithdrawStatus constants.
//
// See https://pay.weixin.qq.com/docs/partner/apis/ecommerce-withdraw/with-draws/query-withdraw-by-out-request-no.html
func (s *FundService) QueryWithdrawByOutRequestNo(ctx context.Context, outRequestNo string) (*EcommerceWithdraw, error) {
	if err := need("outRequestNo", outRequestNo); err != nil {
		return nil, err
	}
	return call[EcommerceWithdraw](ctx, s.c, get(pathf("/v3/merchant/fund/withdraw/out-request-no/{out_request_no}", outRequestNo), nil))
}

// WithdrawBillNoSucc is the bill type of WithdrawBill: failed and returned
// (退票) withdrawals.
const WithdrawBillNoSucc = "NO_SUCC"

// WithdrawBill asks for the download URL of the file of withdrawals that
// failed or were returned by the bank on billDate ("2006-01-02", the day
// the withdrawal became abnormal, within 90 days; available from 09:00 the
// next day) (GET /v3/merchant/fund/withdraw/bill-type/{bill_type}?bill_date=;
// platforms and service providers). billType "" is NO_SUCC; tarType "GZIP"
// asks for a compressed file. Fetch it with Client.DownloadBill. The file
// lists the platform's own withdrawals and those of its sub-merchants.
//
// See https://pay.weixin.qq.com/doc/v3/partner/4012720060
func (s *FundService) WithdrawBill(ctx context.Context, billType, billDate, tarType string) (*Bill, error) {
	if err := need("billDate", billDate); err != nil {
		return nil, err
	}
	if _, err := time.Parse(time.DateOnly, billDate); err != nil {
		return nil, argError("billDate", "must be YYYY-MM-DD")
	}
	if tarType != "" && tarType != "GZIP" {
		return nil, argError("tarType", `must be "" or "GZIP"`)
	}
	if billType == "" {
		billType = WithdrawBillNoSucc
	}
	return s.c.bill(ctx, pathf("/v3/merchant/fund/withdraw/bill-type/{bill_type}", billType), url.Values{"bill_date": {billDate}}, tarType)
}
