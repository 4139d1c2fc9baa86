package fakewechat

import (
	"slices"
	"time"
)

func init() { builtin = append(builtin, registerWeComHealth) }

// WeComHealthJobIDs are the running health-report jobs of every fake corp.
var WeComHealthJobIDs = []string{"jobid1", "jobid2", "jobid3"}

// wcHealthDate parses date ("2006-01-02") and answers 40058 unless it is
// within maxDays days before the request (China time).
func wcHealthDate(r *Request, date string, maxDays int) *Error {
	cst := time.FixedZone("CST", 8*3600)
	d, err := time.ParseInLocation(time.DateOnly, date, cst)
	now := r.Now().In(cst)
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, cst)
	if err != nil || d.After(today) || d.Before(today.AddDate(0, 0, -maxDays)) {
		return Errorf(wcCodeInvalidParameter, "invalid date")
	}
	return nil
}

// wcOffsetPage cuts items[offset:offset+limit] (limit 0 is max; a negative
// offset or a limit over max answers 40058) and tells whether it is the end.
func wcOffsetPage[T any](in M, items []T, max int) ([]T, bool, *Error) {
	off, limit := wcInt(in, "offset"), wcInt(in, "limit")
	if off < 0 || limit < 0 || limit > max {
		return nil, false, Errorf(wcCodeInvalidParameter, "invalid offset or limit")
	}
	if limit == 0 {
		limit = max
	}
	off = min(off, len(items))
	end := min(off+limit, len(items))
	return items[off:end], end == len(items), nil
}

// Health reports, https://developer.work.weixin.qq.com/document/path/93676
// to 93679: fixed data in the docs' example shapes.
func registerWeComHealth(s *Server) {
	s.HandleJSON(WeComPath("POST /cgi-bin/health/get_health_report_stat"), func(r *Request) (any, error) {
		in, err := r.JSON()
		if err != nil {
			return nil, err
		}
		if e := wcHealthDate(r, wcStr(in, "date"), 30); e != nil {
			return nil, e
		}
		return OK(M{"pv": 100, "uv": 50}), nil
	})
	s.HandleJSON(WeComPath("POST /cgi-bin/health/get_report_jobids"), func(r *Request) (any, error) {
		in, err := r.JSON()
		if err != nil {
			return nil, err
		}
		ids, end, e := wcOffsetPage(in, WeComHealthJobIDs, 100)
		if e != nil {
			return nil, e
		}
		ending := 0
		if end {
			ending = 1
		}
		return OK(M{"ending": ending, "jobids": ids}), nil
	})
	// job checks jobid (a WeComHealthJobIDs one) and date (last 14 days).
	job := func(r *Request) (M, error) {
		in, err := r.JSON()
		if err != nil {
			return nil, err
		}
		if !slices.Contains(WeComHealthJobIDs, wcStr(in, "jobid")) {
			return nil, Errorf(wcCodeInvalidParameter, "invalid jobid")
		}
		if e := wcHealthDate(r, wcStr(in, "date"), 14); e != nil {
			return nil, e
		}
		return in, nil
	}
	s.HandleJSON(WeComPath("POST /cgi-bin/health/get_report_job_info"), func(r *Request) (any, error) {
		if _, err := job(r); err != nil {
			return nil, err
		}
		return OK(M{"job_info": M{"title": "职工收集任务", "creator": WeComSeedUser1, "type": 1,
			"apply_range": M{"userids": []string{WeComSeedUser1, WeComSeedUser2}, "partyids": []int{1}},
			"report_to":   M{"userids": []string{WeComSeedUser1}}, "report_type": 1, "skip_weekend": 0, "finish_cnt": 2,
			"question_templates": []M{
				{"question_id": 1, "title": "请问你有任何身体不适吗?", "question_type": 2, "is_required": 1,
					"option_list": []M{{"option_id": 1, "option_text": "有"}, {"option_id": 2, "option_text": "没有"}}},
				{"question_id": 2, "title": "常驻地址", "question_type": 1, "is_required": 0},
			}}}), nil
	})
	s.HandleJSON(WeComPath("POST /cgi-bin/health/get_report_answer"), func(r *Request) (any, error) {
		in, err := job(r)
		if err != nil {
			return nil, err
		}
		answers := []M{
			{"id_type": 1, "userid": WeComSeedUser1, "report_time": 1585267200, "report_values": []M{
				{"question_id": 1, "single_choice": 2}, {"question_id": 2, "text": "广东省广州市"}}},
			{"id_type": 1, "userid": WeComSeedUser2, "report_time": 1585270800, "report_values": []M{
				{"question_id": 1, "single_choice": 2}, {"question_id": 2, "text": "广东省深圳市"}}},
		}
		page, _, e := wcOffsetPage(in, answers, 100)
		if e != nil {
			return nil, e
		}
		return OK(M{"answers": page}), nil
	})
}
