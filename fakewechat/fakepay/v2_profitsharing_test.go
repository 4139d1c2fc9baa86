package fakepay

import "testing"

func TestV2ProfitSharingFailureShapes(t *testing.T) {
	s := New(Options{})
	defer s.Close()
	// HMAC-SHA256 only.
	if out := postV2Test(t, s, s.Client(), "/pay/profitsharingorderamountquery", map[string]string{"transaction_id": "42", "sign_type": "MD5"}, "MD5"); out["return_code"] != "FAIL" {
		t.Fatalf("MD5 accepted: %v", out)
	}
	// Signed HMAC-SHA256 without sign_type: accepted as HMAC-SHA256.
	out := postV2Test(t, s, s.Client(), "/pay/profitsharingorderamountquery", map[string]string{"transaction_id": "42"}, "HMAC-SHA256")
	if out["return_code"] != "FAIL" || out["error_code"] != "INVALID_REQUEST" || out["error_msg"] == "" || out["result_code"] != "" {
		t.Fatalf("amount query failure: %v", out)
	}
	out = postV2Test(t, s, s.Client(), "/pay/profitsharingmerchantratioquery", map[string]string{"sign_type": "HMAC-SHA256"}, "HMAC-SHA256")
	if out["return_code"] != "FAIL" || out["err_code"] != "PARAM_ERROR" || out["err_msg"] == "" {
		t.Fatalf("ratio failure: %v", out)
	}
	out = postV2Test(t, s, s.Client(), "/pay/profitsharingmerchantratioquery", map[string]string{"sign_type": "HMAC-SHA256", "sub_mch_id": DefaultSubMchID}, "HMAC-SHA256")
	if out["return_code"] != "SUCCESS" || out["max_ratio"] != "3000" || out["result_code"] != "" || v2sign(out, DefaultAPIv2Key, "HMAC-SHA256") != out["sign"] {
		t.Fatalf("ratio: %v", out)
	}
	// A split without the certificate; with it, of an unknown transaction.
	split := map[string]string{"sign_type": "HMAC-SHA256", "appid": "wx1", "transaction_id": "42", "out_order_no": "P1",
		"receivers": `[{"type":"MERCHANT_ID","account":"190001001","amount":1,"description":"d"}]`}
	if out := postV2Test(t, s, s.Client(), "/secapi/pay/profitsharing", split, "HMAC-SHA256"); out["return_code"] != "FAIL" {
		t.Fatalf("split without certificate: %v", out)
	}
	if out := postV2Test(t, s, s.MutualTLSClient(), "/secapi/pay/profitsharing", split, "HMAC-SHA256"); out["result_code"] != "FAIL" || out["err_code"] != "NOT_SHARE_ORDER" {
		t.Fatalf("split of an unknown transaction: %v", out)
	}
	split["receivers"] = `{"type":"MERCHANT_ID"}`
	if out := postV2Test(t, s, s.MutualTLSClient(), "/secapi/pay/profitsharing", split, "HMAC-SHA256"); out["err_code"] != "PARAM_ERROR" {
		t.Fatalf("receivers not an array: %v", out)
	}
	ret := map[string]string{"sign_type": "HMAC-SHA256", "appid": "wx1", "out_order_no": "P1", "out_return_no": "R1",
		"return_account_type": "PERSONAL_OPENID", "return_account": "x", "return_amount": "1", "description": "d"}
	if out := postV2Test(t, s, s.MutualTLSClient(), "/secapi/pay/profitsharingreturn", ret, "HMAC-SHA256"); out["return_code"] != "FAIL" || out["error_code"] != "PARAM_ERROR" {
		t.Fatalf("return to a person: %v", out)
	}
}
