package work

import (
	"context"
	"encoding/json"
)

var (
	scheduleAdd        = epPost("/cgi-bin/oa/schedule/add")
	scheduleUpdate     = epPost("/cgi-bin/oa/schedule/update")
	scheduleAddAtt     = epPost("/cgi-bin/oa/schedule/add_attendees")
	scheduleDelAtt     = epPost("/cgi-bin/oa/schedule/del_attendees")
	scheduleGet        = epPost("/cgi-bin/oa/schedule/get")
	scheduleDel        = epPost("/cgi-bin/oa/schedule/del")
	scheduleByCalendar = epPost("/cgi-bin/oa/schedule/get_by_calendar")
)

// Attendee is a member invited to a schedule; ResponseStatus is in answers only.
type Attendee struct {
	UserID         string `json:"userid"`
	ResponseStatus int    `json:"response_status,omitempty"`
}

// Schedule is a calendar event (日程).
type Schedule struct {
	ScheduleID  string     `json:"schedule_id,omitempty"`
	Organizer   string     `json:"organizer,omitempty"`
	Summary     string     `json:"summary,omitempty"`
	Description string     `json:"description,omitempty"`
	StartTime   int64      `json:"start_time"`
	EndTime     int64      `json:"end_time"`
	IsWholeDay  int        `json:"is_whole_day,omitempty"`
	Attendees   []Attendee `json:"attendees,omitempty"`
	Location    string     `json:"location,omitempty"`
	CalID       string     `json:"cal_id,omitempty"`
	Reminders   *struct {
		IsRemind              int   `json:"is_remind"`
		RemindBeforeEventSecs int64 `json:"remind_before_event_secs"`
		IsRepeat              int   `json:"is_repeat"`
		RepeatType            int   `json:"repeat_type"`
		RepeatUntil           int64 `json:"repeat_until,omitempty"`
	} `json:"reminders,omitempty"`
	AdminIDs []string        `json:"admins,omitempty"`
	Status   int             `json:"status,omitempty"`
	Extra    json.RawMessage `json:"extra,omitempty"`
}

func (sc *Schedule) check() error {
	if sc == nil || sc.StartTime <= 0 || sc.EndTime < sc.StartTime {
		return paramErr("start_time", "invalid period")
	}
	return nil
}

// Add creates a schedule and returns its id.
// https://developer.work.weixin.qq.com/document/path/93648
func (s *ScheduleService) Add(ctx context.Context, sc *Schedule) (string, error) {
	if err := sc.check(); err != nil {
		return "", err
	}
	body := struct {
		Schedule *Schedule `json:"schedule"`
		AgentID  int64     `json:"agentid,omitempty"`
	}{sc, s.agent.ID}
	out, err := callB[struct {
		ScheduleID string `json:"schedule_id"`
	}](ctx, s.c, scheduleAdd, nil, body)
	if err != nil {
		return "", err
	}
	return out.ScheduleID, nil
}

// Update replaces schedule sc.ScheduleID.
// https://developer.work.weixin.qq.com/document/path/97720
func (s *ScheduleService) Update(ctx context.Context, sc *Schedule) error {
	if sc == nil || sc.ScheduleID == "" {
		return paramErr("schedule_id", "required")
	}
	if err := sc.check(); err != nil {
		return err
	}
	body := struct {
		Schedule *Schedule `json:"schedule"`
	}{sc}
	return s.c.Do(ctx, scheduleUpdate, nil, body, nil)
}

func (s *ScheduleService) attendees(ctx context.Context, add bool, scheduleID string, userIDs []string) error {
	if err := needB("schedule_id", scheduleID); err != nil {
		return err
	}
	if len(userIDs) == 0 {
		return paramErr("attendees", "required")
	}
	body := struct {
		ScheduleID string     `json:"schedule_id"`
		Attendees  []Attendee `json:"attendees"`
	}{scheduleID, make([]Attendee, len(userIDs))}
	for i, u := range userIDs {
		body.Attendees[i].UserID = u
	}
	ep := scheduleDelAtt
	if add {
		ep = scheduleAddAtt
	}
	return s.c.Do(ctx, ep, nil, body, nil)
}

// AddAttendees invites members to a schedule.
// https://developer.work.weixin.qq.com/document/path/97721
func (s *ScheduleService) AddAttendees(ctx context.Context, scheduleID string, userIDs ...string) error {
	return s.attendees(ctx, true, scheduleID, userIDs)
}

// RemoveAttendees removes members from a schedule.
// https://developer.work.weixin.qq.com/document/path/97722
func (s *ScheduleService) RemoveAttendees(ctx context.Context, scheduleID string, userIDs ...string) error {
	return s.attendees(ctx, false, scheduleID, userIDs)
}

// Get returns schedules by id (at most 1000).
// https://developer.work.weixin.qq.com/document/path/93648
func (s *ScheduleService) Get(ctx context.Context, scheduleIDs ...string) ([]Schedule, error) {
	if len(scheduleIDs) == 0 || len(scheduleIDs) > 1000 {
		return nil, paramErr("schedule_id_list", "1 to 1000 ids")
	}
	body := struct {
		IDs []string `json:"schedule_id_list"`
	}{scheduleIDs}
	out, err := callB[struct {
		ScheduleList []Schedule `json:"schedule_list"`
	}](ctx, s.c, scheduleGet, nil, body)
	if err != nil {
		return nil, err
	}
	return out.ScheduleList, nil
}

// Delete cancels a schedule.
// https://developer.work.weixin.qq.com/document/path/93648
func (s *ScheduleService) Delete(ctx context.Context, scheduleID string) error {
	if err := needB("schedule_id", scheduleID); err != nil {
		return err
	}
	body := struct {
		ScheduleID string `json:"schedule_id"`
	}{scheduleID}
	return s.c.Do(ctx, scheduleDel, nil, body, nil)
}

// ByCalendar returns schedules of a calendar: offset and limit (1 to 1000,
// 0 for 500) page them.
// https://developer.work.weixin.qq.com/document/path/93648
func (s *ScheduleService) ByCalendar(ctx context.Context, calID string, offset, limit int) ([]Schedule, error) {
	if err := needB("cal_id", calID); err != nil {
		return nil, err
	}
	if limit == 0 {
		limit = 500
	}
	if offset < 0 || limit < 1 || limit > 1000 {
		return nil, paramErr("limit", "offset >= 0, limit 1 to 1000")
	}
	body := struct {
		CalID  string `json:"cal_id"`
		Offset int    `json:"offset"`
		Limit  int    `json:"limit"`
	}{calID, offset, limit}
	out, err := callB[struct {
		ScheduleList []Schedule `json:"schedule_list"`
	}](ctx, s.c, scheduleByCalendar, nil, body)
	if err != nil {
		return nil, err
	}
	return out.ScheduleList, nil
}
