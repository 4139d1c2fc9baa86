package pay_test

import (
	"bytes"
	"crypto/md5"
	"encoding/hex"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat/fakepay"
	"github.com/weixin-go/wechat/pay"
)

const v2AppID = "wx2421b1c4370ec43b"

func jsapiOrder(no string) *pay.UnifiedOrderRequest {
	return &pay.UnifiedOrderRequest{AppID: v2AppID, Body: "腾讯充值中心-QQ会员充值", Attach: "支付测试&深圳分店", OutTradeNo: no,
		TotalFee: 888, SpbillCreateIP: "123.12.12.123", NotifyURL: "https://example.com/wxpay/notify?a=1&b=2",
		TradeType: pay.V2TradeTypeJSAPI, OpenID: "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"}
}

func TestV2OrderFlow(t *testing.T) {
	srv, _, rec := newV2Client(t)
	c := newClient(t, srv, pay.VerifyPublicKey, pay.WithHTTPClient(&http.Client{Transport: rec}), pay.WithTLSClient(srv.MutualTLSClient()))
	cx := ctx(t)
	resp, err := c.UnifiedOrder(cx, jsapiOrder("1217752501201407033233368018"))
	if err != nil || !strings.HasPrefix(resp.PrepayID, "wx") || resp.TradeType != "JSAPI" || resp.AppID != v2AppID || resp.MchID != srv.Opts.MchID {
		t.Fatalf("UnifiedOrder: %+v %v", resp, err)
	}
	// The exact body: sorted CDATA fields, & never escaped, mch_id filled in.
	raw := string(rec.last)
	for _, want := range []string{"<appid><![CDATA[wx2421b1c4370ec43b]]></appid><attach><![CDATA[支付测试&深圳分店]]></attach><body><![CDATA[腾讯充值中心-QQ会员充值]]></body><mch_id><![CDATA[" + srv.Opts.MchID + "]]></mch_id><nonce_str><![CDATA[",
		"<notify_url><![CDATA[https://example.com/wxpay/notify?a=1&b=2]]></notify_url><openid><![CDATA[oUpF8uMuAJO_M2pxb1Q9zNjWeS6o]]></openid><out_trade_no><![CDATA[1217752501201407033233368018]]></out_trade_no><sign><![CDATA[",
		"<spbill_create_ip><![CDATA[123.12.12.123]]></spbill_create_ip><total_fee><![CDATA[888]]></total_fee><trade_type><![CDATA[JSAPI]]></trade_type></xml>"} {
		if !strings.Contains(raw, want) {
			t.Fatalf("sent %s\nwant part %s", raw, want)
		}
	}
	sent := rec.sent(t)
	if sign, _ := pay.V2Sign(sent, srv.Opts.APIv2Key, ""); sign != sent["sign"] || len(sent["nonce_str"]) != 32 {
		t.Fatalf("sent sign %s, want %s", sent["sign"], sign)
	}
	// A retry with the same parameters gets the same prepay_id; other
	// parameters under the same out_trade_no are refused.
	again, err := c.UnifiedOrder(cx, jsapiOrder("1217752501201407033233368018"))
	if err != nil || again.PrepayID != resp.PrepayID {
		t.Fatalf("retry: %+v %v", again, err)
	}
	other := jsapiOrder("1217752501201407033233368018")
	other.TotalFee = 1
	_, err = c.UnifiedOrder(cx, other)
	wantV2Code(t, err, "OUT_TRADE_NO_USED")

	o, err := c.QueryV2Order(cx, &pay.V2OrderQuery{AppID: v2AppID, OutTradeNo: "1217752501201407033233368018"})
	if err != nil || o.TradeState != pay.V2TradeStateNotPay || o.TotalFee != 888 || o.Attach != "支付测试&深圳分店" || o.TransactionID != "" {
		t.Fatalf("QueryV2Order NOTPAY: %+v %v", o, err)
	}
	if _, ok := srv.PayOrder("1217752501201407033233368018"); !ok {
		t.Fatal("PayOrder")
	}
	o, err = c.QueryV2Order(cx, &pay.V2OrderQuery{AppID: v2AppID, OutTradeNo: "1217752501201407033233368018", SignType: pay.SignTypeHMACSHA256})
	if err != nil || o.TradeState != pay.V2TradeStateSuccess || o.TransactionID == "" || o.CashFee != 888 || len(o.TimeEnd) != 14 || o.OpenID != "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o" {
		t.Fatalf("QueryV2Order SUCCESS: %+v %v", o, err)
	}
	if rec.sent(t)["sign_type"] != "HMAC-SHA256" {
		t.Fatal("sign_type not sent")
	}
	byID, err := c.QueryV2Order(cx, &pay.V2OrderQuery{AppID: v2AppID, TransactionID: o.TransactionID})
	if err != nil || byID.OutTradeNo != "1217752501201407033233368018" {
		t.Fatalf("by transaction_id: %+v %v", byID, err)
	}
	_, err = c.UnifiedOrder(cx, jsapiOrder("1217752501201407033233368018"))
	wantV2Code(t, err, "ORDERPAID")
	wantV2Code(t, c.CloseV2Order(cx, v2AppID, "1217752501201407033233368018"), "ORDERPAID")
	_, err = c.QueryV2Order(cx, &pay.V2OrderQuery{AppID: v2AppID, OutTradeNo: "nosuchorder1"})
	wantV2Code(t, err, "ORDERNOTEXIST")

	// Refund twice (partial), then query.
	rr := &pay.V2RefundRequest{AppID: v2AppID, OutTradeNo: "1217752501201407033233368018", OutRefundNo: "R1", TotalFee: 888, RefundFee: 300, RefundDesc: "缺货"}
	r1, err := c.V2Refund(cx, rr)
	if err != nil || r1.RefundID == "" || r1.RefundFee != 300 || r1.TotalFee != 888 || r1.TransactionID != o.TransactionID {
		t.Fatalf("V2Refund: %+v %v", r1, err)
	}
	if retry, err := c.V2Refund(cx, rr); err != nil || retry.RefundID != r1.RefundID {
		t.Fatalf("refund retry: %+v %v", retry, err)
	}
	bad := *rr
	bad.RefundFee = 301
	_, err = c.V2Refund(cx, &bad)
	wantV2Code(t, err, "REFUND_FEE_MISMATCH")
	over := pay.V2RefundRequest{AppID: v2AppID, TransactionID: o.TransactionID, OutRefundNo: "R2", TotalFee: 888, RefundFee: 600}
	_, err = c.V2Refund(cx, &over)
	wantV2Code(t, err, "INVALID_REQUEST")
	over.RefundFee = 588
	if _, err := c.V2Refund(cx, &over); err != nil {
		t.Fatal(err)
	}
	srv.SetRefundStatus("R1", "SUCCESS")
	rq, err := c.QueryV2Refund(cx, &pay.V2RefundQuery{AppID: v2AppID, OutTradeNo: "1217752501201407033233368018"})
	if err != nil || rq.TotalRefundCount != 2 || len(rq.Refunds) != 2 || rq.TotalFee != 888 {
		t.Fatalf("QueryV2Refund: %+v %v", rq, err)
	}
	if a := rq.Refunds[0]; a.OutRefundNo != "R1" || a.RefundStatus != pay.V2RefundStatusSuccess || a.RefundFee != 300 || a.RefundSuccessTime == "" || a.RefundRecvAccount == "" {
		t.Fatalf("refund 0: %+v", a)
	}
	if b := rq.Refunds[1]; b.OutRefundNo != "R2" || b.RefundStatus != pay.V2RefundStatusProcessing || b.RefundFee != 588 {
		t.Fatalf("refund 1: %+v", b)
	}
	one, err := c.QueryV2Refund(cx, &pay.V2RefundQuery{AppID: v2AppID, RefundID: r1.RefundID})
	if err != nil || len(one.Refunds) != 1 || one.Refunds[0].OutRefundNo != "R1" {
		t.Fatalf("by refund_id: %+v %v", one, err)
	}
	_, err = c.QueryV2Refund(cx, &pay.V2RefundQuery{AppID: v2AppID, OutRefundNo: "nope"})
	wantV2Code(t, err, "REFUNDNOTEXIST")
}

