package work

import (
	"context"
	"iter"

	wechat "github.com/weixin-go/wechat"
)

var (
	healthStat    = epPost("/cgi-bin/health/get_health_report_stat")
	healthJobIDs  = epPost("/cgi-bin/health/get_report_jobids")
	healthJobInfo = epPost("/cgi-bin/health/get_report_job_info")
	healthAnswers = epPost("/cgi-bin/health/get_report_answer")
)

// MaxHealthPage is the largest page of report job ids and answers.
const MaxHealthPage = 100

// HealthReportStat is how much the health-report app was used on a day.
type HealthReportStat struct {
	PV int64 `json:"pv"` // uses
	UV int64 `json:"uv"` // members who used it
}

// Stat returns the use of the health-report app on date ("2006-01-02",
// at most 30 days ago).
// https://developer.work.weixin.qq.com/document/path/93676
func (s *HealthService) Stat(ctx context.Context, date string) (*HealthReportStat, error) {
	if err := needB("date", date); err != nil {
		return nil, err
	}
	return callB[HealthReportStat](ctx, s.c, healthStat, nil, struct {
		Date string `json:"date"`
	}{date})
}

func checkHealthPage(offset, limit int) error {
	if offset < 0 {
		return paramErr("offset", "not negative")
	}
	if limit < 0 || limit > MaxHealthPage {
		return paramErr("limit", "at most 100")
	}
	return nil
}

// HealthJobIDPage is one page of the ids of running report jobs; Ending
// is 1 on the last page.
type HealthJobIDPage struct {
	Ending int      `json:"ending"`
	JobIDs []string `json:"jobids"`
}

// JobIDs returns one page (offset, limit 1 to 100, 0 for the default 100)
// of the ids of the corp's running report jobs.
// https://developer.work.weixin.qq.com/document/path/93677
func (s *HealthService) JobIDs(ctx context.Context, offset, limit int) (*HealthJobIDPage, error) {
	if err := checkHealthPage(offset, limit); err != nil {
		return nil, err
	}
	return callB[HealthJobIDPage](ctx, s.c, healthJobIDs, nil, struct {
		Offset int `json:"offset"`
		Limit  int `json:"limit,omitempty"`
	}{offset, limit})
}

// AllJobIDs iterates over the ids of every running report job, limit
// (0 for the default 100) at a time.
func (s *HealthService) AllJobIDs(ctx context.Context, limit int) iter.Seq2[string, error] {
	return wechat.OffsetPages(ctx, limit, func(ctx context.Context, offset, count int) ([]string, int, error) {
		p, err := s.JobIDs(ctx, offset, count)
		if err != nil {
			return nil, 0, err
		}
		total := offset + len(p.JobIDs)
		if p.Ending != 1 {
			total++ // more to come
		}
		return p.JobIDs, total, nil
	})
}

// HealthOption is a choice of a question.
type HealthOption struct {
	OptionID   int    `json:"option_id"`
	OptionText string `json:"option_text"`
}

// HealthQuestion is a question of a report job.
type HealthQuestion struct {
	QuestionID   int            `json:"question_id"`
	Title        string         `json:"title"`
	QuestionType int            `json:"question_type"`
	IsRequired   int            `json:"is_required"`
	OptionList   []HealthOption `json:"option_list,omitempty"`
}

// HealthJob is a report job on a day. Type 1 collects from members, 2 from
// parents (then ApplyRange holds students and school departments).
type HealthJob struct {
	Title      string `json:"title"`
	Creator    string `json:"creator"`
	Type       int    `json:"type"`
	ApplyRange struct {
		UserIDs  []string `json:"userids"`
		PartyIDs []int64  `json:"partyids"`
	} `json:"apply_range"`
	ReportTo struct {
		UserIDs []string `json:"userids"`
	} `json:"report_to"`
	ReportType        int              `json:"report_type"`
	SkipWeekend       int              `json:"skip_weekend"`
	FinishCnt         int              `json:"finish_cnt"`
	QuestionTemplates []HealthQuestion `json:"question_templates"`
}

type healthJobDay struct {
	JobID string `json:"jobid"`
	Date  string `json:"date"`
}

func (d healthJobDay) check() error { return needB("jobid", d.JobID, "date", d.Date) }

// JobInfo returns a report job as it was on date ("2006-01-02", within the
// last 14 days).
// https://developer.work.weixin.qq.com/document/path/93678
func (s *HealthService) JobInfo(ctx context.Context, jobID, date string) (*HealthJob, error) {
	body := healthJobDay{jobID, date}
	if err := body.check(); err != nil {
		return nil, err
	}
	out, err := callB[struct {
		JobInfo HealthJob `json:"job_info"`
	}](ctx, s.c, healthJobInfo, nil, body)
	if err != nil {
		return nil, err
	}
	return &out.JobInfo, nil
}

// HealthValue is the answer to one question: SingleChoice, Text,
// MultiChoice or FileID depending on the question type.
type HealthValue struct {
	QuestionID   int      `json:"question_id"`
	SingleChoice int      `json:"single_choice,omitempty"`
	Text         string   `json:"text,omitempty"`
	MultiChoice  []int    `json:"multi_choice,omitempty"`
	FileID       []string `json:"fileid,omitempty"`
}

// HealthAnswer is what someone reported: a member (IDType 1, UserID) or a
// parent for a student (IDType 2, ParentUserID and StudentUserID).
type HealthAnswer struct {
	IDType        int           `json:"id_type"`
	UserID        string        `json:"userid,omitempty"`
	StudentUserID string        `json:"student_userid,omitempty"`
	ParentUserID  string        `json:"parent_userid,omitempty"`
	ReportTime    int64         `json:"report_time"`
	ReportValues  []HealthValue `json:"report_values"`
}

// Answers returns one page (offset, limit up to 100) of the answers to a
// report job on date ("2006-01-02", within the last 14 days).
// https://developer.work.weixin.qq.com/document/path/93679
func (s *HealthService) Answers(ctx context.Context, jobID, date string, offset, limit int) ([]HealthAnswer, error) {
	day := healthJobDay{jobID, date}
	if err := day.check(); err != nil {
		return nil, err
	}
	if err := checkHealthPage(offset, limit); err != nil {
		return nil, err
	}
	out, err := callB[struct {
		Answers []HealthAnswer `json:"answers"`
	}](ctx, s.c, healthAnswers, nil, struct {
		healthJobDay
		Offset int `json:"offset"`
		Limit  int `json:"limit,omitempty"`
	}{day, offset, limit})
	if err != nil {
		return nil, err
	}
	return out.Answers, nil
}
