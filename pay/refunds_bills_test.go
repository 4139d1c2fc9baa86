package pay_test

import (
	"bytes"
	"crypto/sha1"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strings"
	"testing"

	"github.com/weixin-go/wechat/fakewechat/fakepay"
	"github.com/weixin-go/wechat/pay"
)

func TestRefundFlow(t *testing.T) {
	for _, m := range modes {
		t.Run(m.name, func(t *testing.T) {
			srv := newServer(t, m.server)
			c := newClient(t, srv, m.client)
			cx := ctx(t)
			if _, err := c.PrepayNative(cx, &pay.PrepayRequest{AppID: "wx1", Description: "d", OutTradeNo: "R1", NotifyURL: "https://e/n", Amount: pay.Amount{Total: 500}}); err != nil {
				t.Fatal(err)
			}
			_, err := c.RefundByOutTradeNo(cx, "R1", "RF0", 100, 500, "", "")
			wantPayError(t, err, 400, "INVALID_REQUEST") // not paid yet
			tx, _ := srv.PayOrder("R1")

			rf, err := c.RefundByOutTradeNo(cx, "R1", "RF1", 100, 500, "https://e/refund", "不想要了")
			if err != nil || rf.Status != pay.RefundStatusProcessing || rf.Amount.Refund != 100 || rf.RefundID == "" {
				t.Fatalf("RefundByOutTradeNo: %+v %v", rf, err)
			}
			rf2, err := c.RefundByTransactionID(cx, tx["transaction_id"].(string), "RF2", 400, 500, "", "")
			if err != nil || rf2.OutTradeNo != "R1" {
				t.Fatalf("RefundByTransactionID: %+v %v", rf2, err)
			}
			_, err = c.RefundByOutTradeNo(cx, "R1", "RF3", 1, 500, "", "")
			wantPayError(t, err, 400, "INVALID_REQUEST") // fully refunded
			if _, err := c.Refund(cx, &pay.RefundRequest{OutTradeNo: "R1", TransactionID: "x", OutRefundNo: "RF4", Amount: pay.RefundAmountRequest{Refund: 1, Total: 500}}); err == nil {
				t.Error("both ids accepted")
			}
			if _, err := c.Refund(cx, &pay.RefundRequest{OutTradeNo: "R1", OutRefundNo: "RF4", Amount: pay.RefundAmountRequest{Refund: 600, Total: 500}}); err == nil {
				t.Error("refund above total accepted")
			}

			q, err := c.QueryRefund(cx, "RF1")
			if err != nil || q.RefundID != rf.RefundID {
				t.Fatalf("QueryRefund: %+v %v", q, err)
			}
			_, err = c.QueryRefund(cx, "nope")
			wantPayError(t, err, 404, "RESOURCE_NOT_EXISTS")

			// Abnormal refund: bank details are encrypted for WeChat Pay.
			srv.SetRefundStatus("RF1", "ABNORMAL")
			ab, err := c.ApplyAbnormalRefund(cx, rf.RefundID, &pay.AbnormalRefundRequest{
				OutRefundNo: "RF1", Type: pay.AbnormalRefundUserBankCard, BankType: "ICBC_DEBIT",
				BankAccount: "6222020000000000000", RealName: "张三",
			})
			if err != nil || ab.Status != pay.RefundStatusProcessing {
				t.Fatalf("ApplyAbnormalRefund: %+v %v", ab, err)
			}
			got := srv.AbnormalRefundFields(rf.RefundID)
			if got["bank_account"] != "6222020000000000000" || got["real_name"] != "张三" {
				t.Fatalf("server decrypted %v", got)
			}
			_, err = c.ApplyAbnormalRefund(cx, rf2.RefundID, &pay.AbnormalRefundRequest{OutRefundNo: "RF2", Type: pay.AbnormalRefundMerchantBankCard})
			wantPayError(t, err, 400, "INVALID_REQUEST") // RF2 is not ABNORMAL
		})
	}
}

func TestSensitiveRoundTrip(t *testing.T) {
	srv := newServer(t, fakepay.ModePublicKey)
	c := newClient(t, srv, pay.VerifyPublicKey)
	ct, serial, err := c.EncryptSensitive(ctx(t), "13800138000")
	if err != nil || serial != fakepay.PublicKeyID || ct == "" {
		t.Fatalf("EncryptSensitive: %q %q %v", ct, serial, err)
	}
	if _, err := c.DecryptSensitive(ct); err == nil {
		t.Fatal("merchant key decrypted data meant for WeChat Pay")
	}
	// Data WeChat Pay encrypts for the merchant decrypts with the merchant key.
	other, err := pay.New(pay.Config{MchID: "1", SerialNo: "1", PrivateKey: srv.Keys.PublicKey.KeyPEM,
		APIv3Key: fakepay.DefaultAPIv3Key, VerifyMode: pay.VerifyPublicKey, PublicKeyID: fakepay.PublicKeyID, PublicKey: srv.Keys.Merchant.PubPEM})
	if err != nil {
		t.Fatal(err)
	}
	ct2, _, err := other.EncryptSensitive(ctx(t), "张三")
	if err != nil {
		t.Fatal(err)
	}
	pt, err := c.DecryptSensitive(ct2)
	if err != nil || pt != "张三" {
		t.Fatalf("DecryptSensitive: %q %v", pt, err)
	}
	if _, err := c.DecryptSensitive("!!"); err == nil {
		t.Error("non-base64 accepted")
	}
}

