package miniprogram_test

import (
	"context"
	"fmt"
	"log"
	"strconv"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/miniprogram"
)

func ExampleSubscribeMessageService_Send() {
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
	ctx := context.Background()
	// Pick a public template of the account's category, with keywords 1 and 3.
	cats, _ := client.SubscribeMessage.Categories(ctx)
	titles, _ := client.SubscribeMessage.PubTemplateTitles(ctx, []int{cats[0].ID}, 0, 1)
	tmpl, err := client.SubscribeMessage.AddTemplate(ctx, strconv.Itoa(titles.Data[0].TID), []int{1, 3}, "发货提醒")
	if err != nil {
		fmt.Println(err)
		return
	}
	// The user accepts the template in the mini program (wx.requestSubscribeMessage).
	srv.SubscribeUser(fakewechat.DefaultAppID, "oExampleUser", tmpl)

	err = client.SubscribeMessage.Send(ctx, &miniprogram.SubscribeMessage{
		ToUser:     "oExampleUser",
		TemplateID: tmpl,
		Page:       "pages/order/order?id=1",
		Data:       miniprogram.Values("thing1", "咖啡", "time3", "2026-11-25 10:00"),
	})
	fmt.Println(err)
	// Output: <nil>
}
