package pay_test

import (
	"crypto"
	"crypto/rsa"
	"crypto/sha256"
	"encoding/base64"
	"strings"
	"testing"

	"github.com/weixin-go/wechat/fakewechat/fakepay"
	"github.com/weixin-go/wechat/pay"
)

func TestTransactionsFlow(t *testing.T) {
	for _, m := range modes {
		t.Run(m.name, func(t *testing.T) {
			srv := newServer(t, m.server)
			c := newClient(t, srv, m.client)
			cx := ctx(t)
			base := pay.PrepayRequest{AppID: "wxd678efh567hg6787", Description: "Image形象店-深圳腾大-QQ公仔", NotifyURL: "https://example.com/notify", Amount: pay.Amount{Total: 100}}

			r1 := base
			r1.OutTradeNo = "T1" + m.name
			r1.Payer = &pay.Payer{OpenID: "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"}
			pr, err := c.PrepayJSAPI(cx, &r1)
			if err != nil || !strings.HasPrefix(pr.PrepayID, "wx") {
				t.Fatalf("PrepayJSAPI: %+v %v", pr, err)
			}
			again, err := c.PrepayJSAPIFor(cx, base.AppID, base.Description, r1.OutTradeNo, base.NotifyURL, 100, "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o")
			if err != nil || again.PrepayID != pr.PrepayID {
				t.Fatalf("repeated order should return the same prepay_id: %+v %v", again, err)
			}

			r2 := base
			r2.OutTradeNo = "T2" + m.name
			if ap, err := c.PrepayApp(cx, &r2); err != nil || ap.PrepayID == "" {
				t.Fatalf("PrepayApp: %+v %v", ap, err)
			}
			r3 := base
			r3.OutTradeNo = "T3" + m.name
			r3.SceneInfo = &pay.SceneInfo{PayerClientIP: "14.23.150.211", H5Info: &pay.H5Info{Type: "Wap"}}
			if h5, err := c.PrepayH5(cx, &r3); err != nil || !strings.Contains(h5.H5URL, "prepay_id=") {
				t.Fatalf("PrepayH5: %+v %v", h5, err)
			}
			r4 := base
			r4.OutTradeNo = "T4" + m.name
			if nt, err := c.PrepayNative(cx, &r4); err != nil || !strings.HasPrefix(nt.CodeURL, "weixin://") {
				t.Fatalf("PrepayNative: %+v %v", nt, err)
			}

			tx, err := c.QueryTransactionByOutTradeNo(cx, r1.OutTradeNo)
			if err != nil || tx.TradeState != pay.TradeStateNotPay || tx.Amount.Total != 100 || tx.Payer.OpenID == "" {
				t.Fatalf("query NOTPAY: %+v %v", tx, err)
			}
			if _, ok := srv.PayOrder(r1.OutTradeNo); !ok {
				t.Fatal("PayOrder")
			}
			tx, err = c.QueryTransactionByOutTradeNo(cx, r1.OutTradeNo)
			if err != nil || tx.TradeState != pay.TradeStateSuccess || tx.TransactionID == "" {
				t.Fatalf("query SUCCESS: %+v %v", tx, err)
			}
			byID, err := c.QueryTransactionByID(cx, tx.TransactionID)
			if err != nil || byID.OutTradeNo != r1.OutTradeNo || byID.Amount.PayerTotal != 100 {
				t.Fatalf("QueryTransactionByID: %+v %v", byID, err)
			}

			wantPayError(t, c.CloseTransaction(cx, r1.OutTradeNo), 400, "ORDERPAID")
			if err := c.CloseTransaction(cx, r2.OutTradeNo); err != nil {
				t.Fatalf("CloseTransaction: %v", err)
			}
			if tx, err := c.QueryTransactionByOutTradeNo(cx, r2.OutTradeNo); err != nil || tx.TradeState != pay.TradeStateClosed {
				t.Fatalf("after close: %+v %v", tx, err)
			}
			_, err = c.QueryTransactionByOutTradeNo(cx, "nope")
			wantPayError(t, err, 404, "ORDER_NOT_EXIST")
		})
	}
}

