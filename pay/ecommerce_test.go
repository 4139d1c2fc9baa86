package pay_test

import (
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/weixin-go/wechat/fakewechat/fakepay"
	"github.com/weixin-go/wechat/pay"
)

func ecomRefundReq(outTradeNo, outRefundNo string, refund, total int64) *pay.EcommerceRefundRequest {
	return &pay.EcommerceRefundRequest{SubMchID: fakepay.DefaultSubMchID, SpAppID: "wxsp", OutTradeNo: outTradeNo,
		OutRefundNo: outRefundNo, Reason: "商品已售完", Amount: pay.RefundAmountRequest{Refund: refund, Total: total}}
}

func TestEcommerceRefunds(t *testing.T) {
	for _, m := range modes {
		t.Run(m.name, func(t *testing.T) {
			srv := newServer(t, m.server)
			c := newClient(t, srv, m.client)
			cx := ctx(t)
			sub := fakepay.DefaultSubMchID
			if _, err := c.Partner.PrepayJSAPI(cx, partnerReq("EO000001", 100)); err != nil {
				t.Fatal(err)
			}
			_, err := c.Ecommerce.Refund(cx, ecomRefundReq("EO000001", "ER000001", 40, 100))
			wantPayError(t, err, http.StatusBadRequest, "INVALID_REQUEST") // not paid yet
			paid, ok := srv.PayPartnerOrder(sub, "EO000001")
			if !ok {
				t.Fatal("PayPartnerOrder")
			}

			rf, err := c.Ecommerce.Refund(cx, ecomRefundReq("EO000001", "ER000001", 40, 100))
			if err != nil || rf.RefundID == "" || rf.OutRefundNo != "ER000001" || rf.CreateTime == "" ||
				rf.Amount.Refund != 40 || rf.Amount.PayerRefund != 40 || rf.Amount.Currency != "CNY" || rf.Amount.Advance != 0 {
				t.Fatalf("Ecommerce.Refund: %+v %v", rf, err)
			}
			again, err := c.Ecommerce.Refund(cx, ecomRefundReq("EO000001", "ER000001", 40, 100))
			if err != nil || again.RefundID != rf.RefundID {
				t.Fatalf("retried refund: %+v %v", again, err)
			}
			_, err = c.Ecommerce.Refund(cx, ecomRefundReq("EO000001", "ER000001", 50, 100))
			wantPayError(t, err, http.StatusBadRequest, "INVALID_REQUEST") // same number, other content
			_, err = c.Ecommerce.Refund(cx, ecomRefundReq("EO000001", "ER000002", 61, 100))
			wantPayError(t, err, http.StatusBadRequest, "INVALID_REQUEST") // more than what is left
			_, err = c.Ecommerce.Refund(cx, ecomRefundReq("EO000001", "ER000003", 40, 99))
			wantPayError(t, err, http.StatusBadRequest, "INVALID_REQUEST") // wrong total
			_, err = c.Ecommerce.Refund(cx, ecomRefundReq("EONONE01", "ER000004", 1, 100))
			wantPayError(t, err, http.StatusNotFound, "RESOURCE_NOT_EXISTS")

			// Advanced by the platform, by transaction_id.
			adv := ecomRefundReq("", "ER000005", 60, 100)
			adv.TransactionID, adv.RefundAccount = paid["transaction_id"].(string), "REFUND_SOURCE_PARTNER_ADVANCE"
			if rf, err := c.Ecommerce.Refund(cx, adv); err != nil || rf.Amount.Advance != 60 || rf.RefundAccount != "REFUND_SOURCE_PARTNER_ADVANCE" {
				t.Fatalf("advanced refund: %+v %v", rf, err)
			}

			q, err := c.Ecommerce.QueryRefundByOutRefundNo(cx, sub, "ER000001")
			if err != nil || q.RefundID != rf.RefundID || q.Status != pay.RefundStatusProcessing || q.OutTradeNo != "EO000001" ||
				q.TransactionID != paid["transaction_id"] || q.Channel != "ORIGINAL" || q.Amount.Refund != 40 || q.SuccessTime != "" {
				t.Fatalf("QueryRefundByOutRefundNo: %+v %v", q, err)
			}
			resource, ok := srv.SetEcommerceRefundStatus(sub, "ER000001", pay.RefundStatusSuccess)
			if !ok {
				t.Fatal("SetEcommerceRefundStatus")
			}
			q, err = c.Ecommerce.QueryRefundByID(cx, sub, rf.RefundID)
			if err != nil || q.OutRefundNo != "ER000001" || q.Status != pay.RefundStatusSuccess || q.SuccessTime == "" {
				t.Fatalf("QueryRefundByID: %+v %v", q, err)
			}
			notify(t, srv, c, "REFUND.SUCCESS", resource, func(n *pay.Notification) error {
				got, err := n.PartnerRefund()
				if err != nil || got.SubMchID != sub || got.SpMchID != srv.Opts.MchID || got.RefundID != rf.RefundID || got.Amount.Refund != 40 || got.Amount.Total != 100 {
					return fmt.Errorf("%+v %v", got, err)
				}
				return nil
			})

			// Another sub-merchant's refund is not found.
			srv.AddSubMerchant("1900000111")
			_, err = c.Ecommerce.QueryRefundByOutRefundNo(cx, "1900000111", "ER000001")
			wantPayError(t, err, http.StatusNotFound, "RESOURCE_NOT_EXISTS")
			_, err = c.Ecommerce.QueryRefundByID(cx, "1900009999", rf.RefundID)
			wantPayError(t, err, http.StatusBadRequest, "INVALID_REQUEST")
		})
	}
}

