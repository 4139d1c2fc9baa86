package pay_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat/fakepay"
	"github.com/weixin-go/wechat/pay"
)

func TestAuthCodeToOpenID(t *testing.T) {
	srv, c, rec := newPAPayClient(t)
	cx := ctx(t)
	r, err := c.AuthCodeToOpenID(cx, &pay.AuthCodeToOpenIDRequest{AppID: v2AppID, AuthCode: "134570572084180697"})
	if err != nil || r.OpenID == "" || r.SubOpenID != "" {
		t.Fatalf("AuthCodeToOpenID: %+v %v", r, err)
	}
	raw := string(rec.last)
	if !strings.HasPrefix(raw, "<xml><appid><![CDATA["+v2AppID+"]]></appid><auth_code><![CDATA[134570572084180697]]></auth_code><mch_id><![CDATA["+srv.Opts.MchID+"]]></mch_id><nonce_str><![CDATA[") ||
		!strings.HasSuffix(raw, "]]></sign></xml>") {
		t.Fatalf("body %s", raw)
	}
	again, err := c.AuthCodeToOpenID(cx, &pay.AuthCodeToOpenIDRequest{AppID: v2AppID, AuthCode: "134570572084180697"})
	if err != nil || again.OpenID != r.OpenID {
		t.Fatalf("same code: %+v %v", again, err)
	}
	sub, err := c.AuthCodeToOpenID(cx, &pay.AuthCodeToOpenIDRequest{AppID: v2AppID, SubAppID: "wxd678efh567hg6787",
		SubMchID: fakepay.DefaultSubMchID, AuthCode: "134570572084180697"})
	if err != nil || sub.OpenID != r.OpenID || sub.SubOpenID == "" || sub.Raw["sub_mch_id"] != fakepay.DefaultSubMchID {
		t.Fatalf("sub-merchant: %+v %v", sub, err)
	}

	_, err = c.AuthCodeToOpenID(cx, &pay.AuthCodeToOpenIDRequest{AppID: v2AppID, AuthCode: "994570572084180697"})
	wantV2Code(t, err, "AUTH_CODE_INVALID")
	srv.ExpireAuthCode("134570572084180698")
	_, err = c.AuthCodeToOpenID(cx, &pay.AuthCodeToOpenIDRequest{AppID: v2AppID, AuthCode: "134570572084180698"})
	wantV2Code(t, err, "AUTHCODEEXPIRE")
	_, err = c.AuthCodeToOpenID(cx, &pay.AuthCodeToOpenIDRequest{AppID: v2AppID, SubMchID: "1234567890", AuthCode: "134570572084180697"})
	wantV2Code(t, err, "AUTH_CODE_ERROR")

	for _, req := range []*pay.AuthCodeToOpenIDRequest{nil, {AppID: v2AppID}, {AuthCode: "134570572084180697"},
		{AppID: v2AppID, AuthCode: strings.Repeat("1", 129)}} {
		var ae *wechat.ArgumentError
		if _, err := c.AuthCodeToOpenID(cx, req); !errors.As(err, &ae) {
			t.Fatalf("%+v: want ArgumentError, got %v", req, err)
		}
	}
}

func TestBatchQueryComments(t *testing.T) {
	srv, c, rec := newV2Client(t)
	cx := ctx(t)
	text := "100\n`2017-07-01 10:00:05,`1001690740201411100005734289,`5,`赞\n"
	srv.SetOrderComments([]byte(text))
	var b strings.Builder
	n, err := c.BatchQueryComments(cx, &pay.V2CommentQuery{AppID: "wxe062425f740c30d8", BeginTime: "20170724000000",
		EndTime: "20170725000000", Limit: 100}, &b)
	if err != nil || b.String() != text || n != int64(len(text)) {
		t.Fatalf("BatchQueryComments: %d %q %v", n, b.String(), err)
	}
	raw := string(rec.last)
	if !strings.HasPrefix(raw, "<xml><appid><![CDATA[wxe062425f740c30d8]]></appid><begin_time><![CDATA[20170724000000]]></begin_time><end_time><![CDATA[20170725000000]]></end_time><limit><![CDATA[100]]></limit><mch_id><![CDATA["+srv.Opts.MchID+"]]></mch_id><nonce_str><![CDATA[") ||
		!strings.Contains(raw, "<offset><![CDATA[0]]></offset><sign><![CDATA[") || !strings.HasSuffix(raw, "]]></sign><sign_type><![CDATA[HMAC-SHA256]]></sign_type></xml>") {
		t.Fatalf("body %s", raw)
	}
	sent := rec.sent(t)
	if sign, _ := pay.V2Sign(sent, srv.Opts.APIv2Key, pay.SignTypeHMACSHA256); sign != sent["sign"] {
		t.Fatalf("sign %s, want %s", sent["sign"], sign)
	}
	// The end before the beginning: an XML failure.
	_, err = c.BatchQueryComments(cx, &pay.V2CommentQuery{AppID: "wxe062425f740c30d8", BeginTime: "20170725000000", EndTime: "20170724000000", Offset: 7}, &b)
	var ve *pay.V2Error
	if !errors.As(err, &ve) || ve.ReturnCode != "FAIL" {
		t.Fatalf("want V2Error FAIL, got %v", err)
	}
	if rec.sent(t)["offset"] != "7" {
		t.Fatal("offset not sent")
	}

	plain := newClient(t, srv, pay.VerifyPublicKey)
	for _, call := range []func() error{
		func() error { _, err := c.BatchQueryComments(cx, nil, &b); return err },
		func() error {
			_, err := c.BatchQueryComments(cx, &pay.V2CommentQuery{AppID: "a", BeginTime: "2017-07-24", EndTime: "20170725000000"}, &b)
			return err
		},
		func() error {
			_, err := c.BatchQueryComments(cx, &pay.V2CommentQuery{AppID: "a", BeginTime: "20170724000000", EndTime: "20170725000000", Limit: 201}, &b)
			return err
		},
		func() error {
			_, err := plain.BatchQueryComments(cx, &pay.V2CommentQuery{AppID: "a", BeginTime: "20170724000000", EndTime: "20170725000000"}, &b)
			return err
		},
	} {
		var ae *wechat.ArgumentError
		if err := call(); !errors.As(err, &ae) {
			t.Fatalf("want ArgumentError, got %v", err)
		}
	}
}

