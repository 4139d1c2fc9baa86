// # v2 entrusted payment (委托代扣, XML)
//
// The v2 entrusted-payment APIs (v2_papay.go) keep contracts per server;
// a deduction is an order of the v2/v3 order store (trade_type PAP), paid
// by PayOrder. Rules, as WeChat Pay states them:
//
//   - Requests are verified like the other v2 APIs (merchant, nonce_str,
//     MD5 or HMAC-SHA256 sign), except that querycontract and
//     deletecontract need no nonce_str (their documented requests have
//     none). A request lacking a required field, or
//     with version other than 1.0 (querycontract, deletecontract), is
//     return_code FAIL, return_msg 参数格式校验错误, unsigned.
//   - SignPAPayContract stands for the user signing on WeChat's page: it
//     keeps a contract for the merchant, appid, plan_id and contract_code
//     (signing the same pair again answers the same contract) and returns
//     its contract_id. PAPayContractNotification renders the signed (MD5)
//     signing or termination notification of its current state.
//   - /papay/querycontract and /papay/deletecontract take contract_id, or
//     plan_id and contract_code. Another merchant's, another appid's, a
//     sub-merchant's or an unknown contract is CONTRACT_NOT_EXIST; so is
//     terminating a terminated one. /papay/partner/querycontract also
//     needs sub_mch_id, a served sub-merchant (NOAUTH otherwise), and
//     answers only that sub-merchant's contracts; deductions are the
//     merchants' own (a sub-merchant's contract is CONTRACT_NOT_EXIST to
//     pappayapply). A terminated contract is still answered by
//     querycontract, with contract_state 1 and contract_termination_mode
//     3 (merchant API).
//   - /pay/pappayapply needs appid, body, out_trade_no (at most 32),
//     total_fee, spbill_create_ip, notify_url, trade_type PAP and
//     contract_id (return_code FAIL otherwise; another trade_type is
//     PARAM_ERROR). A contract that is not signed (unknown, terminated,
//     another appid) is CONTRACT_NOT_EXIST 签约协议不存在. The same
//     out_trade_no deducts once: the same request answers SUCCESS again,
//     other content OUT_TRADE_NO_USED, and a paid order ORDERPAID. The
//     order is NOTPAY until PayOrder pays it.
//   - /pay/paporderquery (transaction_id or out_trade_no) answers the
//     order with contract_id; ORDERNOTEXIST for an order that is not a
//     deduction of the merchant. PAPayDeductNotification renders the
//     signed (MD5) deduction notification of a paid deduction.
package fakepay

import (
	"net/http/httptest"
	"strconv"
	"sync"
	"time"
)

// PAPayContractSigning is what SignPAPayContract records: the fields of a
// signing request (entrustweb and the like) and the user who signed.
type PAPayContractSigning struct {
	MchID                  string // default Options.MchID
	SubMchID               string // a service provider's sub-merchant (AddSubMerchant)
	AppID                  string
	PlanID                 string
	ContractCode           string
	RequestSerial          int64
	ContractDisplayAccount string
	OpenID                 string
}

type papayV2Contract struct {
	PAPayContractSigning
	id       string
	signedAt time.Time
	ended    time.Time
	state    string // "0" signed, "1" terminated
	mode     string // contract_termination_mode once terminated
	remark   string
}

// v2More is the state of the v2 entrusted-payment and tools APIs of one
// server.
type v2More struct {
	mu        sync.Mutex
	contracts map[string]*papayV2Contract // by contract_id
	deducts   map[string]string           // contract_id by out_trade_no
	fps       map[string]string           // deduction fingerprints by out_trade_no
	expired   map[string]bool             // expired payment codes (ExpireAuthCode)
	comments  []byte                      // the batchquerycomment answer (SetOrderComments)
	reports   []map[string]string         // trade-assurance reports (V2Reports)
}

// v2more returns the server's v2More, creating it on first use.
func (s *Server) v2more() *v2More {
	s.v2x.once.Do(func() {
		s.v2x.st = &v2More{contracts: map[string]*papayV2Contract{}, deducts: map[string]string{}, fps: map[string]string{}, expired: map[string]bool{}}
	})
	return s.v2x.st
}

func init() {
	v2Routes["/papay/querycontract"] = v2Route{h: (*Server).v2PAPayContract, nonceless: true}
	v2Routes["/papay/partner/querycontract"] = v2Route{h: (*Server).v2PAPayContract, nonceless: true}
	v2Routes["/papay/deletecontract"] = v2Route{h: (*Server).v2PAPayContract, nonceless: true}
	v2Routes["/pay/pappayapply"] = v2Route{h: (*Server).v2PAPayApply}
	v2Routes["/pay/paporderquery"] = v2Route{h: (*Server).v2PAPayOrderQuery}
}

