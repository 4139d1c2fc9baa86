package suite_test

import (
	"context"
	"fmt"
	"log"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/work/suite"
)

func ExampleProvider_FinishOpenIDMigration() {
	srv := fakewechat.New() // a fake WeChat server on loopback
	if _, err := srv.Start(); err != nil {
		log.Fatal(err)
	}
	defer srv.Close()
	srv.InstallSuite(fakewechat.DefaultSuiteID, "wwcorpexample0001") // the corp uses the provider's suite
	p, err := suite.NewProvider(suite.ProviderConfig{CorpID: fakewechat.DefaultProviderCorpID, ProviderSecret: fakewechat.DefaultProviderSecret},
		wechat.WithBaseURL(srv.URL()+fakewechat.WeComPrefix), wechat.WithStore(wechat.NewMemoryStore()))
	if err != nil {
		log.Fatal(err)
	}
	// After converting the corp's stored ids, switch it to the upgraded ids.
	err = p.FinishOpenIDMigration(context.Background(), "wwcorpexample0001", 0, suite.MigrateUserIDAndCorpID, suite.MigrateExternalUserID)
	fmt.Println(err, srv.OpenIDMigration(fakewechat.DefaultProviderCorpID, "wwcorpexample0001", 0))
	// Output: <nil> [1 3]
}
