package work_test

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/work"
)

func TestCheckin(t *testing.T) {
	ctx := context.Background()
	srv, a := newBAgent(t)
	srv.AddWeComCheckinGroup(corpB, fakewechat.WeComCheckinGroup{GroupID: 1, GroupName: "总部", GroupType: 1, Users: []string{"zhangsan"}})
	srv.AddWeComCheckinGroup(corpB, fakewechat.WeComCheckinGroup{GroupID: 2, GroupName: "分部", GroupType: 2, Users: []string{"lisi"}})
	day := int64(1700006400) // 00:00 UTC
	srv.AddWeComCheckin(corpB, "zhangsan", day+9*3600, "")
	srv.AddWeComCheckin(corpB, "zhangsan", day+18*3600, "DEV1")
	srv.AddWeComCheckin(corpB, "lisi", day+10*3600, "")

	gs, err := a.Checkin.CorpOptions(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if raw := rawB(t, srv, "POST /cgi-bin/checkin/getcorpcheckinoption"); raw != `{}` {
		t.Errorf("body %s", raw)
	}
	if len(gs) != 2 || gs[1].GroupName != "分部" || gs[1].GroupType != 2 || len(gs[0].Raw) == 0 {
		t.Errorf("groups %+v", gs)
	}
	opts := mustB[[]work.UserCheckinOption](t)(a.Checkin.UserOptions(ctx, day, []string{"lisi", "nobody"}))
	if len(opts) != 1 || opts[0].UserID != "lisi" || opts[0].Group.GroupID != 2 {
		t.Errorf("user options %+v", opts)
	}
	recs, err := a.Checkin.Records(ctx, work.CheckinAll, day, day+86399, []string{"zhangsan"})
	if err != nil {
		t.Fatal(err)
	}
	if raw := rawB(t, srv, "POST /cgi-bin/checkin/getcheckindata"); raw != `{"opencheckindatatype":3,"starttime":1700006400,"endtime":1700092799,"useridlist":["zhangsan"]}` {
		t.Errorf("records body %s", raw)
	}
	if len(recs) != 2 || recs[1].CheckinTime != day+18*3600 || recs[0].CheckinType != "上班打卡" {
		t.Errorf("records %+v", recs)
	}
	hw := mustB[[]work.HardwareCheckin](t)(a.Checkin.HardwareRecords(ctx, 1, day, day+86399, []string{"zhangsan", "lisi"}))
	if len(hw) != 1 || hw[0].DeviceSN != "DEV1" {
		t.Errorf("hardware %+v", hw)
	}
	days := mustB[[]work.CheckinReport](t)(a.Checkin.DayReports(ctx, day, day+86399, []string{"zhangsan"}))
	if len(days) != 1 || days[0].BaseInfo.Date != day || days[0].SummaryInfo.CheckinCount != 2 || days[0].SummaryInfo.RegularWorkSec != 9*3600 || days[0].SummaryInfo.EarliestTime != 9*3600 {
		t.Errorf("day reports %+v", days)
	}
	months := mustB[[]work.CheckinReport](t)(a.Checkin.MonthReports(ctx, day, day+86399, []string{"zhangsan", "lisi"}))
	if len(months) != 2 || months[0].SummaryInfo.WorkDays != 2 || months[1].BaseInfo.AcctID != "lisi" {
		t.Errorf("month reports %+v", months)
	}

	if err := a.Checkin.Correct(ctx, &work.PunchCorrection{UserID: "lisi", ScheduleDateTime: day, CheckinTime: day + 19*3600, Remark: "忘打卡"}); err != nil {
		t.Fatal(err)
	}
	if b := bodyB(t, srv, "POST /cgi-bin/checkin/punch_correction"); b["remark"] != "忘打卡" || b["schedule_checkin_time"] != nil {
		t.Errorf("correction body %v", b)
	}
	if recs := mustB[[]work.CheckinRecord](t)(a.Checkin.Records(ctx, work.CheckinCommute, day, day+86399, []string{"lisi"})); len(recs) != 2 {
		t.Errorf("after correction %+v", recs)
	}

	if err := a.Checkin.SetSchedules(ctx, 1, 202311, []work.ScheduleItem{{UserID: "zhangsan", Day: 15, ScheduleID: 7}, {UserID: "zhangsan", Day: 3, ScheduleID: 8}}); err != nil {
		t.Fatal(err)
	}
	if raw := rawB(t, srv, "POST /cgi-bin/checkin/setcheckinschedulist"); raw != `{"groupid":1,"items":[{"userid":"zhangsan","day":15,"schedule_id":7},{"userid":"zhangsan","day":3,"schedule_id":8}],"yearmonth":202311}` {
		t.Errorf("set body %s", raw)
	}
	sch := mustB[[]work.CheckinSchedule](t)(a.Checkin.Schedules(ctx, day, day+86399, []string{"zhangsan"}))
	if len(sch) != 1 || sch[0].YearMonth != 202311 || len(sch[0].Schedule.ScheduleList) != 2 || sch[0].Schedule.ScheduleList[0].Day != 3 || sch[0].Schedule.ScheduleList[1].ScheduleInfo.ScheduleID != 7 {
		t.Errorf("schedules %+v", sch)
	}
	apiCodeB(t, a.Checkin.SetSchedules(ctx, 9, 202311, []work.ScheduleItem{{UserID: "a", Day: 1}}), 40058)

	if err := a.Checkin.AddUserFace(ctx, "zhangsan", "aGVsbG8="); err != nil {
		t.Fatal(err)
	}
	apiCodeB(t, a.Checkin.AddUserFace(ctx, "zhangsan", "not base64!"), 40058)
	_, err = a.Checkin.Records(ctx, 1, day, day+40*86400, []string{"a"})
	apiCodeB(t, err, 40058)

	n := len(srv.Requests())
	_, err = a.Checkin.Records(ctx, 4, day, day, []string{"a"})
	paramErrB(t, srv, n, err, "opencheckindatatype")
	_, err = a.Checkin.Records(ctx, 1, day, day, nil)
	paramErrB(t, srv, n, err, "useridlist")
	_, err = a.Checkin.DayReports(ctx, day, day-1, []string{"a"})
	paramErrB(t, srv, n, err, "starttime")
	_, err = a.Checkin.HardwareRecords(ctx, 3, day, day, []string{"a"})
	paramErrB(t, srv, n, err, "filter_type")
	_, err = a.Checkin.UserOptions(ctx, day, make([]string, 101))
	paramErrB(t, srv, n, err, "useridlist")
	paramErrB(t, srv, n, a.Checkin.SetSchedules(ctx, 1, 202313, []work.ScheduleItem{{UserID: "a", Day: 1}}), "yearmonth")
	paramErrB(t, srv, n, a.Checkin.SetSchedules(ctx, 1, 202311, []work.ScheduleItem{{UserID: "a", Day: 32}}), "items")
	paramErrB(t, srv, n, a.Checkin.SetSchedules(ctx, 0, 202311, nil), "groupid")
	paramErrB(t, srv, n, a.Checkin.Correct(ctx, &work.PunchCorrection{UserID: "a"}), "checkin_time")
	paramErrB(t, srv, n, a.Checkin.AddUserFace(ctx, "a", ""), "userface")
}

// FuzzCheckinGroupUnmarshal decodes untrusted rule JSON: never a panic, and
// a decoded rule keeps valid raw JSON.
func FuzzCheckinGroupUnmarshal(f *testing.F) {
	f.Add([]byte(`{"grouptype":1,"groupid":69,"groupname":"打卡规则1","checkindate":[{"workdays":[1,2]}]}`))
	f.Add([]byte(`{"groupid":"x"}`))
	f.Add([]byte(`[]`))
	f.Add([]byte(`null`))
	f.Add([]byte(` {"groupid": 1e3} `))
	f.Fuzz(func(t *testing.T, data []byte) {
		var g work.CheckinGroup
		if err := json.Unmarshal(data, &g); err != nil {
			return
		}
		if g.Raw != nil && !json.Valid(g.Raw) {
			t.Fatalf("raw %q is not JSON", g.Raw)
		}
		var list []work.CheckinGroup
		_ = json.Unmarshal(append(append([]byte("["), data...), ']'), &list)
	})
}