func TestV2OrderTradeTypesAndClose(t *testing.T) {
	srv, c, _ := newV2Client(t)
	cx := ctx(t)
	native := &pay.UnifiedOrderRequest{AppID: v2AppID, Body: "QR", OutTradeNo: "native0001", TotalFee: 1, SpbillCreateIP: "8.8.8.8",
		NotifyURL: "https://example.com/n", TradeType: pay.V2TradeTypeNative, ProductID: "12235413214070356458058"}
	r, err := c.UnifiedOrder(cx, native)
	if err != nil || !strings.HasPrefix(r.CodeURL, "weixin://wxpay/bizpayurl?pr=") {
		t.Fatalf("NATIVE: %+v %v", r, err)
	}
	mweb := *native
	mweb.OutTradeNo, mweb.TradeType, mweb.ProductID = "mweb000001", pay.V2TradeTypeMWeb, ""
	mweb.SceneInfo = `{"h5_info":{"type":"Wap","wap_url":"https://pay.qq.com","wap_name":"腾讯充值"}}`
	if r, err := c.UnifiedOrder(cx, &mweb); err != nil || !strings.HasPrefix(r.MWebURL, "https://wx.tenpay.com/") {
		t.Fatalf("MWEB: %+v %v", r, err)
	}
	app := *native
	app.OutTradeNo, app.TradeType, app.ProductID = "app0000001", pay.V2TradeTypeApp, ""
	r, err = c.UnifiedOrder(cx, &app)
	if err != nil || r.PrepayID == "" || r.CodeURL != "" {
		t.Fatalf("APP: %+v %v", r, err)
	}
	if err := c.CloseV2Order(cx, v2AppID, "app0000001"); err != nil {
		t.Fatal(err)
	}
	wantV2Code(t, c.CloseV2Order(cx, v2AppID, "app0000001"), "ORDERCLOSED")
	_, err = c.UnifiedOrder(cx, &app)
	wantV2Code(t, err, "ORDERCLOSED")
	if o, err := c.QueryV2Order(cx, &pay.V2OrderQuery{AppID: v2AppID, OutTradeNo: "app0000001"}); err != nil || o.TradeState != pay.V2TradeStateClosed {
		t.Fatalf("closed: %+v %v", o, err)
	}
	wantV2Code(t, c.CloseV2Order(cx, v2AppID, "nosuchorder"), "ORDERNOTEXIST")

	// Refunding a closed order, and over the merchant's balance.
	_, err = c.V2Refund(cx, &pay.V2RefundRequest{AppID: v2AppID, OutTradeNo: "app0000001", OutRefundNo: "Rx", TotalFee: 1, RefundFee: 1})
	wantV2Code(t, err, "ORDERNOTEXIST")
	srv.PayOrder("native0001")
	srv.SetTransferBalance("", 0)
	_, err = c.V2Refund(cx, &pay.V2RefundRequest{AppID: v2AppID, OutTradeNo: "native0001", OutRefundNo: "Ry", TotalFee: 1, RefundFee: 1})
	wantV2Code(t, err, "NOTENOUGH")
}

