package work_test

import (
	"slices"
	"testing"

	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/work"
)

func TestUserLifecycle(t *testing.T) {
	srv, bot := botA(t)
	us := bot.User
	enable := 1
	u := &work.User{UserID: "wangwu", Name: "Wang Wu", Mobile: "13900000001", Department: []int64{1}, Gender: "1", Enable: &enable,
		ExtAttr: &work.ExtAttr{Attrs: []work.Attr{{Type: 0, Name: "floor", Text: &work.AttrText{Value: "3"}}}}}
	if err := us.Create(ctxA, u); err != nil {
		t.Fatal(err)
	}
	b := lastBodyA(t, srv, "POST /cgi-bin/user/create")
	if b["userid"] != "wangwu" || b["mobile"] != "13900000001" || b["enable"] != float64(1) || b["alias"] != nil {
		t.Fatalf("create body %v", b)
	}
	wantCodeA(t, us.Create(ctxA, u), fakewechat.CodeWeComUserIDExists)
	got, err := us.Get(ctxA, "wangwu")
	if err != nil {
		t.Fatal(err)
	}
	if got.Name != "Wang Wu" || got.Status != 4 || got.ExtAttr == nil || got.ExtAttr.Attrs[0].Text.Value != "3" || !slices.Equal(got.Department, []int64{1}) {
		t.Fatalf("get %+v", got)
	}
	if lastQueryA(t, srv, "GET /cgi-bin/user/get", "userid") != "wangwu" {
		t.Fatal("get query")
	}
	if err := us.AuthSucc(ctxA, "wangwu"); err != nil {
		t.Fatal(err)
	}
	if err := us.Update(ctxA, &work.User{UserID: "wangwu", Position: "engineer"}); err != nil {
		t.Fatal(err)
	}
	if b := lastBodyA(t, srv, "POST /cgi-bin/user/update"); len(b) != 2 || b["position"] != "engineer" {
		t.Fatalf("update sent %v", b)
	}
	got, _ = us.Get(ctxA, "wangwu")
	if got.Position != "engineer" || got.Status != 1 || got.Name != "Wang Wu" {
		t.Fatalf("after update %+v", got)
	}
	if err := us.Delete(ctxA, "wangwu"); err != nil {
		t.Fatal(err)
	}
	_, err = us.Get(ctxA, "wangwu")
	wantCodeA(t, err, fakewechat.CodeWeComUserNotFound)
	wantCodeA(t, us.Update(ctxA, &work.User{UserID: "wangwu", Name: "x"}), fakewechat.CodeWeComUserNotFound)

	wantArgA(t, us.Create(ctxA, &work.User{UserID: "x", Name: "x"}), "mobile")
	wantArgA(t, us.Create(ctxA, &work.User{Name: "x"}), "userid")
	wantArgA(t, us.Update(ctxA, nil), "userid")
	wantArgA(t, us.Delete(ctxA, ""), "userid")
	wantCodeA(t, us.Create(ctxA, &work.User{UserID: "z", Name: "z", Mobile: "1", Department: []int64{42}}), fakewechat.CodeWeComPartyNotFound)
}

func TestUserBatchDeleteAndLists(t *testing.T) {
	srv, bot := botA(t)
	us := bot.User
	for _, id := range []string{"a1", "a2", "a3"} {
		if err := us.Create(ctxA, &work.User{UserID: id, Name: id, Email: id + "@e.com"}); err != nil {
			t.Fatal(err)
		}
	}
	simple, err := us.ListSimple(ctxA, 1)
	if err != nil {
		t.Fatal(err)
	}
	if len(simple) != 5 || simple[0].UserID != fakewechat.WeComSeedUser1 || simple[4].Name != "a3" {
		t.Fatalf("simple %+v", simple)
	}
	if lastQueryA(t, srv, "GET /cgi-bin/user/simplelist", "department_id") != "1" {
		t.Fatal("department_id")
	}
	detail, err := us.ListDetail(ctxA, 1)
	if err != nil || len(detail) != 5 || detail[2].Email != "a1@e.com" {
		t.Fatalf("detail %+v %v", detail, err)
	}
	_, err = us.ListDetail(ctxA, 77)
	wantCodeA(t, err, fakewechat.CodeWeComPartyNotFound)
	if err := us.BatchDelete(ctxA, []string{"a1", "a2"}); err != nil {
		t.Fatal(err)
	}
	if b := lastBodyA(t, srv, "POST /cgi-bin/user/batchdelete"); len(b["useridlist"].([]any)) != 2 {
		t.Fatalf("body %v", b)
	}
	simple, _ = us.ListSimple(ctxA, 1)
	if len(simple) != 3 {
		t.Fatalf("after batch delete %+v", simple)
	}
	wantArgA(t, us.BatchDelete(ctxA, nil), "useridlist")
	wantArgA(t, us.BatchDelete(ctxA, make([]string, 201)), "useridlist")
}

