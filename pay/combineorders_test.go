package pay_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/weixin-go/wechat/fakewechat/fakepay"
	"github.com/weixin-go/wechat/pay"
)

const combineAppID = "wxd678efh567hg6787"

func combineReq(no string, subs ...string) *pay.CombinePrepayRequest {
	req := &pay.CombinePrepayRequest{CombineAppID: combineAppID, CombineOutTradeNo: no, NotifyURL: "https://example.com/notify?a=1&b=2",
		SceneInfo: &pay.CombineSceneInfo{PayerClientIP: "14.17.22.32", DeviceID: "POS1:1"}}
	for i, s := range subs {
		req.SubOrders = append(req.SubOrders, pay.CombineSubOrder{Attach: "深圳分店", OutTradeNo: s,
			Description: "腾讯充值中心-QQ会员充值", Amount: pay.CombineAmount{TotalAmount: int64(10 * (i + 1))}})
	}
	return req
}

func closeSubs(mchID string, subs ...string) []pay.CombineCloseSubOrder {
	var out []pay.CombineCloseSubOrder
	for _, s := range subs {
		out = append(out, pay.CombineCloseSubOrder{MchID: mchID, OutTradeNo: s})
	}
	return out
}

func TestCombineOrdersFlow(t *testing.T) {
	for _, m := range modes {
		t.Run(m.name, func(t *testing.T) {
			srv := newServer(t, m.server)
			c := newClient(t, srv, m.client)
			cx := ctx(t)

			app, err := c.CombinePrepayApp(cx, combineReq("CAPP0001", "SAPP0001", "SAPP0002"))
			if err != nil || !strings.HasPrefix(app.PrepayID, "wx") {
				t.Fatalf("CombinePrepayApp: %+v %v", app, err)
			}
			again, err := c.CombinePrepayApp(cx, combineReq("CAPP0001", "SAPP0001", "SAPP0002"))
			if err != nil || again.PrepayID != app.PrepayID {
				t.Fatalf("retried combined order should answer the same prepay_id: %+v %v", again, err)
			}
			ap, err := c.AppPayParams(combineAppID, app.PrepayID)
			if err != nil || ap.PartnerID != srv.Opts.MchID || ap.PrepayID != app.PrepayID {
				t.Fatalf("AppPayParams: %+v %v", ap, err)
			}
			verifyClientSig(t, srv, ap.Sign, ap.AppID, ap.Timestamp, ap.NonceStr, ap.PrepayID)

			h5req := combineReq("CH5-0001", "SH5-0001", "SH5-0002")
			h5req.SceneInfo.H5Info = &pay.H5Info{Type: "Wap", AppName: "王者荣耀", AppURL: "https://pay.qq.com"}
			h5, err := c.CombinePrepayH5(cx, h5req)
			if err != nil || !strings.HasPrefix(h5.H5URL, "https://wx.tenpay.com/") || !strings.Contains(h5.H5URL, "prepay_id=wx") {
				t.Fatalf("CombinePrepayH5: %+v %v", h5, err)
			}
			nt, err := c.CombinePrepayNative(cx, combineReq("CNAT|0001", "SNAT*0001", "SNAT_0002", "SNAT_0003"))
			if err != nil || !strings.HasPrefix(nt.CodeURL, "weixin://wxpay/bizpayurl?pr=") {
				t.Fatalf("CombinePrepayNative: %+v %v", nt, err)
			}

			// Query: every sub-order NOTPAY, as created.
			ct, err := c.QueryCombineTransaction(cx, "CNAT|0001")
			if err != nil || ct.CombineAppID != combineAppID || ct.CombineMchID != srv.Opts.MchID || ct.CombineOutTradeNo != "CNAT|0001" ||
				len(ct.SubOrders) != 3 || ct.SceneInfo == nil || ct.SceneInfo.DeviceID != "POS1:1" {
				t.Fatalf("QueryCombineTransaction: %+v %v", ct, err)
			}
			for i, so := range ct.SubOrders {
				if so.TradeState != pay.TradeStateNotPay || so.TradeType != "NATIVE" || so.MchID != srv.Opts.MchID ||
					so.Amount.TotalAmount != int64(10*(i+1)) || so.Amount.Currency != "CNY" || so.Attach != "深圳分店" || so.TransactionID != "" {
					t.Fatalf("sub-order %d: %+v", i, so)
				}
			}
			if ct.SubOrders[1].OutTradeNo != "SNAT_0002" {
				t.Fatalf("sub-order order: %+v", ct.SubOrders)
			}

			// Close: only the whole order, with the sub-orders as created.
			err = c.CloseCombineTransaction(cx, combineAppID, "CNAT|0001", closeSubs("", "SNAT*0001", "SNAT_0002"))
			wantPayError(t, err, http.StatusBadRequest, "INVALID_REQUEST")
			if err := c.CloseCombineTransaction(cx, combineAppID, "CNAT|0001", closeSubs("", "SNAT*0001", "SNAT_0002", "SNAT_0003")); err != nil {
				t.Fatalf("CloseCombineTransaction: %v", err)
			}
			if err := c.CloseCombineTransaction(cx, combineAppID, "CNAT|0001", closeSubs(srv.Opts.MchID, "SNAT*0001", "SNAT_0002", "SNAT_0003")); err != nil {
				t.Fatalf("repeated close: %v", err)
			}
			ct, err = c.QueryCombineTransaction(cx, "CNAT|0001")
			if err != nil || ct.SubOrders[0].TradeState != pay.TradeStateClosed || ct.SubOrders[2].TradeState != pay.TradeStateClosed {
				t.Fatalf("query after close: %+v %v", ct, err)
			}
			_, err = c.CombinePrepayNative(cx, combineReq("CNAT|0001", "SNAT*0001", "SNAT_0002", "SNAT_0003"))
			wantPayError(t, err, http.StatusBadRequest, "ORDER_CLOSED")

			// Payment.
			resource, ok := srv.PayCombineOrder("CAPP0001")
			if !ok {
				t.Fatal("PayCombineOrder")
			}
			ct, err = c.QueryCombineTransaction(cx, "CAPP0001")
			if err != nil || ct.CombinePayerInfo.OpenID == "" {
				t.Fatalf("query after payment: %+v %v", ct, err)
			}
			for _, so := range ct.SubOrders {
				if so.TradeState != pay.TradeStateSuccess || so.TransactionID == "" || so.SuccessTime == "" || so.BankType == "" ||
					so.Amount.PayerAmount != so.Amount.TotalAmount || so.TradeType != "APP" {
					t.Fatalf("paid sub-order: %+v", so)
				}
			}
			if tx, err := c.QueryTransactionByOutTradeNo(cx, "SAPP0002"); err != nil || tx.TradeState != pay.TradeStateSuccess || tx.Amount.Total != 20 {
				t.Fatalf("sub-order by out_trade_no: %+v %v", tx, err)
			}
			err = c.CloseCombineTransaction(cx, combineAppID, "CAPP0001", closeSubs("", "SAPP0001", "SAPP0002"))
			wantPayError(t, err, http.StatusBadRequest, "ORDERPAID")
			_, err = c.CombinePrepayApp(cx, combineReq("CAPP0001", "SAPP0001", "SAPP0002"))
			wantPayError(t, err, http.StatusBadRequest, "ORDERPAID")

			notify(t, srv, c, pay.EventTransactionSuccess, resource, func(n *pay.Notification) error {
				got, err := n.CombineTransaction()
				if err != nil || got.CombineOutTradeNo != "CAPP0001" || len(got.SubOrders) != 2 || got.SubOrders[1].TransactionID != ct.SubOrders[1].TransactionID {
					return fmt.Errorf("%+v %v", got, err)
				}
				return nil
			})
		})
	}
}

