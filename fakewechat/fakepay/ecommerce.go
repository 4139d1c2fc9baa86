package fakepay

import (
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Balances (fen) the fake answers for every account of every sub-merchant
// of the e-commerce platform; a withdrawal above the available amount gets
// 403 NOT_ENOUGH.
const (
	EcommerceAvailableBalance = 10_000_000
	EcommercePendingBalance   = 50_000
)

// ecomRefund is a refund of the e-commerce platform, rendered like the
// refund queries.
type ecomRefund struct {
	Refund
	RefundAccount string `json:"refund_account,omitempty"`

	subMchID string
	total    int64
	fp       string // the request, to tell a retry from a conflicting duplicate
}

// ecomWithdraw is a sub-merchant withdrawal, rendered like its query.
type ecomWithdraw struct {
	SpMchID       string `json:"sp_mchid"`
	SubMchID      string `json:"sub_mchid"`
	Status        string `json:"status"`
	WithdrawID    string `json:"withdraw_id"`
	OutRequestNo  string `json:"out_request_no"`
	Amount        int64  `json:"amount"`
	CreateTime    string `json:"create_time"`
	UpdateTime    string `json:"update_time"`
	Reason        string `json:"reason"`
	Remark        string `json:"remark"`
	BankMemo      string `json:"bank_memo"`
	AccountType   string `json:"account_type"`
	AccountNumber string `json:"account_number"`
	AccountBank   string `json:"account_bank"`
	BankName      string `json:"bank_name"`

	fp string
}

type ecomState struct {
	refunds   map[string]*ecomRefund   // by key(sub, out_refund_no)
	withdraws map[string]*ecomWithdraw // by key(sub, out_request_no)
	more      *ecomMore                // profit sharing, subsidies, applications (ecommerce_ps.go)
}

func (c *stateC) ecom() *ecomState {
	if c.e.refunds == nil {
		c.e = ecomState{refunds: map[string]*ecomRefund{}, withdraws: map[string]*ecomWithdraw{}}
	}
	return &c.e
}

func init() { routes = append(routes, (*Server).routeEcommerce) }

func (s *Server) routeEcommerce(w http.ResponseWriter, r *http.Request, body []byte) bool {
	rest, ok := strings.CutPrefix(r.URL.Path, "/v3/ecommerce/")
	if !ok {
		return false
	}
	get, post := r.Method == http.MethodGet, r.Method == http.MethodPost
	var arg string
	cut := func(prefix string) bool {
		a, ok := strings.CutPrefix(rest, prefix)
		arg = a
		return ok && a != "" && !strings.Contains(a, "/")
	}
	switch {
	case post && rest == "refunds/apply":
		s.serveEcomRefund(w, r, body)
	case get && cut("refunds/id/"):
		s.serveEcomRefundQuery(w, r, func(rf *ecomRefund) bool { return rf.RefundID == arg })
	case get && cut("refunds/out-refund-no/"):
		s.serveEcomRefundQuery(w, r, func(rf *ecomRefund) bool { return rf.OutRefundNo == arg })
	case get && cut("fund/balance/"):
		s.serveEcomBalance(w, r, arg, false)
	case get && cut("fund/enddaybalance/"):
		s.serveEcomBalance(w, r, arg, true)
	case post && rest == "fund/withdraw":
		s.serveEcomWithdraw(w, r, body)
	case get && cut("fund/withdraw/out-request-no/"):
		s.serveEcomWithdrawQuery(w, r, func(wd *ecomWithdraw) bool { return wd.OutRequestNo == arg })
	case get && cut("fund/withdraw/"):
		s.serveEcomWithdrawQuery(w, r, func(wd *ecomWithdraw) bool { return wd.WithdrawID == arg })
	default:
		return false
	}
	return true
}

// subOrder is an order of a sub-merchant refunds take from: a partner
// order or a sub-order of a service provider's combined order.
type subOrder struct {
	state, stateDesc     *string
	refunded             *int64
	total                int64
	transactionID, outNo string
}

func (s *Server) subOrderLocked(sub, outTradeNo, transactionID string) *subOrder {
	if o := s.findPartnerOrderLocked(sub, outTradeNo, transactionID); o != nil {
		return &subOrder{&o.TradeState, &o.TradeStateDesc, &o.refunded, o.total, o.TransactionID, o.OutTradeNo}
	}
	for _, co := range s.c.combineMap() {
		for _, so := range co.subs {
			o := s.orders[so.OutTradeNo]
			if so.SubMchID == sub && (outTradeNo != "" && o.OutTradeNo == outTradeNo || outTradeNo == "" && o.TransactionID != "" && o.TransactionID == transactionID) {
				return &subOrder{&o.TradeState, &o.TradeStateDesc, &o.refunded, o.total, o.TransactionID, o.OutTradeNo}
			}
		}
	}
	return nil
}

func (s *Server) serveEcomRefund(w http.ResponseWriter, r *http.Request, body []byte) {
	var b struct {
		SubMchID      string `json:"sub_mchid"`
		SpAppID       string `json:"sp_appid"`
		TransactionID string `json:"transaction_id"`
		OutTradeNo    string `json:"out_trade_no"`
		OutRefundNo   string `json:"out_refund_no"`
		Amount        struct {
			Refund   int64  `json:"refund"`
			Total    int64  `json:"total"`
			Currency string `json:"currency"`
		} `json:"amount"`
		RefundAccount string `json:"refund_account"`
	}
	if !s.decodeJSON(w, r, body, &b) {
		return
	}
	bad := func(msg string) { s.fail(w, r, http.StatusBadRequest, "PARAM_ERROR", msg) }
	switch {
	case b.SubMchID == "" || b.SpAppID == "" || b.OutRefundNo == "" || (b.TransactionID == "") == (b.OutTradeNo == ""):
		bad("sub_mchid、sp_appid、out_refund_no必填,transaction_id与out_trade_no二选一")
		return
	case len(b.OutRefundNo) > 64:
		bad("out_refund_no超长")
		return
	case b.Amount.Refund <= 0 || b.Amount.Total <= 0 || (b.Amount.Currency != "" && b.Amount.Currency != "CNY"):
		bad("amount.refund、amount.total必须大于0,currency为CNY")
		return
	case b.RefundAccount != "" && b.RefundAccount != "REFUND_SOURCE_PARTNER_ADVANCE" && b.RefundAccount != "REFUND_SOURCE_SUB_MERCHANT":
		bad("refund_account取值错误")
		return
	}
	if !s.knownSub(w, r, b.SubMchID) {
		return
	}
	fp, _ := json.Marshal(b)
	s.mu.Lock()
	defer s.mu.Unlock()
	refunds := s.c.ecom().refunds
	k := key(b.SubMchID, b.OutRefundNo)
	if ex := refunds[k]; ex != nil {
		if ex.fp != string(fp) {
			s.failLocked(w, r, http.StatusBadRequest, "INVALID_REQUEST", "商户退款单号重复,且与原退款内容不一致")
			return
		}
		s.replyLocked(w, r, ecomRefundAnswer(ex))
		return
	}
	o := s.subOrderLocked(b.SubMchID, b.OutTradeNo, b.TransactionID)
	code, msg := refundCheck(false, "", 0, 0, 0, 0)
	if o != nil {
		code, msg = refundCheck(true, *o.state, o.total, *o.refunded, b.Amount.Total, b.Amount.Refund)
	}
	if code != "" {
		s.mu.Unlock()
		s.failRefund(w, r, code, msg)
		s.mu.Lock()
		return
	}
	*o.refunded += b.Amount.Refund
	*o.state, *o.stateDesc = "REFUND", "转入退款"
	amount := map[string]any{"refund": b.Amount.Refund, "payer_refund": b.Amount.Refund, "discount_refund": 0, "currency": "CNY"}
	if b.RefundAccount == "REFUND_SOURCE_PARTNER_ADVANCE" {
		amount["advance"] = b.Amount.Refund
	}
	rf := &ecomRefund{Refund: *s.newRefund(b.OutRefundNo, o.transactionID, o.outNo, o.total, b.Amount.Refund),
		RefundAccount: b.RefundAccount, subMchID: b.SubMchID, total: o.total, fp: string(fp)}
	rf.Amount = amount
	refunds[k] = rf
	s.replyLocked(w, r, ecomRefundAnswer(rf))
}

// ecomRefundAnswer is the refund API's answer: the refund as created.
func ecomRefundAnswer(rf *ecomRefund) map[string]any {
	m := map[string]any{"refund_id": rf.RefundID, "out_refund_no": rf.OutRefundNo, "create_time": rf.CreateTime, "amount": rf.Amount}
	if rf.RefundAccount != "" {
		m["refund_account"] = rf.RefundAccount
	}
	return m
}

// subQuery answers 400 itself when the query lacks a served sub_mchid.
func (s *Server) subQuery(w http.ResponseWriter, r *http.Request) (string, bool) {
	sub := r.URL.Query().Get("sub_mchid")
	if sub == "" {
		s.fail(w, r, http.StatusBadRequest, "PARAM_ERROR", "sub_mchid必填")
		return "", false
	}
	return sub, s.knownSub(w, r, sub)
}

func (s *Server) serveEcomRefundQuery(w http.ResponseWriter, r *http.Request, match func(*ecomRefund) bool) {
	sub, ok := s.subQuery(w, r)
	if !ok {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, rf := range s.c.ecom().refunds {
		if rf.subMchID == sub && match(rf) {
			s.replyLocked(w, r, rf)
			return
		}
	}
	s.failLocked(w, r, http.StatusNotFound, "RESOURCE_NOT_EXISTS", "退款单不存在")
}

// SetEcommerceRefundStatus moves an e-commerce refund to status (SUCCESS,
// ABNORMAL, CLOSED) and returns it as the refund notification resource.
func (s *Server) SetEcommerceRefundStatus(subMchID, outRefundNo, status string) (map[string]any, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	rf := s.c.ecom().refunds[key(subMchID, outRefundNo)]
	if rf == nil {
		return nil, false
	}
	rf.Status = status
	if status == "SUCCESS" {
		rf.SuccessTime = time.Now().Format(time.RFC3339)
	}
	m := map[string]any{
		"sp_mchid": s.Opts.MchID, "sub_mchid": subMchID, "out_trade_no": rf.OutTradeNo, "transaction_id": rf.TransactionID,
		"out_refund_no": rf.OutRefundNo, "refund_id": rf.RefundID, "refund_status": status,
		"success_time": rf.SuccessTime, "user_received_account": rf.UserReceivedAccount,
		"amount": map[string]any{"total": rf.total, "refund": rf.Amount["refund"], "payer_total": rf.total, "payer_refund": rf.Amount["payer_refund"]},
	}
	if rf.RefundAccount != "" {
		m["refund_account"] = rf.RefundAccount
	}
	return m, true
}

// serveEcomBalance answers the current balance, or with endDay the
// end-of-day balance of the date in the query.
func (s *Server) serveEcomBalance(w http.ResponseWriter, r *http.Request, sub string, endDay bool) {
	q := r.URL.Query()
	account, accountTypes := q.Get("account_type"), " BASIC FEES OPERATION DEPOSIT "
	if endDay {
		accountTypes = " BASIC DEPOSIT "
	}
	if account == "" {
		account = "BASIC"
	}
	if !strings.Contains(accountTypes, " "+account+" ") {
		s.fail(w, r, http.StatusBadRequest, "PARAM_ERROR", "account_type取值错误")
		return
	}
	if endDay {
		d, err := time.ParseInLocation(time.DateOnly, q.Get("date"), time.Local)
		switch {
		case err != nil:
			s.fail(w, r, http.StatusBadRequest, "PARAM_ERROR", "date格式为YYYY-MM-DD")
			return
		case !d.Before(time.Now()) || time.Since(d) > 91*24*time.Hour:
			s.fail(w, r, http.StatusBadRequest, "INVALID_REQUEST", "该账户在指定时间不存在(可查询90天内的日终余额)")
			return
		}
	}
	if !s.knownSub(w, r, sub) {
		return
	}
	s.reply(w, r, http.StatusOK, map[string]any{"sub_mchid": sub, "available_amount": EcommerceAvailableBalance,
		"pending_amount": EcommercePendingBalance, "account_type": account})
}

func (s *Server) serveEcomWithdraw(w http.ResponseWriter, r *http.Request, body []byte) {
	var b struct {
		SubMchID     string `json:"sub_mchid"`
		OutRequestNo string `json:"out_request_no"`
		Amount       int64  `json:"amount"`
		Remark       string `json:"remark"`
		BankMemo     string `json:"bank_memo"`
		AccountType  string `json:"account_type"`
	}
	if !s.decodeJSON(w, r, body, &b) {
		return
	}
	bad := func(msg string) { s.fail(w, r, http.StatusBadRequest, "PARAM_ERROR", msg) }
	switch {
	case b.SubMchID == "" || b.OutRequestNo == "":
		bad("sub_mchid、out_request_no必填")
		return
	case withdrawCheck(b.OutRequestNo, b.Amount, b.Remark, b.BankMemo) != "":
		bad(withdrawCheck(b.OutRequestNo, b.Amount, b.Remark, b.BankMemo))
		return
	case b.AccountType != "" && b.AccountType != "BASIC" && b.AccountType != "FEES" && b.AccountType != "OPERATION":
		bad("account_type取值错误")
		return
	}
	if !s.knownSub(w, r, b.SubMchID) {
		return
	}
	if b.AccountType == "" {
		b.AccountType = "BASIC"
	}
	fp, _ := json.Marshal(b)
	s.mu.Lock()
	defer s.mu.Unlock()
	withdraws := s.c.ecom().withdraws
	k := key(b.SubMchID, b.OutRequestNo)
	wd := withdraws[k]
	switch {
	case wd != nil && wd.fp != string(fp):
		s.failLocked(w, r, http.StatusBadRequest, "INVALID_REQUEST", "商户提现单号重复,且与原提现内容不一致")
		return
	case wd == nil && b.Amount > EcommerceAvailableBalance:
		s.failLocked(w, r, http.StatusForbidden, "NOT_ENOUGH", "二级商户号账户可用余额不足")
		return
	case wd == nil:
		now := time.Now().Format(time.RFC3339)
		wd = &ecomWithdraw{SpMchID: s.Opts.MchID, SubMchID: b.SubMchID, Status: "CREATE_SUCCESS",
			WithdrawID: "1" + strconv.FormatInt(3000000000+s.seq.Add(1), 10) + strings.Repeat("0", 20), OutRequestNo: b.OutRequestNo,
			Amount: b.Amount, CreateTime: now, UpdateTime: now, Remark: b.Remark, BankMemo: b.BankMemo,
			AccountType: b.AccountType, AccountNumber: "4321", AccountBank: "招商银行", BankName: "招商银行深圳分行", fp: string(fp)}
		withdraws[k] = wd
	}
	s.replyLocked(w, r, map[string]string{"sub_mchid": wd.SubMchID, "withdraw_id": wd.WithdrawID, "out_request_no": wd.OutRequestNo})
}

func (s *Server) serveEcomWithdrawQuery(w http.ResponseWriter, r *http.Request, match func(*ecomWithdraw) bool) {
	sub, ok := s.subQuery(w, r)
	if !ok {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, wd := range s.c.ecom().withdraws {
		if wd.SubMchID == sub && match(wd) {
			s.replyLocked(w, r, wd)
			return
		}
	}
	s.failLocked(w, r, http.StatusNotFound, "ORDER_NOT_EXIST", "预约提现单号不存在")
}

// SetWithdrawStatus moves a sub-merchant withdrawal to status (SUCCESS,
// FAIL, REFUND, CLOSE) as the bank would, with reason for the failures.
func (s *Server) SetWithdrawStatus(subMchID, outRequestNo, status, reason string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	wd := s.c.ecom().withdraws[key(subMchID, outRequestNo)]
	if wd == nil {
		return false
	}
	wd.Status, wd.Reason, wd.UpdateTime = status, reason, time.Now().Format(time.RFC3339)
	return true
}
