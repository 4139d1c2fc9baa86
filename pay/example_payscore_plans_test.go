package pay_test

import (
	"context"
	"fmt"
	"log"

	"github.com/weixin-go/wechat/fakewechat/fakepay"
	"github.com/weixin-go/wechat/pay"
)

// Sell a course of two lessons as a PayScore plan: create the plan, ask a
// user to sign it, and serve the first lesson with its service order.
func ExamplePayScoreService_CreatePlan() {
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
	ps := c.PayScore

	plan, err := ps.CreatePlan(ctx, &pay.CreatePayScorePlanRequest{
		ServiceID: "2002000000000558128851361561536", AppID: "wxd678efh567hg6787", PlanName: "瑜伽课2节",
		PlanDuration: 30, DeductionQuantity: 2, TotalOriginalPrice: 30000, TotalActualPrice: 28500,
		MerchantPlanNo: "1234323JKHDFE1243252",
		PlanDetailList: []pay.PayScorePlanDetail{
			{OriginalPrice: 15000, ActualPrice: 15000, PlanDetailName: "第一节课"},
			{OriginalPrice: 15000, ActualPrice: 13500, PlanDiscountDescription: "享受九折", PlanDetailName: "第二节课"},
		},
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(plan.PlanState, len(plan.PlanDetailList))

	created, err := ps.CreateUserSignPlan(ctx, &pay.CreateUserSignPlanRequest{
		ServiceID: plan.ServiceID, PlanID: plan.PlanID, AppID: "wxd678efh567hg6787", OpenID: "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o",
		MerchantSignPlanNo: "SIGN20240001", NotifyURL: "https://api.test.com/plan",
		SignPlanDetail: []pay.UserSignPlanDetailNo{
			{PlanDetailNo: 1, MerchantPlanDetailNo: "LESSON1"},
			{PlanDetailNo: 2, MerchantPlanDetailNo: "LESSON2"},
		},
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(created.SignPlan.SignState, created.Package != "") // open the signing page with Package

	srv.SignUserSignPlan("", "SIGN20240001") // the user signs
	order, err := ps.CreateSignPlanServiceOrder(ctx, &pay.SignPlanServiceOrderRequest{
		ServiceID: plan.ServiceID, SignPlanID: created.SignPlan.SignPlanID, PlanDetailNo: 1,
		AppID: "wxd678efh567hg6787", OpenID: "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o", NotifyURL: "https://api.test.com/order",
		ServiceIntroduction: "瑜伽课第一节", TimeRange: pay.ServiceTimeRange{StartTime: "20240601090000"}, OutTradeNo: "LESSON1",
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(order.State, order.OutOrderNo, order.PostPayments[0].Amount)

	sp, err := ps.GetUserSignPlan(ctx, "SIGN20240001")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(sp.SignState, sp.GoingDetailNo)
	// Output:
	// NORMAL 2
	// UNSIGNED true
	// CREATED LESSON1 15000
	// SIGNED 1
}