// SignPAPayContract records that the user OpenID signed the contract
// (plan_id, contract_code) and returns its contract_id; signing the same
// pair of a merchant and appid again returns the same contract_id.
func (s *Server) SignPAPayContract(c PAPayContractSigning) string {
	if c.MchID == "" {
		c.MchID = s.Opts.MchID
	}
	st := s.v2more()
	st.mu.Lock()
	defer st.mu.Unlock()
	for _, k := range st.contracts {
		if k.MchID == c.MchID && k.SubMchID == c.SubMchID && k.AppID == c.AppID && k.PlanID == c.PlanID && k.ContractCode == c.ContractCode && k.state == "0" {
			return k.id
		}
	}
	k := &papayV2Contract{PAPayContractSigning: c, id: "Wx154635112520150710" + strconv.FormatInt(56489700+s.seq.Add(1), 10),
		signedAt: time.Now(), state: "0"}
	st.contracts[k.id] = k
	return k.id
}

// paramFail answers a request lacking a required field.
func (c *v2Call) paramFail() {
	writeXML(c.w, map[string]string{"return_code": "FAIL", "return_msg": "参数格式校验错误"})
}

// contractFields renders k as querycontract answers it.
func contractFields(k *papayV2Contract) map[string]string {
	out := map[string]string{"appid": k.AppID, "sub_mch_id": k.SubMchID, "contract_id": k.id, "plan_id": k.PlanID, "contract_code": k.ContractCode,
		"request_serial": strconv.FormatInt(k.RequestSerial, 10), "contract_display_account": k.ContractDisplayAccount,
		"openid": k.OpenID, "contract_state": k.state, "contract_signed_time": k.signedAt.Format(time.DateTime),
		"contract_termination_mode": k.mode, "contract_termination_remark": k.remark}
	if !k.ended.IsZero() {
		out["contract_terminated_time"] = k.ended.Format(time.DateTime)
	}
	return out
}

func (s *Server) v2PAPayContract(c *v2Call) {
	m := c.m
	partner := c.r.URL.Path == "/papay/partner/querycontract"
	if m["appid"] == "" || m["version"] != "1.0" || (m["contract_id"] == "" && (m["plan_id"] == "" || m["contract_code"] == "")) ||
		(partner && m["sub_mch_id"] == "") {
		c.paramFail()
		return
	}
	if partner {
		s.mu.Lock()
		served := s.a.subs[m["sub_mch_id"]]
		s.mu.Unlock()
		if !served {
			c.fail("NOAUTH", "非服务商下的签约子商户: "+m["sub_mch_id"])
			return
		}
	}
	st := s.v2more()
	st.mu.Lock()
	k := st.contracts[m["contract_id"]]
	if m["contract_id"] == "" {
		for _, x := range st.contracts {
			if x.MchID == c.mch.MchID && x.SubMchID == m["sub_mch_id"] && x.AppID == m["appid"] && x.PlanID == m["plan_id"] && x.ContractCode == m["contract_code"] &&
				(k == nil || x.state == "0") {
				k = x
			}
		}
	}
	del := c.r.URL.Path == "/papay/deletecontract"
	if k == nil || k.MchID != c.mch.MchID || k.SubMchID != m["sub_mch_id"] || k.AppID != m["appid"] || (del && k.state != "0") {
		st.mu.Unlock()
		c.fail("CONTRACT_NOT_EXIST", "签约协议不存在")
		return
	}
	if del {
		k.state, k.mode, k.remark, k.ended = "1", "3", m["contract_termination_remark"], time.Now()
	}
	out := contractFields(k)
	st.mu.Unlock()
	c.ok(out)
}

func (s *Server) v2PAPayApply(c *v2Call) {
	m := c.m
	for _, f := range []string{"appid", "body", "out_trade_no", "total_fee", "spbill_create_ip", "notify_url", "trade_type", "contract_id"} {
		if m[f] == "" {
			c.paramFail()
			return
		}
	}
	total, err := strconv.ParseInt(m["total_fee"], 10, 64)
	switch {
	case m["trade_type"] != "PAP":
		c.fail("PARAM_ERROR", "trade_type必须为PAP")
		return
	case err != nil || total <= 0:
		c.fail("PARAM_ERROR", "total_fee参数错误")
		return
	case len(m["out_trade_no"]) > 32:
		c.fail("PARAM_ERROR", "out_trade_no超过32个字符")
		return
	}
	st := s.v2more()
	st.mu.Lock()
	defer st.mu.Unlock()
	k := st.contracts[m["contract_id"]]
	if k == nil || k.state != "0" || k.MchID != c.mch.MchID || k.SubMchID != "" || k.AppID != m["appid"] {
		c.fail("CONTRACT_NOT_EXIST", "签约协议不存在")
		return
	}
	fp := fingerprint(m, "appid", "body", "detail", "attach", "total_fee", "fee_type", "contract_id", "notify_url")
	s.mu.Lock()
	o := s.orders[m["out_trade_no"]]
	switch {
	case o == nil:
		s.orders[m["out_trade_no"]] = &Order{AppID: m["appid"], MchID: c.mch.MchID, OutTradeNo: m["out_trade_no"], TradeType: "PAP",
			TradeState: "NOTPAY", TradeStateDesc: "扣款中", Attach: m["attach"], Payer: map[string]any{"openid": k.OpenID},
			Amount: map[string]any{"total": total, "currency": "CNY"}, total: total, notifyURL: m["notify_url"]}
		st.deducts[m["out_trade_no"]], st.fps[m["out_trade_no"]] = k.id, fp
	case o.TradeState == "SUCCESS" || o.TradeState == "REFUND":
		s.mu.Unlock()
		c.fail("ORDERPAID", "该订单已支付")
		return
	case st.fps[o.OutTradeNo] != fp || o.MchID != c.mch.MchID:
		s.mu.Unlock()
		c.fail("OUT_TRADE_NO_USED", "商户订单号重复")
		return
	}
	s.mu.Unlock()
	c.ok(map[string]string{})
}

