package pay_test

import (
	"bytes"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/weixin-go/wechat/fakewechat/fakepay"
	"github.com/weixin-go/wechat/pay"
)

func TestMutualTLSClientHelper(t *testing.T) {
	srv := newServer(t, fakepay.ModePublicKey)
	hc, err := pay.MutualTLSClient(srv.Keys.Merchant.CertPEM, srv.Keys.Merchant.KeyPEM, srv.RootCAs())
	if err != nil {
		t.Fatal(err)
	}
	c := newClient(t, srv, pay.VerifyPublicKey, pay.WithTLSClient(hc))
	cx := ctx(t)
	if _, err := c.Micropay(cx, &pay.MicropayRequest{AppID: "wx1", Body: "b", OutTradeNo: "TLS1", TotalFee: 1, SpbillCreateIP: "1.1.1.1", AuthCode: "1"}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Reverse(cx, &pay.ReverseRequest{AppID: "wx1", OutTradeNo: "TLS1"}); err != nil {
		t.Fatalf("Reverse over MutualTLSClient: %v", err)
	}
	if _, err := pay.MutualTLSClient(srv.Keys.Merchant.CertPEM, srv.Keys.Rogue.KeyPEM, nil); err == nil || strings.Contains(err.Error(), "PRIVATE") {
		t.Fatalf("mismatched pair: %v", err)
	}
}

func TestStandaloneVerification(t *testing.T) {
	srv := newServer(t, fakepay.ModePublicKey)
	c := newClient(t, srv, pay.VerifyPublicKey)
	body := []byte(`{"prepay_id":"wx1"}`)
	h := srv.SignBody(body, fakepay.KeyPublicKey)
	if err := c.VerifySignature(ctx(t), h, body); err != nil {
		t.Fatal(err)
	}
	got, err := c.VerifyResponse(ctx(t), &http.Response{Header: h, Body: io.NopCloser(bytes.NewReader(body))})
	if err != nil || !bytes.Equal(got, body) {
		t.Fatalf("VerifyResponse: %s %v", got, err)
	}
	if err := c.VerifySignature(ctx(t), h, append(body, ' ')); !errors.Is(err, pay.ErrBadSignature) {
		t.Fatalf("want ErrBadSignature, got %v", err)
	}
	hdr, nb, _ := srv.BuildNotification(pay.EventRefundSuccess, map[string]any{"refund_status": "SUCCESS"}, fakepay.KeyPublicKey)
	req := httptest.NewRequest(http.MethodPost, "/notify", bytes.NewReader(nb))
	req.Header = hdr
	n, err := c.ParseNotificationRequest(req)
	if err != nil {
		t.Fatal(err)
	}
	r, err := n.Refund()
	if err != nil || r.RefundStatus != "SUCCESS" || n.Resource.OriginalType != "refund" {
		t.Fatalf("refund notification: %+v %v", r, err)
	}
	auth, err := c.Authorization(http.MethodGet, "/v3/certificates", nil)
	if err != nil || !strings.HasPrefix(auth, pay.SignatureScheme+` mchid="`+srv.Opts.MchID+`",nonce_str="`) {
		t.Fatalf("Authorization: %s %v", auth, err)
	}
	if c.MchID() != srv.Opts.MchID {
		t.Fatal("MchID")
	}
}

func TestErrorStrings(t *testing.T) {
	e := &pay.Error{StatusCode: 500, RequestID: "R1", Code: "SYSTEM_ERROR", Message: "系统错误"}
	if !e.Temporary() || !strings.Contains(e.Error(), "SYSTEM_ERROR") || !strings.Contains(e.Error(), "R1") {
		t.Fatalf("%v temporary=%v", e, e.Temporary())
	}
	if (&pay.Error{StatusCode: 400, Code: "PARAM_ERROR"}).Temporary() {
		t.Fatal("PARAM_ERROR is not temporary")
	}
	v := &pay.V2Error{ReturnCode: "SUCCESS", ResultCode: "FAIL", ErrCode: "USERPAYING"}
	if !strings.Contains(v.Error(), "USERPAYING") {
		t.Fatal(v.Error())
	}
	if got := pay.FormatTime(time.Date(2018, 6, 8, 10, 34, 56, 0, time.FixedZone("CST", 8*3600))); got != "2018-06-08T10:34:56+08:00" {
		t.Fatal(got)
	}
	// A verified error response with a non-JSON body still becomes *pay.Error.
	srv := newServer(t, fakepay.ModePublicKey)
	srv.SetHook(func(_ *http.Request, h http.Header, b []byte) []byte {
		nb := []byte("<html>bad gateway</html>")
		for k, v := range srv.SignBody(nb, fakepay.KeyPublicKey) {
			h[k] = v
		}
		return nb
	})
	c := newClient(t, srv, pay.VerifyPublicKey)
	_, err := c.QueryTransactionByID(ctx(t), "42")
	wantPayError(t, err, 404, "UNPARSEABLE_ERROR")
}