func TestV2OrderErrors(t *testing.T) {
	srv, c, _ := newV2Client(t)
	cx := ctx(t)
	var ae *wechat.ArgumentError
	for name, req := range map[string]*pay.UnifiedOrderRequest{
		"no openid":   {AppID: "a", Body: "b", OutTradeNo: "o12345", TotalFee: 1, SpbillCreateIP: "1", NotifyURL: "n", TradeType: "JSAPI"},
		"no product":  {AppID: "a", Body: "b", OutTradeNo: "o12345", TotalFee: 1, SpbillCreateIP: "1", NotifyURL: "n", TradeType: "NATIVE"},
		"bad type":    {AppID: "a", Body: "b", OutTradeNo: "o12345", TotalFee: 1, SpbillCreateIP: "1", NotifyURL: "n", TradeType: "MICROPAY"},
		"zero fee":    {AppID: "a", Body: "b", OutTradeNo: "o12345", SpbillCreateIP: "1", NotifyURL: "n", TradeType: "APP"},
		"no notify":   {AppID: "a", Body: "b", OutTradeNo: "o12345", TotalFee: 1, SpbillCreateIP: "1", TradeType: "APP"},
		"mweb scene":  {AppID: "a", Body: "b", OutTradeNo: "o12345", TotalFee: 1, SpbillCreateIP: "1", NotifyURL: "n", TradeType: "MWEB"},
		"nil request": nil,
	} {
		if _, err := c.UnifiedOrder(cx, req); !errors.As(err, &ae) {
			t.Errorf("%s: %v", name, err)
		}
	}
	if _, err := c.QueryV2Order(cx, &pay.V2OrderQuery{AppID: v2AppID}); !errors.As(err, &ae) {
		t.Error(err)
	}
	if _, err := c.V2Refund(cx, &pay.V2RefundRequest{AppID: v2AppID, OutTradeNo: "x", OutRefundNo: "r", TotalFee: 1, RefundFee: 2}); !errors.As(err, &ae) {
		t.Error(err)
	}
	if _, err := c.QueryV2Refund(cx, &pay.V2RefundQuery{AppID: v2AppID}); !errors.As(err, &ae) {
		t.Error(err)
	}
	// The refund needs the merchant certificate.
	plain := newClient(t, srv, pay.VerifyPublicKey)
	if _, err := plain.V2Refund(cx, &pay.V2RefundRequest{AppID: v2AppID, OutTradeNo: "x", OutRefundNo: "r", TotalFee: 1, RefundFee: 1}); !errors.As(err, &ae) {
		t.Error(err)
	}
	noCert := newClient(t, srv, pay.VerifyPublicKey, pay.WithTLSClient(srv.Client()))
	_, err := noCert.V2Refund(cx, &pay.V2RefundRequest{AppID: v2AppID, OutTradeNo: "x", OutRefundNo: "r", TotalFee: 1, RefundFee: 1})
	var ve *pay.V2Error
	if !errors.As(err, &ve) || ve.ReturnCode != "FAIL" || !strings.Contains(ve.ReturnMsg, "证书") {
		t.Fatalf("no client certificate: %v", err)
	}
	// A wrong key: the fake refuses the sign.
	cfg := testConfig(srv, pay.VerifyPublicKey)
	cfg.APIv2Key = strings.Repeat("k", 32)
	wrong, err := pay.New(cfg, pay.WithBaseURL(srv.URL), pay.WithHTTPClient(srv.Client()))
	if err != nil {
		t.Fatal(err)
	}
	_, err = wrong.UnifiedOrder(cx, jsapiOrder("wrongkey01"))
	if !errors.As(err, &ve) || ve.ReturnCode != "FAIL" || ve.ReturnMsg != "签名错误" {
		t.Fatalf("wrong key: %v", err)
	}
	// A short out_trade_no is refused by the fake.
	_, err = c.UnifiedOrder(cx, jsapiOrder("12345"))
	wantV2Code(t, err, "INVALID_REQUEST")
}

