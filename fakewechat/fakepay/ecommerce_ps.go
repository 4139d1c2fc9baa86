package fakepay

import (
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
)

// ecomMore is the state of e-commerce profit sharing, subsidies and
// applications (ecommerce_ps.go, ecommerce_more.go).
type ecomMore struct {
	splits     map[string]*ecomSplit     // by key(sub, out_order_no)
	returns    map[string]*ecomReturn    // by key(sub, out_return_no)
	receivers  map[string]bool           // by type|account: the platform's receivers
	subsidies  map[string]*ecomSubsidy   // by transaction_id
	subReturns map[string]*ecomSubReturn // by key(sub, out_order_no)
	applyments map[int64]map[string]any  // by applyment_id
	fps        map[string]string         // request fingerprints, by kind:key
}

func (c *stateC) ecomMore() *ecomMore {
	e := c.ecom()
	if e.more == nil {
		e.more = &ecomMore{splits: map[string]*ecomSplit{}, returns: map[string]*ecomReturn{}, receivers: map[string]bool{},
			subsidies: map[string]*ecomSubsidy{}, subReturns: map[string]*ecomSubReturn{}, applyments: map[int64]map[string]any{},
			fps: map[string]string{}}
	}
	return e.more
}

type ecomSplitDetail struct {
	ReceiverMchID   string `json:"receiver_mchid,omitempty"`
	ReceiverAccount string `json:"receiver_account"`
	Type            string `json:"type"`
	Amount          int64  `json:"amount"`
	Description     string `json:"description"`
	Result          string `json:"result"`
	FinishTime      string `json:"finish_time"`
	DetailID        string `json:"detail_id"`
}

// ecomSplit is a split or a finish, rendered like the query.
type ecomSplit struct {
	SubMchID          string             `json:"sub_mchid"`
	TransactionID     string             `json:"transaction_id"`
	OutOrderNo        string             `json:"out_order_no"`
	OrderID           string             `json:"order_id"`
	Status            string             `json:"status"`
	Receivers         []*ecomSplitDetail `json:"receivers,omitempty"`
	FinishAmount      int64              `json:"finish_amount,omitempty"`
	FinishDescription string             `json:"finish_description,omitempty"`

	returned map[string]int64 // by return_mchid
}

type ecomReturn struct {
	SubMchID    string `json:"sub_mchid"`
	OrderID     string `json:"order_id"`
	OutOrderNo  string `json:"out_order_no"`
	OutReturnNo string `json:"out_return_no"`
	ReturnMchID string `json:"return_mchid"`
	ReturnNo    string `json:"return_no"`
	Amount      int64  `json:"amount"`
	Result      string `json:"result"`
	FinishTime  string `json:"finish_time"`
}

func init() { routes = append(routes, (*Server).routeEcommercePS) }

func (s *Server) routeEcommercePS(w http.ResponseWriter, r *http.Request, body []byte) bool {
	rest, ok := strings.CutPrefix(r.URL.Path, "/v3/ecommerce/")
	if !ok {
		return false
	}
	get, post := r.Method == http.MethodGet, r.Method == http.MethodPost
	switch {
	case post && rest == "profitsharing/orders":
		s.serveEcomSplit(w, r, body)
	case get && rest == "profitsharing/orders":
		s.serveEcomSplitQuery(w, r)
	case post && rest == "profitsharing/finish-order":
		s.serveEcomFinish(w, r, body)
	case get && strings.HasPrefix(rest, "profitsharing/orders/") && strings.HasSuffix(rest, "/amounts"):
		s.serveEcomAmounts(w, r, strings.TrimSuffix(strings.TrimPrefix(rest, "profitsharing/orders/"), "/amounts"))
	case post && rest == "profitsharing/returnorders":
		s.serveEcomReturn(w, r, body)
	case get && rest == "profitsharing/returnorders":
		s.serveEcomReturnQuery(w, r)
	case post && (rest == "profitsharing/receivers/add" || rest == "profitsharing/receivers/delete"):
		s.serveEcomReceiver(w, r, body, rest == "profitsharing/receivers/add")
	default:
		return s.routeEcommerceMore(w, r, rest, body)
	}
	return true
}

