package fakepay

import (
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
)

// DefaultMaxRatio is the maximum profit-sharing ratio (1/10000 of the order
// amount) until SetMaxRatio: 30%.
const DefaultMaxRatio = 3000

// frozenTx is an order paid with profit sharing: its amount is frozen until
// split or unfrozen.
type frozenTx struct {
	sub     string
	total   int64
	unsplit int64
	split   int64 // split to receivers so far (the ratio applies to it)
}

type psDetail struct {
	Amount      int64  `json:"amount"`
	Description string `json:"description"`
	Type        string `json:"type"`
	Account     string `json:"account"`
	Result      string `json:"result"`
	FailReason  string `json:"fail_reason,omitempty"`
	CreateTime  string `json:"create_time"`
	FinishTime  string `json:"finish_time"`
	DetailID    string `json:"detail_id"`
}

// psOrder is a split or an unfreeze.
type psOrder struct {
	SubMchID      string      `json:"sub_mchid,omitempty"`
	TransactionID string      `json:"transaction_id"`
	OutOrderNo    string      `json:"out_order_no"`
	OrderID       string      `json:"order_id"`
	State         string      `json:"state"`
	Receivers     []*psDetail `json:"receivers"`

	returned map[string]int64 // by merchant receiver account
}

type psReturn struct {
	SubMchID    string `json:"sub_mchid,omitempty"`
	OrderID     string `json:"order_id"`
	OutOrderNo  string `json:"out_order_no"`
	OutReturnNo string `json:"out_return_no"`
	ReturnID    string `json:"return_id"`
	ReturnMchID string `json:"return_mchid"`
	Amount      int64  `json:"amount"`
	Description string `json:"description"`
	Result      string `json:"result"`
	FailReason  string `json:"fail_reason,omitempty"`
	CreateTime  string `json:"create_time"`
	FinishTime  string `json:"finish_time"`
}

// freezeLocked freezes an order paid with settle_info.profit_sharing.
func (s *Server) freezeLocked(sub, transactionID string, total int64) {
	s.a.frozen[transactionID] = &frozenTx{sub: sub, total: total, unsplit: total}
}

// SetMaxRatio sets the maximum split ratio (1/10000) of payer: "" for the
// merchant, a sub_mchid in partner mode.
func (s *Server) SetMaxRatio(payer string, ratio int64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.a.ratios[payer] = ratio
}

func (s *Server) ratioLocked(payer string) int64 {
	if r, ok := s.a.ratios[payer]; ok {
		return r
	}
	return DefaultMaxRatio
}

// Unsplit returns the frozen amount of a transaction still to split.
func (s *Server) Unsplit(transactionID string) int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	if f := s.a.frozen[transactionID]; f != nil {
		return f.unsplit
	}
	return 0
}

func init() { routes = append(routes, (*Server).routeProfitSharing) }

func (s *Server) routeProfitSharing(w http.ResponseWriter, r *http.Request, body []byte) bool {
	p, ok := strings.CutPrefix(r.URL.Path, "/v3/profitsharing/")
	if !ok {
		return false
	}
	get, post := r.Method == http.MethodGet, r.Method == http.MethodPost
	switch {
	case post && p == "orders":
		s.servePSOrder(w, r, body)
	case post && p == "orders/unfreeze":
		s.servePSUnfreeze(w, r, body)
	case get && strings.HasPrefix(p, "orders/"):
		s.servePSQuery(w, r, strings.TrimPrefix(p, "orders/"))
	case post && p == "return-orders":
		s.servePSReturn(w, r, body)
	case get && strings.HasPrefix(p, "return-orders/"):
		s.servePSReturnQuery(w, r, strings.TrimPrefix(p, "return-orders/"))
	case get && strings.HasPrefix(p, "transactions/") && strings.HasSuffix(p, "/amounts"):
		s.servePSAmounts(w, r, strings.TrimSuffix(strings.TrimPrefix(p, "transactions/"), "/amounts"))
	case post && (p == "receivers/add" || p == "receivers/delete"):
		s.servePSReceiver(w, r, body, p == "receivers/add")
	case get && strings.HasPrefix(p, "merchant-configs/"):
		sub := strings.TrimPrefix(p, "merchant-configs/")
		if s.knownSub(w, r, sub) {
			s.mu.Lock()
			ratio := s.ratioLocked(sub)
			s.mu.Unlock()
			s.reply(w, r, http.StatusOK, map[string]any{"sub_mchid": sub, "max_ratio": ratio})
		}
	case get && p == "bills":
		q := r.URL.Query()
		if q.Has("sub_mchid") && !s.knownSub(w, r, q.Get("sub_mchid")) {
			return true
		}
		if q.Get("bill_date") == "" {
			s.fail(w, r, http.StatusBadRequest, "PARAM_ERROR", "bill_date必填")
			return true
		}
		v, ok := s.billResponse(r, q.Get("bill_date"), q.Get("tar_type"))
		if !ok {
			s.fail(w, r, http.StatusBadRequest, "NO_STATEMENT_EXIST", "账单不存在")
			return true
		}
		s.reply(w, r, http.StatusOK, v)
	default:
		return false
	}
	return true
}

