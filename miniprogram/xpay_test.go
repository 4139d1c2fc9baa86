package miniprogram_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/miniprogram"
)

// The official example of the virtual payment signatures.
func TestXPaySignatures(t *testing.T) {
	body := []byte(`{"openid": "xxx", "user_ip": "127.0.0.1", "env": 0}`)
	if got := miniprogram.XPayPaySig("12345", "/xpay/query_user_balance", body); got != "c37809f27c6d7fd1837ad2500a04512b66b34fd793a39a385fade56dca89a4b5" {
		t.Errorf("pay_sig = %s", got)
	}
	if got := miniprogram.XPayUserSignature("9hAb/NEYUlkaMBEsmFgzig==", body); got != "089d9e8dc5d308977360c4b79ec600a93d736802802a807d634192328032f6c7" {
		t.Errorf("signature = %s", got)
	}
}

func TestXPay(t *testing.T) {
	srv, c := newClient(t)
	ctx := t.Context()
	app := fakewechat.DefaultAppID
	const key = "sandbox-app-key-secret"
	srv.MPSetXPayAppKey(app, miniprogram.XPaySandbox, key)
	sess, err := c.Auth.Code2Session(ctx, srv.MPLoginCode(app, "oPayUser", ""))
	if err != nil {
		t.Fatal(err)
	}
	x := c.XPay.Env(key, miniprogram.XPaySandbox)
	if s := fmt.Sprintf("%v %+v %#v %s", x, x, x, x); strings.Contains(s, key) {
		t.Fatalf("AppKey printed: %s", s)
	}
	u := miniprogram.XPayUser{OpenID: "oPayUser", SessionKey: sess.SessionKey, UserIP: "1.1.1.1"}
	srv.MPXPayTopUp(app, miniprogram.XPaySandbox, "oPayUser", 100)

	b, err := x.QueryUserBalance(ctx, u)
	if err != nil || b.Balance != 100 || b.SumSave != 100 || bool(b.FirstSaveFlag) {
		t.Fatalf("QueryUserBalance = %+v, %v", b, err)
	}
	rr, _ := last(t, srv, "POST /xpay/query_user_balance")
	if rr.Query.Get("pay_sig") != miniprogram.XPayPaySig(key, "/xpay/query_user_balance", rr.Body) ||
		rr.Query.Get("signature") != miniprogram.XPayUserSignature(sess.SessionKey, rr.Body) {
		t.Fatalf("signatures of %s: %v", rr.Body, rr.Query)
	}
	p, err := x.PresentCurrency(ctx, "oPayUser", "present_0001", 20, 1)
	if err != nil || p.Balance != 120 || p.PresentBalance != 20 {
		t.Fatalf("PresentCurrency = %+v, %v", p, err)
	}
	pay, err := x.CurrencyPay(ctx, u, miniprogram.CurrencyPayRequest{Amount: 50, OrderID: "pay_0001", PayItems: []miniprogram.XPayItem{{ProductID: "gem&1", UnitPrice: 50, Quantity: 1}}, DeviceType: 1})
	if err != nil || pay.Balance != 70 || pay.UsedPresentAmount != 20 {
		t.Fatalf("CurrencyPay = %+v, %v", pay, err)
	}
	if rr, body := last(t, srv, "POST /xpay/currency_pay"); body["payitem"] != `[{"productid":"gem&1","unit_price":50,"quantity":1}]` || strings.Contains(string(rr.Body), `\u0026`) {
		t.Errorf("body = %s", rr.Body)
	}
	_, err = x.CurrencyPay(ctx, u, miniprogram.CurrencyPayRequest{Amount: 50, OrderID: "pay_0001"})
	wantAPIError(t, err, fakewechat.CodeMPXPayDuplicate)
	_, err = x.CurrencyPay(ctx, u, miniprogram.CurrencyPayRequest{Amount: 500, OrderID: "pay_0002"})
	wantAPIError(t, err, fakewechat.CodeMPXPayShort)
	if id, err := x.CancelCurrencyPay(ctx, u, "pay_0001", "cancel_0001", 30, 1); err != nil || id != "cancel_0001" {
		t.Fatalf("CancelCurrencyPay = %q, %v", id, err)
	}
	_, err = x.CancelCurrencyPay(ctx, u, "pay_0001", "cancel_0002", 30, 1)
	wantAPIError(t, err, fakewechat.CodeMPXPayRefunded)
	if got := srv.MPXPayBalance(app, miniprogram.XPaySandbox, "oPayUser"); got != 100 {
		t.Fatalf("balance = %d, want 100", got)
	}

	// wrong keys are refused by the fake
	_, err = c.XPay.Env("wrong", miniprogram.XPaySandbox).QueryUserBalance(ctx, u)
	wantAPIError(t, err, fakewechat.CodeMPXPayBadSig)
	bad := u
	bad.SessionKey = "d3Jvbmcgc2Vzc2lvbiBrZXk="
	_, err = x.QueryUserBalance(ctx, bad)
	wantAPIError(t, err, fakewechat.CodeMPXPayBadSig)
	_, err = c.XPay.Env(key, miniprogram.XPayProduction).PresentCurrency(ctx, "oPayUser", "present_0002", 1, 1)
	wantAPIError(t, err, fakewechat.CodeMPXPayBadSig)

	// cash orders
	wx := srv.MPAddXPayOrder(app, miniprogram.XPaySandbox, "oPayUser", "cash_0001", 600)
	o, err := x.QueryOrder(ctx, miniprogram.XPayOrderRef{OpenID: "oPayUser", WxOrderID: wx})
	if err != nil || o.OrderID != "cash_0001" || o.LeftFee != 600 || o.Status != 2 || o.EnvType != 2 {
		t.Fatalf("QueryOrder = %+v, %v", o, err)
	}
	if err := x.NotifyProvideGoods(ctx, miniprogram.XPayOrderRef{OrderID: "cash_0001"}); err != nil {
		t.Fatal(err)
	}
	ref, err := x.RefundOrder(ctx, miniprogram.RefundRequest{XPayOrderRef: miniprogram.XPayOrderRef{OpenID: "oPayUser", OrderID: "cash_0001"}, RefundOrderID: "refund_0001", LeftFee: 600, RefundFee: 600, ReqFrom: "2"})
	if err != nil || ref.PayWxOrderID != wx {
		t.Fatalf("RefundOrder = %+v, %v", ref, err)
	}
	if st := srv.MPXPayOrders(app, miniprogram.XPaySandbox)[0]; st.LeftFee != 0 || st.Status != 5 {
		t.Fatalf("order after refund = %+v", st)
	}

	wno, err := x.CreateWithdrawOrder(ctx, "withdraw_0001", "0.01")
	if err != nil || wno == "" {
		t.Fatalf("CreateWithdrawOrder = %q, %v", wno, err)
	}
	w, err := x.QueryWithdrawOrder(ctx, "withdraw_0001")
	if err != nil || w.WxWithdrawNo != wno || w.Status != 2 || w.WithdrawAmount != "0.01" {
		t.Fatalf("QueryWithdrawOrder = %+v, %v", w, err)
	}
	srv.MPSetXPayAppKey(app, miniprogram.XPayProduction, "prod-key")
	if u, err := c.XPay.Env("prod-key", miniprogram.XPayProduction).DownloadBill(ctx, "20230801", "20230802"); err != nil || !strings.HasSuffix(u, "20230801-20230802.csv") {
		t.Fatalf("DownloadBill = %q, %v", u, err)
	}
	if _, body := last(t, srv, "POST /xpay/download_bill"); asJSON(t, body) != `{"begin_ds":20230801,"end_ds":20230802}` {
		t.Errorf("body = %v", body)
	}

	goods := []miniprogram.XPayGoods{{ID: "gem_1", Name: "宝石", Price: 100, ItemURL: "https://example.com/gem.png"}}
	if err := x.StartUploadGoods(ctx, goods); err != nil {
		t.Fatal(err)
	}
	task, err := x.QueryUploadGoods(ctx)
	if err != nil || task.Status != 3 || len(task.UploadItems) != 1 || task.UploadItems[0].UploadStatus != 2 {
		t.Fatalf("QueryUploadGoods = %+v, %v", task, err)
	}
	if err := x.StartPublishGoods(ctx, "gem_1", "nope"); err != nil {
		t.Fatal(err)
	}
	task, err = x.QueryPublishGoods(ctx)
	if err != nil || task.Status != 2 || len(task.PublishItems) != 2 || task.PublishItems[0].PublishStatus != 2 || task.PublishItems[1].PublishStatus != 3 {
		t.Fatalf("QueryPublishGoods = %+v, %v", task, err)
	}

	n := len(srv.Requests())
	_, err = c.XPay.Env("", 0).QueryOrder(ctx, miniprogram.XPayOrderRef{OrderID: "x"})
	wantArgError(t, srv, n, err, "app_key")
	_, err = c.XPay.Env(key, 2).QueryOrder(ctx, miniprogram.XPayOrderRef{OrderID: "x"})
	wantArgError(t, srv, n, err, "env")
	_, err = x.CurrencyPay(ctx, u, miniprogram.CurrencyPayRequest{Amount: 1, OrderID: "short"})
	wantArgError(t, srv, n, err, "order_id")
	_, err = x.QueryUserBalance(ctx, miniprogram.XPayUser{OpenID: "o"})
	wantArgError(t, srv, n, err, "session_key")
	_, err = x.RefundOrder(ctx, miniprogram.RefundRequest{XPayOrderRef: miniprogram.XPayOrderRef{OpenID: "o", OrderID: "cash_0001"}, RefundOrderID: "refund_0002", LeftFee: 10, RefundFee: 11})
	wantArgError(t, srv, n, err, "refund_fee")
	_, err = x.DownloadBill(ctx, "20230802", "20230801")
	wantArgError(t, srv, n, err, "end_ds")
	wantArgError(t, srv, n, x.StartUploadGoods(ctx, []miniprogram.XPayGoods{{ID: "bad id", Name: "n", Price: 1, ItemURL: "u"}}), "id")
}
