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
