package callback

// Typed views of more notifications WeCom pushes to a third-party suite's
// callback: permission grants and batched home-school contact changes.
// They are added to the table of kinds below.

// WeCom suite notifications (InfoType) added here.
const (
	InfoTypeCorpArchAuth             = "corp_arch_auth"
	InfoTypeApproveSpecialAuth       = "approve_special_auth"
	InfoTypeCancelSpecialAuth        = "cancel_special_auth"
	InfoTypeChangeSchoolContactBatch = "change_school_contact_batch"
)

// AuthTypeCustomerAcquisition is the AuthType of approve_special_auth and
// cancel_special_auth for the customer acquisition (获客助手) permission.
const AuthTypeCustomerAcquisition = "customer_acquisition"

const docSuiteSpecialAuth = "https://developer.work.weixin.qq.com/document/path/98959"

func init() {
	kinds = append(kinds,
		Kind{InfoType: InfoTypeCorpArchAuth, Type: typeOf[PermissionNotice](), Doc: "https://developer.work.weixin.qq.com/document/path/97378"},
		Kind{InfoType: InfoTypeApproveSpecialAuth, Type: typeOf[PermissionNotice](), Doc: docSuiteSpecialAuth},
		Kind{InfoType: InfoTypeCancelSpecialAuth, Type: typeOf[PermissionNotice](), Doc: docSuiteSpecialAuth},
		Kind{InfoType: InfoTypeChangeSchoolContactBatch, Type: typeOf[SchoolContactBatch](), Doc: "https://developer.work.weixin.qq.com/document/path/97281"},
	)
}

// PermissionNotice is a permission notification of a suite:
// corp_arch_auth (the company's administrator granted the organization
// structure permission; no AuthType), approve_special_auth (the
// administrator confirmed a special permission the app was authorized
// with) or cancel_special_auth (the administrator withdrew it). The
// documented AuthType is AuthTypeCustomerAcquisition.
//
// See https://developer.work.weixin.qq.com/document/path/97378 and
// https://developer.work.weixin.qq.com/document/path/98959.
type PermissionNotice struct {
	SuiteHeader
	AuthType string
}

// PermissionNotice returns the fields of a corp_arch_auth,
// approve_special_auth or cancel_special_auth notification; ok is false
// for other pushes.
func (m *Message) PermissionNotice() (PermissionNotice, bool) {
	return typed[PermissionNotice](m)
}

// SchoolContactBatch is a change_school_contact_batch notification: the
// changes of a school's home-school contacts made within a short time,
// merged into one push to the suite. Each entry is one change of
// change_school_contact.
//
// See https://developer.work.weixin.qq.com/document/path/97281.
type SchoolContactBatch struct {
	SuiteHeader
	Changes []SchoolContactBatchChange `push:"ChangeList"`
}

// SchoolContactBatchChange is one change of a change_school_contact_batch
// notification.
type SchoolContactBatchChange struct {
	TimeStamp  int64 // unix seconds
	ChangeType string
	ID         string `push:"Id"`    // userid of the student or parent, or department id
	NewID      string `push:"NewId"` // new userid, when update_student or update_parent changed it
}

// SchoolContactBatch returns the fields of a change_school_contact_batch
// notification; ok is false for other pushes.
func (m *Message) SchoolContactBatch() (SchoolContactBatch, bool) {
	return typed[SchoolContactBatch](m)
}
