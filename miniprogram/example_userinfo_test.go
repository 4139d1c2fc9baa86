package miniprogram_test

import (
	"context"
	"fmt"
	"log"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/miniprogram"
)

func ExampleDecryptUserProfile() {
	// sessionKey comes from Code2Session; encryptedData and iv from wx.getUserInfo.
	sessionKey, iv := "tiihtNczf5v6AKRyjwEUhQ==", "r7BXXKkLb8qrSNn05n0qiA=="
	encryptedData := fakewechat.MPEncrypt(sessionKey, iv,
		[]byte(`{"openId":"oExampleUser","nickName":"Band","watermark":{"appid":"wx4f4bc4dec97d474b","timestamp":1477314187}}`))

	p, err := miniprogram.DecryptUserProfile(sessionKey, encryptedData, iv, "wx4f4bc4dec97d474b")
	fmt.Println(p.NickName, err)
	_, err = miniprogram.DecryptUserProfile(sessionKey, encryptedData, iv, "wxsomeotherapp")
	fmt.Println(err)
	// Output:
	// Band <nil>
	// miniprogram: user data: watermark: watermark appid mismatch
}

func ExampleUserInfoService_GetPhoneNumber() {
	srv := fakewechat.New() // a fake WeChat server on loopback
	if _, err := srv.Start(); err != nil {
		log.Fatal(err)
	}
	defer srv.Close()
	client, err := miniprogram.New(wechat.Config{AppID: fakewechat.DefaultAppID, AppSecret: fakewechat.DefaultSecret},
		wechat.WithBaseURL(srv.URL()), wechat.WithStore(wechat.NewMemoryStore()))
	if err != nil {
		log.Fatal(err)
	}
	code := srv.MPPhoneCode(fakewechat.DefaultAppID, "13800138000") // from the getPhoneNumber button

	phone, err := client.UserInfo.GetPhoneNumber(context.Background(), code, "")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(phone.PurePhoneNumber, phone.CountryCode)
	// Output: 13800138000 86
}
