package pay_test

import (
	"context"
	"fmt"
	"log"

	"github.com/weixin-go/wechat/fakewechat/fakepay"
	"github.com/weixin-go/wechat/pay"
)

// Pay a user with merchant transfer (2025 API): create the bill, hand the
// package_info to the mini program for wx.requestMerchantTransfer, learn the
// result from MCHTRANSFER.BILL.FINISHED (or a query).
func ExampleTransferService_InitiateBill() {
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

	res, err := c.Transfer.InitiateBill(ctx, &pay.TransferBillRequest{
		AppID:           "wxf636efh567hg4356",
		OutBillNo:       "plfk2020042013",
		TransferSceneID: "1000", // 现金营销
		OpenID:          "o-MYE42l80oelYMDE34nYD456Xoy",
		UserName:        "张三", // plain text: encrypted by InitiateBill
		TransferAmount:  400,  // fen
		TransferRemark:  "新会员开通有礼",
		NotifyURL:       "https://www.weixin.qq.com/wxpay/pay.php",
		TransferSceneReportInfos: []pay.TransferSceneReportInfo{
			{InfoType: "活动名称", InfoContent: "新会员有礼"},
			{InfoType: "奖励说明", InfoContent: "注册会员抽奖一等奖"},
		},
	})
	if err != nil {
		log.Fatal(err)
	}
	params, err := c.Transfer.ConfirmParams("wxf636efh567hg4356", res.PackageInfo, "")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(res.State, params.MchID, params.Package != "")

	srv.ConfirmTransfer("", "plfk2020042013") // the user confirms
	bill, err := c.Transfer.QueryBillByOutBillNo(ctx, "plfk2020042013")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(bill.State, bill.State.Final())
	// Output:
	// WAIT_USER_CONFIRM 1900000109 true
	// SUCCESS true
}

// Split 20% of a paid order to a merchant receiver and release the rest.
func ExampleProfitSharingService_CreateOrder() {
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

	if _, err := c.PrepayNative(ctx, &pay.PrepayRequest{AppID: "wx8888888888888888", Description: "商品", OutTradeNo: "PS20261201",
		NotifyURL: "https://example.com/notify", Amount: pay.Amount{Total: 10000}, SettleInfo: &pay.SettleInfo{ProfitSharing: true}}); err != nil {
		log.Fatal(err)
	}
	paid, _ := srv.PayOrder("PS20261201")
	txID := paid["transaction_id"].(string)

	if _, err := c.ProfitSharing.AddReceiver(ctx, &pay.AddReceiverRequest{AppID: "wx8888888888888888",
		Type: pay.ReceiverMerchantID, Account: "1900000200", Name: "示例商户全称", RelationType: pay.RelationStore}); err != nil {
		log.Fatal(err)
	}
	o, err := c.ProfitSharing.CreateOrder(ctx, &pay.ProfitSharingOrderRequest{
		AppID: "wx8888888888888888", TransactionID: txID, OutOrderNo: "P20150806125346", UnfreezeUnsplit: true,
		Receivers: []pay.ProfitSharingReceiver{{Type: pay.ReceiverMerchantID, Account: "1900000200", Amount: 2000, Description: "门店分成"}},
	})
	if err != nil {
		log.Fatal(err)
	}
	left, err := c.ProfitSharing.UnsplitAmount(ctx, txID)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(o.State, len(o.Receivers), left.UnsplitAmount)
	// Output: PROCESSING 2 0
}
