package work_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/work"
)

func schoolSetup(t *testing.T, a *work.AgentClient) (grade, class int64) {
	t.Helper()
	ctx := context.Background()
	grade = mustB[int64](t)(a.School.CreateDepartment(ctx, &work.SchoolDepartment{Name: "一年级", ParentID: 1, Type: work.SchoolDeptGrade}))
	class = mustB[int64](t)(a.School.CreateDepartment(ctx, &work.SchoolDepartment{Name: "一年级一班", ParentID: grade, Type: work.SchoolDeptClass,
		DepartmentAdmins: []work.SchoolDeptAdmin{{UserID: "zhangsan", Type: work.SchoolAdminClassTeacher, Subject: "语文"}}}))
	return grade, class
}

func TestSchoolStudentsAndParents(t *testing.T) {
	ctx := context.Background()
	srv, a := newBAgent(t)
	_, class := schoolSetup(t, a)
	no := false
	if err := a.School.CreateStudent(ctx, &work.SchoolStudent{StudentUserID: "zhangsan", Mobile: "10000000000", ToInvite: &no,
		Name: "张三&李", Department: []int64{class}}); err != nil {
		t.Fatal(err)
	}
	if got, want := rawB(t, srv, "POST /cgi-bin/school/user/create_student"),
		`{"student_userid":"zhangsan","mobile":"10000000000","to_invite":false,"name":"张三&李","department":[`; !strings.HasPrefix(got, want) {
		t.Errorf("create_student body %s", got)
	}
	if err := a.School.CreateStudent(ctx, &work.SchoolStudent{StudentUserID: "ZhangSan", Name: "x", Department: []int64{class}}); err == nil {
		t.Error("duplicate student accepted")
	} else {
		apiCodeB(t, err, 60102)
	}
	apiCodeB(t, a.School.CreateStudent(ctx, &work.SchoolStudent{StudentUserID: "lisi", Name: "李四", Department: []int64{999}}), 60003)
	apiCodeB(t, a.School.CreateStudent(ctx, &work.SchoolStudent{StudentUserID: "_bad", Name: "x", Department: []int64{class}}), 40003)

	// Batch: the valid students are created; the failures are returned
	// beside an error carrying the first.
	failed, err := a.School.BatchCreateStudents(ctx, []work.SchoolStudent{
		{StudentUserID: "lisi", Name: "李四", Department: []int64{class}},
		{StudentUserID: "zhangsan", Name: "dup", Department: []int64{class}},
		{StudentUserID: "wangwu", Name: "王五", Department: []int64{class}}})
	var ae *wechat.APIError
	if !errors.As(err, &ae) || ae.Code != 60102 || !strings.Contains(ae.Message, "zhangsan") {
		t.Fatalf("batch create: %v", err)
	}
	if len(failed) != 1 || failed[0].StudentUserID != "zhangsan" || failed[0].Errcode != 60102 || failed[0].Errmsg == "" {
		t.Fatalf("batch create failures: %+v", failed)
	}
	if b := bodyB(t, srv, "POST /cgi-bin/school/user/batch_create_student"); len(b["students"].([]any)) != 3 {
		t.Errorf("batch body %v", b)
	}
	students := mustB[[]work.SchoolStudentInfo](t)(a.School.ListStudents(ctx, class))
	if len(students) != 3 || students[0].StudentUserID != "lisi" || students[1].StudentUserID != "wangwu" {
		t.Fatalf("students %+v", students)
	}

	if err := a.School.CreateParent(ctx, &work.SchoolParent{ParentUserID: "zhangsan_parent", Mobile: "18000000000",
		Children: []work.SchoolChild{{StudentUserID: "zhangsan", Relation: "爸爸"}, {StudentUserID: "lisi", Relation: "伯父"}}}); err != nil {
		t.Fatal(err)
	}
	if got := rawB(t, srv, "POST /cgi-bin/school/user/create_parent"); got != `{"parent_userid":"zhangsan_parent","mobile":"18000000000","children":[{"student_userid":"zhangsan","relation":"爸爸"},{"student_userid":"lisi","relation":"伯父"}]}` {
		t.Errorf("create_parent body %s", got)
	}
	apiCodeB(t, a.School.CreateParent(ctx, &work.SchoolParent{ParentUserID: "p2", Mobile: "1", Children: []work.SchoolChild{{StudentUserID: "nobody", Relation: "妈妈"}}}), 60111)
	// A student with parents cannot be deleted.
	apiCodeB(t, a.School.DeleteStudent(ctx, "zhangsan"), 40058)

	u := mustB[*work.SchoolUser](t)(a.School.GetUser(ctx, "zhangsan"))
	if u.UserType != work.SchoolUserStudent || u.Student.Name != "张三&李" || len(u.Student.Parents) != 1 ||
		u.Student.Parents[0].Relation != "爸爸" || u.Student.Parents[0].Mobile != "18000000000" || u.Parent != nil {
		t.Errorf("student %+v", u.Student)
	}
	// Renaming a student keeps the parent relations.
	if err := a.School.UpdateStudent(ctx, &work.SchoolStudentUpdate{StudentUserID: "zhangsan", NewStudentUserID: "zhangsan2", Name: "张三"}); err != nil {
		t.Fatal(err)
	}
	if b := bodyB(t, srv, "POST /cgi-bin/school/user/update_student"); b["mobile"] != nil || b["new_student_userid"] != "zhangsan2" {
		t.Errorf("update body %v", b)
	}
	apiCodeB(t, a.School.UpdateStudent(ctx, &work.SchoolStudentUpdate{StudentUserID: "zhangsan2", NewStudentUserID: "zhangsan3"}), 40058)
	p := mustB[*work.SchoolUser](t)(a.School.GetUser(ctx, "zhangsan_parent"))
	if p.UserType != work.SchoolUserParent || len(p.Parent.Children) != 2 || p.Parent.Children[0].StudentUserID != "zhangsan2" {
		t.Errorf("parent %+v", p.Parent)
	}
	parents := mustB[[]work.SchoolParentInfo](t)(a.School.ListParents(ctx, class))
	if len(parents) != 1 || parents[0].Children[0].Name != "张三" || parents[0].IsSubscribe != 0 {
		t.Errorf("parents %+v", parents)
	}
	if err := a.School.UpdateParent(ctx, &work.SchoolParentUpdate{ParentUserID: "zhangsan_parent", Children: []work.SchoolChild{{StudentUserID: "lisi", Relation: "爸爸"}}}); err != nil {
		t.Fatal(err)
	}
	if err := a.School.DeleteStudent(ctx, "zhangsan2"); err != nil {
		t.Fatal(err)
	}
	if _, err := srv.LastRequest(fakewechat.WeComPath("GET /cgi-bin/school/user/delete_student")); !err {
		t.Error("no delete_student request")
	}
	failed, err = a.School.BatchUpdateParents(ctx, []work.SchoolParentUpdate{{ParentUserID: "zhangsan_parent", Mobile: "18000000009"}, {ParentUserID: "ghost"}})
	apiCodeB(t, err, 60111)
	if len(failed) != 1 || failed[0].ParentUserID != "ghost" || failed[0].Errcode != 60111 {
		t.Fatalf("batch update failures: %+v", failed)
	}
	if p := mustB[*work.SchoolUser](t)(a.School.GetUser(ctx, "zhangsan_parent")); p.Parent.Mobile != "18000000009" {
		t.Errorf("batch update not applied: %+v", p.Parent)
	}
	if failed, err := a.School.BatchDeleteParents(ctx, []string{"zhangsan_parent"}); err != nil || len(failed) != 0 {
		t.Fatal(failed, err)
	}
	if got := rawB(t, srv, "POST /cgi-bin/school/user/batch_delete_parent"); got != `{"useridlist":["zhangsan_parent"]}` {
		t.Errorf("batch delete body %s", got)
	}
	_, err = a.School.BatchUpdateStudents(ctx, []work.SchoolStudentUpdate{{StudentUserID: "lisi", Name: "李四四"}, {StudentUserID: "ghost"}})
	apiCodeB(t, err, 60111)
	failed, err = a.School.BatchDeleteStudents(ctx, []string{"lisi", "wangwu", "ghost"})
	apiCodeB(t, err, 60111)
	if len(failed) != 1 || failed[0].StudentUserID != "ghost" {
		t.Fatalf("batch delete failures: %+v", failed)
	}
	if left := mustB[[]work.SchoolStudentInfo](t)(a.School.ListStudents(ctx, class)); len(left) != 0 {
		t.Errorf("left %+v", left)
	}
	_, err = a.School.GetUser(ctx, "lisi")
	apiCodeB(t, err, 60111)

	// Argument errors are caught before sending.
	n := len(srv.Requests())
	paramErrB(t, srv, n, a.School.CreateStudent(ctx, &work.SchoolStudent{StudentUserID: "x"}), "name")
	paramErrB(t, srv, n, a.School.CreateStudent(ctx, &work.SchoolStudent{StudentUserID: "x", Name: "x", Department: make([]int64, 21)}), "department")
	paramErrB(t, srv, n, a.School.CreateParent(ctx, &work.SchoolParent{ParentUserID: "x", Mobile: "1"}), "children")
	paramErrB(t, srv, n, a.School.CreateParent(ctx, &work.SchoolParent{ParentUserID: "x", Mobile: "1",
		Children: []work.SchoolChild{{StudentUserID: "s", Relation: strings.Repeat("关", 11)}}}), "children.relation")
	paramErrB(t, srv, n, a.School.UpdateParent(ctx, &work.SchoolParentUpdate{ParentUserID: "x", Children: make([]work.SchoolChild, 11)}), "children")
	_, err = a.School.BatchDeleteStudents(ctx, make([]string, 101))
	paramErrB(t, srv, n, err, "useridlist")
	_, err = a.School.BatchCreateParents(ctx, nil)
	paramErrB(t, srv, n, err, "parents")
	paramErrB(t, srv, n, a.School.DeleteParent(ctx, ""), "userid")
	_, err = a.School.ListParents(ctx, 0)
	paramErrB(t, srv, n, err, "department_id")
	_, err = a.School.UserInfo(ctx, "")
	paramErrB(t, srv, n, err, "code")
}

