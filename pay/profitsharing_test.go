package pay_test

import (
	"fmt"
	"io"
	"net/http"
	"testing"

	"github.com/weixin-go/wechat/fakewechat/fakepay"
	"github.com/weixin-go/wechat/pay"
)

func TestProfitSharingMerchant(t *testing.T) {
	for _, m := range modes {
		t.Run(m.name, func(t *testing.T) {
			srv := newServer(t, m.server)
			c := newClient(t, srv, m.client)
			cx := ctx(t)
			ps := c.ProfitSharing
			if _, err := c.PrepayNative(cx, &pay.PrepayRequest{AppID: "wx1", Description: "d", OutTradeNo: "S1", NotifyURL: "https://e/n",
				Amount: pay.Amount{Total: 10000}, SettleInfo: &pay.SettleInfo{ProfitSharing: true}}); err != nil {
				t.Fatal(err)
			}
			paid, _ := srv.PayOrder("S1")
			tx := paid["transaction_id"].(string)
			if u, err := ps.UnsplitAmount(cx, tx); err != nil || u.UnsplitAmount != 10000 {
				t.Fatalf("unsplit: %+v %v", u, err)
			}
			order := func(no string, amount int64, unfreeze bool) *pay.ProfitSharingOrderRequest {
				return &pay.ProfitSharingOrderRequest{AppID: "wx1", TransactionID: tx, OutOrderNo: no, UnfreezeUnsplit: unfreeze,
					Receivers: []pay.ProfitSharingReceiver{{Type: pay.ReceiverMerchantID, Account: "1900000200", Name: "示例商户全称", Amount: amount, Description: "分给商户"}}}
			}
			// Not a receiver yet.
			_, err := ps.CreateOrder(cx, order("O1", 1000, false))
			wantPayError(t, err, http.StatusBadRequest, "INVALID_REQUEST")
			rcv, err := ps.AddReceiver(cx, &pay.AddReceiverRequest{AppID: "wx1", Type: pay.ReceiverMerchantID, Account: "1900000200", Name: "示例商户全称", RelationType: pay.RelationPartner})
			if err != nil || rcv.Account != "1900000200" || rcv.RelationType != pay.RelationPartner {
				t.Fatalf("add receiver: %+v %v", rcv, err)
			}
			_, err = ps.AddReceiver(cx, &pay.AddReceiverRequest{AppID: "wx1", Type: pay.ReceiverMerchantID, Account: "1900000201", RelationType: pay.RelationPartner})
			wantArgError(t, err)
			// Over the maximum ratio (30% by default).
			_, err = ps.CreateOrder(cx, order("O1", 3001, false))
			wantPayError(t, err, http.StatusBadRequest, "INVALID_REQUEST")
			o, err := ps.CreateOrder(cx, order("O1", 2000, false))
			if err != nil || o.State != pay.ProfitSharingProcessing || len(o.Receivers) != 1 || o.Receivers[0].Result != pay.ReceiverPending {
				t.Fatalf("split: %+v %v", o, err)
			}
			if again, err := ps.CreateOrder(cx, order("O1", 2000, false)); err != nil || again.OrderID != o.OrderID {
				t.Fatalf("retry: %+v %v", again, err)
			}
			_, err = ps.CreateOrder(cx, order("O1", 2001, false))
			wantPayError(t, err, http.StatusBadRequest, "INVALID_REQUEST")
			if u, _ := ps.UnsplitAmount(cx, tx); u.UnsplitAmount != 8000 {
				t.Fatalf("unsplit after split: %d", u.UnsplitAmount)
			}
			resources, ok := srv.SettleProfitSharing("", "O1")
			if !ok || len(resources) != 1 {
				t.Fatal("settle")
			}
			notify(t, srv, c, pay.EventProfitSharingSuccess, resources[0], func(n *pay.Notification) error {
				p, err := n.ProfitSharing()
				if err != nil || p.MchID != srv.Opts.MchID || p.Receiver.Amount != 2000 || p.OutOrderNo != "O1" {
					return fmt.Errorf("%+v %v", p, err)
				}
				return nil
			})
			q, err := ps.QueryOrder(cx, "", tx, "O1")
			if err != nil || q.State != pay.ProfitSharingFinished || q.Receivers[0].Result != pay.ReceiverSuccess {
				t.Fatalf("query: %+v %v", q, err)
			}

			// Returns: at most what was split to that receiver.
			ret, err := ps.Return(cx, &pay.ReturnRequest{OutOrderNo: "O1", OutReturnNo: "R1", ReturnMchID: "1900000200", Amount: 1500, Description: "退款回退"})
			if err != nil || ret.Result != pay.ReturnSuccess || ret.OrderID != o.OrderID {
				t.Fatalf("return: %+v %v", ret, err)
			}
			_, err = ps.Return(cx, &pay.ReturnRequest{OrderID: o.OrderID, OutReturnNo: "R2", ReturnMchID: "1900000200", Amount: 501, Description: "再退"})
			wantPayError(t, err, http.StatusForbidden, "NOT_ENOUGH")
			if qr, err := ps.QueryReturn(cx, "", "O1", "R1"); err != nil || qr.Amount != 1500 {
				t.Fatalf("query return: %+v %v", qr, err)
			}

			// Unfreeze the rest; nothing is left to split.
			uf, err := ps.Unfreeze(cx, &pay.UnfreezeRequest{TransactionID: tx, OutOrderNo: "U1", Description: "解冻全部剩余资金"})
			if err != nil || uf.State != pay.ProfitSharingFinished || uf.Receivers[0].Amount != 8000 {
				t.Fatalf("unfreeze: %+v %v", uf, err)
			}
			if u, _ := ps.UnsplitAmount(cx, tx); u.UnsplitAmount != 0 {
				t.Fatalf("unsplit after unfreeze: %d", u.UnsplitAmount)
			}
			_, err = ps.CreateOrder(cx, order("O2", 1, false))
			wantPayError(t, err, http.StatusBadRequest, "INVALID_REQUEST")

			if d, err := ps.DeleteReceiver(cx, &pay.DeleteReceiverRequest{AppID: "wx1", Type: pay.ReceiverMerchantID, Account: "1900000200"}); err != nil || d.Account != "1900000200" {
				t.Fatalf("delete receiver: %+v %v", d, err)
			}

			srv.AddBill("2026-12-01", []byte("分账账单\n"))
			b, err := ps.Bill(cx, &pay.ProfitSharingBillRequest{BillDate: "2026-12-01"})
			if err != nil {
				t.Fatal(err)
			}
			if n, err := c.DownloadBill(cx, b, io.Discard); err != nil || n == 0 {
				t.Fatalf("bill: %d %v", n, err)
			}
		})
	}
}

