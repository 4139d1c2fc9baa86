package channels

import (
	"context"
	"iter"
	"net/http"
	"strconv"
	"strings"

	wechat "github.com/weixin-go/wechat"
)

var (
	fundsBalance        = wechat.Endpoint{Method: http.MethodPost, Path: "/channels/ec/funds/getbalance"}
	fundsFlowDetail     = wechat.Endpoint{Method: http.MethodPost, Path: "/channels/ec/funds/getfundsflowdetail"}
	fundsFlowList       = wechat.Endpoint{Method: http.MethodPost, Path: "/channels/ec/funds/getfundsflowlist"}
	fundsWithdrawList   = wechat.Endpoint{Method: http.MethodPost, Path: "/channels/ec/funds/getwithdrawlist"}
	fundsWithdrawDetail = wechat.Endpoint{Method: http.MethodPost, Path: "/channels/ec/funds/getwithdrawdetail"}
	fundsSubmitWithdraw = wechat.Endpoint{Method: http.MethodPost, Path: "/channels/ec/funds/submitwithdraw"}
)

// WithdrawPageSize is the page size FundsService.Withdrawals asks for.
const WithdrawPageSize = 10

// Withdrawal statuses (Withdrawal.Status).
const (
	WithdrawCreateSuccess = "CREATE_SUCCESS" // 受理成功
	WithdrawSuccess       = "SUCCESS"        // 提现成功
	WithdrawFail          = "FAIL"           // 提现失败
	WithdrawRefund        = "REFUND"         // 提现退票
	WithdrawClose         = "CLOSE"          // 关单
	WithdrawInit          = "INIT"           // 业务单已创建
)

// Balance is the shop's account balance, in fen.
type Balance struct {
	// AvailableAmount may be withdrawn (可提现); PendingAmount is not
	// settled yet (待结算).
	AvailableAmount int64 `json:"available_amount"`
	PendingAmount   int64 `json:"pending_amount"`
	// SubMchID is the shop's WeChat Pay sub-merchant id (二级商户号).
	SubMchID string `json:"sub_mchid"`
}

// Balance returns the shop's account balance.
// https://developers.weixin.qq.com/doc/store/API/funds/getbalance.html
func (s *FundsService) Balance(ctx context.Context) (*Balance, error) {
	// The docs ask for an empty JSON object.
	return call[Balance](ctx, s.c, fundsBalance, nil, struct{}{})
}

// FundsFlow is one entry of the account's funds flow (资金流水).
type FundsFlow struct {
	FlowID    string `json:"flow_id"`
	FundsType int    `json:"funds_type"`
	// FlowType is 1 for income, 2 for expense.
	FlowType int `json:"flow_type"`
	// Amount and Balance are in fen.
	Amount          int64              `json:"amount"`
	Balance         int64              `json:"balance"`
	RelatedInfoList []FundsFlowRelated `json:"related_info_list"`
	// BookkeepingTime is when the entry was booked ("2006-01-02 15:04:05").
	BookkeepingTime string `json:"bookkeeping_time"`
	Remark          string `json:"remark"`
}

// FundsFlowRelated is what a funds-flow entry is about.
type FundsFlowRelated struct {
	// RelatedType is 1 order, 2 after-sale, 3 withdrawal, 4 freight
	// insurance, 5 service guarantee, 6 gift, 7 group gift, 8 same-city
	// delivery store.
	RelatedType int    `json:"related_type"`
	OrderID     string `json:"order_id,omitempty"`
	AftersaleID string `json:"aftersale_id,omitempty"`
	WithdrawID  string `json:"withdraw_id,omitempty"`
}

// FlowDetail returns one funds-flow entry.
// https://developers.weixin.qq.com/doc/store/shop/API/funds/getfundsflowdetail.html
func (s *FundsService) FlowDetail(ctx context.Context, flowID string) (*FundsFlow, error) {
	body, err := byID("flow_id", flowID)
	if err != nil {
		return nil, err
	}
	out, err := call[struct {
		FundsFlow FundsFlow `json:"funds_flow"`
	}](ctx, s.c, fundsFlowDetail, nil, body)
	if err != nil {
		return nil, err
	}
	return &out.FundsFlow, nil
}

// FlowListOptions selects the funds-flow entries of FlowListPage and Flows.
type FlowListOptions struct {
	// StartTime and EndTime bound when the entries were made (Unix
	// seconds; 0 leaves a bound out). A day's entries are booked after
	// 16:00 the next day.
	StartTime int64
	EndTime   int64
	// TransactionID selects the entries of one payment (支付单号).
	TransactionID string
	// PageSize is the page size; 0 means 10.
	PageSize int
}

// FlowPage is one page of funds-flow entry ids.
type FlowPage struct {
	FlowIDs []string `json:"flow_ids"`
	HasMore bool     `json:"has_more"`
	// NextKey goes with the next page (required from 10000 entries on).
	NextKey string `json:"next_key"`
}

// FlowListPage returns page (from 1) of funds-flow entry ids: nextKey is
// "" or the NextKey of page-1 asked with the same page size.
// https://developers.weixin.qq.com/doc/channels/locallife/api/Fund.html
func (s *FundsService) FlowListPage(ctx context.Context, opts FlowListOptions, page int, nextKey string) (*FlowPage, error) {
	switch {
	case page < 1:
		return nil, invalidArg("page", "below 1")
	case opts.PageSize < 0:
		return nil, invalidArg("page_size", "below 0")
	case opts.EndTime != 0 && opts.StartTime > opts.EndTime:
		return nil, invalidArg("end_time", "before start_time")
	}
	body := struct {
		Page          int    `json:"page"`
		PageSize      int    `json:"page_size,omitempty"`
		StartTime     int64  `json:"start_time,omitempty"`
		EndTime       int64  `json:"end_time,omitempty"`
		TransactionID string `json:"transaction_id,omitempty"`
		NextKey       string `json:"next_key,omitempty"`
	}{page, opts.PageSize, opts.StartTime, opts.EndTime, opts.TransactionID, nextKey}
	return call[FlowPage](ctx, s.c, fundsFlowList, nil, body)
}

