package pay_test

import (
	"context"
	"fmt"
	"log"

	"github.com/weixin-go/wechat/fakewechat/fakepay"
	"github.com/weixin-go/wechat/pay"
)

// Fill the bank account of an onboarding application: find the bank of a
// card, then, for a bank that needs its branch, the province, city and
// branch.
func ExampleCapitalService_SearchBanksByAccount() {
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

	res, err := c.Capital.SearchBanksByAccount(ctx, "6232290000001234") // plain text: encrypted by the call
	if err != nil {
		log.Fatal(err)
	}
	bank := res.Data[0]
	fmt.Println(bank.BankAlias, bank.AccountBank, bank.NeedBankBranch)

	provinces, err := c.Capital.Provinces(ctx)
	if err != nil {
		log.Fatal(err)
	}
	cities, err := c.Capital.Cities(ctx, provinces[1].ProvinceCode)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(provinces[1].ProvinceName, cities[0].CityName)
	for b, err := range c.Capital.Branches(ctx, bank.BankAliasCode, cities[0].CityCode, 0) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(b.BankBranchName, b.BankBranchID)
	}
	// Output:
	// 浙江网商银行 其他银行 true
	// 浙江省 杭州市
	// 浙江网商银行股份有限公司 323331000001
}

// Follow an opening-intention application: show the mini program code to
// the merchant's contact until the application passes, then check that the
// sub-merchant has confirmed.
func ExampleSubjectConfirmService_ByBusinessCode() {
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
	srv.AddSubjectApplyment("1900013511_10000") // as if submitted

	a, err := c.SubjectConfirm.ByBusinessCode(ctx, "1900013511_10000")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(a.ApplymentState)

	srv.SetSubjectApplymentState("1900013511_10000", "APPLYMENT_STATE_PASSED") // WeChat Pay's audit
	if a, err = c.SubjectConfirm.ByBusinessCode(ctx, "1900013511_10000"); err != nil {
		log.Fatal(err)
	}
	fmt.Println(a.ApplymentState, a.QrcodeData != "") // the contact scans the code to authorize

	srv.SetSubjectAuthorized("20001111", true) // the contact authorized
	state, err := c.SubjectConfirm.AuthorizeState(ctx, "20001111")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(state)
	// Output:
	// APPLYMENT_STATE_WAITTING_FOR_AUDIT
	// APPLYMENT_STATE_PASSED true
	// AUTHORIZE_STATE_AUTHORIZED
}
