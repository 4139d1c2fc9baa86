package work

import (
	"context"

	wechat "github.com/weixin-go/wechat"
)

var (
	roomBookForSchedule = epPost("/cgi-bin/oa/meetingroom/book_by_schedule")
	roomBookForMeeting  = epPost("/cgi-bin/oa/meetingroom/book_by_meeting")
	roomBookInfo        = epPost("/cgi-bin/oa/meetingroom/bookinfo/get")
)

// RoomBookingResult is the booking made by BookBySchedule or BookByMeeting.
type RoomBookingResult struct {
	BookingID string `json:"booking_id"`
}

// BookBySchedule books meeting room roomID for the time of schedule
// scheduleID on behalf of member booker.
// https://developer.work.weixin.qq.com/document/path/93620
func (s *MeetingRoomService) BookBySchedule(ctx context.Context, roomID int64, scheduleID, booker string) (*RoomBookingResult, error) {
	return s.bookFor(ctx, roomBookForSchedule, roomID, "schedule_id", scheduleID, booker)
}

// BookByMeeting books meeting room roomID for the time of online meeting
// meetingID on behalf of member booker.
// https://developer.work.weixin.qq.com/document/path/93620
func (s *MeetingRoomService) BookByMeeting(ctx context.Context, roomID int64, meetingID, booker string) (*RoomBookingResult, error) {
	return s.bookFor(ctx, roomBookForMeeting, roomID, "meetingid", meetingID, booker)
}

// bookFor books a room for the schedule or meeting whose id is sent as key.
func (s *MeetingRoomService) bookFor(ctx context.Context, ep wechat.Endpoint, roomID int64, key, id, booker string) (*RoomBookingResult, error) {
	if roomID <= 0 {
		return nil, paramErr("meetingroom_id", "required")
	}
	if err := needB(key, id, "booker", booker); err != nil {
		return nil, err
	}
	body := map[string]any{"meetingroom_id": roomID, key: id, "booker": booker}
	return callB[RoomBookingResult](ctx, s.c, ep, nil, body)
}

// RoomBookingDetail is one booking of a room: Status 0 booked, 1
// cancelled, 2 applying, 3 under approval. MasterBookingID is the
// recurring booking this one belongs to, if any.
type RoomBookingDetail struct {
	BookingID       string `json:"booking_id"`
	MasterBookingID string `json:"master_booking_id,omitempty"`
	ScheduleID      string `json:"schedule_id"`
	StartTime       int64  `json:"start_time"`
	EndTime         int64  `json:"end_time"`
	Booker          string `json:"booker"`
	Status          int    `json:"status"`
}

// RoomBookingInfo is a booking and its room.
type RoomBookingInfo struct {
	MeetingRoomID int64             `json:"meetingroom_id"`
	Schedule      RoomBookingDetail `json:"schedule"`
}

// BookingInfo returns booking bookingID of meeting room roomID.
// https://developer.work.weixin.qq.com/document/path/93620
func (s *MeetingRoomService) BookingInfo(ctx context.Context, roomID int64, bookingID string) (*RoomBookingInfo, error) {
	if roomID <= 0 {
		return nil, paramErr("meetingroom_id", "required")
	}
	if err := needB("booking_id", bookingID); err != nil {
		return nil, err
	}
	body := struct {
		MeetingRoomID int64  `json:"meetingroom_id"`
		BookingID     string `json:"booking_id"`
	}{roomID, bookingID}
	return callB[RoomBookingInfo](ctx, s.c, roomBookInfo, nil, body)
}
