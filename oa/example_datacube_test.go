package oa_test

import (
	"context"
	"fmt"
	"log"
	"time"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/oa"
)

func ExampleDataCubeService_UserSummary() {
	srv := fakewechat.New() // a fake WeChat server on loopback
	if _, err := srv.Start(); err != nil {
		log.Fatal(err)
	}
	defer srv.Close()
	c, err := oa.New(wechat.Config{AppID: fakewechat.DefaultAppID, AppSecret: fakewechat.DefaultSecret},
		wechat.WithBaseURL(srv.URL()), wechat.WithStore(wechat.NewMemoryStore()))
	if err != nil {
		log.Fatal(err)
	}
	// The last 7 full days: statistics end yesterday at the latest.
	yesterday := time.Now().In(time.FixedZone("CST", 8*60*60)).AddDate(0, 0, -1)
	rows, err := c.DataCube.UserSummary(context.Background(), yesterday.AddDate(0, 0, -6), yesterday)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(len(rows), rows[1].UserSource, rows[1].NewUser)

	// A range longer than the API allows is refused before sending.
	_, err = c.DataCube.UserSummary(context.Background(), yesterday.AddDate(0, 0, -7), yesterday)
	fmt.Println(err != nil)
	// Output:
	// 14 30 3
	// true
}
