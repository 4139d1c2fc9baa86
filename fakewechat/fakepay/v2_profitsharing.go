// # v2 profit sharing (XML)
//
// The v2 profit-sharing APIs (v2_profitsharing.go) share their state with
// the v3 ones: an order paid with profit_sharing Y (v2) or
// settle_info.profit_sharing (v3) is frozen; receivers, splits and returns
// are the same. Rules, as WeChat Pay states them:
//
//   - Every request is signed HMAC-SHA256 (another sign_type: return_code
//     FAIL). profitsharing, multiprofitsharing, profitsharingfinish and
//     profitsharingreturn need the merchant certificate. sub_mch_id, when
//     given, must be a served sub-merchant (AddSubMerchant): NOAUTH.
//   - Failures of profitsharing, multiprofitsharing, profitsharingquery,
//     the receiver APIs and profitsharingfinish are result_code FAIL with
//     err_code; those of profitsharingreturn, profitsharingreturnquery and
//     profitsharingorderamountquery return_code FAIL with error_code and
//     error_msg; those of profitsharingmerchantratioquery return_code FAIL
//     with err_code and err_msg, as the docs print them.
//   - A split needs appid, transaction_id, out_order_no and receivers, a
//     JSON array of 1 to 50 {type, account, amount, description} (type
//     MERCHANT_ID, PERSONAL_OPENID or PERSONAL_SUB_OPENID): PARAM_ERROR.
//     A transaction that is not a frozen profit-sharing order is
//     NOT_SHARE_ORDER; one with nothing left INVALID_REQUEST; more than
//     the unsplit amount NOTENOUGH; more than the payer's maximum ratio
//     (SetMaxRatio, default 30%) INVALID_REQUEST; a receiver not added
//     before INVALID_REQUEST. The single split refuses the payer itself as
//     a receiver (PARAM_ERROR) and unfreezes the rest at once; the multiple
//     split may pay the payer itself and keeps the rest. The same
//     out_order_no with the same content answers the split again, other
//     content INVALID_REQUEST. Receivers stay PENDING until
//     SettleProfitSharing.
//   - profitsharingfinish (appid, transaction_id, out_order_no, amount,
//     description) unfreezes what is left; nothing left is INVALID_REQUEST.
//   - profitsharingquery answers status, receivers (JSON, with result,
//     detail_id and finish_time yyyyMMddHHmmss) and, for a finish, amount
//     and description.
//   - profitsharingaddreceiver needs receiver, a JSON {type, account,
//     name, relation_type, custom_relation}: name for MERCHANT_ID,
//     custom_relation (at most 10 characters) for relation_type CUSTOM.
//   - profitsharingreturn takes back at most what a split paid a merchant
//     receiver (settled SUCCESS) less earlier returns: NOTENOUGH;
//     return_account_type is MERCHANT_ID. Returns succeed at once.
//   - profitsharingmerchantratioquery takes sub_mch_id or brand_mch_id (a
//     served sub-merchant) and answers its max_ratio.
package fakepay

import (
	"encoding/json"
	"strconv"
	"unicode/utf8"
)

func init() {
	split := v2Route{h: (*Server).v2PSSplit, hmac: true, cert: true}
	v2Routes["/secapi/pay/profitsharing"] = split
	v2Routes["/secapi/pay/multiprofitsharing"] = split
	v2Routes["/pay/profitsharingquery"] = v2Route{h: (*Server).v2PSQuery, hmac: true}
	v2Routes["/pay/profitsharingaddreceiver"] = v2Route{h: (*Server).v2PSReceiver, hmac: true}
	v2Routes["/pay/profitsharingremovereceiver"] = v2Route{h: (*Server).v2PSReceiver, hmac: true}
	v2Routes["/secapi/pay/profitsharingfinish"] = v2Route{h: (*Server).v2PSFinish, hmac: true, cert: true}
	v2Routes["/secapi/pay/profitsharingreturn"] = v2Route{h: (*Server).v2PSReturn, hmac: true, cert: true, style: failReturnError}
	v2Routes["/pay/profitsharingreturnquery"] = v2Route{h: (*Server).v2PSReturnQuery, hmac: true, style: failReturnError}
	v2Routes["/pay/profitsharingorderamountquery"] = v2Route{h: (*Server).v2PSAmount, hmac: true, style: failReturnError}
	v2Routes["/pay/profitsharingmerchantratioquery"] = v2Route{h: (*Server).v2PSRatio, hmac: true, style: failReturnErr}
}

