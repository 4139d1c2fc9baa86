package pay_test

import (
	"context"
	"fmt"
	"log"

	"github.com/weixin-go/wechat/fakewechat/fakepay"
	"github.com/weixin-go/wechat/pay"
)

// Send brand red packets to two users and follow the batch by the
// merchant's own numbers until it is finished.
func ExampleBrandRedPacketService_Send() {
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

	sent, err := c.BrandRedPacket.Send(ctx, &pay.SendBrandRedPacketRequest{
		BrandID: 1234, BrandAppID: "wxf636efh567hg4356", Scene: "CUSTOM_SEND", TemplateID: "123400001",
		OutBatchNo: "plfk2020042013", BatchName: "双十一营销用品牌红包", BatchRemark: "双十一营销用品牌红包",
		TotalAmount: 300, TotalNum: 2,
		DetailList: []pay.BrandRedPacketSendDetail{
			{OutDetailNo: "x23zy545Bd5436", Amount: 100, OpenID: "o-MYE42l80oelYMDE34nYD456Xoy", UserName: "张三"}, // encrypted by Send
			{OutDetailNo: "x23zy545Bd5437", Amount: 200, OpenID: "o-MYE42l80oelYMDE34nYD456Xoz"},
		},
	})
	if err != nil {
		log.Fatal(err) // retry with the same OutBatchNo, never a new one
	}
	fmt.Println(sent.BatchState)

	srv.FinishBrandRedPacketBatch("plfk2020042013") // WeChat Pay pays the red packets out
	b, err := c.BrandRedPacket.QueryBatchByOutBatchNo(ctx, "plfk2020042013", pay.BrandRedPacketViewSuccess)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(b.BatchState, b.SuccessNum, b.SuccessAmount, len(b.DetailList))

	d, err := c.BrandRedPacket.QueryDetailByOutDetailNo(ctx, "plfk2020042013", "x23zy545Bd5437")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(d.DetailState, d.Amount)
	// Output:
	// ACCEPTED
	// FINISHED 2 300 2
	// DETAIL_SUCCESS 200
}