func TestSchoolBatchParentsAndLogin(t *testing.T) {
	ctx := context.Background()
	srv, a := newBAgent(t)
	_, class := schoolSetup(t, a)
	if _, err := a.School.BatchCreateStudents(ctx, []work.SchoolStudent{{StudentUserID: "s1", Name: "一", Department: []int64{class}},
		{StudentUserID: "s2", Name: "二", Department: []int64{class}}}); err != nil {
		t.Fatal(err)
	}
	if _, err := a.School.BatchCreateParents(ctx, []work.SchoolParent{
		{ParentUserID: "p1", Mobile: "18000000000", Children: []work.SchoolChild{{StudentUserID: "s1", Relation: "妈妈"}}},
		{ParentUserID: "p2", Mobile: "18000000001", Children: []work.SchoolChild{{StudentUserID: "s2", Relation: "爸爸"}}}}); err != nil {
		t.Fatal(err)
	}
	if got := rawB(t, srv, "POST /cgi-bin/school/user/batch_create_parent"); !strings.HasPrefix(got, `{"parents":[{"parent_userid":"p1","mobile":"18000000000","children":[{"student_userid":"s1","relation":"妈妈"}]}`) {
		t.Errorf("batch parents body %s", got)
	}
	id := mustB[*work.SchoolIdentity](t)(a.School.UserInfo(ctx, srv.WeComSchoolCode(fakewechat.DefaultCorpID, "P1")))
	if id.ParentUserID != "p1" || id.StudentUserID != "" || id.DeviceID == "" {
		t.Errorf("identity %+v", id)
	}
	code := srv.WeComSchoolCode(fakewechat.DefaultCorpID, "s2")
	if id := mustB[*work.SchoolIdentity](t)(a.School.UserInfo(ctx, code)); id.StudentUserID != "s2" {
		t.Errorf("identity %+v", id)
	}
	_, err := a.School.UserInfo(ctx, code) // used once
	apiCodeB(t, err, 40029)
	if got := len(mustB[[]work.SchoolParentInfo](t)(a.School.ListParents(ctx, class))); got != 2 {
		t.Errorf("parents %d", got)
	}
}