func TestCombineOrdersErrors(t *testing.T) {
	srv := newServer(t, fakepay.ModePublicKey)
	c := newClient(t, srv, pay.VerifyPublicKey)
	cx := ctx(t)

	// Refused before sending.
	tooMany := make([]string, 11)
	for i := range tooMany {
		tooMany[i] = fmt.Sprintf("SUBORDER%02d", i)
	}
	noAttach := combineReq("CERR0003", "SERR0003", "SERR0004")
	noAttach.SubOrders[1].Attach = ""
	noScene := combineReq("CERR0005", "SERR0005", "SERR0006")
	noScene.SceneInfo = nil
	app := func(r *pay.CombinePrepayRequest) func() error {
		return func() error { _, err := c.CombinePrepayApp(cx, r); return err }
	}
	native := func(r *pay.CombinePrepayRequest) func() error {
		return func() error { _, err := c.CombinePrepayNative(cx, r); return err }
	}
	mixed := combineReq("CERR0013", "SERR0013", "SERR0014")
	mixed.SubOrders[0].SubMchID = fakepay.DefaultSubMchID
	for name, call := range map[string]func() error{
		"nil":           app(nil),
		"one sub-order": app(combineReq("CERR0001", "SERR0001")),
		"11 sub-orders": native(combineReq("CERR0002", tooMany...)),
		"short number":  native(combineReq("C1", "SERR0007", "SERR0008")),
		"bad character": native(combineReq("CERR0009", "SERR@0009", "SERR0010")),
		"no attach":     app(noAttach),
		"partner mixed": app(mixed),
		"h5 no scene":   func() error { _, err := c.CombinePrepayH5(cx, noScene); return err },
		"jsapi payer": func() error {
			_, err := c.CombinePrepayJSAPI(cx, combineReq("CERR0011", "SERR0011", "SERR0012"))
			return err
		},
		"query empty":    func() error { _, err := c.QueryCombineTransaction(cx, ""); return err },
		"close no subs":  func() error { return c.CloseCombineTransaction(cx, combineAppID, "CERR0001", nil) },
		"close no appid": func() error { return c.CloseCombineTransaction(cx, "", "CERR0001", closeSubs("", "SERR0001")) },
		"close no sub":   func() error { return c.CloseCombineTransaction(cx, combineAppID, "CERR0001", closeSubs("", "")) },
	} {
		t.Run(name, func(t *testing.T) { wantArgError(t, call()) })
	}

	// Refused by WeChat Pay.
	usd := combineReq("CERR0020", "SERR0020", "SERR0021")
	usd.SubOrders[0].Amount.Currency = "USD"
	_, err := c.CombinePrepayApp(cx, usd)
	wantPayError(t, err, http.StatusBadRequest, "PARAM_ERROR")
	other := combineReq("CERR0022", "SERR0022", "SERR0023")
	other.CombineMchID = "1900000999"
	_, err = c.CombinePrepayApp(cx, other)
	wantPayError(t, err, http.StatusBadRequest, "MCH_NOT_EXISTS")
	if _, err := c.CombinePrepayApp(cx, combineReq("CERR0024", "SERR0024", "SERR0025")); err != nil {
		t.Fatal(err)
	}
	_, err = c.CombinePrepayApp(cx, combineReq("CERR0026", "SERR0025", "SERR0026"))
	wantPayError(t, err, http.StatusForbidden, "OUT_TRADE_NO_USED")
	_, err = c.CombinePrepayNative(cx, combineReq("CERR0024", "SERR0024", "SERR0025"))
	wantPayError(t, err, http.StatusForbidden, "OUT_TRADE_NO_USED")
	_, err = c.QueryCombineTransaction(cx, "CNONE0001")
	wantPayError(t, err, http.StatusNotFound, "ORDER_NOT_EXIST")
	err = c.CloseCombineTransaction(cx, combineAppID, "CNONE0001", closeSubs("", "SNONE0001"))
	wantPayError(t, err, http.StatusNotFound, "ORDER_NOT_EXIST")
	err = c.CloseCombineTransaction(cx, "wx0000000000000000", "CERR0024", closeSubs("", "SERR0024", "SERR0025"))
	wantPayError(t, err, http.StatusBadRequest, "INVALID_REQUEST")
}

