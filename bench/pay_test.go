package bench

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"runtime"
	"testing"

	"github.com/wechatpay-apiv3/wechatpay-go/core/auth/credentials"
	"github.com/wechatpay-apiv3/wechatpay-go/core/auth/signers"
	"github.com/wechatpay-apiv3/wechatpay-go/core/auth/validators"
	"github.com/wechatpay-apiv3/wechatpay-go/core/auth/verifiers"
	"github.com/wechatpay-apiv3/wechatpay-go/core/notify"
	"github.com/wechatpay-apiv3/wechatpay-go/services/payments"

	"github.com/weixin-go/wechat/fakewechat/fakepay"
	"github.com/weixin-go/wechat/pay"
)

// Same keys and inputs for both SDKs: the fakepay test merchant key, the
// test WeChat Pay public key, the same JSON bodies.
const (
	payPath = "/v3/pay/transactions/jsapi"
	payBody = `{"appid":"wxd678efh567hg6787","mchid":"1900000109","description":"Image形象店-深圳腾大-QQ公仔","out_trade_no":"1217752501201407033233368018","notify_url":"https://www.weixin.qq.com/wxpay/pay.php","amount":{"total":100,"currency":"CNY"},"payer":{"openid":"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"}}`
	txBody  = `{"amount":{"currency":"CNY","payer_currency":"CNY","payer_total":100,"total":100},"appid":"wxd678efh567hg6787","attach":"自定义数据","bank_type":"OTHERS","mchid":"1900000109","out_trade_no":"1217752501201407033233368018","payer":{"openid":"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"},"success_time":"2018-06-08T10:34:56+08:00","trade_state":"SUCCESS","trade_state_desc":"支付成功","trade_type":"JSAPI","transaction_id":"1217752501201407033233368018"}`
)

// measure runs loop (b.N iterations) with the goroutine locked to its OS
// thread and reports, besides ns/op, the thread CPU time per operation.
func measure(b *testing.B, loop func()) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	b.ReportAllocs()
	b.ResetTimer()
	start, ok := threadCPUTime()
	loop()
	b.StopTimer()
	if end, ok2 := threadCPUTime(); ok && ok2 {
		b.ReportMetric(float64(end-start)/float64(b.N), "cpu-ns/op")
	}
}

func ourPayClient(b *testing.B) *pay.Client {
	k := fakepay.TestKeys()
	c, err := pay.New(pay.Config{
		MchID: fakepay.DefaultMchID, SerialNo: k.Merchant.Serial, PrivateKey: k.Merchant.KeyPEM,
		APIv3Key: fakepay.DefaultAPIv3Key, VerifyMode: pay.VerifyPublicKey,
		PublicKeyID: fakepay.PublicKeyID, PublicKey: k.PublicKey.PubPEM,
	})
	if err != nil {
		b.Fatal(err)
	}
	return c
}

func BenchmarkPaySign(b *testing.B) {
	k := fakepay.TestKeys()
	body := []byte(payBody)
	b.Run("ours", func(b *testing.B) {
		c := ourPayClient(b)
		measure(b, func() {
			for i := 0; i < b.N; i++ {
				if _, err := c.Authorization(http.MethodPost, payPath, body); err != nil {
					b.Fatal(err)
				}
			}
		})
	})
	b.Run("wechatpay-go", func(b *testing.B) {
		cred := credentials.WechatPayCredentials{Signer: &signers.SHA256WithRSASigner{
			MchID: fakepay.DefaultMchID, CertificateSerialNo: k.Merchant.Serial, PrivateKey: k.Merchant.Key}}
		ctx := context.Background()
		measure(b, func() {
			for i := 0; i < b.N; i++ {
				if _, err := cred.GenerateAuthorizationHeader(ctx, http.MethodPost, payPath, string(body)); err != nil {
					b.Fatal(err)
				}
			}
		})
	})
}

// signed returns a response/notification body with fresh Wechatpay-*
// headers signed by the test WeChat Pay public key.
func signed(_ *testing.B, body []byte) http.Header {
	srv := fakepay.New(fakepay.Options{Mode: fakepay.ModePublicKey})
	defer srv.Close()
	return srv.SignBody(body, fakepay.KeyPublicKey)
}

func BenchmarkPayVerifyResponse(b *testing.B) {
	k := fakepay.TestKeys()
	body := []byte(txBody)
	newResp := func(h http.Header) *http.Response {
		return &http.Response{StatusCode: 200, Header: h, ContentLength: int64(len(body)), Body: io.NopCloser(bytes.NewReader(body))}
	}
	b.Run("ours", func(b *testing.B) {
		c := ourPayClient(b)
		h := signed(b, body)
		ctx := context.Background()
		measure(b, func() {
			for i := 0; i < b.N; i++ {
				if _, err := c.VerifyResponse(ctx, newResp(h)); err != nil {
					b.Fatal(err)
				}
			}
		})
	})
	b.Run("wechatpay-go", func(b *testing.B) {
		v := validators.NewWechatPayResponseValidator(verifiers.NewSHA256WithRSAPubkeyVerifier(fakepay.PublicKeyID, k.PublicKey.Key.PublicKey))
		h := signed(b, body)
		ctx := context.Background()
		measure(b, func() {
			for i := 0; i < b.N; i++ {
				if err := v.Validate(ctx, newResp(h)); err != nil {
					b.Fatal(err)
				}
			}
		})
	})
}

func BenchmarkPayNotification(b *testing.B) {
	k := fakepay.TestKeys()
	srv := fakepay.New(fakepay.Options{Mode: fakepay.ModePublicKey})
	defer srv.Close()
	var resource map[string]any
	if err := json.Unmarshal([]byte(txBody), &resource); err != nil {
		b.Fatal(err)
	}
	newReq := func(h http.Header, body []byte) *http.Request {
		return &http.Request{Method: http.MethodPost, Header: h, ContentLength: int64(len(body)), Body: io.NopCloser(bytes.NewReader(body))}
	}
	b.Run("ours", func(b *testing.B) {
		c := ourPayClient(b)
		h, body, err := srv.BuildNotification(pay.EventTransactionSuccess, resource, fakepay.KeyPublicKey)
		if err != nil {
			b.Fatal(err)
		}
		measure(b, func() {
			for i := 0; i < b.N; i++ {
				n, err := c.ParseNotificationRequest(newReq(h, body))
				if err != nil {
					b.Fatal(err)
				}
				tx, err := n.Transaction()
				if err != nil || tx.TradeState != "SUCCESS" {
					b.Fatal(err)
				}
			}
		})
	})
	b.Run("wechatpay-go", func(b *testing.B) {
		handler, err := notify.NewRSANotifyHandler(fakepay.DefaultAPIv3Key,
			verifiers.NewSHA256WithRSAPubkeyVerifier(fakepay.PublicKeyID, k.PublicKey.Key.PublicKey))
		if err != nil {
			b.Fatal(err)
		}
		h, body, err := srv.BuildNotification(pay.EventTransactionSuccess, resource, fakepay.KeyPublicKey)
		if err != nil {
			b.Fatal(err)
		}
		ctx := context.Background()
		measure(b, func() {
			for i := 0; i < b.N; i++ {
				tx := new(payments.Transaction)
				if _, err := handler.ParseNotifyRequest(ctx, newReq(h, body), tx); err != nil {
					b.Fatal(err)
				}
				if *tx.TradeState != "SUCCESS" {
					b.Fatal("bad decode")
				}
			}
		})
	})
}
