package work_test

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/weixin-go/wechat/work"
)

func TestApproval(t *testing.T) {
	ctx := context.Background()
	srv, a := newBAgent(t)
	srv.AddWeComApprovalTemplate(corpB, "tplLeave", "请假", "Text", "Date")

	tpl, err := a.Approval.TemplateDetail(ctx, "tplLeave")
	if err != nil {
		t.Fatal(err)
	}
	if tpl.TemplateNames[0].Text != "请假" || len(tpl.TemplateContent.Controls) != 2 || tpl.TemplateContent.Controls[1].Property.ID != "Date-1" || tpl.TemplateContent.Controls[0].Property.Require != 1 {
		t.Errorf("template %+v", tpl)
	}
	_, err = a.Approval.TemplateDetail(ctx, "nope")
	apiCodeB(t, err, 301025)

	app := &work.ApprovalApplication{CreatorUserID: "zhangsan", TemplateID: "tplLeave", Approver: []work.ApprovalApprover{{Attr: 2, UserID: []string{"lisi", "wangwu"}}}, Notifyer: []string{"boss"}}
	app.ApplyData.Contents = []work.ApprovalContent{{Control: "Text", ID: "Text-0", Value: json.RawMessage(`{"text":"回家"}`)}}
	var nos []string
	for range 3 {
		no, err := a.Approval.Apply(ctx, app)
		if err != nil {
			t.Fatal(err)
		}
		nos = append(nos, no)
	}
	if b := bodyB(t, srv, "POST /cgi-bin/oa/applyevent"); b["use_template_approver"] != float64(0) || b["creator_userid"] != "zhangsan" || b["apply_data"].(map[string]any)["contents"].([]any)[0].(map[string]any)["value"].(map[string]any)["text"] != "回家" {
		t.Errorf("apply body %v", b)
	}
	d, err := a.Approval.Detail(ctx, nos[1])
	if err != nil {
		t.Fatal(err)
	}
	if d.SpNo != nos[1] || d.SpStatus != 1 || d.Applyer.UserID != "zhangsan" || d.TemplateID != "tplLeave" || len(d.SpRecord) != 1 || d.SpRecord[0].ApproverAttr != 2 ||
		d.SpRecord[0].Details[1].Approver.UserID != "wangwu" || string(d.ApplyData.Contents[0].Value) != `{"text":"回家"}` {
		t.Errorf("detail %+v", d)
	}
	_, err = a.Approval.Detail(ctx, "0")
	apiCodeB(t, err, 301055)

	now := time.Now().Unix()
	q := work.ApprovalQuery{StartTime: now - 3600, EndTime: now + 3600, Size: 2, Filters: []work.KeyValue{{Key: "sp_status", Value: "1"}}}
	p, err := a.Approval.List(ctx, &q)
	if err != nil {
		t.Fatal(err)
	}
	if b := bodyB(t, srv, "POST /cgi-bin/oa/getapprovalinfo"); b["size"] != float64(2) || b["new_cursor"] != "" || b["filters"].([]any)[0].(map[string]any)["key"] != "sp_status" {
		t.Errorf("list body %v", b)
	}
	if len(p.SpNoList) != 2 || p.SpNoList[0] != nos[0] || p.NewNextCursor == "" {
		t.Errorf("page %+v", p)
	}
	var all []string
	for no, err := range a.Approval.All(ctx, q) {
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, no)
	}
	if len(all) != 3 || all[2] != nos[2] {
		t.Errorf("all %v", all)
	}
	q.Filters[0].Value = "2"
	if p := mustB[*work.ApprovalPage](t)(a.Approval.List(ctx, &q)); len(p.SpNoList) != 0 {
		t.Errorf("filtered %+v", p)
	}
	_, err = a.Approval.Apply(ctx, &work.ApprovalApplication{CreatorUserID: "x", TemplateID: "nope", UseTemplateApprover: 1})
	apiCodeB(t, err, 301025)

	n := len(srv.Requests())
	_, err = a.Approval.Apply(ctx, &work.ApprovalApplication{CreatorUserID: "x", TemplateID: "t"})
	paramErrB(t, srv, n, err, "approver")
	_, err = a.Approval.Apply(ctx, &work.ApprovalApplication{TemplateID: "t"})
	paramErrB(t, srv, n, err, "creator_userid")
	_, err = a.Approval.List(ctx, &work.ApprovalQuery{StartTime: 1, EndTime: 2})
	paramErrB(t, srv, n, err, "size")
	_, err = a.Approval.List(ctx, &work.ApprovalQuery{Size: 1})
	paramErrB(t, srv, n, err, "starttime")
	_, err = a.Approval.Detail(ctx, "")
	paramErrB(t, srv, n, err, "sp_no")
	_, err = a.Approval.TemplateDetail(ctx, "")
	paramErrB(t, srv, n, err, "template_id")
}
