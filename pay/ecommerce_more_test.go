package pay_test

import (
	"net/http"
	"testing"

	"github.com/weixin-go/wechat/fakewechat/fakepay"
	"github.com/weixin-go/wechat/pay"
)

// paidEcomOrder places and pays a sub-merchant order of total fen, frozen
// for profit sharing when sharing, and returns its transaction_id.
func paidEcomOrder(t *testing.T, srv *fakepay.Server, c *pay.Client, no string, total int64, sharing bool) string {
	t.Helper()
	req := partnerReq(no, total)
	if sharing {
		req.SettleInfo = &pay.SettleInfo{ProfitSharing: true}
	}
	if _, err := c.Partner.PrepayJSAPI(ctx(t), req); err != nil {
		t.Fatal(err)
	}
	paid, ok := srv.PayPartnerOrder(fakepay.DefaultSubMchID, no)
	if !ok {
		t.Fatal("PayPartnerOrder")
	}
	return paid["transaction_id"].(string)
}

func TestEcommerceProfitSharing(t *testing.T) {
	for _, m := range modes {
		t.Run(m.name, func(t *testing.T) {
			srv := newServer(t, m.server)
			c := newClient(t, srv, m.client)
			cx := ctx(t)
			sub := fakepay.DefaultSubMchID
			tid := paidEcomOrder(t, srv, c, "EPS00001", 1000, true)

			rcv, err := c.Ecommerce.AddReceiver(cx, &pay.EcommerceReceiverRequest{AppID: "wxsp", Type: pay.ReceiverMerchantID,
				Account: "1900000110", Name: "示例商户全称", RelationType: pay.EcommerceRelationSupplier})
			if err != nil || rcv.Type != pay.ReceiverMerchantID || rcv.Account != "1900000110" {
				t.Fatalf("AddReceiver: %+v %v", rcv, err)
			}
			if _, err := c.Ecommerce.AddReceiver(cx, &pay.EcommerceReceiverRequest{AppID: "wxsp", Type: pay.ReceiverPersonalOpenID,
				Account: "o-user", Name: "张三", RelationType: pay.EcommerceRelationDistributor}); err != nil {
				t.Fatal(err)
			}
			if a, err := c.Ecommerce.UnsplitAmount(cx, tid); err != nil || a.TransactionID != tid || a.UnsplitAmount != 1000 {
				t.Fatalf("UnsplitAmount: %+v %v", a, err)
			}

			split := func(no string, amounts ...int64) *pay.EcommerceSplitRequest {
				r := &pay.EcommerceSplitRequest{AppID: "wxsp", SubMchID: sub, TransactionID: tid, OutOrderNo: no}
				accounts := []pay.EcommerceSplitReceiver{
					{Type: pay.ReceiverMerchantID, ReceiverAccount: "1900000110", Description: "分给商户1900000110"},
					{Type: pay.ReceiverPersonalOpenID, ReceiverAccount: "o-user", ReceiverName: "张三", Description: "分给个人"},
				}
				for i, a := range amounts {
					x := accounts[i]
					x.Amount = a
					r.Receivers = append(r.Receivers, x)
				}
				return r
			}
			o, err := c.Ecommerce.CreateProfitSharingOrder(cx, split("P20150806125346", 300, 100))
			if err != nil || o.OrderID == "" || o.SubMchID != sub || o.TransactionID != tid || o.OutOrderNo != "P20150806125346" ||
				o.Status != pay.ProfitSharingProcessing || len(o.Receivers) != 2 || o.Receivers[0].ReceiverMchID != "1900000110" ||
				o.Receivers[0].Amount != 300 || o.Receivers[0].Result != pay.ReceiverPending || o.Receivers[1].ReceiverAccount != "o-user" ||
				o.Receivers[1].DetailID == "" {
				t.Fatalf("CreateProfitSharingOrder: %+v %v", o, err)
			}
			if again, err := c.Ecommerce.CreateProfitSharingOrder(cx, split("P20150806125346", 300, 100)); err != nil || again.OrderID != o.OrderID {
				t.Fatalf("retried split: %+v %v", again, err)
			}
			_, err = c.Ecommerce.CreateProfitSharingOrder(cx, split("P20150806125346", 301, 100))
			wantPayError(t, err, http.StatusBadRequest, "INVALID_REQUEST") // same number, other content
			_, err = c.Ecommerce.CreateProfitSharingOrder(cx, split("P2", 601))
			wantPayError(t, err, http.StatusForbidden, "NOT_ENOUGH") // 600 left
			unknown := split("P3", 1)
			unknown.Receivers[0].ReceiverAccount = "1900000999"
			_, err = c.Ecommerce.CreateProfitSharingOrder(cx, unknown)
			wantPayError(t, err, http.StatusBadRequest, "INVALID_REQUEST") // not a receiver
			other := split("P4", 1)
			other.TransactionID = "4200000000000000000000000000"
			_, err = c.Ecommerce.CreateProfitSharingOrder(cx, other)
			wantPayError(t, err, http.StatusNotFound, "RESOURCE_NOT_EXISTS")
			if a, err := c.Ecommerce.UnsplitAmount(cx, tid); err != nil || a.UnsplitAmount != 600 {
				t.Fatalf("UnsplitAmount after the split: %+v %v", a, err)
			}

			// A return needs a successful split.
			ret := &pay.EcommerceReturnRequest{SubMchID: sub, OutOrderNo: "P20150806125346", OutReturnNo: "R20190516001",
				ReturnMchID: "1900000110", Amount: 100, Description: "分账回退"}
			_, err = c.Ecommerce.ReturnProfitSharing(cx, ret)
			wantPayError(t, err, http.StatusBadRequest, "INVALID_REQUEST")
			if !srv.SettleEcommerceProfitSharing(sub, "P20150806125346") {
				t.Fatal("SettleEcommerceProfitSharing")
			}
			q, err := c.Ecommerce.QueryProfitSharingOrder(cx, sub, tid, "P20150806125346")
			if err != nil || q.OrderID != o.OrderID || q.Status != pay.ProfitSharingFinished || q.Receivers[0].Result != pay.ReceiverSuccess || q.Receivers[1].Result != pay.ReceiverSuccess {
				t.Fatalf("QueryProfitSharingOrder: %+v %v", q, err)
			}
			r, err := c.Ecommerce.ReturnProfitSharing(cx, ret)
			if err != nil || r.Result != pay.ReturnSuccess || r.ReturnNo == "" || r.OrderID != o.OrderID || r.Amount != 100 || r.ReturnMchID != "1900000110" {
				t.Fatalf("ReturnProfitSharing: %+v %v", r, err)
			}
			more := *ret
			more.OutReturnNo, more.OutOrderNo, more.OrderID, more.Amount = "R20190516002", "", o.OrderID, 201
			_, err = c.Ecommerce.ReturnProfitSharing(cx, &more)
			wantPayError(t, err, http.StatusForbidden, "NOT_ENOUGH") // 200 left with 1900000110
			more.Amount = 200
			if r2, err := c.Ecommerce.ReturnProfitSharing(cx, &more); err != nil || r2.OutOrderNo != "P20150806125346" {
				t.Fatalf("return by order_id: %+v %v", r2, err)
			}
			personal := *ret
			personal.OutReturnNo, personal.ReturnMchID = "R3", "o-user"
			_, err = c.Ecommerce.ReturnProfitSharing(cx, &personal)
			wantPayError(t, err, http.StatusBadRequest, "INVALID_REQUEST") // personal receivers cannot return
			if qr, err := c.Ecommerce.QueryProfitSharingReturn(cx, sub, "", "P20150806125346", "R20190516001"); err != nil || qr.ReturnNo != r.ReturnNo || qr.Amount != 100 {
				t.Fatalf("QueryProfitSharingReturn: %+v %v", qr, err)
			}
			if qr, err := c.Ecommerce.QueryProfitSharingReturn(cx, sub, o.OrderID, "", "R20190516002"); err != nil || qr.Amount != 200 {
				t.Fatalf("QueryProfitSharingReturn by order_id: %+v %v", qr, err)
			}
			_, err = c.Ecommerce.QueryProfitSharingReturn(cx, sub, "", "P20150806125346", "R-NONE")
			wantPayError(t, err, http.StatusNotFound, "RESOURCE_NOT_EXISTS")

			fin, err := c.Ecommerce.FinishProfitSharing(cx, &pay.EcommerceFinishRequest{SubMchID: sub, TransactionID: tid, OutOrderNo: "F1", Description: "分账完结"})
			if err != nil || fin.OrderID == "" || fin.OutOrderNo != "F1" || fin.TransactionID != tid {
				t.Fatalf("FinishProfitSharing: %+v %v", fin, err)
			}
			if a, err := c.Ecommerce.UnsplitAmount(cx, tid); err != nil || a.UnsplitAmount != 0 {
				t.Fatalf("UnsplitAmount after finish: %+v %v", a, err)
			}
			if qf, err := c.Ecommerce.QueryProfitSharingOrder(cx, sub, tid, "F1"); err != nil || qf.Status != pay.ProfitSharingFinished ||
				qf.FinishAmount != 600 || qf.FinishDescription != "分账完结" || len(qf.Receivers) != 0 {
				t.Fatalf("query of the finish: %+v %v", qf, err)
			}
			_, err = c.Ecommerce.FinishProfitSharing(cx, &pay.EcommerceFinishRequest{SubMchID: sub, TransactionID: tid, OutOrderNo: "F2", Description: "分账完结"})
			wantPayError(t, err, http.StatusForbidden, "NOT_ENOUGH")
			_, err = c.Ecommerce.CreateProfitSharingOrder(cx, split("P5", 1))
			wantPayError(t, err, http.StatusForbidden, "NOT_ENOUGH")
			_, err = c.Ecommerce.QueryProfitSharingOrder(cx, sub, tid, "P-NONE")
			wantPayError(t, err, http.StatusNotFound, "RESOURCE_NOT_EXISTS")

			// An order without profit sharing.
			plain := paidEcomOrder(t, srv, c, "EPS00002", 100, false)
			_, err = c.Ecommerce.UnsplitAmount(cx, plain)
			wantPayError(t, err, http.StatusBadRequest, "INVALID_REQUEST")

			del := &pay.EcommerceReceiverRequest{Type: pay.ReceiverMerchantID, Account: "1900000110"}
			if d, err := c.Ecommerce.DeleteReceiver(cx, del); err != nil || d.Account != "1900000110" {
				t.Fatalf("DeleteReceiver: %+v %v", d, err)
			}
			_, err = c.Ecommerce.DeleteReceiver(cx, del)
			wantPayError(t, err, http.StatusBadRequest, "INVALID_REQUEST")
		})
	}
}