// lockV2PSPayer locks s.mu and returns v2PSPayerLocked; when that
// answered (ok false) the lock is released again.
func (s *Server) lockV2PSPayer(c *v2Call) (sub, account string, ok bool) {
	s.mu.Lock()
	sub, account, ok = s.v2PSPayerLocked(c)
	if !ok {
		s.mu.Unlock()
	}
	return sub, account, ok
}

// v2PSPayerLocked returns the paying merchant of a profit-sharing call
// ("" for the merchant itself, or its served sub_mch_id) and its account;
// ok is false when it answered NOAUTH.
func (s *Server) v2PSPayerLocked(c *v2Call) (sub, account string, ok bool) {
	sub = c.m["sub_mch_id"]
	if sub != "" && !s.a.subs[sub] {
		c.fail("NOAUTH", "非服务商下的签约子商户: "+sub)
		return "", "", false
	}
	if sub == "" {
		return "", c.mch.MchID, true
	}
	return sub, sub, true
}

// v2PSAnswer renders a split or finish as the split APIs answer it.
func v2PSAnswer(o *psOrder) map[string]string {
	return map[string]string{"transaction_id": o.TransactionID, "out_order_no": o.OutOrderNo, "order_id": o.OrderID, "sub_mch_id": o.SubMchID}
}

func (s *Server) v2PSSplit(c *v2Call) {
	m := c.m
	if c.missing("PARAM_ERROR", "appid", "transaction_id", "out_order_no", "receivers") {
		return
	}
	var rs []struct {
		Type        string `json:"type"`
		Account     string `json:"account"`
		Amount      int64  `json:"amount"`
		Description string `json:"description"`
	}
	if json.Unmarshal([]byte(m["receivers"]), &rs) != nil || len(rs) == 0 || len(rs) > 50 {
		c.fail("PARAM_ERROR", "receivers参数格式错误: 1-50个分账接收方的JSON数组")
		return
	}
	for _, r := range rs {
		if !receiverTypes[r.Type] || r.Account == "" || r.Amount <= 0 || r.Description == "" {
			c.fail("PARAM_ERROR", "分账接收方type、account、amount、description必填")
			return
		}
	}
	single := c.r.URL.Path == "/secapi/pay/profitsharing"
	sub, payer, ok := s.lockV2PSPayer(c)
	if !ok {
		return
	}
	defer s.mu.Unlock()
	k := key(sub, m["out_order_no"])
	fp := c.r.URL.Path + "?" + fingerprint(m, "transaction_id", "receivers")
	if s.v2PSRetryLocked(c, k, fp) {
		return
	}
	var sum, others int64
	for _, r := range rs {
		sum += r.Amount
		self := r.Type == "MERCHANT_ID" && r.Account == payer
		if self && single {
			c.fail("PARAM_ERROR", "单次分账不能设置分账方作为分账接收方")
			return
		}
		if !self {
			others += r.Amount
		}
	}
	f := s.v2FrozenLocked(c, sub)
	switch {
	case f == nil:
		return
	case sum > f.unsplit:
		c.fail("NOTENOUGH", "分账金额超出订单待分账金额")
		return
	case (f.split+others)*10000 > f.total*s.ratioLocked(sub):
		c.fail("INVALID_REQUEST", "分账金额超出最大分账比例")
		return
	}
	for _, r := range rs {
		if !(r.Type == "MERCHANT_ID" && r.Account == payer) && !s.a.receivers[key(sub, r.Type+"|"+r.Account)] {
			c.fail("INVALID_REQUEST", "分账接收方关系不存在，请先添加分账接收方: "+r.Account)
			return
		}
	}
	now := now3339()
	o := s.newV2PSOrderLocked(sub, m, "PROCESSING")
	for _, r := range rs {
		o.Receivers = append(o.Receivers, &psDetail{Amount: r.Amount, Description: r.Description, Type: r.Type, Account: r.Account,
			Result: "PENDING", CreateTime: now, FinishTime: now, DetailID: "3600" + strconv.FormatInt(4000000000+s.seq.Add(1), 10)})
	}
	f.unsplit -= sum
	f.split += others
	if single && f.unsplit > 0 {
		o.Receivers = append(o.Receivers, s.unfreezeLineLocked(f, "解冻给分账方", now))
	}
	s.v2PSStoreLocked(c, k, fp, o)
}

