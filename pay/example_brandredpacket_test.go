package pay_test

import (
	"context"
	"fmt"
	"log"

	"github.com/weixin-go/wechat/fakewechat/fakepay"
	"github.com/weixin-go/wechat/pay"
)

// Follow a brand red packet batch by WeChat Pay's numbers until its red
// packets are sent.
func ExampleBrandRedPacketService_QueryDetail() {
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

	// the batch the merchant sent, as WeChat Pay accepted it
	batchNo, details, _ := srv.AddBrandRedPacketBatch("brand20250415", 1234, "wxd678efh567hg6787", "tpl001",
		[]fakepay.BrandRedPacketDetail{{OutDetailNo: "x23zy545Bd5436"}})

	b, err := c.BrandRedPacket.QueryBatch(ctx, batchNo)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(b.OutBatchNo, b.BrandID, b.TemplateID)

	d, err := c.BrandRedPacket.QueryDetail(ctx, batchNo, details[0])
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(d.OutDetailNo, d.DetailState)

	srv.FinishBrandRedPacketBatch("brand20250415") // WeChat Pay sends the red packets
	if d, err = c.BrandRedPacket.QueryDetail(ctx, batchNo, details[0]); err != nil {
		log.Fatal(err)
	}
	fmt.Println(d.DetailState)
	// Output:
	// brand20250415 1234 tpl001
	// x23zy545Bd5436 DETAIL_PROCESSING
	// DETAIL_SUCCESS
}
