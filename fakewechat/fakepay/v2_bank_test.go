package fakepay

import "testing"

func TestV2BankNeedsCertificateAndKey(t *testing.T) {
	s := New(Options{})
	defer s.Close()
	if out := postV2Test(t, s, s.Client(), "/risk/getpublickey", map[string]string{"sign_type": "MD5"}, "MD5"); out["return_code"] != "FAIL" {
		t.Fatalf("getpublickey without certificate: %v", out)
	}
	out := postV2Test(t, s, s.MutualTLSClient(), "/risk/getpublickey", map[string]string{"sign_type": "MD5"}, "MD5")
	if out["result_code"] != "SUCCESS" || out["pub_key"] == "" {
		t.Fatalf("getpublickey: %v", out)
	}
	// Plain text where RSA ciphertext belongs.
	out = postV2Test(t, s, s.MutualTLSClient(), "/mmpaysptrans/pay_bank", map[string]string{"partner_trade_no": "12345678",
		"enc_bank_no": "6225760000000000", "enc_true_name": "张三", "bank_code": "1001", "amount": "100"}, "MD5")
	if out["err_code"] != "PARAM_ERROR" {
		t.Fatalf("plain text account: %v", out)
	}
	if s.SetBankTransferStatus("", "12345678", "SUCCESS", "") {
		t.Fatal("status of an unknown payment")
	}
}
