package miniprogram

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"time"

	wechat "github.com/weixin-go/wechat"
)

var (
	cubeDailySummary     = wechat.Endpoint{Method: http.MethodPost, Path: "/datacube/getweanalysisappiddailysummarytrend"}
	cubeDailyVisitTrend  = wechat.Endpoint{Method: http.MethodPost, Path: "/datacube/getweanalysisappiddailyvisittrend"}
	cubeWeeklyVisitTrend = wechat.Endpoint{Method: http.MethodPost, Path: "/datacube/getweanalysisappidweeklyvisittrend"}
	cubeMonthlyVisit     = wechat.Endpoint{Method: http.MethodPost, Path: "/datacube/getweanalysisappidmonthlyvisittrend"}
	cubeDailyRetain      = wechat.Endpoint{Method: http.MethodPost, Path: "/datacube/getweanalysisappiddailyretaininfo"}
	cubeWeeklyRetain     = wechat.Endpoint{Method: http.MethodPost, Path: "/datacube/getweanalysisappidweeklyretaininfo"}
	cubeMonthlyRetain    = wechat.Endpoint{Method: http.MethodPost, Path: "/datacube/getweanalysisappidmonthlyretaininfo"}
	cubeDistribution     = wechat.Endpoint{Method: http.MethodPost, Path: "/datacube/getweanalysisappidvisitdistribution"}
	cubeVisitPage        = wechat.Endpoint{Method: http.MethodPost, Path: "/datacube/getweanalysisappidvisitpage"}
	cubeUserPortrait     = wechat.Endpoint{Method: http.MethodPost, Path: "/datacube/getweanalysisappiduserportrait"}
	cubePerformance      = wechat.Endpoint{Method: http.MethodPost, Path: "/wxa/business/performance/boot"}
)

// cubeSpan is the kind of date range a datacube endpoint takes.
type cubeSpan int

const (
	spanDay      cubeSpan = iota // begin == end
	spanWeek                     // Monday to the next Sunday
	spanMonth                    // the first to the last day of a month
	spanPortrait                 // 1, 7 or 30 days ending yesterday at the latest
)