func TestEcommerceProfitSharingArgs(t *testing.T) {
	srv := newServer(t, fakepay.ModePublicKey)
	c := newClient(t, srv, pay.VerifyPublicKey)
	cx := ctx(t)
	sub := fakepay.DefaultSubMchID
	rcv := []pay.EcommerceSplitReceiver{{Type: pay.ReceiverMerchantID, ReceiverAccount: "1900000110", Amount: 1, Description: "d"}}
	for name, req := range map[string]*pay.EcommerceSplitRequest{
		"nil":          nil,
		"no sub_mchid": {TransactionID: "4200", OutOrderNo: "P1", Receivers: rcv},
		"bad number":   {SubMchID: sub, TransactionID: "4200", OutOrderNo: "P 1", Receivers: rcv},
		"no receivers": {SubMchID: sub, TransactionID: "4200", OutOrderNo: "P1"},
		"no amount":    {SubMchID: sub, TransactionID: "4200", OutOrderNo: "P1", Receivers: []pay.EcommerceSplitReceiver{{Type: pay.ReceiverMerchantID, ReceiverAccount: "1", Description: "d"}}},
		"openid, no appid": {SubMchID: sub, TransactionID: "4200", OutOrderNo: "P1",
			Receivers: []pay.EcommerceSplitReceiver{{Type: pay.ReceiverPersonalOpenID, ReceiverAccount: "o", Amount: 1, Description: "d"}}},
	} {
		_, err := c.Ecommerce.CreateProfitSharingOrder(cx, req)
		t.Run(name, func(t *testing.T) { wantArgError(t, err) })
	}
	_, err := c.Ecommerce.QueryProfitSharingOrder(cx, sub, "", "P1")
	wantArgError(t, err)
	_, err = c.Ecommerce.ReturnProfitSharing(cx, &pay.EcommerceReturnRequest{SubMchID: sub, OrderID: "1", OutOrderNo: "2", OutReturnNo: "R", ReturnMchID: "1", Amount: 1, Description: "d"})
	wantArgError(t, err)
	_, err = c.Ecommerce.ReturnProfitSharing(cx, &pay.EcommerceReturnRequest{SubMchID: sub, OutOrderNo: "2", OutReturnNo: "R", ReturnMchID: "1", Description: "d"})
	wantArgError(t, err)
	_, err = c.Ecommerce.QueryProfitSharingReturn(cx, sub, "", "", "R")
	wantArgError(t, err)
	_, err = c.Ecommerce.FinishProfitSharing(cx, &pay.EcommerceFinishRequest{SubMchID: sub, TransactionID: "4200", OutOrderNo: "F1"})
	wantArgError(t, err)
	_, err = c.Ecommerce.UnsplitAmount(cx, "")
	wantArgError(t, err)
	_, err = c.Ecommerce.AddReceiver(cx, &pay.EcommerceReceiverRequest{Type: pay.ReceiverMerchantID, Account: "1", RelationType: pay.EcommerceRelationOthers})
	wantArgError(t, err) // a merchant needs its name
	_, err = c.Ecommerce.AddReceiver(cx, &pay.EcommerceReceiverRequest{Type: pay.ReceiverPersonalOpenID, Account: "o", RelationType: pay.EcommerceRelationOthers})
	wantArgError(t, err) // an openid needs appid
	_, err = c.Ecommerce.DeleteReceiver(cx, &pay.EcommerceReceiverRequest{Type: pay.ReceiverMerchantID})
	wantArgError(t, err)
	// The fake checks what the SDK lets through.
	_, err = c.Ecommerce.AddReceiver(cx, &pay.EcommerceReceiverRequest{Type: pay.ReceiverMerchantID, Account: "1", Name: "n", RelationType: "FRIEND"})
	wantPayError(t, err, http.StatusBadRequest, "PARAM_ERROR")
	_, err = c.Ecommerce.QueryProfitSharingOrder(cx, "1900009999", "4200", "P1")
	wantPayError(t, err, http.StatusBadRequest, "INVALID_REQUEST")
}

