package work_test

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/work"
)

const corpB = fakewechat.DefaultCorpID

// seedCustomersB adds n customers followed by "zhangsan" (and the even
// ones by "lisi" too).
func seedCustomersB(srv *fakewechat.Server, n int) []string {
	var ids []string
	for i := range n {
		id := fmt.Sprintf("wmCust%03d", i)
		c := fakewechat.WeComCustomer{ExternalUserID: id, Name: "客户" + id, Type: 1, Gender: 1 + i%2, UnionID: "u" + id,
			Follow: []fakewechat.WeComFollow{{UserID: "zhangsan", CreateTime: 1700000000 + int64(i), AddWay: 1, State: "s"}}}
		if i%2 == 0 {
			c.Follow = append(c.Follow, fakewechat.WeComFollow{UserID: "lisi", CreateTime: 1700086400})
		}
		srv.AddWeComCustomer(corpB, c)
		ids = append(ids, id)
	}
	return ids
}

func TestCustomerListGetRemark(t *testing.T) {
	ctx := context.Background()
	srv, a := newBAgent(t)
	ids := seedCustomersB(srv, 3)

	users, err := a.Customer.FollowUsers(ctx)
	if err != nil || !slices.Equal(users, []string{"lisi", "zhangsan"}) {
		t.Fatalf("follow users %v %v", users, err)
	}
	got, err := a.Customer.List(ctx, "lisi")
	if err != nil || !slices.Equal(got, []string{ids[0], ids[2]}) {
		t.Fatalf("list %v %v", got, err)
	}
	if rr, _ := srv.LastRequest(fakewechat.WeComPath("GET /cgi-bin/externalcontact/list")); rr.Query.Get("userid") != "lisi" || rr.Query.Get("access_token") == "" {
		t.Errorf("list query %v", rr.Query)
	}
	_, err = a.Customer.List(ctx, "nobody")
	apiCodeB(t, err, 84061)
	n := len(srv.Requests())
	_, err = a.Customer.List(ctx, "")
	paramErrB(t, srv, n, err, "userid")

	err = a.Customer.Remark(ctx, &work.Remark{UserID: "zhangsan", ExternalUserID: ids[1], Remark: "老王", Description: "VIP", RemarkMobiles: []string{"13800000000"}})
	if err != nil {
		t.Fatal(err)
	}
	if b := bodyB(t, srv, "POST /cgi-bin/externalcontact/remark"); b["remark"] != "老王" || b["external_userid"] != ids[1] || b["remark_company"] != nil {
		t.Errorf("remark body %v", b)
	}
	d, err := a.Customer.Get(ctx, ids[1], "")
	if err != nil {
		t.Fatal(err)
	}
	if rr, _ := srv.LastRequest(fakewechat.WeComPath("GET /cgi-bin/externalcontact/get")); rr.Query.Get("external_userid") != ids[1] || rr.Query.Has("cursor") {
		t.Errorf("get query %v", rr.Query)
	}
	if d.ExternalContact.Name != "客户"+ids[1] || d.ExternalContact.UnionID != "u"+ids[1] || d.ExternalContact.Gender != 2 ||
		len(d.FollowUser) != 1 || d.FollowUser[0].Remark != "老王" || d.FollowUser[0].Description != "VIP" ||
		d.FollowUser[0].RemarkMobiles[0] != "13800000000" || d.FollowUser[0].CreateTime != 1700000001 || d.FollowUser[0].State != "s" {
		t.Errorf("detail %+v", d)
	}
	if _, err := a.Customer.Get(ctx, ids[0], "c1"); err == nil {
		t.Error("bad cursor accepted")
	} else if rr, _ := srv.LastRequest(fakewechat.WeComPath("GET /cgi-bin/externalcontact/get")); rr.Query.Get("cursor") != "c1" {
		t.Errorf("cursor not sent: %v", rr.Query)
	}
	_, err = a.Customer.Get(ctx, "wmnobody", "")
	apiCodeB(t, err, 40096)
	apiCodeB(t, a.Customer.Remark(ctx, &work.Remark{UserID: "lisi", ExternalUserID: ids[1]}), 84061)
	n = len(srv.Requests())
	paramErrB(t, srv, n, a.Customer.Remark(ctx, &work.Remark{UserID: "lisi"}), "external_userid")
	paramErrB(t, srv, n, a.Customer.Remark(ctx, nil), "remark")
	if err := a.Customer.Remark(ctx, &work.Remark{UserID: "lisi"}); err.Error() != "work: invalid external_userid: required" {
		t.Errorf("message %q", err)
	}
}

