package work_test

import (
	"context"
	"testing"

	"github.com/weixin-go/wechat/work"
)

func TestMeetingRoomBookByScheduleAndMeeting(t *testing.T) {
	ctx := context.Background()
	srv, a := newBAgent(t)
	room := mustB[int64](t)(a.MeetingRoom.Add(ctx, &work.MeetingRoom{Name: "A101", Capacity: 10}))
	other := mustB[int64](t)(a.MeetingRoom.Add(ctx, &work.MeetingRoom{Name: "B202", Capacity: 4}))
	sch := mustB[string](t)(a.Schedule.Add(ctx, &work.Schedule{Organizer: "zhangsan", Summary: "周会", StartTime: 1700000000, EndTime: 1700003600}))

	bk, err := a.MeetingRoom.BookBySchedule(ctx, room, sch, "zhangsan")
	if err != nil {
		t.Fatal(err)
	}
	if b := bodyB(t, srv, "POST /cgi-bin/oa/meetingroom/book_by_schedule"); b["meetingroom_id"] != float64(room) || b["schedule_id"] != sch || b["booker"] != "zhangsan" {
		t.Errorf("book_by_schedule body %v", b)
	}
	info, err := a.MeetingRoom.BookingInfo(ctx, room, bk.BookingID)
	if err != nil {
		t.Fatal(err)
	}
	if b := bodyB(t, srv, "POST /cgi-bin/oa/meetingroom/bookinfo/get"); b["meetingroom_id"] != float64(room) || b["booking_id"] != bk.BookingID {
		t.Errorf("bookinfo body %v", b)
	}
	s := info.Schedule
	if info.MeetingRoomID != room || s.BookingID != bk.BookingID || s.ScheduleID != sch || s.StartTime != 1700000000 || s.EndTime != 1700003600 || s.Booker != "zhangsan" || s.Status != 0 {
		t.Errorf("booking info %+v", info)
	}

	// A meeting overlapping the schedule cannot take the same room, but can take another.
	mt := mustB[string](t)(a.Meeting.Create(ctx, &work.Meeting{AdminUserID: "lisi", Title: "评审", MeetingStart: 1700003000, MeetingDuration: 1800}))
	_, err = a.MeetingRoom.BookByMeeting(ctx, room, mt, "lisi")
	apiCodeB(t, err, 40058)
	bk2, err := a.MeetingRoom.BookByMeeting(ctx, other, mt, "lisi")
	if err != nil {
		t.Fatal(err)
	}
	if b := bodyB(t, srv, "POST /cgi-bin/oa/meetingroom/book_by_meeting"); b["meetingid"] != mt || b["booker"] != "lisi" {
		t.Errorf("book_by_meeting body %v", b)
	}
	info, err = a.MeetingRoom.BookingInfo(ctx, other, bk2.BookingID)
	if err != nil {
		t.Fatal(err)
	}
	if info.MeetingRoomID != other || info.Schedule.StartTime != 1700003000 || info.Schedule.EndTime != 1700004800 || info.Schedule.Booker != "lisi" {
		t.Errorf("meeting booking info %+v", info)
	}
	// The bookings show in the room's booking list too.
	list, err := a.MeetingRoom.Bookings(ctx, &work.BookingQuery{MeetingRoomID: other})
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 1 || len(list[0].Schedule) != 1 || list[0].Schedule[0].MeetingID != mt {
		t.Errorf("bookings %+v", list)
	}
	// A plain booking over the schedule's time is refused too.
	_, err = a.MeetingRoom.Book(ctx, &work.Booking{MeetingRoomID: room, StartTime: 1700001000, EndTime: 1700002000, Booker: "wangwu"})
	apiCodeB(t, err, 40058)

	// Unknown room, schedule, meeting or booking.
	_, err = a.MeetingRoom.BookBySchedule(ctx, 999, sch, "zhangsan")
	apiCodeB(t, err, 40058)
	_, err = a.MeetingRoom.BookBySchedule(ctx, other, "nope", "zhangsan")
	apiCodeB(t, err, 40058)
	_, err = a.MeetingRoom.BookByMeeting(ctx, other, "nope", "zhangsan")
	apiCodeB(t, err, 40058)
	_, err = a.MeetingRoom.BookingInfo(ctx, other, bk.BookingID)
	apiCodeB(t, err, 40058)
	_, err = a.MeetingRoom.BookingInfo(ctx, room, "nope")
	apiCodeB(t, err, 40058)

	// A cancelled meeting cannot be booked.
	mt2 := mustB[string](t)(a.Meeting.Create(ctx, &work.Meeting{AdminUserID: "lisi", Title: "取消", MeetingStart: 1800000000, MeetingDuration: 600}))
	if err := a.Meeting.Cancel(ctx, mt2); err != nil {
		t.Fatal(err)
	}
	_, err = a.MeetingRoom.BookByMeeting(ctx, room, mt2, "lisi")
	apiCodeB(t, err, 400015)
}

func TestMeetingRoomBookArgs(t *testing.T) {
	ctx := context.Background()
	srv, a := newBAgent(t)
	n := len(srv.Requests())
	_, err := a.MeetingRoom.BookBySchedule(ctx, 0, "s", "u")
	paramErrB(t, srv, n, err, "meetingroom_id")
	_, err = a.MeetingRoom.BookBySchedule(ctx, 1, "", "u")
	paramErrB(t, srv, n, err, "schedule_id")
	_, err = a.MeetingRoom.BookBySchedule(ctx, 1, "s", "")
	paramErrB(t, srv, n, err, "booker")
	_, err = a.MeetingRoom.BookByMeeting(ctx, 0, "m", "u")
	paramErrB(t, srv, n, err, "meetingroom_id")
	_, err = a.MeetingRoom.BookByMeeting(ctx, 1, "", "u")
	paramErrB(t, srv, n, err, "meetingid")
	_, err = a.MeetingRoom.BookByMeeting(ctx, 1, "m", "")
	paramErrB(t, srv, n, err, "booker")
	_, err = a.MeetingRoom.BookingInfo(ctx, 0, "b")
	paramErrB(t, srv, n, err, "meetingroom_id")
	_, err = a.MeetingRoom.BookingInfo(ctx, 1, "")
	paramErrB(t, srv, n, err, "booking_id")
}