func TestV2PayParams(t *testing.T) {
	srv, c, _ := newV2Client(t)
	p, err := c.V2JSAPIPayParams(v2AppID, "wx201410272009395522657a690389285100", "")
	if err != nil || p["package"] != "prepay_id=wx201410272009395522657a690389285100" || p["signType"] != "MD5" || p["appId"] != v2AppID {
		t.Fatalf("%v %v", p, err)
	}
	// paySign is the MD5 of the sorted pairs and the key, computed here by hand.
	s := "appId=" + v2AppID + "&nonceStr=" + p["nonceStr"] + "&package=" + p["package"] + "&signType=MD5&timeStamp=" + p["timeStamp"] + "&key=" + srv.Opts.APIv2Key
	sum := md5.Sum([]byte(s))
	if p["paySign"] != strings.ToUpper(hex.EncodeToString(sum[:])) {
		t.Fatalf("paySign %s", p["paySign"])
	}
	h, err := c.V2JSAPIPayParams(v2AppID, "wx1", pay.SignTypeHMACSHA256)
	if err != nil || len(h["paySign"]) != 64 || h["signType"] != "HMAC-SHA256" {
		t.Fatalf("%v %v", h, err)
	}
	a, err := c.V2AppPayParams("wxd678efh567hg6787", "wx1")
	if err != nil || a["partnerid"] != srv.Opts.MchID || a["package"] != "Sign=WXPay" {
		t.Fatalf("%v %v", a, err)
	}
	s = "appid=wxd678efh567hg6787&noncestr=" + a["noncestr"] + "&package=Sign=WXPay&partnerid=" + srv.Opts.MchID + "&prepayid=wx1&timestamp=" + a["timestamp"] + "&key=" + srv.Opts.APIv2Key
	sum = md5.Sum([]byte(s))
	if a["sign"] != strings.ToUpper(hex.EncodeToString(sum[:])) {
		t.Fatalf("sign %s", a["sign"])
	}
	if _, err := c.V2AppPayParams("", "x"); err == nil {
		t.Fatal("empty appID accepted")
	}
	if _, err := c.V2JSAPIPayParams(v2AppID, "wx1", "SHA1"); err == nil {
		t.Fatal("unknown sign type accepted")
	}
	cfg := testConfig(srv, pay.VerifyPublicKey)
	cfg.APIv2Key = ""
	if noKey, err := pay.New(cfg); err != nil {
		t.Fatal(err)
	} else if p, err := noKey.V2AppPayParams("wx1", "wx1"); err == nil || p != nil {
		t.Fatalf("without APIv2Key: %v %v", p, err)
	}
}