func TestPartnerCombineOrders(t *testing.T) {
	srv := newServer(t, fakepay.ModePublicKey)
	c := newClient(t, srv, pay.VerifyPublicKey)
	cx := ctx(t)
	sub := fakepay.DefaultSubMchID
	srv.AddSubMerchant("1900000111")
	partnerReq := func(no string, subs ...string) *pay.CombinePrepayRequest {
		r := combineReq(no, subs...)
		for i := range r.SubOrders {
			r.SubOrders[i].SubMchID = sub
			if i%2 == 1 {
				r.SubOrders[i].SubMchID, r.SubOrders[i].SubAppID = "1900000111", "wxd678efh567hg6999"
			}
		}
		return r
	}

	// A service provider may combine a single sub-order; numbers from 2
	// characters.
	app, err := c.Partner.CombinePrepayApp(cx, partnerReq("PA", "P1"))
	if err != nil || app.PrepayID == "" {
		t.Fatalf("Partner.CombinePrepayApp: %+v %v", app, err)
	}
	h5, err := c.Partner.CombinePrepayH5(cx, partnerReq("PH5", "PH5-1", "PH5-2"))
	if err != nil || h5.H5URL == "" {
		t.Fatalf("Partner.CombinePrepayH5: %+v %v", h5, err)
	}
	nt, err := c.Partner.CombinePrepayNative(cx, partnerReq("PNAT", "PNAT-1", "PNAT-2"))
	if err != nil || nt.CodeURL == "" {
		t.Fatalf("Partner.CombinePrepayNative: %+v %v", nt, err)
	}
	ct, err := c.QueryCombineTransaction(cx, "PNAT")
	if err != nil || len(ct.SubOrders) != 2 || ct.SubOrders[0].SubMchID != sub || ct.SubOrders[1].SubMchID != "1900000111" ||
		ct.SubOrders[1].MchID != srv.Opts.MchID || ct.SubOrders[1].TradeState != pay.TradeStateNotPay {
		t.Fatalf("partner query: %+v %v", ct, err)
	}

	// Close names the sub-merchants.
	err = c.Partner.CloseCombineTransaction(cx, combineAppID, "PNAT", closeSubs("", "PNAT-1", "PNAT-2"))
	wantArgError(t, err)
	err = c.CloseCombineTransaction(cx, combineAppID, "PNAT", closeSubs("", "PNAT-1", "PNAT-2"))
	wantPayError(t, err, http.StatusBadRequest, "INVALID_REQUEST")
	closing := []pay.CombineCloseSubOrder{{OutTradeNo: "PNAT-1", SubMchID: sub}, {OutTradeNo: "PNAT-2", SubMchID: "1900000111", SubAppID: "wxd678efh567hg6999"}}
	if err := c.Partner.CloseCombineTransaction(cx, combineAppID, "PNAT", closing); err != nil {
		t.Fatalf("Partner.CloseCombineTransaction: %v", err)
	}
	if ct, err := c.QueryCombineTransaction(cx, "PNAT"); err != nil || ct.SubOrders[1].TradeState != pay.TradeStateClosed {
		t.Fatalf("partner query after close: %+v %v", ct, err)
	}

	// Errors.
	noSub := combineReq("PERR01", "PERR-1", "PERR-2")
	_, err = c.Partner.CombinePrepayNative(cx, noSub)
	wantArgError(t, err)
	_, err = c.Partner.CombinePrepayH5(cx, nil)
	wantArgError(t, err)
	stranger := partnerReq("PERR02", "PERR-3")
	stranger.SubOrders[0].SubMchID = "1900009999"
	_, err = c.Partner.CombinePrepayApp(cx, stranger)
	wantPayError(t, err, http.StatusBadRequest, "INVALID_REQUEST")
	foreign := partnerReq("PERR03", "PERR-4")
	foreign.SubOrders[0].MchID = "1900000999"
	_, err = c.Partner.CombinePrepayApp(cx, foreign)
	wantPayError(t, err, http.StatusBadRequest, "PARAM_ERROR")
}
