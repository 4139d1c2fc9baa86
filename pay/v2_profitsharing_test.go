package pay_test

import (
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat/fakepay"
	"github.com/weixin-go/wechat/pay"
)

// paidPSOrder creates and pays a v2 order of total fen, frozen for
// profit sharing when ps, and returns its transaction_id.
func paidPSOrder(t *testing.T, srv *fakepay.Server, c *pay.Client, no string, total int64, ps bool) string {
	t.Helper()
	req := jsapiOrder(no)
	req.TotalFee = total
	if ps {
		req.ProfitSharing = "Y"
	}
	if _, err := c.UnifiedOrder(ctx(t), req); err != nil {
		t.Fatal(err)
	}
	tx, ok := srv.PayOrder(no)
	if !ok {
		t.Fatal("PayOrder")
	}
	return tx["transaction_id"].(string)
}

func newV2PSClient(t *testing.T) (*fakepay.Server, *pay.Client, *xmlRecorder) {
	srv, _, rec := newV2Client(t)
	hc := &http.Client{Transport: rec}
	return srv, newClient(t, srv, pay.VerifyPublicKey, pay.WithHTTPClient(hc), pay.WithTLSClient(hc)), rec
}

func TestV2ProfitSharingFlow(t *testing.T) {
	srv, c, rec := newV2PSClient(t)
	cx := ctx(t)
	tx := paidPSOrder(t, srv, c, "ps00000001", 10000, true)

	got, err := c.AddV2ProfitSharingReceiver(cx, v2AppID, "", &pay.V2ProfitSharingReceiverInfo{Type: pay.V2ReceiverMerchantID,
		Account: "190001001", Name: "示例商户全称<&>", RelationType: "PARTNER"})
	if err != nil || got.Account != "190001001" || got.RelationType != "PARTNER" {
		t.Fatalf("AddV2ProfitSharingReceiver: %+v %v", got, err)
	}
	// The receiver travels as a JSON string, never HTML-escaped, signed HMAC-SHA256.
	if want := `<receiver><![CDATA[{"type":"MERCHANT_ID","account":"190001001","name":"示例商户全称<&>","relation_type":"PARTNER"}]]></receiver>`; !strings.Contains(string(rec.last), want) {
		t.Fatalf("sent %s\nwant %s", rec.last, want)
	}
	sent := rec.sent(t)
	if sign, _ := pay.V2Sign(sent, srv.Opts.APIv2Key, pay.SignTypeHMACSHA256); sent["sign_type"] != "HMAC-SHA256" || sign != sent["sign"] {
		t.Fatalf("sent %v", sent)
	}
	if _, err := c.AddV2ProfitSharingReceiver(cx, v2AppID, "", &pay.V2ProfitSharingReceiverInfo{Type: pay.V2ReceiverPersonalOpenID,
		Account: "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o", RelationType: "USER"}); err != nil {
		t.Fatal(err)
	}

	split := &pay.V2ProfitSharingRequest{AppID: v2AppID, TransactionID: tx, OutOrderNo: "P20150806125346",
		Receivers: []pay.V2ProfitSharingReceiver{{Type: pay.V2ReceiverMerchantID, Account: "190001001", Amount: 1000, Description: "分到商户"},
			{Type: pay.V2ReceiverPersonalOpenID, Account: "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o", Amount: 500, Description: "分到个人"}}}
	o, err := c.V2MultiProfitSharing(cx, split)
	if err != nil || o.OrderID == "" || o.TransactionID != tx || o.OutOrderNo != "P20150806125346" {
		t.Fatalf("V2MultiProfitSharing: %+v %v", o, err)
	}
	if want := `<receivers><![CDATA[[{"type":"MERCHANT_ID","account":"190001001","amount":1000,"description":"分到商户"},{"type":"PERSONAL_OPENID","account":"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o","amount":500,"description":"分到个人"}]]]></receivers>`; !strings.Contains(string(rec.last), want) {
		t.Fatalf("sent %s", rec.last)
	}
	if again, err := c.V2MultiProfitSharing(cx, split); err != nil || again.OrderID != o.OrderID {
		t.Fatalf("retry: %+v %v", again, err)
	}
	if n, err := c.V2ProfitSharingUnsplitAmount(cx, tx); err != nil || n != 8500 {
		t.Fatalf("unsplit %d %v", n, err)
	}

	q, err := c.QueryV2ProfitSharing(cx, "", tx, "P20150806125346")
	if err != nil || q.Status != pay.V2ProfitSharingProcessing || len(q.Receivers) != 2 || q.Receivers[0].Result != pay.V2ProfitSharingPending || q.Receivers[0].DetailID == "" {
		t.Fatalf("QueryV2ProfitSharing: %+v %v", q, err)
	}
	srv.SettleProfitSharing("", "P20150806125346")
	q, err = c.QueryV2ProfitSharing(cx, "", tx, "P20150806125346")
	if err != nil || q.Status != pay.V2ProfitSharingFinished || q.Receivers[1].Result != pay.V2ProfitSharingSuccess || len(q.Receivers[1].FinishTime) != 14 {
		t.Fatalf("settled: %+v %v", q, err)
	}

	// Failures of splits.
	over := *split
	over.OutOrderNo, over.Receivers = "P2", []pay.V2ProfitSharingReceiver{{Type: "MERCHANT_ID", Account: "190001001", Amount: 9000, Description: "x"}}
	_, err = c.V2MultiProfitSharing(cx, &over)
	wantV2Code(t, err, "NOTENOUGH")
	over.Receivers[0].Amount = 2001 // 1500 + 2001 > 30% of 10000
	_, err = c.V2MultiProfitSharing(cx, &over)
	wantV2Code(t, err, "INVALID_REQUEST")
	over.Receivers[0] = pay.V2ProfitSharingReceiver{Type: "MERCHANT_ID", Account: "190009999", Amount: 1, Description: "x"}
	_, err = c.V2MultiProfitSharing(cx, &over)
	wantV2Code(t, err, "INVALID_REQUEST")
	other := paidPSOrder(t, srv, c, "ps00000002", 100, false)
	over.TransactionID, over.Receivers[0].Account = other, "190001001"
	_, err = c.V2MultiProfitSharing(cx, &over)
	wantV2Code(t, err, "NOT_SHARE_ORDER")

	// Return part of what the merchant receiver got.
	ret, err := c.V2ProfitSharingReturn(cx, &pay.V2ProfitSharingReturnRequest{AppID: v2AppID, OutOrderNo: "P20150806125346",
		OutReturnNo: "R20190516001", ReturnAccount: "190001001", ReturnAmount: 600, Description: "用户退款"})
	if err != nil || ret.Result != pay.V2ProfitSharingSuccess || ret.ReturnAmount != 600 || ret.ReturnNo == "" || ret.OrderID != o.OrderID {
		t.Fatalf("V2ProfitSharingReturn: %+v %v", ret, err)
	}
	if rec.sent(t)["return_account_type"] != "MERCHANT_ID" {
		t.Fatal("return_account_type default")
	}
	_, err = c.V2ProfitSharingReturn(cx, &pay.V2ProfitSharingReturnRequest{AppID: v2AppID, OrderID: o.OrderID,
		OutReturnNo: "R20190516002", ReturnAccount: "190001001", ReturnAmount: 401, Description: "用户退款"})
	var ve *pay.V2Error
	if !errors.As(err, &ve) || ve.ReturnCode != "FAIL" || ve.ErrCode != "NOTENOUGH" || ve.ErrCodeDes == "" {
		t.Fatalf("return too much: %#v", err)
	}
	rq, err := c.QueryV2ProfitSharingReturn(cx, &pay.V2ProfitSharingReturnQuery{AppID: v2AppID, OutOrderNo: "P20150806125346", OutReturnNo: "R20190516001"})
	if err != nil || rq.ReturnNo != ret.ReturnNo || rq.ReturnAmount != 600 || len(rq.FinishTime) != 14 {
		t.Fatalf("QueryV2ProfitSharingReturn: %+v %v", rq, err)
	}
	_, err = c.QueryV2ProfitSharingReturn(cx, &pay.V2ProfitSharingReturnQuery{AppID: v2AppID, OutOrderNo: "P20150806125346", OutReturnNo: "nope"})
	wantV2Code(t, err, "INVALID_REQUEST")

	// Finish: the rest is unfrozen.
	fin, err := c.FinishV2ProfitSharing(cx, &pay.V2ProfitSharingFinishRequest{AppID: v2AppID, TransactionID: tx, OutOrderNo: "F1", Amount: 0, Description: "分账已完成"})
	if err != nil || fin.OrderID == "" {
		t.Fatalf("FinishV2ProfitSharing: %+v %v", fin, err)
	}
	if rec.sent(t)["amount"] != "0" {
		t.Fatal("amount 0 not sent")
	}
	fq, err := c.QueryV2ProfitSharing(cx, "", tx, "F1")
	if err != nil || fq.Status != pay.V2ProfitSharingFinished || fq.Amount != 8500 || fq.Description != "分账已完成" {
		t.Fatalf("finish query: %+v %v", fq, err)
	}
	if n, err := c.V2ProfitSharingUnsplitAmount(cx, tx); err != nil || n != 0 {
		t.Fatalf("unsplit after finish %d %v", n, err)
	}
	_, err = c.FinishV2ProfitSharing(cx, &pay.V2ProfitSharingFinishRequest{AppID: v2AppID, TransactionID: tx, OutOrderNo: "F2", Description: "again"})
	wantV2Code(t, err, "INVALID_REQUEST")
	_, err = c.V2ProfitSharingUnsplitAmount(cx, "4200000000000000000000000000")
	if !errors.As(err, &ve) || ve.ReturnCode != "FAIL" || ve.ErrCode != "INVALID_REQUEST" {
		t.Fatalf("unknown transaction: %v", err)
	}

	// Removing a receiver stops splits to it.
	if r, err := c.RemoveV2ProfitSharingReceiver(cx, v2AppID, "", pay.V2ReceiverMerchantID, "190001001"); err != nil || r.Account != "190001001" || r.Name != "" {
		t.Fatalf("Remove: %+v %v", r, err)
	}
	tx3 := paidPSOrder(t, srv, c, "ps00000003", 1000, true)
	_, err = c.V2ProfitSharing(cx, &pay.V2ProfitSharingRequest{AppID: v2AppID, TransactionID: tx3, OutOrderNo: "P3",
		Receivers: []pay.V2ProfitSharingReceiver{{Type: "MERCHANT_ID", Account: "190001001", Amount: 10, Description: "x"}}})
	wantV2Code(t, err, "INVALID_REQUEST")
}

