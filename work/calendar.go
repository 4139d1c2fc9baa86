package work

import "context"

var (
	calendarAdd    = epPost("/cgi-bin/oa/calendar/add")
	calendarUpdate = epPost("/cgi-bin/oa/calendar/update")
	calendarGet    = epPost("/cgi-bin/oa/calendar/get")
	calendarDel    = epPost("/cgi-bin/oa/calendar/del")
)

// Calendar is a shared calendar (日历).
type Calendar struct {
	CalID        string `json:"cal_id,omitempty"`
	Organizer    string `json:"organizer,omitempty"`
	ReadOnly     int    `json:"readonly,omitempty"`
	SetAsDefault int    `json:"set_as_default,omitempty"`
	Summary      string `json:"summary"`
	Color        string `json:"color"`
	Description  string `json:"description,omitempty"`
	Shares       []struct {
		UserID   string `json:"userid"`
		ReadOnly int    `json:"readonly,omitempty"`
	} `json:"shares,omitempty"`
	IsPublic       int      `json:"is_public,omitempty"`
	IsCorpCalendar int      `json:"is_corp_calendar,omitempty"`
	Admins         []string `json:"admins,omitempty"`
}

func (c *Calendar) check() error {
	if c == nil || c.Summary == "" {
		return paramErr("summary", "required")
	}
	if len(c.Color) != 7 || c.Color[0] != '#' {
		return paramErr("color", "an RGB color such as #0000FF")
	}
	return nil
}

// Add creates a calendar and returns its id.
// https://developer.work.weixin.qq.com/document/path/93647
func (s *CalendarService) Add(ctx context.Context, c *Calendar) (string, error) {
	if err := c.check(); err != nil {
		return "", err
	}
	body := struct {
		Calendar *Calendar `json:"calendar"`
		AgentID  int64     `json:"agentid,omitempty"`
	}{c, s.agent.ID}
	out, err := callB[struct {
		CalID string `json:"cal_id"`
	}](ctx, s.c, calendarAdd, nil, body)
	if err != nil {
		return "", err
	}
	return out.CalID, nil
}

// Update replaces calendar c.CalID.
// https://developer.work.weixin.qq.com/document/path/97716
func (s *CalendarService) Update(ctx context.Context, c *Calendar) error {
	if c == nil || c.CalID == "" {
		return paramErr("cal_id", "required")
	}
	if err := c.check(); err != nil {
		return err
	}
	body := struct {
		Calendar *Calendar `json:"calendar"`
	}{c}
	return s.c.Do(ctx, calendarUpdate, nil, body, nil)
}

// Get returns calendars by id (at most 1000).
// https://developer.work.weixin.qq.com/document/path/97717
func (s *CalendarService) Get(ctx context.Context, calIDs ...string) ([]Calendar, error) {
	if len(calIDs) == 0 || len(calIDs) > 1000 {
		return nil, paramErr("cal_id_list", "1 to 1000 ids")
	}
	body := struct {
		IDs []string `json:"cal_id_list"`
	}{calIDs}
	out, err := callB[struct {
		CalendarList []Calendar `json:"calendar_list"`
	}](ctx, s.c, calendarGet, nil, body)
	if err != nil {
		return nil, err
	}
	return out.CalendarList, nil
}

// Delete deletes a calendar.
// https://developer.work.weixin.qq.com/document/path/97718
func (s *CalendarService) Delete(ctx context.Context, calID string) error {
	if err := needB("cal_id", calID); err != nil {
		return err
	}
	body := struct {
		CalID string `json:"cal_id"`
	}{calID}
	return s.c.Do(ctx, calendarDel, nil, body, nil)
}