func TestEcommerceSubsidies(t *testing.T) {
	srv := newServer(t, fakepay.ModePublicKey)
	c := newClient(t, srv, pay.VerifyPublicKey)
	cx := ctx(t)
	sub := fakepay.DefaultSubMchID
	tid := paidEcomOrder(t, srv, c, "ESUB0001", 1000, true)

	req := &pay.EcommerceSubsidyRequest{SubMchID: sub, TransactionID: tid, Amount: 50, Description: "测试备注", OutSubsidyNo: "P20150806125347"}
	sd, err := c.Ecommerce.CreateSubsidy(cx, req)
	if err != nil || sd.SubsidyID == "" || sd.SubMchID != sub || sd.TransactionID != tid || sd.Amount != 50 ||
		sd.Description != "测试备注" || sd.Result != pay.SubsidySuccess || sd.SuccessTime == "" {
		t.Fatalf("CreateSubsidy: %+v %v", sd, err)
	}
	if again, err := c.Ecommerce.CreateSubsidy(cx, req); err != nil || again.SubsidyID != sd.SubsidyID {
		t.Fatalf("retried subsidy: %+v %v", again, err)
	}
	second := *req
	second.Amount = 60
	_, err = c.Ecommerce.CreateSubsidy(cx, &second)
	wantPayError(t, err, http.StatusBadRequest, "INVALID_REQUEST") // one subsidy per order

	ret := &pay.EcommerceSubsidyReturnRequest{SubMchID: sub, OutOrderNo: "SR1", TransactionID: tid, RefundID: "50300000000000000000000001",
		Amount: 30, Description: "测试备注"}
	r, err := c.Ecommerce.ReturnSubsidy(cx, ret)
	if err != nil || r.SubsidyRefundID == "" || r.Amount != 30 || r.OutOrderNo != "SR1" || r.RefundID != ret.RefundID || r.Result != pay.SubsidySuccess {
		t.Fatalf("ReturnSubsidy: %+v %v", r, err)
	}
	if again, err := c.Ecommerce.ReturnSubsidy(cx, ret); err != nil || again.SubsidyRefundID != r.SubsidyRefundID {
		t.Fatalf("retried return: %+v %v", again, err)
	}
	sameRefund := *ret
	sameRefund.OutOrderNo, sameRefund.Amount = "SR2", 1
	_, err = c.Ecommerce.ReturnSubsidy(cx, &sameRefund)
	wantPayError(t, err, http.StatusBadRequest, "INVALID_REQUEST") // one return per refund
	over := *ret
	over.OutOrderNo, over.RefundID, over.Amount = "SR3", "50300000000000000000000002", 21
	_, err = c.Ecommerce.ReturnSubsidy(cx, &over)
	wantPayError(t, err, http.StatusBadRequest, "INVALID_REQUEST") // 20 left
	over.Amount, over.SubsidyID = 20, sd.SubsidyID
	if _, err := c.Ecommerce.ReturnSubsidy(cx, &over); err != nil {
		t.Fatal(err)
	}

	cancel := &pay.EcommerceSubsidyCancelRequest{SubMchID: sub, TransactionID: tid, Description: "订单退款"}
	_, err = c.Ecommerce.CancelSubsidy(cx, cancel)
	wantPayError(t, err, http.StatusBadRequest, "INVALID_REQUEST") // already subsidised

	tid2 := paidEcomOrder(t, srv, c, "ESUB0002", 100, true)
	cancel.TransactionID = tid2
	cr, err := c.Ecommerce.CancelSubsidy(cx, cancel)
	if err != nil || cr.Result != pay.SubsidySuccess || cr.TransactionID != tid2 || cr.SubMchID != sub || cr.Description != "订单退款" {
		t.Fatalf("CancelSubsidy: %+v %v", cr, err)
	}
	_, err = c.Ecommerce.CreateSubsidy(cx, &pay.EcommerceSubsidyRequest{SubMchID: sub, TransactionID: tid2, Amount: 10, Description: "d"})
	wantPayError(t, err, http.StatusBadRequest, "INVALID_REQUEST") // canceled
	_, err = c.Ecommerce.ReturnSubsidy(cx, &pay.EcommerceSubsidyReturnRequest{SubMchID: sub, OutOrderNo: "SR9", TransactionID: tid2, Amount: 1, Description: "d"})
	wantPayError(t, err, http.StatusBadRequest, "INVALID_REQUEST") // nothing subsidised
	_, err = c.Ecommerce.CreateSubsidy(cx, &pay.EcommerceSubsidyRequest{SubMchID: sub, TransactionID: "4200000000000000000000000000", Amount: 10, Description: "d"})
	wantPayError(t, err, http.StatusNotFound, "RESOURCE_NOT_EXISTS")
	tid3 := paidEcomOrder(t, srv, c, "ESUB0003", 100, true)
	_, err = c.Ecommerce.CreateSubsidy(cx, &pay.EcommerceSubsidyRequest{SubMchID: sub, TransactionID: tid3, Amount: 101, Description: "d"})
	wantPayError(t, err, http.StatusBadRequest, "INVALID_REQUEST") // more than the order

	_, err = c.Ecommerce.CreateSubsidy(cx, &pay.EcommerceSubsidyRequest{SubMchID: sub, TransactionID: tid3, Amount: 500001, Description: "d"})
	wantArgError(t, err)
	_, err = c.Ecommerce.CreateSubsidy(cx, &pay.EcommerceSubsidyRequest{SubMchID: sub, TransactionID: tid3, Amount: 1})
	wantArgError(t, err)
	_, err = c.Ecommerce.ReturnSubsidy(cx, &pay.EcommerceSubsidyReturnRequest{SubMchID: sub, TransactionID: tid3, Amount: 1, Description: "d"})
	wantArgError(t, err)
	_, err = c.Ecommerce.CancelSubsidy(cx, &pay.EcommerceSubsidyCancelRequest{SubMchID: sub, TransactionID: tid3})
	wantArgError(t, err)
}

