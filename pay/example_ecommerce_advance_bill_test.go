package pay_test

import (
	"bytes"
	"context"
	"fmt"
	"log"

	"github.com/weixin-go/wechat/fakewechat/fakepay"
	"github.com/weixin-go/wechat/pay"
)

// Download the sub-merchants' fund-flow bill of a day: ask for its
// encrypted parts, then decrypt and check each.
func ExampleEcommerceService_FundFlowBill() {
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
	srv.AddBill("2019-06-11", []byte("记账时间,业务名称\n`2019-06-11 10:00:00,`退款\n")) // the bill WeChat Pay keeps for that day

	bills, err := c.Ecommerce.FundFlowBill(ctx, &pay.EcommerceFundFlowBillRequest{BillDate: "2019-06-11", TarType: "GZIP"})
	if err != nil {
		log.Fatal(err)
	}
	var bill bytes.Buffer
	for _, part := range bills.DownloadBillList { // in bill_sequence order
		if _, err := c.DownloadEncryptedBill(ctx, &part, &bill); err != nil {
			log.Fatal(err) // on pay.ErrBillHash discard what was written
		}
	}
	fmt.Println(bills.DownloadBillCount)
	fmt.Print(bill.String())
	// Output:
	// 1
	// 记账时间,业务名称
	// `2019-06-11 10:00:00,`退款
}

// Take back from the sub-merchant a refund the platform advanced.
func ExampleEcommerceService_ReturnAdvance() {
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
	sub := fakepay.DefaultSubMchID
	if _, err := c.Partner.PrepayJSAPI(ctx, &pay.PartnerPrepayRequest{SpAppID: "wx8888888888888888", SubMchID: sub,
		Description: "Image形象店-深圳腾大-QQ公仔", OutTradeNo: "1217752501201407033233368018", NotifyURL: "https://www.weixin.qq.com/wxpay/pay.php",
		Amount: pay.Amount{Total: 888}, Payer: &pay.PartnerPayer{SpOpenID: "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"}}); err != nil {
		log.Fatal(err)
	}
	srv.PayPartnerOrder(sub, "1217752501201407033233368018") // the user pays
	rf, err := c.Ecommerce.Refund(ctx, &pay.EcommerceRefundRequest{SubMchID: sub, SpAppID: "wx8888888888888888",
		OutTradeNo: "1217752501201407033233368018", OutRefundNo: "1217752501201407033233368019",
		Amount: pay.RefundAmountRequest{Refund: 888, Total: 888}, RefundAccount: "REFUND_SOURCE_PARTNER_ADVANCE"})
	if err != nil {
		log.Fatal(err)
	}

	ra, err := c.Ecommerce.ReturnAdvance(ctx, sub, rf.RefundID)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(ra.Result, ra.ReturnAmount, ra.PayerMchID == sub)
	// Output:
	// SUCCESS 888 true
}