func (s *Server) v2PSFinish(c *v2Call) {
	m := c.m
	if c.missing("PARAM_ERROR", "appid", "transaction_id", "out_order_no", "amount", "description") {
		return
	}
	if n, err := strconv.ParseInt(m["amount"], 10, 64); err != nil || n < 0 {
		c.fail("PARAM_ERROR", "amount参数错误")
		return
	}
	sub, _, ok := s.lockV2PSPayer(c)
	if !ok {
		return
	}
	defer s.mu.Unlock()
	k := key(sub, m["out_order_no"])
	fp := c.r.URL.Path + "?" + fingerprint(m, "transaction_id", "amount", "description")
	if s.v2PSRetryLocked(c, k, fp) {
		return
	}
	f := s.v2FrozenLocked(c, sub)
	if f == nil {
		return
	}
	o := s.newV2PSOrderLocked(sub, m, "FINISHED")
	o.Receivers = []*psDetail{s.unfreezeLineLocked(f, m["description"], now3339())}
	s.a.fps["v2fin:"+k] = "1"
	s.v2PSStoreLocked(c, k, fp, o)
}

// v2PSRetryLocked answers a split or finish whose out_order_no key k is
// already used: the same content fp gets the first answer, other content
// INVALID_REQUEST. It reports whether it answered.
func (s *Server) v2PSRetryLocked(c *v2Call, k, fp string) bool {
	ex := s.a.psOrders[k]
	switch {
	case ex == nil:
		return false
	case s.a.fps["v2ps:"+k] != fp:
		c.fail("INVALID_REQUEST", "商户分账单号重复，且与原请求内容不一致")
	default:
		c.ok(v2PSAnswer(ex))
	}
	return true
}

// v2FrozenLocked returns the frozen profit-sharing order of the request's
// transaction_id paid to sub, or nil when it answered NOT_SHARE_ORDER
// (none) or INVALID_REQUEST (nothing left to split).
func (s *Server) v2FrozenLocked(c *v2Call, sub string) *frozenTx {
	f := s.a.frozen[c.m["transaction_id"]]
	switch {
	case f == nil || f.sub != sub:
		c.fail("NOT_SHARE_ORDER", "非分账订单不支持分账")
		return nil
	case f.unsplit == 0:
		c.fail("INVALID_REQUEST", "订单已完结或无待分账金额")
		return nil
	}
	return f
}

func (s *Server) newV2PSOrderLocked(sub string, m map[string]string, state string) *psOrder {
	return &psOrder{SubMchID: sub, TransactionID: m["transaction_id"], OutOrderNo: m["out_order_no"],
		OrderID: "3008" + strconv.FormatInt(4000000000+s.seq.Add(1), 10), State: state, returned: map[string]int64{}}
}

// v2PSStoreLocked keeps o under k with its request fingerprint and answers it.
func (s *Server) v2PSStoreLocked(c *v2Call, k, fp string, o *psOrder) {
	s.a.psOrders[k] = o
	s.a.fps["v2ps:"+k] = fp
	c.ok(v2PSAnswer(o))
}

func (s *Server) v2PSQuery(c *v2Call) {
	if c.missing("PARAM_ERROR", "transaction_id", "out_order_no") {
		return
	}
	sub, _, ok := s.lockV2PSPayer(c)
	if !ok {
		return
	}
	defer s.mu.Unlock()
	k := key(sub, c.m["out_order_no"])
	o := s.a.psOrders[k]
	if o == nil || o.TransactionID != c.m["transaction_id"] {
		c.fail("PARAM_ERROR", "分账单不存在")
		return
	}
	out := v2PSAnswer(o)
	out["status"] = o.State
	if s.a.fps["v2fin:"+k] != "" {
		out["amount"], out["description"] = strconv.FormatInt(o.Receivers[0].Amount, 10), o.Receivers[0].Description
	} else {
		type line struct {
			Type        string `json:"type"`
			Account     string `json:"account"`
			Amount      int64  `json:"amount"`
			Description string `json:"description"`
			Result      string `json:"result"`
			FinishTime  string `json:"finish_time"`
			FailReason  string `json:"fail_reason,omitempty"`
			DetailID    string `json:"detail_id"`
		}
		var ls []line
		for _, d := range o.Receivers {
			ls = append(ls, line{d.Type, d.Account, d.Amount, d.Description, d.Result, v2Time(d.FinishTime), d.FailReason, d.DetailID})
		}
		b, _ := json.Marshal(ls)
		out["receivers"] = string(b)
	}
	c.ok(out)
}

