package work_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/weixin-go/wechat/work"
)

func approvalSpec(name string, ids ...string) *work.ApprovalTemplateSpec {
	t := &work.ApprovalTemplateSpec{TemplateName: []work.LangText{{Text: name, Lang: "zh_CN"}}}
	for _, id := range ids {
		var c work.ApprovalControl
		c.Property.Control = strings.Split(id, "-")[0]
		c.Property.ID = id
		c.Property.Title = []work.LangText{{Text: "控件" + id, Lang: "zh_CN"}}
		c.Property.Require = 1
		t.TemplateContent.Controls = append(t.TemplateContent.Controls, c)
	}
	return t
}

func TestApprovalTemplateCreateUpdate(t *testing.T) {
	ctx := context.Background()
	srv, a := newBAgent(t)
	srv.AddWeComApprovalTemplate(corpB, "tplOld", "请假", "Text")

	spec := approvalSpec("报销", "Text-01", "Money-02")
	spec.TemplateContent.Controls[1].Config = json.RawMessage(`{}`)
	id, err := a.Approval.CreateTemplate(ctx, spec)
	if err != nil {
		t.Fatal(err)
	}
	if id == "" || id == "tplOld" {
		t.Fatalf("template id %q", id)
	}
	b := bodyB(t, srv, "POST /cgi-bin/oa/approval/create_template")
	if b["template_name"].([]any)[0].(map[string]any)["text"] != "报销" || b["template_content"].(map[string]any)["controls"].([]any)[1].(map[string]any)["property"].(map[string]any)["id"] != "Money-02" {
		t.Errorf("create body %v", b)
	}
	tpl, err := a.Approval.TemplateDetail(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if tpl.TemplateNames[0].Text != "报销" || len(tpl.TemplateContent.Controls) != 2 || tpl.TemplateContent.Controls[1].Property.Control != "Money" ||
		tpl.TemplateContent.Controls[0].Property.Title[0].Text != "控件Text-01" || tpl.TemplateContent.Controls[0].Property.Require != 1 {
		t.Errorf("detail %+v", tpl)
	}

	// Names are unique in the corp, including templates made in the admin page.
	_, err = a.Approval.CreateTemplate(ctx, approvalSpec("请假"))
	apiCodeB(t, err, 40058)

	if err := a.Approval.UpdateTemplate(ctx, id, approvalSpec("差旅报销", "Text-01", "Date-03", "File-04")); err != nil {
		t.Fatal(err)
	}
	if b := bodyB(t, srv, "POST /cgi-bin/oa/approval/update_template"); b["template_id"] != id || b["template_name"].([]any)[0].(map[string]any)["text"] != "差旅报销" {
		t.Errorf("update body %v", b)
	}
	tpl, err = a.Approval.TemplateDetail(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if tpl.TemplateNames[0].Text != "差旅报销" || len(tpl.TemplateContent.Controls) != 3 || tpl.TemplateContent.Controls[2].Property.ID != "File-04" {
		t.Errorf("updated detail %+v", tpl)
	}
	// Keeping its own name is fine; taking another template's is not.
	if err := a.Approval.UpdateTemplate(ctx, id, approvalSpec("差旅报销")); err != nil {
		t.Fatal(err)
	}
	apiCodeB(t, a.Approval.UpdateTemplate(ctx, id, approvalSpec("请假")), 40058)
	apiCodeB(t, a.Approval.UpdateTemplate(ctx, "nope", approvalSpec("x")), 301025)

	// The created template takes applications.
	app := &work.ApprovalApplication{CreatorUserID: "zhangsan", TemplateID: id, UseTemplateApprover: 1}
	app.ApplyData.Contents = []work.ApprovalContent{{Control: "Text", ID: "Text-01", Value: json.RawMessage(`{"text":"车票"}`)}}
	if _, err := a.Approval.Apply(ctx, app); err != nil {
		t.Fatal(err)
	}
}

func TestApprovalTemplateArgs(t *testing.T) {
	ctx := context.Background()
	srv, a := newBAgent(t)
	n := len(srv.Requests())
	_, err := a.Approval.CreateTemplate(ctx, nil)
	paramErrB(t, srv, n, err, "template_name")
	_, err = a.Approval.CreateTemplate(ctx, &work.ApprovalTemplateSpec{TemplateName: []work.LangText{{Text: "x"}}})
	paramErrB(t, srv, n, err, "template_name")
	_, err = a.Approval.CreateTemplate(ctx, approvalSpec(strings.Repeat("名", 41)))
	paramErrB(t, srv, n, err, "template_name")
	_, err = a.Approval.CreateTemplate(ctx, approvalSpec("x", "Text-01", "Text-01"))
	paramErrB(t, srv, n, err, "template_content")
	bad := approvalSpec("x", "Text-01")
	bad.TemplateContent.Controls[0].Property.Title = nil
	_, err = a.Approval.CreateTemplate(ctx, bad)
	paramErrB(t, srv, n, err, "template_content")
	paramErrB(t, srv, n, a.Approval.UpdateTemplate(ctx, "", approvalSpec("x")), "template_id")
	paramErrB(t, srv, n, a.Approval.UpdateTemplate(ctx, "tpl", nil), "template_name")
	// 40 characters is the limit, not over it.
	if _, err := a.Approval.CreateTemplate(ctx, approvalSpec(strings.Repeat("名", 40))); err != nil {
		t.Fatal(err)
	}
}
