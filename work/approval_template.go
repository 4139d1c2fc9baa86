package work

import (
	"context"
	"unicode/utf8"
)

var (
	approvalCreateTemplate = epPost("/cgi-bin/oa/approval/create_template")
	approvalUpdateTemplate = epPost("/cgi-bin/oa/approval/update_template")
)

// ApprovalTemplateSpec is the name and controls of an approval template to
// create or update. Each name text is at most 40 characters and unique in
// the corp; control ids look like "Text-01" and are unique in the template.
type ApprovalTemplateSpec struct {
	TemplateName    []LangText `json:"template_name"`
	TemplateContent struct {
		Controls []ApprovalControl `json:"controls"`
	} `json:"template_content"`
}

func (t *ApprovalTemplateSpec) check() error {
	if t == nil || len(t.TemplateName) == 0 {
		return paramErr("template_name", "required")
	}
	for _, n := range t.TemplateName {
		if n.Text == "" || n.Lang == "" {
			return paramErr("template_name", "text and lang required")
		}
		if utf8.RuneCountInString(n.Text) > 40 {
			return paramErr("template_name", "at most 40 characters")
		}
	}
	seen := map[string]bool{}
	for _, c := range t.TemplateContent.Controls {
		p := c.Property
		if p.Control == "" || p.ID == "" || len(p.Title) == 0 {
			return paramErr("template_content", "each control needs control, id and title")
		}
		if seen[p.ID] {
			return paramErr("template_content", "duplicate control id "+p.ID)
		}
		seen[p.ID] = true
	}
	return nil
}

// CreateTemplate creates an approval template and returns its id, which
// TemplateDetail and Apply take.
// https://developer.work.weixin.qq.com/document/path/97437
func (s *ApprovalService) CreateTemplate(ctx context.Context, t *ApprovalTemplateSpec) (string, error) {
	if err := t.check(); err != nil {
		return "", err
	}
	out, err := callB[templateIDBody](ctx, s.c, approvalCreateTemplate, nil, t)
	if err != nil {
		return "", err
	}
	return out.TemplateID, nil
}

// UpdateTemplate replaces the name and controls of approval template
// templateID; its approval flow and rules stay as they are.
// https://developer.work.weixin.qq.com/document/path/97440
func (s *ApprovalService) UpdateTemplate(ctx context.Context, templateID string, t *ApprovalTemplateSpec) error {
	if err := needB("template_id", templateID); err != nil {
		return err
	}
	if err := t.check(); err != nil {
		return err
	}
	body := struct {
		templateIDBody
		*ApprovalTemplateSpec
	}{templateIDBody{templateID}, t}
	return s.c.Do(ctx, approvalUpdateTemplate, nil, body, nil)
}