func TestEcommerceApplyments(t *testing.T) {
	srv := newServer(t, fakepay.ModeCertificates)
	c := newClient(t, srv, pay.VerifyCertificates)
	cx := ctx(t)
	id := srv.AddEcommerceApplyment("APPLYMENT_00000000001", pay.EcomApplymentNeedSign, "1900000111")
	a, err := c.Ecommerce.QueryApplymentByID(cx, id)
	if err != nil || a.ApplymentID != id || a.OutRequestNo != "APPLYMENT_00000000001" || a.ApplymentState != pay.EcomApplymentNeedSign ||
		a.ApplymentStateDesc != "待签约" || a.SignURL == "" || a.SubMchID != "1900000111" || a.SignState != "UNSIGNED" {
		t.Fatalf("QueryApplymentByID: %+v %v", a, err)
	}
	if b, err := c.Ecommerce.QueryApplymentByOutRequestNo(cx, "APPLYMENT_00000000001"); err != nil || b.ApplymentID != id || b.SignURL != a.SignURL {
		t.Fatalf("QueryApplymentByOutRequestNo: %+v %v", b, err)
	}
	srv.AddEcommerceApplyment("APPLYMENT_00000000002", pay.EcomApplymentAccountNeedVerify, "")
	if v, err := c.Ecommerce.QueryApplymentByOutRequestNo(cx, "APPLYMENT_00000000002"); err != nil || v.AccountValidation == nil ||
		v.AccountValidation.PayAmount <= 0 || v.AccountValidation.DestinationAccountNumber == "" || v.LegalValidationURL == "" || v.SubMchID != "" {
		t.Fatalf("account validation: %+v %v", v, err)
	}
	srv.AddEcommerceApplyment("APPLYMENT_00000000003", pay.EcomApplymentRejected, "")
	if v, err := c.Ecommerce.QueryApplymentByOutRequestNo(cx, "APPLYMENT_00000000003"); err != nil || len(v.AuditDetail) != 1 || v.AuditDetail[0].ParamName == "" || v.AuditDetail[0].RejectReason == "" {
		t.Fatalf("rejected: %+v %v", v, err)
	}
	_, err = c.Ecommerce.QueryApplymentByOutRequestNo(cx, "APPLYMENT_NONE")
	wantPayError(t, err, http.StatusNotFound, "RESOURCE_NOT_EXISTS")
	_, err = c.Ecommerce.QueryApplymentByID(cx, 1)
	wantPayError(t, err, http.StatusNotFound, "RESOURCE_NOT_EXISTS")
	_, err = c.Ecommerce.QueryApplymentByID(cx, 0)
	wantArgError(t, err)
	_, err = c.Ecommerce.QueryApplymentByOutRequestNo(cx, "")
	wantArgError(t, err)
}
