package callback

import "strings"

// Typed views of WeCom (企业微信) events and of third-party platform
// notifications whose payload is more than the common fields of Message.
// Each accessor reads the elements the official documentation lists; any
// other element stays reachable with Get and Node.

// ContactChange is a WeCom change_contact event (create_user, update_user,
// delete_user, create_party, update_party, delete_party, update_tag). Only
// the fields of the ChangeType are set. Department, IsLeaderInDept,
// DirectLeader and the tag item lists are comma-separated as pushed.
//
// See https://developer.work.weixin.qq.com/document/path/90970 (members),
// https://developer.work.weixin.qq.com/document/path/90971 (departments)
// and https://developer.work.weixin.qq.com/document/path/90972 (tags).
type ContactChange struct {
	ChangeType string

	// Members (create_user, update_user, delete_user).
	UserID         string
	NewUserID      string // update_user when the userid changed
	Name           string // member or department name
	Department     string
	MainDepartment string
	IsLeaderInDept string
	DirectLeader   string
	Position       string
	Mobile         string
	Gender         string
	Email          string
	BizMail        string
	Status         string
	Avatar         string
	Alias          string
	Telephone      string
	Address        string

	// Departments (create_party, update_party, delete_party).
	PartyID  string // Id
	ParentID string // ParentId
	Order    string

	// Tags (update_tag).
	TagID         string // TagId
	AddUserItems  string
	DelUserItems  string
	AddPartyItems string
	DelPartyItems string
}

// ContactChange returns the fields of a change_contact event; ok is false
// for other events. Extended attributes are under Node("ExtAttr").
func (m *Message) ContactChange() (c ContactChange, ok bool) {
	if m.MsgType != MsgTypeEvent || m.Event != EventChangeContact {
		return ContactChange{}, false
	}
	return ContactChange{
		ChangeType: m.ChangeType,
		UserID:     m.UserID, NewUserID: m.Get("NewUserID"), Name: m.Get("Name"),
		Department: m.Get("Department"), MainDepartment: m.Get("MainDepartment"),
		IsLeaderInDept: m.Get("IsLeaderInDept"), DirectLeader: m.Get("DirectLeader"),
		Position: m.Get("Position"), Mobile: m.Get("Mobile"), Gender: m.Get("Gender"),
		Email: m.Get("Email"), BizMail: m.Get("BizMail"), Status: m.Status,
		Avatar: m.Get("Avatar"), Alias: m.Get("Alias"), Telephone: m.Get("Telephone"),
		Address: m.Get("Address"),
		PartyID: m.Get("Id"), ParentID: m.Get("ParentId"), Order: m.Get("Order"),
		TagID: m.Get("TagId"), AddUserItems: m.Get("AddUserItems"), DelUserItems: m.Get("DelUserItems"),
		AddPartyItems: m.Get("AddPartyItems"), DelPartyItems: m.Get("DelPartyItems"),
	}, true
}

// ExternalContactChange is a WeCom change_external_contact event
// (add_external_contact, edit_external_contact, add_half_external_contact,
// del_external_contact, del_follow_user, transfer_fail).
//
// See https://developer.work.weixin.qq.com/document/path/92130.
type ExternalContactChange struct {
	ChangeType     string
	UserID         string // the member
	ExternalUserID string
	State          string // add: the state of the contact way used
	WelcomeCode    string // add: code for sending the welcome message
	Source         string // del_external_contact: DELETE_BY_TRANSFER when removed by a transfer
	FailReason     string // transfer_fail: customer_refused or customer_limit_exceed
}

// ExternalContactChange returns the fields of a change_external_contact
// event; ok is false for other events.
func (m *Message) ExternalContactChange() (c ExternalContactChange, ok bool) {
	if m.MsgType != MsgTypeEvent || m.Event != EventChangeExternalContact {
		return ExternalContactChange{}, false
	}
	return ExternalContactChange{
		ChangeType: m.ChangeType, UserID: m.UserID, ExternalUserID: m.ExternalUserID,
		State: m.Get("State"), WelcomeCode: m.Get("WelcomeCode"),
		Source: m.Get("Source"), FailReason: m.Get("FailReason"),
	}, true
}

