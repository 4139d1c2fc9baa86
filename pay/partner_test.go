package pay_test

import (
	"bytes"
	"crypto/sha1"
	"encoding/hex"
	"fmt"
	"net/http"
	"testing"

	"github.com/weixin-go/wechat/fakewechat/fakepay"
	"github.com/weixin-go/wechat/pay"
)

func partnerReq(no string, total int64) *pay.PartnerPrepayRequest {
	return &pay.PartnerPrepayRequest{
		SpAppID: "wxsp", SubAppID: "wxsub", SubMchID: fakepay.DefaultSubMchID, Description: "Image形象店-深圳腾大-QQ公仔",
		OutTradeNo: no, NotifyURL: "https://example.com/notify", Amount: pay.Amount{Total: total},
		Payer: &pay.PartnerPayer{SubOpenID: "o-sub"},
	}
}

func TestPartnerOrders(t *testing.T) {
	for _, m := range modes {
		t.Run(m.name, func(t *testing.T) {
			srv := newServer(t, m.server)
			c := newClient(t, srv, m.client)
			cx := ctx(t)
			sub := fakepay.DefaultSubMchID
			pr, err := c.Partner.PrepayJSAPI(cx, partnerReq("P1", 100))
			if err != nil || pr.PrepayID == "" {
				t.Fatalf("jsapi: %+v %v", pr, err)
			}
			app, err := c.Partner.PrepayApp(cx, &pay.PartnerPrepayRequest{SpAppID: "wxsp", SubAppID: "wxsubapp", SubMchID: sub, Description: "d", OutTradeNo: "P2", NotifyURL: "https://e/n", Amount: pay.Amount{Total: 1}})
			if err != nil {
				t.Fatal(err)
			}
			ap, err := c.Partner.AppPayParams("wxsubapp", sub, app.PrepayID)
			if err != nil || ap.PartnerID != sub || ap.AppID != "wxsubapp" {
				t.Fatalf("app params: %+v %v", ap, err)
			}
			verifyClientSig(t, srv, ap.Sign, ap.AppID, ap.Timestamp, ap.NonceStr, ap.PrepayID)
			jp, err := c.Partner.JSAPIPayParams("wxsub", pr.PrepayID)
			if err != nil {
				t.Fatal(err)
			}
			verifyClientSig(t, srv, jp.PaySign, jp.AppID, jp.TimeStamp, jp.NonceStr, jp.Package)
			h5 := partnerReq("P3", 1)
			h5.Payer = nil
			h5.SceneInfo = &pay.SceneInfo{PayerClientIP: "127.0.0.1", H5Info: &pay.H5Info{Type: "Wap"}}
			if r, err := c.Partner.PrepayH5(cx, h5); err != nil || r.H5URL == "" {
				t.Fatalf("h5: %+v %v", r, err)
			}
			nat := partnerReq("P4", 1)
			nat.Payer = nil
			if r, err := c.Partner.PrepayNative(cx, nat); err != nil || r.CodeURL == "" {
				t.Fatalf("native: %+v %v", r, err)
			}
			// Arguments refused before sending; sub-merchants the service
			// provider does not serve refused by WeChat Pay.
			both := partnerReq("P5", 1)
			both.Payer.SpOpenID = "o-sp"
			_, err = c.Partner.PrepayJSAPI(cx, both)
			wantArgError(t, err)
			stranger := partnerReq("P6", 1)
			stranger.SubMchID = "1900009999"
			_, err = c.Partner.PrepayJSAPI(cx, stranger)
			wantPayError(t, err, http.StatusBadRequest, "INVALID_REQUEST")

			o, err := c.Partner.QueryTransactionByOutTradeNo(cx, sub, "P1")
			if err != nil || o.TradeState != pay.TradeStateNotPay || o.SubMchID != sub || o.SpMchID != srv.Opts.MchID || o.Payer.SubOpenID != "o-sub" {
				t.Fatalf("query: %+v %v", o, err)
			}
			// Orders belong to their sub-merchant.
			srv.AddSubMerchant("1900000111")
			_, err = c.Partner.QueryTransactionByOutTradeNo(cx, "1900000111", "P1")
			wantPayError(t, err, http.StatusNotFound, "ORDER_NOT_EXIST")

			resource, ok := srv.PayPartnerOrder(sub, "P1")
			if !ok {
				t.Fatal("pay")
			}
			var txID string
			notify(t, srv, c, pay.EventTransactionSuccess, resource, func(n *pay.Notification) error {
				tx, err := n.PartnerTransaction()
				if err != nil || tx.SubMchID != sub || tx.SpAppID != "wxsp" || tx.TradeState != pay.TradeStateSuccess || tx.Amount.PayerTotal != 100 {
					return fmt.Errorf("%+v %v", tx, err)
				}
				txID = tx.TransactionID
				return nil
			})
			if o, err := c.Partner.QueryTransactionByID(cx, sub, txID); err != nil || o.OutTradeNo != "P1" {
				t.Fatalf("query by id: %+v %v", o, err)
			}
			err = c.Partner.CloseTransaction(cx, sub, "P1")
			wantPayError(t, err, http.StatusBadRequest, "ORDERPAID")
			if err := c.Partner.CloseTransaction(cx, sub, "P2"); err != nil {
				t.Fatal(err)
			}

			rr := &pay.PartnerRefundRequest{SubMchID: sub, RefundRequest: pay.RefundRequest{OutTradeNo: "P1", OutRefundNo: "PR1", Amount: pay.RefundAmountRequest{Refund: 40, Total: 100}}}
			rf, err := c.Partner.Refund(cx, rr)
			if err != nil || rf.Status != pay.RefundStatusProcessing || rf.Amount.Refund != 40 {
				t.Fatalf("refund: %+v %v", rf, err)
			}
			if again, err := c.Partner.Refund(cx, rr); err != nil || again.RefundID != rf.RefundID {
				t.Fatalf("refund retry: %+v %v", again, err)
			}
			rr.Amount.Refund = 41
			_, err = c.Partner.Refund(cx, rr)
			wantPayError(t, err, http.StatusBadRequest, "INVALID_REQUEST")
			rr.OutRefundNo = "PR2"
			rr.Amount.Refund = 61
			_, err = c.Partner.Refund(cx, rr)
			wantPayError(t, err, http.StatusBadRequest, "INVALID_REQUEST")
			if q, err := c.Partner.QueryRefund(cx, sub, "PR1"); err != nil || q.RefundID != rf.RefundID {
				t.Fatalf("query refund: %+v %v", q, err)
			}
			_, err = c.Partner.QueryRefund(cx, "1900000111", "PR1")
			wantPayError(t, err, http.StatusNotFound, "RESOURCE_NOT_EXISTS")
			resource, _ = srv.SetPartnerRefundStatus(sub, "PR1", pay.RefundStatusSuccess)
			notify(t, srv, c, pay.EventRefundSuccess, resource, func(n *pay.Notification) error {
				r, err := n.PartnerRefund()
				if err != nil || r.SubMchID != sub || r.SpMchID != srv.Opts.MchID || r.RefundStatus != pay.RefundStatusSuccess {
					return fmt.Errorf("%+v %v", r, err)
				}
				return nil
			})
		})
	}
}

