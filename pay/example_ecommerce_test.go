package pay_test

import (
	"context"
	"fmt"
	"log"

	"github.com/weixin-go/wechat/fakewechat/fakepay"
	"github.com/weixin-go/wechat/pay"
)

// Split a sub-merchant's order with a supplier, take part of it back, then
// unfreeze the rest to the sub-merchant.
func ExampleEcommerceService_CreateProfitSharingOrder() {
	srv := fakepay.New(fakepay.Options{Mode: fakepay.ModePublicKey}) // a fake WeChat Pay on loopback
	k := srv.Keys                                                    // the fake's test keys
	c, err := pay.New(pay.Config{MchID: srv.Opts.MchID, SerialNo: k.Merchant.Serial, PrivateKey: k.Merchant.KeyPEM,
		APIv3Key: srv.Opts.APIv3Key, VerifyMode: pay.VerifyPublicKey, PublicKeyID: fakepay.PublicKeyID, PublicKey: k.PublicKey.PubPEM},
		pay.WithBaseURL(srv.URL), pay.WithHTTPClient(srv.Client()))
	if err != nil {
		log.Fatal(err)
	}
	defer srv.Close()
	ctx := context.Background()
	// order places an order of the sub-merchant, frozen for profit sharing,
	// has the fake pay it, and returns its transaction_id.
	order := func(outTradeNo string, total int64) string {
		if _, err := c.Partner.PrepayJSAPI(ctx, &pay.PartnerPrepayRequest{SpAppID: "wx8888888888888888", SubMchID: fakepay.DefaultSubMchID,
			Description: "Image形象店-深圳腾大-QQ公仔", OutTradeNo: outTradeNo, NotifyURL: "https://www.weixin.qq.com/wxpay/pay.php",
			Amount: pay.Amount{Total: total}, Payer: &pay.PartnerPayer{SpOpenID: "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"},
			SettleInfo: &pay.SettleInfo{ProfitSharing: true}}); err != nil {
			log.Fatal(err)
		}
		paid, _ := srv.PayPartnerOrder(fakepay.DefaultSubMchID, outTradeNo)
		return paid["transaction_id"].(string)
	}
	sub := fakepay.DefaultSubMchID
	tid := order("1217752501201407033233368018", 1000)

	if _, err := c.Ecommerce.AddReceiver(ctx, &pay.EcommerceReceiverRequest{AppID: "wx8888888888888888", Type: pay.ReceiverMerchantID,
		Account: "190001001", Name: "示例商户全称", RelationType: pay.EcommerceRelationSupplier}); err != nil {
		log.Fatal(err)
	}
	o, err := c.Ecommerce.CreateProfitSharingOrder(ctx, &pay.EcommerceSplitRequest{SubMchID: sub, TransactionID: tid,
		OutOrderNo: "P20150806125346", Receivers: []pay.EcommerceSplitReceiver{
			{Type: pay.ReceiverMerchantID, ReceiverAccount: "190001001", Amount: 300, Description: "分给供应商"}}})
	if err != nil {
		log.Fatal(err)
	}
	srv.SettleEcommerceProfitSharing(sub, o.OutOrderNo) // WeChat Pay completes the split
	q, err := c.Ecommerce.QueryProfitSharingOrder(ctx, sub, tid, o.OutOrderNo)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(q.Status, q.Receivers[0].Result)

	r, err := c.Ecommerce.ReturnProfitSharing(ctx, &pay.EcommerceReturnRequest{SubMchID: sub, OutOrderNo: o.OutOrderNo,
		OutReturnNo: "R20190516001", ReturnMchID: "190001001", Amount: 100, Description: "用户退款"})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(r.Result, r.Amount)

	if _, err := c.Ecommerce.FinishProfitSharing(ctx, &pay.EcommerceFinishRequest{SubMchID: sub, TransactionID: tid,
		OutOrderNo: "P20150806125347", Description: "分账完结"}); err != nil {
		log.Fatal(err)
	}
	left, err := c.Ecommerce.UnsplitAmount(ctx, tid)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(left.UnsplitAmount)
	// Output:
	// FINISHED SUCCESS
	// SUCCESS 100
	// 0
}

