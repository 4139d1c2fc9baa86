package work_test

import (
	"context"
	"testing"

	"github.com/weixin-go/wechat/work"
)

func TestVacation(t *testing.T) {
	ctx := context.Background()
	srv, a := newBAgent(t)
	srv.SetWeComVacationConfigs(corpB, map[int]string{1: "年假", 2: "事假"})
	cfgs, err := a.Vacation.Configs(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(cfgs) != 2 || cfgs[0].Name != "年假" || cfgs[1].ID != 2 || cfgs[0].PerdayDuration != 86400 || cfgs[0].QuotaAttr.Type != 1 {
		t.Errorf("configs %+v", cfgs)
	}
	if err := a.Vacation.SetUserQuota(ctx, &work.QuotaChange{UserID: "zhangsan", VacationID: 1, LeftDuration: 432000, Remarks: "调整"}); err != nil {
		t.Fatal(err)
	}
	if raw := rawB(t, srv, "POST /cgi-bin/oa/vacation/setoneuserquota"); raw != `{"userid":"zhangsan","vacation_id":1,"leftduration":432000,"time_attr":0,"remarks":"调整"}` {
		t.Errorf("set body %s", raw)
	}
	q := mustB[[]work.VacationQuota](t)(a.Vacation.UserQuota(ctx, "zhangsan"))
	if len(q) != 2 || q[0].LeftDuration != 432000 || q[0].VacationName != "年假" || q[1].LeftDuration != 0 {
		t.Errorf("quota %+v", q)
	}
	apiCodeB(t, a.Vacation.SetUserQuota(ctx, &work.QuotaChange{UserID: "zhangsan", VacationID: 9}), 40058)
	n := len(srv.Requests())
	paramErrB(t, srv, n, a.Vacation.SetUserQuota(ctx, &work.QuotaChange{UserID: "a"}), "vacation_id")
	paramErrB(t, srv, n, a.Vacation.SetUserQuota(ctx, &work.QuotaChange{UserID: "a", VacationID: 1, TimeAttr: 2}), "leftduration")
	paramErrB(t, srv, n, a.Vacation.SetUserQuota(ctx, nil), "userid")
	_, err = a.Vacation.UserQuota(ctx, "")
	paramErrB(t, srv, n, err, "userid")

}
