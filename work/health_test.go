package work_test

import (
	"context"
	"testing"
	"time"

	"github.com/weixin-go/wechat/fakewechat"
)

func TestHealth(t *testing.T) {
	ctx := context.Background()
	srv, a := newBAgent(t, fakewechat.WithClock(frozenClock))
	cst := time.FixedZone("CST", 8*3600)
	today := srv.Now().In(cst).Format(time.DateOnly)
	old := srv.Now().In(cst).AddDate(0, 0, -20).Format(time.DateOnly)

	st, err := a.Health.Stat(ctx, old)
	if err != nil {
		t.Fatal(err)
	}
	if st.PV != 100 || st.UV != 50 {
		t.Errorf("stat %+v", st)
	}
	if b := rawB(t, srv, "POST /cgi-bin/health/get_health_report_stat"); b != `{"date":"`+old+`"}` {
		t.Errorf("stat body %s", b)
	}
	_, err = a.Health.Stat(ctx, "2020-03-27") // more than 30 days ago
	apiCodeB(t, err, 40058)

	p, err := a.Health.JobIDs(ctx, 0, 2)
	if err != nil {
		t.Fatal(err)
	}
	if p.Ending != 0 || len(p.JobIDs) != 2 || p.JobIDs[0] != "jobid1" {
		t.Errorf("page %+v", p)
	}
	if b := rawB(t, srv, "POST /cgi-bin/health/get_report_jobids"); b != `{"offset":0,"limit":2}` {
		t.Errorf("jobids body %s", b)
	}
	var all []string
	for id, err := range a.Health.AllJobIDs(ctx, 2) {
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, id)
	}
	if len(all) != len(fakewechat.WeComHealthJobIDs) || all[2] != "jobid3" {
		t.Errorf("all %v", all)
	}

	job, err := a.Health.JobInfo(ctx, "jobid1", today)
	if err != nil {
		t.Fatal(err)
	}
	if job.Title == "" || job.Type != 1 || len(job.ApplyRange.UserIDs) != 2 || len(job.QuestionTemplates) != 2 ||
		len(job.QuestionTemplates[0].OptionList) != 2 || job.QuestionTemplates[0].OptionList[1].OptionText != "没有" {
		t.Errorf("job %+v", job)
	}
	if b := rawB(t, srv, "POST /cgi-bin/health/get_report_job_info"); b != `{"jobid":"jobid1","date":"`+today+`"}` {
		t.Errorf("job body %s", b)
	}
	_, err = a.Health.JobInfo(ctx, "jobid1", old) // more than 14 days ago
	apiCodeB(t, err, 40058)
	_, err = a.Health.JobInfo(ctx, "nope", today)
	apiCodeB(t, err, 40058)

	ans, err := a.Health.Answers(ctx, "jobid2", today, 1, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(ans) != 1 || ans[0].IDType != 1 || ans[0].UserID != fakewechat.WeComSeedUser2 || len(ans[0].ReportValues) != 2 ||
		ans[0].ReportValues[0].SingleChoice != 2 || ans[0].ReportValues[1].Text == "" {
		t.Errorf("answers %+v", ans)
	}
	if b := rawB(t, srv, "POST /cgi-bin/health/get_report_answer"); b != `{"jobid":"jobid2","date":"`+today+`","offset":1,"limit":10}` {
		t.Errorf("answers body %s", b)
	}

	n := len(srv.Requests())
	_, err = a.Health.Stat(ctx, "")
	paramErrB(t, srv, n, err, "date")
	_, err = a.Health.JobIDs(ctx, -1, 0)
	paramErrB(t, srv, n, err, "offset")
	_, err = a.Health.JobIDs(ctx, 0, 101)
	paramErrB(t, srv, n, err, "limit")
	_, err = a.Health.JobInfo(ctx, "", today)
	paramErrB(t, srv, n, err, "jobid")
	_, err = a.Health.Answers(ctx, "jobid1", "", 0, 0)
	paramErrB(t, srv, n, err, "date")
	_, err = a.Health.Answers(ctx, "jobid1", today, 0, 200)
	paramErrB(t, srv, n, err, "limit")
}
