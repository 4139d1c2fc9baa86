package callback

import "strings"

// Typed views of WeCom (企业微信) app events. The contact, customer,
// customer group, tag and batch job changes are also pushed to a
// third-party suite's callback, with InfoType instead of MsgType and Event
// and the suite envelope (SuiteId, AuthCorpId, TimeStamp) instead of
// ToUserName; both forms decode into the same struct, and Mux routes both
// to the same HandleChange and HandleEvent registrations.

// WeCom events not listed with the official account events.
const (
	EventWorkClick          = "click" // menu click (official accounts: CLICK)
	EventWorkView           = "view"  // menu link (official accounts: VIEW)
	EventChangeExternalTag  = "change_external_tag"
	EventTaskCardClick      = "taskcard_click"
	EventLivingStatusChange = "living_status_change"
	EventModifyCalendar     = "modify_calendar"
	EventDeleteCalendar     = "delete_calendar"
	EventAddSchedule        = "add_schedule"
	EventModifySchedule     = "modify_schedule"
	EventDeleteSchedule     = "delete_schedule"
	EventRespondSchedule    = "respond_schedule"
	EventUnlicensedNotify   = "unlicensed_notify"
	EventChangeAppAdmin     = "change_app_admin"
	EventChangeChain        = "change_chain"
)

// WeCom ChangeType values of change_external_chat and change_external_tag.
const (
	ChangeCreate  = "create"
	ChangeUpdate  = "update"
	ChangeDismiss = "dismiss"
	ChangeDelete  = "delete"
	ChangeShuffle = "shuffle"
)

const docWorkSchedule = "https://developer.work.weixin.qq.com/document/path/97731"

// SuiteHeader is the envelope of a push to a WeCom third-party suite's (or
// service provider's) callback. It is empty in an app callback, whose
// envelope is on Message (ToUserName, AgentID, CreateTime).
type SuiteHeader struct {
	SuiteID       string `push:"SuiteId"`
	ServiceCorpID string `push:"ServiceCorpId"` // service provider notifications
	AuthCorpID    string `push:"AuthCorpId"`
	TimeStamp     int64  // unix seconds
}

// ContactChange is a WeCom change_contact event (create_user, update_user,
// delete_user, create_party, update_party, delete_party, update_tag). Only
// the fields of the ChangeType are set. Department, IsLeaderInDept,
// DirectLeader and the tag item lists are comma-separated as pushed (see
// SplitList).
//
// See https://developer.work.weixin.qq.com/document/path/90970 (members),
// https://developer.work.weixin.qq.com/document/path/90971 (departments),
// https://developer.work.weixin.qq.com/document/path/90972 (tags) and
// https://developer.work.weixin.qq.com/document/path/90639 (suites).
type ContactChange struct {
	SuiteHeader
	ChangeType string

	// Members (create_user, update_user, delete_user).
	UserID         string `push:"UserID"`
	OpenUserID     string `push:"OpenUserID"` // suites
	NewUserID      string `push:"NewUserID"`  // update_user when the userid changed
	Name           string // member or department name
	Department     string
	MainDepartment string
	IsLeaderInDept string
	DirectLeader   string
	Position       string
	Mobile         string
	Gender         int // 0 unset, 1 male, 2 female
	Email          string
	BizMail        string
	Status         int // 1 active, 2 disabled, 4 not activated, 5 left
	Avatar         string
	Alias          string
	Telephone      string
	Address        string
	ExtAttr        []ContactExtAttr `push:"ExtAttr/Item"`

	// Departments (create_party, update_party, delete_party).
	PartyID  string `push:"Id"`
	ParentID string `push:"ParentId"`
	Order    int

	// Tags (update_tag).
	TagID         string `push:"TagId"`
	AddUserItems  string
	DelUserItems  string
	AddPartyItems string
	DelPartyItems string
}

// ContactExtAttr is one extended attribute of a member: text (Type 0) or
// web link (Type 1).
type ContactExtAttr struct {
	Name     string
	Type     int
	Text     string `push:"Text/Value"`
	WebTitle string `push:"Web/Title"`
	WebURL   string `push:"Web/Url"`
}