// KfMsgOrEvent is a WeCom customer service (微信客服) kf_msg_or_event: it
// only announces that messages are waiting; fetch them with kf/sync_msg
// passing Token and OpenKfID.
//
// See https://developer.work.weixin.qq.com/document/path/94670.
type KfMsgOrEvent struct {
	Token    string // valid 10 minutes, for kf/sync_msg
	OpenKfID string // OpenKfId
}

// KfMsgOrEvent returns the fields of a kf_msg_or_event event; ok is false
// for other events.
func (m *Message) KfMsgOrEvent() (KfMsgOrEvent, bool) {
	if m.MsgType != MsgTypeEvent || m.Event != EventKfMsgOrEvent {
		return KfMsgOrEvent{}, false
	}
	return KfMsgOrEvent{Token: m.Get("Token"), OpenKfID: m.Get("OpenKfId")}, true
}

// TemplateCardEvent is a WeCom template_card_event (a button of an
// interactive template card was clicked or a vote/choice submitted) or
// template_card_menu_event (an item of the card's action menu was
// chosen). Answer it with UpdateButton or UpdateTemplateCard, or later with
// message/update_template_card and ResponseCode.
//
// See https://developer.work.weixin.qq.com/document/path/90240.
type TemplateCardEvent struct {
	EventKey      string // key of the clicked button or menu item
	TaskID        string // TaskId
	CardType      string // button_interaction, vote_interaction, multiple_interaction, ...
	ResponseCode  string // for message/update_template_card, usable once
	SelectedItems []SelectedItem
}

// SelectedItem is one question of a vote or multiple-choice card.
type SelectedItem struct {
	QuestionKey string
	OptionIDs   []string
}

// TemplateCardEvent returns the fields of a template_card_event or
// template_card_menu_event; ok is false for other events.
func (m *Message) TemplateCardEvent() (TemplateCardEvent, bool) {
	if m.MsgType != MsgTypeEvent || (m.Event != EventTemplateCardEvent && m.Event != EventTemplateCardMenuEvent) {
		return TemplateCardEvent{}, false
	}
	ev := TemplateCardEvent{
		EventKey: m.EventKey, TaskID: m.Get("TaskId"), CardType: m.Get("CardType"),
		ResponseCode: m.Get("ResponseCode"),
	}
	if items, ok := m.Node("SelectedItems"); ok {
		for _, it := range items.All("SelectedItem") {
			si := SelectedItem{QuestionKey: it.Get("QuestionKey")}
			if ids, ok := it.Child("OptionIds"); ok {
				for _, id := range ids.All("OptionId") {
					si.OptionIDs = append(si.OptionIDs, id.Value())
				}
			}
			ev.SelectedItems = append(ev.SelectedItems, si)
		}
	}
	return ev, true
}

// ApprovalChange is the ApprovalInfo of a WeCom sys_approval_change (the
// built-in approval app) or open_approval_change (the approval flow engine
// of a self-built app). The fields of the other kind are empty; approver
// and notifier details are under Node("ApprovalInfo").
//
// See https://developer.work.weixin.qq.com/document/path/91815 and
// https://developer.work.weixin.qq.com/document/path/90269.
type ApprovalChange struct {
	// sys_approval_change.
	SpNo             string
	SpName           string
	SpStatus         string // 1 pending, 2 approved, 3 rejected, 4 revoked, 6 revoked after approval, 7 deleted, 10 paid
	TemplateID       string // TemplateId
	ApplierUserID    string // Applyer/UserId
	ApplierParty     string // Applyer/Party
	StatuChangeEvent string // what changed: 1 submitted, 2 approved, 3 rejected, ... (field name as documented)

	// open_approval_change.
	ThirdNo        string
	OpenSpName     string
	OpenTemplateID string // OpenTemplateId
	OpenSpStatus   string // 1 pending, 2 approved, 3 rejected, 4 revoked
	ApplyUserID    string // ApplyUserId
	ApplyUserName  string
	ApplyUserParty string
	ApproverStep   string // approverstep: index of the current node

	ApplyTime string // both: unix seconds
}