func TestV2ProfitSharingSingleAndRatio(t *testing.T) {
	srv, c, _ := newV2PSClient(t)
	cx := ctx(t)
	tx := paidPSOrder(t, srv, c, "ps00000010", 1000, true)
	if _, err := c.AddV2ProfitSharingReceiver(cx, v2AppID, "", &pay.V2ProfitSharingReceiverInfo{Type: "PERSONAL_OPENID",
		Account: "oUser1", RelationType: "CUSTOM", CustomRelation: "代理商"}); err != nil {
		t.Fatal(err)
	}
	req := &pay.V2ProfitSharingRequest{AppID: v2AppID, TransactionID: tx, OutOrderNo: "S1",
		Receivers: []pay.V2ProfitSharingReceiver{{Type: "MERCHANT_ID", Account: srv.Opts.MchID, Amount: 10, Description: "自己"}}}
	_, err := c.V2ProfitSharing(cx, req)
	wantV2Code(t, err, "PARAM_ERROR") // the payer itself, in a single split
	req.Receivers[0] = pay.V2ProfitSharingReceiver{Type: "PERSONAL_OPENID", Account: "oUser1", Amount: 100, Description: "佣金"}
	if _, err := c.V2ProfitSharing(cx, req); err != nil {
		t.Fatal(err)
	}
	if n, _ := c.V2ProfitSharingUnsplitAmount(cx, tx); n != 0 {
		t.Fatalf("a single split unfreezes the rest: %d", n)
	}
	q, err := c.QueryV2ProfitSharing(cx, "", tx, "S1")
	if err != nil || len(q.Receivers) != 2 || q.Receivers[1].Account != srv.Opts.MchID || q.Receivers[1].Amount != 900 {
		t.Fatalf("unfreeze line: %+v %v", q, err)
	}
	req.OutOrderNo = "S2"
	_, err = c.V2ProfitSharing(cx, req)
	wantV2Code(t, err, "INVALID_REQUEST") // nothing left

	if r, err := c.V2ProfitSharingMaxRatio(cx, fakepay.DefaultSubMchID, ""); err != nil || r != fakepay.DefaultMaxRatio {
		t.Fatalf("ratio %d %v", r, err)
	}
	srv.SetMaxRatio(fakepay.DefaultSubMchID, 2000)
	if r, err := c.V2ProfitSharingMaxRatio(cx, fakepay.DefaultSubMchID, ""); err != nil || r != 2000 {
		t.Fatalf("ratio %d %v", r, err)
	}
	_, err = c.V2ProfitSharingMaxRatio(cx, "1999999999", "")
	var ve *pay.V2Error
	if !errors.As(err, &ve) || ve.ReturnCode != "FAIL" || ve.ErrCode != "NOAUTH" {
		t.Fatalf("unknown sub: %v", err)
	}
	// Partner mode: an unknown sub-merchant is NOAUTH.
	_, err = c.QueryV2ProfitSharing(cx, "1999999999", tx, "S1")
	wantV2Code(t, err, "NOAUTH")
}