func TestPartnerTradeBill(t *testing.T) {
	srv := newServer(t, fakepay.ModePublicKey)
	c := newClient(t, srv, pay.VerifyPublicKey)
	content := []byte("交易时间,公众账号ID,商户号,特约商户号\n`2026-12-01 10:00:00,`wxsp,`1900000109,`1900000110\n")
	srv.AddBill("2026-12-01", content)
	b, err := c.Partner.TradeBill(ctx(t), fakepay.DefaultSubMchID, &pay.TradeBillRequest{BillDate: "2026-12-01", TarType: "GZIP"})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := c.DownloadBill(ctx(t), b, &buf); err != nil || !bytes.Equal(buf.Bytes(), content) {
		t.Fatalf("download: %v", err)
	}
	sum := sha1.Sum(content)
	if b.HashValue != hex.EncodeToString(sum[:]) {
		t.Fatal("hash")
	}
	_, err = c.Partner.TradeBill(ctx(t), "1900009999", &pay.TradeBillRequest{BillDate: "2026-12-01"})
	wantPayError(t, err, http.StatusBadRequest, "INVALID_REQUEST")
}

func TestPartnerCombine(t *testing.T) {
	srv := newServer(t, fakepay.ModePublicKey)
	c := newClient(t, srv, pay.VerifyPublicKey)
	cx := ctx(t)
	sub := fakepay.DefaultSubMchID
	srv.AddSubMerchant("1900000111")
	subOrders := []pay.CombineSubOrder{
		{SubMchID: sub, Attach: "a", OutTradeNo: "PC1", Description: "子单1", Amount: pay.CombineAmount{TotalAmount: 10}},
		{SubMchID: "1900000111", Attach: "b", OutTradeNo: "PC2", Description: "子单2", Amount: pay.CombineAmount{TotalAmount: 20}},
	}
	req := &pay.CombineJSAPIRequest{CombineAppID: "wxsp", CombineOutTradeNo: "PC", NotifyURL: "https://e/n",
		SubOrders: subOrders, CombinePayerInfo: &pay.Payer{OpenID: "o-sp"}}
	pr, err := c.Partner.CombinePrepayJSAPI(cx, req)
	if err != nil || pr.PrepayID == "" {
		t.Fatalf("partner combine: %+v %v", pr, err)
	}
	req.SubOrders = []pay.CombineSubOrder{subOrders[0], {SubMchID: "1900009999", Attach: "c", OutTradeNo: "PC3", Description: "d", Amount: pay.CombineAmount{TotalAmount: 1}}}
	_, err = c.Partner.CombinePrepayJSAPI(cx, req)
	wantPayError(t, err, http.StatusBadRequest, "INVALID_REQUEST")
	req.SubOrders = []pay.CombineSubOrder{{Attach: "c", OutTradeNo: "PC4", Description: "d", Amount: pay.CombineAmount{TotalAmount: 1}}}
	_, err = c.Partner.CombinePrepayJSAPI(cx, req)
	wantArgError(t, err)

	resource := map[string]any{"combine_appid": "wxsp", "combine_mchid": srv.Opts.MchID, "combine_out_trade_no": "PC",
		"sub_orders":         []any{map[string]any{"mchid": srv.Opts.MchID, "sub_mchid": sub, "out_trade_no": "PC1", "trade_state": "SUCCESS", "amount": map[string]any{"total_amount": 10}}},
		"combine_payer_info": map[string]any{"openid": "o-sp"}}
	notify(t, srv, c, pay.EventTransactionSuccess, resource, func(n *pay.Notification) error {
		ct, err := n.CombineTransaction()
		if err != nil || ct.SubOrders[0].SubMchID != sub {
			return fmt.Errorf("%+v %v", ct, err)
		}
		return nil
	})
}