func TestCustomerBatchGetByUserAndIterator(t *testing.T) {
	ctx := context.Background()
	srv, a := newBAgent(t)
	ids := seedCustomersB(srv, 5)

	p, err := a.Customer.BatchGetByUser(ctx, []string{"zhangsan", "lisi"}, "", 3)
	if err != nil {
		t.Fatal(err)
	}
	if raw := rawB(t, srv, "POST /cgi-bin/externalcontact/batch/get_by_user"); raw != `{"userid_list":["zhangsan","lisi"],"limit":3}` {
		t.Errorf("body %s", raw)
	}
	if len(p.Customers) != 3 || p.NextCursor == "" || p.Customers[0].ExternalContact.ExternalUserID != ids[0] || p.Customers[0].FollowInfo.UserID != "zhangsan" {
		t.Fatalf("page %+v", p)
	}
	var got []string
	for c, err := range a.Customer.AllByUser(ctx, []string{"zhangsan", "lisi"}, 2) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, c.FollowInfo.UserID+"/"+c.ExternalContact.ExternalUserID)
	}
	if len(got) != 8 || got[5] != "lisi/"+ids[0] || got[7] != "lisi/"+ids[4] {
		t.Errorf("all = %v", got)
	}
	if b := bodyB(t, srv, "POST /cgi-bin/externalcontact/batch/get_by_user"); b["cursor"] != "6" {
		t.Errorf("last cursor %v", b)
	}
	// stopping early fetches no more pages
	before := srv.Count(fakewechat.WeComPath("POST /cgi-bin/externalcontact/batch/get_by_user"))
	for range a.Customer.AllByUser(ctx, []string{"zhangsan"}, 2) {
		break
	}
	if n := srv.Count(fakewechat.WeComPath("POST /cgi-bin/externalcontact/batch/get_by_user")) - before; n != 1 {
		t.Errorf("%d pages fetched after break", n)
	}
	n := len(srv.Requests())
	_, err = a.Customer.BatchGetByUser(ctx, nil, "", 0)
	paramErrB(t, srv, n, err, "userid_list")
	_, err = a.Customer.BatchGetByUser(ctx, []string{"a"}, "", 101)
	paramErrB(t, srv, n, err, "limit")
	for _, err := range a.Customer.AllByUser(ctx, []string{"zhangsan"}, 0) {
		if err != nil {
			t.Fatal(err)
		}
	}
	_, err = a.Customer.BatchGetByUser(ctx, []string{"zhangsan"}, "bad", 0)
	apiCodeB(t, err, 40058)
}

func TestCustomerBehaviorData(t *testing.T) {
	ctx := context.Background()
	srv, a := newBAgent(t)
	seedCustomersB(srv, 4)
	day := int64(1700000000 - 1700000000%86400)
	data, err := a.Customer.BehaviorData(ctx, &work.BehaviorQuery{UserIDs: []string{"zhangsan"}, StartTime: day, EndTime: day + 86400})
	if err != nil {
		t.Fatal(err)
	}
	if raw := rawB(t, srv, "POST /cgi-bin/externalcontact/get_user_behavior_data"); raw != fmt.Sprintf(`{"userid":["zhangsan"],"start_time":%d,"end_time":%d}`, day, day+86400) {
		t.Errorf("body %s", raw)
	}
	if len(data) != 2 || data[0].StatTime != day || data[0].NewContactCnt != 4 || data[0].ReplyPercentage != 100 || data[1].NewContactCnt != 0 {
		t.Errorf("data %+v", data)
	}
	_, err = a.Customer.BehaviorData(ctx, &work.BehaviorQuery{PartyIDs: []int64{1}, StartTime: day, EndTime: day + 40*86400})
	apiCodeB(t, err, 40058)
	n := len(srv.Requests())
	_, err = a.Customer.BehaviorData(ctx, &work.BehaviorQuery{StartTime: day, EndTime: day})
	paramErrB(t, srv, n, err, "userid")
	_, err = a.Customer.BehaviorData(ctx, &work.BehaviorQuery{UserIDs: []string{"x"}, StartTime: day, EndTime: day - 1})
	paramErrB(t, srv, n, err, "start_time")
}