// orderNo reports whether s is a valid out_order_no / out_return_no.
func orderNo(s string) bool {
	return s != "" && len(s) <= 64 && strings.Trim(s, "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_-|*@") == ""
}

// ecomBegin answers 400 PARAM_ERROR msg unless valid, then checks the
// served sub-merchant sub; it returns the fingerprint of the request b (to
// tell a retry from a conflicting duplicate) and whether to go on.
func (s *Server) ecomBegin(w http.ResponseWriter, r *http.Request, valid bool, msg, sub string, b any) (string, bool) {
	if !valid {
		s.fail(w, r, http.StatusBadRequest, "PARAM_ERROR", msg)
		return "", false
	}
	if !s.knownSub(w, r, sub) {
		return "", false
	}
	fp, _ := json.Marshal(b)
	return string(fp), true
}

// ecomFrozenLocked finds the frozen order transactionID of sub, or answers
// 404 itself.
func (s *Server) ecomFrozenLocked(w http.ResponseWriter, r *http.Request, sub, transactionID string) *frozenTx {
	f := s.a.frozen[transactionID]
	if f == nil || f.sub != sub {
		s.failLocked(w, r, http.StatusNotFound, "RESOURCE_NOT_EXISTS", "订单不存在或不是分账订单")
		return nil
	}
	return f
}

// ecomRepeatLocked answers a repeated request of kind under key k: the
// stored answer when fp is the same, 400 INVALID_REQUEST otherwise. It
// reports whether it answered.
func (s *Server) ecomRepeatLocked(w http.ResponseWriter, r *http.Request, kind, k, fp string, answer any) bool {
	if s.c.ecomMore().fps[kind+":"+k] != fp {
		s.failLocked(w, r, http.StatusBadRequest, "INVALID_REQUEST", "商户单号重复,且与原请求内容不一致")
	} else {
		s.replyLocked(w, r, answer)
	}
	return true
}

