package fakepay

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// FundBalances are the balances (fen) the fake answers for the merchant's
// own accounts, current and at the end of every past day: available,
// pending. A withdrawal above the available amount gets 403 NOT_ENOUGH.
var FundBalances = map[string][2]int64{
	"BASIC":     {10_000, 1},
	"OPERATION": {5_000, 0},
	"FEES":      {200, 0},
}

// fundWithdraw is a withdrawal of the merchant's own income, rendered like
// its query.
type fundWithdraw struct {
	Status       string `json:"status"`
	WithdrawID   string `json:"withdraw_id"`
	OutRequestNo string `json:"out_request_no"`
	Amount       int64  `json:"amount"`
	CreateTime   string `json:"create_time"`
	UpdateTime   string `json:"update_time"`
	Reason       string `json:"reason"`
	Remark       string `json:"remark"`
	BankMemo     string `json:"bank_memo"`
	AccountType  string `json:"account_type"`

	fp string
}

// fundState is the merchant funds and business-circle state (fund.go,
// businesscircle.go), under Server.mu.
type fundState struct {
	withdraws map[string]*fundWithdraw // by key(mchid, out_request_no)
	points    []PointsSync
}

func (f *fundState) withdrawMap() map[string]*fundWithdraw {
	if f.withdraws == nil {
		f.withdraws = map[string]*fundWithdraw{}
	}
	return f.withdraws
}

func init() { routes = append(routes, (*Server).routeFund) }

func (s *Server) routeFund(w http.ResponseWriter, r *http.Request, body []byte) bool {
	rest, ok := strings.CutPrefix(r.URL.Path, "/v3/merchant/fund/")
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
	case get && cut("balance/"):
		s.serveFundBalance(w, r, arg, false)
	case get && cut("dayendbalance/"):
		s.serveFundBalance(w, r, arg, true)
	case post && rest == "withdraw":
		s.serveFundWithdraw(w, r, body)
	case get && cut("withdraw/out-request-no/"):
		s.serveFundWithdrawQuery(w, r, arg)
	case get && cut("withdraw/bill-type/"):
		s.serveWithdrawBill(w, r, arg)
	default:
		return false
	}
	return true
}

func (s *Server) serveFundBalance(w http.ResponseWriter, r *http.Request, account string, dayEnd bool) {
	b, ok := FundBalances[account]
	if !ok {
		s.fail(w, r, http.StatusBadRequest, "PARAM_ERROR", "account_type取值为BASIC、OPERATION、FEES")
		return
	}
	if dayEnd {
		d, err := time.ParseInLocation(time.DateOnly, r.URL.Query().Get("date"), time.Local)
		switch {
		case err != nil:
			s.fail(w, r, http.StatusBadRequest, "PARAM_ERROR", "date必填,格式为YYYY-MM-DD")
			return
		case !d.AddDate(0, 0, 1).Before(time.Now()) || time.Since(d) > 91*24*time.Hour:
			s.fail(w, r, http.StatusBadRequest, "INVALID_REQUEST", "日终余额当日无数据")
			return
		}
	}
	s.reply(w, r, http.StatusOK, map[string]int64{"available_amount": b[0], "pending_amount": b[1]})
}

func (s *Server) serveFundWithdraw(w http.ResponseWriter, r *http.Request, body []byte) {
	var b struct {
		OutRequestNo string `json:"out_request_no"`
		Amount       int64  `json:"amount"`
		Remark       string `json:"remark"`
		BankMemo     string `json:"bank_memo"`
		AccountType  string `json:"account_type"`
		NotifyURL    string `json:"notify_url"`
	}
	if !s.decodeJSON(w, r, body, &b) {
		return
	}
	bad := func(msg string) { s.fail(w, r, http.StatusBadRequest, "PARAM_ERROR", msg) }
	balance, known := FundBalances[b.AccountType]
	switch {
	case b.OutRequestNo == "" || b.AccountType == "":
		bad("out_request_no、account_type必填")
		return
	case withdrawCheck(b.OutRequestNo, b.Amount, b.Remark, b.BankMemo) != "":
		bad(withdrawCheck(b.OutRequestNo, b.Amount, b.Remark, b.BankMemo))
		return
	case !known:
		bad("account_type取值为BASIC、OPERATION、FEES")
		return
	case b.NotifyURL != "" && !httpsNoQuery(b.NotifyURL):
		bad("notify_url须为不带参数的HTTPS地址")
		return
	}
	fp, _ := json.Marshal(b)
	s.mu.Lock()
	defer s.mu.Unlock()
	withdraws := s.f.withdrawMap()
	k := key(s.requestMchID(r), b.OutRequestNo)
	wd := withdraws[k]
	switch {
	case wd != nil && wd.fp != string(fp):
		s.failLocked(w, r, http.StatusBadRequest, "INVALID_REQUEST", "商户预约提现单号重复,且与原提现内容不一致")
		return
	case wd == nil && b.Amount > balance[0]:
		s.failLocked(w, r, http.StatusForbidden, "NOT_ENOUGH", "账户可用余额不足")
		return
	case wd == nil:
		now := time.Now().Format(time.RFC3339)
		wd = &fundWithdraw{Status: "CREATE_SUCCESS", WithdrawID: "2" + strconv.FormatInt(3000000000+s.seq.Add(1), 10) + strings.Repeat("0", 20),
			OutRequestNo: b.OutRequestNo, Amount: b.Amount, CreateTime: now, UpdateTime: now, Remark: b.Remark,
			BankMemo: b.BankMemo, AccountType: b.AccountType, fp: string(fp)}
		withdraws[k] = wd
	}
	s.replyLocked(w, r, map[string]string{"withdraw_id": wd.WithdrawID, "out_request_no": wd.OutRequestNo})
}

