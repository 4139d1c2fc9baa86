package work_test

import (
	"context"
	"testing"

	"github.com/weixin-go/wechat/work"
)

func TestMeetingRoom(t *testing.T) {
	ctx := context.Background()
	srv, a := newBAgent(t)
	id, err := a.MeetingRoom.Add(ctx, &work.MeetingRoom{Name: "18F-会议室", Capacity: 10, City: "深圳", Building: "大厦", Floor: "18F", Equipment: []int{1, 2}})
	if err != nil {
		t.Fatal(err)
	}
	if b := bodyB(t, srv, "POST /cgi-bin/oa/meetingroom/add"); b["meetingroom_id"] != nil || b["capacity"] != float64(10) {
		t.Errorf("add body %v", b)
	}
	id2 := mustB[int64](t)(a.MeetingRoom.Add(ctx, &work.MeetingRoom{Name: "B", Capacity: 4, City: "北京"}))
	_, err = a.MeetingRoom.Add(ctx, &work.MeetingRoom{Name: "B", Capacity: 4})
	apiCodeB(t, err, 40058)
	if err := a.MeetingRoom.Edit(ctx, &work.MeetingRoom{MeetingRoomID: id, Name: "18F-大会议室", Capacity: 20}); err != nil {
		t.Fatal(err)
	}
	rooms := mustB[[]work.MeetingRoom](t)(a.MeetingRoom.List(ctx, &work.MeetingRoomQuery{City: "深圳"}))
	if len(rooms) != 1 || rooms[0].MeetingRoomID != id || rooms[0].Name != "18F-大会议室" || rooms[0].Capacity != 20 || rooms[0].Floor != "18F" {
		t.Errorf("rooms %+v", rooms)
	}
	if all := mustB[[]work.MeetingRoom](t)(a.MeetingRoom.List(ctx, nil)); len(all) != 2 {
		t.Errorf("all rooms %+v", all)
	}
	res, err := a.MeetingRoom.Book(ctx, &work.Booking{MeetingRoomID: id, Subject: "周会", StartTime: 1700000000, EndTime: 1700003600, Booker: "zhangsan"})
	if err != nil {
		t.Fatal(err)
	}
	if res.MeetingID == "" || res.ScheduleID == "" {
		t.Fatalf("book %+v", res)
	}
	_, err = a.MeetingRoom.Book(ctx, &work.Booking{MeetingRoomID: id, StartTime: 1700001800, EndTime: 1700005400, Booker: "lisi"})
	apiCodeB(t, err, 40058)
	bs := mustB[[]work.RoomSchedule](t)(a.MeetingRoom.Bookings(ctx, &work.BookingQuery{MeetingRoomID: id, StartTime: 1699990000, EndTime: 1700010000}))
	if len(bs) != 1 || bs[0].MeetingRoomID != id || len(bs[0].Schedule) != 1 || bs[0].Schedule[0].Booker != "zhangsan" || bs[0].Schedule[0].MeetingID != res.MeetingID {
		t.Errorf("bookings %+v", bs)
	}
	one := mustB[*work.RoomSchedule](t)(a.MeetingRoom.BookingByMeeting(ctx, id, res.MeetingID))
	if one.MeetingRoomID != id || one.Schedule[0].ScheduleID != res.ScheduleID {
		t.Errorf("by meeting %+v", one)
	}
	if err := a.MeetingRoom.CancelBooking(ctx, res.MeetingID, true); err != nil {
		t.Fatal(err)
	}
	if raw := rawB(t, srv, "POST /cgi-bin/oa/meetingroom/cancel_book"); raw != `{"meeting_id":"`+res.MeetingID+`","keep_schedule":1}` {
		t.Errorf("cancel body %s", raw)
	}
	_, err = a.MeetingRoom.BookingByMeeting(ctx, id, res.MeetingID)
	apiCodeB(t, err, 40058)
	apiCodeB(t, a.MeetingRoom.CancelBooking(ctx, res.MeetingID, false), 40058)
	if err := a.MeetingRoom.Delete(ctx, id2); err != nil {
		t.Fatal(err)
	}
	apiCodeB(t, a.MeetingRoom.Delete(ctx, id2), 40058)
	_, err = a.MeetingRoom.Book(ctx, &work.Booking{MeetingRoomID: id2, StartTime: 1, EndTime: 2, Booker: "a"})
	apiCodeB(t, err, 40058)

	n := len(srv.Requests())
	_, err = a.MeetingRoom.Add(ctx, &work.MeetingRoom{Name: "x"})
	paramErrB(t, srv, n, err, "capacity")
	_, err = a.MeetingRoom.Add(ctx, &work.MeetingRoom{Capacity: 1})
	paramErrB(t, srv, n, err, "name")
	paramErrB(t, srv, n, a.MeetingRoom.Edit(ctx, &work.MeetingRoom{}), "meetingroom_id")
	paramErrB(t, srv, n, a.MeetingRoom.Delete(ctx, 0), "meetingroom_id")
	_, err = a.MeetingRoom.Book(ctx, &work.Booking{MeetingRoomID: 1, Booker: "a", StartTime: 2, EndTime: 1})
	paramErrB(t, srv, n, err, "start_time")
	_, err = a.MeetingRoom.Book(ctx, &work.Booking{MeetingRoomID: 1})
	paramErrB(t, srv, n, err, "booker")
	paramErrB(t, srv, n, a.MeetingRoom.CancelBooking(ctx, "", false), "meeting_id")
	_, err = a.MeetingRoom.BookingByMeeting(ctx, 0, "m")
	paramErrB(t, srv, n, err, "meetingroom_id")
}
