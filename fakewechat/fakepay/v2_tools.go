// # v2 tools (XML)
//
// /tools/authcodetoopenid (v2_tools.go) answers the openid of a payment
// code. Rules, as WeChat Pay states them:
//
//   - appid and auth_code (at most 128) are required: return_code FAIL,
//     参数格式校验错误. A code that is not 18 digits starting with 10 to
//     15 is AUTH_CODE_INVALID; one ExpireAuthCode expired AUTHCODEEXPIRE.
//   - The openid is derived from the code and appid (the same code always
//     answers the same openid). sub_mch_id, when given, must be a served
//     sub-merchant (AddSubMerchant): AUTH_CODE_ERROR otherwise; with
//     sub_appid the answer also has sub_openid.
//   - /billcommentsp/batchquerycomment is HMAC-SHA256 only and needs the
//     merchant certificate. appid, begin_time and end_time
//     (yyyyMMddHHmmss, begin before end) and offset are required, limit is
//     at most 200: return_code FAIL, 参数格式校验错误 otherwise. It answers
//     the text SetOrderComments registered, as is (no comments: an empty
//     text).
//   - /payitil/report needs appid, interface_url and user_ip; a single
//     report also execute_time_ (milliseconds), return_code, result_code
//     and time (yyyyMMddHHmmss); the payment-code batch (interface_url
//     https://api.mch.weixin.qq.com/pay/batchreport/micropay/total) also
//     trades, a JSON array (at most 1024 bytes) of {out_trade_no,
//     begin_time, end_time, state OK, FAIL or CANCLE, err_msg}. Otherwise
//     return_code FAIL, 参数格式校验错误. V2Reports returns what was
//     reported.
package fakepay

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"strconv"
	"strings"
	"time"
)

func init() {
	v2Routes["/tools/authcodetoopenid"] = v2Route{h: (*Server).v2AuthCodeToOpenID}
	v2Routes["/billcommentsp/batchquerycomment"] = v2Route{h: (*Server).v2BatchQueryComment, hmac: true, cert: true}
	v2Routes["/payitil/report"] = v2Route{h: (*Server).v2Report}
}

// V2Reports returns the trade-assurance reports received, oldest first.
func (s *Server) V2Reports() []map[string]string {
	st := s.v2more()
	st.mu.Lock()
	defer st.mu.Unlock()
	return append([]map[string]string(nil), st.reports...)
}

func (s *Server) v2Report(c *v2Call) {
	m := c.m
	ok := m["appid"] != "" && m["interface_url"] != "" && m["user_ip"] != ""
	if m["interface_url"] == "https://api.mch.weixin.qq.com/pay/batchreport/micropay/total" {
		var trades []struct {
			OutTradeNo string `json:"out_trade_no"`
			State      string `json:"state"`
		}
		ok = ok && len(m["trades"]) <= 1024 && json.Unmarshal([]byte(m["trades"]), &trades) == nil && len(trades) > 0
		for _, t := range trades {
			ok = ok && t.OutTradeNo != "" && (t.State == "OK" || t.State == "FAIL" || t.State == "CANCLE")
		}
	} else {
		_, err1 := strconv.ParseInt(m["execute_time_"], 10, 64)
		_, err2 := time.Parse("20060102150405", m["time"])
		ok = ok && err1 == nil && err2 == nil && m["return_code"] != "" && m["result_code"] != ""
	}
	if !ok {
		c.paramFail()
		return
	}
	st := s.v2more()
	st.mu.Lock()
	st.reports = append(st.reports, m)
	st.mu.Unlock()
	c.ok(map[string]string{})
}

// SetOrderComments sets the text batchquerycomment answers.
func (s *Server) SetOrderComments(text []byte) {
	st := s.v2more()
	st.mu.Lock()
	st.comments = append([]byte(nil), text...)
	st.mu.Unlock()
}

func (s *Server) v2BatchQueryComment(c *v2Call) {
	m := c.m
	begin, err1 := time.Parse("20060102150405", m["begin_time"])
	end, err2 := time.Parse("20060102150405", m["end_time"])
	_, err3 := strconv.ParseUint(m["offset"], 10, 64)
	limit, err4 := strconv.Atoi(m["limit"])
	if m["appid"] == "" || err1 != nil || err2 != nil || !begin.Before(end) || err3 != nil ||
		(m["limit"] != "" && (err4 != nil || limit < 1 || limit > 200)) {
		c.paramFail()
		return
	}
	st := s.v2more()
	st.mu.Lock()
	text := st.comments
	st.mu.Unlock()
	c.w.Header().Set("Content-Type", "text/plain;charset=utf-8")
	_, _ = c.w.Write(text)
}

// ExpireAuthCode makes authcodetoopenid answer AUTHCODEEXPIRE for code.
func (s *Server) ExpireAuthCode(code string) {
	st := s.v2more()
	st.mu.Lock()
	st.expired[code] = true
	st.mu.Unlock()
}

// fakeOpenID derives a stable openid for (appid, code).
func fakeOpenID(appid, code string) string {
	sum := sha256.Sum256([]byte(appid + "|" + code))
	return "o" + hex.EncodeToString(sum[:])[:27]
}

func (s *Server) v2AuthCodeToOpenID(c *v2Call) {
	m := c.m
	code := m["auth_code"]
	if m["appid"] == "" || code == "" || len(code) > 128 {
		c.paramFail()
		return
	}
	st := s.v2more()
	st.mu.Lock()
	expired := st.expired[code]
	st.mu.Unlock()
	s.mu.Lock()
	served := m["sub_mch_id"] == "" || s.a.subs[m["sub_mch_id"]]
	s.mu.Unlock()
	switch {
	case len(code) != 18 || strings.Trim(code, "0123456789") != "" || code[:2] < "10" || code[:2] > "15":
		c.fail("AUTH_CODE_INVALID", "付款码检验错误")
	case expired:
		c.fail("AUTHCODEEXPIRE", "付款码过期")
	case !served:
		c.fail("AUTH_CODE_ERROR", "付款码错误")
	default:
		out := map[string]string{"openid": fakeOpenID(m["appid"], code), "sub_mch_id": m["sub_mch_id"], "sub_appid": m["sub_appid"]}
		if m["sub_appid"] != "" {
			out["sub_openid"] = fakeOpenID(m["sub_appid"], code)
		}
		c.ok(out)
	}
}
