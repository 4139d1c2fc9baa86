package work

import "context"

var mailComposeSend = epPost("/cgi-bin/exmail/app/compose_send")

// Limits of Mail.Send.
const (
	MaxMailAttachments = 200              // attachments per mail
	MaxMailSize        = 50 * 1024 * 1024 // body and attachments, bytes
)

// MailRecipients are email addresses and members (by userid).
type MailRecipients struct {
	Emails  []string `json:"emails,omitempty"`
	UserIDs []string `json:"userids,omitempty"`
}

func (r *MailRecipients) empty() bool { return r == nil || len(r.Emails) == 0 && len(r.UserIDs) == 0 }

// MailAttachment is a file attached to a mail; Content is sent base64
// encoded.
type MailAttachment struct {
	FileName string `json:"file_name"`
	Content  []byte `json:"content"`
}

// Mail is a plain mail (普通邮件) sent by the app. ContentType is "html"
// (the default) or "text". EnableIDTrans (1) turns on id translation, for
// third-party apps only.
type Mail struct {
	To             *MailRecipients  `json:"to"`
	CC             *MailRecipients  `json:"cc,omitempty"`
	BCC            *MailRecipients  `json:"bcc,omitempty"`
	Subject        string           `json:"subject"`
	Content        string           `json:"content"`
	AttachmentList []MailAttachment `json:"attachment_list,omitempty"`
	ContentType    string           `json:"content_type,omitempty"`
	EnableIDTrans  int              `json:"enable_id_trans,omitempty"`
}

// Send sends a plain mail from the app's mailbox, with attachments (at
// most 200, 50 MB with the body).
// https://developer.work.weixin.qq.com/document/path/97515
func (s *MailService) Send(ctx context.Context, m *Mail) error {
	if m == nil || m.To.empty() {
		return paramErr("to", "at least one email or userid")
	}
	if m.ContentType != "" && m.ContentType != "html" && m.ContentType != "text" {
		return paramErr("content_type", "html or text")
	}
	if len(m.AttachmentList) > MaxMailAttachments {
		return paramErr("attachment_list", "at most 200 attachments")
	}
	size := len(m.Content)
	for _, a := range m.AttachmentList {
		size += len(a.Content)
	}
	if size > MaxMailSize {
		return paramErr("attachment_list", "body and attachments over 50 MB")
	}
	return s.c.Do(ctx, mailComposeSend, nil, m, nil)
}