func TestPrepayValidation(t *testing.T) {
	srv := newServer(t, fakepay.ModePublicKey)
	c := newClient(t, srv, pay.VerifyPublicKey)
	cx := ctx(t)
	if _, err := c.PrepayJSAPI(cx, &pay.PrepayRequest{AppID: "a", Description: "d", OutTradeNo: "o", NotifyURL: "n", Amount: pay.Amount{Total: 1}}); err == nil {
		t.Error("JSAPI without payer accepted")
	}
	if _, err := c.PrepayH5(cx, &pay.PrepayRequest{AppID: "a", Description: "d", OutTradeNo: "o", NotifyURL: "n", Amount: pay.Amount{Total: 1}}); err == nil {
		t.Error("H5 without h5_info accepted")
	}
	if _, err := c.PrepayNative(cx, &pay.PrepayRequest{AppID: "a", Description: "d", OutTradeNo: "o", NotifyURL: "n"}); err == nil {
		t.Error("zero amount accepted")
	}
	if err := c.CloseTransaction(cx, ""); err == nil {
		t.Error("empty out_trade_no accepted")
	}
	if srv.RequestCount("/v3/pay/transactions/jsapi")+srv.RequestCount("/v3/pay/transactions/h5") != 0 {
		t.Error("invalid requests reached the server")
	}
}

func TestCombinePrepay(t *testing.T) {
	srv := newServer(t, fakepay.ModeCertificates)
	c := newClient(t, srv, pay.VerifyCertificates)
	cx := ctx(t)
	subs := []pay.CombineSubOrder{
		{Attach: "a1", OutTradeNo: "SUB0001", Description: "sub 1", Amount: pay.CombineAmount{TotalAmount: 10}},
		{Attach: "a2", OutTradeNo: "SUB0002", Description: "sub 2", Amount: pay.CombineAmount{TotalAmount: 20}},
	}
	pr, err := c.CombinePrepayJSAPIFor(cx, "wxd678efh567hg6787", "COMBINE01", subs, "https://example.com/n", "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o")
	if err != nil || pr.PrepayID == "" {
		t.Fatalf("CombinePrepayJSAPI: %+v %v", pr, err)
	}
	tx, err := c.QueryTransactionByOutTradeNo(cx, "SUB0002")
	if err != nil || tx.Amount.Total != 20 {
		t.Fatalf("sub-order query: %+v %v", tx, err)
	}
	if _, err := c.CombinePrepayJSAPI(cx, &pay.CombineJSAPIRequest{CombineAppID: "a", CombineOutTradeNo: "COMBINE02", NotifyURL: "n", SubOrders: subs}); err == nil {
		t.Error("combined JSAPI without payer accepted")
	}
}

func verifyClientSig(t *testing.T, srv *fakepay.Server, sig string, lines ...string) {
	t.Helper()
	raw, err := base64.StdEncoding.DecodeString(sig)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256([]byte(strings.Join(lines, "\n") + "\n"))
	if err := rsa.VerifyPKCS1v15(&srv.Keys.Merchant.Key.PublicKey, crypto.SHA256, sum[:], raw); err != nil {
		t.Fatalf("client-side signature does not verify: %v", err)
	}
}

func TestPayParams(t *testing.T) {
	srv := newServer(t, fakepay.ModePublicKey)
	c := newClient(t, srv, pay.VerifyPublicKey)
	j, err := c.JSAPIPayParams("wx8888888888888888", "wx201410272009395522657a690389285100")
	if err != nil {
		t.Fatal(err)
	}
	if j.Package != "prepay_id=wx201410272009395522657a690389285100" || j.SignType != "RSA" || len(j.NonceStr) != 32 || j.TimeStamp == "" {
		t.Fatalf("JSAPI params: %+v", j)
	}
	verifyClientSig(t, srv, j.PaySign, j.AppID, j.TimeStamp, j.NonceStr, j.Package)

	a, err := c.AppPayParams("wx8888888888888888", "WX1217752501201407033233368018")
	if err != nil {
		t.Fatal(err)
	}
	if a.Package != "Sign=WXPay" || a.PartnerID != srv.Opts.MchID || a.PrepayID != "WX1217752501201407033233368018" {
		t.Fatalf("APP params: %+v", a)
	}
	verifyClientSig(t, srv, a.Sign, a.AppID, a.Timestamp, a.NonceStr, a.PrepayID)
	if _, err := c.JSAPIPayParams("", "x"); err == nil {
		t.Error("empty appid accepted")
	}
}

func TestPathEscapingIsSigned(t *testing.T) {
	srv := newServer(t, fakepay.ModePublicKey)
	c := newClient(t, srv, pay.VerifyPublicKey)
	cx := ctx(t)
	const no = "T-1_2|3*4@5"
	if _, err := c.PrepayNative(cx, &pay.PrepayRequest{AppID: "wx1", Description: "<b>&商品</b>", OutTradeNo: no, NotifyURL: "https://e/n?a=1&b=2", Amount: pay.Amount{Total: 1}}); err != nil {
		t.Fatal(err)
	}
	tx, err := c.QueryTransactionByOutTradeNo(cx, no)
	if err != nil || tx.OutTradeNo != no {
		t.Fatalf("query %q: %+v %v", no, tx, err)
	}
	if err := c.CloseTransaction(cx, no); err != nil {
		t.Fatalf("close %q: %v", no, err)
	}
}
