package fakepay

import (
	"testing"
)

func TestV2PAPayRules(t *testing.T) {
	s := New(Options{})
	defer s.Close()
	id := s.SignPAPayContract(PAPayContractSigning{AppID: "wxcbda96de0b165486", PlanID: "12535", ContractCode: "100000", RequestSerial: 1, OpenID: "o1"})
	if again := s.SignPAPayContract(PAPayContractSigning{AppID: "wxcbda96de0b165486", PlanID: "12535", ContractCode: "100000", OpenID: "o1"}); again != id {
		t.Fatalf("signing twice: %s %s", id, again)
	}
	// version 1.0 is required; so is the contract naming.
	out := postV2Test(t, s, s.Client(), "/papay/querycontract", map[string]string{"appid": "wxcbda96de0b165486", "contract_id": id}, "MD5")
	if out["return_code"] != "FAIL" || out["return_msg"] != "参数格式校验错误" {
		t.Fatalf("no version: %v", out)
	}
	out = postV2Test(t, s, s.Client(), "/papay/querycontract", map[string]string{"appid": "wxcbda96de0b165486", "plan_id": "12535", "version": "1.0"}, "MD5")
	if out["return_code"] != "FAIL" {
		t.Fatalf("no contract_code: %v", out)
	}
	out = postV2Test(t, s, s.Client(), "/papay/querycontract", map[string]string{"appid": "wxcbda96de0b165486", "contract_id": id, "version": "1.0"}, "MD5")
	if out["result_code"] != "SUCCESS" || out["contract_state"] != "0" || v2sign(out, DefaultAPIv2Key, "MD5") != out["sign"] {
		t.Fatalf("querycontract: %v", out)
	}
	apply := map[string]string{"appid": "wxcbda96de0b165486", "body": "b", "out_trade_no": "p0000001", "total_fee": "1",
		"spbill_create_ip": "1.1.1.1", "notify_url": "https://example.com/n", "trade_type": "JSAPI", "contract_id": id}
	if out := postV2Test(t, s, s.Client(), "/pay/pappayapply", apply, "MD5"); out["err_code"] != "PARAM_ERROR" {
		t.Fatalf("trade_type JSAPI: %v", out)
	}
	apply["trade_type"], apply["contract_id"] = "PAP", "Wx0"
	if out := postV2Test(t, s, s.Client(), "/pay/pappayapply", apply, "MD5"); out["err_code"] != "CONTRACT_NOT_EXIST" {
		t.Fatalf("unknown contract: %v", out)
	}
	delete(apply, "notify_url")
	if out := postV2Test(t, s, s.Client(), "/pay/pappayapply", apply, "MD5"); out["return_code"] != "FAIL" {
		t.Fatalf("no notify_url: %v", out)
	}
	if _, ok := s.PAPayContractNotification("Wx0"); ok {
		t.Fatal("notification of an unknown contract")
	}
}

func TestV2AuthCodeToOpenIDNeedsFields(t *testing.T) {
	s := New(Options{})
	defer s.Close()
	if out := postV2Test(t, s, s.Client(), "/tools/authcodetoopenid", map[string]string{"appid": "wx2421b1c4370ec43b"}, "MD5"); out["return_code"] != "FAIL" || out["return_msg"] != "参数格式校验错误" {
		t.Fatalf("no auth_code: %v", out)
	}
	out := postV2Test(t, s, s.Client(), "/tools/authcodetoopenid", map[string]string{"appid": "wx2421b1c4370ec43b", "auth_code": "154570572084180697", "sign_type": "HMAC-SHA256"}, "HMAC-SHA256")
	if out["result_code"] != "SUCCESS" || out["openid"] == "" || v2sign(out, DefaultAPIv2Key, "HMAC-SHA256") != out["sign"] {
		t.Fatalf("HMAC authcodetoopenid: %v", out)
	}
}

func TestV2BatchQueryCommentIsHMACWithCertificate(t *testing.T) {
	s := New(Options{})
	defer s.Close()
	q := map[string]string{"appid": "wxe062425f740c30d8", "begin_time": "20170724000000", "end_time": "20170725000000", "offset": "0", "sign_type": "MD5"}
	if out := postV2Test(t, s, s.MutualTLSClient(), "/billcommentsp/batchquerycomment", q, "MD5"); out["return_code"] != "FAIL" {
		t.Fatalf("MD5: %v", out)
	}
	q["sign_type"] = "HMAC-SHA256"
	if out := postV2Test(t, s, s.Client(), "/billcommentsp/batchquerycomment", q, "HMAC-SHA256"); out["return_code"] != "FAIL" {
		t.Fatalf("no certificate: %v", out)
	}
	q["limit"] = "201"
	if out := postV2Test(t, s, s.MutualTLSClient(), "/billcommentsp/batchquerycomment", q, "HMAC-SHA256"); out["return_msg"] != "参数格式校验错误" {
		t.Fatalf("limit 201: %v", out)
	}
}
