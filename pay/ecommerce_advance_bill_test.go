package pay_test

import (
	"bytes"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/weixin-go/wechat/fakewechat/fakepay"
	"github.com/weixin-go/wechat/pay"
)

func TestEcommerceReturnAdvance(t *testing.T) {
	for _, m := range modes {
		t.Run(m.name, func(t *testing.T) {
			srv := newServer(t, m.server)
			rec := &bodyRecorder{next: srv.Client().Transport, bodies: map[string]string{}}
			c := newClient(t, srv, m.client, pay.WithHTTPClient(&http.Client{Transport: rec}))
			cx := ctx(t)
			sub := fakepay.DefaultSubMchID
			if _, err := c.Partner.PrepayJSAPI(cx, partnerReq("RA000001", 100)); err != nil {
				t.Fatal(err)
			}
			if _, ok := srv.PayPartnerOrder(sub, "RA000001"); !ok {
				t.Fatal("PayPartnerOrder")
			}
			plain, err := c.Ecommerce.Refund(cx, ecomRefundReq("RA000001", "RAR00001", 30, 100))
			if err != nil {
				t.Fatal(err)
			}
			adv := ecomRefundReq("RA000001", "RAR00002", 60, 100)
			adv.RefundAccount = "REFUND_SOURCE_PARTNER_ADVANCE"
			rf, err := c.Ecommerce.Refund(cx, adv)
			if err != nil {
				t.Fatal(err)
			}

			_, err = c.Ecommerce.QueryReturnAdvance(cx, sub, rf.RefundID)
			wantPayError(t, err, http.StatusNotFound, "RESOURCE_NOT_EXISTS") // nothing returned yet
			ra, err := c.Ecommerce.ReturnAdvance(cx, sub, rf.RefundID)
			if err != nil || ra.RefundID != rf.RefundID || ra.AdvanceReturnID == "" || ra.ReturnAmount != 60 ||
				ra.Result != pay.ReturnAdvanceSuccess || ra.PayerMchID != sub || ra.PayeeMchID != srv.Opts.MchID ||
				ra.PayerAccount != "BASIC" || ra.SuccessTime == "" {
				t.Fatalf("ReturnAdvance: %+v %v", ra, err)
			}
			if got := rec.bodies["/v3/ecommerce/refunds/"+rf.RefundID+"/return-advance"]; got != `{"sub_mchid":"`+sub+`"}` {
				t.Fatal(got)
			}
			again, err := c.Ecommerce.ReturnAdvance(cx, sub, rf.RefundID)
			if err != nil || again.AdvanceReturnID != ra.AdvanceReturnID {
				t.Fatalf("repeated ReturnAdvance: %+v %v", again, err)
			}
			q, err := c.Ecommerce.QueryReturnAdvance(cx, sub, rf.RefundID)
			if err != nil || *q != *ra {
				t.Fatalf("QueryReturnAdvance: %+v %v", q, err)
			}

			_, err = c.Ecommerce.ReturnAdvance(cx, sub, plain.RefundID)
			wantPayError(t, err, http.StatusBadRequest, "INVALID_REQUEST") // not advanced
			_, err = c.Ecommerce.ReturnAdvance(cx, sub, "50000000382019052709732678859")
			wantPayError(t, err, http.StatusNotFound, "RESOURCE_NOT_EXISTS")
			_, err = c.Ecommerce.ReturnAdvance(cx, "1900009999", rf.RefundID)
			wantPayError(t, err, http.StatusBadRequest, "INVALID_REQUEST") // not a served sub-merchant
			_, err = c.Ecommerce.ReturnAdvance(cx, "", rf.RefundID)
			wantArg(t, err)
			_, err = c.Ecommerce.QueryReturnAdvance(cx, sub, strings.Repeat("9", 33))
			wantArg(t, err)
		})
	}
}

func TestEcommerceFundFlowBill(t *testing.T) {
	for _, m := range modes {
		t.Run(m.name, func(t *testing.T) {
			srv := newServer(t, m.server)
			c := newClient(t, srv, m.client)
			cx := ctx(t)
			content := []byte("记账时间,微信支付业务单号,资金流水单号\n`2026-01-01 10:00:00,`4200000001,`1900000109\n" + strings.Repeat("x,y,z\n", 5000))
			srv.AddBill("2026-01-01", content)
			for _, tar := range []string{"", "GZIP"} {
				bills, err := c.Ecommerce.FundFlowBill(cx, &pay.EcommerceFundFlowBillRequest{BillDate: "2026-01-01", TarType: tar})
				if err != nil || bills.DownloadBillCount != 1 || len(bills.DownloadBillList) != 1 {
					t.Fatalf("FundFlowBill %q: %+v %v", tar, bills, err)
				}
				b := bills.DownloadBillList[0]
				if b.BillSequence != 1 || b.EncryptKey == "" || b.Nonce == "" || b.TarType != tar {
					t.Fatalf("%+v", b)
				}
				var out bytes.Buffer
				n, err := c.DownloadEncryptedBill(cx, &b, &out)
				if err != nil || n != int64(len(content)) || !bytes.Equal(out.Bytes(), content) {
					t.Fatalf("DownloadEncryptedBill %q: n=%d err=%v", tar, n, err)
				}
				// A wrong digest, nonce or key is refused.
				bad := b
				bad.HashValue = strings.Repeat("0", 40)
				if _, err := c.DownloadEncryptedBill(cx, &bad, io.Discard); !errors.Is(err, pay.ErrBillHash) {
					t.Fatalf("wrong hash: %v", err)
				}
				bad = b
				bad.Nonce = "0123456789abcdef"
				var none bytes.Buffer
				if _, err := c.DownloadEncryptedBill(cx, &bad, &none); err == nil || none.Len() != 0 {
					t.Fatalf("wrong nonce: %v, %d bytes written", err, none.Len())
				}
				bad = b
				bad.EncryptKey = "bm90IGEga2V5"
				if _, err := c.DownloadEncryptedBill(cx, &bad, io.Discard); err == nil {
					t.Fatal("undecryptable key accepted")
				}
			}
			_, err := c.Ecommerce.FundFlowBill(cx, &pay.EcommerceFundFlowBillRequest{BillDate: "2026-01-02"})
			wantPayError(t, err, http.StatusBadRequest, "NO_STATEMENT_EXIST")
			_, err = c.Ecommerce.FundFlowBill(cx, &pay.EcommerceFundFlowBillRequest{BillDate: "2026-01-01", TarType: "ZIP"})
			wantArg(t, err)
			_, err = c.Ecommerce.FundFlowBill(cx, nil)
			wantArg(t, err)
			foreign := pay.EncryptedBill{DownloadURL: "https://example.com/x", HashType: "SHA1", HashValue: strings.Repeat("0", 40)}
			if _, err := c.DownloadEncryptedBill(cx, &foreign, io.Discard); err == nil {
				t.Fatal("downloaded from another host")
			}
		})
	}
}
