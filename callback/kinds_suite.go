package callback

// Typed views of the notifications WeCom pushes to a third-party suite's
// (or service provider's) callback: InfoType and the suite envelope, no
// MsgType.

// WeCom suite and service provider notifications (InfoType). The contact
// and customer changes also come as app events of the same name.
const (
	InfoTypeSuiteTicket           = "suite_ticket"
	InfoTypeCreateAuth            = "create_auth"
	InfoTypeChangeAuth            = "change_auth"
	InfoTypeCancelAuth            = "cancel_auth"
	InfoTypeResetPermanentCode    = "reset_permanent_code"
	InfoTypeRegisterCorp          = "register_corp"
	InfoTypeLicensePaySuccess     = "license_pay_success"
	InfoTypeLicenseRefund         = "license_refund"
	InfoTypeAutoActivate          = "auto_activate"
	InfoTypeAdvancedAPIPaySuccess = "advanced_api_pay_success"
	InfoTypeOpenOrder             = "open_order"
	InfoTypeChangeOrder           = "change_order"
	InfoTypePayForAppSuccess      = "pay_for_app_success"
	InfoTypeRefund                = "refund"
	InfoTypeChangeEditon          = "change_editon" // spelled as documented
	InfoTypeChangeContact         = EventChangeContact
	InfoTypeChangeExternalContact = EventChangeExternalContact
	InfoTypeChangeExternalChat    = EventChangeExternalChat
	InfoTypeChangeExternalTag     = EventChangeExternalTag
	InfoTypeBatchJobResult        = EventBatchJobResult
)

const (
	docSuiteLicense = "https://developer.work.weixin.qq.com/document/path/97196"
	docSuiteOrder   = "https://developer.work.weixin.qq.com/document/path/99387"
)

// SuiteTicket is a suite_ticket notification, pushed every ten minutes;
// the ticket is valid for 30 minutes and gets the suite_access_token.
//
// See https://developer.work.weixin.qq.com/document/path/90628.
type SuiteTicket struct {
	SuiteHeader
	Ticket string `push:"SuiteTicket"`
}

// SuiteTicket returns the fields of a suite_ticket notification; ok is
// false for other pushes.
func (m *Message) SuiteTicket() (SuiteTicket, bool) { return typed[SuiteTicket](m) }

// SuiteAuth is an authorization notification of a suite: create_auth
// (AuthCode: exchange it within 10 minutes for the permanent code),
// change_auth, cancel_auth and reset_permanent_code (AuthCode).
//
// See https://developer.work.weixin.qq.com/document/path/90642.
type SuiteAuth struct {
	SuiteHeader
	AuthCode  string // create_auth, reset_permanent_code
	State     string // the state of the install link
	ExtraInfo string
}

// SuiteAuth returns the fields of a suite authorization notification; ok
// is false for other pushes.
func (m *Message) SuiteAuth() (SuiteAuth, bool) { return typed[SuiteAuth](m) }

// RegisterCorp is a register_corp notification: a company registered
// through the service provider's registration link.
//
// See https://developer.work.weixin.qq.com/document/path/90585.
type RegisterCorp struct {
	SuiteHeader
	RegisterCode string
	ContactSync  RegisterContactSync
	AuthUserID   string `push:"AuthUserInfo/UserId"` // the administrator who registered
	State        string
	TemplateID   string `push:"TemplateId"`
}

// RegisterContactSync is the contact-sync token of a registered company.
type RegisterContactSync struct {
	AccessToken string
	ExpiresIn   int64 // seconds
}

// RegisterCorp returns the fields of a register_corp notification; ok is
// false for other pushes.
func (m *Message) RegisterCorp() (RegisterCorp, bool) { return typed[RegisterCorp](m) }

// LicenseNotice is an interface license notification of a service
// provider: license_pay_success, license_refund, auto_activate and
// advanced_api_pay_success.
//
// See https://developer.work.weixin.qq.com/document/path/97196,
// https://developer.work.weixin.qq.com/document/path/95994 and
// https://developer.work.weixin.qq.com/document/path/101401.
type LicenseNotice struct {
	SuiteHeader
	OrderID        string           `push:"OrderId"`        // pay_success, refund
	BuyerUserID    string           `push:"BuyerUserId"`    // pay_success
	AdvanceAPIType int              `push:"AdvanceApiType"` // advanced_api_pay_success: 1 chat data
	OrderStatus    int              // refund: 1 refunded, 2 refund rejected
	Scene          int              // auto_activate
	AccountList    []LicenseAccount // auto_activate
}

// LicenseAccount is one account activated by auto_activate.
type LicenseAccount struct {
	ActiveCode         string
	Type               int    // 1 basic, 2 interworking
	ExpireTime         int64  // unix seconds
	UserID             string `push:"UserId"`
	PreviousStatus     int
	PreviousActiveCode string
}

// LicenseNotice returns the fields of a license notification; ok is false
// for other pushes.
func (m *Message) LicenseNotice() (LicenseNotice, bool) { return typed[LicenseNotice](m) }

// AppOrder is an app-market order notification of a suite: open_order,
// change_order, pay_for_app_success, refund and change_editon.
//
// See https://developer.work.weixin.qq.com/document/path/99387.
type AppOrder struct {
	SuiteHeader
	PaidCorpID string `push:"PaidCorpId"`
	OrderID    string `push:"OrderId"`
	OperatorID string `push:"OperatorId"` // open_order: empty when ordered by the provider
	OldOrderID string `push:"OldOrderId"` // change_order
	NewOrderID string `push:"NewOrderId"` // change_order
}

// AppOrder returns the fields of an app order notification; ok is false
// for other pushes.
func (m *Message) AppOrder() (AppOrder, bool) { return typed[AppOrder](m) }
