package suite_test

import (
	"context"
	"fmt"
	"log"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/work/suite"
)

func ExampleClient_AuthorizedDevices() {
	srv := fakewechat.New() // a fake WeChat server on loopback
	if _, err := srv.Start(); err != nil {
		log.Fatal(err)
	}
	defer srv.Close()
	s, err := suite.New(suite.Config{SuiteID: fakewechat.DefaultSuiteID, SuiteSecret: fakewechat.DefaultSuiteSecret},
		wechat.WithBaseURL(srv.URL()+fakewechat.WeComPrefix), wechat.WithStore(wechat.NewMemoryStore()))
	if err != nil {
		log.Fatal(err)
	}
	ctx := context.Background()
	if err := s.SaveTicket(ctx, srv.PushSuiteTicket(fakewechat.DefaultSuiteID)); err != nil {
		log.Fatal(err)
	}
	const corp = "wwcorpexample0001"
	if _, err := s.PermanentCodeV2(ctx, srv.InstallSuite(fakewechat.DefaultSuiteID, corp)); err != nil {
		log.Fatal(err)
	}
	// The corp grants the raw data of its attendance machine to the app.
	srv.AuthorizeSuiteDevice(fakewechat.DefaultSuiteID, corp, fakewechat.WeComAuthorizedDevice{
		SN: "SN0001", RemarkName: "前台", DefaultName: "考勤机", ModelName: "M1", Type: 1, Ability: 5})

	devices, err := s.AuthorizedDevices(ctx, corp)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, d := range devices {
		fmt.Println(d.DeviceSN, d.RemarkName, d.DeviceAbility&suite.DeviceAbilityCheckin != 0, d.DeviceAbility&suite.DeviceAbilityAccess != 0)
	}
	// Output: SN0001 前台 true false
}
