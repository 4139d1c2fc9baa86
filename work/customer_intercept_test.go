package work_test

import (
	"context"
	"strings"
	"testing"

	"github.com/weixin-go/wechat/work"
)

func TestCustomerIntercept(t *testing.T) {
	ctx := context.Background()
	srv, a := newBAgent(t)
	ic := a.CustomerIntercept
	id, err := ic.Add(ctx, &work.InterceptRule{RuleID: "ignored", RuleName: "金融 & 诈骗", WordList: []string{"转账", "<刷单>"},
		SemanticsList: []int{work.InterceptPhoneNumber, work.InterceptRedPacket}, ExtraRule: &work.InterceptExtraRule{SemanticsList: []int{2}}, CreateTime: 9,
		InterceptType: work.InterceptWarnAndBlock, ApplicableRange: &work.InterceptRange{UserList: []string{"zhangsan"}, DepartmentList: []int64{2, 3}}})
	if err != nil {
		t.Fatal(err)
	}
	if raw := rawB(t, srv, "POST /cgi-bin/externalcontact/add_intercept_rule"); raw != `{"rule_name":"金融 & 诈骗","word_list":["转账","<刷单>"],"semantics_list":[1,3],"intercept_type":1,"applicable_range":{"user_list":["zhangsan"],"department_list":[2,3]}}` {
		t.Errorf("add body %s", raw)
	}
	if id == "" {
		t.Fatal("no rule id")
	}
	r, err := ic.Get(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if r.RuleID.String() != id || r.RuleName != "金融 & 诈骗" || len(r.WordList) != 2 || r.WordList[1] != "<刷单>" || r.ExtraRule == nil ||
		len(r.ExtraRule.SemanticsList) != 2 || r.ExtraRule.SemanticsList[1] != 3 || r.InterceptType != 1 || r.ApplicableRange.DepartmentList[1] != 3 || r.CreateTime == 0 {
		t.Errorf("rule %+v", r)
	}
	if err := ic.Update(ctx, &work.InterceptRuleUpdate{RuleID: id, RuleName: "改名", ExtraRule: &work.InterceptExtraRule{SemanticsList: []int{}},
		InterceptType: work.InterceptWarnOnly, AddApplicableRange: &work.InterceptRange{UserList: []string{"lisi"}},
		RemoveApplicableRange: &work.InterceptRange{UserList: []string{"zhangsan"}, DepartmentList: []int64{2}}}); err != nil {
		t.Fatal(err)
	}
	if b := bodyB(t, srv, "POST /cgi-bin/externalcontact/update_intercept_rule"); b["word_list"] != nil || b["extra_rule"].(map[string]any)["semantics_list"] == nil {
		t.Errorf("update body %v", b)
	}
	r = mustB[*work.InterceptRule](t)(ic.Get(ctx, id))
	if r.RuleName != "改名" || r.InterceptType != 2 || len(r.ExtraRule.SemanticsList) != 0 || len(r.WordList) != 2 ||
		strings.Join(r.ApplicableRange.UserList, ",") != "lisi" || len(r.ApplicableRange.DepartmentList) != 1 || r.ApplicableRange.DepartmentList[0] != 3 {
		t.Errorf("updated %+v %+v", r, r.ApplicableRange)
	}
	id2 := mustB[string](t)(ic.Add(ctx, &work.InterceptRule{RuleName: "二", WordList: []string{"x"}, InterceptType: 2, ApplicableRange: &work.InterceptRange{DepartmentList: []int64{1}}}))
	list := mustB[[]work.InterceptRuleSummary](t)(ic.List(ctx))
	if len(list) != 2 || list[0].RuleID.String() != id || list[0].RuleName != "改名" || list[1].RuleID.String() != id2 || list[1].CreateTime == 0 {
		t.Errorf("list %+v", list)
	}
	if err := ic.Delete(ctx, id2); err != nil {
		t.Fatal(err)
	}
	_, err = ic.Get(ctx, id2)
	apiCodeB(t, err, 40058)
	apiCodeB(t, ic.Delete(ctx, id2), 40058)
	apiCodeB(t, ic.Update(ctx, &work.InterceptRuleUpdate{RuleID: id2, RuleName: "x"}), 40058)
	if l := mustB[[]work.InterceptRuleSummary](t)(ic.List(ctx)); len(l) != 1 {
		t.Errorf("list after delete %+v", l)
	}

	n := len(srv.Requests())
	rng := &work.InterceptRange{UserList: []string{"a"}}
	for _, c := range []struct {
		r   *work.InterceptRule
		arg string
	}{
		{nil, "rule_name"},
		{&work.InterceptRule{RuleName: strings.Repeat("名", 21), WordList: []string{"x"}, InterceptType: 1, ApplicableRange: rng}, "rule_name"},
		{&work.InterceptRule{RuleName: "r", InterceptType: 1, ApplicableRange: rng}, "word_list"},
		{&work.InterceptRule{RuleName: "r", WordList: make([]string, 301), InterceptType: 1, ApplicableRange: rng}, "word_list"},
		{&work.InterceptRule{RuleName: "r", WordList: []string{strings.Repeat("词", 33)}, InterceptType: 1, ApplicableRange: rng}, "word_list"},
		{&work.InterceptRule{RuleName: "r", WordList: []string{"x"}, InterceptType: 3, ApplicableRange: rng}, "intercept_type"},
		{&work.InterceptRule{RuleName: "r", WordList: []string{"x"}, InterceptType: 1}, "applicable_range"},
		{&work.InterceptRule{RuleName: "r", WordList: []string{"x"}, InterceptType: 1, ApplicableRange: &work.InterceptRange{DepartmentList: make([]int64, 1001)}}, "applicable_range"},
	} {
		_, err := ic.Add(ctx, c.r)
		paramErrB(t, srv, n, err, c.arg)
	}
	paramErrB(t, srv, n, ic.Update(ctx, &work.InterceptRuleUpdate{RuleName: "x"}), "rule_id")
	paramErrB(t, srv, n, ic.Update(ctx, &work.InterceptRuleUpdate{RuleID: "1", WordList: []string{""}}), "word_list")
	paramErrB(t, srv, n, ic.Update(ctx, &work.InterceptRuleUpdate{RuleID: "1", InterceptType: 5}), "intercept_type")
	paramErrB(t, srv, n, ic.Update(ctx, &work.InterceptRuleUpdate{RuleID: "1", AddApplicableRange: &work.InterceptRange{UserList: make([]string, 1001)}}), "add_applicable_range")
	paramErrB(t, srv, n, ic.Delete(ctx, ""), "rule_id")
	_, err = ic.Get(ctx, "")
	paramErrB(t, srv, n, err, "rule_id")
}

// The fake holds at most 100 rules, as WeCom does.
func TestCustomerInterceptLimit(t *testing.T) {
	ctx := context.Background()
	_, a := newBAgent(t)
	r := &work.InterceptRule{RuleName: "r", WordList: []string{"x"}, InterceptType: 1, ApplicableRange: &work.InterceptRange{UserList: []string{"a"}}}
	for range work.MaxInterceptRules {
		if _, err := a.CustomerIntercept.Add(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	_, err := a.CustomerIntercept.Add(ctx, r)
	apiCodeB(t, err, 40058)
}