var v2RelationTypes = map[string]bool{"SERVICE_PROVIDER": true, "STORE": true, "STAFF": true, "STORE_OWNER": true, "PARTNER": true,
	"HEADQUARTER": true, "BRAND": true, "DISTRIBUTOR": true, "USER": true, "SUPPLIER": true, "CUSTOM": true}

func (s *Server) v2PSReceiver(c *v2Call) {
	if c.missing("PARAM_ERROR", "appid", "receiver") {
		return
	}
	add := c.r.URL.Path == "/pay/profitsharingaddreceiver"
	var r struct {
		Type           string `json:"type"`
		Account        string `json:"account"`
		Name           string `json:"name,omitempty"`
		RelationType   string `json:"relation_type,omitempty"`
		CustomRelation string `json:"custom_relation,omitempty"`
	}
	switch {
	case json.Unmarshal([]byte(c.m["receiver"]), &r) != nil || !receiverTypes[r.Type] || r.Account == "":
		c.fail("PARAM_ERROR", "receiver参数错误: type、account必填")
		return
	case r.Type == "PERSONAL_SUB_OPENID" && c.m["sub_mch_id"] == "":
		c.fail("PARAM_ERROR", "PERSONAL_SUB_OPENID需要sub_mch_id")
		return
	case add && !v2RelationTypes[r.RelationType]:
		c.fail("PARAM_ERROR", "relation_type参数错误")
		return
	case add && r.RelationType == "CUSTOM" && (r.CustomRelation == "" || utf8.RuneCountInString(r.CustomRelation) > 10):
		c.fail("PARAM_ERROR", "relation_type为CUSTOM时custom_relation必填，最多10个字")
		return
	case add && r.Type == "MERCHANT_ID" && r.Name == "":
		c.fail("PARAM_ERROR", "接收方类型为MERCHANT_ID时name必填")
		return
	}
	s.mu.Lock()
	sub, _, ok := s.v2PSPayerLocked(c)
	if ok {
		if add {
			s.a.receivers[key(sub, r.Type+"|"+r.Account)] = true
		} else {
			delete(s.a.receivers, key(sub, r.Type+"|"+r.Account))
			r.Name, r.RelationType, r.CustomRelation = "", "", ""
		}
	}
	s.mu.Unlock()
	if ok {
		b, _ := json.Marshal(r)
		c.ok(map[string]string{"receiver": string(b), "sub_mch_id": sub})
	}
}

