package suite_test

import (
	"context"
	"fmt"
	"log"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/work/suite"
)

func ExampleProvider_SetScope() {
	srv := fakewechat.New() // a fake WeChat server on loopback
	if _, err := srv.Start(); err != nil {
		log.Fatal(err)
	}
	defer srv.Close()
	p, err := suite.NewProvider(suite.ProviderConfig{CorpID: fakewechat.DefaultProviderCorpID, ProviderSecret: fakewechat.DefaultProviderSecret},
		wechat.WithBaseURL(srv.URL()+fakewechat.WeComPrefix), wechat.WithStore(wechat.NewMemoryStore()))
	if err != nil {
		log.Fatal(err)
	}
	ctx := context.Background()
	rc, err := p.RegisterCode(ctx, suite.RegisterCodeRequest{TemplateID: "tpl1"})
	if err != nil {
		log.Fatal(err)
	}
	// Once the corp registered (register_corp push), read its migration token.
	ri, err := p.RegisterInfo(ctx, rc.RegisterCode)
	if err != nil {
		log.Fatal(err)
	}
	res, err := p.SetScope(ctx, ri.ContactSync.AccessToken, suite.AppScope{AgentID: 1000005,
		AllowUser: []string{"zhangsan", "nobody"}, AllowParty: []int64{1}})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(res.InvalidUser)
	// Done: unlock the address book; the token stops working.
	fmt.Println(p.ContactSyncSuccess(ctx, ri.ContactSync.AccessToken))
	// Output:
	// [nobody]
	// <nil>
}