func TestSchoolDepartments(t *testing.T) {
	ctx := context.Background()
	srv, a := newBAgent(t)
	grade, class := schoolSetup(t, a)
	if got, want := rawB(t, srv, "POST /cgi-bin/school/department/create"),
		`{"name":"一年级一班","parentid":`; !strings.HasPrefix(got, want) || !strings.HasSuffix(got, `"type":1,"department_admins":[{"userid":"zhangsan","type":3,"subject":"语文"}]}`) {
		t.Errorf("create body %s", got)
	}
	std := mustB[int64](t)(a.School.CreateDepartment(ctx, &work.SchoolDepartment{ID: 20, ParentID: 1, Type: work.SchoolDeptGrade, StandardGrade: 2, RegisterYear: 2025, Order: 3}))
	if std != 20 {
		t.Errorf("id %d", std)
	}
	_, err := a.School.CreateDepartment(ctx, &work.SchoolDepartment{ID: 20, Name: "x", ParentID: 1, Type: work.SchoolDeptStage})
	apiCodeB(t, err, 60008)
	_, err = a.School.CreateDepartment(ctx, &work.SchoolDepartment{Name: "班", ParentID: 1, Type: work.SchoolDeptClass})
	apiCodeB(t, err, 40058) // a class goes under a grade
	_, err = a.School.CreateDepartment(ctx, &work.SchoolDepartment{Name: "班", ParentID: grade, Type: work.SchoolDeptClass,
		DepartmentAdmins: []work.SchoolDeptAdmin{{UserID: "u", Type: work.SchoolAdminCampusHead}}})
	apiCodeB(t, err, 40058) // a campus head on a class
	_, err = a.School.CreateDepartment(ctx, &work.SchoolDepartment{Name: "a/b", ParentID: 1, Type: work.SchoolDeptStage})
	apiCodeB(t, err, 40058)

	all := mustB[[]work.SchoolDepartment](t)(a.School.ListDepartments(ctx, 0))
	if len(all) != 4 || all[0].ID != 1 || all[0].Type != work.SchoolDeptSchool || all[3].StandardGrade != 2 || all[3].RegisterYear != 2025 || all[3].Order != 3 {
		t.Fatalf("all %+v", all)
	}
	if err := a.School.UpdateDepartment(ctx, &work.SchoolDepartmentUpdate{ID: class, NewID: 100, Name: "一年级二班",
		DepartmentAdmins: []work.SchoolDeptAdmin{{Op: 1, UserID: "zhangsan"}, {UserID: "lisi", Type: work.SchoolAdminTeacher, Subject: "数学"}}}); err != nil {
		t.Fatal(err)
	}
	if got := rawB(t, srv, "POST /cgi-bin/school/department/update"); !strings.Contains(got, `"department_admins":[{"op":1,"userid":"zhangsan"},{"op":0,"userid":"lisi","type":4,"subject":"数学"}]`) {
		t.Errorf("update body %s", got)
	}
	sub := mustB[[]work.SchoolDepartment](t)(a.School.ListDepartments(ctx, grade))
	if len(sub) != 2 || sub[1].ID != 100 || sub[1].Name != "一年级二班" || len(sub[1].DepartmentAdmins) != 1 || sub[1].DepartmentAdmins[0].Subject != "数学" {
		t.Fatalf("subtree %+v", sub)
	}
	if err := a.School.CreateStudent(ctx, &work.SchoolStudent{StudentUserID: "s", Name: "s", Department: []int64{100}}); err != nil {
		t.Fatal(err)
	}
	apiCodeB(t, a.School.DeleteDepartment(ctx, grade), 60006)
	apiCodeB(t, a.School.DeleteDepartment(ctx, 100), 60005)
	apiCodeB(t, a.School.DeleteDepartment(ctx, 999), 60003)
	if err := a.School.DeleteStudent(ctx, "s"); err != nil {
		t.Fatal(err)
	}
	if err := a.School.DeleteDepartment(ctx, 100); err != nil {
		t.Fatal(err)
	}
	_, err = a.School.ListDepartments(ctx, 100)
	apiCodeB(t, err, 60003)

	n := len(srv.Requests())
	_, err = a.School.CreateDepartment(ctx, &work.SchoolDepartment{Name: "x", Type: 1})
	paramErrB(t, srv, n, err, "parentid")
	_, err = a.School.CreateDepartment(ctx, &work.SchoolDepartment{Name: "x", ParentID: 1, Type: 5})
	paramErrB(t, srv, n, err, "type")
	_, err = a.School.CreateDepartment(ctx, &work.SchoolDepartment{ParentID: 1, Type: 3})
	paramErrB(t, srv, n, err, "name")
	_, err = a.School.CreateDepartment(ctx, &work.SchoolDepartment{Name: "x", ParentID: 1, Type: 2, RegisterYear: 1900})
	paramErrB(t, srv, n, err, "register_year")
	paramErrB(t, srv, n, a.School.UpdateDepartment(ctx, &work.SchoolDepartmentUpdate{}), "id")
	paramErrB(t, srv, n, a.School.UpdateDepartment(ctx, &work.SchoolDepartmentUpdate{ID: 2, DepartmentAdmins: []work.SchoolDeptAdmin{{UserID: "u", Op: 2}}}), "department_admins.op")
	paramErrB(t, srv, n, a.School.DeleteDepartment(ctx, 1), "id")
}