// cubeRange checks the documented date rules of span and returns the body.
func cubeRange(span cubeSpan, begin, end time.Time) (map[string]string, error) {
	day := func(t time.Time) time.Time { y, m, d := t.Date(); return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	b, e := day(begin), day(end)
	if begin.IsZero() {
		return nil, invalidArg("begin_date", "zero")
	}
	today := day(time.Now())
	if !e.Before(today) {
		return nil, invalidArg("end_date", "must be before today")
	}
	switch span {
	case spanDay:
		if !e.Equal(b) {
			return nil, invalidArg("end_date", "must equal begin_date (one day)")
		}
	case spanWeek:
		if b.Weekday() != time.Monday {
			return nil, invalidArg("begin_date", "must be a Monday")
		}
		if !e.Equal(b.AddDate(0, 0, 6)) {
			return nil, invalidArg("end_date", "must be the Sunday after begin_date")
		}
	case spanMonth:
		if b.Day() != 1 {
			return nil, invalidArg("begin_date", "must be the first day of a month")
		}
		if !e.Equal(b.AddDate(0, 1, -1)) {
			return nil, invalidArg("end_date", "must be the last day of begin_date's month")
		}
	case spanPortrait:
		if n := e.Sub(b) / (24 * time.Hour); n != 0 && n != 6 && n != 29 {
			return nil, invalidArg("end_date", "must be 0, 6 or 29 days after begin_date")
		}
	}
	return map[string]string{"begin_date": b.Format("20060102"), "end_date": e.Format("20060102")}, nil
}

// SummaryTrend is the overall data of a day.
type SummaryTrend struct {
	RefDate    string `json:"ref_date"`
	VisitTotal int64  `json:"visit_total"`
	SharePV    int64  `json:"share_pv"`
	ShareUV    int64  `json:"share_uv"`
}

// DailySummary returns the overall data of day (概况趋势).
// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/data-analysis/others/getDailySummary.html
func (s *AnalyticsService) DailySummary(ctx context.Context, day time.Time) ([]SummaryTrend, error) {
	return cubeList[SummaryTrend](ctx, s, cubeDailySummary, spanDay, day, day)
}

// VisitTrend is the visit data of a day, week ("20170306-20170312") or
// month ("201703").
type VisitTrend struct {
	RefDate         string  `json:"ref_date"`
	SessionCnt      int64   `json:"session_cnt"`
	VisitPV         int64   `json:"visit_pv"`
	VisitUV         int64   `json:"visit_uv"`
	VisitUVNew      int64   `json:"visit_uv_new"`
	StayTimeUV      float64 `json:"stay_time_uv"`
	StayTimeSession float64 `json:"stay_time_session"`
	VisitDepth      float64 `json:"visit_depth"`
}

// DailyVisitTrend returns the visit data of day (日趋势).
// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/data-analysis/visit-trend/getDailyVisitTrend.html
func (s *AnalyticsService) DailyVisitTrend(ctx context.Context, day time.Time) ([]VisitTrend, error) {
	return cubeList[VisitTrend](ctx, s, cubeDailyVisitTrend, spanDay, day, day)
}

// WeeklyVisitTrend returns the visit data of the week starting on monday (周趋势).
// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/data-analysis/visit-trend/getWeeklyVisitTrend.html
func (s *AnalyticsService) WeeklyVisitTrend(ctx context.Context, monday time.Time) ([]VisitTrend, error) {
	return cubeList[VisitTrend](ctx, s, cubeWeeklyVisitTrend, spanWeek, monday, monday.AddDate(0, 0, 6))
}

// MonthlyVisitTrend returns the visit data of the month starting on first (月趋势).
// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/data-analysis/visit-trend/getMonthlyVisitTrend.html
func (s *AnalyticsService) MonthlyVisitTrend(ctx context.Context, first time.Time) ([]VisitTrend, error) {
	return cubeList[VisitTrend](ctx, s, cubeMonthlyVisit, spanMonth, first, first.AddDate(0, 1, -1))
}

func cubeList[T any](ctx context.Context, s *AnalyticsService, ep wechat.Endpoint, span cubeSpan, begin, end time.Time) ([]T, error) {
	body, err := cubeRange(span, begin, end)
	if err != nil {
		return nil, err
	}
	out, err := call[struct {
		List []T `json:"list"`
	}](ctx, s.c, ep, nil, body)
	if err != nil {
		return nil, err
	}
	return out.List, nil
}

func cubeOne[T any](ctx context.Context, s *AnalyticsService, ep wechat.Endpoint, span cubeSpan, begin, end time.Time) (*T, error) {
	body, err := cubeRange(span, begin, end)
	if err != nil {
		return nil, err
	}
	return call[T](ctx, s.c, ep, nil, body)
}

// RetainItem is the users retained Key days (weeks, months) later; Key 0
// is the period itself.
type RetainItem struct {
	Key   int   `json:"key"`
	Value int64 `json:"value"`
}

// Retain is the retention of the users new in or active in a period.
type Retain struct {
	RefDate    string       `json:"ref_date"`
	VisitUVNew []RetainItem `json:"visit_uv_new"`
	VisitUV    []RetainItem `json:"visit_uv"`
}

// DailyRetain returns the retention of day's users (日留存).
// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/data-analysis/visit-retain/getDailyRetain.html
func (s *AnalyticsService) DailyRetain(ctx context.Context, day time.Time) (*Retain, error) {
	return cubeOne[Retain](ctx, s, cubeDailyRetain, spanDay, day, day)
}

// WeeklyRetain returns the retention of the week starting on monday (周留存).
// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/data-analysis/visit-retain/getWeeklyRetain.html
func (s *AnalyticsService) WeeklyRetain(ctx context.Context, monday time.Time) (*Retain, error) {
	return cubeOne[Retain](ctx, s, cubeWeeklyRetain, spanWeek, monday, monday.AddDate(0, 0, 6))
}

// MonthlyRetain returns the retention of the month starting on first (月留存).
// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/data-analysis/visit-retain/getMonthlyRetain.html
func (s *AnalyticsService) MonthlyRetain(ctx context.Context, first time.Time) (*Retain, error) {
	return cubeOne[Retain](ctx, s, cubeMonthlyRetain, spanMonth, first, first.AddDate(0, 1, -1))
}

// DistributionItem is the visits of one scene, duration or depth.
type DistributionItem struct {
	Key                 int   `json:"key"`
	Value               int64 `json:"value"`
	AccessSourceVisitUV int64 `json:"access_source_visit_uv"`
}

// Distribution is one distribution (access_source_session_cnt,
// access_staytime_info, access_depth_info).
type Distribution struct {
	Index    string             `json:"index"`
	ItemList []DistributionItem `json:"item_list"`
}

// VisitDistribution is the answer of VisitDistribution.
type VisitDistribution struct {
	RefDate string         `json:"ref_date"`
	List    []Distribution `json:"list"`
}

// VisitDistribution returns the distributions of day's visits (访问分布).
// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/data-analysis/others/getVisitDistribution.html
func (s *AnalyticsService) VisitDistribution(ctx context.Context, day time.Time) (*VisitDistribution, error) {
	return cubeOne[VisitDistribution](ctx, s, cubeDistribution, spanDay, day, day)
}

// PageVisit is the visit data of one page.
type PageVisit struct {
	PagePath       string  `json:"page_path"`
	PageVisitPV    int64   `json:"page_visit_pv"`
	PageVisitUV    int64   `json:"page_visit_uv"`
	PageStaytimePV float64 `json:"page_staytime_pv"`
	EntrypagePV    int64   `json:"entrypage_pv"`
	ExitpagePV     int64   `json:"exitpage_pv"`
	PageSharePV    int64   `json:"page_share_pv"`
	PageShareUV    int64   `json:"page_share_uv"`
}

// VisitPages is the answer of VisitPage.
type VisitPages struct {
	RefDate string      `json:"ref_date"`
	List    []PageVisit `json:"list"`
}

// VisitPage returns the visit data of day's pages (访问页面).
// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/data-analysis/others/getVisitPage.html
func (s *AnalyticsService) VisitPage(ctx context.Context, day time.Time) (*VisitPages, error) {
	return cubeOne[VisitPages](ctx, s, cubeVisitPage, spanDay, day, day)
}

// PortraitItem is the users of one attribute value.
type PortraitItem struct {
	ID    int    `json:"id"`
	Name  string `json:"name"`
	Value int64  `json:"value"`
}

// Portrait is the distribution of users by attribute.
type Portrait struct {
	Index     int            `json:"index"`
	Province  []PortraitItem `json:"province"`
	City      []PortraitItem `json:"city"`
	Genders   []PortraitItem `json:"genders"`
	Platforms []PortraitItem `json:"platforms"`
	Devices   []PortraitItem `json:"devices"`
	Ages      []PortraitItem `json:"ages"`
}

// UserPortrait is the answer of UserPortrait.
type UserPortrait struct {
	RefDate    string   `json:"ref_date"`
	VisitUVNew Portrait `json:"visit_uv_new"`
	VisitUV    Portrait `json:"visit_uv"`
}

// UserPortrait returns the portrait of the users of the 1, 7 or 30 days
// from begin to end (用户画像).
// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/data-analysis/others/getUserPortrait.html
func (s *AnalyticsService) UserPortrait(ctx context.Context, begin, end time.Time) (*UserPortrait, error) {
	return cubeOne[UserPortrait](ctx, s, cubeUserPortrait, spanPortrait, begin, end)
}

// PerformanceQuery is the query of PerformanceData.
type PerformanceQuery struct {
	Module string `json:"module"` // such as "10016" (start-up), "10017" (page switch)
	Time   struct {
		BeginTimestamp int64 `json:"begin_timestamp"`
		EndTimestamp   int64 `json:"end_timestamp"`
	} `json:"time"`
	Params []PerformanceParam `json:"params"`
}

// PerformanceParam is a filter of PerformanceData, such as
// {"networktype", "wifi"}.
type PerformanceParam struct {
	Field string `json:"field"`
	Value string `json:"value"`
}

// PerformanceField is one value of a line.
type PerformanceField struct {
	RefDate string `json:"refdate"`
	Value   string `json:"value"`
}

// PerformanceTable is one metric.
type PerformanceTable struct {
	ID    string `json:"id"`
	Zh    string `json:"zh"`
	Lines []struct {
		Fields []PerformanceField `json:"fields"`
	} `json:"lines"`
}

// PerformanceData is the answer of PerformanceData.
type PerformanceData struct {
	Tables []PerformanceTable `json:"tables"`
	Count  int64              `json:"count"`
}

// PerformanceData returns performance metrics (性能数据). WeChat sends
// them as a JSON string in body; both that and an object decode.
// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/data-analysis/others/getPerformanceData.html
func (s *AnalyticsService) PerformanceData(ctx context.Context, q *PerformanceQuery) (*PerformanceData, error) {
	if q == nil {
		return nil, invalidArg("module", "no query")
	}
	if err := required("module", q.Module); err != nil {
		return nil, err
	}
	if q.Time.BeginTimestamp <= 0 || q.Time.EndTimestamp < q.Time.BeginTimestamp {
		return nil, invalidArg("time", "begin_timestamp must be positive and not after end_timestamp")
	}
	body := *q
	if body.Params == nil {
		body.Params = []PerformanceParam{}
	}
	out, err := call[struct {
		Body json.RawMessage `json:"body"`
	}](ctx, s.c, cubePerformance, nil, &body)
	if err != nil {
		return nil, err
	}
	raw := []byte(out.Body)
	if len(raw) > 0 && raw[0] == '"' {
		var str string
		if err := json.Unmarshal(raw, &str); err != nil {
			return nil, fmt.Errorf("miniprogram: decode performance body: %w", err)
		}
		raw = []byte(str)
	}
	res := new(PerformanceData)
	if len(raw) > 0 {
		if err := json.Unmarshal(raw, res); err != nil {
			return nil, fmt.Errorf("miniprogram: decode performance body: %w", err)
		}
	}
	return res, nil
}
