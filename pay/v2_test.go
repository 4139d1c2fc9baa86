package pay_test

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/weixin-go/wechat/fakewechat/fakepay"
	"github.com/weixin-go/wechat/pay"
)

// The example of the official v2 signature guide.
func TestV2SignOfficialVector(t *testing.T) {
	p := map[string]string{"appid": "wxd930ea5d5a258f4f", "mch_id": "10000100", "device_info": "1000", "body": "test", "nonce_str": "ibuaiVcKdpRxkhJA", "empty": ""}
	const key = "192006250b4c09247ec02edce69f6a2d"
	if s, _ := pay.V2Sign(p, key, pay.SignTypeMD5); s != "9A0A8659F005D6984697E2CA0A9CF3B7" {
		t.Errorf("MD5 sign %s", s)
	}
	if s, _ := pay.V2Sign(p, key, pay.SignTypeHMACSHA256); s != "6A9AE1657590FD6257D693A078E1C3E4BB6BA4DC30B23E0EE2496E54170DACD6" {
		t.Errorf("HMAC-SHA256 sign %s", s)
	}
	if _, err := pay.V2Sign(p, key, "SHA1"); err == nil {
		t.Error("unknown sign type accepted")
	}
}

func TestMicropayAndReverse(t *testing.T) {
	srv := newServer(t, fakepay.ModePublicKey)
	c := newClient(t, srv, pay.VerifyPublicKey, pay.WithTLSClient(srv.MutualTLSClient()))
	cx := ctx(t)
	for _, st := range []string{"", pay.SignTypeHMACSHA256} {
		resp, err := c.Micropay(cx, &pay.MicropayRequest{AppID: "wx2421b1c4370ec43b", Body: "image形象店-深圳腾大- QQ公仔", OutTradeNo: "M1" + st,
			TotalFee: 1, SpbillCreateIP: "14.17.22.52", AuthCode: "120061098828009406", SignType: st})
		if err != nil || resp.TransactionID == "" || resp.TotalFee != 1 || resp.TradeType != "MICROPAY" {
			t.Fatalf("Micropay %q: %+v %v", st, resp, err)
		}
	}
	resp, err := c.Micropay(cx, &pay.MicropayRequest{AppID: "wx1", Body: "b", OutTradeNo: "M2", TotalFee: 1, SpbillCreateIP: "1.1.1.1", AuthCode: "USERPAYING"})
	var ve *pay.V2Error
	if !errors.As(err, &ve) || ve.ErrCode != "USERPAYING" || resp == nil {
		t.Fatalf("USERPAYING: %+v %v", resp, err)
	}
	rv, err := c.Reverse(cx, &pay.ReverseRequest{AppID: "wx2421b1c4370ec43b", OutTradeNo: "M1"})
	if err != nil || rv.Recall != "N" {
		t.Fatalf("Reverse: %+v %v", rv, err)
	}
	tx, err := c.QueryTransactionByOutTradeNo(cx, "M1")
	if err != nil || tx.TradeState != pay.TradeStateRevoked {
		t.Fatalf("after reverse: %+v %v", tx, err)
	}
	// Without the client certificate WeChat Pay refuses /secapi.
	noCert := newClient(t, srv, pay.VerifyPublicKey, pay.WithTLSClient(srv.Client()))
	if _, err := noCert.Reverse(cx, &pay.ReverseRequest{AppID: "wx1", OutTradeNo: "M1"}); !errors.As(err, &ve) || ve.ReturnCode != "FAIL" {
		t.Fatalf("reverse without certificate: %v", err)
	}
	if _, err := newClient(t, srv, pay.VerifyPublicKey).Reverse(cx, &pay.ReverseRequest{AppID: "wx1", OutTradeNo: "M1"}); err == nil {
		t.Fatal("Reverse without a TLS client accepted")
	}
	key, err := c.SandboxSignKey(cx)
	if err != nil || len(key) != 32 {
		t.Fatalf("SandboxSignKey: %q %v", key, err)
	}
	// Wrong v2 key: the fake rejects the request sign.
	cfg := testConfig(srv, pay.VerifyPublicKey)
	cfg.APIv2Key = strings.Repeat("z", 32)
	bad, _ := pay.New(cfg, pay.WithBaseURL(srv.URL), pay.WithHTTPClient(srv.Client()))
	if _, err := bad.Micropay(cx, &pay.MicropayRequest{AppID: "wx1", Body: "b", OutTradeNo: "M3", TotalFee: 1, SpbillCreateIP: "1.1.1.1", AuthCode: "1"}); !errors.As(err, &ve) || ve.ReturnCode != "FAIL" {
		t.Fatalf("bad v2 key: %v", err)
	}
}

func TestV2ResponseSignVerified(t *testing.T) {
	forged := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(`<xml><return_code>SUCCESS</return_code><result_code>SUCCESS</result_code><transaction_id>1</transaction_id><total_fee>100000</total_fee><sign>00000000000000000000000000000000</sign></xml>`))
	}))
	defer forged.Close()
	srv := newServer(t, fakepay.ModePublicKey)
	cfg := testConfig(srv, pay.VerifyPublicKey)
	c, _ := pay.New(cfg, pay.WithBaseURL(forged.URL))
	_, err := c.Micropay(ctx(t), &pay.MicropayRequest{AppID: "wx1", Body: "b", OutTradeNo: "M", TotalFee: 1, SpbillCreateIP: "1.1.1.1", AuthCode: "1"})
	if !errors.Is(err, pay.ErrV2Signature) {
		t.Fatalf("want ErrV2Signature, got %v", err)
	}
}

func FuzzParseV2XML(f *testing.F) {
	f.Add([]byte(`<xml><return_code><![CDATA[SUCCESS]]></return_code><a>1</a></xml>`))
	f.Add([]byte(`<xml><a><b>1</b></a></xml>`))
	f.Add([]byte(`<xml>`))
	f.Add([]byte(`<!DOCTYPE x [<!ENTITY e "x">]><xml><a>&e;</a></xml>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := pay.ParseV2XML(data)
		if err == nil && len(m) == 0 {
			t.Fatal("empty map without error")
		}
	})
}