func TestSchoolSettings(t *testing.T) {
	ctx := context.Background()
	srv, a := newBAgent(t)
	if err := a.School.SetArchSyncMode(ctx, work.SchoolSyncNoTagToArch); err != nil {
		t.Fatal(err)
	}
	if got := rawB(t, srv, "POST /cgi-bin/school/set_arch_sync_mode"); got != `{"arch_sync_mode":1}` {
		t.Errorf("body %s", got)
	}
	if err := a.School.SetArchSyncMode(ctx, work.SchoolSyncNoArchToTag); err != nil {
		t.Fatal(err)
	}
	// 2020-07-07 (China time): the next upgrade is on July 7 after the fake's clock.
	next := mustB[int64](t)(a.School.SetUpgradeInfo(ctx, 1594090969, true))
	if got := rawB(t, srv, "POST /cgi-bin/school/set_upgrade_info"); got != `{"upgrade_time":1594090969,"upgrade_switch":1}` {
		t.Errorf("body %s", got)
	}
	if nt := srv.Now(); next <= nt.Unix() || next > nt.AddDate(1, 0, 0).Unix() || (next+8*3600)%86400 != 0 {
		t.Errorf("next %d now %v", next, nt)
	}
	mode, ut, on := srv.WeComSchoolSettings(fakewechat.DefaultCorpID)
	if mode != 3 || ut != 1594090969 || !on {
		t.Errorf("settings %d %d %v", mode, ut, on)
	}
	scope := mustB[*work.SchoolAllowScope](t)(a.School.AllowScope(ctx))
	if len(scope.Students.UserID) != 2 || len(scope.Departments.PartyID) != 2 {
		t.Errorf("scope %+v", scope)
	}
	if rr, _ := srv.LastRequest(fakewechat.WeComPath("GET /cgi-bin/school/agent/get_allow_scope")); rr.Query.Get("agentid") != "1000002" {
		t.Errorf("agentid %v", rr.Query)
	}
	n := len(srv.Requests())
	paramErrB(t, srv, n, a.School.SetArchSyncMode(ctx, 4), "arch_sync_mode")
	_, err := a.School.SetUpgradeInfo(ctx, -1, false)
	paramErrB(t, srv, n, err, "upgrade_time")
}