// psPayer checks the optional sub_mchid of a request: empty for the
// merchant, a served sub-merchant in partner mode.
func (s *Server) psPayer(w http.ResponseWriter, r *http.Request, sub string) bool {
	return sub == "" || s.knownSub(w, r, sub)
}

var receiverTypes = map[string]bool{"MERCHANT_ID": true, "PERSONAL_OPENID": true, "PERSONAL_SUB_OPENID": true}

func (s *Server) servePSOrder(w http.ResponseWriter, r *http.Request, body []byte) {
	var b struct {
		SubMchID        string `json:"sub_mchid"`
		AppID           string `json:"appid"`
		SubAppID        string `json:"sub_appid"`
		TransactionID   string `json:"transaction_id"`
		OutOrderNo      string `json:"out_order_no"`
		UnfreezeUnsplit *bool  `json:"unfreeze_unsplit"`
		Receivers       []struct {
			Type        string `json:"type"`
			Account     string `json:"account"`
			Name        string `json:"name"`
			Amount      int64  `json:"amount"`
			Description string `json:"description"`
		} `json:"receivers"`
	}
	if !s.decodeJSON(w, r, body, &b) {
		return
	}
	bad := func(msg string) { s.fail(w, r, http.StatusBadRequest, "PARAM_ERROR", msg) }
	if b.TransactionID == "" || b.OutOrderNo == "" || b.UnfreezeUnsplit == nil || len(b.Receivers) == 0 || len(b.Receivers) > 50 {
		bad("transaction_id、out_order_no、unfreeze_unsplit必填，receivers为1-50个")
		return
	}
	if !s.psPayer(w, r, b.SubMchID) {
		return
	}
	var sum int64
	for i := range b.Receivers {
		x := &b.Receivers[i]
		switch {
		case !receiverTypes[x.Type] || x.Account == "" || x.Amount <= 0 || x.Description == "":
			bad("分账接收方type、account、amount、description必填")
			return
		case x.Type == "PERSONAL_OPENID" && b.AppID == "":
			bad("接收方类型为PERSONAL_OPENID时appid必填")
			return
		case x.Type == "PERSONAL_SUB_OPENID" && b.SubAppID == "":
			bad("接收方类型为PERSONAL_SUB_OPENID时sub_appid必填")
			return
		}
		if x.Name != "" {
			name, ok := s.sensitive(w, r, "name", x.Name)
			if !ok {
				return
			}
			x.Name = name
		}
		sum += x.Amount
	}
	fp, _ := json.Marshal(b)
	k := key(b.SubMchID, b.OutOrderNo)
	s.mu.Lock()
	defer s.mu.Unlock()
	f := s.psBeginLocked(w, r, k, string(fp), b.TransactionID, b.SubMchID)
	switch {
	case f == nil:
		return
	case sum > f.unsplit:
		s.failLocked(w, r, http.StatusForbidden, "NOT_ENOUGH", "分账金额超出订单待分账金额")
		return
	case (f.split+sum)*10000 > f.total*s.ratioLocked(b.SubMchID):
		s.failLocked(w, r, http.StatusBadRequest, "INVALID_REQUEST", "分账金额超出最大分账比例")
		return
	}
	for _, x := range b.Receivers {
		if !s.a.receivers[key(b.SubMchID, x.Type+"|"+x.Account)] {
			s.failLocked(w, r, http.StatusBadRequest, "INVALID_REQUEST", "分账接收方关系不存在，请先添加分账接收方: "+x.Account)
			return
		}
	}
	now := now3339()
	o := &psOrder{SubMchID: b.SubMchID, TransactionID: b.TransactionID, OutOrderNo: b.OutOrderNo,
		OrderID: "3008" + strconv.FormatInt(4000000000+s.seq.Add(1), 10), State: "PROCESSING", returned: map[string]int64{}}
	for _, x := range b.Receivers {
		o.Receivers = append(o.Receivers, &psDetail{Amount: x.Amount, Description: x.Description, Type: x.Type, Account: x.Account,
			Result: "PENDING", CreateTime: now, FinishTime: now, DetailID: "3600" + strconv.FormatInt(4000000000+s.seq.Add(1), 10)})
	}
	f.unsplit -= sum
	f.split += sum
	if *b.UnfreezeUnsplit && f.unsplit > 0 {
		o.Receivers = append(o.Receivers, s.unfreezeLineLocked(f, "解冻给分账方", now))
	}
	s.a.psOrders[k] = o
	s.a.fps["ps:"+k] = string(fp)
	s.replyLocked(w, r, o)
}

