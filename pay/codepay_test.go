package pay_test

import (
	"encoding/json"
	"net/http"
	"testing"

	"github.com/weixin-go/wechat/fakewechat/fakepay"
	"github.com/weixin-go/wechat/pay"
)

func codePayReq(no string, fen int64) *pay.CodePayRequest {
	return &pay.CodePayRequest{AppID: "wxd678efh567hg6787", Description: "Image形象店-深圳腾大-QQ公仔", OutTradeNo: no,
		Attach: "自定义数据", Payer: pay.CodePayPayer{AuthCode: "134567890123456789"}, Amount: pay.Amount{Total: fen},
		SceneInfo: json.RawMessage(`{"store_info":{"out_id":"1234"}}`)}
}

func TestCodePayFlow(t *testing.T) {
	for _, m := range modes {
		t.Run(m.name, func(t *testing.T) {
			srv := newServer(t, m.server)
			c := newClient(t, srv, m.client)
			cx := ctx(t)

			// Paid at once.
			tx, err := c.CodePay(cx, codePayReq("CODE000001", 100))
			if err != nil || tx.TradeState != pay.TradeStateSuccess || tx.TradeType != "MICROPAY" || tx.TransactionID == "" ||
				tx.Amount.Total != 100 || tx.Amount.PayerTotal != 100 || tx.Amount.Currency != "CNY" || tx.Payer.OpenID == "" ||
				tx.OutTradeNo != "CODE000001" || tx.MchID != srv.Opts.MchID || tx.Attach != "自定义数据" || tx.SuccessTime == "" {
				t.Fatalf("CodePay: %+v %v", tx, err)
			}
			again, err := c.CodePay(cx, codePayReq("CODE000001", 100))
			if err != nil || again.TransactionID != tx.TransactionID {
				t.Fatalf("retried CodePay: %+v %v", again, err)
			}

			// Above the password threshold: USERPAYING until the user confirms.
			big := int64(fakepay.CodePayPasswordAbove + 1)
			tx, err = c.CodePay(cx, codePayReq("CODE000002", big))
			if err != nil || tx.TradeState != pay.TradeStateUserPaying || tx.TransactionID != "" {
				t.Fatalf("CodePay USERPAYING: %+v %v", tx, err)
			}
			if q, err := c.QueryTransactionByOutTradeNo(cx, "CODE000002"); err != nil || q.TradeState != pay.TradeStateUserPaying || q.Amount.Total != big {
				t.Fatalf("query USERPAYING: %+v %v", q, err)
			}
			if _, ok := srv.PayOrder("CODE000002"); !ok {
				t.Fatal("PayOrder of a USERPAYING code payment")
			}
			if q, err := c.QueryTransactionByOutTradeNo(cx, "CODE000002"); err != nil || q.TradeState != pay.TradeStateSuccess || q.TransactionID == "" {
				t.Fatalf("query after password: %+v %v", q, err)
			}

			// Reverse: the unpaid one is closed, a paid one refunded; both REVOKED.
			if _, err := c.CodePay(cx, codePayReq("CODE000003", big)); err != nil {
				t.Fatal(err)
			}
			for _, no := range []string{"CODE000003", "CODE000001", "CODE000003"} {
				rv, err := c.ReverseTransaction(cx, "wxd678efh567hg6787", no)
				if err != nil || rv.OutTradeNo != no || rv.MchID != srv.Opts.MchID || rv.AppID != "wxd678efh567hg6787" {
					t.Fatalf("ReverseTransaction %s: %+v %v", no, rv, err)
				}
				if q, err := c.QueryTransactionByOutTradeNo(cx, no); err != nil || q.TradeState != pay.TradeStateRevoked {
					t.Fatalf("query after reverse: %+v %v", q, err)
				}
			}
			if _, ok := srv.PayOrder("CODE000003"); ok {
				t.Fatal("a reversed order was paid")
			}
		})
	}
}

func TestCodePayErrors(t *testing.T) {
	srv := newServer(t, fakepay.ModePublicKey)
	c := newClient(t, srv, pay.VerifyPublicKey)
	cx := ctx(t)

	noCode := codePayReq("CODE100001", 1)
	noCode.Payer.AuthCode = ""
	noScene := codePayReq("CODE100002", 1)
	noScene.SceneInfo = nil
	for name, req := range map[string]*pay.CodePayRequest{
		"nil": nil, "auth code": noCode, "scene": noScene, "amount": codePayReq("CODE100003", 0), "number": codePayReq("", 1),
	} {
		_, err := c.CodePay(cx, req)
		t.Run(name, func(t *testing.T) { wantArgError(t, err) })
	}
	_, err := c.ReverseTransaction(cx, "", "CODE100001")
	wantArgError(t, err)
	_, err = c.ReverseTransaction(cx, "wxd678efh567hg6787", "")
	wantArgError(t, err)

	alipay := codePayReq("CODE100004", 1)
	alipay.Payer.AuthCode = "284567890123456789" // not a WeChat payment code
	_, err = c.CodePay(cx, alipay)
	wantPayError(t, err, http.StatusBadRequest, "PARAM_ERROR")
	_, err = c.CodePay(cx, codePayReq("CODE|100005", 1))
	wantPayError(t, err, http.StatusBadRequest, "PARAM_ERROR")

	jsapi := &pay.PrepayRequest{AppID: "wxd678efh567hg6787", Description: "d", OutTradeNo: "JSAPI100001", NotifyURL: "https://example.com/n",
		Amount: pay.Amount{Total: 1}, Payer: &pay.Payer{OpenID: "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"}}
	if _, err := c.PrepayJSAPI(cx, jsapi); err != nil {
		t.Fatal(err)
	}
	_, err = c.CodePay(cx, codePayReq("JSAPI100001", 1))
	wantPayError(t, err, http.StatusForbidden, "OUT_TRADE_NO_USED")
	_, err = c.ReverseTransaction(cx, "wxd678efh567hg6787", "JSAPI100001")
	wantPayError(t, err, http.StatusBadRequest, "INVALID_REQUEST")
	_, err = c.ReverseTransaction(cx, "wxd678efh567hg6787", "NONE100001")
	wantPayError(t, err, http.StatusNotFound, "ORDER_NOT_EXIST")
}