// Flows iterates over the funds-flow entry ids of opts, page by page,
// while WeChat says there are more.
// https://developers.weixin.qq.com/doc/channels/locallife/api/Fund.html
func (s *FundsService) Flows(ctx context.Context, opts FlowListOptions) iter.Seq2[string, error] {
	// The cursor is "page:next_key".
	return wechat.CursorPages(ctx, "1:", func(ctx context.Context, cursor string) ([]string, string, error) {
		n, key, _ := strings.Cut(cursor, ":")
		page, _ := strconv.Atoi(n)
		p, err := s.FlowListPage(ctx, opts, page, key)
		if err != nil {
			return nil, "", err
		}
		if !p.HasMore {
			return p.FlowIDs, "", nil
		}
		return p.FlowIDs, strconv.Itoa(page+1) + ":" + p.NextKey, nil
	})
}

// WithdrawListOptions selects the withdrawals of WithdrawListPage and
// Withdrawals by creation time (Unix seconds; 0 leaves a bound out).
type WithdrawListOptions struct {
	StartTime int64
	EndTime   int64
}

// WithdrawPage is one page of withdrawal ids.
type WithdrawPage struct {
	WithdrawIDs []string `json:"withdraw_ids"`
	TotalNum    int      `json:"total_num"`
}

// WithdrawListPage returns page pageNum (from 1) of pageSize withdrawal ids.
// https://developers.weixin.qq.com/doc/store/shop/API/funds/getwithdrawlist.html
func (s *FundsService) WithdrawListPage(ctx context.Context, opts WithdrawListOptions, pageNum, pageSize int) (*WithdrawPage, error) {
	switch {
	case pageNum < 1:
		return nil, invalidArg("page_num", "below 1")
	case pageSize < 1:
		return nil, invalidArg("page_size", "below 1")
	case opts.EndTime != 0 && opts.StartTime > opts.EndTime:
		return nil, invalidArg("end_time", "before start_time")
	}
	body := struct {
		PageNum   int   `json:"page_num"`
		PageSize  int   `json:"page_size"`
		StartTime int64 `json:"start_time,omitempty"`
		EndTime   int64 `json:"end_time,omitempty"`
	}{pageNum, pageSize, opts.StartTime, opts.EndTime}
	return call[WithdrawPage](ctx, s.c, fundsWithdrawList, nil, body)
}

// Withdrawals iterates over the ids of the shop's withdrawals,
// WithdrawPageSize at a time.
// https://developers.weixin.qq.com/doc/store/shop/API/funds/getwithdrawlist.html
func (s *FundsService) Withdrawals(ctx context.Context, opts WithdrawListOptions) iter.Seq2[string, error] {
	return wechat.OffsetPages(ctx, WithdrawPageSize, func(ctx context.Context, offset, count int) ([]string, int, error) {
		p, err := s.WithdrawListPage(ctx, opts, offset/count+1, count)
		if err != nil {
			return nil, 0, err
		}
		return p.WithdrawIDs, p.TotalNum, nil
	})
}

// Withdrawal is a withdrawal record.
type Withdrawal struct {
	// Amount is in fen.
	Amount int64 `json:"amount"`
	// CreateTime and UpdateTime are Unix seconds.
	CreateTime int64  `json:"create_time"`
	UpdateTime int64  `json:"update_time"`
	Reason     string `json:"reason"`
	Remark     string `json:"remark"`
	BankMemo   string `json:"bank_memo"`
	BankName   string `json:"bank_name"`
	BankNum    string `json:"bank_num"`
	// Status is WithdrawSuccess, WithdrawFail...
	Status string `json:"status"`
}

// WithdrawDetail returns a withdrawal record.
// https://developers.weixin.qq.com/doc/store/API/funds/getwithdrawdetail.html
func (s *FundsService) WithdrawDetail(ctx context.Context, withdrawID string) (*Withdrawal, error) {
	body, err := byID("withdraw_id", withdrawID)
	if err != nil {
		return nil, err
	}
	return call[Withdrawal](ctx, s.c, fundsWithdrawDetail, nil, body)
}

// SubmittedWithdraw is the answer of SubmitWithdraw.
type SubmittedWithdraw struct {
	WithdrawID string `json:"withdraw_id"`
	// QRCodeTicket gets the QR code the merchant scans to confirm the
	// withdrawal, and its scan status.
	QRCodeTicket string `json:"qrcode_ticket"`
}

// SubmitWithdraw asks to withdraw amount fen (above 0) from the available
// balance; remark and bankMemo (shown by the bank) may be empty. WeChat
// allows one withdrawal a day.
// https://developers.weixin.qq.com/doc/store/API/funds/submitwithdraw.html
func (s *FundsService) SubmitWithdraw(ctx context.Context, amount int64, remark, bankMemo string) (*SubmittedWithdraw, error) {
	if amount <= 0 {
		return nil, invalidArg("amount", "must be above 0")
	}
	body := struct {
		Amount   int64  `json:"amount"`
		Remark   string `json:"remark,omitempty"`
		BankMemo string `json:"bank_memo,omitempty"`
	}{amount, remark, bankMemo}
	return call[SubmittedWithdraw](ctx, s.c, fundsSubmitWithdraw, nil, body)
}