func TestUserIDConversions(t *testing.T) {
	srv, bot := botA(t)
	us := bot.User
	openID, err := us.ConvertToOpenID(ctxA, "zhangsan")
	if err != nil || openID == "" {
		t.Fatal(openID, err)
	}
	if id, err := us.ConvertToUserID(ctxA, openID); err != nil || id != "zhangsan" {
		t.Fatal(id, err)
	}
	if b := lastBodyA(t, srv, "POST /cgi-bin/user/convert_to_userid"); b["openid"] != openID {
		t.Fatalf("body %v", b)
	}
	_, err = us.ConvertToOpenID(ctxA, "ghost")
	wantCodeA(t, err, fakewechat.CodeWeComInvalidUserID)
	if id, err := us.UserIDByMobile(ctxA, "13800000002"); err != nil || id != "lisi" {
		t.Fatal(id, err)
	}
	_, err = us.UserIDByMobile(ctxA, "100")
	wantCodeA(t, err, fakewechat.CodeWeComNotFoundUser)
	if id, err := us.UserIDByEmail(ctxA, "lisi@example.com", work.EmailPersonal); err != nil || id != "lisi" {
		t.Fatal(id, err)
	}
	if b := lastBodyA(t, srv, "POST /cgi-bin/user/get_userid_by_email"); b["email_type"] != float64(2) {
		t.Fatalf("body %v", b)
	}
	_, err = us.UserIDByEmail(ctxA, "lisi@example.com", work.EmailCorp)
	wantCodeA(t, err, fakewechat.CodeWeComNotFoundUser)
	_, err = us.UserIDByEmail(ctxA, "x@e.com", 3)
	wantArgA(t, err, "email_type")
	_, err = us.ConvertToUserID(ctxA, "")
	wantArgA(t, err, "openid")
}

func TestUserInviteAndQRCode(t *testing.T) {
	srv, bot := botA(t)
	res, err := bot.User.BatchInvite(ctxA, work.Invitation{User: []string{"zhangsan", "ghost"}, Party: []int64{1, 9}, Tag: []int64{5}})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(res.InvalidUser, []string{"ghost"}) || !slices.Equal(res.InvalidParty, []int64{9}) || !slices.Equal(res.InvalidTag, []int64{5}) {
		t.Fatalf("invite %+v", res)
	}
	_, err = bot.User.BatchInvite(ctxA, work.Invitation{})
	wantArgA(t, err, "user")
	u, err := bot.User.JoinQRCode(ctxA, 3)
	if err != nil || u == "" {
		t.Fatal(u, err)
	}
	if lastQueryA(t, srv, "GET /cgi-bin/corp/get_join_qrcode", "size_type") != "3" {
		t.Fatal("size_type")
	}
	_, err = bot.User.JoinQRCode(ctxA, 5)
	wantArgA(t, err, "size_type")
}

func TestUserAllIDsPages(t *testing.T) {
	srv, bot := botA(t)
	for _, id := range []string{"b1", "b2", "b3"} {
		if err := bot.User.Create(ctxA, &work.User{UserID: id, Name: id, Email: id + "@e.com"}); err != nil {
			t.Fatal(err)
		}
	}
	var ids []string
	for du, err := range bot.User.AllIDs(ctxA, 2) {
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, du.UserID)
	}
	if !slices.Equal(ids, []string{"zhangsan", "lisi", "b1", "b2", "b3"}) {
		t.Fatalf("ids %v", ids)
	}
	if n := srv.Count(fakewechat.WeComPath("POST /cgi-bin/user/list_id")); n != 3 {
		t.Fatalf("%d pages", n)
	}
	for du, err := range bot.User.AllIDs(ctxA, 2) {
		if err != nil || du.UserID != "zhangsan" {
			t.Fatal(du, err)
		}
		break
	}
	if n := srv.Count(fakewechat.WeComPath("POST /cgi-bin/user/list_id")); n != 4 {
		t.Fatalf("early stop fetched %d pages in total", n)
	}
	if b := lastBodyA(t, srv, "POST /cgi-bin/user/list_id"); b["limit"] != float64(2) || b["cursor"] != nil {
		t.Fatalf("first page body %v", b)
	}
	_, err := bot.User.ListIDs(ctxA, "bogus", 0)
	wantCodeA(t, err, fakewechat.CodeWeComInvalidParameter)
	_, err = bot.User.ListIDs(ctxA, "", 10001)
	wantArgA(t, err, "limit")
}
