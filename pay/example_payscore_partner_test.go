package pay_test

import (
	"context"
	"fmt"
	"log"

	"github.com/weixin-go/wechat/fakewechat/fakepay"
	"github.com/weixin-go/wechat/pay"
)

// Run a sub-merchant's PayScore order as a service provider: create it, let
// the user confirm, complete it with the final amount and follow the
// collection.
func ExamplePartnerPayScoreService_CreateServiceOrder() {
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
	ps := c.PartnerPayScore

	o, err := ps.CreateServiceOrder(ctx, &pay.PartnerCreateServiceOrderRequest{
		CreateServiceOrderRequest: pay.CreateServiceOrderRequest{
			OutOrderNo: "1234323JKHDFE1243252", AppID: "wxd678efh567hg6787", ServiceID: "500001",
			ServiceIntroduction: "某某酒店", TimeRange: pay.ServiceTimeRange{StartTime: "OnAccept"},
			RiskFund: pay.RiskFund{Name: "ESTIMATE_ORDER_COST", Amount: 10000}, NotifyURL: "https://api.test.com",
		},
		SubMchID: "1900000109",
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(o.State, o.SubMchID, o.Package != "") // open the confirmation page with Package

	srv.ConfirmPartnerServiceOrder("1900000109", "1234323JKHDFE1243252", "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o") // the user confirms
	o, err = ps.CompleteServiceOrder(ctx, "1234323JKHDFE1243252", &pay.PartnerCompleteServiceOrderRequest{
		CompleteServiceOrderRequest: pay.CompleteServiceOrderRequest{ServiceID: "500001",
			PostPayments:  []pay.PostPayment{{Name: "就餐费用", Amount: 4000, Count: 1}},
			PostDiscounts: []pay.PostDiscount{{Name: "满20减1元", Amount: 100, Count: 1}}, TotalAmount: 3900},
		SubMchID: "1900000109",
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(o.State, o.TotalAmount, o.Collection.State)

	srv.PayPartnerServiceOrder("1900000109", "1234323JKHDFE1243252") // WeChat Pay collects
	o, err = ps.GetServiceOrder(ctx, "1900000109", "500001", "1234323JKHDFE1243252", "")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(o.Collection.State, o.Collection.PaidAmount)
	// Output:
	// CREATED 1900000109 true
	// DONE 3900 USER_PAYING
	// USER_PAID 3900
}

// Pre-authorize a user for a sub-merchant's service, check the
// authorization once the user has opened the service, then end it.
func ExamplePartnerPayScoreService_ApplyPermissions() {
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
	ps := c.PartnerPayScore

	tok, err := ps.ApplyPermissions(ctx, &pay.ApplyPermissionsRequest{ServiceID: "500001", AppID: "wxd678efh567hg6787",
		SubMchID: "1230000109", AuthorizationCode: "1234323JKHDFE1243252"})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(tok.ApplyPermissionsToken != "") // open the authorization page with it

	srv.AuthorizePartnerPermissions("1230000109", "1234323JKHDFE1243252", "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o") // the user opens the service
	user := &pay.PartnerPayScoreUser{ServiceID: "500001", AppID: "wxd678efh567hg6787", SubMchID: "1230000109",
		OpenID: "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"}
	p, err := ps.PermissionsByOpenID(ctx, user)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(p.AuthorizationState, p.AuthorizationCode)

	if err := ps.TerminateByOpenID(ctx, user, "用户注销"); err != nil {
		log.Fatal(err)
	}
	p, err = ps.PermissionsByCode(ctx, "1230000109", "500001", "1234323JKHDFE1243252")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(p.AuthorizationState)
	// Output:
	// true
	// AVAILABLE 1234323JKHDFE1243252
	// UNAVAILABLE
}