// withdrawCheck returns the PARAM_ERROR message for the out_request_no,
// amount, remark and bank_memo of a withdrawal (merchant or sub-merchant),
// or "" when they are right.
func withdrawCheck(outRequestNo string, amount int64, remark, bankMemo string) string {
	switch {
	case len(outRequestNo) > 32 || strings.IndexFunc(outRequestNo, func(c rune) bool {
		return !(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z')
	}) >= 0:
		return "out_request_no须为32位以内字母数字"
	case amount <= 0 || amount > 800_000_000*100:
		return "amount须大于0且不超过8亿元"
	case utf8.RuneCountInString(remark) > 56 || utf8.RuneCountInString(bankMemo) > 32:
		return "remark、bank_memo超长"
	}
	return ""
}

func httpsNoQuery(raw string) bool {
	u, err := url.Parse(raw)
	return err == nil && u.Scheme == "https" && u.Host != "" && u.RawQuery == ""
}

func (s *Server) serveFundWithdrawQuery(w http.ResponseWriter, r *http.Request, outRequestNo string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if wd := s.f.withdrawMap()[key(s.requestMchID(r), outRequestNo)]; wd != nil {
		s.replyLocked(w, r, wd)
		return
	}
	s.failLocked(w, r, http.StatusNotFound, "ORDER_NOT_EXIST", "预约提现单号不存在")
}

// SetFundWithdrawStatus moves a withdrawal of the merchant mchID's own
// income to status (SUCCESS, FAIL, REFUND, CLOSE) as the bank would, with
// reason for the failures. It reports whether the withdrawal exists.
func (s *Server) SetFundWithdrawStatus(mchID, outRequestNo, status, reason string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	wd := s.f.withdrawMap()[key(mchID, outRequestNo)]
	if wd == nil {
		return false
	}
	wd.Status, wd.Reason, wd.UpdateTime = status, reason, time.Now().Format(time.RFC3339)
	return true
}

// AddWithdrawBill sets the content of the failed-withdrawal file (bill type
// NO_SUCC) of date ("2006-01-02"); other dates answer 400
// NO_STATEMENT_EXIST.
func (s *Server) AddWithdrawBill(date string, content []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.bills["withdraw:"+date] = content
}

func (s *Server) serveWithdrawBill(w http.ResponseWriter, r *http.Request, billType string) {
	q := r.URL.Query()
	date, tar := q.Get("bill_date"), q.Get("tar_type")
	switch _, err := time.Parse(time.DateOnly, date); {
	case billType != "NO_SUCC":
		s.fail(w, r, http.StatusBadRequest, "PARAM_ERROR", "bill_type取值为NO_SUCC")
		return
	case err != nil:
		s.fail(w, r, http.StatusBadRequest, "PARAM_ERROR", "bill_date必填,格式为YYYY-MM-DD")
		return
	case tar != "" && tar != "GZIP":
		s.fail(w, r, http.StatusBadRequest, "PARAM_ERROR", "tar_type取值为GZIP")
		return
	}
	s.mu.Lock()
	content, ok := s.bills["withdraw:"+date]
	s.mu.Unlock()
	if !ok {
		s.fail(w, r, http.StatusBadRequest, "NO_STATEMENT_EXIST", "账单不存在")
		return
	}
	s.reply(w, r, http.StatusOK, s.billAnswer("withdraw."+date, content, tar))
}
