package callback

// Typed views of more notifications WeCom pushes to a third-party suite's
// callback: permission grants, batched home-school contact changes and
// scans of a service provider's promotion QR code.
// They are added to the table of kinds below.

// WeCom suite notifications (InfoType) added here.
const (
	InfoTypeCorpArchAuth             = "corp_arch_auth"
	InfoTypeApproveSpecialAuth       = "approve_special_auth"
	InfoTypeCancelSpecialAuth        = "cancel_special_auth"
	InfoTypeChangeSchoolContactBatch = "change_school_contact_batch"
	InfoTypeEnterRegisterPackage     = "enter_register_package"
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
		Kind{InfoType: InfoTypeEnterRegisterPackage, Type: typeOf[RegisterPackageScan](), Doc: "https://developer.work.weixin.qq.com/document/path/98071"},
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

// RegisterPackageScan is an enter_register_package notification, pushed to
// the service provider's system event URL: a member of a company that
// already authorized one of the provider's apps scanned a promotion QR
// code (or opened the registration link of a promotion package on a
// phone). ServiceCorpID and AuthCorpID are set.
//
// See https://developer.work.weixin.qq.com/document/path/98071.
type RegisterPackageScan struct {
	SuiteHeader
	AuthUserID   string `push:"AuthUserInfo/UserId"` // the member who scanned
	RegisterCode string // the registration code of the link
	State        string // as given when the registration code was made; absent otherwise
	TemplateID   string `push:"TemplateId"` // the promotion package
}

// RegisterPackageScan returns the fields of an enter_register_package
// notification; ok is false for other pushes.
func (m *Message) RegisterPackageScan() (RegisterPackageScan, bool) {
	return typed[RegisterPackageScan](m)
}