func (s *Server) v2PAPayOrderQuery(c *v2Call) {
	if c.m["appid"] == "" || (c.m["out_trade_no"] == "" && c.m["transaction_id"] == "") {
		c.paramFail()
		return
	}
	st := s.v2more()
	st.mu.Lock()
	s.mu.Lock()
	o := s.v2OrderLocked(c)
	var out map[string]string
	if o != nil && st.deducts[o.OutTradeNo] != "" {
		out = v2OrderFields(o)
		out["trade_state"], out["trade_state_desc"], out["contract_id"] = o.TradeState, o.TradeStateDesc, st.deducts[o.OutTradeNo]
	}
	s.mu.Unlock()
	st.mu.Unlock()
	if out == nil {
		c.fail("ORDERNOTEXIST", "订单不存在")
		return
	}
	c.ok(out)
}

// signedV2Notification renders out as a notification of mch's, signed MD5
// with its APIv2 key.
func (s *Server) signedV2Notification(mchID string, out map[string]string) ([]byte, bool) {
	s.mu.Lock()
	mch := s.merchants[mchID]
	s.mu.Unlock()
	if mch == nil || mch.APIv2Key == "" {
		return nil, false
	}
	out["return_code"], out["result_code"], out["mch_id"], out["nonce_str"] = "SUCCESS", "SUCCESS", mch.MchID, nonceHex()
	for k, v := range out {
		if v == "" {
			delete(out, k)
		}
	}
	out["sign"] = v2sign(out, mch.APIv2Key, "MD5")
	rec := httptest.NewRecorder()
	writeXML(rec, out)
	return rec.Body.Bytes(), true
}

// PAPayContractNotification returns the body of the signing (change_type
// ADD) or, once terminated, termination (DELETE) notification of the
// contract contractID, signed (MD5) with its merchant's APIv2 key; ok is
// false for an unknown contract.
func (s *Server) PAPayContractNotification(contractID string) (body []byte, ok bool) {
	st := s.v2more()
	st.mu.Lock()
	k := st.contracts[contractID]
	if k == nil {
		st.mu.Unlock()
		return nil, false
	}
	out := map[string]string{"contract_code": k.ContractCode, "plan_id": k.PlanID, "openid": k.OpenID, "change_type": "ADD",
		"operate_time": k.signedAt.Format(time.DateTime), "contract_id": k.id, "request_serial": strconv.FormatInt(k.RequestSerial, 10)}
	if k.state == "1" {
		out["change_type"], out["operate_time"], out["contract_termination_mode"] = "DELETE", k.ended.Format(time.DateTime), k.mode
	}
	mchID := k.MchID
	st.mu.Unlock()
	return s.signedV2Notification(mchID, out)
}

// PAPayDeductNotification returns the body of the deduction result
// notification of the paid deduction outTradeNo (its order fields and
// contract_id), signed (MD5), and the notify_url of the deduction; ok is
// false when it is not a paid deduction.
func (s *Server) PAPayDeductNotification(outTradeNo string) (body []byte, notifyURL string, ok bool) {
	st := s.v2more()
	st.mu.Lock()
	contractID := st.deducts[outTradeNo]
	st.mu.Unlock()
	s.mu.Lock()
	o := s.orders[outTradeNo]
	if o == nil || o.TransactionID == "" || contractID == "" {
		s.mu.Unlock()
		return nil, "", false
	}
	out := v2OrderFields(o)
	out["contract_id"] = contractID
	notifyURL, mchID := o.notifyURL, o.MchID
	s.mu.Unlock()
	body, ok = s.signedV2Notification(mchID, out)
	return body, notifyURL, ok
}
