package work_test

import (
	"context"
	"testing"

	"github.com/weixin-go/wechat/work"
)

func TestCalendarAndSchedule(t *testing.T) {
	ctx := context.Background()
	srv, a := newBAgent(t)
	cal := &work.Calendar{Organizer: "zhangsan", Summary: "团队日历", Color: "#0000FF", Description: "d"}
	calID, err := a.Calendar.Add(ctx, cal)
	if err != nil {
		t.Fatal(err)
	}
	if b := bodyB(t, srv, "POST /cgi-bin/oa/calendar/add"); b["agentid"] != float64(1000002) || b["calendar"].(map[string]any)["color"] != "#0000FF" {
		t.Errorf("add body %v", b)
	}
	cal.CalID, cal.Summary = calID, "研发日历"
	if err := a.Calendar.Update(ctx, cal); err != nil {
		t.Fatal(err)
	}
	cals := mustB[[]work.Calendar](t)(a.Calendar.Get(ctx, calID))
	if len(cals) != 1 || cals[0].CalID != calID || cals[0].Summary != "研发日历" || cals[0].Organizer != "zhangsan" {
		t.Errorf("calendars %+v", cals)
	}

	sc := &work.Schedule{Organizer: "zhangsan", Summary: "周会", StartTime: 1700000000, EndTime: 1700003600, CalID: calID, Attendees: []work.Attendee{{UserID: "lisi"}}}
	id, err := a.Schedule.Add(ctx, sc)
	if err != nil {
		t.Fatal(err)
	}
	if b := bodyB(t, srv, "POST /cgi-bin/oa/schedule/add"); b["schedule"].(map[string]any)["cal_id"] != calID || b["agentid"] != float64(1000002) {
		t.Errorf("schedule body %v", b)
	}
	id2 := mustB[string](t)(a.Schedule.Add(ctx, &work.Schedule{StartTime: 1700000000, EndTime: 1700000001, CalID: calID}))
	if err := a.Schedule.AddAttendees(ctx, id, "wangwu", "zhaoliu"); err != nil {
		t.Fatal(err)
	}
	if raw := rawB(t, srv, "POST /cgi-bin/oa/schedule/add_attendees"); raw != `{"schedule_id":"`+id+`","attendees":[{"userid":"wangwu"},{"userid":"zhaoliu"}]}` {
		t.Errorf("attendees body %s", raw)
	}
	if err := a.Schedule.RemoveAttendees(ctx, id, "lisi"); err != nil {
		t.Fatal(err)
	}
	sc.ScheduleID, sc.Summary, sc.Attendees = id, "周会(改)", nil
	if err := a.Schedule.Update(ctx, sc); err != nil {
		t.Fatal(err)
	}
	got := mustB[[]work.Schedule](t)(a.Schedule.Get(ctx, id))
	if len(got) != 1 || got[0].Summary != "周会(改)" || len(got[0].Attendees) != 2 || got[0].Attendees[0].UserID != "wangwu" {
		t.Errorf("schedule %+v", got)
	}
	list := mustB[[]work.Schedule](t)(a.Schedule.ByCalendar(ctx, calID, 1, 0))
	if b := bodyB(t, srv, "POST /cgi-bin/oa/schedule/get_by_calendar"); b["offset"] != float64(1) || b["limit"] != float64(500) {
		t.Errorf("by calendar body %v", b)
	}
	if len(list) != 1 || list[0].ScheduleID != id2 {
		t.Errorf("by calendar %+v", list)
	}
	if err := a.Schedule.Delete(ctx, id2); err != nil {
		t.Fatal(err)
	}
	_, err = a.Schedule.Get(ctx, id2)
	apiCodeB(t, err, 40058)
	apiCodeB(t, a.Schedule.AddAttendees(ctx, id2, "x"), 40058)
	if err := a.Calendar.Delete(ctx, calID); err != nil {
		t.Fatal(err)
	}
	_, err = a.Calendar.Get(ctx, calID)
	apiCodeB(t, err, 40058)
	_, err = a.Schedule.Add(ctx, &work.Schedule{StartTime: 1, EndTime: 2, CalID: calID})
	apiCodeB(t, err, 40058)
	_, err = a.Schedule.ByCalendar(ctx, calID, 0, 0)
	apiCodeB(t, err, 40058)

	n := len(srv.Requests())
	_, err = a.Calendar.Add(ctx, &work.Calendar{Summary: "x", Color: "blue"})
	paramErrB(t, srv, n, err, "color")
	_, err = a.Calendar.Add(ctx, &work.Calendar{Color: "#000000"})
	paramErrB(t, srv, n, err, "summary")
	paramErrB(t, srv, n, a.Calendar.Update(ctx, &work.Calendar{}), "cal_id")
	paramErrB(t, srv, n, a.Calendar.Delete(ctx, ""), "cal_id")
	_, err = a.Calendar.Get(ctx)
	paramErrB(t, srv, n, err, "cal_id_list")
	_, err = a.Schedule.Add(ctx, &work.Schedule{StartTime: 2, EndTime: 1})
	paramErrB(t, srv, n, err, "start_time")
	paramErrB(t, srv, n, a.Schedule.Update(ctx, &work.Schedule{}), "schedule_id")
	paramErrB(t, srv, n, a.Schedule.AddAttendees(ctx, "s"), "attendees")
	paramErrB(t, srv, n, a.Schedule.Delete(ctx, ""), "schedule_id")
	_, err = a.Schedule.Get(ctx)
	paramErrB(t, srv, n, err, "schedule_id_list")
	_, err = a.Schedule.ByCalendar(ctx, "c", 0, 1001)
	paramErrB(t, srv, n, err, "limit")
}
