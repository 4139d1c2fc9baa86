package work_test

import (
	"context"
	"testing"

	"github.com/weixin-go/wechat/work"
)

func TestDocAuth(t *testing.T) {
	ctx := context.Background()
	srv, a := newBAgent(t)
	sheet := mustB[*work.CreatedDoc](t)(a.Doc.Create(ctx, &work.DocCreate{DocType: work.DocTypeSmartSheet, DocName: "s", AdminUsers: []string{"zhangsan"}})).DocID
	doc := mustB[*work.CreatedDoc](t)(a.Doc.Create(ctx, &work.DocCreate{DocType: work.DocTypeDoc, DocName: "d"})).DocID

	auth := mustB[*work.DocAuth](t)(a.Doc.Auth(ctx, sheet))
	if raw := rawB(t, srv, "POST /cgi-bin/wedoc/doc_get_auth"); raw != `{"docid":"`+sheet+`"}` {
		t.Errorf("get auth body %s", raw)
	}
	if r := auth.AccessRule; !r.EnableCorpInternal || r.CorpInternalAuth != work.DocAuthRead || !r.CorpExternalApproveOnlyByAdmin || r.BanShareExternal {
		t.Errorf("rule %+v", r)
	}
	if auth.SecureSetting.Watermark.MarginType != 2 || len(auth.CoAuthList) != 0 ||
		len(auth.DocMemberList) != 1 || auth.DocMemberList[0] != (work.DocMember{Type: 1, UserID: "zhangsan", Auth: work.DocAuthAdmin}) {
		t.Errorf("auth %+v", auth)
	}

	off, on := false, true
	if err := a.Doc.SetJoinRule(ctx, sheet, &work.DocJoinRule{EnableCorpExternal: &off, BanShareExternal: &on, CorpInternalAuth: work.DocAuthWrite,
		UpdateCoAuthList: true, CoAuthList: []work.DocCoAuth{{Type: 2, DepartmentID: 3, Auth: work.DocAuthWrite}}}); err != nil {
		t.Fatal(err)
	}
	if raw := rawB(t, srv, "POST /cgi-bin/wedoc/mod_doc_join_rule"); raw != `{"docid":"`+sheet+`","corp_internal_auth":2,"enable_corp_external":false,"ban_share_external":true,"update_co_auth_list":true,"co_auth_list":[{"type":2,"departmentid":3,"auth":2}]}` {
		t.Errorf("join rule body %s", raw)
	}
	auth = mustB[*work.DocAuth](t)(a.Doc.Auth(ctx, sheet))
	if r := auth.AccessRule; r.EnableCorpExternal || !r.BanShareExternal || r.CorpInternalAuth != work.DocAuthWrite || !r.EnableCorpInternal {
		t.Errorf("rule %+v", r)
	}
	if len(auth.CoAuthList) != 1 || auth.CoAuthList[0] != (work.DocCoAuth{Type: 2, DepartmentID: 3, Auth: work.DocAuthWrite}) {
		t.Errorf("co auth %+v", auth.CoAuthList)
	}
	// An empty list with UpdateCoAuthList clears the departments.
	if err := a.Doc.SetJoinRule(ctx, sheet, &work.DocJoinRule{UpdateCoAuthList: true}); err != nil {
		t.Fatal(err)
	}
	if raw := rawB(t, srv, "POST /cgi-bin/wedoc/mod_doc_join_rule"); raw != `{"docid":"`+sheet+`","update_co_auth_list":true,"co_auth_list":[]}` {
		t.Errorf("clear body %s", raw)
	}
	if auth = mustB[*work.DocAuth](t)(a.Doc.Auth(ctx, sheet)); len(auth.CoAuthList) != 0 {
		t.Errorf("co auth %+v", auth.CoAuthList)
	}
	// Read-write is for smart sheets; approval needs an admin.
	apiCodeB(t, a.Doc.SetJoinRule(ctx, doc, &work.DocJoinRule{CorpInternalAuth: work.DocAuthWrite}), 40058)
	apiCodeB(t, a.Doc.SetJoinRule(ctx, doc, &work.DocJoinRule{CorpInternalApproveOnlyByAdmin: &on}), 40058)
	// Turning members off keeps their join approval on (it must stay true).
	if err := a.Doc.SetJoinRule(ctx, doc, &work.DocJoinRule{EnableCorpInternal: &off}); err != nil {
		t.Fatal(err)
	}
	apiCodeB(t, a.Doc.SetJoinRule(ctx, doc, &work.DocJoinRule{CorpInternalApproveOnlyByAdmin: &off}), 40058)

	if err := a.Doc.SetMembers(ctx, sheet, []work.DocMember{{Type: 1, UserID: "lisi", Auth: work.DocAuthWrite}, {Type: 1, TmpExternalUserID: "tmp1", Auth: work.DocAuthRead}},
		[]work.DocMember{{Type: 1, UserID: "zhangsan", Auth: work.DocAuthAdmin}}); err != nil {
		t.Fatal(err)
	}
	if raw := rawB(t, srv, "POST /cgi-bin/wedoc/mod_doc_member"); raw != `{"docid":"`+sheet+`","update_file_member_list":[{"type":1,"userid":"lisi","auth":2},{"type":1,"tmp_external_userid":"tmp1","auth":1}],"del_file_member_list":[{"type":1,"userid":"zhangsan"}]}` {
		t.Errorf("members body %s", raw)
	}
	if err := a.Doc.SetMembers(ctx, sheet, []work.DocMember{{Type: 1, UserID: "lisi", Auth: work.DocAuthAdmin}}, nil); err != nil {
		t.Fatal(err)
	}
	auth = mustB[*work.DocAuth](t)(a.Doc.Auth(ctx, sheet))
	want := []work.DocMember{{Type: 1, UserID: "lisi", Auth: work.DocAuthAdmin}, {Type: 1, TmpExternalUserID: "tmp1", Auth: work.DocAuthRead}}
	if len(auth.DocMemberList) != 2 || auth.DocMemberList[0] != want[0] || auth.DocMemberList[1] != want[1] {
		t.Errorf("members %+v", auth.DocMemberList)
	}
	apiCodeB(t, a.Doc.SetMembers(ctx, doc, []work.DocMember{{Type: 1, UserID: "lisi", Auth: work.DocAuthWrite}}, nil), 40058)
	_, err := a.Doc.Auth(ctx, "nope")
	apiCodeB(t, err, 40058)
}

