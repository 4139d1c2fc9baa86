package pay_test

import (
	"context"
	"errors"
	"fmt"
	"log"

	"github.com/weixin-go/wechat/fakewechat/fakepay"
	"github.com/weixin-go/wechat/pay"
)

// Look up who shows a payment code before charging it.
func ExampleClient_AuthCodeToOpenID() {
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

	r, err := c.AuthCodeToOpenID(ctx, &pay.AuthCodeToOpenIDRequest{AppID: "wx2421b1c4370ec43b", AuthCode: "134570572084180697"})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(r.OpenID != "")

	srv.ExpireAuthCode("134570572084180698") // the code refreshed meanwhile
	_, err = c.AuthCodeToOpenID(ctx, &pay.AuthCodeToOpenIDRequest{AppID: "wx2421b1c4370ec43b", AuthCode: "134570572084180698"})
	var ve *pay.V2Error
	fmt.Println(errors.As(err, &ve), ve.ErrCode)
	// Output:
	// true
	// true AUTHCODEEXPIRE
}
