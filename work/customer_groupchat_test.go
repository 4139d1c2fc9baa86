package work_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/work"
)

func seedChatsB(srv *fakewechat.Server, n int, owner string) []string {
	var ids []string
	for i := range n {
		id := fmt.Sprintf("wrChat%02d", i)
		srv.AddWeComGroupChat(corpB, fakewechat.WeComGroupChat{ChatID: id, Name: "群" + id, Owner: owner, Members: []string{owner, "wmCust000"},
			CreateTime: 1700000000, OpenGID: "gid" + id})
		ids = append(ids, id)
	}
	return ids
}

func TestCustomerGroupChat(t *testing.T) {
	ctx := context.Background()
	srv, a := newBAgent(t)
	seedCustomersB(srv, 1)
	ids := seedChatsB(srv, 3, "zhangsan")
	seedChatsB(srv, 0, "lisi")
	srv.AddWeComGroupChat(corpB, fakewechat.WeComGroupChat{ChatID: "wrOther", Owner: "lisi", Members: []string{"lisi"}, CreateTime: 1})

	p, err := a.CustomerGroupChat.List(ctx, &work.GroupChatQuery{OwnerFilter: &work.OwnerFilter{UserIDList: []string{"zhangsan"}}, Limit: 2})
	if err != nil {
		t.Fatal(err)
	}
	if raw := rawB(t, srv, "POST /cgi-bin/externalcontact/groupchat/list"); raw != `{"owner_filter":{"userid_list":["zhangsan"]},"limit":2}` {
		t.Errorf("list body %s", raw)
	}
	if len(p.GroupChats) != 2 || p.GroupChats[0].ChatID != ids[0] || p.NextCursor == "" {
		t.Fatalf("page %+v", p)
	}
	var all []string
	for c, err := range a.CustomerGroupChat.All(ctx, work.GroupChatQuery{Limit: 2}) {
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, c.ChatID)
	}
	if len(all) != 4 || all[3] != "wrOther" {
		t.Errorf("all %v", all)
	}
	n := len(srv.Requests())
	_, err = a.CustomerGroupChat.List(ctx, &work.GroupChatQuery{})
	paramErrB(t, srv, n, err, "limit")

	g, err := a.CustomerGroupChat.Get(ctx, ids[1], true)
	if err != nil {
		t.Fatal(err)
	}
	if b := bodyB(t, srv, "POST /cgi-bin/externalcontact/groupchat/get"); b["need_name"] != float64(1) || b["chat_id"] != ids[1] {
		t.Errorf("get body %v", b)
	}
	if g.Owner != "zhangsan" || len(g.MemberList) != 2 || g.MemberList[1].Type != 2 || g.MemberList[1].Name != "客户wmCust000" || g.MemberList[0].Invitor.UserID != "zhangsan" {
		t.Errorf("chat %+v", g)
	}
	_, err = a.CustomerGroupChat.Get(ctx, "nope", false)
	apiCodeB(t, err, 40050)

	id, err := a.CustomerGroupChat.OpenGIDToChatID(ctx, "gid"+ids[2])
	if err != nil || id != ids[2] {
		t.Errorf("opengid %q %v", id, err)
	}
	_, err = a.CustomerGroupChat.OpenGIDToChatID(ctx, "nope")
	apiCodeB(t, err, 40058)

	// on-job transfer works for a member still here, resigned for one gone
	failed, err := a.CustomerTransfer.TransferGroupChats(ctx, []string{ids[0], "nope"}, "lisi")
	if err != nil {
		t.Fatal(err)
	}
	if raw := rawB(t, srv, "POST /cgi-bin/externalcontact/groupchat/onjob_transfer"); raw != `{"chat_id_list":["`+ids[0]+`","nope"],"new_owner":"lisi"}` {
		t.Errorf("transfer body %s", raw)
	}
	if len(failed) != 1 || failed[0].ChatID != "nope" || failed[0].ErrCode != 40050 {
		t.Errorf("failed %+v", failed)
	}
	srv.SetWeComResigned(corpB, "zhangsan", 1700000000)
	failed = mustB[[]work.FailedChat](t)(a.CustomerGroupChat.ResignedTransfer(ctx, []string{ids[1]}, "wangwu"))
	if len(failed) != 0 {
		t.Errorf("resigned failed %+v", failed)
	}
	failed = mustB[[]work.FailedChat](t)(a.CustomerTransfer.ResignedTransferGroupChats(ctx, []string{ids[2], "wrOther"}, "wangwu"))
	if len(failed) != 1 || failed[0].ChatID != "wrOther" || failed[0].ErrCode != 90500 {
		t.Errorf("resigned failed %+v", failed)
	}
	if g := mustB[*work.GroupChat](t)(a.CustomerGroupChat.Get(ctx, ids[2], false)); g.Owner != "wangwu" || g.MemberList[0].Name != "" {
		t.Errorf("new owner %+v", g)
	}
	n = len(srv.Requests())
	_, err = a.CustomerGroupChat.ResignedTransfer(ctx, nil, "x")
	paramErrB(t, srv, n, err, "chat_id_list")
	_, err = a.CustomerTransfer.TransferGroupChats(ctx, []string{"x"}, "")
	paramErrB(t, srv, n, err, "new_owner")
}

func TestCustomerGroupChatStatistic(t *testing.T) {
	ctx := context.Background()
	srv, a := newBAgent(t)
	seedChatsB(srv, 2, "zhangsan")
	day := int64(1700000000 - 1700000000%86400)
	q := &work.GroupChatStatQuery{DayBeginTime: day, DayEndTime: day + 86400, OwnerFilter: &work.OwnerFilter{UserIDList: []string{"zhangsan", "lisi"}}, OrderBy: 2, Limit: 10}
	st, err := a.CustomerGroupChat.Statistic(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	if b := bodyB(t, srv, "POST /cgi-bin/externalcontact/groupchat/statistic"); b["order_by"] != float64(2) || b["limit"] != float64(10) {
		t.Errorf("body %v", b)
	}
	if st.Total != 2 || len(st.Items) != 2 || st.Items[0].Owner != "zhangsan" || st.Items[0].Data.ChatTotal != 2 || st.Items[0].Data.MemberTotal != 4 || st.Items[1].Data.ChatTotal != 0 {
		t.Errorf("stat %+v", st)
	}
	days, err := a.CustomerGroupChat.StatisticByDay(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	if b := bodyB(t, srv, "POST /cgi-bin/externalcontact/groupchat/statistic_group_by_day"); b["order_by"] != nil || b["limit"] != nil {
		t.Errorf("by day body %v", b)
	}
	if len(days) != 2 || days[0].StatTime != day || days[0].Data.NewChatCnt != 2 || days[1].Data.NewChatCnt != 0 {
		t.Errorf("days %+v", days)
	}
	n := len(srv.Requests())
	_, err = a.CustomerGroupChat.Statistic(ctx, &work.GroupChatStatQuery{DayBeginTime: day})
	paramErrB(t, srv, n, err, "owner_filter")
	_, err = a.CustomerGroupChat.StatisticByDay(ctx, &work.GroupChatStatQuery{})
	paramErrB(t, srv, n, err, "day_begin_time")
}
