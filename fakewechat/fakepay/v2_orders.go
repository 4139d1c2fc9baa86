// # v2 orders, refunds and bills (XML)
//
// The v2 core payment APIs (v2_orders.go) keep their orders and refunds
// with the v3 ones (an order created by /pay/unifiedorder is paid by
// PayOrder and seen by both APIs). Rules, as WeChat Pay states them:
//
//   - Every request needs mch_id of a known merchant with an APIv2 key, a
//     nonce_str of at most 32 characters and the v2 sign (MD5, or
//     HMAC-SHA256 when sign_type says so; /pay/downloadfundflow is
//     HMAC-SHA256 only, another sign_type is refused). A wrong sign is
//     answered return_code FAIL, return_msg 签名错误 (the answer WeChat Pay
//     gives instead of the SIGNERROR err_code its tables list), unsigned.
//     /secapi/ and /pay/downloadfundflow need the merchant certificate as
//     the TLS client certificate (return_code FAIL, 证书错误).
//   - Business failures are return_code SUCCESS, result_code FAIL with
//     err_code and err_code_des, signed like successes.
//   - /pay/unifiedorder needs appid, body (and attach) of at most 127
//     characters, out_trade_no (6 to 32 of digits, letters, _-|*:
//     INVALID_REQUEST), time_start and time_expire as yyyyMMddHHmmss
//     (INVALID_REQUEST), total_fee, spbill_create_ip, notify_url and
//     trade_type JSAPI, NATIVE, APP or MWEB (LACK_PARAMS or
//     INVALID_REQUEST); JSAPI needs openid, NATIVE product_id, MWEB
//     scene_info (LACK_PARAMS). The same out_trade_no with the same content
//     answers the same prepay_id; other content OUT_TRADE_NO_USED; a paid
//     order ORDERPAID, a closed one ORDERCLOSED. NATIVE answers a code_url,
//     MWEB a mweb_url. profit_sharing Y freezes the paid amount for profit
//     sharing.
//   - /pay/orderquery (transaction_id or out_trade_no) answers ORDERNOTEXIST
//     for another merchant's or an unknown order. /pay/closeorder closes a
//     NOTPAY order; ORDERPAID, ORDERCLOSED, ORDERNOTEXIST otherwise.
//   - /secapi/pay/refund needs appid, out_refund_no (at most 64 of digits,
//     letters, _-|*@), total_fee, refund_fee and transaction_id (which wins)
//     or out_trade_no; refund_desc is at most 80 characters: PARAM_ERROR. An
//     unpaid or unknown order is ORDERNOTEXIST; total_fee other than the
//     order's, or refunds beyond it, INVALID_REQUEST; a refund above the
//     merchant's balance (SetTransferBalance) NOTENOUGH. The same
//     out_refund_no answers the refund again, or REFUND_FEE_MISMATCH when
//     the order or amounts differ. Refunds are PROCESSING until
//     SetRefundStatus (SUCCESS, CLOSED → REFUNDCLOSE, ABNORMAL → CHANGE).
//   - /pay/refundquery takes refund_id, out_refund_no, transaction_id or
//     out_trade_no (that priority), lists 10 refunds from offset, and
//     answers REFUNDNOTEXIST when none match.
//   - /pay/downloadbill and /pay/downloadfundflow serve the bill AddBill
//     registered for bill_date (yyyyMMdd here), gzip-compressed with
//     tar_type GZIP. Failures are return_code FAIL with error_code: 20002
//     "No Bill Exist", 20001 for a bad bill_date, bill_type (ALL, SUCCESS,
//     REFUND, RECHARGE_REFUND), account_type (Basic, Operation, Fees) or
//     tar_type.
//   - V2PayNotification builds the signed (MD5) payment notification of a
//     paid order; V2RefundNotification the refund notification, whose
//     req_info is AES-256-ECB under the hex MD5 of the APIv2 key.
package fakepay

