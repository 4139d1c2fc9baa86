package fakepay

import (
	"io"
	"net/http"
	"strings"
	"testing"
)

// postV2Test signs m with the default merchant's v2 key (signType) and
// POSTs it to path with hc, returning the parsed answer.
func postV2Test(t *testing.T, s *Server, hc *http.Client, path string, m map[string]string, signType string) map[string]string {
	t.Helper()
	m["mch_id"], m["nonce_str"] = DefaultMchID, "5K8264ILTKCH16CQ2502SI8ZNMTM67VS"
	m["sign"] = v2sign(m, DefaultAPIv2Key, signType)
	var b strings.Builder
	b.WriteString("<xml>")
	for k, v := range m {
		b.WriteString("<" + k + "><![CDATA[" + v + "]]></" + k + ">")
	}
	b.WriteString("</xml>")
	resp, err := hc.Post(s.URL+path, "application/xml", strings.NewReader(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	out, err := parseXML(body)
	if err != nil {
		t.Fatalf("%s: %s", path, body)
	}
	return out
}

func TestV2OrdersSignAndCertificate(t *testing.T) {
	s := New(Options{})
	defer s.Close()
	order := map[string]string{"appid": "wx2421b1c4370ec43b", "body": "b", "out_trade_no": "t0000001", "total_fee": "1",
		"spbill_create_ip": "1.1.1.1", "notify_url": "https://example.com/n", "trade_type": "APP"}
	// HMAC-SHA256 when sign_type says so; the answer is signed the same way.
	hm := map[string]string{"sign_type": "HMAC-SHA256"}
	for k, v := range order {
		hm[k] = v
	}
	out := postV2Test(t, s, s.Client(), "/pay/unifiedorder", hm, "HMAC-SHA256")
	if out["result_code"] != "SUCCESS" || out["prepay_id"] == "" || v2sign(out, DefaultAPIv2Key, "HMAC-SHA256") != out["sign"] {
		t.Fatalf("HMAC order: %v", out)
	}
	// Signed MD5 but announcing HMAC-SHA256: 签名错误.
	hm["out_trade_no"] = "t0000002"
	if out := postV2Test(t, s, s.Client(), "/pay/unifiedorder", hm, "MD5"); out["return_code"] != "FAIL" || out["return_msg"] != "签名错误" || out["sign"] != "" {
		t.Fatalf("mismatched sign type: %v", out)
	}
	// The fund-flow bill is HMAC-SHA256 only and needs the certificate.
	bill := map[string]string{"appid": "wx2421b1c4370ec43b", "bill_date": "20141110", "sign_type": "MD5"}
	if out := postV2Test(t, s, s.MutualTLSClient(), "/pay/downloadfundflow", bill, "MD5"); out["return_code"] != "FAIL" || !strings.Contains(out["return_msg"], "HMAC-SHA256") {
		t.Fatalf("MD5 fund flow: %v", out)
	}
	bill["sign_type"] = "HMAC-SHA256"
	if out := postV2Test(t, s, s.Client(), "/pay/downloadfundflow", bill, "HMAC-SHA256"); out["return_code"] != "FAIL" || !strings.Contains(out["return_msg"], "证书") {
		t.Fatalf("fund flow without certificate: %v", out)
	}
	if out := postV2Test(t, s, s.MutualTLSClient(), "/pay/downloadfundflow", bill, "HMAC-SHA256"); out["return_code"] != "FAIL" || out["error_code"] != "20002" {
		t.Fatalf("fund flow without bill: %v", out)
	}
	// Missing fields are LACK_PARAMS, named.
	delete(order, "notify_url")
	order["out_trade_no"] = "t0000003"
	if out := postV2Test(t, s, s.Client(), "/pay/unifiedorder", order, "MD5"); out["err_code"] != "LACK_PARAMS" || !strings.Contains(out["err_code_des"], "notify_url") {
		t.Fatalf("missing notify_url: %v", out)
	}
	// Limits: body of 128 characters, a time that is not yyyyMMddHHmmss.
	order["notify_url"], order["out_trade_no"] = "https://example.com/n", "t0000004"
	order["body"] = strings.Repeat("字", 128)
	if out := postV2Test(t, s, s.Client(), "/pay/unifiedorder", order, "MD5"); out["err_code"] != "INVALID_REQUEST" {
		t.Fatalf("long body: %v", out)
	}
	order["body"], order["time_expire"] = "b", "2025-01-01 10:00:00"
	if out := postV2Test(t, s, s.Client(), "/pay/unifiedorder", order, "MD5"); out["err_code"] != "INVALID_REQUEST" {
		t.Fatalf("bad time_expire: %v", out)
	}
	// The refund needs the certificate.
	refund := map[string]string{"appid": "wx2421b1c4370ec43b", "out_trade_no": "t0000001", "out_refund_no": "r1", "total_fee": "1", "refund_fee": "1"}
	if out := postV2Test(t, s, s.Client(), "/secapi/pay/refund", refund, "MD5"); out["return_code"] != "FAIL" {
		t.Fatalf("refund without certificate: %v", out)
	}
	if out := postV2Test(t, s, s.MutualTLSClient(), "/secapi/pay/refund", refund, "MD5"); out["err_code"] != "ORDERNOTEXIST" {
		t.Fatalf("refund of an unpaid order: %v", out)
	}
	refund["out_refund_no"] = "r 1"
	if out := postV2Test(t, s, s.MutualTLSClient(), "/secapi/pay/refund", refund, "MD5"); out["err_code"] != "PARAM_ERROR" {
		t.Fatalf("bad out_refund_no: %v", out)
	}
}

func TestV2RefundNotificationRoundTrip(t *testing.T) {
	s := New(Options{})
	defer s.Close()
	out := postV2Test(t, s, s.Client(), "/pay/unifiedorder", map[string]string{"appid": "wx1", "body": "b", "out_trade_no": "t0000009",
		"total_fee": "100", "spbill_create_ip": "1.1.1.1", "notify_url": "https://example.com/n", "trade_type": "APP"}, "MD5")
	if out["result_code"] != "SUCCESS" {
		t.Fatal(out)
	}
	s.PayOrder("t0000009")
	out = postV2Test(t, s, s.MutualTLSClient(), "/secapi/pay/refund", map[string]string{"appid": "wx1", "out_trade_no": "t0000009",
		"out_refund_no": "r9", "total_fee": "100", "refund_fee": "40"}, "MD5")
	if out["result_code"] != "SUCCESS" || out["refund_fee"] != "40" {
		t.Fatal(out)
	}
	body, ok := s.V2RefundNotification("r9")
	if !ok || !strings.Contains(string(body), "<req_info>") {
		t.Fatalf("%s", body)
	}
	env, _ := parseXML(body)
	if env["appid"] != "wx1" || env["return_code"] != "SUCCESS" || env["req_info"] == "" || env["sign"] != "" {
		t.Fatalf("envelope %v", env)
	}
}
