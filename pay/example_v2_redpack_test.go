package pay_test

import (
	"context"
	"fmt"
	"log"
	"time"

	"github.com/weixin-go/wechat/fakewechat/fakepay"
	"github.com/weixin-go/wechat/pay"
)

// Send a cash red packet with the merchant certificate, then follow it
// until the user has opened it.
func ExampleClient_SendRedpack() {
	srv := fakepay.New(fakepay.Options{Mode: fakepay.ModePublicKey}) // a fake WeChat Pay on loopback
	defer srv.Close()
	k := srv.Keys // the fake's test keys
	c, err := pay.New(pay.Config{MchID: srv.Opts.MchID, SerialNo: k.Merchant.Serial, PrivateKey: k.Merchant.KeyPEM,
		APIv3Key: srv.Opts.APIv3Key, APIv2Key: srv.Opts.APIv2Key, VerifyMode: pay.VerifyPublicKey,
		PublicKeyID: fakepay.PublicKeyID, PublicKey: k.PublicKey.PubPEM},
		pay.WithBaseURL(srv.URL), pay.WithHTTPClient(srv.Client()),
		pay.WithTLSClient(srv.MutualTLSClient())) // red packets need the merchant certificate
	if err != nil {
		log.Fatal(err)
	}
	ctx := context.Background()

	billNo := srv.Opts.MchID + time.Now().Format("20060102") + "0000000001" // mch_id + yyyymmdd + 10 digits
	resp, err := c.SendRedpack(ctx, &pay.RedpackRequest{
		MchBillNo: billNo, WxAppID: "wx8888888888888888", SendName: "天虹百货",
		ReOpenID: "oxTWIuGaIt6gTKsQRLau2M0yL16E", TotalAmount: 1000, TotalNum: 1,
		Wishing: "感谢您参加猜灯谜活动，祝您元宵节快乐！", ClientIP: "192.168.0.1",
		ActName: "猜灯谜抢红包活动", Remark: "猜越多得越多，快来抢！",
	})
	if err != nil {
		log.Fatal(err) // a *pay.V2Error: NOTENOUGH, SENDNUMLIMIT…; retry SYSTEMERROR with the same billNo
	}
	fmt.Println("sent", resp.TotalAmount, "fen")

	info, err := c.GetRedpackInfo(ctx, "wx8888888888888888", billNo)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(info.Status)

	srv.SetRedpackStatus(billNo, pay.RedpackStatusReceived) // the user opens it
	info, err = c.GetRedpackInfo(ctx, "wx8888888888888888", billNo)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(info.Status, info.HbList[0].OpenID, info.HbList[0].Amount)
	// Output:
	// sent 1000 fen
	// SENT
	// RECEIVED oxTWIuGaIt6gTKsQRLau2M0yL16E 1000
}

// Pay a user's balance with the legacy transfer API (merchants that still
// have it; new merchants use Client.Transfer) and query the payment.
func ExampleClient_PromotionTransfer() {
	srv := fakepay.New(fakepay.Options{Mode: fakepay.ModePublicKey}) // a fake WeChat Pay on loopback
	defer srv.Close()
	k := srv.Keys // the fake's test keys
	c, err := pay.New(pay.Config{MchID: srv.Opts.MchID, SerialNo: k.Merchant.Serial, PrivateKey: k.Merchant.KeyPEM,
		APIv3Key: srv.Opts.APIv3Key, APIv2Key: srv.Opts.APIv2Key, VerifyMode: pay.VerifyPublicKey,
		PublicKeyID: fakepay.PublicKeyID, PublicKey: k.PublicKey.PubPEM},
		pay.WithBaseURL(srv.URL), pay.WithHTTPClient(srv.Client()),
		pay.WithTLSClient(srv.MutualTLSClient())) // transfers need the merchant certificate
	if err != nil {
		log.Fatal(err)
	}
	ctx := context.Background()

	resp, err := c.PromotionTransfer(ctx, &pay.PromotionTransferRequest{
		MchAppID: "wx8888888888888888", PartnerTradeNo: "10000098201411111234567890",
		OpenID: "oxTWIuGaIt6gTKsQRLau2M0yL16E", CheckName: pay.CheckNameForce, ReUserName: "王小王",
		Amount: 10099, Desc: "理赔", SpbillCreateIP: "192.168.0.1",
	})
	if err != nil {
		log.Fatal(err)
	}
	info, err := c.GetPromotionTransferInfo(ctx, "wx8888888888888888", resp.PartnerTradeNo)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(info.Status, info.PaymentAmount, info.TransferName)
	// Output:
	// SUCCESS 10099 王小王
}