func TestProfitSharingPartner(t *testing.T) {
	srv := newServer(t, fakepay.ModePublicKey)
	c := newClient(t, srv, pay.VerifyPublicKey)
	cx := ctx(t)
	ps := c.ProfitSharing
	sub := fakepay.DefaultSubMchID
	req := partnerReq("PS1", 1000)
	req.SettleInfo = &pay.SettleInfo{ProfitSharing: true}
	if _, err := c.Partner.PrepayJSAPI(cx, req); err != nil {
		t.Fatal(err)
	}
	paid, _ := srv.PayPartnerOrder(sub, "PS1")
	tx := paid["transaction_id"].(string)
	r, err := ps.MaxRatio(cx, sub)
	if err != nil || r.MaxRatio != fakepay.DefaultMaxRatio || r.SubMchID != sub {
		t.Fatalf("max ratio: %+v %v", r, err)
	}
	srv.SetMaxRatio(sub, 1000)
	if _, err := ps.AddReceiver(cx, &pay.AddReceiverRequest{SubMchID: sub, AppID: "wxsp", SubAppID: "wxsub", Type: pay.ReceiverPersonalSubOpenID, Account: "o-sub", RelationType: pay.RelationUser}); err != nil {
		t.Fatal(err)
	}
	order := func(no string, amount int64) *pay.ProfitSharingOrderRequest {
		return &pay.ProfitSharingOrderRequest{SubMchID: sub, SubAppID: "wxsub", TransactionID: tx, OutOrderNo: no, UnfreezeUnsplit: true,
			Receivers: []pay.ProfitSharingReceiver{{Type: pay.ReceiverPersonalSubOpenID, Account: "o-sub", Amount: amount, Description: "分给用户"}}}
	}
	_, err = ps.CreateOrder(cx, order("PO1", 101))
	wantPayError(t, err, http.StatusBadRequest, "INVALID_REQUEST")
	o, err := ps.CreateOrder(cx, order("PO1", 100))
	if err != nil || o.SubMchID != sub || len(o.Receivers) != 2 {
		t.Fatalf("partner split: %+v %v", o, err)
	}
	if u, _ := ps.UnsplitAmount(cx, tx); u.UnsplitAmount != 0 {
		t.Fatalf("unfreeze_unsplit left %d", u.UnsplitAmount)
	}
	// The merchant view does not see the sub-merchant's split.
	_, err = ps.QueryOrder(cx, "", tx, "PO1")
	wantPayError(t, err, http.StatusNotFound, "RESOURCE_NOT_EXISTS")
	if q, err := ps.QueryOrder(cx, sub, tx, "PO1"); err != nil || q.OrderID != o.OrderID {
		t.Fatalf("partner query: %+v %v", q, err)
	}
	resources, _ := srv.SettleProfitSharing(sub, "PO1")
	notify(t, srv, c, pay.EventProfitSharingSuccess, resources[0], func(n *pay.Notification) error {
		p, err := n.ProfitSharing()
		if err != nil || p.SubMchID != sub || p.SpMchID != srv.Opts.MchID {
			return fmt.Errorf("%+v %v", p, err)
		}
		return nil
	})
	_, err = ps.MaxRatio(cx, "1900009999")
	wantPayError(t, err, http.StatusBadRequest, "INVALID_REQUEST")
}
