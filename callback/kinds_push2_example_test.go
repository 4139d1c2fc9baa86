package callback_test

import (
	"context"
	"fmt"

	"github.com/weixin-go/wechat/callback"
)

// A WeCom app that created meetings through the API follows them by the
// ChangeType of meeting_change; the typed view reads the meeting and,
// for a call to a meeting room, the room's answer.
func ExampleMessage_MeetingChange() {
	mux := callback.NewMux()
	mux.HandleChange(callback.EventMeetingChange, callback.ChangeCancelMeeting, func(ctx context.Context, m *callback.Message) (callback.Reply, error) {
		c, _ := m.MeetingChange()
		fmt.Println("cancelled", c.MeetingID, "by", m.FromUserName)
		return nil, nil
	})
	mux.HandleEvent(callback.EventMeetingChange, func(ctx context.Context, m *callback.Message) (callback.Reply, error) {
		c, ok := m.MeetingChange()
		if ok && c.ChangeType == callback.ChangeMeetingRoomResp {
			fmt.Println("room", c.MeetingRoomID, "answered", c.RoomResponseStatus, "over", c.MraAddress.Protocol)
		}
		return nil, nil
	})
	for _, push := range []string{
		`<xml><ToUserName>ww1</ToUserName><FromUserName>zhangsan</FromUserName><CreateTime>1348831860</CreateTime><MsgType>event</MsgType><Event>meeting_change</Event><ChangeType>cancel_meeting</ChangeType><MeetingId>m1</MeetingId></xml>`,
		`<xml><ToUserName>ww1</ToUserName><FromUserName>sys</FromUserName><CreateTime>1348831860</CreateTime><MsgType>event</MsgType><Event>meeting_change</Event><ChangeType>meeting_room_response</ChangeType><MeetingId>m1</MeetingId><MeetingRoomId>r9</MeetingRoomId><MraAddress><Protocol>1</Protocol></MraAddress><RoomResponseStatus>2</RoomResponseStatus></xml>`,
	} {
		m, err := callback.ParseXML([]byte(push))
		if err != nil {
			fmt.Println(err)
			continue
		}
		if _, err := mux.ServeMessage(context.Background(), m); err != nil {
			fmt.Println(err)
		}
	}
	// Output:
	// cancelled m1 by zhangsan
	// room r9 answered 2 over 1
}