import (
	"bytes"
	"compress/gzip"
	"crypto/aes"
	"crypto/md5"
	"encoding/base64"
	"encoding/hex"
	"net/http"
	"net/http/httptest"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// failStyle is how a v2 API answers a business failure.
type failStyle int

const (
	// failResult: return_code SUCCESS, result_code FAIL, err_code and
	// err_code_des, signed (most APIs).
	failResult failStyle = iota
	// failReturnError: return_code FAIL, error_code and error_msg
	// (profit-sharing returns).
	failReturnError
	// failReturnErr: return_code FAIL, err_code and err_msg
	// (profitsharingmerchantratioquery).
	failReturnErr
)

// v2Route is a v2 XML API served by serveV2API.
type v2Route struct {
	h func(s *Server, c *v2Call)
	// hmac: the API is signed HMAC-SHA256 only (a sign_type other than
	// HMAC-SHA256 is refused, and the sign is checked as HMAC-SHA256).
	hmac bool
	cert bool // mutual TLS required
	// nonceless: the API's documented request has no nonce_str (PAPay
	// querycontract, deletecontract); one sent anyway is signed like any
	// other field.
	nonceless bool
	style     failStyle
}

// v2Routes are the v2 APIs of v2_orders.go, v2_profitsharing.go and
// v2_bank.go, by path; their files add them in init functions.
var v2Routes = map[string]v2Route{}

// v2Call is one verified v2 request.
type v2Call struct {
	w        http.ResponseWriter
	r        *http.Request
	m        map[string]string
	mch      *Merchant
	signType string
	style    failStyle
}

// ok answers out with return_code (and, for APIs that have one,
// result_code) SUCCESS, signed.
func (c *v2Call) ok(out map[string]string) {
	if c.style == failResult {
		out["result_code"] = "SUCCESS"
	}
	c.signed(out)
}

// signed completes out with the envelope fields and signs it.
func (c *v2Call) signed(out map[string]string) {
	out["return_code"], out["mch_id"], out["nonce_str"] = "SUCCESS", c.mch.MchID, nonceHex()
	if out["return_msg"] == "" {
		out["return_msg"] = "OK"
	}
	if c.m["appid"] != "" && out["appid"] == "" {
		out["appid"] = c.m["appid"]
	}
	for k, v := range out {
		if v == "" {
			delete(out, k)
		}
	}
	out["sign"] = v2sign(out, c.mch.APIv2Key, c.signType)
	writeXML(c.w, out)
}

// fail answers a business failure in the route's style.
func (c *v2Call) fail(code, des string) {
	switch c.style {
	case failReturnError:
		writeXML(c.w, map[string]string{"return_code": "FAIL", "error_code": code, "error_msg": des})
	case failReturnErr:
		writeXML(c.w, map[string]string{"return_code": "FAIL", "err_code": code, "err_msg": des})
	case failResult:
		c.signed(map[string]string{"result_code": "FAIL", "err_code": code, "err_code_des": des})
	}
}

// missing answers PARAM_ERROR naming the first empty field of keys and
// reports whether it did.
func (c *v2Call) missing(code string, keys ...string) bool {
	for _, k := range keys {
		if c.m[k] == "" {
			c.fail(code, k+"参数缺失")
			return true
		}
	}
	return false
}

// serveV2API verifies a v2 XML request (merchant, nonce, sign, client
// certificate) and hands it to its route.
func (s *Server) serveV2API(w http.ResponseWriter, r *http.Request, body []byte) {
	rt := v2Routes[r.URL.Path]
	m, err := parseXML(body)
	if err != nil {
		writeXML(w, map[string]string{"return_code": "FAIL", "return_msg": "XML格式错误"})
		return
	}
	signType := m["sign_type"]
	if rt.hmac {
		if signType != "" && signType != "HMAC-SHA256" {
			writeXML(w, map[string]string{"return_code": "FAIL", "return_msg": "sign_type参数错误: 仅支持HMAC-SHA256"})
			return
		}
		signType = "HMAC-SHA256"
	} else if signType != "" && signType != "MD5" && signType != "HMAC-SHA256" {
		writeXML(w, map[string]string{"return_code": "FAIL", "return_msg": "sign_type参数错误"})
		return
	}
	mch := s.merchants[m["mch_id"]]
	if mch == nil || mch.APIv2Key == "" || (m["nonce_str"] == "" && !rt.nonceless) || len(m["nonce_str"]) > 32 || v2sign(m, mch.APIv2Key, signType) != m["sign"] {
		writeXML(w, map[string]string{"return_code": "FAIL", "return_msg": "签名错误"})
		return
	}
	if rt.cert && checkClientCert(r, mch) != nil {
		writeXML(w, map[string]string{"return_code": "FAIL", "return_msg": "证书错误: 请求未携带商户API证书"})
		return
	}
	rt.h(s, &v2Call{w: w, r: r, m: m, mch: mch, signType: signType, style: rt.style})
}

func init() {
	v2Routes["/pay/unifiedorder"] = v2Route{h: (*Server).v2UnifiedOrder}
	v2Routes["/pay/orderquery"] = v2Route{h: (*Server).v2OrderQuery}
	v2Routes["/pay/closeorder"] = v2Route{h: (*Server).v2CloseOrder}
	v2Routes["/secapi/pay/refund"] = v2Route{h: (*Server).v2Refund, cert: true}
	v2Routes["/pay/refundquery"] = v2Route{h: (*Server).v2RefundQuery}
	v2Routes["/pay/downloadbill"] = v2Route{h: (*Server).v2DownloadBill}
	v2Routes["/pay/downloadfundflow"] = v2Route{h: (*Server).v2DownloadBill, hmac: true, cert: true}
}

var v2TradeTypes = map[string]bool{"JSAPI": true, "NATIVE": true, "APP": true, "MWEB": true}

func (s *Server) v2UnifiedOrder(c *v2Call) {
	m := c.m
	if c.missing("LACK_PARAMS", "appid", "body", "out_trade_no", "total_fee", "spbill_create_ip", "notify_url", "trade_type") {
		return
	}
	total, err := strconv.ParseInt(m["total_fee"], 10, 64)
	switch {
	case !v2TradeTypes[m["trade_type"]]:
		c.fail("INVALID_REQUEST", "trade_type参数错误")
		return
	case err != nil || total <= 0:
		c.fail("INVALID_REQUEST", "total_fee参数错误")
		return
	case len(m["out_trade_no"]) < 6 || len(m["out_trade_no"]) > 32 || !alnum(strings.NewReplacer("_", "", "-", "", "|", "", "*", "").Replace(m["out_trade_no"]), 32):
		c.fail("INVALID_REQUEST", "out_trade_no参数错误: 6-32位数字、大小写字母_-|*")
		return
	case m["trade_type"] == "JSAPI" && m["openid"] == "":
		c.fail("LACK_PARAMS", "trade_type=JSAPI时openid为必填参数")
		return
	case m["trade_type"] == "NATIVE" && m["product_id"] == "":
		c.fail("LACK_PARAMS", "trade_type=NATIVE时product_id为必填参数")
		return
	case m["trade_type"] == "MWEB" && m["scene_info"] == "":
		c.fail("LACK_PARAMS", "trade_type=MWEB时scene_info为必填参数")
		return
	case m["profit_sharing"] != "" && m["profit_sharing"] != "Y" && m["profit_sharing"] != "N":
		c.fail("INVALID_REQUEST", "profit_sharing参数错误")
		return
	case utf8.RuneCountInString(m["body"]) > 127 || utf8.RuneCountInString(m["attach"]) > 127:
		c.fail("INVALID_REQUEST", "body或attach超过127个字符")
		return
	case !v2TimeOK(m["time_start"]) || !v2TimeOK(m["time_expire"]):
		c.fail("INVALID_REQUEST", "time_start或time_expire格式错误: yyyyMMddHHmmss")
		return
	}
	fp := fingerprint(m, "appid", "body", "detail", "attach", "total_fee", "fee_type", "trade_type", "openid", "product_id", "profit_sharing", "notify_url")
	s.mu.Lock()
	o := s.orders[m["out_trade_no"]]
	switch {
	case o == nil:
		o = &Order{AppID: m["appid"], MchID: c.mch.MchID, OutTradeNo: m["out_trade_no"], TradeType: m["trade_type"],
			TradeState: "NOTPAY", TradeStateDesc: "订单未支付", Attach: m["attach"],
			Payer: map[string]any{"openid": m["openid"]}, Amount: map[string]any{"total": total, "currency": "CNY"},
			total: total, prepayID: s.id("wx"), notifyURL: m["notify_url"], profitSharing: m["profit_sharing"] == "Y"}
		s.orders[o.OutTradeNo] = o
		s.a.fps["v2uo:"+o.OutTradeNo] = fp
	case o.TradeState == "SUCCESS" || o.TradeState == "REFUND":
		s.mu.Unlock()
		c.fail("ORDERPAID", "该订单已支付")
		return
	case o.TradeState == "CLOSED" || o.TradeState == "REVOKED":
		s.mu.Unlock()
		c.fail("ORDERCLOSED", "该订单已关闭")
		return
	case o.MchID != c.mch.MchID || s.a.fps["v2uo:"+o.OutTradeNo] != fp:
		s.mu.Unlock()
		c.fail("OUT_TRADE_NO_USED", "商户订单号重复")
		return
	}
	prepay := o.prepayID
	s.mu.Unlock()
	out := map[string]string{"trade_type": m["trade_type"], "prepay_id": prepay, "device_info": m["device_info"]}
	switch m["trade_type"] {
	case "NATIVE":
		out["code_url"] = "weixin://wxpay/bizpayurl?pr=" + prepay[len(prepay)-7:]
	case "MWEB":
		out["mweb_url"] = "https://wx.tenpay.com/cgi-bin/mmpayweb-bin/checkmweb?prepay_id=" + prepay + "&package=" + prepay[len(prepay)-10:]
	}
	c.ok(out)
}

// v2TimeOK reports whether v is empty or a yyyyMMddHHmmss time.
func v2TimeOK(v string) bool {
	_, err := time.Parse("20060102150405", v)
	return v == "" || err == nil
}

// v2OrderLocked finds the merchant's order by out_trade_no or
// transaction_id (nil when there is none).
func (s *Server) v2OrderLocked(c *v2Call) *Order {
	o := s.findOrder(c.m["out_trade_no"], c.m["transaction_id"])
	if o == nil || o.MchID != c.mch.MchID {
		return nil
	}
	return o
}

// v2Time renders an RFC 3339 time as yyyyMMddHHmmss.
func v2Time(rfc string) string {
	t, err := time.Parse(time.RFC3339, rfc)
	if err != nil {
		return ""
	}
	return t.Format("20060102150405")
}

// v2OrderFields renders o as the v2 order fields.
func v2OrderFields(o *Order) map[string]string {
	out := map[string]string{"appid": o.AppID, "out_trade_no": o.OutTradeNo, "trade_type": o.TradeType,
		"attach": o.Attach, "total_fee": strconv.FormatInt(o.total, 10), "fee_type": "CNY"}
	if o.TransactionID != "" {
		openid, _ := o.Payer["openid"].(string)
		out["transaction_id"], out["openid"], out["is_subscribe"] = o.TransactionID, openid, "N"
		out["bank_type"], out["cash_fee"], out["cash_fee_type"] = o.BankType, out["total_fee"], "CNY"
		out["time_end"] = v2Time(o.SuccessTime)
	}
	return out
}

func (s *Server) v2OrderQuery(c *v2Call) {
	if c.missing("PARAM_ERROR", "appid") {
		return
	}
	if c.m["out_trade_no"] == "" && c.m["transaction_id"] == "" {
		c.fail("PARAM_ERROR", "transaction_id和out_trade_no至少填一个")
		return
	}
	s.mu.Lock()
	o := s.v2OrderLocked(c)
	var out map[string]string
	if o != nil {
		out = v2OrderFields(o)
		out["trade_state"], out["trade_state_desc"] = o.TradeState, o.TradeStateDesc
		out["appid"] = "" // the request's
	}
	s.mu.Unlock()
	if o == nil {
		c.fail("ORDERNOTEXIST", "订单不存在")
		return
	}
	c.ok(out)
}

func (s *Server) v2CloseOrder(c *v2Call) {
	if c.missing("PARAM_ERROR", "appid", "out_trade_no") {
		return
	}
	s.mu.Lock()
	o := s.v2OrderLocked(c)
	state := closeUnpaidLocked(o)
	s.mu.Unlock()
	switch {
	case o == nil:
		c.fail("ORDERNOTEXIST", "订单不存在")
	case state == "SUCCESS" || state == "REFUND":
		c.fail("ORDERPAID", "订单已支付，不能发起关单")
	case state == "CLOSED" || state == "REVOKED":
		c.fail("ORDERCLOSED", "订单已关闭，无法重复关闭")
	default:
		c.ok(map[string]string{})
	}
}

// closeUnpaidLocked closes o when it is NOTPAY and returns the state it
// had ("" for nil).
func closeUnpaidLocked(o *Order) string {
	if o == nil {
		return ""
	}
	state := o.TradeState
	if state == "NOTPAY" {
		o.TradeState, o.TradeStateDesc = "CLOSED", "订单已关闭"
	}
	return state
}

// v2RefundFields renders a refund as the refund API answers it.
func v2RefundFields(rf *Refund) map[string]string {
	return map[string]string{"transaction_id": rf.TransactionID, "out_trade_no": rf.OutTradeNo, "out_refund_no": rf.OutRefundNo,
		"refund_id": rf.RefundID, "refund_fee": strconv.FormatInt(rf.Amount["refund"].(int64), 10),
		"total_fee": strconv.FormatInt(rf.Amount["total"].(int64), 10), "fee_type": "CNY",
		"cash_fee": strconv.FormatInt(rf.Amount["total"].(int64), 10), "cash_refund_fee": strconv.FormatInt(rf.Amount["refund"].(int64), 10)}
}

func (s *Server) v2Refund(c *v2Call) {
	m := c.m
	if c.missing("PARAM_ERROR", "appid", "out_refund_no", "total_fee", "refund_fee") {
		return
	}
	total, err1 := strconv.ParseInt(m["total_fee"], 10, 64)
	refund, err2 := strconv.ParseInt(m["refund_fee"], 10, 64)
	switch {
	case m["transaction_id"] == "" && m["out_trade_no"] == "":
		c.fail("PARAM_ERROR", "transaction_id和out_trade_no至少填一个")
		return
	case err1 != nil || err2 != nil || total <= 0 || refund <= 0:
		c.fail("PARAM_ERROR", "total_fee或refund_fee参数错误")
		return
	case m["refund_account"] != "" && m["refund_account"] != "REFUND_SOURCE_UNSETTLED_FUNDS" && m["refund_account"] != "REFUND_SOURCE_RECHARGE_FUNDS":
		c.fail("PARAM_ERROR", "refund_account参数错误")
		return
	case !alnum(strings.NewReplacer("_", "", "-", "", "|", "", "*", "", "@", "").Replace(m["out_refund_no"]), 64):
		c.fail("PARAM_ERROR", "out_refund_no参数错误: 最多64位数字、大小写字母_-|*@")
		return
	case utf8.RuneCountInString(m["refund_desc"]) > 80:
		c.fail("PARAM_ERROR", "refund_desc超过80个字符")
		return
	}
	s.mu.Lock()
	if m["transaction_id"] != "" { // transaction_id wins over out_trade_no
		m["out_trade_no"] = ""
	}
	o := s.v2OrderLocked(c)
	if rf := s.refunds[m["out_refund_no"]]; rf != nil {
		same := o != nil && rf.OutTradeNo == o.OutTradeNo && rf.Amount["refund"] == refund && rf.Amount["total"] == total
		out := v2RefundFields(rf)
		s.mu.Unlock()
		if !same {
			c.fail("REFUND_FEE_MISMATCH", "订单金额或退款金额与之前请求不一致，请核实后再试")
			return
		}
		c.ok(out)
		return
	}
	var code, msg string
	switch {
	case o == nil || (o.TradeState != "SUCCESS" && o.TradeState != "REFUND"):
		code, msg = "ORDERNOTEXIST", "订单不存在或未支付"
	case total != o.total:
		code, msg = "INVALID_REQUEST", "订单金额total_fee与订单实际金额不一致"
	case o.refunded+refund > o.total:
		code, msg = "INVALID_REQUEST", "申请退款金额超过订单可退金额"
	case refund > s.balanceLocked(""):
		code, msg = "NOTENOUGH", "基本账户余额不足，请充值后重新发起"
	}
	if code != "" {
		s.mu.Unlock()
		c.fail(code, msg)
		return
	}
	o.refunded += refund
	o.TradeState, o.TradeStateDesc = "REFUND", "转入退款"
	rf := s.newRefund(m["out_refund_no"], o.TransactionID, o.OutTradeNo, o.total, refund)
	s.refunds[rf.OutRefundNo] = rf
	out := v2RefundFields(rf)
	s.mu.Unlock()
	c.ok(out)
}

// v2RefundStatus maps a refund's status to the v2 refund_status.
var v2RefundStatus = map[string]string{"SUCCESS": "SUCCESS", "CLOSED": "REFUNDCLOSE", "PROCESSING": "PROCESSING", "ABNORMAL": "CHANGE"}

func (s *Server) v2RefundQuery(c *v2Call) {
	m := c.m
	if c.missing("PARAM_ERROR", "appid") {
		return
	}
	offset, err := strconv.Atoi(m["offset"])
	if (m["offset"] != "" && (err != nil || offset < 0)) || (m["refund_id"] == "" && m["out_refund_no"] == "" && m["transaction_id"] == "" && m["out_trade_no"] == "") {
		c.fail("PARAM_ERROR", "refund_id、out_refund_no、transaction_id、out_trade_no至少填一个")
		return
	}
	s.mu.Lock()
	var list []*Refund
	for _, rf := range s.refunds {
		o := s.orders[rf.OutTradeNo]
		if o == nil || o.MchID != c.mch.MchID {
			continue
		}
		switch {
		case m["refund_id"] != "":
			if rf.RefundID == m["refund_id"] {
				list = append(list, rf)
			}
		case m["out_refund_no"] != "":
			if rf.OutRefundNo == m["out_refund_no"] {
				list = append(list, rf)
			}
		case m["transaction_id"] != "":
			if rf.TransactionID == m["transaction_id"] {
				list = append(list, rf)
			}
		case rf.OutTradeNo == m["out_trade_no"]:
			list = append(list, rf)
		}
	}
	if len(list) == 0 || offset >= len(list) {
		s.mu.Unlock()
		c.fail("REFUNDNOTEXIST", "退款订单查询失败")
		return
	}
	sort.Slice(list, func(i, j int) bool { return list[i].RefundID < list[j].RefundID })
	o := s.orders[list[0].OutTradeNo]
	out := map[string]string{"transaction_id": o.TransactionID, "out_trade_no": o.OutTradeNo, "total_fee": strconv.FormatInt(o.total, 10),
		"fee_type": "CNY", "cash_fee": strconv.FormatInt(o.total, 10), "total_refund_count": strconv.Itoa(len(list))}
	page := list[offset:min(offset+10, len(list))]
	out["refund_count"] = strconv.Itoa(len(page))
	for i, rf := range page {
		n := "_" + strconv.Itoa(i)
		fee := strconv.FormatInt(rf.Amount["refund"].(int64), 10)
		out["out_refund_no"+n], out["refund_id"+n], out["refund_channel"+n] = rf.OutRefundNo, rf.RefundID, rf.Channel
		out["refund_fee"+n], out["refund_status"+n] = fee, v2RefundStatus[rf.Status]
		out["refund_account"+n], out["refund_recv_accout"+n] = "REFUND_SOURCE_UNSETTLED_FUNDS", rf.UserReceivedAccount
		if t, err := time.Parse(time.RFC3339, rf.SuccessTime); err == nil {
			out["refund_success_time"+n] = t.Format(time.DateTime)
		}
	}
	s.mu.Unlock()
	c.ok(out)
}

// billFail answers a bill download failure: return_code FAIL, return_msg
// and error_code.
func billFail(w http.ResponseWriter, msg, code string) {
	writeXML(w, map[string]string{"return_code": "FAIL", "return_msg": msg, "error_code": code})
}

var (
	v2BillTypes    = map[string]bool{"": true, "ALL": true, "SUCCESS": true, "REFUND": true, "RECHARGE_REFUND": true}
	v2AccountTypes = map[string]bool{"": true, "Basic": true, "Operation": true, "Fees": true}
)

// v2DownloadBill serves /pay/downloadbill and /pay/downloadfundflow: the
// bill AddBill registered for the date (yyyyMMdd here), as a stream.
func (s *Server) v2DownloadBill(c *v2Call) {
	m := c.m
	d, err := time.Parse("20060102", m["bill_date"])
	switch {
	case m["appid"] == "" || m["bill_date"] == "":
		billFail(c.w, "missing parameter", "20001")
		return
	case err != nil:
		billFail(c.w, "invalid bill_date", "20001")
		return
	case m["tar_type"] != "" && m["tar_type"] != "GZIP":
		billFail(c.w, "invalid tar_type", "20001")
		return
	case c.r.URL.Path == "/pay/downloadbill" && !v2BillTypes[m["bill_type"]]:
		billFail(c.w, "invalid bill_type", "20001")
		return
	case c.r.URL.Path == "/pay/downloadfundflow" && !v2AccountTypes[m["account_type"]]:
		billFail(c.w, "invalid account_type", "20001")
		return
	}
	s.mu.Lock()
	content, ok := s.bills["date:"+d.Format(time.DateOnly)]
	s.mu.Unlock()
	if !ok {
		billFail(c.w, "No Bill Exist", "20002")
		return
	}
	c.w.Header().Set("Content-Type", "text/plain;charset=utf-8")
	if m["tar_type"] == "GZIP" {
		c.w.Header().Set("Content-Type", "application/x-gzip")
		zw := gzip.NewWriter(c.w)
		_, _ = zw.Write(content)
		_ = zw.Close()
		return
	}
	_, _ = c.w.Write(content)
}

// V2PayNotification returns the body of the v2 payment result
// notification of the paid order outTradeNo, signed (MD5) with its
// merchant's APIv2 key, and the notify_url it was created with; ok is
// false when the order does not exist or is not paid.
func (s *Server) V2PayNotification(outTradeNo string) (body []byte, notifyURL string, ok bool) {
	s.mu.Lock()
	o := s.orders[outTradeNo]
	if o == nil || o.TransactionID == "" {
		s.mu.Unlock()
		return nil, "", false
	}
	out, mchID := v2OrderFields(o), o.MchID
	notifyURL = o.notifyURL
	s.mu.Unlock()
	body, ok = s.signedV2Notification(mchID, out)
	return body, notifyURL, ok
}

// V2RefundNotification returns the body of the v2 refund result
// notification of outRefundNo in its current status (see SetRefundStatus):
// req_info is the refund's <root> XML, AES-256-ECB (PKCS#7) encrypted
// under the lowercase hex MD5 of the merchant's APIv2 key, base64.
func (s *Server) V2RefundNotification(outRefundNo string) ([]byte, bool) {
	s.mu.Lock()
	rf := s.refunds[outRefundNo]
	var o *Order
	if rf != nil {
		o = s.orders[rf.OutTradeNo]
	}
	if o == nil {
		s.mu.Unlock()
		return nil, false
	}
	in := map[string]string{"transaction_id": rf.TransactionID, "out_trade_no": rf.OutTradeNo, "refund_id": rf.RefundID,
		"out_refund_no": rf.OutRefundNo, "total_fee": strconv.FormatInt(o.total, 10),
		"refund_fee": strconv.FormatInt(rf.Amount["refund"].(int64), 10), "settlement_refund_fee": strconv.FormatInt(rf.Amount["refund"].(int64), 10),
		"refund_status": v2RefundStatus[rf.Status], "refund_recv_accout": rf.UserReceivedAccount,
		"refund_account": "REFUND_SOURCE_UNSETTLED_FUNDS", "refund_request_source": "API"}
	if t, err := time.Parse(time.RFC3339, rf.SuccessTime); err == nil {
		in["success_time"] = t.Format(time.DateTime)
	}
	appID, mch := o.AppID, s.merchants[o.MchID]
	s.mu.Unlock()
	if mch == nil || mch.APIv2Key == "" {
		return nil, false
	}
	rec := httptest.NewRecorder()
	writeXML(rec, in)
	pt := bytes.Replace(bytes.Replace(rec.Body.Bytes(), []byte("<xml>"), []byte("<root>"), 1), []byte("</xml>"), []byte("</root>"), 1)
	rec = httptest.NewRecorder()
	writeXML(rec, map[string]string{"return_code": "SUCCESS", "appid": appID, "mch_id": mch.MchID, "nonce_str": nonceHex(),
		"req_info": encryptReqInfo(pt, mch.APIv2Key)})
	return rec.Body.Bytes(), true
}

// encryptReqInfo is the fake's own AES-256-ECB sealing of a refund
// notification's req_info.
func encryptReqInfo(pt []byte, v2key string) string {
	sum := md5.Sum([]byte(v2key))
	block, _ := aes.NewCipher([]byte(hex.EncodeToString(sum[:])))
	pad := aes.BlockSize - len(pt)%aes.BlockSize
	pt = append(pt, bytes.Repeat([]byte{byte(pad)}, pad)...)
	ct := make([]byte, len(pt))
	for i := 0; i < len(pt); i += aes.BlockSize {
		block.Encrypt(ct[i:i+aes.BlockSize], pt[i:i+aes.BlockSize])
	}
	return base64.StdEncoding.EncodeToString(ct)
}
