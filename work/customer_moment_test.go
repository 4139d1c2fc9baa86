package work_test

import (
	"context"
	"testing"

	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/work"
)

func TestCustomerMoment(t *testing.T) {
	ctx := context.Background()
	srv, a := newBAgent(t)
	ids := seedCustomersB(srv, 3)
	for i, id := range []string{"mom1", "mom2", "mom3"} {
		srv.AddWeComMoment(corpB, fakewechat.WeComMoment{MomentID: id, Creator: "admin", CreateTime: 1700000000 + int64(i), Text: "文案" + id,
			Users: []string{"zhangsan", "lisi"}, Published: []string{"lisi"},
			Comments: []fakewechat.WeComMomentComment{{UserID: "lisi", ExternalUserID: ids[0], CreateTime: 1700000100}, {UserID: "lisi", ExternalUserID: ids[2], CreateTime: 1700000200, Like: true}}})
	}
	q := work.MomentQuery{StartTime: 1699990000, EndTime: 1700010000, Limit: 2}
	p, err := a.CustomerMoment.List(ctx, &q)
	if err != nil {
		t.Fatal(err)
	}
	if raw := rawB(t, srv, "POST /cgi-bin/externalcontact/get_moment_list"); raw != `{"start_time":1699990000,"end_time":1700010000,"limit":2}` {
		t.Errorf("body %s", raw)
	}
	if len(p.Moments) != 2 || p.Moments[0].MomentID != "mom1" || p.Moments[0].Text.Content != "文案mom1" || p.Moments[1].CreateTime != 1700000001 {
		t.Fatalf("page %+v", p)
	}
	var got []string
	for m, err := range a.CustomerMoment.All(ctx, q) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, m.MomentID)
	}
	if len(got) != 3 || got[2] != "mom3" {
		t.Errorf("all %v", got)
	}
	tasks := mustB[*work.MomentTaskPage](t)(a.CustomerMoment.Tasks(ctx, "mom1", "", 0))
	if len(tasks.Tasks) != 2 || tasks.Tasks[0].PublishStatus != 0 || tasks.Tasks[1].UserID != "lisi" || tasks.Tasks[1].PublishStatus != 1 {
		t.Errorf("tasks %+v", tasks)
	}
	cs := mustB[*work.MomentCustomerPage](t)(a.CustomerMoment.Customers(ctx, "mom1", "zhangsan", "", 2))
	if b := bodyB(t, srv, "POST /cgi-bin/externalcontact/get_moment_customer_list"); b["userid"] != "zhangsan" || b["limit"] != float64(2) {
		t.Errorf("customers body %v", b)
	}
	if len(cs.Customers) != 2 || cs.Customers[0].ExternalUserID != ids[0] || cs.Customers[0].UserID != "zhangsan" || cs.NextCursor == "" {
		t.Errorf("customers %+v", cs)
	}
	sent := mustB[*work.MomentCustomerPage](t)(a.CustomerMoment.SendResults(ctx, "mom1", "lisi", "", 0))
	if len(sent.Customers) != 2 || sent.Customers[1].ExternalUserID != ids[2] || sent.Customers[0].UserID != "" {
		t.Errorf("sent %+v", sent)
	}
	if sent := mustB[*work.MomentCustomerPage](t)(a.CustomerMoment.SendResults(ctx, "mom1", "zhangsan", "", 0)); len(sent.Customers) != 0 {
		t.Errorf("unpublished sent %+v", sent)
	}
	cm := mustB[*work.MomentComments](t)(a.CustomerMoment.Comments(ctx, "mom2", "lisi"))
	if len(cm.Comments) != 1 || cm.Comments[0].ExternalUserID != ids[0] || len(cm.Likes) != 1 || cm.Likes[0].CreateTime != 1700000200 {
		t.Errorf("comments %+v", cm)
	}
	_, err = a.CustomerMoment.Tasks(ctx, "nope", "", 0)
	apiCodeB(t, err, 40058)
	_, err = a.CustomerMoment.List(ctx, &work.MomentQuery{StartTime: 1, EndTime: 1 + 40*86400})
	apiCodeB(t, err, 40058)

	n := len(srv.Requests())
	_, err = a.CustomerMoment.List(ctx, &work.MomentQuery{})
	paramErrB(t, srv, n, err, "start_time")
	_, err = a.CustomerMoment.Tasks(ctx, "", "", 0)
	paramErrB(t, srv, n, err, "moment_id")
	_, err = a.CustomerMoment.Customers(ctx, "m", "", "", 0)
	paramErrB(t, srv, n, err, "userid")
	_, err = a.CustomerMoment.SendResults(ctx, "", "u", "", 0)
	paramErrB(t, srv, n, err, "moment_id")
	_, err = a.CustomerMoment.Comments(ctx, "m", "")
	paramErrB(t, srv, n, err, "userid")
}

func TestCustomerMomentStrategy(t *testing.T) {
	ctx := context.Background()
	srv, a := newBAgent(t)
	id, err := a.CustomerMoment.CreateStrategy(ctx, &work.Strategy[work.MomentPrivilege]{StrategyName: "朋友圈", AdminList: []string{"zhangsan"},
		Privilege: &work.MomentPrivilege{SendMoment: true}, Range: []work.StrategyRange{{Type: 1, UserID: "lisi"}}})
	if err != nil {
		t.Fatal(err)
	}
	if b := bodyB(t, srv, "POST /cgi-bin/externalcontact/moment_strategy/create"); b["privilege"].(map[string]any)["send_moment"] != true {
		t.Errorf("body %v", b)
	}
	st := mustB[*work.Strategy[work.MomentPrivilege]](t)(a.CustomerMoment.Strategy(ctx, id))
	if st.StrategyName != "朋友圈" || !st.Privilege.SendMoment || st.Privilege.ViewMomentList {
		t.Errorf("strategy %+v", st)
	}
	if err := a.CustomerMoment.EditStrategy(ctx, &work.StrategyEdit[work.MomentPrivilege]{StrategyID: id, RangeDel: []work.StrategyRange{{Type: 1, UserID: "lisi"}}}); err != nil {
		t.Fatal(err)
	}
	if r := mustB[*work.StrategyRangePage](t)(a.CustomerMoment.StrategyRange(ctx, id, "", 0)); len(r.Range) != 0 {
		t.Errorf("range %+v", r)
	}
	if p := mustB[*work.StrategyPage](t)(a.CustomerMoment.Strategies(ctx, "", 0)); len(p.IDs()) != 1 {
		t.Errorf("list %+v", p)
	}
	// customer and moment rule groups are separate
	if p := mustB[*work.StrategyPage](t)(a.CustomerStrategy.List(ctx, "", 0)); len(p.IDs()) != 0 {
		t.Errorf("customer strategies %+v", p)
	}
	n := 0
	for _, err := range a.CustomerMoment.AllStrategies(ctx, 0) {
		if err != nil {
			t.Fatal(err)
		}
		n++
	}
	if n != 1 {
		t.Errorf("all = %d", n)
	}
	if err := a.CustomerMoment.DeleteStrategy(ctx, id); err != nil {
		t.Fatal(err)
	}
	apiCodeB(t, a.CustomerMoment.DeleteStrategy(ctx, id), 40058)
}