func TestReportV2(t *testing.T) {
	srv, c, rec := newPAPayClient(t)
	cx := ctx(t)
	at := time.Date(2009, 12, 27, 1, 10, 10, 0, time.UTC)
	err := c.ReportV2(cx, &pay.V2Report{AppID: v2AppID, InterfaceURL: "https://api.mch.weixin.qq.com/pay/unifiedorder", ExecuteTime: 1000,
		ReturnCode: "SUCCESS", ReturnMsg: "OK", ResultCode: "SUCCESS", OutTradeNo: "20150806125346", UserIP: "8.8.8.8", Time: at})
	if err != nil {
		t.Fatal(err)
	}
	raw := string(rec.last)
	if !strings.Contains(raw, "<execute_time_><![CDATA[1000]]></execute_time_><interface_url><![CDATA[https://api.mch.weixin.qq.com/pay/unifiedorder]]></interface_url><mch_id><![CDATA["+srv.Opts.MchID+"]]></mch_id>") ||
		!strings.HasSuffix(raw, "<time><![CDATA[20091227091010]]></time><user_ip><![CDATA[8.8.8.8]]></user_ip></xml>") {
		t.Fatalf("body %s", raw)
	}
	err = c.ReportMicropayBatch(cx, v2AppID, "013467007045764", "8.8.8.8", []pay.V2ReportTrade{
		{OutTradeNo: "out_trade_no_test_1", BeginTime: "20160602203256", EndTime: "20160602203257", State: "OK"},
		{OutTradeNo: "out_trade_no_test_2", BeginTime: "20160602203260", EndTime: "20160602203262", State: "FAIL", ErrMsg: "SYSTEMERROR&1"}})
	if err != nil {
		t.Fatal(err)
	}
	if s := rec.sent(t); s["trades"] != `[{"out_trade_no":"out_trade_no_test_1","begin_time":"20160602203256","end_time":"20160602203257","state":"OK","err_msg":""},{"out_trade_no":"out_trade_no_test_2","begin_time":"20160602203260","end_time":"20160602203262","state":"FAIL","err_msg":"SYSTEMERROR&1"}]` ||
		s["interface_url"] != "https://api.mch.weixin.qq.com/pay/batchreport/micropay/total" {
		t.Fatalf("sent %v", s)
	}
	if r := srv.V2Reports(); len(r) != 2 || r[0]["out_trade_no"] != "20150806125346" || r[1]["device_info"] != "013467007045764" {
		t.Fatalf("reports %v", r)
	}
	err = c.ReportMicropayBatch(cx, v2AppID, "", "8.8.8.8", []pay.V2ReportTrade{{OutTradeNo: "1", State: "LOST"}})
	var ve *pay.V2Error
	if !errors.As(err, &ve) || ve.ReturnCode != "FAIL" {
		t.Fatalf("bad state: %v", err)
	}
	big := make([]pay.V2ReportTrade, 20)
	for i := range big {
		big[i] = pay.V2ReportTrade{OutTradeNo: "out_trade_no_test_1", BeginTime: "20160602203256", EndTime: "20160602203257", State: "OK"}
	}
	for _, call := range []func() error{
		func() error { return c.ReportV2(cx, nil) },
		func() error {
			return c.ReportV2(cx, &pay.V2Report{AppID: v2AppID, InterfaceURL: "u", ReturnCode: "SUCCESS", ResultCode: "SUCCESS"})
		},
		func() error {
			return c.ReportV2(cx, &pay.V2Report{AppID: v2AppID, InterfaceURL: "u", ReturnCode: "SUCCESS", ResultCode: "SUCCESS", UserIP: "1", ExecuteTime: -1})
		},
		func() error { return c.ReportMicropayBatch(cx, v2AppID, "", "8.8.8.8", nil) },
		func() error { return c.ReportMicropayBatch(cx, v2AppID, "", "8.8.8.8", big) },
	} {
		var ae *wechat.ArgumentError
		if err := call(); !errors.As(err, &ae) {
			t.Fatalf("want ArgumentError, got %v", err)
		}
	}
}
