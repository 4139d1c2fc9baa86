package pay_test

import (
	"errors"
	"strings"
	"testing"

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