// ContactChange returns the fields of a change_contact event, from an app
// or a suite callback; ok is false for other pushes.
func (m *Message) ContactChange() (ContactChange, bool) { return typed[ContactChange](m) }

// ExternalContactChange is a WeCom change_external_contact event
// (add_external_contact, edit_external_contact, add_half_external_contact,
// del_external_contact, del_follow_user, transfer_fail, and
// msg_audit_approved when a customer agreed to have the chat archived).
//
// See https://developer.work.weixin.qq.com/document/path/92130,
// https://developer.work.weixin.qq.com/document/path/92005
// (msg_audit_approved) and, for suites,
// https://developer.work.weixin.qq.com/document/path/92277.
type ExternalContactChange struct {
	SuiteHeader
	ChangeType     string
	UserID         string `push:"UserID"` // the member
	ExternalUserID string `push:"ExternalUserID"`
	State          string // add: the state of the contact way used
	WelcomeCode    string // add, msg_audit_approved: code for sending the welcome message
	Source         string // del_external_contact: DELETE_BY_TRANSFER when removed by a transfer
	FailReason     string // transfer_fail: customer_refused or customer_limit_exceed
}

// ExternalContactChange returns the fields of a change_external_contact
// event, from an app or a suite callback; ok is false for other pushes.
func (m *Message) ExternalContactChange() (ExternalContactChange, bool) {
	return typed[ExternalContactChange](m)
}

// ExternalChatChange is a WeCom change_external_chat event: a customer
// group was created (create), changed (update) or dismissed (dismiss).
//
// See https://developer.work.weixin.qq.com/document/path/92130.
type ExternalChatChange struct {
	SuiteHeader
	ChatID        string `push:"ChatId"`
	ChangeType    string
	UpdateDetail  string   // update: add_member, del_member, change_owner, change_name, change_notice
	JoinScene     int      // add_member: 0 invited by a member, 1 by link, 3 by QR code
	QuitScene     int      // del_member: 0 left, 1 removed by a member
	MemChangeCnt  int      // add_member, del_member
	MemChangeList []string `push:"MemChangeList/Item"`
	LastMemVer    string   // add_member, del_member: member list version before
	CurMemVer     string   // after
}

// ExternalChatChange returns the fields of a change_external_chat event,
// from an app or a suite callback; ok is false for other pushes.
func (m *Message) ExternalChatChange() (ExternalChatChange, bool) {
	return typed[ExternalChatChange](m)
}

// ExternalTagChange is a WeCom change_external_tag event: a customer tag
// or tag group was created, updated, deleted or reordered (shuffle).
//
// See https://developer.work.weixin.qq.com/document/path/92130.
type ExternalTagChange struct {
	SuiteHeader
	ID         string `push:"Id"`
	TagType    string // tag or tag_group
	ChangeType string
	StrategyID string `push:"StrategyId"` // rule group tags
}

// ExternalTagChange returns the fields of a change_external_tag event,
// from an app or a suite callback; ok is false for other pushes.
func (m *Message) ExternalTagChange() (ExternalTagChange, bool) { return typed[ExternalTagChange](m) }

// BatchJobResult is a WeCom batch_job_result event: an asynchronous
// contact import finished.
//
// See https://developer.work.weixin.qq.com/document/path/90973.
type BatchJobResult struct {
	SuiteHeader
	JobID   string `push:"BatchJob/JobId"`
	JobType string `push:"BatchJob/JobType"` // sync_user, replace_user, invite_user, replace_party
	ErrCode int    `push:"BatchJob/ErrCode"`
	ErrMsg  string `push:"BatchJob/ErrMsg"`
}

// BatchJobResult returns the fields of a batch_job_result event, from an
// app or a suite callback; ok is false for other pushes.
func (m *Message) BatchJobResult() (BatchJobResult, bool) { return typed[BatchJobResult](m) }

// KfMsgOrEvent is a WeCom customer service (微信客服) kf_msg_or_event: it
// only announces that messages are waiting; fetch them with kf/sync_msg
// passing Token and OpenKfID.
//
// See https://developer.work.weixin.qq.com/document/path/94670.
type KfMsgOrEvent struct {
	Token    string // valid 10 minutes, for kf/sync_msg
	OpenKfID string `push:"OpenKfId"`
}

