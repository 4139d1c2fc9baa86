package work_test

import (
	"context"
	"testing"

	"github.com/weixin-go/wechat/work"
)

func TestCustomerStrategy(t *testing.T) {
	ctx := context.Background()
	srv, a := newBAgent(t)
	id, err := a.CustomerStrategy.Create(ctx, &work.Strategy[work.CustomerPrivilege]{StrategyName: "销售", AdminList: []string{"zhangsan"},
		Privilege: &work.CustomerPrivilege{ViewCustomerList: true, SendGroupMsg: true},
		Range:     []work.StrategyRange{{Type: 1, UserID: "lisi"}, {Type: 2, PartyID: 3}}})
	if err != nil {
		t.Fatal(err)
	}
	b := bodyB(t, srv, "POST /cgi-bin/externalcontact/customer_strategy/create")
	if p := b["privilege"].(map[string]any); p["view_customer_list"] != true || p["contact_me"] != false || b["strategy_id"] != nil || len(b["range"].([]any)) != 2 {
		t.Errorf("create body %v", b)
	}
	id2 := mustB[int64](t)(a.CustomerStrategy.Create(ctx, &work.Strategy[work.CustomerPrivilege]{StrategyName: "客服", AdminList: []string{"a"}}))
	if id <= 0 || id2 == id {
		t.Fatalf("ids %d %d", id, id2)
	}
	st, err := a.CustomerStrategy.Get(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if st.StrategyID != id || st.StrategyName != "销售" || !st.Privilege.SendGroupMsg || st.Privilege.ContactMe || st.CreateTime == 0 || len(st.Range) != 0 {
		t.Errorf("strategy %+v", st)
	}
	err = a.CustomerStrategy.Edit(ctx, &work.StrategyEdit[work.CustomerPrivilege]{StrategyID: id, StrategyName: "大客户",
		RangeAdd: []work.StrategyRange{{Type: 1, UserID: "wangwu"}}, RangeDel: []work.StrategyRange{{Type: 2, PartyID: 3}}})
	if err != nil {
		t.Fatal(err)
	}
	r := mustB[*work.StrategyRangePage](t)(a.CustomerStrategy.Range(ctx, id, "", 1))
	if len(r.Range) != 1 || r.Range[0].UserID != "lisi" || r.NextCursor == "" {
		t.Fatalf("range %+v", r)
	}
	r = mustB[*work.StrategyRangePage](t)(a.CustomerStrategy.Range(ctx, id, r.NextCursor, 1))
	if len(r.Range) != 1 || r.Range[0].UserID != "wangwu" || r.NextCursor != "" {
		t.Errorf("range 2 %+v", r)
	}
	if st := mustB[*work.Strategy[work.CustomerPrivilege]](t)(a.CustomerStrategy.Get(ctx, id)); st.StrategyName != "大客户" {
		t.Errorf("after edit %+v", st)
	}
	p := mustB[*work.StrategyPage](t)(a.CustomerStrategy.List(ctx, "", 1))
	if ids := p.IDs(); len(ids) != 1 || ids[0] != id || p.NextCursor == "" {
		t.Errorf("list %+v", p)
	}
	var all []int64
	for sid, err := range a.CustomerStrategy.All(ctx, 1) {
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, sid)
	}
	if len(all) != 2 || all[1] != id2 {
		t.Errorf("all %v", all)
	}
	if err := a.CustomerStrategy.Delete(ctx, id2); err != nil {
		t.Fatal(err)
	}
	_, err = a.CustomerStrategy.Get(ctx, id2)
	apiCodeB(t, err, 40058)
	apiCodeB(t, a.CustomerStrategy.Edit(ctx, &work.StrategyEdit[work.CustomerPrivilege]{StrategyID: id2}), 40058)

	n := len(srv.Requests())
	_, err = a.CustomerStrategy.Create(ctx, &work.Strategy[work.CustomerPrivilege]{AdminList: []string{"a"}})
	paramErrB(t, srv, n, err, "strategy_name")
	_, err = a.CustomerStrategy.Create(ctx, &work.Strategy[work.CustomerPrivilege]{StrategyName: "x"})
	paramErrB(t, srv, n, err, "admin_list")
	_, err = a.CustomerStrategy.List(ctx, "", 1001)
	paramErrB(t, srv, n, err, "limit")
	_, err = a.CustomerStrategy.Range(ctx, 0, "", 0)
	paramErrB(t, srv, n, err, "strategy_id")
	paramErrB(t, srv, n, a.CustomerStrategy.Delete(ctx, 0), "strategy_id")
	paramErrB(t, srv, n, a.CustomerStrategy.Edit(ctx, nil), "strategy_id")
}