// countingWriter counts bytes and hashes them, keeping nothing.
type countingWriter struct{ n int64 }

func (w *countingWriter) Write(p []byte) (int, error) { w.n += int64(len(p)); return len(p), nil }

func makeBill(size int) []byte {
	var b bytes.Buffer
	b.WriteString("交易时间,公众账号ID,商户号,微信订单号,商户订单号,交易状态,订单金额\n")
	for i := 0; b.Len() < size; i++ {
		fmt.Fprintf(&b, "`2026-01-01 12:00:%02d,`wx1,`1900000109,`42000%014d,`T%010d,`SUCCESS,`%d.%02d\n", i%60, i, i, i%1000, i%100)
	}
	return b.Bytes()
}

func TestBills(t *testing.T) {
	srv := newServer(t, fakepay.ModePublicKey)
	c := newClient(t, srv, pay.VerifyPublicKey)
	cx := ctx(t)
	small := makeBill(10 << 10)
	srv.AddBill("2026-01-01", small)

	for _, tar := range []string{"", "GZIP"} {
		b, err := c.TradeBill(cx, &pay.TradeBillRequest{BillDate: "2026-01-01", TarType: tar})
		if err != nil || b.HashType != "SHA1" {
			t.Fatalf("TradeBill %q: %+v %v", tar, b, err)
		}
		var out bytes.Buffer
		n, err := c.DownloadBill(cx, b, &out)
		if err != nil || n != int64(len(small)) || !bytes.Equal(out.Bytes(), small) {
			t.Fatalf("DownloadBill %q: n=%d err=%v", tar, n, err)
		}
	}
	fb, err := c.FundFlowBill(cx, &pay.FundFlowBillRequest{BillDate: "2026-01-01", AccountType: "OPERATION", TarType: "GZIP"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.DownloadBill(cx, fb, io.Discard); err != nil {
		t.Fatalf("fund flow download: %v", err)
	}
	_, err = c.TradeBill(cx, &pay.TradeBillRequest{BillDate: "2020-01-01"})
	wantPayError(t, err, 400, "NO_STATEMENT_EXIST")

	bad := *fb
	sum := sha1.Sum([]byte("other"))
	bad.HashValue = hex.EncodeToString(sum[:])
	if _, err := c.DownloadBill(cx, &bad, io.Discard); !errors.Is(err, pay.ErrBillHash) {
		t.Fatalf("want ErrBillHash, got %v", err)
	}
	foreign := *fb
	foreign.DownloadURL = strings.Replace(fb.DownloadURL, "127.0.0.1", "evil.example", 1)
	if _, err := c.DownloadBill(cx, &foreign, io.Discard); err == nil {
		t.Fatal("download URL on a foreign host accepted (would leak Authorization)")
	}
}

func TestBillDownloadStreams(t *testing.T) {
	if testing.Short() {
		t.Skip("multi-megabyte bill")
	}
	srv := newServer(t, fakepay.ModePublicKey)
	c := newClient(t, srv, pay.VerifyPublicKey)
	cx := ctx(t)
	size := 8 << 20
	if raceEnabled {
		size = 3 << 20 // the race detector slows gzip tenfold
	}
	big := makeBill(size)
	srv.AddBill("2026-02-02", big)
	for _, tar := range []string{"", "GZIP"} {
		b, err := c.TradeBill(cx, &pay.TradeBillRequest{BillDate: "2026-02-02", TarType: tar})
		if err != nil {
			t.Fatal(err)
		}
		var w countingWriter
		runtime.GC()
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		n, err := c.DownloadBill(cx, b, &w)
		runtime.ReadMemStats(&after)
		if err != nil || n != int64(len(big)) || w.n != n {
			t.Fatalf("%q: n=%d written=%d err=%v", tar, n, w.n, err)
		}
		// The fake server shares the process; both sides together (gzip
		// state included, about 1.3 MB) must allocate well under the bill.
		if alloc := after.TotalAlloc - before.TotalAlloc; alloc > uint64(2<<20+size/8) {
			t.Fatalf("%q: downloading a %d-byte bill allocated %d bytes: not streamed", tar, len(big), alloc)
		}
	}
}