func TestDocAuthArgs(t *testing.T) {
	ctx := context.Background()
	srv, a := newBAgent(t)
	n := len(srv.Requests())
	off := false
	_, err := a.Doc.Auth(ctx, "")
	paramErrB(t, srv, n, err, "docid")
	paramErrB(t, srv, n, a.Doc.SetJoinRule(ctx, "", &work.DocJoinRule{}), "docid")
	paramErrB(t, srv, n, a.Doc.SetJoinRule(ctx, "d", nil), "rule")
	paramErrB(t, srv, n, a.Doc.SetJoinRule(ctx, "d", &work.DocJoinRule{CorpExternalAuth: 7}), "corp_external_auth")
	paramErrB(t, srv, n, a.Doc.SetJoinRule(ctx, "d", &work.DocJoinRule{EnableCorpInternal: &off, CorpInternalApproveOnlyByAdmin: &off}), "corp_internal_approve_only_by_admin")
	paramErrB(t, srv, n, a.Doc.SetJoinRule(ctx, "d", &work.DocJoinRule{EnableCorpExternal: &off, BanShareExternal: &off, CorpExternalApproveOnlyByAdmin: &off}), "corp_external_approve_only_by_admin")
	paramErrB(t, srv, n, a.Doc.SetJoinRule(ctx, "d", &work.DocJoinRule{UpdateCoAuthList: true, CoAuthList: []work.DocCoAuth{{Type: 1, DepartmentID: 1, Auth: 1}}}), "co_auth_list")
	paramErrB(t, srv, n, a.Doc.SetJoinRule(ctx, "d", &work.DocJoinRule{UpdateCoAuthList: true, CoAuthList: []work.DocCoAuth{{Type: 2, DepartmentID: 1}}}), "co_auth_list.auth")
	paramErrB(t, srv, n, a.Doc.SetMembers(ctx, "", nil, nil), "docid")
	paramErrB(t, srv, n, a.Doc.SetMembers(ctx, "d", []work.DocMember{{Type: 2, UserID: "u", Auth: 1}}, nil), "update_file_member_list.type")
	paramErrB(t, srv, n, a.Doc.SetMembers(ctx, "d", []work.DocMember{{Type: 1, Auth: 1}}, nil), "update_file_member_list.userid")
	paramErrB(t, srv, n, a.Doc.SetMembers(ctx, "d", []work.DocMember{{Type: 1, UserID: "u", Auth: 3}}, nil), "update_file_member_list.auth")
	paramErrB(t, srv, n, a.Doc.SetMembers(ctx, "d", nil, []work.DocMember{{Type: 1, UserID: "u", TmpExternalUserID: "t"}}), "del_file_member_list.userid")
	paramErrB(t, srv, n, a.Doc.SetMembers(ctx, "d", nil, make([]work.DocMember, work.MaxDocMembers+1)), "del_file_member_list")
	// del's Auth is not sent and the caller's slice is left alone.
	del := []work.DocMember{{Type: 1, UserID: "u", Auth: 7}}
	_ = a.Doc.SetMembers(ctx, "d", nil, del)
	if del[0].Auth != 7 {
		t.Error("SetMembers changed its argument")
	}
}
