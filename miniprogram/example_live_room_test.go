package miniprogram_test

import (
	"context"
	"fmt"
	"log"
	"strings"
	"time"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/miniprogram"
)

func ExampleLiveRoomService_Create() {
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
	cover, err := client.CustomMessage.UploadTempMedia(ctx, "cover.jpg", strings.NewReader("\xff\xd8 cover"))
	if err != nil {
		fmt.Println(err)
		return
	}
	start := time.Now().Add(time.Hour).Unix()

	room, err := client.LiveRoom.Create(ctx, &miniprogram.Room{
		Name: "周五直播间", CoverImg: cover.MediaID, ShareImg: cover.MediaID,
		StartTime: start, EndTime: start + 7200, AnchorName: "主播", AnchorWechat: "anchor_wx",
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for r, err := range client.LiveRoom.All(ctx) {
		if err != nil {
			fmt.Println(err)
			break
		}
		fmt.Println(r.RoomID == room.RoomID, r.Name, r.LiveStatus)
	}
	// Output: true 周五直播间 102
}