func TestCustomerTags(t *testing.T) {
	ctx := context.Background()
	srv, a := newBAgent(t)
	ids := seedCustomersB(srv, 1)

	g, err := a.CustomerTag.AddCorpTags(ctx, &work.CustomerTagGroup{GroupName: "客户等级", Order: 1, Tags: []work.CustomerTag{{Name: "一般"}, {Name: "重要", Order: 2}}})
	if err != nil {
		t.Fatal(err)
	}
	if b := bodyB(t, srv, "POST /cgi-bin/externalcontact/add_corp_tag"); b["group_name"] != "客户等级" || b["agentid"] != float64(fakewechat.DefaultAgentID) || len(b["tag"].([]any)) != 2 {
		t.Errorf("add body %v", b)
	}
	if g.GroupID == "" || len(g.Tags) != 2 || g.Tags[0].ID == "" || g.Tags[1].Name != "重要" || g.Tags[1].Order != 2 {
		t.Fatalf("group %+v", g)
	}
	g2 := mustB[*work.CustomerTagGroup](t)(a.CustomerTag.AddCorpTags(ctx, &work.CustomerTagGroup{GroupID: g.GroupID, Tags: []work.CustomerTag{{Name: "核心"}}}))
	if g2.GroupID != g.GroupID || len(g2.Tags) != 1 {
		t.Errorf("added to group %+v", g2)
	}
	_, err = a.CustomerTag.AddCorpTags(ctx, &work.CustomerTagGroup{GroupID: g.GroupID, Tags: []work.CustomerTag{{Name: "核心"}}})
	apiCodeB(t, err, 40071)

	order := 5
	if err := a.CustomerTag.EditCorpTag(ctx, &work.TagEdit{ID: g.Tags[0].ID, Name: "普通", Order: &order}); err != nil {
		t.Fatal(err)
	}
	apiCodeB(t, a.CustomerTag.EditCorpTag(ctx, &work.TagEdit{ID: "nope", Name: "x"}), 40068)

	if err := a.CustomerTag.Mark(ctx, "zhangsan", ids[0], []string{g.Tags[0].ID, g.Tags[1].ID}, nil); err != nil {
		t.Fatal(err)
	}
	if err := a.CustomerTag.Mark(ctx, "zhangsan", ids[0], nil, []string{g.Tags[1].ID}); err != nil {
		t.Fatal(err)
	}
	if raw := rawB(t, srv, "POST /cgi-bin/externalcontact/mark_tag"); raw != `{"userid":"zhangsan","external_userid":"`+ids[0]+`","remove_tag":["`+g.Tags[1].ID+`"]}` {
		t.Errorf("mark body %s", raw)
	}
	d := mustB[*work.CustomerDetail](t)(a.Customer.Get(ctx, ids[0], ""))
	if tags := d.FollowUser[0].Tags; len(tags) != 1 || tags[0].TagName != "普通" || tags[0].GroupName != "客户等级" || tags[0].Type != 1 {
		t.Errorf("tags %+v", tags)
	}
	apiCodeB(t, a.CustomerTag.Mark(ctx, "zhangsan", ids[0], []string{"nope"}, nil), 40068)

	all := mustB[[]work.CustomerTagGroup](t)(a.CustomerTag.CorpTags(ctx, nil, nil))
	if len(all) != 1 || len(all[0].Tags) != 3 || all[0].Tags[0].Order != 5 {
		t.Fatalf("corp tags %+v", all)
	}
	one := mustB[[]work.CustomerTagGroup](t)(a.CustomerTag.CorpTags(ctx, []string{g.Tags[1].ID}, nil))
	if len(one) != 1 || len(one[0].Tags) != 1 || one[0].Tags[0].ID != g.Tags[1].ID {
		t.Errorf("filtered %+v", one)
	}
	if err := a.CustomerTag.DeleteCorpTags(ctx, []string{g.Tags[0].ID}, nil); err != nil {
		t.Fatal(err)
	}
	if raw := rawB(t, srv, "POST /cgi-bin/externalcontact/del_corp_tag"); raw != `{"tag_id":["`+g.Tags[0].ID+`"],"agentid":1000002}` {
		t.Errorf("del body %s", raw)
	}
	if err := a.CustomerTag.DeleteCorpTags(ctx, nil, []string{g.GroupID}); err != nil {
		t.Fatal(err)
	}
	if all := mustB[[]work.CustomerTagGroup](t)(a.CustomerTag.CorpTags(ctx, nil, nil)); len(all) != 0 {
		t.Errorf("after delete %+v", all)
	}
	apiCodeB(t, a.CustomerTag.DeleteCorpTags(ctx, nil, []string{g.GroupID}), 40068)

	n := len(srv.Requests())
	paramErrB(t, srv, n, a.CustomerTag.DeleteCorpTags(ctx, nil, nil), "tag_id")
	paramErrB(t, srv, n, a.CustomerTag.Mark(ctx, "zhangsan", ids[0], nil, nil), "add_tag")
	paramErrB(t, srv, n, a.CustomerTag.Mark(ctx, "", ids[0], []string{"x"}, nil), "userid")
	paramErrB(t, srv, n, a.CustomerTag.EditCorpTag(ctx, &work.TagEdit{}), "id")
	_, err = a.CustomerTag.AddCorpTags(ctx, &work.CustomerTagGroup{Tags: []work.CustomerTag{{Name: "x"}}})
	paramErrB(t, srv, n, err, "group_name")
	_, err = a.CustomerTag.AddCorpTags(ctx, &work.CustomerTagGroup{GroupName: "x"})
	paramErrB(t, srv, n, err, "tag")
	_, err = a.CustomerTag.AddStrategyTags(ctx, &work.CustomerTagGroup{GroupName: "x", Tags: []work.CustomerTag{{Name: "x"}}})
	paramErrB(t, srv, n, err, "strategy_id")
}

