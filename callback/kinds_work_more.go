package callback

// Typed views of more WeCom pushes: customer acquisition (获客助手),
// customer service account authorization and conversation archiving
// (会话内容存档). They are added to the table of kinds below.

// WeCom events and suite notifications added here. customer_acquisition
// comes as an app event and, with the suite envelope, as a suite
// notification of the same name.
const (
	EventCustomerAcquisition    = "customer_acquisition"
	InfoTypeCustomerAcquisition = EventCustomerAcquisition
	EventKfAccountAuthChange    = "kf_account_auth_change"

	// EventMsgAuditNotify announces new archived messages (at most every
	// 15 seconds); it carries only AgentID. Fetch them with the archive
	// SDK.
	EventMsgAuditNotify = "msgaudit_notify"
	// InfoTypeConversationNewMessage announces new archived messages to
	// the suite authorized for conversation archiving, with a Token.
	InfoTypeConversationNewMessage = "conversation_new_message"

	// ChangeMsgAuditApproved is the ChangeType of a change_external_contact
	// event sent when a customer agreed to have the chat archived.
	ChangeMsgAuditApproved = "msg_audit_approved"
)

// ChangeType values of customer_acquisition that the documentation shows
// with their examples.
const (
	ChangeBalanceLow       = "balance_low"       // fewer than 20 uses left
	ChangeBalanceExhausted = "balance_exhausted" // no uses left
	ChangeBalanceIncreased = "balance_increased" // uses went from 0 to more
	ChangeOpenProfile      = "open_profile"      // a customer opened a link (suites)
	ChangeFriendRequest    = "friend_request"    // a customer sent a friend request through a link (suites)
)

const (
	docWorkAcquisition  = "https://developer.work.weixin.qq.com/document/path/97299"
	docSuiteAcquisition = "https://developer.work.weixin.qq.com/document/path/99485"
)

func init() {
	kinds = append(kinds,
		Kind{Event: EventCustomerAcquisition, InfoType: InfoTypeCustomerAcquisition, Type: typeOf[CustomerAcquisition](), Doc: docWorkAcquisition},
		Kind{Event: EventKfAccountAuthChange, Type: typeOf[KfAccountAuthChange](), Doc: "https://developer.work.weixin.qq.com/document/path/97713"},
		Kind{Event: EventMsgAuditNotify, Doc: "https://developer.work.weixin.qq.com/document/path/95039"},
		Kind{InfoType: InfoTypeConversationNewMessage, Type: typeOf[ConversationNewMessage](), Doc: "https://developer.work.weixin.qq.com/document/path/99682"},
	)
}

// CustomerAcquisition is a WeCom customer_acquisition event (获客助手): the
// usage balance changed (balance_low, balance_exhausted,
// balance_increased: ChangeType only) or a customer acted on an
// acquisition link (LinkID and State, the customer_channel of the link).
// Elements of other ChangeTypes stay reachable with Get and Node.
//
// See https://developer.work.weixin.qq.com/document/path/97299 (apps) and
// https://developer.work.weixin.qq.com/document/path/99485 (suites).
type CustomerAcquisition struct {
	SuiteHeader
	ChangeType string
	LinkID     string `push:"LinkId"`
	State      string // customer_channel of the link
	// ChatKey is pushed when a member received several messages from a
	// customer: the key of customer_acquisition/get_chat_info, valid 30
	// minutes (https://developer.work.weixin.qq.com/document/path/101361).
	// The docs name it there; no example push shows it.
	ChatKey string
}

// CustomerAcquisition returns the fields of a customer_acquisition event,
// from an app or a suite callback; ok is false for other pushes.
func (m *Message) CustomerAcquisition() (CustomerAcquisition, bool) {
	return typed[CustomerAcquisition](m)
}

// KfAccountAuthChange is a WeCom kf_account_auth_change event: customer
// service (微信客服) accounts were authorized to the app (AuthAdd) or
// their authorization was removed (AuthDel).
//
// See https://developer.work.weixin.qq.com/document/path/97713.
type KfAccountAuthChange struct {
	AuthAddOpenKfIDs []string `push:"AuthAddOpenKfId"` // one element per account
	AuthDelOpenKfIDs []string `push:"AuthDelOpenKfId"`
}

// KfAccountAuthChange returns the fields of a kf_account_auth_change
// event; ok is false for other pushes.
func (m *Message) KfAccountAuthChange() (KfAccountAuthChange, bool) {
	return typed[KfAccountAuthChange](m)
}

// ConversationNewMessage is a conversation_new_message notification: new
// messages were archived in a corp that authorized the suite.
//
// See https://developer.work.weixin.qq.com/document/path/99682.
type ConversationNewMessage struct {
	SuiteHeader
	Token string // valid 10 minutes, for fetching the messages
}

// ConversationNewMessage returns the fields of a conversation_new_message
// notification; ok is false for other pushes.
func (m *Message) ConversationNewMessage() (ConversationNewMessage, bool) {
	return typed[ConversationNewMessage](m)
}