// Subsidise an order, take part of the subsidy back after a refund, and
// cancel the subsidy of another order.
func ExampleEcommerceService_CreateSubsidy() {
	srv := fakepay.New(fakepay.Options{Mode: fakepay.ModePublicKey}) // a fake WeChat Pay on loopback
	k := srv.Keys                                                    // the fake's test keys
	c, err := pay.New(pay.Config{MchID: srv.Opts.MchID, SerialNo: k.Merchant.Serial, PrivateKey: k.Merchant.KeyPEM,
		APIv3Key: srv.Opts.APIv3Key, VerifyMode: pay.VerifyPublicKey, PublicKeyID: fakepay.PublicKeyID, PublicKey: k.PublicKey.PubPEM},
		pay.WithBaseURL(srv.URL), pay.WithHTTPClient(srv.Client()))
	if err != nil {
		log.Fatal(err)
	}
	defer srv.Close()
	ctx := context.Background()
	// order places an order of the sub-merchant, frozen for profit sharing,
	// has the fake pay it, and returns its transaction_id.
	order := func(outTradeNo string, total int64) string {
		if _, err := c.Partner.PrepayJSAPI(ctx, &pay.PartnerPrepayRequest{SpAppID: "wx8888888888888888", SubMchID: fakepay.DefaultSubMchID,
			Description: "Image形象店-深圳腾大-QQ公仔", OutTradeNo: outTradeNo, NotifyURL: "https://www.weixin.qq.com/wxpay/pay.php",
			Amount: pay.Amount{Total: total}, Payer: &pay.PartnerPayer{SpOpenID: "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"},
			SettleInfo: &pay.SettleInfo{ProfitSharing: true}}); err != nil {
			log.Fatal(err)
		}
		paid, _ := srv.PayPartnerOrder(fakepay.DefaultSubMchID, outTradeNo)
		return paid["transaction_id"].(string)
	}
	sub := fakepay.DefaultSubMchID
	tid := order("1217752501201407033233368018", 1000)

	sd, err := c.Ecommerce.CreateSubsidy(ctx, &pay.EcommerceSubsidyRequest{SubMchID: sub, TransactionID: tid, Amount: 10,
		Description: "测试备注", OutSubsidyNo: "P20150806125347"})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(sd.Result, sd.Amount)
	r, err := c.Ecommerce.ReturnSubsidy(ctx, &pay.EcommerceSubsidyReturnRequest{SubMchID: sub, OutOrderNo: "P20150806125346",
		TransactionID: tid, RefundID: "3008450740201411110007820472", Amount: 4, Description: "测试备注"})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(r.Result, r.Amount)

	other := order("1217752501201407033233368019", 500)
	cr, err := c.Ecommerce.CancelSubsidy(ctx, &pay.EcommerceSubsidyCancelRequest{SubMchID: sub, TransactionID: other, Description: "订单退款"})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(cr.Result)
	// Output:
	// SUCCESS 10
	// SUCCESS 4
	// SUCCESS
}

// Follow a sub-merchant's application until it is to be signed.
func ExampleEcommerceService_QueryApplymentByOutRequestNo() {
	srv := fakepay.New(fakepay.Options{Mode: fakepay.ModePublicKey}) // a fake WeChat Pay on loopback
	k := srv.Keys                                                    // the fake's test keys
	c, err := pay.New(pay.Config{MchID: srv.Opts.MchID, SerialNo: k.Merchant.Serial, PrivateKey: k.Merchant.KeyPEM,
		APIv3Key: srv.Opts.APIv3Key, VerifyMode: pay.VerifyPublicKey, PublicKeyID: fakepay.PublicKeyID, PublicKey: k.PublicKey.PubPEM},
		pay.WithBaseURL(srv.URL), pay.WithHTTPClient(srv.Client()))
	if err != nil {
		log.Fatal(err)
	}
	defer srv.Close()
	// The fake knows the applications given to it.
	srv.AddEcommerceApplyment("APPLYMENT_00000000001", pay.EcomApplymentNeedSign, "1900000111")

	a, err := c.Ecommerce.QueryApplymentByOutRequestNo(context.Background(), "APPLYMENT_00000000001")
	if err != nil {
		log.Fatal(err)
	}
	if a.ApplymentState == pay.EcomApplymentNeedSign {
		fmt.Println(a.ApplymentStateDesc, a.SubMchID, a.SignURL != "")
	}
	// Output:
	// 待签约 1900000111 true
}
