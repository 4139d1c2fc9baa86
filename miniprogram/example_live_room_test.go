package miniprogram_test

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/weixin-go/wechat/miniprogram"
)

func ExampleLiveRoomService_Create() {
	_, client, done := exampleClient()
	defer done()
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