func TestPartnerCodePay(t *testing.T) {
	srv := newServer(t, fakepay.ModePublicKey)
	c := newClient(t, srv, pay.VerifyPublicKey)
	cx := ctx(t)
	sub := fakepay.DefaultSubMchID
	req := func(no string, fen int64) *pay.PartnerCodePayRequest {
		return &pay.PartnerCodePayRequest{SpAppID: "wxd678efh567hg6787", SubAppID: "wxd678efh567hg6999", SubMchID: sub,
			Description: "Image形象店-深圳腾大-QQ公仔", OutTradeNo: no, Payer: pay.CodePayPayer{AuthCode: "104567890123456789"},
			Amount: pay.Amount{Total: fen}, SceneInfo: json.RawMessage(`{"store_info":{"out_id":"1234"}}`)}
	}

	tx, err := c.Partner.CodePay(cx, req("PCODE00001", 500))
	if err != nil || tx.TradeState != pay.TradeStateSuccess || tx.TradeType != "MICROPAY" || tx.SubMchID != sub || tx.SpMchID != srv.Opts.MchID ||
		tx.TransactionID == "" || tx.Amount.Total != 500 || tx.Payer.SpOpenID == "" || tx.SubAppID != "wxd678efh567hg6999" {
		t.Fatalf("Partner.CodePay: %+v %v", tx, err)
	}
	tx, err = c.Partner.CodePay(cx, req("PCODE00002", fakepay.CodePayPasswordAbove+1))
	if err != nil || tx.TradeState != pay.TradeStateUserPaying {
		t.Fatalf("Partner.CodePay USERPAYING: %+v %v", tx, err)
	}
	if q, err := c.Partner.QueryTransactionByOutTradeNo(cx, sub, "PCODE00002"); err != nil || q.TradeState != pay.TradeStateUserPaying {
		t.Fatalf("partner query USERPAYING: %+v %v", q, err)
	}
	if _, ok := srv.PayPartnerOrder(sub, "PCODE00002"); !ok {
		t.Fatal("PayPartnerOrder of a USERPAYING code payment")
	}
	if q, err := c.Partner.QueryTransactionByOutTradeNo(cx, sub, "PCODE00002"); err != nil || q.TradeState != pay.TradeStateSuccess {
		t.Fatalf("partner query after password: %+v %v", q, err)
	}
	rv, err := c.Partner.ReverseTransaction(cx, sub, "PCODE00002")
	if err != nil || rv.OutTradeNo != "PCODE00002" || rv.SubMchID != sub || rv.SpMchID != srv.Opts.MchID {
		t.Fatalf("Partner.ReverseTransaction: %+v %v", rv, err)
	}
	if q, err := c.Partner.QueryTransactionByOutTradeNo(cx, sub, "PCODE00002"); err != nil || q.TradeState != pay.TradeStateRevoked {
		t.Fatalf("partner query after reverse: %+v %v", q, err)
	}

	stranger := req("PCODE00003", 1)
	stranger.SubMchID = "1900009999"
	_, err = c.Partner.CodePay(cx, stranger)
	wantPayError(t, err, http.StatusBadRequest, "INVALID_REQUEST")
	_, err = c.Partner.CodePay(cx, req("PCODE00001", 501))
	wantPayError(t, err, http.StatusForbidden, "OUT_TRADE_NO_USED")
	srv.AddSubMerchant("1900000111")
	_, err = c.Partner.ReverseTransaction(cx, "1900000111", "PCODE00001")
	wantPayError(t, err, http.StatusNotFound, "ORDER_NOT_EXIST")
	noSub := req("PCODE00004", 1)
	noSub.SubMchID = ""
	for _, r := range []*pay.PartnerCodePayRequest{nil, noSub, req("PCODE00005", 0)} {
		_, err := c.Partner.CodePay(cx, r)
		wantArgError(t, err)
	}
	_, err = c.Partner.ReverseTransaction(cx, "", "PCODE00001")
	wantArgError(t, err)
}