// KfMsgOrEvent returns the fields of a kf_msg_or_event event; ok is false
// for other pushes.
func (m *Message) KfMsgOrEvent() (KfMsgOrEvent, bool) { return typed[KfMsgOrEvent](m) }

// TemplateCardEvent is a WeCom template_card_event (a button of an
// interactive template card was clicked or a vote/choice submitted) or
// template_card_menu_event (an item of the card's action menu was
// chosen). Answer it with UpdateButton or UpdateTemplateCard, or later with
// message/update_template_card and ResponseCode.
//
// See https://developer.work.weixin.qq.com/document/path/90240.
type TemplateCardEvent struct {
	EventKey      string         // key of the clicked button or menu item
	TaskID        string         `push:"TaskId"`
	CardType      string         // button_interaction, vote_interaction, multiple_interaction, ...
	ResponseCode  string         // for message/update_template_card, usable once
	SelectedItems []SelectedItem `push:"SelectedItems/SelectedItem"`
}

// SelectedItem is one question of a vote or multiple-choice card.
type SelectedItem struct {
	QuestionKey string
	OptionIDs   []string `push:"OptionIds/OptionId"`
}

// TemplateCardEvent returns the fields of a template_card_event or
// template_card_menu_event; ok is false for other pushes.
func (m *Message) TemplateCardEvent() (TemplateCardEvent, bool) { return typed[TemplateCardEvent](m) }

// TaskCardClick is a WeCom taskcard_click event: a button of a task card
// was clicked (the button's key is Message.EventKey).
//
// See https://developer.work.weixin.qq.com/document/path/90240.
type TaskCardClick struct {
	TaskID string `push:"TaskId"`
}

// TaskCardClick returns the fields of a taskcard_click event; ok is false
// for other pushes.
func (m *Message) TaskCardClick() (TaskCardClick, bool) { return typed[TaskCardClick](m) }

// LivingStatusChange is a WeCom living_status_change event: a live
// stream created by the app changed state.
//
// See https://developer.work.weixin.qq.com/document/path/94145.
type LivingStatusChange struct {
	LivingID string `push:"LivingId"`
	Status   int    // 0 reserved, 1 live, 2 ended, 3 expired, 4 cancelled
}

// LivingStatusChange returns the fields of a living_status_change event;
// ok is false for other pushes.
func (m *Message) LivingStatusChange() (LivingStatusChange, bool) {
	return typed[LivingStatusChange](m)
}

// ScheduleEvent is a WeCom calendar or schedule event: modify_calendar,
// delete_calendar (CalID only), add_schedule, modify_schedule,
// delete_schedule and respond_schedule.
//
// See https://developer.work.weixin.qq.com/document/path/97731.
type ScheduleEvent struct {
	CalID      string `push:"CalId"`
	ScheduleID string `push:"ScheduleId"`
}

// ScheduleEvent returns the fields of a calendar or schedule event; ok is
// false for other pushes.
func (m *Message) ScheduleEvent() (ScheduleEvent, bool) { return typed[ScheduleEvent](m) }

