package pay_test

import (
	"context"
	"fmt"
	"log"

	"github.com/weixin-go/wechat/fakewechat/fakepay"
	"github.com/weixin-go/wechat/pay"
)

// Split a v2 order paid with profit_sharing Y between a partner merchant
// and the merchant itself, then finish it.
func ExampleClient_V2MultiProfitSharing() {
	srv := fakepay.New(fakepay.Options{Mode: fakepay.ModePublicKey}) // a fake WeChat Pay on loopback
	defer srv.Close()
	k := srv.Keys // the fake's test keys
	c, err := pay.New(pay.Config{MchID: srv.Opts.MchID, SerialNo: k.Merchant.Serial, PrivateKey: k.Merchant.KeyPEM,
		APIv3Key: srv.Opts.APIv3Key, APIv2Key: srv.Opts.APIv2Key, VerifyMode: pay.VerifyPublicKey,
		PublicKeyID: fakepay.PublicKeyID, PublicKey: k.PublicKey.PubPEM},
		pay.WithBaseURL(srv.URL), pay.WithHTTPClient(srv.Client()),
		pay.WithTLSClient(srv.MutualTLSClient())) // splits need the merchant certificate
	if err != nil {
		log.Fatal(err)
	}
	ctx := context.Background()

	const appID = "wx8888888888888888"
	if _, err := c.UnifiedOrder(ctx, &pay.UnifiedOrderRequest{AppID: appID, Body: "门票", OutTradeNo: "T20190806125346",
		TotalFee: 10000, SpbillCreateIP: "123.12.12.123", NotifyURL: "https://example.com/wxpay/notify",
		TradeType: pay.V2TradeTypeNative, ProductID: "ticket-1", ProfitSharing: "Y"}); err != nil {
		log.Fatal(err)
	}
	paid, _ := srv.PayOrder("T20190806125346") // the user pays
	tx := paid["transaction_id"].(string)

	if _, err := c.AddV2ProfitSharingReceiver(ctx, appID, "", &pay.V2ProfitSharingReceiverInfo{
		Type: pay.V2ReceiverMerchantID, Account: "190001001", Name: "示例商户全称", RelationType: "PARTNER"}); err != nil {
		log.Fatal(err)
	}
	if _, err := c.V2MultiProfitSharing(ctx, &pay.V2ProfitSharingRequest{AppID: appID, TransactionID: tx, OutOrderNo: "P20190806125346",
		Receivers: []pay.V2ProfitSharingReceiver{{Type: pay.V2ReceiverMerchantID, Account: "190001001", Amount: 2000, Description: "分到合作商户"}}}); err != nil {
		log.Fatal(err) // a *pay.V2Error: NOT_SHARE_ORDER, NOTENOUGH, INVALID_REQUEST…
	}
	left, err := c.V2ProfitSharingUnsplitAmount(ctx, tx)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("unsplit", left)

	if _, err := c.FinishV2ProfitSharing(ctx, &pay.V2ProfitSharingFinishRequest{AppID: appID, TransactionID: tx,
		OutOrderNo: "F20190806125346", Description: "分账已完成"}); err != nil {
		log.Fatal(err)
	}
	fin, err := c.QueryV2ProfitSharing(ctx, "", tx, "F20190806125346")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(fin.Status, fin.Amount)
	// Output:
	// unsplit 8000
	// FINISHED 8000
}
