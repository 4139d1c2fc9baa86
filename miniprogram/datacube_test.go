package miniprogram_test

import (
	"testing"
	"time"

	"github.com/weixin-go/wechat/miniprogram"
)

func TestAnalytics(t *testing.T) {
	srv, c := newClient(t)
	ctx := t.Context()
	day := time.Date(2024, 3, 13, 0, 0, 0, 0, time.UTC)    // a Wednesday
	monday := time.Date(2024, 3, 11, 0, 0, 0, 0, time.UTC) // a Monday
	first := time.Date(2024, 2, 1, 0, 0, 0, 0, time.UTC)

	sum, err := c.Analytics.DailySummary(ctx, day)
	if err != nil || len(sum) != 1 || sum[0].RefDate != "20240313" || sum[0].VisitTotal != 391 {
		t.Fatalf("DailySummary = %+v, %v", sum, err)
	}
	if _, body := last(t, srv, "POST /datacube/getweanalysisappiddailysummarytrend"); asJSON(t, body) != `{"begin_date":"20240313","end_date":"20240313"}` {
		t.Errorf("body = %v", body)
	}
	if l, err := c.Analytics.DailyVisitTrend(ctx, day); err != nil || l[0].VisitUV != 55500 || l[0].StayTimeUV != 8.5 {
		t.Fatalf("DailyVisitTrend = %+v, %v", l, err)
	}
	if l, err := c.Analytics.WeeklyVisitTrend(ctx, monday); err != nil || l[0].RefDate != "20240311-20240317" {
		t.Fatalf("WeeklyVisitTrend = %+v, %v", l, err)
	}
	if l, err := c.Analytics.MonthlyVisitTrend(ctx, first); err != nil || l[0].RefDate != "202402" {
		t.Fatalf("MonthlyVisitTrend = %+v, %v", l, err)
	}
	if _, body := last(t, srv, "POST /datacube/getweanalysisappidmonthlyvisittrend"); body["end_date"] != "20240229" {
		t.Errorf("body = %v", body)
	}
	for name, f := range map[string]func() (*miniprogram.Retain, error){
		"daily":   func() (*miniprogram.Retain, error) { return c.Analytics.DailyRetain(ctx, day) },
		"weekly":  func() (*miniprogram.Retain, error) { return c.Analytics.WeeklyRetain(ctx, monday) },
		"monthly": func() (*miniprogram.Retain, error) { return c.Analytics.MonthlyRetain(ctx, first) },
	} {
		if r, err := f(); err != nil || len(r.VisitUV) != 1 || r.VisitUVNew[0].Value != 5464 {
			t.Fatalf("%s retain = %+v, %v", name, r, err)
		}
	}
	d, err := c.Analytics.VisitDistribution(ctx, day)
	if err != nil || len(d.List) != 3 || d.List[0].Index != "access_source_session_cnt" || d.List[0].ItemList[0].AccessSourceVisitUV != 3 {
		t.Fatalf("VisitDistribution = %+v, %v", d, err)
	}
	p, err := c.Analytics.VisitPage(ctx, day)
	if err != nil || p.List[0].PagePath != "pages/main/main.html" {
		t.Fatalf("VisitPage = %+v, %v", p, err)
	}
	up, err := c.Analytics.UserPortrait(ctx, day.AddDate(0, 0, -29), day)
	if err != nil || up.VisitUV.Province[0].Name != "广东省" || up.RefDate != "20240213-20240313" {
		t.Fatalf("UserPortrait = %+v, %v", up, err)
	}
	q := &miniprogram.PerformanceQuery{Module: "10016"}
	q.Time.BeginTimestamp, q.Time.EndTimestamp = day.Unix(), day.Unix()+86399
	perf, err := c.Analytics.PerformanceData(ctx, q)
	if err != nil || perf.Count != 1 || perf.Tables[0].ID != "firstrender" || perf.Tables[0].Lines[0].Fields[0].RefDate != "20240313" {
		t.Fatalf("PerformanceData = %+v, %v", perf, err)
	}

	n := len(srv.Requests())
	_, err = c.Analytics.WeeklyVisitTrend(ctx, day)
	wantArgError(t, srv, n, err, "begin_date")
	_, err = c.Analytics.MonthlyRetain(ctx, day)
	wantArgError(t, srv, n, err, "begin_date")
	_, err = c.Analytics.DailySummary(ctx, time.Now())
	wantArgError(t, srv, n, err, "end_date")
	_, err = c.Analytics.UserPortrait(ctx, day.AddDate(0, 0, -3), day)
	wantArgError(t, srv, n, err, "end_date")
	_, err = c.Analytics.PerformanceData(ctx, &miniprogram.PerformanceQuery{Module: "10016"})
	wantArgError(t, srv, n, err, "time")
	// the fake applies the same rules
	if err := c.Call(ctx, "POST", "/datacube/getweanalysisappidweeklyretaininfo", nil, map[string]string{"begin_date": "20240313", "end_date": "20240319"}, nil); err == nil {
		t.Fatal("fake accepted a week not starting on Monday")
	}
}