func TestV2ProfitSharingArguments(t *testing.T) {
	srv, c, _ := newV2PSClient(t)
	cx := ctx(t)
	var ae *wechat.ArgumentError
	many := make([]pay.V2ProfitSharingReceiver, 51)
	for i := range many {
		many[i] = pay.V2ProfitSharingReceiver{Type: "MERCHANT_ID", Account: "1", Amount: 1, Description: "d"}
	}
	for name, err := range map[string]error{
		"no receivers": func() error {
			_, err := c.V2ProfitSharing(cx, &pay.V2ProfitSharingRequest{AppID: "a", TransactionID: "t", OutOrderNo: "o"})
			return err
		}(),
		"51 receivers": func() error {
			_, err := c.V2MultiProfitSharing(cx, &pay.V2ProfitSharingRequest{AppID: "a", TransactionID: "t", OutOrderNo: "o", Receivers: many})
			return err
		}(),
		"zero amount": func() error {
			_, err := c.V2ProfitSharing(cx, &pay.V2ProfitSharingRequest{AppID: "a", TransactionID: "t", OutOrderNo: "o",
				Receivers: []pay.V2ProfitSharingReceiver{{Type: "MERCHANT_ID", Account: "1", Description: "d"}}})
			return err
		}(),
		"merchant without name": func() error {
			_, err := c.AddV2ProfitSharingReceiver(cx, "a", "", &pay.V2ProfitSharingReceiverInfo{Type: "MERCHANT_ID", Account: "1", RelationType: "PARTNER"})
			return err
		}(),
		"custom without relation": func() error {
			_, err := c.AddV2ProfitSharingReceiver(cx, "a", "", &pay.V2ProfitSharingReceiverInfo{Type: "PERSONAL_OPENID", Account: "1", RelationType: "CUSTOM"})
			return err
		}(),
		"return both ids": func() error {
			_, err := c.V2ProfitSharingReturn(cx, &pay.V2ProfitSharingReturnRequest{AppID: "a", OrderID: "1", OutOrderNo: "2", OutReturnNo: "r", ReturnAccount: "x", ReturnAmount: 1, Description: "d"})
			return err
		}(),
		"finish negative": func() error {
			_, err := c.FinishV2ProfitSharing(cx, &pay.V2ProfitSharingFinishRequest{AppID: "a", TransactionID: "t", OutOrderNo: "o", Amount: -1, Description: "d"})
			return err
		}(),
		"ratio both": func() error { _, err := c.V2ProfitSharingMaxRatio(cx, "1", "2"); return err }(),
		"split without certificate": func() error {
			_, err := newClient(t, srv, pay.VerifyPublicKey).V2ProfitSharing(cx, &pay.V2ProfitSharingRequest{AppID: "a", TransactionID: "t", OutOrderNo: "o",
				Receivers: []pay.V2ProfitSharingReceiver{{Type: "MERCHANT_ID", Account: "1", Amount: 1, Description: "d"}}})
			return err
		}(),
	} {
		if !errors.As(err, &ae) {
			t.Errorf("%s: %v", name, err)
		}
	}
}
