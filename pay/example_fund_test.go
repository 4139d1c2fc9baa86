package pay_test

import (
	"context"
	"fmt"
	"log"

	"github.com/weixin-go/wechat/fakewechat/fakepay"
	"github.com/weixin-go/wechat/pay"
)

// Read the balance of the basic account, withdraw part of it (an
// e-commerce platform's own income) and follow the withdrawal until the
// bank pays it out.
func ExampleFundService_Withdraw() {
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

	b, err := c.Fund.Balance(ctx, pay.FundAccountBasic)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("available:", b.AvailableAmount, "pending:", b.PendingAmount)

	wd, err := c.Fund.Withdraw(ctx, &pay.FundWithdrawRequest{OutRequestNo: "20190611222222222200000000012122", Amount: 1000,
		Remark: "交易提现", BankMemo: "xx平台提现", AccountType: pay.FundAccountBasic})
	if err != nil {
		log.Fatal(err)
	}
	q, err := c.Fund.QueryWithdrawByOutRequestNo(ctx, wd.OutRequestNo)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(q.Status, q.Amount)

	srv.SetFundWithdrawStatus(srv.Opts.MchID, wd.OutRequestNo, pay.WithdrawStatusSuccess, "") // the bank pays it out
	if q, err = c.Fund.QueryWithdrawByOutRequestNo(ctx, wd.OutRequestNo); err != nil {
		log.Fatal(err)
	}
	fmt.Println(q.Status)
	// Output:
	// available: 10000 pending: 1
	// CREATE_SUCCESS 1000
	// SUCCESS
}

// Tell WeChat Pay the points a mall member earned with a payment the
// business-circle notification reported.
func ExampleBusinessCircleService_SyncPoints() {
	srv := fakepay.New(fakepay.Options{Mode: fakepay.ModePublicKey}) // a fake WeChat Pay on loopback
	k := srv.Keys                                                    // the fake's test keys
	c, err := pay.New(pay.Config{MchID: srv.Opts.MchID, SerialNo: k.Merchant.Serial, PrivateKey: k.Merchant.KeyPEM,
		APIv3Key: srv.Opts.APIv3Key, VerifyMode: pay.VerifyPublicKey, PublicKeyID: fakepay.PublicKeyID, PublicKey: k.PublicKey.PubPEM},
		pay.WithBaseURL(srv.URL), pay.WithHTTPClient(srv.Client()))
	if err != nil {
		log.Fatal(err)
	}
	defer srv.Close()

	err = c.BusinessCircle.SyncPoints(context.Background(), &pay.PointsSyncRequest{
		TransactionID: "4200000000000000000000000001", AppID: "wxd678efh567hg6787", OpenID: "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o",
		EarnPoints: true, IncreasedPoints: 100, PointsUpdateTime: "2020-05-20T13:29:35+08:00", TotalPoints: 1000})
	if err != nil {
		log.Fatal(err)
	}
	s := srv.PointsSyncs()[0]
	fmt.Println(s.TransactionID, *s.IncreasedPoints, *s.TotalPoints)
	// Output:
	// 4200000000000000000000000001 100 1000
}