func (s *Server) serveEcomSplit(w http.ResponseWriter, r *http.Request, body []byte) {
	var b struct {
		AppID         string `json:"appid"`
		SubMchID      string `json:"sub_mchid"`
		TransactionID string `json:"transaction_id"`
		OutOrderNo    string `json:"out_order_no"`
		Finish        *bool  `json:"finish"`
		Receivers     []struct {
			Type            string `json:"type"`
			ReceiverAccount string `json:"receiver_account"`
			ReceiverName    string `json:"receiver_name"`
			Amount          int64  `json:"amount"`
			Description     string `json:"description"`
		} `json:"receivers"`
	}
	if !s.decodeJSON(w, r, body, &b) {
		return
	}
	bad := func(msg string) { s.fail(w, r, http.StatusBadRequest, "PARAM_ERROR", msg) }
	if b.SubMchID == "" || b.TransactionID == "" || !orderNo(b.OutOrderNo) || b.Finish == nil || len(b.Receivers) == 0 || len(b.Receivers) > 50 {
		bad("sub_mchid、transaction_id、out_order_no、finish必填,receivers为1-50个")
		return
	}
	var sum int64
	for i := range b.Receivers {
		x := &b.Receivers[i]
		switch {
		case (x.Type != "MERCHANT_ID" && x.Type != "PERSONAL_OPENID") || x.ReceiverAccount == "" || x.Amount <= 0 || x.Description == "" || len(x.Description) > 80*3:
			bad("分账接收方type、receiver_account、amount、description必填")
			return
		case x.Type == "PERSONAL_OPENID" && b.AppID == "":
			bad("接收方类型为PERSONAL_OPENID时appid必填")
			return
		}
		if x.ReceiverName != "" {
			name, ok := s.sensitive(w, r, "receiver_name", x.ReceiverName)
			if !ok {
				return
			}
			x.ReceiverName = name
		}
		sum += x.Amount
	}
	fp, ok := s.ecomBegin(w, r, true, "", b.SubMchID, b)
	if !ok {
		return
	}
	k := key(b.SubMchID, b.OutOrderNo)
	s.mu.Lock()
	defer s.mu.Unlock()
	m := s.c.ecomMore()
	if ex := m.splits[k]; ex != nil && s.ecomRepeatLocked(w, r, "split", k, string(fp), ex) {
		return
	}
	f := s.ecomFrozenLocked(w, r, b.SubMchID, b.TransactionID)
	switch {
	case f == nil:
		return
	case sum > f.unsplit:
		s.failLocked(w, r, http.StatusForbidden, "NOT_ENOUGH", "分账金额不足")
		return
	}
	for _, x := range b.Receivers {
		if x.ReceiverAccount != b.SubMchID && x.ReceiverAccount != s.Opts.MchID && !m.receivers[x.Type+"|"+x.ReceiverAccount] {
			s.failLocked(w, r, http.StatusBadRequest, "INVALID_REQUEST", "分账接收方关系不存在,请检查参数中每个接收方的关系: "+x.ReceiverAccount)
			return
		}
	}
	now := now3339()
	o := &ecomSplit{SubMchID: b.SubMchID, TransactionID: b.TransactionID, OutOrderNo: b.OutOrderNo,
		OrderID: "3008" + strconv.FormatInt(6000000000+s.seq.Add(1), 10), Status: "PROCESSING", returned: map[string]int64{}}
	for _, x := range b.Receivers {
		d := &ecomSplitDetail{ReceiverAccount: x.ReceiverAccount, Type: x.Type, Amount: x.Amount, Description: x.Description,
			Result: "PENDING", FinishTime: now, DetailID: "3600" + strconv.FormatInt(6000000000+s.seq.Add(1), 10)}
		if x.Type == "MERCHANT_ID" {
			d.ReceiverMchID = x.ReceiverAccount
		}
		o.Receivers = append(o.Receivers, d)
	}
	f.unsplit -= sum
	f.split += sum
	if *b.Finish {
		f.unsplit = 0
	}
	m.splits[k] = o
	m.fps["split:"+k] = string(fp)
	s.replyLocked(w, r, o)
}

// SettleEcommerceProfitSharing completes an e-commerce split as WeChat Pay
// would: its PENDING receivers succeed and it is FINISHED. It reports
// whether the split exists.
func (s *Server) SettleEcommerceProfitSharing(subMchID, outOrderNo string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	o := s.c.ecomMore().splits[key(subMchID, outOrderNo)]
	if o == nil {
		return false
	}
	now := now3339()
	for _, d := range o.Receivers {
		if d.Result == "PENDING" {
			d.Result, d.FinishTime = "SUCCESS", now
		}
	}
	o.Status = "FINISHED"
	return true
}

