package fakewechat

import (
	"encoding/json"
	"time"
)

// Mini program analytics (数据分析, /datacube/getweanalysisappid*): each
// endpoint checks begin_date and end_date (yyyymmdd, end before today) by
// its documented rule (daily: one day; weekly: Monday to Sunday; monthly:
// a whole month; user portrait: 1, 7 or 30 days) and answers 61500 (date
// format error) or 61501 (date range error); the answers are the fixed
// data of the docs' examples with ref_date set from the request.
// /wxa/business/performance/boot needs module and time and answers its
// tables as a JSON string in body, as WeChat does.
func init() {
	stdMessages[CodeDateFormat] = "date format error"
	stdMessages[CodeDateRange] = "date range error"
	builtin = append(builtin, registerMPDatacube)
}

// Errcodes of the datacube endpoints.
const (
	CodeDateFormat = 61500
	CodeDateRange  = 61501
)

type mpCube struct {
	name string
	span int // 0 day, 1 week, 2 month, 3 portrait
	ref  func(b, e time.Time) string
	data func(ref string) M
}

var mpCubes = func() []mpCube {
	day := func(b, e time.Time) string { return b.Format("20060102") }
	week := func(b, e time.Time) string { return b.Format("20060102") + "-" + e.Format("20060102") }
	month := func(b, e time.Time) string { return b.Format("200601") }
	trend := func(ref string) M {
		return M{"list": []M{{"ref_date": ref, "session_cnt": 142549, "visit_pv": 472351, "visit_uv": 55500, "visit_uv_new": 5464,
			"stay_time_uv": 8.5, "stay_time_session": 2.2, "visit_depth": 3.4}}}
	}
	retain := func(ref string) M {
		return M{"ref_date": ref, "visit_uv_new": []M{{"key": 0, "value": 5464}}, "visit_uv": []M{{"key": 0, "value": 55500}}}
	}
	portrait := M{"index": 0, "province": []M{{"id": 31, "name": "广东省", "value": 1}}, "city": []M{{"id": 3102, "name": "广州", "value": 1}},
		"genders": []M{{"id": 1, "name": "男", "value": 1}}, "platforms": []M{{"id": 1, "name": "iPhone", "value": 1}},
		"devices": []M{{"name": "OPPO R9", "value": 1}}, "ages": []M{{"id": 1, "name": "17岁以下", "value": 1}}}
	return []mpCube{
		{"getweanalysisappiddailysummarytrend", 0, day, func(ref string) M {
			return M{"list": []M{{"ref_date": ref, "visit_total": 391, "share_pv": 572, "share_uv": 383}}}
		}},
		{"getweanalysisappiddailyvisittrend", 0, day, trend},
		{"getweanalysisappidweeklyvisittrend", 1, week, trend},
		{"getweanalysisappidmonthlyvisittrend", 2, month, trend},
		{"getweanalysisappiddailyretaininfo", 0, day, retain},
		{"getweanalysisappidweeklyretaininfo", 1, week, retain},
		{"getweanalysisappidmonthlyretaininfo", 2, month, retain},
		{"getweanalysisappidvisitdistribution", 0, day, func(ref string) M {
			return M{"ref_date": ref, "list": []M{
				{"index": "access_source_session_cnt", "item_list": []M{{"key": 10, "value": 5, "access_source_visit_uv": 3}, {"key": 8, "value": 72}}},
				{"index": "access_staytime_info", "item_list": []M{{"key": 8, "value": 16}}},
				{"index": "access_depth_info", "item_list": []M{{"key": 2, "value": 161}}}}}
		}},
		{"getweanalysisappidvisitpage", 0, day, func(ref string) M {
			return M{"ref_date": ref, "list": []M{{"page_path": "pages/main/main.html", "page_visit_pv": 213429, "page_visit_uv": 55423,
				"page_staytime_pv": 8.139198, "entrypage_pv": 117922, "exitpage_pv": 61304, "page_share_pv": 180, "page_share_uv": 166}}}
		}},
		{"getweanalysisappiduserportrait", 3, week, func(ref string) M {
			return M{"ref_date": ref, "visit_uv_new": portrait, "visit_uv": portrait}
		}},
	}
}()

// cubeDates checks the dates of a datacube request by span.
func cubeDates(r *Request, span int) (time.Time, time.Time, *Error) {
	var in struct {
		BeginDate string `json:"begin_date"`
		EndDate   string `json:"end_date"`
	}
	if err := r.Decode(&in); err != nil {
		return time.Time{}, time.Time{}, err.(*Error)
	}
	b, err1 := time.Parse("20060102", in.BeginDate)
	e, err2 := time.Parse("20060102", in.EndDate)
	if err1 != nil || err2 != nil {
		return b, e, ErrCode(CodeDateFormat)
	}
	y, m, d := r.Now().Date()
	today := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	ok := e.Before(today) && !e.Before(b)
	switch span {
	case 0:
		ok = ok && e.Equal(b)
	case 1:
		ok = ok && b.Weekday() == time.Monday && e.Equal(b.AddDate(0, 0, 6))
	case 2:
		ok = ok && b.Day() == 1 && e.Equal(b.AddDate(0, 1, -1))
	case 3:
		n := e.Sub(b) / (24 * time.Hour)
		ok = ok && (n == 0 || n == 6 || n == 29)
	}
	if !ok {
		return b, e, ErrCode(CodeDateRange)
	}
	return b, e, nil
}

func registerMPDatacube(s *Server) {
	for _, c := range mpCubes {
		s.HandleJSON("POST /datacube/"+c.name, func(r *Request) (any, error) {
			b, e, err := cubeDates(r, c.span)
			if err != nil {
				return nil, err
			}
			return OK(c.data(c.ref(b, e))), nil
		})
	}
	s.HandleJSON("POST /wxa/business/performance/boot", func(r *Request) (any, error) {
		var in struct {
			Module string `json:"module"`
			Time   *struct {
				BeginTimestamp int64 `json:"begin_timestamp"`
				EndTimestamp   int64 `json:"end_timestamp"`
			} `json:"time"`
			Params []struct {
				Field string `json:"field"`
				Value string `json:"value"`
			} `json:"params"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		if in.Module == "" || in.Time == nil || in.Time.BeginTimestamp <= 0 || in.Time.EndTimestamp < in.Time.BeginTimestamp || in.Params == nil {
			return nil, ErrCode(CodeInvalidArgs)
		}
		day := time.Unix(in.Time.BeginTimestamp, 0).UTC().Format("20060102")
		body, _ := json.Marshal(M{"tables": []M{{"id": "firstrender", "zh": "启动总耗时", "lines": []M{{"fields": []M{{"refdate": day, "value": "2324.19"}}}}}}, "count": 1})
		return OK(M{"body": string(body)}), nil
	})
}
