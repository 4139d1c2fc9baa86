package work_test

import (
	"testing"

	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/work"
)

func TestDepartmentLifecycle(t *testing.T) {
	srv, bot := botA(t)
	ds := bot.Department
	rd, err := ds.Create(ctxA, &work.Department{Name: "R&D", NameEn: "RD", ParentID: 1, Order: 10})
	if err != nil || rd == 0 {
		t.Fatal(rd, err)
	}
	if b := lastBodyA(t, srv, "POST /cgi-bin/department/create"); b["name"] != "R&D" || b["parentid"] != float64(1) || b["id"] != nil {
		t.Fatalf("create body %v", b)
	}
	sub, err := ds.Create(ctxA, &work.Department{ID: 100, Name: "Go", ParentID: rd})
	if err != nil || sub != 100 {
		t.Fatal(sub, err)
	}
	_, err = ds.Create(ctxA, &work.Department{Name: "Go", ParentID: rd})
	wantCodeA(t, err, fakewechat.CodeWeComPartyExists)
	_, err = ds.Create(ctxA, &work.Department{Name: "x", ParentID: 999})
	wantCodeA(t, err, fakewechat.CodeWeComPartyNotFound)

	all, err := ds.List(ctxA, 0)
	if err != nil || len(all) != 3 || all[0].ID != 1 {
		t.Fatalf("list %+v %v", all, err)
	}
	if _, ok := srv.LastRequest(fakewechat.WeComPath("GET /cgi-bin/department/list")); !ok || lastQueryA(t, srv, "GET /cgi-bin/department/list", "id") != "" {
		t.Fatal("id sent for the whole list")
	}
	part, err := ds.List(ctxA, rd)
	if err != nil || len(part) != 2 || part[1].Name != "Go" {
		t.Fatalf("sub list %+v %v", part, err)
	}
	ids, err := ds.ListIDs(ctxA, rd)
	if err != nil || len(ids) != 2 || ids[1] != (work.DepartmentID{ID: 100, ParentID: rd}) {
		t.Fatalf("ids %+v %v", ids, err)
	}
	if err := ds.Update(ctxA, &work.Department{ID: 100, Name: "Golang"}); err != nil {
		t.Fatal(err)
	}
	got, err := ds.Get(ctxA, 100)
	if err != nil || got.Name != "Golang" || got.ParentID != rd {
		t.Fatalf("get %+v %v", got, err)
	}
	if lastQueryA(t, srv, "GET /cgi-bin/department/get", "id") != "100" {
		t.Fatal("get query")
	}
	wantCodeA(t, ds.Delete(ctxA, rd), fakewechat.CodeWeComPartyHasChildren)
	if err := bot.User.Create(ctxA, &work.User{UserID: "g", Name: "g", Email: "g@e.com", Department: []int64{100}}); err != nil {
		t.Fatal(err)
	}
	wantCodeA(t, ds.Delete(ctxA, 100), fakewechat.CodeWeComPartyHasMembers)
	if err := bot.User.Delete(ctxA, "g"); err != nil {
		t.Fatal(err)
	}
	if err := ds.Delete(ctxA, 100); err != nil {
		t.Fatal(err)
	}
	if lastQueryA(t, srv, "GET /cgi-bin/department/delete", "id") != "100" {
		t.Fatal("delete query")
	}
	_, err = ds.Get(ctxA, 100)
	wantCodeA(t, err, fakewechat.CodeWeComPartyNotFound)
	_, err = ds.Create(ctxA, &work.Department{Name: "x"})
	wantArgA(t, err, "parentid")
	wantArgA(t, ds.Update(ctxA, &work.Department{Name: "x"}), "id")
	wantArgA(t, ds.Delete(ctxA, 0), "id")
}
