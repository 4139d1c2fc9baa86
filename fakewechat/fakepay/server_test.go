package fakepay

import (
	"crypto"
	"crypto/rsa"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
)

func TestUnsignedRequestRejectedWithSignedError(t *testing.T) {
	s := New(Options{Mode: ModePublicKey})
	defer s.Close()
	req, _ := http.NewRequest(http.MethodGet, s.URL+"/v3/pay/transactions/id/1?mchid="+DefaultMchID, nil)
	req.Header.Set("Authorization", `WECHATPAY2-SHA256-RSA2048 mchid="`+DefaultMchID+`",nonce_str="n",timestamp="1",serial_no="x",signature="AAAA"`)
	resp, err := s.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	var e apiError
	if resp.StatusCode != http.StatusUnauthorized || json.Unmarshal(body, &e) != nil || e.Code != "SIGN_ERROR" {
		t.Fatalf("got %d %s", resp.StatusCode, body)
	}
	// Even the error answer is signed, with the public key in this mode.
	h := resp.Header
	if h.Get("Wechatpay-Serial") != PublicKeyID {
		t.Fatalf("serial %q", h.Get("Wechatpay-Serial"))
	}
	sig, _ := base64.StdEncoding.DecodeString(h.Get("Wechatpay-Signature"))
	sum := sha256.Sum256([]byte(h.Get("Wechatpay-Timestamp") + "\n" + h.Get("Wechatpay-Nonce") + "\n" + string(body) + "\n"))
	if err := rsa.VerifyPKCS1v15(&s.Keys.PublicKey.Key.PublicKey, crypto.SHA256, sum[:], sig); err != nil {
		t.Fatalf("error response signature: %v", err)
	}
}

func TestV2RejectsBadSign(t *testing.T) {
	s := New(Options{})
	defer s.Close()
	resp, err := s.Client().Post(s.URL+"/pay/micropay", "application/xml",
		strings.NewReader(`<xml><mch_id>`+DefaultMchID+`</mch_id><nonce_str>x</nonce_str><sign>BAD</sign></xml>`))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	m, err := parseXML(b)
	if err != nil || m["return_code"] != "FAIL" {
		t.Fatalf("got %s", b)
	}
}
