package work_test

import (
	"slices"
	"testing"

	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/work"
)

func TestTagLifecycle(t *testing.T) {
	srv, bot := botA(t)
	ts := bot.Tag
	id, err := ts.Create(ctxA, "oncall", 0)
	if err != nil || id == 0 {
		t.Fatal(id, err)
	}
	if b := lastBodyA(t, srv, "POST /cgi-bin/tag/create"); b["tagname"] != "oncall" || b["tagid"] != nil {
		t.Fatalf("body %v", b)
	}
	if id2, err := ts.Create(ctxA, "leads", 50); err != nil || id2 != 50 {
		t.Fatal(id2, err)
	}
	_, err = ts.Create(ctxA, "oncall", 0)
	wantCodeA(t, err, fakewechat.CodeWeComTagNameExists)
	if err := ts.Update(ctxA, id, "on-call"); err != nil {
		t.Fatal(err)
	}
	tags, err := ts.List(ctxA)
	if err != nil || !slices.Equal(tags, []work.Tag{{TagID: id, TagName: "on-call"}, {TagID: 50, TagName: "leads"}}) {
		t.Fatalf("list %+v %v", tags, err)
	}
	res, err := ts.AddUsers(ctxA, id, []string{"zhangsan", "ghost"}, []int64{1, 404})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(res.InvalidUsers(), []string{"ghost"}) || !slices.Equal(res.InvalidParty, []int64{404}) {
		t.Fatalf("add %+v", res)
	}
	if b := lastBodyA(t, srv, "POST /cgi-bin/tag/addtagusers"); b["tagid"] != float64(id) || len(b["userlist"].([]any)) != 2 {
		t.Fatalf("body %v", b)
	}
	m, err := ts.Members(ctxA, id)
	if err != nil || m.TagName != "on-call" || len(m.UserList) != 1 || m.UserList[0].Name != "zhangsan" || !slices.Equal(m.PartyList, []int64{1}) {
		t.Fatalf("members %+v %v", m, err)
	}
	// Messages reach tagged members.
	sent, err := bot.Message.SendText(ctxA, work.ToTags(itoaA(id)), "page")
	if err != nil || sent.InvalidTag != "" {
		t.Fatal(sent, err)
	}
	_, err = ts.AddUsers(ctxA, id, []string{"ghost"}, nil)
	wantCodeA(t, err, fakewechat.CodeWeComAllListInvalid)
	if _, err := ts.DeleteUsers(ctxA, id, []string{"zhangsan"}, nil); err != nil {
		t.Fatal(err)
	}
	if b := lastBodyA(t, srv, "POST /cgi-bin/tag/deltagusers"); b["partylist"] != nil {
		t.Fatalf("empty partylist sent: %v", b)
	}
	m, _ = ts.Members(ctxA, id)
	if len(m.UserList) != 0 {
		t.Fatalf("after delete %+v", m)
	}
	if err := ts.Delete(ctxA, id); err != nil {
		t.Fatal(err)
	}
	if lastQueryA(t, srv, "GET /cgi-bin/tag/delete", "tagid") != itoaA(id) {
		t.Fatal("delete query")
	}
	_, err = ts.Members(ctxA, id)
	wantCodeA(t, err, fakewechat.CodeWeComInvalidTagID)
	_, err = ts.Create(ctxA, "", 0)
	wantArgA(t, err, "tagname")
	_, err = ts.AddUsers(ctxA, 50, nil, nil)
	wantArgA(t, err, "userlist")
}