func TestEcommerceRefundCombined(t *testing.T) {
	srv := newServer(t, fakepay.ModePublicKey)
	c := newClient(t, srv, pay.VerifyPublicKey)
	cx := ctx(t)
	req := combineReq("ECOMBINE1", "ECSUB0001", "ECSUB0002")
	for i := range req.SubOrders {
		req.SubOrders[i].SubMchID = fakepay.DefaultSubMchID
	}
	if _, err := c.Partner.CombinePrepayApp(cx, req); err != nil {
		t.Fatal(err)
	}
	srv.PayCombineOrder("ECOMBINE1")
	ct, err := c.QueryCombineTransaction(cx, "ECOMBINE1")
	if err != nil {
		t.Fatal(err)
	}
	r := ecomRefundReq("", "ECREF0001", 20, 20)
	r.TransactionID = ct.SubOrders[1].TransactionID
	rf, err := c.Ecommerce.Refund(cx, r)
	if err != nil || rf.Amount.Refund != 20 {
		t.Fatalf("refund of a combined sub-order: %+v %v", rf, err)
	}
	if q, err := c.Ecommerce.QueryRefundByOutRefundNo(cx, fakepay.DefaultSubMchID, "ECREF0001"); err != nil || q.OutTradeNo != "ECSUB0002" {
		t.Fatalf("query: %+v %v", q, err)
	}
}

func TestEcommerceFunds(t *testing.T) {
	srv := newServer(t, fakepay.ModePublicKey)
	c := newClient(t, srv, pay.VerifyPublicKey)
	cx := ctx(t)
	sub := fakepay.DefaultSubMchID

	b, err := c.Ecommerce.Balance(cx, sub, "")
	if err != nil || b.SubMchID != sub || b.AvailableAmount != fakepay.EcommerceAvailableBalance || b.PendingAmount != fakepay.EcommercePendingBalance || b.AccountType != pay.EcommerceAccountBasic {
		t.Fatalf("Balance: %+v %v", b, err)
	}
	if b, err := c.Ecommerce.Balance(cx, sub, pay.EcommerceAccountFees); err != nil || b.AccountType != pay.EcommerceAccountFees {
		t.Fatalf("Balance FEES: %+v %v", b, err)
	}
	yesterday := time.Now().AddDate(0, 0, -1).Format(time.DateOnly)
	if b, err := c.Ecommerce.EndDayBalance(cx, sub, yesterday, pay.EcommerceAccountDeposit); err != nil || b.AvailableAmount != fakepay.EcommerceAvailableBalance || b.AccountType != pay.EcommerceAccountDeposit {
		t.Fatalf("EndDayBalance: %+v %v", b, err)
	}
	_, err = c.Ecommerce.EndDayBalance(cx, sub, yesterday, pay.EcommerceAccountFees)
	wantPayError(t, err, http.StatusBadRequest, "PARAM_ERROR")
	_, err = c.Ecommerce.EndDayBalance(cx, sub, time.Now().AddDate(0, 0, -100).Format(time.DateOnly), "")
	wantPayError(t, err, http.StatusBadRequest, "INVALID_REQUEST")
	_, err = c.Ecommerce.Balance(cx, "1900009999", "")
	wantPayError(t, err, http.StatusBadRequest, "INVALID_REQUEST")

	wreq := &pay.EcommerceWithdrawRequest{SubMchID: sub, OutRequestNo: "20190611222222222200000000012122", Amount: 100, Remark: "交易提现", BankMemo: "微信支付提现"}
	wd, err := c.Ecommerce.Withdraw(cx, wreq)
	if err != nil || wd.WithdrawID == "" || wd.SubMchID != sub || wd.OutRequestNo != wreq.OutRequestNo {
		t.Fatalf("Withdraw: %+v %v", wd, err)
	}
	if again, err := c.Ecommerce.Withdraw(cx, wreq); err != nil || again.WithdrawID != wd.WithdrawID {
		t.Fatalf("retried Withdraw: %+v %v", again, err)
	}
	other := *wreq
	other.Amount = 200
	_, err = c.Ecommerce.Withdraw(cx, &other)
	wantPayError(t, err, http.StatusBadRequest, "INVALID_REQUEST")
	q, err := c.Ecommerce.QueryWithdrawByOutRequestNo(cx, sub, wreq.OutRequestNo)
	if err != nil || q.Status != pay.WithdrawStatusCreateSuccess || q.WithdrawID != wd.WithdrawID || q.Amount != 100 || q.SpMchID != srv.Opts.MchID ||
		q.Remark != "交易提现" || q.BankMemo != "微信支付提现" || q.AccountType != pay.EcommerceAccountBasic || len(q.AccountNumber) != 4 || q.CreateTime == "" {
		t.Fatalf("QueryWithdrawByOutRequestNo: %+v %v", q, err)
	}
	if byID, err := c.Ecommerce.QueryWithdrawByID(cx, sub, wd.WithdrawID); err != nil || byID.OutRequestNo != wreq.OutRequestNo || byID.Amount != 100 {
		t.Fatalf("QueryWithdrawByID: %+v %v", byID, err)
	}
	_, err = c.Ecommerce.QueryWithdrawByID(cx, "1900000111", wd.WithdrawID)
	wantPayError(t, err, http.StatusBadRequest, "INVALID_REQUEST") // not a served sub-merchant
	srv.SetWithdrawStatus(sub, wreq.OutRequestNo, pay.WithdrawStatusRefund, "银行退票")
	if q, err := c.Ecommerce.QueryWithdrawByOutRequestNo(cx, sub, wreq.OutRequestNo); err != nil || q.Status != pay.WithdrawStatusRefund || q.Reason != "银行退票" {
		t.Fatalf("query after bank return: %+v %v", q, err)
	}
	_, err = c.Ecommerce.Withdraw(cx, &pay.EcommerceWithdrawRequest{SubMchID: sub, OutRequestNo: "W2", Amount: fakepay.EcommerceAvailableBalance + 1})
	wantPayError(t, err, http.StatusForbidden, "NOT_ENOUGH")
	_, err = c.Ecommerce.Withdraw(cx, &pay.EcommerceWithdrawRequest{SubMchID: sub, OutRequestNo: "W3", Amount: 1, AccountType: pay.EcommerceAccountDeposit})
	wantPayError(t, err, http.StatusBadRequest, "PARAM_ERROR")
	_, err = c.Ecommerce.QueryWithdrawByOutRequestNo(cx, sub, "NONE")
	wantPayError(t, err, http.StatusNotFound, "ORDER_NOT_EXIST")
}