// ApprovalChange returns the ApprovalInfo of a sys_approval_change or
// open_approval_change event; ok is false for other pushes.
func (m *Message) ApprovalChange() (ApprovalChange, bool) {
	if m.MsgType != MsgTypeEvent || (m.Event != EventSysApprovalChange && m.Event != EventOpenApprovalChange) {
		return ApprovalChange{}, false
	}
	n, ok := m.Node("ApprovalInfo")
	if !ok {
		return ApprovalChange{}, false
	}
	return ApprovalChange{
		SpNo: n.Get("SpNo"), SpName: n.Get("SpName"), SpStatus: n.Get("SpStatus"),
		TemplateID: n.Get("TemplateId"), ApplierUserID: n.Path("Applyer", "UserId"),
		ApplierParty: n.Path("Applyer", "Party"), StatuChangeEvent: n.Get("StatuChangeEvent"),
		ThirdNo: n.Get("ThirdNo"), OpenSpName: n.Get("OpenSpName"), OpenTemplateID: n.Get("OpenTemplateId"),
		OpenSpStatus: n.Get("OpenSpStatus"), ApplyUserID: n.Get("ApplyUserId"),
		ApplyUserName: n.Get("ApplyUserName"), ApplyUserParty: n.Get("ApplyUserParty"),
		ApproverStep: n.Get("approverstep"), ApplyTime: n.Get("ApplyTime"),
	}, true
}

// FastRegister is a third-party platform notify_third_fasteregister
// notification: the result of registering a mini program for a company
// (Info.Name, Code, ...) or a person (Info.WxUser, IDName).
//
// See https://developers.weixin.qq.com/doc/oplatform/openApi/register-management/fast-registration-ent/api_registerminiprogram.html.
type FastRegister struct {
	AppID    string // appid of the new mini program
	Status   string // 0 on success
	AuthCode string // auth_code: exchange with api_query_auth
	Msg      string
	Info     FastRegisterInfo
}

// FastRegisterInfo echoes the registration request.
type FastRegisterInfo struct {
	Name               string
	Code               string
	CodeType           string // code_type
	LegalPersonaWechat string // legal_persona_wechat
	LegalPersonaName   string // legal_persona_name
	ComponentPhone     string // component_phone
	WxUser             string // wxuser (personal mini programs)
	IDName             string // idname (personal mini programs)
}

// FastRegister returns the fields of a notify_third_fasteregister
// notification; ok is false for other pushes.
func (m *Message) FastRegister() (FastRegister, bool) {
	if m.InfoType != InfoTypeNotifyThirdFasteregister {
		return FastRegister{}, false
	}
	out := FastRegister{AppID: m.Get("appid"), Status: m.Get("status"), AuthCode: m.Get("auth_code"), Msg: m.Get("msg")}
	if n, ok := m.Node("info"); ok {
		out.Info = FastRegisterInfo{
			Name: n.Get("name"), Code: n.Get("code"), CodeType: n.Get("code_type"),
			LegalPersonaWechat: n.Get("legal_persona_wechat"), LegalPersonaName: n.Get("legal_persona_name"),
			ComponentPhone: n.Get("component_phone"), WxUser: n.Get("wxuser"), IDName: n.Get("idname"),
		}
	}
	return out, true
}

// SplitList splits a comma-separated WeCom list (Department,
// AddUserItems, ...) into its items; an empty string gives nil.
func SplitList(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, ",")
}