func TestV2Bills(t *testing.T) {
	srv, _, rec := newV2Client(t)
	c := newClient(t, srv, pay.VerifyPublicKey, pay.WithHTTPClient(&http.Client{Transport: rec}), pay.WithTLSClient(&http.Client{Transport: rec}))
	cx := ctx(t)
	bill := []byte("交易时间,公众账号ID,商户号\n`2014-11-10 16:33:45,`wx2421b1c4370ec43b,`10000100\n")
	srv.AddBill("2014-11-10", bill)
	for _, tar := range []string{"", "GZIP"} {
		var buf bytes.Buffer
		n, err := c.DownloadV2Bill(cx, &pay.V2BillRequest{AppID: v2AppID, BillDate: "20141110", TarType: tar}, &buf)
		if err != nil || n != int64(len(bill)) || !bytes.Equal(buf.Bytes(), bill) {
			t.Fatalf("tar %q: %d %q %v", tar, n, buf.Bytes(), err)
		}
		sent := rec.sent(t)
		if sent["bill_type"] != "ALL" || sent["tar_type"] != tar || sent["mch_id"] != srv.Opts.MchID {
			t.Fatalf("sent %v", sent)
		}
		buf.Reset()
		if _, err := c.DownloadV2FundFlow(cx, &pay.V2BillRequest{AppID: v2AppID, BillDate: "20141110", AccountType: "Operation", TarType: tar}, &buf); err != nil || !bytes.Equal(buf.Bytes(), bill) {
			t.Fatalf("fund flow %q: %q %v", tar, buf.Bytes(), err)
		}
		if s := rec.sent(t); s["sign_type"] != "HMAC-SHA256" || s["account_type"] != "Operation" || len(s["sign"]) != 64 {
			t.Fatalf("fund flow sent %v", s)
		}
	}
	_, err := c.DownloadV2Bill(cx, &pay.V2BillRequest{AppID: v2AppID, BillDate: "20141111"}, io.Discard)
	var ve *pay.V2Error
	if !errors.As(err, &ve) || ve.ReturnCode != "FAIL" || ve.ReturnMsg != "No Bill Exist" || ve.ErrCode != "20002" {
		t.Fatalf("no bill: %v", err)
	}
	_, err = c.DownloadV2Bill(cx, &pay.V2BillRequest{AppID: v2AppID, BillDate: "20141110", BillType: "PAID"}, io.Discard)
	if !errors.As(err, &ve) || ve.ErrCode != "20001" {
		t.Fatalf("bad bill_type: %v", err)
	}
	noCert := newClient(t, srv, pay.VerifyPublicKey)
	if _, err := noCert.DownloadV2FundFlow(cx, &pay.V2BillRequest{AppID: v2AppID, BillDate: "20141110"}, io.Discard); err == nil {
		t.Fatal("fund flow without WithTLSClient")
	}
}