func TestSchoolLivingAndPayment(t *testing.T) {
	ctx := context.Background()
	srv, a := newBAgent(t)
	info := mustB[*work.SchoolLivingInfo](t)(a.School.LivingInfo(ctx, "lv1"))
	if info.Theme == "" || info.LivingDuration != 1800 || len(info.LivingRange.PartyIDs) != 3 {
		t.Errorf("info %+v", info)
	}
	ws := mustB[*work.SchoolWatchStat](t)(a.School.WatchStat(ctx, "lv1", ""))
	if got := rawB(t, srv, "POST /cgi-bin/school/living/get_watch_stat"); got != `{"livingid":"lv1","next_key":"0"}` {
		t.Errorf("body %s", got)
	}
	if ws.Ending != 1 || len(ws.StatInfo.Students) != 2 || ws.StatInfo.Students[0].ParentUserID != "zhangsan" ||
		ws.StatInfo.Students[0].WatchTime != 30 || ws.StatInfo.Visitors[1].Nickname != "wx_nickname2" {
		t.Errorf("watch %+v", ws)
	}
	var parents []string
	for cur := ""; ; {
		p := mustB[*work.SchoolStatPage](t)(a.School.WatchStatV2(ctx, "lv1", cur))
		for _, w := range p.StatInfo.Parents {
			parents = append(parents, w.ParentUserID)
		}
		if p.HasMore == 0 {
			break
		}
		cur = p.NextCursor
	}
	if strings.Join(parents, ",") != "zhangsan,lisi" {
		t.Errorf("parents %v", parents)
	}
	un := mustB[*work.SchoolStatPage](t)(a.School.UnwatchStatV2(ctx, "lv1", "0"))
	if un.HasMore != 1 || len(un.StatInfo.Students) != 1 || un.StatInfo.Students[0].PartyIDs[1] != 11 {
		t.Errorf("unwatch %+v", un)
	}
	pay := mustB[*work.SchoolPayment](t)(a.School.PaymentResult(ctx, "pay1"))
	if pay.Amount != 998 || len(pay.PaymentResult) != 1 || pay.PaymentResult[0].TradeState != 1 {
		t.Errorf("payment %+v", pay)
	}
	tr := mustB[*work.SchoolTrade](t)(a.School.Trade(ctx, "pay1", pay.PaymentResult[0].TradeNo))
	if got := rawB(t, srv, "POST /cgi-bin/school/get_trade"); got != `{"payment_id":"pay1","trade_no":"xxxxx"}` {
		t.Errorf("body %s", got)
	}
	if tr.TransactionID == "" || tr.PayTime != 12345 {
		t.Errorf("trade %+v", tr)
	}
	n := len(srv.Requests())
	_, err := a.School.LivingInfo(ctx, "")
	paramErrB(t, srv, n, err, "livingid")
	_, err = a.School.UnwatchStatV2(ctx, "", "")
	paramErrB(t, srv, n, err, "livingid")
	_, err = a.School.Trade(ctx, "pay1", "")
	paramErrB(t, srv, n, err, "trade_no")
}