func (s *Server) v2PSReturn(c *v2Call) {
	m := c.m
	if c.missing("PARAM_ERROR", "appid", "out_return_no", "return_account_type", "return_account", "return_amount", "description") {
		return
	}
	amount, err := strconv.ParseInt(m["return_amount"], 10, 64)
	switch {
	case (m["order_id"] == "") == (m["out_order_no"] == ""):
		c.fail("PARAM_ERROR", "order_id与out_order_no二选一")
		return
	case m["return_account_type"] != "MERCHANT_ID":
		c.fail("PARAM_ERROR", "return_account_type只支持MERCHANT_ID")
		return
	case err != nil || amount <= 0:
		c.fail("PARAM_ERROR", "return_amount参数错误")
		return
	}
	sub, payer, ok := s.lockV2PSPayer(c)
	if !ok {
		return
	}
	defer s.mu.Unlock()
	k := key(sub, m["out_return_no"])
	fp := fingerprint(m, "order_id", "out_order_no", "return_account", "return_amount", "description")
	if ex := s.a.psReturns[k]; ex != nil {
		if s.a.fps["v2ret:"+k] != fp {
			c.fail("INVALID_REQUEST", "商户回退单号重复，且与原回退内容不一致")
			return
		}
		c.ok(v2ReturnFields(ex))
		return
	}
	var o *psOrder
	for _, x := range s.a.psOrders {
		if x.SubMchID == sub && (x.OutOrderNo == m["out_order_no"] || x.OrderID == m["order_id"]) {
			o = x
		}
	}
	if o == nil {
		c.fail("PARAM_ERROR", "分账单不存在")
		return
	}
	var split int64
	for _, d := range o.Receivers {
		if d.Type == "MERCHANT_ID" && d.Account == m["return_account"] && d.Account != payer && d.Result == "SUCCESS" {
			split += d.Amount
		}
	}
	switch {
	case split == 0:
		c.fail("INVALID_REQUEST", "回退方不是该分账单已成功分账的商户接收方")
		return
	case amount > split-o.returned[m["return_account"]]:
		c.fail("NOTENOUGH", "回退金额超过可回退金额")
		return
	}
	o.returned[m["return_account"]] += amount
	now := now3339()
	ret := &psReturn{SubMchID: sub, OrderID: o.OrderID, OutOrderNo: o.OutOrderNo, OutReturnNo: m["out_return_no"],
		ReturnID: "3008" + strconv.FormatInt(5000000000+s.seq.Add(1), 10), ReturnMchID: m["return_account"], Amount: amount,
		Description: m["description"], Result: "SUCCESS", CreateTime: now, FinishTime: now}
	s.a.psReturns[k] = ret
	s.a.fps["v2ret:"+k] = fp
	c.ok(v2ReturnFields(ret))
}

// v2ReturnFields renders a return as the v2 return APIs answer it.
func v2ReturnFields(r *psReturn) map[string]string {
	return map[string]string{"sub_mch_id": r.SubMchID, "order_id": r.OrderID, "out_order_no": r.OutOrderNo,
		"out_return_no": r.OutReturnNo, "return_no": r.ReturnID, "return_account_type": "MERCHANT_ID",
		"return_account": r.ReturnMchID, "return_amount": strconv.FormatInt(r.Amount, 10), "description": r.Description,
		"result": r.Result, "fail_reason": r.FailReason, "finish_time": v2Time(r.FinishTime)}
}

func (s *Server) v2PSReturnQuery(c *v2Call) {
	m := c.m
	if c.missing("PARAM_ERROR", "appid", "out_return_no") {
		return
	}
	if (m["order_id"] == "") == (m["out_order_no"] == "") {
		c.fail("PARAM_ERROR", "order_id与out_order_no二选一")
		return
	}
	sub, _, ok := s.lockV2PSPayer(c)
	if !ok {
		return
	}
	defer s.mu.Unlock()
	ret := s.a.psReturns[key(sub, m["out_return_no"])]
	if ret == nil || (ret.OutOrderNo != m["out_order_no"] && ret.OrderID != m["order_id"]) {
		c.fail("INVALID_REQUEST", "回退单不存在")
		return
	}
	c.ok(v2ReturnFields(ret))
}

func (s *Server) v2PSAmount(c *v2Call) {
	if c.missing("PARAM_ERROR", "transaction_id") {
		return
	}
	s.mu.Lock()
	f := s.a.frozen[c.m["transaction_id"]]
	var unsplit int64
	if f != nil {
		unsplit = f.unsplit
	}
	s.mu.Unlock()
	if f == nil {
		c.fail("INVALID_REQUEST", "非分账订单不支持此查询")
		return
	}
	c.ok(map[string]string{"transaction_id": c.m["transaction_id"], "unsplit_amount": strconv.FormatInt(unsplit, 10)})
}

func (s *Server) v2PSRatio(c *v2Call) {
	sub, brand := c.m["sub_mch_id"], c.m["brand_mch_id"]
	if (sub == "") == (brand == "") {
		c.fail("PARAM_ERROR", "sub_mch_id与brand_mch_id二选一")
		return
	}
	s.mu.Lock()
	known := s.a.subs[sub+brand]
	ratio := s.ratioLocked(sub + brand)
	s.mu.Unlock()
	if !known {
		c.fail("NOAUTH", "非服务商下的签约子商户")
		return
	}
	c.ok(map[string]string{"sub_mch_id": sub, "brand_mch_id": brand, "max_ratio": strconv.FormatInt(ratio, 10)})
}