func TestV2Notifications(t *testing.T) {
	srv, c, _ := newV2Client(t)
	c2 := newClient(t, srv, pay.VerifyPublicKey, pay.WithTLSClient(srv.MutualTLSClient()))
	cx := ctx(t)
	if _, err := c.UnifiedOrder(cx, jsapiOrder("notify00001")); err != nil {
		t.Fatal(err)
	}
	if _, _, ok := srv.V2PayNotification("notify00001"); ok {
		t.Fatal("notification of an unpaid order")
	}
	srv.PayOrder("notify00001")
	body, url, ok := srv.V2PayNotification("notify00001")
	if !ok || url != "https://example.com/wxpay/notify?a=1&b=2" {
		t.Fatal("V2PayNotification")
	}
	o, err := c.ParseV2PayNotification(body)
	if err != nil || o.OutTradeNo != "notify00001" || o.TotalFee != 888 || o.TransactionID == "" || o.Raw["result_code"] != "SUCCESS" || o.Attach != "支付测试&深圳分店" {
		t.Fatalf("ParseV2PayNotification: %+v %v", o, err)
	}
	tampered := bytes.Replace(body, []byte("<total_fee><![CDATA[888]]>"), []byte("<total_fee><![CDATA[1]]>"), 1)
	if _, err := c.ParseV2PayNotification(tampered); !errors.Is(err, pay.ErrV2Notification) {
		t.Fatalf("tampered: %v", err)
	}
	if string(pay.V2NotificationAck) != "<xml><return_code><![CDATA[SUCCESS]]></return_code><return_msg><![CDATA[OK]]></return_msg></xml>" {
		t.Fatal("ack")
	}

	if _, err := c2.V2Refund(cx, &pay.V2RefundRequest{AppID: v2AppID, OutTradeNo: "notify00001", OutRefundNo: "RN1", TotalFee: 888, RefundFee: 88}); err != nil {
		t.Fatal(err)
	}
	srv.SetRefundStatus("RN1", "SUCCESS")
	rb, ok := srv.V2RefundNotification("RN1")
	if !ok {
		t.Fatal("V2RefundNotification")
	}
	rn, err := c.ParseV2RefundNotification(rb)
	if err != nil || rn.OutRefundNo != "RN1" || rn.RefundFee != 88 || rn.TotalFee != 888 || rn.RefundStatus != "SUCCESS" || rn.SuccessTime == "" || rn.MchID != srv.Opts.MchID || rn.AppID != v2AppID {
		t.Fatalf("ParseV2RefundNotification: %+v %v", rn, err)
	}
	cfg := testConfig(srv, pay.VerifyPublicKey)
	cfg.APIv2Key = strings.Repeat("k", 32)
	other, _ := pay.New(cfg, pay.WithBaseURL(srv.URL))
	if _, err := other.ParseV2RefundNotification(rb); !errors.Is(err, pay.ErrV2Notification) {
		t.Fatalf("wrong key: %v", err)
	}
	if _, err := other.ParseV2PayNotification(body); !errors.Is(err, pay.ErrV2Notification) {
		t.Fatalf("wrong key: %v", err)
	}
}

func FuzzParseV2Notifications(f *testing.F) {
	srv := fakepay.New(fakepay.Options{})
	defer srv.Close()
	c, err := pay.New(testConfig(srv, pay.VerifyPublicKey), pay.WithBaseURL(srv.URL))
	if err != nil {
		f.Fatal(err)
	}
	f.Add([]byte("<xml><return_code>SUCCESS</return_code><req_info>AAAAAAAAAAAAAAAAAAAAAA==</req_info></xml>"))
	f.Add([]byte("<xml><return_code>SUCCESS</return_code><sign>X</sign></xml>"))
	f.Add([]byte("<xml><return_code>SUCCESS</return_code><req_info>!!</req_info></xml>"))
	f.Fuzz(func(t *testing.T, b []byte) {
		if o, err := c.ParseV2PayNotification(b); err == nil && o == nil {
			t.Fatal("nil order without error")
		}
		if n, err := c.ParseV2RefundNotification(b); err == nil && n.OutRefundNo == "" {
			t.Fatal("refund notification without out_refund_no")
		}
	})
}