// psBeginLocked starts a split or an unfreeze under out_order_no key k:
// it answers a retry (same fingerprint fp) with the existing order, refuses a
// conflicting duplicate, and finds the frozen transaction of the payer sub.
// It returns nil when it has answered.
func (s *Server) psBeginLocked(w http.ResponseWriter, r *http.Request, k, fp, transactionID, sub string) *frozenTx {
	if ex := s.a.psOrders[k]; ex != nil {
		if s.a.fps["ps:"+k] != fp {
			s.failLocked(w, r, http.StatusBadRequest, "INVALID_REQUEST", "商户分账单号重复，且与原请求内容不一致")
		} else {
			s.replyLocked(w, r, ex)
		}
		return nil
	}
	f := s.a.frozen[transactionID]
	switch {
	case f == nil || f.sub != sub:
		s.failLocked(w, r, http.StatusNotFound, "RESOURCE_NOT_EXISTS", "订单不存在或不是分账订单")
		return nil
	case f.unsplit == 0:
		s.failLocked(w, r, http.StatusBadRequest, "INVALID_REQUEST", "订单无待分账金额")
		return nil
	}
	return f
}

// unfreezeLineLocked releases the rest of f to the paying merchant.
func (s *Server) unfreezeLineLocked(f *frozenTx, desc, now string) *psDetail {
	account := f.sub
	if account == "" {
		account = s.Opts.MchID
	}
	d := &psDetail{Amount: f.unsplit, Description: desc, Type: "MERCHANT_ID", Account: account, Result: "SUCCESS",
		CreateTime: now, FinishTime: now, DetailID: "3600" + strconv.FormatInt(4000000000+s.seq.Add(1), 10)}
	f.unsplit = 0
	return d
}

// replyLocked and failLocked answer while s.mu is held (reply takes it).
func (s *Server) replyLocked(w http.ResponseWriter, r *http.Request, v any) {
	b, _ := json.Marshal(v)
	s.mu.Unlock()
	defer s.mu.Lock()
	s.replyRaw(w, r, b)
}

func (s *Server) failLocked(w http.ResponseWriter, r *http.Request, status int, code, msg string) {
	s.mu.Unlock()
	defer s.mu.Lock()
	s.fail(w, r, status, code, msg)
}

// SettleProfitSharing completes a split: PENDING receivers succeed and the
// order is FINISHED. It returns one PROFITSHARING.SUCCESS resource per
// receiver (merchant: mchid; partner: sp_mchid and sub_mchid).
func (s *Server) SettleProfitSharing(payer, outOrderNo string) ([]map[string]any, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	o := s.a.psOrders[key(payer, outOrderNo)]
	if o == nil || o.State == "FINISHED" {
		return nil, false
	}
	now := now3339()
	var out []map[string]any
	for _, d := range o.Receivers {
		if d.Result != "PENDING" {
			continue
		}
		d.Result, d.FinishTime = "SUCCESS", now
		m := map[string]any{
			"transaction_id": o.TransactionID, "order_id": o.OrderID, "out_order_no": o.OutOrderNo, "success_time": now,
			"receiver": map[string]any{"type": d.Type, "account": d.Account, "amount": d.Amount, "description": d.Description},
		}
		if payer == "" {
			m["mchid"] = s.Opts.MchID
		} else {
			m["sp_mchid"], m["sub_mchid"] = s.Opts.MchID, payer
		}
		out = append(out, m)
	}
	o.State = "FINISHED"
	return out, true
}