func TestCustomerStrategyTags(t *testing.T) {
	ctx := context.Background()
	srv, a := newBAgent(t)
	g, err := a.CustomerTag.AddStrategyTags(ctx, &work.CustomerTagGroup{StrategyID: 7, GroupName: "区域", Tags: []work.CustomerTag{{Name: "华东"}}})
	if err != nil {
		t.Fatal(err)
	}
	if b := bodyB(t, srv, "POST /cgi-bin/externalcontact/add_strategy_tag"); b["strategy_id"] != float64(7) {
		t.Errorf("body %v", b)
	}
	if _, err := a.CustomerTag.AddCorpTags(ctx, &work.CustomerTagGroup{GroupName: "corp", Tags: []work.CustomerTag{{Name: "c"}}}); err != nil {
		t.Fatal(err)
	}
	if err := a.CustomerTag.EditStrategyTag(ctx, &work.TagEdit{ID: g.GroupID, Name: "大区"}); err != nil {
		t.Fatal(err)
	}
	list := mustB[[]work.CustomerTagGroup](t)(a.CustomerTag.StrategyTags(ctx, 7, nil, nil))
	if len(list) != 1 || list[0].GroupName != "大区" || list[0].StrategyID != 7 || list[0].Tags[0].Name != "华东" {
		t.Fatalf("strategy tags %+v", list)
	}
	if l := mustB[[]work.CustomerTagGroup](t)(a.CustomerTag.StrategyTags(ctx, 8, nil, nil)); len(l) != 0 {
		t.Errorf("other strategy %+v", l)
	}
	if err := a.CustomerTag.DeleteStrategyTags(ctx, []string{g.Tags[0].ID}, nil); err != nil {
		t.Fatal(err)
	}
	if l := mustB[[]work.CustomerTagGroup](t)(a.CustomerTag.StrategyTags(ctx, 0, nil, nil)); len(l) != 0 {
		t.Errorf("after delete %+v", l)
	}
	apiCodeB(t, a.CustomerTag.DeleteStrategyTags(ctx, []string{"nope"}, nil), 40068)
}
