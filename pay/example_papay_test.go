package pay_test

import (
	"context"
	"fmt"
	"log"

	"github.com/weixin-go/wechat/fakewechat/fakepay"
	"github.com/weixin-go/wechat/pay"
)

// Before deducting a monthly fee, tell the user it will be at most 30 CNY
// and taken within the 7 days after the two-day waiting period.
func ExamplePAPayService_Notify() {
	srv := fakepay.New(fakepay.Options{Mode: fakepay.ModePublicKey}) // a fake WeChat Pay on loopback
	k := srv.Keys                                                    // the fake's test keys
	c, err := pay.New(pay.Config{MchID: srv.Opts.MchID, SerialNo: k.Merchant.Serial, PrivateKey: k.Merchant.KeyPEM,
		APIv3Key: srv.Opts.APIv3Key, VerifyMode: pay.VerifyPublicKey, PublicKeyID: fakepay.PublicKeyID, PublicKey: k.PublicKey.PubPEM},
		pay.WithBaseURL(srv.URL), pay.WithHTTPClient(srv.Client()))
	if err != nil {
		log.Fatal(err)
	}
	defer srv.Close()

	err = c.PAPay.Notify(context.Background(), "123124412412423431", &pay.PAPayNotifyRequest{
		AppID:           "wxd678efh567hg6787",
		DeductDuration:  pay.PAPayDeductDuration{Count: 7, Unit: "DAY"},
		EstimatedAmount: pay.PAPayEstimatedAmount{Amount: 3000, Currency: "CNY"},
	})
	if err != nil {
		log.Fatal(err)
	}
	n := srv.PAPayNotices("123124412412423431")[0] // what WeChat Pay received
	fmt.Println(n.MchID == srv.Opts.MchID, n.Count, n.Unit, n.Amount)
	// Output:
	// true 7 DAY 3000
}
