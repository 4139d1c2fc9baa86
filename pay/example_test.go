package pay_test

import (
	"context"
	"fmt"
	"log"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"

	"github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat/fakepay"
	"github.com/weixin-go/wechat/pay"
)

// A production client: merchant key from a file, WeChat Pay public key
// mode, platform certificates kept in a shared store.
func ExampleNew() {
	pubPEM, err := os.ReadFile("/etc/wechatpay/pub_key.pem")
	if err != nil {
		log.Print(err)
		return
	}
	c, err := pay.New(pay.Config{
		MchID:          "1900000109",
		SerialNo:       "5157F09EFDC096DE15EBE81A47057A7232F1B8E1",
		PrivateKeyFile: "/etc/wechatpay/apiclient_key.pem",
		APIv3Key:       os.Getenv("WECHATPAY_APIV3_KEY"),
		PublicKeyID:    "PUB_KEY_ID_0119000001092025010100000000000001",
		PublicKey:      pubPEM,
	}, pay.WithStore(wechat.NewMemoryStore()), pay.WithLogger(slog.Default()))
	if err != nil {
		log.Print(err)
		return
	}
	_ = c
}

// Create a JSAPI order and sign the parameters for the front end.
func ExampleClient_PrepayJSAPI() {
	srv := fakepay.New(fakepay.Options{Mode: fakepay.ModePublicKey})
	defer srv.Close()
	k := srv.Keys // the fake's test keys
	c, err := pay.New(pay.Config{MchID: srv.Opts.MchID, SerialNo: k.Merchant.Serial, PrivateKey: k.Merchant.KeyPEM,
		APIv3Key: srv.Opts.APIv3Key, VerifyMode: pay.VerifyPublicKey, PublicKeyID: fakepay.PublicKeyID, PublicKey: k.PublicKey.PubPEM},
		pay.WithBaseURL(srv.URL), pay.WithHTTPClient(srv.Client()))
	if err != nil {
		log.Fatal(err)
	}
	ctx := context.Background()

	pr, err := c.PrepayJSAPI(ctx, &pay.PrepayRequest{
		AppID:       "wxd678efh567hg6787",
		Description: "Image形象店-深圳腾大-QQ公仔",
		OutTradeNo:  "1217752501201407033233368018",
		NotifyURL:   "https://www.weixin.qq.com/wxpay/pay.php",
		Amount:      pay.Amount{Total: 100},
		Payer:       &pay.Payer{OpenID: "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"},
	})
	if err != nil {
		log.Fatal(err)
	}
	params, err := c.JSAPIPayParams("wxd678efh567hg6787", pr.PrepayID)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(strings.HasPrefix(params.Package, "prepay_id="), params.SignType)
	// Output: true RSA
}

// Receive payment notifications.
func ExampleNotifyHandler() {
	srv := fakepay.New(fakepay.Options{Mode: fakepay.ModePublicKey})
	defer srv.Close()
	k := srv.Keys // the fake's test keys
	c, err := pay.New(pay.Config{MchID: srv.Opts.MchID, SerialNo: k.Merchant.Serial, PrivateKey: k.Merchant.KeyPEM,
		APIv3Key: srv.Opts.APIv3Key, VerifyMode: pay.VerifyPublicKey, PublicKeyID: fakepay.PublicKeyID, PublicKey: k.PublicKey.PubPEM},
		pay.WithBaseURL(srv.URL), pay.WithHTTPClient(srv.Client()))
	if err != nil {
		log.Fatal(err)
	}

	h := &pay.NotifyHandler{
		Client: c,
		OnTransaction: func(ctx context.Context, n *pay.Notification, t *pay.Transaction) error {
			fmt.Println(n.EventType, t.OutTradeNo, t.TradeState, t.Amount.Total)
			return nil // returning an error makes WeChat Pay retry later
		},
	}
	hs := httptest.NewServer(h) // in production: http.Handle("/wechatpay/notify", h)
	defer hs.Close()

	status, _, err := srv.SendNotification(context.Background(), nil, hs.URL, pay.EventTransactionSuccess,
		map[string]any{"out_trade_no": "1217752501201407033233368018", "trade_state": "SUCCESS", "amount": map[string]any{"total": 100}},
		fakepay.KeyDefault)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(status == http.StatusNoContent)
	// Output:
	// TRANSACTION.SUCCESS 1217752501201407033233368018 SUCCESS 100
	// true
}

// Stream a gzip trade bill to a file; its SHA-1 is checked on the fly.
func ExampleClient_DownloadBill() {
	srv := fakepay.New(fakepay.Options{Mode: fakepay.ModePublicKey})
	defer srv.Close()
	srv.AddBill("2026-01-01", []byte("交易时间,公众账号ID\n`2026-01-01 10:00:00,`wx1\n"))
	k := srv.Keys // the fake's test keys
	c, err := pay.New(pay.Config{MchID: srv.Opts.MchID, SerialNo: k.Merchant.Serial, PrivateKey: k.Merchant.KeyPEM,
		APIv3Key: srv.Opts.APIv3Key, VerifyMode: pay.VerifyPublicKey, PublicKeyID: fakepay.PublicKeyID, PublicKey: k.PublicKey.PubPEM},
		pay.WithBaseURL(srv.URL), pay.WithHTTPClient(srv.Client()))
	if err != nil {
		log.Fatal(err)
	}
	ctx := context.Background()

	bill, err := c.TradeBill(ctx, &pay.TradeBillRequest{BillDate: "2026-01-01", TarType: "GZIP"})
	if err != nil {
		log.Fatal(err)
	}
	var sb strings.Builder // in production: an *os.File
	n, err := c.DownloadBill(ctx, bill, &sb)
	if err != nil {
		log.Fatal(err) // on pay.ErrBillHash, discard what was written
	}
	fmt.Println(n, strings.Count(sb.String(), "\n"))
	// Output: 54 2
}
