package work

import (
	"context"
	"iter"
)

var (
	meetingCreate  = epPost("/cgi-bin/meeting/create")
	meetingUpdate  = epPost("/cgi-bin/meeting/update")
	meetingGetInfo = epPost("/cgi-bin/meeting/get_info")
	meetingCancel  = epPost("/cgi-bin/meeting/cancel")
	meetingUserIDs = epPost("/cgi-bin/meeting/get_user_meetingid")
)

// MeetingAttendees are the members invited to a meeting.
type MeetingAttendees struct {
	UserID []string `json:"userid,omitempty"`
	// Member lists the members and their state (answers only).
	Member []struct {
		UserID string `json:"userid"`
		Status int    `json:"status"`
	} `json:"member,omitempty"`
}

// Meeting is an online meeting (会议).
type Meeting struct {
	MeetingID       string            `json:"meetingid,omitempty"`
	AdminUserID     string            `json:"admin_userid,omitempty"`
	CreatorUserID   string            `json:"creator_userid,omitempty"`
	Title           string            `json:"title"`
	MeetingStart    int64             `json:"meeting_start"`
	MeetingDuration int64             `json:"meeting_duration"`
	Description     string            `json:"description,omitempty"`
	Location        string            `json:"location,omitempty"`
	Status          int               `json:"status,omitempty"`
	MainDepartment  int64             `json:"main_department,omitempty"`
	Attendees       *MeetingAttendees `json:"attendees,omitempty"`
	CalID           string            `json:"cal_id,omitempty"`
	Reminders       *struct {
		IsRepeat     int     `json:"is_repeat"`
		RepeatType   int     `json:"repeat_type"`
		RepeatUntil  int64   `json:"repeat_until,omitempty"`
		RemindBefore []int64 `json:"remind_before,omitempty"`
	} `json:"reminders,omitempty"`
}

func (m *Meeting) check() error {
	if m == nil || m.Title == "" {
		return paramErr("title", "required")
	}
	if m.MeetingStart <= 0 || m.MeetingDuration <= 0 {
		return paramErr("meeting_start", "start and duration required")
	}
	return nil
}

// Create books an online meeting and returns its id.
// https://developer.work.weixin.qq.com/document/path/99104
func (s *MeetingService) Create(ctx context.Context, m *Meeting) (string, error) {
	if err := m.check(); err != nil {
		return "", err
	}
	if m.AdminUserID == "" {
		return "", paramErr("admin_userid", "required")
	}
	body := struct {
		*Meeting
		AgentID int64 `json:"agentid,omitempty"`
	}{m, s.agent.ID}
	out, err := callB[struct {
		MeetingID string `json:"meetingid"`
	}](ctx, s.c, meetingCreate, nil, body)
	if err != nil {
		return "", err
	}
	return out.MeetingID, nil
}

// Update changes meeting m.MeetingID.
// https://developer.work.weixin.qq.com/document/path/99047
func (s *MeetingService) Update(ctx context.Context, m *Meeting) error {
	if m == nil || m.MeetingID == "" {
		return paramErr("meetingid", "required")
	}
	if err := m.check(); err != nil {
		return err
	}
	return s.c.Do(ctx, meetingUpdate, nil, m, nil)
}

type meetingIDBody struct {
	MeetingID string `json:"meetingid"`
}

// Get returns a meeting.
// https://developer.work.weixin.qq.com/document/path/99049
func (s *MeetingService) Get(ctx context.Context, meetingID string) (*Meeting, error) {
	if err := needB("meetingid", meetingID); err != nil {
		return nil, err
	}
	m, err := callB[Meeting](ctx, s.c, meetingGetInfo, nil, meetingIDBody{meetingID})
	if err != nil {
		return nil, err
	}
	if m.MeetingID == "" {
		m.MeetingID = meetingID
	}
	return m, nil
}

// Cancel cancels a meeting.
// https://developer.work.weixin.qq.com/document/path/99048
func (s *MeetingService) Cancel(ctx context.Context, meetingID string) error {
	if err := needB("meetingid", meetingID); err != nil {
		return err
	}
	return s.c.Do(ctx, meetingCancel, nil, meetingIDBody{meetingID}, nil)
}

// MeetingQuery selects the meetings of a member; times are optional.
type MeetingQuery struct {
	UserID    string `json:"userid"`
	Cursor    string `json:"cursor,omitempty"`
	BeginTime int64  `json:"begin_time,omitempty"`
	EndTime   int64  `json:"end_time,omitempty"`
	Limit     int    `json:"limit,omitempty"`
}

// MeetingIDPage is one page of meeting ids.
type MeetingIDPage struct {
	NextCursor string   `json:"next_cursor"`
	MeetingIDs []string `json:"meetingid_list"`
}

// UserMeetingIDs returns one page of the meeting ids of a member.
// https://developer.work.weixin.qq.com/document/path/99050
func (s *MeetingService) UserMeetingIDs(ctx context.Context, q *MeetingQuery) (*MeetingIDPage, error) {
	if q == nil || q.UserID == "" {
		return nil, paramErr("userid", "required")
	}
	if q.Limit < 0 || q.Limit > 100 {
		return nil, paramErr("limit", "at most 100")
	}
	return callB[MeetingIDPage](ctx, s.c, meetingUserIDs, nil, q)
}

// AllUserMeetingIDs iterates over the meeting ids of q.
func (s *MeetingService) AllUserMeetingIDs(ctx context.Context, q MeetingQuery) iter.Seq2[string, error] {
	return cursorPagesB(ctx, q.Cursor, func(ctx context.Context, cursor string) ([]string, string, error) {
		q.Cursor = cursor
		p, err := s.UserMeetingIDs(ctx, &q)
		if err != nil {
			return nil, "", err
		}
		return p.MeetingIDs, p.NextCursor, nil
	})
}
