package pay_test

import (
	"crypto/md5"
	"encoding/hex"
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/pay"
)

func TestBankTransferFlow(t *testing.T) {
	srv, c, rec := newV2Client(t)
	cx := ctx(t)
	key, err := c.BankPublicKey(cx)
	if err != nil || key.N.Cmp(srv.Keys.Platform2.Key.N) != 0 {
		t.Fatalf("BankPublicKey: %v", err)
	}
	if sent := rec.sent(t); sent["sign_type"] != "MD5" || sent["mch_id"] != srv.Opts.MchID {
		t.Fatalf("getpublickey sent %v", sent)
	}
	req := &pay.BankTransferRequest{PartnerTradeNo: "1212121221227", BankNo: "6225760000000000", TrueName: "张三",
		BankCode: "1001", Amount: 500000, Desc: "理财"}
	r, err := c.PayBank(cx, req) // fetches the key itself
	if err != nil || r.PaymentNo == "" || r.Amount != 500000 || r.CmmsAmt != 500 || r.PartnerTradeNo != "1212121221227" {
		t.Fatalf("PayBank: %+v %v", r, err)
	}
	sent := rec.sent(t)
	if sent["enc_bank_no"] == "" || strings.Contains(sent["enc_bank_no"], "6225") || sent["bank_code"] != "1001" || sent["amount"] != "500000" {
		t.Fatalf("pay_bank sent %v", sent)
	}
	if got := srv.TransferBalance(""); got != 10_000_000-500000-500 {
		t.Fatalf("balance %d", got)
	}
	req.PublicKey = key
	if again, err := c.PayBank(cx, req); err != nil || again.PaymentNo != r.PaymentNo {
		t.Fatalf("retry: %+v %v", again, err)
	}
	q, err := c.QueryBankTransfer(cx, "1212121221227")
	sum := md5.Sum([]byte("6225760000000000"))
	if err != nil || q.Status != pay.BankTransferProcessing || q.BankNoMD5 != strings.ToUpper(hex.EncodeToString(sum[:])) || q.CreateTime == "" {
		t.Fatalf("QueryBankTransfer: %+v %v", q, err)
	}
	srv.SetBankTransferStatus("", "1212121221227", "SUCCESS", "")
	if q, err := c.QueryBankTransfer(cx, "1212121221227"); err != nil || q.Status != pay.BankTransferSuccess || q.PaySuccTime == "" {
		t.Fatalf("success: %+v %v", q, err)
	}
	srv.SetBankTransferStatus("", "1212121221227", "BANK_FAIL", "银行退票")
	if q, err := c.QueryBankTransfer(cx, "1212121221227"); err != nil || q.Status != pay.BankTransferBankFail || q.Reason != "银行退票" || srv.TransferBalance("") != 10_000_000 {
		t.Fatalf("bank fail: %+v %v", q, err)
	}

	// Failures.
	_, err = c.QueryBankTransfer(cx, "nosuchpayment")
	wantV2Code(t, err, "NOT_FOUND")
	other := *req
	other.Amount = 1
	_, err = c.PayBank(cx, &other)
	wantV2Code(t, err, "PARAM_ERROR") // same number, other content
	other.PartnerTradeNo, other.BankCode = "1212121221228", "9999"
	_, err = c.PayBank(cx, &other)
	wantV2Code(t, err, "PARAM_ERROR")
	other.BankCode, other.PublicKey = "1002", &srv.Keys.PublicKey.Key.PublicKey // the wrong key
	_, err = c.PayBank(cx, &other)
	wantV2Code(t, err, "PARAM_ERROR")
	srv.SetTransferBalance("", 100)
	other.PublicKey = key
	_, err = c.PayBank(cx, &other)
	wantV2Code(t, err, "NOTENOUGH") // 1 fen plus the 100 fen minimum fee
	var ae *wechat.ArgumentError
	for _, bad := range []*pay.BankTransferRequest{
		{PartnerTradeNo: "short", BankNo: "1", TrueName: "n", BankCode: "1001", Amount: 1, PublicKey: key},
		{PartnerTradeNo: "12345678", BankNo: "1", TrueName: "n", BankCode: "1001", PublicKey: key},
		{PartnerTradeNo: "1234-5678", BankNo: "1", TrueName: "n", BankCode: "1001", Amount: 1, PublicKey: key},
		{PartnerTradeNo: "12345678", TrueName: "n", BankCode: "1001", Amount: 1, PublicKey: key},
	} {
		if _, err := c.PayBank(cx, bad); !errors.As(err, &ae) {
			t.Errorf("%+v: %v", bad, err)
		}
	}
	if _, err := newClient(t, srv, pay.VerifyPublicKey).QueryBankTransfer(cx, "12345678"); !errors.As(err, &ae) {
		t.Errorf("without certificate: %v", err)
	}
}

// hostRecorder fails every request, keeping its URL.
type hostRecorder struct{ url string }

func (h *hostRecorder) RoundTrip(r *http.Request) (*http.Response, error) {
	h.url = r.URL.String()
	return nil, errors.New("offline")
}

func TestBankPublicKeyHost(t *testing.T) {
	srv := newServer(t, 0)
	h := &hostRecorder{}
	c, err := pay.New(testConfig(srv, pay.VerifyPublicKey), pay.WithTLSClient(&http.Client{Transport: h}))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.BankPublicKey(ctx(t)); err == nil || h.url != pay.FraudBaseURL+"/risk/getpublickey" {
		t.Fatalf("got %q %v", h.url, err)
	}
}
