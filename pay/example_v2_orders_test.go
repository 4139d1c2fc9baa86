package pay_test

import (
	"context"
	"fmt"
	"log"
	"os"

	"github.com/weixin-go/wechat/fakewechat/fakepay"
	"github.com/weixin-go/wechat/pay"
)

// Create a v2 JSAPI order, hand the signed parameters to the page, then
// follow the payment, refund it and read the notifications.
func ExampleClient_UnifiedOrder() {
	srv := fakepay.New(fakepay.Options{Mode: fakepay.ModePublicKey}) // a fake WeChat Pay on loopback
	defer srv.Close()
	k := srv.Keys // the fake's test keys
	c, err := pay.New(pay.Config{MchID: srv.Opts.MchID, SerialNo: k.Merchant.Serial, PrivateKey: k.Merchant.KeyPEM,
		APIv3Key: srv.Opts.APIv3Key, APIv2Key: srv.Opts.APIv2Key, VerifyMode: pay.VerifyPublicKey,
		PublicKeyID: fakepay.PublicKeyID, PublicKey: k.PublicKey.PubPEM},
		pay.WithBaseURL(srv.URL), pay.WithHTTPClient(srv.Client()),
		pay.WithTLSClient(srv.MutualTLSClient())) // refunds need the merchant certificate
	if err != nil {
		log.Fatal(err)
	}
	ctx := context.Background()

	order, err := c.UnifiedOrder(ctx, &pay.UnifiedOrderRequest{
		AppID: "wx2421b1c4370ec43b", Body: "腾讯充值中心-QQ会员充值", OutTradeNo: "20150806125346",
		TotalFee: 888, SpbillCreateIP: "123.12.12.123", NotifyURL: "https://example.com/wxpay/notify",
		TradeType: pay.V2TradeTypeJSAPI, OpenID: "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o",
	})
	if err != nil {
		log.Fatal(err) // a *pay.V2Error: ORDERPAID, ORDERCLOSED, OUT_TRADE_NO_USED…
	}
	params, err := c.V2JSAPIPayParams("wx2421b1c4370ec43b", order.PrepayID, "")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(params["package"] == "prepay_id="+order.PrepayID, params["signType"])

	srv.PayOrder("20150806125346") // the user pays
	body, _, _ := srv.V2PayNotification("20150806125346")
	paid, err := c.ParseV2PayNotification(body) // in your notify_url handler; reply pay.V2NotificationAck
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(paid.Raw["result_code"], paid.TotalFee)

	o, err := c.QueryV2Order(ctx, &pay.V2OrderQuery{AppID: "wx2421b1c4370ec43b", OutTradeNo: "20150806125346"})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(o.TradeState)

	if _, err := c.V2Refund(ctx, &pay.V2RefundRequest{AppID: "wx2421b1c4370ec43b", OutTradeNo: "20150806125346",
		OutRefundNo: "R20150806125346", TotalFee: 888, RefundFee: 888}); err != nil {
		log.Fatal(err)
	}
	srv.SetRefundStatus("R20150806125346", "SUCCESS") // the refund completes
	rbody, _ := srv.V2RefundNotification("R20150806125346")
	refund, err := c.ParseV2RefundNotification(rbody)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(refund.OutRefundNo, refund.RefundStatus, refund.RefundFee)

	srv.AddBill("2015-08-06", []byte("交易时间,公众账号ID,商户号\n"))
	if _, err := c.DownloadV2Bill(ctx, &pay.V2BillRequest{AppID: "wx2421b1c4370ec43b", BillDate: "20150806", TarType: "GZIP"}, os.Stdout); err != nil {
		log.Fatal(err)
	}
	// Output:
	// true MD5
	// SUCCESS 888
	// SUCCESS
	// R20150806125346 SUCCESS 888
	// 交易时间,公众账号ID,商户号
}
