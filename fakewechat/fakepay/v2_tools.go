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
package fakepay

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
)

func init() {
	v2Routes["/tools/authcodetoopenid"] = v2Route{h: (*Server).v2AuthCodeToOpenID}
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
