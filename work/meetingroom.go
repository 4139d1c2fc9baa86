package work

import "context"

var (
	roomAdd           = epPost("/cgi-bin/oa/meetingroom/add")
	roomList          = epPost("/cgi-bin/oa/meetingroom/list")
	roomEdit          = epPost("/cgi-bin/oa/meetingroom/edit")
	roomDel           = epPost("/cgi-bin/oa/meetingroom/del")
	roomBookings      = epPost("/cgi-bin/oa/meetingroom/get_booking_info")
	roomBook          = epPost("/cgi-bin/oa/meetingroom/book")
	roomCancelBook    = epPost("/cgi-bin/oa/meetingroom/cancel_book")
	roomBookByMeeting = epPost("/cgi-bin/oa/meetingroom/get_booking_info_by_meeting_id")
)

// MeetingRoom is a meeting room (会议室).
type MeetingRoom struct {
	MeetingRoomID int64  `json:"meetingroom_id,omitempty"`
	Name          string `json:"name"`
	Capacity      int    `json:"capacity"`
	City          string `json:"city,omitempty"`
	Building      string `json:"building,omitempty"`
	Floor         string `json:"floor,omitempty"`
	Equipment     []int  `json:"equipment,omitempty"`
	Coordinate    *struct {
		Latitude  string `json:"latitude"`
		Longitude string `json:"longitude"`
	} `json:"coordinate,omitempty"`
	NeedApproval int `json:"need_approval,omitempty"`
}

type roomIDBody struct {
	MeetingRoomID int64 `json:"meetingroom_id"`
}

// Add creates a meeting room and returns its id.
// https://developer.work.weixin.qq.com/document/path/93619
func (s *MeetingRoomService) Add(ctx context.Context, r *MeetingRoom) (int64, error) {
	if r == nil || r.Name == "" {
		return 0, paramErr("name", "required")
	}
	if r.Capacity <= 0 {
		return 0, paramErr("capacity", "positive")
	}
	body := *r
	body.MeetingRoomID = 0
	out, err := callB[roomIDBody](ctx, s.c, roomAdd, nil, &body)
	if err != nil {
		return 0, err
	}
	return out.MeetingRoomID, nil
}

// MeetingRoomQuery filters List; all fields are optional.
type MeetingRoomQuery struct {
	City      string `json:"city,omitempty"`
	Building  string `json:"building,omitempty"`
	Floor     string `json:"floor,omitempty"`
	Equipment []int  `json:"equipment,omitempty"`
}

// List returns the meeting rooms that match q (nil for all).
// https://developer.work.weixin.qq.com/document/path/93619
func (s *MeetingRoomService) List(ctx context.Context, q *MeetingRoomQuery) ([]MeetingRoom, error) {
	if q == nil {
		q = &MeetingRoomQuery{}
	}
	out, err := callB[struct {
		MeetingRoomList []MeetingRoom `json:"meetingroom_list"`
	}](ctx, s.c, roomList, nil, q)
	if err != nil {
		return nil, err
	}
	return out.MeetingRoomList, nil
}

// Edit changes meeting room r.MeetingRoomID.
// https://developer.work.weixin.qq.com/document/path/93619
func (s *MeetingRoomService) Edit(ctx context.Context, r *MeetingRoom) error {
	if r == nil || r.MeetingRoomID <= 0 {
		return paramErr("meetingroom_id", "required")
	}
	return s.c.Do(ctx, roomEdit, nil, r, nil)
}

// Delete deletes a meeting room.
// https://developer.work.weixin.qq.com/document/path/93619
func (s *MeetingRoomService) Delete(ctx context.Context, roomID int64) error {
	if roomID <= 0 {
		return paramErr("meetingroom_id", "required")
	}
	return s.c.Do(ctx, roomDel, nil, roomIDBody{roomID}, nil)
}

