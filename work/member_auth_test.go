package work_test

import (
	"context"
	"net/http"
	"testing"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
)

func TestMemberAuth(t *testing.T) {
	ctx := context.Background()
	srv, a := newBAgent(t)
	p, err := a.User.ListMemberAuth(ctx, "", 1)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.MemberAuthList) != 1 || p.NextCursor == "" {
		t.Fatalf("page %+v", p)
	}
	if b := rawB(t, srv, "POST /cgi-bin/user/list_member_auth"); b != `{"limit":1}` {
		t.Errorf("body %s", b)
	}
	var all []string
	for id, err := range a.User.AllMemberAuth(ctx, 1) {
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, id)
	}
	if len(all) != 2 || all[0] != p.OpenUserIDs()[0] {
		t.Errorf("all %v", all)
	}
	ok, err := a.User.CheckMemberAuth(ctx, all[1])
	if err != nil || !ok {
		t.Errorf("check %v %v", ok, err)
	}
	if b := rawB(t, srv, "POST /cgi-bin/user/check_member_auth"); b != `{"open_userid":"`+all[1]+`"}` {
		t.Errorf("check body %s", b)
	}
	if ok, err := a.User.CheckMemberAuth(ctx, "woNobody"); err != nil || ok {
		t.Errorf("unknown %v %v", ok, err)
	}

	sel, err := a.User.SelectedTicketUsers(ctx, fakewechat.WeComSelectedTicket)
	if err != nil {
		t.Fatal(err)
	}
	if sel.Total != 3 || len(sel.OpenUserIDs) != 2 || len(sel.Unauth) != 1 || sel.OperatorOpenUserID != sel.OpenUserIDs[0] {
		t.Errorf("selected %+v", sel)
	}
	if b := rawB(t, srv, "POST /cgi-bin/user/list_selected_ticket_user"); b != `{"selected_ticket":"`+fakewechat.WeComSelectedTicket+`"}` {
		t.Errorf("ticket body %s", b)
	}
	_, err = a.User.SelectedTicketUsers(ctx, "expired")
	apiCodeB(t, err, 40058)

	n := len(srv.Requests())
	_, err = a.User.ListMemberAuth(ctx, "", 1001)
	paramErrB(t, srv, n, err, "limit")
	_, err = a.User.CheckMemberAuth(ctx, "")
	paramErrB(t, srv, n, err, "open_userid")
	_, err = a.User.SelectedTicketUsers(ctx, "")
	paramErrB(t, srv, n, err, "selected_ticket")
}

func TestApprovalCopyTemplate(t *testing.T) {
	ctx := context.Background()
	srv, a := newBAgent(t)
	id, err := a.Approval.CopyTemplate(ctx, "1Bs2gZz5csQ1jLdCY8A3WHN9GtFaSYWJDK2S4FU2Fp")
	if err != nil {
		t.Fatal(err)
	}
	if id == "" {
		t.Fatal("no template_id")
	}
	if b := rawB(t, srv, "POST /cgi-bin/oa/approval/copytemplate"); b != `{"open_template_id":"1Bs2gZz5csQ1jLdCY8A3WHN9GtFaSYWJDK2S4FU2Fp"}` {
		t.Errorf("body %s", b)
	}
	// The copy is one of the corp's templates now.
	if _, err := a.Approval.TemplateDetail(ctx, id); err != nil {
		t.Errorf("detail of the copy: %v", err)
	}
	// Copying again updates the same template.
	if id2, err := a.Approval.CopyTemplate(ctx, "1Bs2gZz5csQ1jLdCY8A3WHN9GtFaSYWJDK2S4FU2Fp"); err != nil || id2 != id {
		t.Errorf("second copy %q %v", id2, err)
	}
	err = a.Client.Do(ctx, wechat.Endpoint{Method: http.MethodPost, Path: "/cgi-bin/oa/approval/copytemplate"}, nil, map[string]string{"open_template_id": " "}, nil)
	apiCodeB(t, err, 301025)
	n := len(srv.Requests())
	_, err = a.Approval.CopyTemplate(ctx, "")
	paramErrB(t, srv, n, err, "open_template_id")
}
