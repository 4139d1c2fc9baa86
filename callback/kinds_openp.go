package callback

// Typed views of the pushes a third-party platform receives for the mini
// programs it manages (package component/wxa). The code review results
// (weapp_audit_*) and name reviews (wxa_nickname_audit) are in the main
// table; the kinds below are added to it.

// EventWxaCategoryAudit is the event of a category review result.
const EventWxaCategoryAudit = "wxa_category_audit"

func init() {
	kinds = append(kinds,
		Kind{Event: EventWxaCategoryAudit, Type: typeOf[CategoryAudit](), Doc: "https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/category/wxa_category_audit.html"},
	)
}

// CategoryAudit is a wxa_category_audit event: the review result of a
// category added with the wxa CategoryService.
//
// See https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/category/wxa_category_audit.html.
type CategoryAudit struct {
	Ret    int    `push:"ret"`    // 2 rejected, 3 approved
	First  int    `push:"first"`  // first-level category id
	Second int    `push:"second"` // second-level category id
	Reason string `push:"reason"` // why it was rejected
}

// CategoryAudit returns the typed view of a wxa_category_audit event; ok is
// false for other pushes.
func (m *Message) CategoryAudit() (CategoryAudit, bool) { return typed[CategoryAudit](m) }
