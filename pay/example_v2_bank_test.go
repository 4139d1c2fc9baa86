package pay_test

import (
	"context"
	"fmt"
	"log"

	"github.com/weixin-go/wechat/fakewechat/fakepay"
	"github.com/weixin-go/wechat/pay"
)

// Pay a bank card: fetch the RSA key once, pay, then follow the payment.
func ExampleClient_PayBank() {
	srv := fakepay.New(fakepay.Options{Mode: fakepay.ModePublicKey}) // a fake WeChat Pay on loopback
	defer srv.Close()
	k := srv.Keys // the fake's test keys
	c, err := pay.New(pay.Config{MchID: srv.Opts.MchID, SerialNo: k.Merchant.Serial, PrivateKey: k.Merchant.KeyPEM,
		APIv3Key: srv.Opts.APIv3Key, APIv2Key: srv.Opts.APIv2Key, VerifyMode: pay.VerifyPublicKey,
		PublicKeyID: fakepay.PublicKeyID, PublicKey: k.PublicKey.PubPEM},
		pay.WithBaseURL(srv.URL), pay.WithHTTPClient(srv.Client()),
		pay.WithTLSClient(srv.MutualTLSClient())) // bank payments need the merchant certificate
	if err != nil {
		log.Fatal(err)
	}
	ctx := context.Background()

	key, err := c.BankPublicKey(ctx) // keep it: it encrypts the card number and name
	if err != nil {
		log.Fatal(err)
	}
	resp, err := c.PayBank(ctx, &pay.BankTransferRequest{PartnerTradeNo: "1212121221227", BankNo: "6225760000000000",
		TrueName: "张三", BankCode: "1001", Amount: 100000, Desc: "理财", PublicKey: key})
	if err != nil {
		log.Fatal(err) // a *pay.V2Error: NOTENOUGH, PARAM_ERROR…; retry SYSTEMERROR with the same number
	}
	fmt.Println("accepted", resp.Amount, "fee", resp.CmmsAmt)

	srv.SetBankTransferStatus("", "1212121221227", pay.BankTransferSuccess, "") // the bank pays
	t, err := c.QueryBankTransfer(ctx, "1212121221227")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(t.Status)
	// Output:
	// accepted 100000 fee 100
	// SUCCESS
}