// BookingQuery selects the bookings of Bookings.
type BookingQuery struct {
	MeetingRoomID int64  `json:"meetingroom_id,omitempty"`
	StartTime     int64  `json:"start_time,omitempty"`
	EndTime       int64  `json:"end_time,omitempty"`
	City          string `json:"city,omitempty"`
	Building      string `json:"building,omitempty"`
	Floor         string `json:"floor,omitempty"`
}

// RoomBooking is a booking of a room; Status 0 booked, 1 released, 2 taken
// over, 3 locked.
type RoomBooking struct {
	MeetingID  string `json:"meeting_id"`
	ScheduleID string `json:"schedule_id,omitempty"`
	StartTime  int64  `json:"start_time"`
	EndTime    int64  `json:"end_time"`
	Booker     string `json:"booker"`
	Status     int    `json:"status"`
}

// RoomSchedule is the bookings of one room.
type RoomSchedule struct {
	MeetingRoomID int64         `json:"meetingroom_id"`
	Schedule      []RoomBooking `json:"schedule"`
}

// Bookings returns the bookings of rooms.
// https://developer.work.weixin.qq.com/document/path/93620
func (s *MeetingRoomService) Bookings(ctx context.Context, q *BookingQuery) ([]RoomSchedule, error) {
	if q == nil {
		q = &BookingQuery{}
	}
	out, err := callB[struct {
		BookingList []RoomSchedule `json:"booking_list"`
	}](ctx, s.c, roomBookings, nil, q)
	if err != nil {
		return nil, err
	}
	return out.BookingList, nil
}

// Booking books a room for a period.
type Booking struct {
	MeetingRoomID int64    `json:"meetingroom_id"`
	Subject       string   `json:"subject,omitempty"`
	StartTime     int64    `json:"start_time"`
	EndTime       int64    `json:"end_time"`
	Booker        string   `json:"booker"`
	Attendees     []string `json:"attendees,omitempty"`
}

// BookResult is the meeting and schedule created for a booking.
type BookResult struct {
	MeetingID  string `json:"meeting_id"`
	ScheduleID string `json:"schedule_id"`
}

// Book books a meeting room.
// https://developer.work.weixin.qq.com/document/path/93620
func (s *MeetingRoomService) Book(ctx context.Context, b *Booking) (*BookResult, error) {
	if b == nil || b.MeetingRoomID <= 0 {
		return nil, paramErr("meetingroom_id", "required")
	}
	if err := needB("booker", b.Booker); err != nil {
		return nil, err
	}
	if b.StartTime <= 0 || b.EndTime <= b.StartTime {
		return nil, paramErr("start_time", "invalid period")
	}
	return callB[BookResult](ctx, s.c, roomBook, nil, b)
}

// CancelBooking cancels a booking; keepSchedule keeps the schedule.
// https://developer.work.weixin.qq.com/document/path/93620
func (s *MeetingRoomService) CancelBooking(ctx context.Context, meetingID string, keepSchedule bool) error {
	if err := needB("meeting_id", meetingID); err != nil {
		return err
	}
	body := struct {
		MeetingID    string `json:"meeting_id"`
		KeepSchedule int    `json:"keep_schedule"`
	}{meetingID, b2i(keepSchedule)}
	return s.c.Do(ctx, roomCancelBook, nil, body, nil)
}

// BookingByMeeting returns a booking of a room by meeting id.
// https://developer.work.weixin.qq.com/document/path/93620
func (s *MeetingRoomService) BookingByMeeting(ctx context.Context, roomID int64, meetingID string) (*RoomSchedule, error) {
	if roomID <= 0 {
		return nil, paramErr("meetingroom_id", "required")
	}
	if err := needB("meeting_id", meetingID); err != nil {
		return nil, err
	}
	body := struct {
		MeetingRoomID int64  `json:"meetingroom_id"`
		MeetingID     string `json:"meeting_id"`
	}{roomID, meetingID}
	return callB[RoomSchedule](ctx, s.c, roomBookByMeeting, nil, body)
}
