package suite_test

import (
	"context"
	"fmt"
	"log"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/work/suite"
)

func ExampleClient_UserInfo3rd() {
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
	// WeCom pushes the suite_ticket, then a corp installs the suite.
	if err := s.SaveTicket(ctx, srv.PushSuiteTicket(fakewechat.DefaultSuiteID)); err != nil {
		log.Fatal(err)
	}
	if _, err := s.PermanentCodeV2(ctx, srv.InstallSuite(fakewechat.DefaultSuiteID, "wwcorpexample0001")); err != nil {
		log.Fatal(err)
	}
	// The code WeCom appends to the suite's redirect URL after login.
	who, err := s.UserInfo3rd(ctx, srv.SuiteOAuthCode(fakewechat.DefaultSuiteID, "wwcorpexample0001", "zhangsan"))
	if err != nil {
		fmt.Println(err)
		return
	}
	detail, err := s.UserDetail3rd(ctx, who.UserTicket)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(who.CorpID, who.UserID, who.ExpiresIn, detail.Gender)
	// Output: wwcorpexample0001 zhangsan 1800 1
}