func (s *Server) serveEcomSplitQuery(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	if q.Get("transaction_id") == "" || q.Get("out_order_no") == "" {
		s.fail(w, r, http.StatusBadRequest, "PARAM_ERROR", "sub_mchid、transaction_id、out_order_no必填")
		return
	}
	sub, ok := s.subQuery(w, r)
	if !ok {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	o := s.c.ecomMore().splits[key(sub, q.Get("out_order_no"))]
	if o == nil || o.TransactionID != q.Get("transaction_id") {
		s.failLocked(w, r, http.StatusNotFound, "RESOURCE_NOT_EXISTS", "分账单不存在")
		return
	}
	s.replyLocked(w, r, o)
}

func (s *Server) serveEcomFinish(w http.ResponseWriter, r *http.Request, body []byte) {
	var b struct {
		SubMchID      string `json:"sub_mchid"`
		TransactionID string `json:"transaction_id"`
		OutOrderNo    string `json:"out_order_no"`
		Description   string `json:"description"`
	}
	if !s.decodeJSON(w, r, body, &b) {
		return
	}
	fp, ok := s.ecomBegin(w, r, b.SubMchID != "" && b.TransactionID != "" && orderNo(b.OutOrderNo) && b.Description != "",
		"sub_mchid、transaction_id、out_order_no、description必填", b.SubMchID, b)
	if !ok {
		return
	}
	k := key(b.SubMchID, b.OutOrderNo)
	s.mu.Lock()
	defer s.mu.Unlock()
	m := s.c.ecomMore()
	answer := func(o *ecomSplit) map[string]string {
		return map[string]string{"sub_mchid": o.SubMchID, "transaction_id": o.TransactionID, "out_order_no": o.OutOrderNo, "order_id": o.OrderID}
	}
	if ex := m.splits[k]; ex != nil && s.ecomRepeatLocked(w, r, "split", k, string(fp), answer(ex)) {
		return
	}
	f := s.ecomFrozenLocked(w, r, b.SubMchID, b.TransactionID)
	switch {
	case f == nil:
		return
	case f.unsplit == 0:
		s.failLocked(w, r, http.StatusForbidden, "NOT_ENOUGH", "分账金额不足")
		return
	}
	o := &ecomSplit{SubMchID: b.SubMchID, TransactionID: b.TransactionID, OutOrderNo: b.OutOrderNo,
		OrderID: "3008" + strconv.FormatInt(6000000000+s.seq.Add(1), 10), Status: "FINISHED",
		FinishAmount: f.unsplit, FinishDescription: b.Description, returned: map[string]int64{}}
	f.unsplit = 0
	m.splits[k] = o
	m.fps["split:"+k] = string(fp)
	s.replyLocked(w, r, answer(o))
}

func (s *Server) serveEcomAmounts(w http.ResponseWriter, r *http.Request, transactionID string) {
	s.mu.Lock()
	f := s.a.frozen[transactionID]
	var unsplit int64
	if f != nil {
		unsplit = f.unsplit
	}
	s.mu.Unlock()
	if f == nil || f.sub == "" {
		s.fail(w, r, http.StatusBadRequest, "INVALID_REQUEST", "非分账订单不支持此查询")
		return
	}
	s.reply(w, r, http.StatusOK, map[string]any{"transaction_id": transactionID, "unsplit_amount": unsplit})
}

func (s *Server) serveEcomReturn(w http.ResponseWriter, r *http.Request, body []byte) {
	var b struct {
		SubMchID      string `json:"sub_mchid"`
		OrderID       string `json:"order_id"`
		OutOrderNo    string `json:"out_order_no"`
		OutReturnNo   string `json:"out_return_no"`
		ReturnMchID   string `json:"return_mchid"`
		Amount        int64  `json:"amount"`
		Description   string `json:"description"`
		TransactionID string `json:"transaction_id"`
	}
	if !s.decodeJSON(w, r, body, &b) {
		return
	}
	fp, ok := s.ecomBegin(w, r, b.SubMchID != "" && orderNo(b.OutReturnNo) && b.ReturnMchID != "" && b.Description != "" && b.Amount > 0 && (b.OrderID == "") != (b.OutOrderNo == ""),
		"sub_mchid、out_return_no、return_mchid、amount、description必填,order_id与out_order_no二选一", b.SubMchID, b)
	if !ok {
		return
	}
	k := key(b.SubMchID, b.OutReturnNo)
	s.mu.Lock()
	defer s.mu.Unlock()
	m := s.c.ecomMore()
	if ex := m.returns[k]; ex != nil && s.ecomRepeatLocked(w, r, "return", k, string(fp), ex) {
		return
	}
	o := m.splits[key(b.SubMchID, b.OutOrderNo)]
	if b.OrderID != "" {
		o = nil
		for _, x := range m.splits {
			if x.SubMchID == b.SubMchID && x.OrderID == b.OrderID {
				o = x
			}
		}
	}
	if o == nil || o.Receivers == nil {
		s.failLocked(w, r, http.StatusNotFound, "RESOURCE_NOT_EXISTS", "分账单不存在")
		return
	}
	var split int64
	for _, d := range o.Receivers {
		if d.Type == "MERCHANT_ID" && d.ReceiverAccount == b.ReturnMchID && d.Result == "SUCCESS" {
			split += d.Amount
		}
	}
	switch {
	case split == 0:
		s.failLocked(w, r, http.StatusBadRequest, "INVALID_REQUEST", "回退方不是该分账单已分账成功的商户接收方")
		return
	case b.Amount > split-o.returned[b.ReturnMchID]:
		s.failLocked(w, r, http.StatusForbidden, "NOT_ENOUGH", "回退金额超过可回退金额")
		return
	}
	o.returned[b.ReturnMchID] += b.Amount
	ret := &ecomReturn{SubMchID: b.SubMchID, OrderID: o.OrderID, OutOrderNo: o.OutOrderNo, OutReturnNo: b.OutReturnNo,
		ReturnMchID: b.ReturnMchID, ReturnNo: "3008" + strconv.FormatInt(7000000000+s.seq.Add(1), 10), Amount: b.Amount,
		Result: "SUCCESS", FinishTime: now3339()}
	m.returns[k] = ret
	m.fps["return:"+k] = string(fp)
	s.replyLocked(w, r, ret)
}

func (s *Server) serveEcomReturnQuery(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	if q.Get("out_return_no") == "" || (q.Get("order_id") == "") == (q.Get("out_order_no") == "") {
		s.fail(w, r, http.StatusBadRequest, "PARAM_ERROR", "sub_mchid、out_return_no必填,order_id与out_order_no二选一")
		return
	}
	sub, ok := s.subQuery(w, r)
	if !ok {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	ret := s.c.ecomMore().returns[key(sub, q.Get("out_return_no"))]
	if ret == nil || (q.Has("order_id") && ret.OrderID != q.Get("order_id")) || (q.Has("out_order_no") && ret.OutOrderNo != q.Get("out_order_no")) {
		s.failLocked(w, r, http.StatusNotFound, "RESOURCE_NOT_EXISTS", "回退单不存在")
		return
	}
	s.replyLocked(w, r, ret)
}

var ecomRelations = map[string]bool{"SUPPLIER": true, "DISTRIBUTOR": true, "SERVICE_PROVIDER": true, "PLATFORM": true, "OTHERS": true}

func (s *Server) serveEcomReceiver(w http.ResponseWriter, r *http.Request, body []byte, add bool) {
	var b struct {
		AppID        string `json:"appid"`
		Type         string `json:"type"`
		Account      string `json:"account"`
		Name         string `json:"name"`
		RelationType string `json:"relation_type"`
	}
	if !s.decodeJSON(w, r, body, &b) {
		return
	}
	bad := func(msg string) { s.fail(w, r, http.StatusBadRequest, "PARAM_ERROR", msg) }
	switch {
	case (b.Type != "MERCHANT_ID" && b.Type != "PERSONAL_OPENID") || b.Account == "":
		bad("type、account必填")
		return
	case b.Type == "PERSONAL_OPENID" && b.AppID == "":
		bad("接收方类型为PERSONAL_OPENID时appid必填")
		return
	case add && !ecomRelations[b.RelationType]:
		bad("relation_type取值错误")
		return
	case add && b.Type == "MERCHANT_ID" && b.Name == "":
		bad("接收方类型为MERCHANT_ID时name必填")
		return
	}
	s.mu.Lock()
	m, k := s.c.ecomMore(), b.Type+"|"+b.Account
	known := m.receivers[k]
	if add {
		m.receivers[k] = true
	} else {
		delete(m.receivers, k)
	}
	s.mu.Unlock()
	if !add && !known {
		s.fail(w, r, http.StatusBadRequest, "INVALID_REQUEST", "分账接收方不存在")
		return
	}
	s.reply(w, r, http.StatusOK, map[string]string{"type": b.Type, "account": b.Account})
}
