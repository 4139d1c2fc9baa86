package pay_test

import (
	"context"
	"encoding/json"
	"fmt"
	"log"

	"github.com/weixin-go/wechat/fakewechat/fakepay"
	"github.com/weixin-go/wechat/pay"
)

// Combine two orders into one APP payment, sign the APP call-up
// parameters, then follow the sub-orders with the combined order query.
func ExampleClient_CombinePrepayApp() {
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

	pr, err := c.CombinePrepayApp(ctx, &pay.CombinePrepayRequest{
		CombineAppID:      "wxd678efh567hg6787",
		CombineOutTradeNo: "P20150806125346",
		NotifyURL:         "https://yourapp.com/notify",
		SubOrders: []pay.CombineSubOrder{
			{Attach: "深圳分店", OutTradeNo: "20150806125346", Description: "腾讯充值中心-QQ会员充值", Amount: pay.CombineAmount{TotalAmount: 10}},
			{Attach: "广州分店", OutTradeNo: "20150806125347", Description: "腾讯充值中心-QQ会员充值", Amount: pay.CombineAmount{TotalAmount: 20}},
		},
	})
	if err != nil {
		log.Fatal(err)
	}
	params, err := c.AppPayParams("wxd678efh567hg6787", pr.PrepayID) // partnerid: combine_mchid
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(params.PartnerID, params.Package)

	srv.PayCombineOrder("P20150806125346") // the user pays
	ct, err := c.QueryCombineTransaction(ctx, "P20150806125346")
	if err != nil {
		log.Fatal(err)
	}
	for _, so := range ct.SubOrders {
		fmt.Println(so.OutTradeNo, so.TradeState, so.Amount.TotalAmount)
	}
	// Output:
	// 1900000109 Sign=WXPay
	// 20150806125346 SUCCESS 10
	// 20150806125347 SUCCESS 20
}

// Charge a scanned payment code; a large amount waits for the user's
// password (USERPAYING) and is polled, or reversed when no result comes.
func ExampleClient_CodePay() {
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

	tx, err := c.CodePay(ctx, &pay.CodePayRequest{
		AppID:       "wxd678efh567hg6787",
		Description: "Image形象店-深圳腾大-QQ公仔",
		OutTradeNo:  "1217752501201407033233368018",
		Payer:       pay.CodePayPayer{AuthCode: "134567890123456789"}, // from the scanner
		Amount:      pay.Amount{Total: 200000},                        // 2,000 CNY: needs the password
		SceneInfo:   json.RawMessage(`{"store_info":{"out_id":"1234"}}`),
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(tx.TradeState)

	// Poll; after 30 seconds without a final state, reverse.
	tx, err = c.QueryTransactionByOutTradeNo(ctx, "1217752501201407033233368018")
	if err != nil {
		log.Fatal(err)
	}
	if tx.TradeState == pay.TradeStateUserPaying {
		if _, err := c.ReverseTransaction(ctx, "wxd678efh567hg6787", "1217752501201407033233368018"); err != nil {
			log.Fatal(err)
		}
	}
	tx, err = c.QueryTransactionByOutTradeNo(ctx, "1217752501201407033233368018")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(tx.TradeState)
	// Output:
	// USERPAYING
	// REVOKED
}

// As an e-commerce platform, refund part of a sub-merchant's order, then
// withdraw from the sub-merchant's balance.
func ExampleEcommerceService_Refund() {
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
	sub := fakepay.DefaultSubMchID // a sub-merchant (二级商户) of the platform

	// A paid order of the sub-merchant.
	if _, err := c.Partner.PrepayJSAPI(ctx, &pay.PartnerPrepayRequest{SpAppID: "wx8888888888888888", SubMchID: sub,
		Description: "Image形象店-深圳腾大-QQ公仔", OutTradeNo: "1217752501201407033233368018", NotifyURL: "https://www.weixin.qq.com/wxpay/pay.php",
		Amount: pay.Amount{Total: 888}, Payer: &pay.PartnerPayer{SpOpenID: "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"}}); err != nil {
		log.Fatal(err)
	}
	srv.PayPartnerOrder(sub, "1217752501201407033233368018")

	rf, err := c.Ecommerce.Refund(ctx, &pay.EcommerceRefundRequest{
		SubMchID: sub, SpAppID: "wx8888888888888888", OutTradeNo: "1217752501201407033233368018",
		OutRefundNo: "1217752501201407033233368019", Reason: "商品已售完",
		Amount: pay.RefundAmountRequest{Refund: 300, Total: 888},
	})
	if err != nil {
		log.Fatal(err)
	}
	q, err := c.Ecommerce.QueryRefundByOutRefundNo(ctx, sub, rf.OutRefundNo)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(q.Status, q.Amount.Refund)

	bal, err := c.Ecommerce.Balance(ctx, sub, pay.EcommerceAccountBasic)
	if err != nil {
		log.Fatal(err)
	}
	if _, err := c.Ecommerce.Withdraw(ctx, &pay.EcommerceWithdrawRequest{SubMchID: sub,
		OutRequestNo: "20190611222222222200000000012122", Amount: bal.AvailableAmount, Remark: "交易提现"}); err != nil {
		log.Fatal(err)
	}
	wd, err := c.Ecommerce.QueryWithdrawByOutRequestNo(ctx, sub, "20190611222222222200000000012122")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(wd.Status, wd.Amount == bal.AvailableAmount)
	// Output:
	// PROCESSING 300
	// CREATE_SUCCESS true
}