func TestEcommerceArgErrors(t *testing.T) {
	srv := newServer(t, fakepay.ModePublicKey)
	c := newClient(t, srv, pay.VerifyPublicKey)
	cx := ctx(t)
	noApp := ecomRefundReq("EO000001", "ER000001", 1, 1)
	noApp.SpAppID = ""
	both := ecomRefundReq("EO000001", "ER000001", 1, 1)
	both.TransactionID = "4200000000000000"
	for name, call := range map[string]func() error{
		"refund nil":      func() error { _, err := c.Ecommerce.Refund(cx, nil); return err },
		"refund sp_appid": func() error { _, err := c.Ecommerce.Refund(cx, noApp); return err },
		"refund both ids": func() error { _, err := c.Ecommerce.Refund(cx, both); return err },
		"refund amount": func() error {
			_, err := c.Ecommerce.Refund(cx, ecomRefundReq("EO000001", "ER000001", 2, 1))
			return err
		},
		"query id": func() error { _, err := c.Ecommerce.QueryRefundByID(cx, "", "1"); return err },
		"query no": func() error {
			_, err := c.Ecommerce.QueryRefundByOutRefundNo(cx, fakepay.DefaultSubMchID, "")
			return err
		},
		"balance": func() error { _, err := c.Ecommerce.Balance(cx, "", ""); return err },
		"end-day date": func() error {
			_, err := c.Ecommerce.EndDayBalance(cx, fakepay.DefaultSubMchID, "2026/01/01", "")
			return err
		},
		"withdraw nil": func() error { _, err := c.Ecommerce.Withdraw(cx, nil); return err },
		"withdraw zero": func() error {
			_, err := c.Ecommerce.Withdraw(cx, &pay.EcommerceWithdrawRequest{SubMchID: "1", OutRequestNo: "W1"})
			return err
		},
		"withdraw chars": func() error {
			_, err := c.Ecommerce.Withdraw(cx, &pay.EcommerceWithdrawRequest{SubMchID: "1", OutRequestNo: "W-1", Amount: 1})
			return err
		},
		"withdraw query": func() error { _, err := c.Ecommerce.QueryWithdrawByOutRequestNo(cx, "1", ""); return err },
		"withdraw id":    func() error { _, err := c.Ecommerce.QueryWithdrawByID(cx, "", "1"); return err },
	} {
		t.Run(name, func(t *testing.T) { wantArgError(t, call()) })
	}
}
