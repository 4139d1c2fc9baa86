package work

import "context"

var approvalCopyTemplate = epPost("/cgi-bin/oa/approval/copytemplate")

// CopyTemplate copies (or, when the corp has it already, updates) an
// approval template a service provider made and had reviewed into this
// corp, and returns the corp's template_id (use it with the approval
// APIs). Only third-party apps may call it, with the corp's access_token:
// the token chooses the target corp. WeCom answers 301025 for an invalid
// openTemplateID.
// https://developer.work.weixin.qq.com/document/path/92630
func (s *ApprovalService) CopyTemplate(ctx context.Context, openTemplateID string) (string, error) {
	if err := needB("open_template_id", openTemplateID); err != nil {
		return "", err
	}
	out, err := callB[struct {
		TemplateID string `json:"template_id"`
	}](ctx, s.c, approvalCopyTemplate, nil, struct {
		OpenTemplateID string `json:"open_template_id"`
	}{openTemplateID})
	if err != nil {
		return "", err
	}
	return out.TemplateID, nil
}
