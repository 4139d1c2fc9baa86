package pay_test

import (
	"context"
	"fmt"
	"log"
	"strings"

	"github.com/weixin-go/wechat/fakewechat/fakepay"
	"github.com/weixin-go/wechat/pay"
)

// Send the user to the signing page, read the signing notification,
// deduct under the contract and follow the deduction, then terminate it.
func ExampleClient_PAPayApply() {
	srv := fakepay.New(fakepay.Options{Mode: fakepay.ModePublicKey}) // a fake WeChat Pay on loopback
	defer srv.Close()
	k := srv.Keys
	c, err := pay.New(pay.Config{MchID: srv.Opts.MchID, SerialNo: k.Merchant.Serial, PrivateKey: k.Merchant.KeyPEM,
		APIv3Key: srv.Opts.APIv3Key, APIv2Key: srv.Opts.APIv2Key, VerifyMode: pay.VerifyPublicKey,
		PublicKeyID: fakepay.PublicKeyID, PublicKey: k.PublicKey.PubPEM},
		pay.WithBaseURL(srv.URL), pay.WithHTTPClient(srv.Client()))
	if err != nil {
		log.Fatal(err)
	}
	ctx := context.Background()

	signURL, err := c.PAPayEntrustWebURL(&pay.PAPayEntrustRequest{AppID: "wxcbda96de0b165486", PlanID: "12535",
		ContractCode: "100000", RequestSerial: 1000, ContractDisplayAccount: "微信代扣",
		NotifyURL: "https://example.com/papay/contract"})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(strings.Contains(signURL, "/papay/entrustweb?")) // window.location.href = signURL

	// The user signs; WeChat Pay posts the signing notification.
	id := srv.SignPAPayContract(fakepay.PAPayContractSigning{AppID: "wxcbda96de0b165486", PlanID: "12535",
		ContractCode: "100000", RequestSerial: 1000, ContractDisplayAccount: "微信代扣", OpenID: "onqOjjmM1tad-3ROpncN-yUfa6uI"})
	body, _ := srv.PAPayContractNotification(id)
	signed, err := c.ParsePAPayContractNotification(body) // reply pay.V2NotificationAck
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(signed.ChangeType, signed.ContractCode)

	if _, err := c.PAPayApply(ctx, &pay.PAPayApplyRequest{AppID: "wxcbda96de0b165486", Body: "水电代扣",
		OutTradeNo: "1217752501201407033233368018", TotalFee: 888, SpbillCreateIP: "8.8.8.8",
		NotifyURL: "https://example.com/papay/pay", ContractID: signed.ContractID}); err != nil {
		log.Fatal(err) // a *pay.V2Error: CONTRACT_NOT_EXIST, ORDERPAID…
	}
	srv.PayOrder("1217752501201407033233368018") // the deduction goes through
	o, err := c.QueryPAPayOrder(ctx, &pay.V2OrderQuery{AppID: "wxcbda96de0b165486", OutTradeNo: "1217752501201407033233368018"})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(o.TradeState, o.TotalFee, o.ContractID == signed.ContractID)

	ended, err := c.DeletePAPayContract(ctx, &pay.PAPayContractQuery{AppID: "wxcbda96de0b165486",
		ContractID: signed.ContractID, Remark: "用户注销"})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(ended.ContractState)
	// Output:
	// true
	// ADD 100000
	// SUCCESS 888 true
	// 1
}
