package miniprogram_test

import (
	"context"
	"fmt"

	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/miniprogram"
)

func ExampleSubscribeMessageService_Send() {
	srv, client, done := exampleClient()
	defer done()
	ctx := context.Background()
	tmpl, err := client.SubscribeMessage.AddTemplate(ctx, "99", []int{1, 3}, "发货提醒")
	if err != nil {
		fmt.Println(err)
		return
	}
	// The user accepts the template in the mini program (wx.requestSubscribeMessage).
	srv.MPSubscribe(fakewechat.DefaultAppID, "oExampleUser", tmpl, 1)

	err = client.SubscribeMessage.Send(ctx, &miniprogram.SubscribeMessage{
		ToUser:     "oExampleUser",
		TemplateID: tmpl,
		Page:       "pages/order/order?id=1",
		Data:       miniprogram.Values("thing1", "咖啡", "time3", "2026-11-25 10:00"),
	})
	fmt.Println(err)
	// Output: <nil>
}