func (s *Server) servePSQuery(w http.ResponseWriter, r *http.Request, outOrderNo string) {
	q := r.URL.Query()
	if q.Get("transaction_id") == "" {
		s.fail(w, r, http.StatusBadRequest, "PARAM_ERROR", "transaction_id必填")
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	o := s.a.psOrders[key(q.Get("sub_mchid"), outOrderNo)]
	if o == nil || o.TransactionID != q.Get("transaction_id") {
		s.failLocked(w, r, http.StatusNotFound, "RESOURCE_NOT_EXISTS", "分账单不存在")
		return
	}
	s.replyLocked(w, r, o)
}

func (s *Server) servePSUnfreeze(w http.ResponseWriter, r *http.Request, body []byte) {
	var b struct {
		SubMchID      string `json:"sub_mchid"`
		TransactionID string `json:"transaction_id"`
		OutOrderNo    string `json:"out_order_no"`
		Description   string `json:"description"`
	}
	if !s.decodeJSON(w, r, body, &b) {
		return
	}
	if b.TransactionID == "" || b.OutOrderNo == "" || b.Description == "" {
		s.fail(w, r, http.StatusBadRequest, "PARAM_ERROR", "transaction_id、out_order_no、description必填")
		return
	}
	if !s.psPayer(w, r, b.SubMchID) {
		return
	}
	fp, _ := json.Marshal(b)
	k := key(b.SubMchID, b.OutOrderNo)
	s.mu.Lock()
	defer s.mu.Unlock()
	f := s.psBeginLocked(w, r, k, string(fp), b.TransactionID, b.SubMchID)
	if f == nil {
		return
	}
	o := &psOrder{SubMchID: b.SubMchID, TransactionID: b.TransactionID, OutOrderNo: b.OutOrderNo,
		OrderID: "3008" + strconv.FormatInt(4000000000+s.seq.Add(1), 10), State: "FINISHED", returned: map[string]int64{}}
	o.Receivers = []*psDetail{s.unfreezeLineLocked(f, b.Description, now3339())}
	s.a.psOrders[k] = o
	s.a.fps["ps:"+k] = string(fp)
	s.replyLocked(w, r, o)
}

func (s *Server) servePSAmounts(w http.ResponseWriter, r *http.Request, transactionID string) {
	s.mu.Lock()
	f := s.a.frozen[transactionID]
	var unsplit int64
	if f != nil {
		unsplit = f.unsplit
	}
	s.mu.Unlock()
	if f == nil {
		s.fail(w, r, http.StatusNotFound, "RESOURCE_NOT_EXISTS", "订单不存在或不是分账订单")
		return
	}
	s.reply(w, r, http.StatusOK, map[string]any{"transaction_id": transactionID, "unsplit_amount": unsplit})
}

func (s *Server) servePSReturn(w http.ResponseWriter, r *http.Request, body []byte) {
	var b struct {
		SubMchID    string `json:"sub_mchid"`
		OrderID     string `json:"order_id"`
		OutOrderNo  string `json:"out_order_no"`
		OutReturnNo string `json:"out_return_no"`
		ReturnMchID string `json:"return_mchid"`
		Amount      int64  `json:"amount"`
		Description string `json:"description"`
	}
	if !s.decodeJSON(w, r, body, &b) {
		return
	}
	if b.OutReturnNo == "" || b.ReturnMchID == "" || b.Description == "" || b.Amount <= 0 || (b.OrderID == "") == (b.OutOrderNo == "") {
		s.fail(w, r, http.StatusBadRequest, "PARAM_ERROR", "out_return_no、return_mchid、amount、description必填，order_id与out_order_no二选一")
		return
	}
	if !s.psPayer(w, r, b.SubMchID) {
		return
	}
	fp, _ := json.Marshal(b)
	k := key(b.SubMchID, b.OutReturnNo)
	s.mu.Lock()
	defer s.mu.Unlock()
	if ex := s.a.psReturns[k]; ex != nil {
		if s.a.fps["ret:"+k] != string(fp) {
			s.failLocked(w, r, http.StatusBadRequest, "INVALID_REQUEST", "商户回退单号重复，且与原回退内容不一致")
			return
		}
		s.replyLocked(w, r, ex)
		return
	}
	var o *psOrder
	for _, x := range s.a.psOrders {
		if x.SubMchID == b.SubMchID && (x.OutOrderNo == b.OutOrderNo || x.OrderID == b.OrderID) {
			o = x
		}
	}
	if o == nil {
		s.failLocked(w, r, http.StatusNotFound, "RESOURCE_NOT_EXISTS", "分账单不存在")
		return
	}
	var split int64
	for _, d := range o.Receivers {
		if d.Type == "MERCHANT_ID" && d.Account == b.ReturnMchID && d.Result == "SUCCESS" && d.Description != "解冻给分账方" {
			split += d.Amount
		}
	}
	if split == 0 {
		s.failLocked(w, r, http.StatusBadRequest, "INVALID_REQUEST", "回退方不是该分账单已成功分账的商户接收方")
		return
	}
	if b.Amount > split-o.returned[b.ReturnMchID] {
		s.failLocked(w, r, http.StatusForbidden, "NOT_ENOUGH", "回退金额超过可回退金额")
		return
	}
	o.returned[b.ReturnMchID] += b.Amount
	now := now3339()
	ret := &psReturn{SubMchID: b.SubMchID, OrderID: o.OrderID, OutOrderNo: o.OutOrderNo, OutReturnNo: b.OutReturnNo,
		ReturnID: "3008" + strconv.FormatInt(5000000000+s.seq.Add(1), 10), ReturnMchID: b.ReturnMchID, Amount: b.Amount,
		Description: b.Description, Result: "SUCCESS", CreateTime: now, FinishTime: now}
	s.a.psReturns[k] = ret
	s.a.fps["ret:"+k] = string(fp)
	s.replyLocked(w, r, ret)
}

func (s *Server) servePSReturnQuery(w http.ResponseWriter, r *http.Request, outReturnNo string) {
	q := r.URL.Query()
	if q.Get("out_order_no") == "" {
		s.fail(w, r, http.StatusBadRequest, "PARAM_ERROR", "out_order_no必填")
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	ret := s.a.psReturns[key(q.Get("sub_mchid"), outReturnNo)]
	if ret == nil || ret.OutOrderNo != q.Get("out_order_no") {
		s.failLocked(w, r, http.StatusNotFound, "RESOURCE_NOT_EXISTS", "回退单不存在")
		return
	}
	s.replyLocked(w, r, ret)
}

func (s *Server) servePSReceiver(w http.ResponseWriter, r *http.Request, body []byte, add bool) {
	var b struct {
		SubMchID       string `json:"sub_mchid,omitempty"`
		AppID          string `json:"appid,omitempty"`
		SubAppID       string `json:"sub_appid,omitempty"`
		Type           string `json:"type"`
		Account        string `json:"account"`
		Name           string `json:"name,omitempty"`
		RelationType   string `json:"relation_type,omitempty"`
		CustomRelation string `json:"custom_relation,omitempty"`
	}
	if !s.decodeJSON(w, r, body, &b) {
		return
	}
	bad := func(msg string) { s.fail(w, r, http.StatusBadRequest, "PARAM_ERROR", msg) }
	switch {
	case b.AppID == "" || !receiverTypes[b.Type] || b.Account == "":
		bad("appid、type、account必填")
		return
	case b.Type == "PERSONAL_SUB_OPENID" && (b.SubMchID == "" || b.SubAppID == ""):
		bad("PERSONAL_SUB_OPENID需要sub_mchid与sub_appid")
		return
	case add && b.RelationType == "":
		bad("relation_type必填")
		return
	case add && b.RelationType == "CUSTOM" && b.CustomRelation == "":
		bad("relation_type为CUSTOM时custom_relation必填")
		return
	case add && b.Type == "MERCHANT_ID" && b.Name == "":
		bad("接收方类型为MERCHANT_ID时name必填")
		return
	}
	if !s.psPayer(w, r, b.SubMchID) {
		return
	}
	if add && b.Name != "" {
		if _, ok := s.sensitive(w, r, "name", b.Name); !ok {
			return
		}
	}
	s.mu.Lock()
	k := key(b.SubMchID, b.Type+"|"+b.Account)
	if add {
		s.a.receivers[k] = true
	} else {
		delete(s.a.receivers, k)
	}
	s.mu.Unlock()
	b.AppID, b.SubAppID = "", ""
	if !add {
		b.Name, b.RelationType, b.CustomRelation = "", "", ""
	}
	s.reply(w, r, http.StatusOK, b)
}