// ApprovalChange is the ApprovalInfo of a WeCom sys_approval_change (the
// built-in approval app) or open_approval_change (the approval flow engine
// of a self-built app). The fields of the other kind are empty.
//
// See https://developer.work.weixin.qq.com/document/path/91815 and
// https://developer.work.weixin.qq.com/document/path/90269.
type ApprovalChange struct {
	// sys_approval_change.
	SpNo             string           `push:"ApprovalInfo/SpNo"`
	SpName           string           `push:"ApprovalInfo/SpName"`
	SpStatus         int              `push:"ApprovalInfo/SpStatus"` // 1 pending, 2 approved, 3 rejected, 4 revoked, 6 revoked after approval, 7 deleted, 10 paid
	TemplateID       string           `push:"ApprovalInfo/TemplateId"`
	ApplierUserID    string           `push:"ApprovalInfo/Applyer/UserId"`
	ApplierParty     string           `push:"ApprovalInfo/Applyer/Party"`
	SpRecords        []ApprovalRecord `push:"ApprovalInfo/SpRecord"`
	Notifiers        []string         `push:"ApprovalInfo/Notifyer/UserId"`
	Comments         []ApprovalNote   `push:"ApprovalInfo/Comments"`
	StatuChangeEvent int              `push:"ApprovalInfo/StatuChangeEvent"` // what changed: 1 submitted, 2 approved, 3 rejected, ... (field name as documented)

	// open_approval_change.
	ThirdNo        string             `push:"ApprovalInfo/ThirdNo"`
	OpenSpName     string             `push:"ApprovalInfo/OpenSpName"`
	OpenTemplateID string             `push:"ApprovalInfo/OpenTemplateId"`
	OpenSpStatus   int                `push:"ApprovalInfo/OpenSpStatus"` // 1 pending, 2 approved, 3 rejected, 4 revoked
	ApplyUserID    string             `push:"ApprovalInfo/ApplyUserId"`
	ApplyUserName  string             `push:"ApprovalInfo/ApplyUserName"`
	ApplyUserParty string             `push:"ApprovalInfo/ApplyUserParty"`
	ApplyUserImage string             `push:"ApprovalInfo/ApplyUserImage"`
	ApprovalNodes  []OpenApprovalNode `push:"ApprovalInfo/ApprovalNodes/ApprovalNode"`
	NotifyNodes    []OpenApprovalItem `push:"ApprovalInfo/NotifyNodes/NotifyNode"`
	ApproverStep   int                `push:"ApprovalInfo/approverstep"` // index of the current node

	ApplyTime int64 `push:"ApprovalInfo/ApplyTime"` // both: unix seconds
}

// ApprovalRecord is one approval node of a sys_approval_change.
type ApprovalRecord struct {
	SpStatus     int // 1 pending, 2 approved, 3 rejected, 4 transferred, ...
	ApproverAttr int // 1 any approver, 2 all approvers
	Details      []ApprovalDetail
}

// ApprovalDetail is one approver of an approval node.
type ApprovalDetail struct {
	ApproverUserID string `push:"Approver/UserId"`
	Speech         string // comment
	SpStatus       int    // 1 pending, 2 approved, 3 rejected, 4 transferred, ...
	SpTime         int64  // unix seconds, 0 while pending
}

// ApprovalNote is one comment on a sys_approval_change.
type ApprovalNote struct {
	UserID  string `push:"CommentUserInfo/UserId"`
	Time    int64  `push:"CommentTime"`
	Content string `push:"CommentContent"`
	ID      string `push:"CommentId"`
}

// OpenApprovalNode is one node of an open_approval_change.
type OpenApprovalNode struct {
	NodeStatus int                // 1 pending, 2 approved, 3 rejected, 4 transferred, ...
	NodeAttr   int                // 1 any approver, 2 all approvers
	NodeType   int                // 1 fixed members, 2 chosen by the applicant, ...
	Items      []OpenApprovalItem `push:"Items/Item"`
}

// OpenApprovalItem is one approver or notified member of an
// open_approval_change.
type OpenApprovalItem struct {
	ItemName   string
	ItemParty  string
	ItemImage  string
	ItemUserID string `push:"ItemUserId"`
	ItemStatus int    // approvers: 1 pending, 2 approved, 3 rejected, 4 transferred
	ItemSpeech string
	ItemOpTime int64
}

// ApprovalChange returns the ApprovalInfo of a sys_approval_change or
// open_approval_change event; ok is false for other pushes.
func (m *Message) ApprovalChange() (ApprovalChange, bool) { return typed[ApprovalChange](m) }

// ChainChange is a WeCom change_chain event: an upstream/downstream
// chain was created or changed (ChangeType create_chain, update_chain,
// ...).
//
// See https://developer.work.weixin.qq.com/document/path/95796.
type ChainChange struct {
	ChangeType string
	ChainID    string `push:"ChainId"`
}

// ChainChange returns the fields of a change_chain event; ok is false for
// other pushes.
func (m *Message) ChainChange() (ChainChange, bool) { return typed[ChainChange](m) }

// SplitList splits a comma-separated WeCom list (Department,
// AddUserItems, ...) into its items; an empty string gives nil.
func SplitList(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, ",")
}
