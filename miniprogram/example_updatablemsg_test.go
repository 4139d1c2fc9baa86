package miniprogram_test

import (
	"context"
	"fmt"
	"log"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/miniprogram"
)

func ExampleUpdatableMessageService_SendNotStarted() {
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
	// The mini program shares the message with this activity_id (wx.updateShareMenu).
	a, err := client.UpdatableMessage.CreateActivityID(ctx, "oSharer", "")
	if err != nil {
		log.Fatal(err)
	}
	// A second player joined a room of four.
	fmt.Println(client.UpdatableMessage.SendNotStarted(ctx, a.ActivityID, 2, 4))
	// The game starts: the message's "enter" button opens the room.
	fmt.Println(client.UpdatableMessage.SendStarted(ctx, a.ActivityID, "pages/room/room?id=9", miniprogram.EnvRelease))
	// Output:
	// <nil>
	// <nil>
}
