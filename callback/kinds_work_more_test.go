package callback

import (
	"reflect"
	"testing"
)

func TestCustomerAcquisition(t *testing.T) {
	app, ok := sample(t, "work_customer_acquisition.xml").CustomerAcquisition()
	if !ok || app != (CustomerAcquisition{ChangeType: ChangeBalanceLow}) {
		t.Errorf("app: %+v, %v", app, ok)
	}
	suite, ok := sample(t, "suite_customer_acquisition.xml").CustomerAcquisition()
	want := CustomerAcquisition{SuiteHeader: SuiteHeader{SuiteID: "ww4asffe99e54c0f4c", AuthCorpID: "wxf8b4f85f3a794e77", TimeStamp: 1689171577},
		ChangeType: ChangeOpenProfile, LinkID: "cawcdea7783d7330c6", State: "STATE"}
	if !ok || suite != want {
		t.Errorf("suite:\n got %+v\nwant %+v", suite, want)
	}
	m := mustParse(t, workEvent(EventCustomerAcquisition, `<ChangeType><![CDATA[x]]></ChangeType><ChatKey><![CDATA[CHAT_KEY]]></ChatKey>`))
	if got, ok := m.CustomerAcquisition(); !ok || got.ChatKey != "CHAT_KEY" {
		t.Errorf("ChatKey: %+v, %v", got, ok)
	}
	if _, ok := sample(t, "work_customer_acquisition.xml").ExternalContactChange(); ok {
		t.Error("a customer acquisition event read as a customer change")
	}
}

func TestKfAccountAuthChange(t *testing.T) {
	got, ok := sample(t, "work_kf_account_auth_change.xml").KfAccountAuthChange()
	if !ok || !reflect.DeepEqual(got, KfAccountAuthChange{[]string{"wkxxxx1"}, []string{"wkxxxx2"}}) {
		t.Errorf("sample: %+v, %v", got, ok)
	}
	// Several accounts come as several elements of the same name.
	m := mustParse(t, workEvent(EventKfAccountAuthChange, `<AuthAddOpenKfId><![CDATA[wk1]]></AuthAddOpenKfId><AuthAddOpenKfId><![CDATA[wk2]]></AuthAddOpenKfId>`))
	if got, ok := m.KfAccountAuthChange(); !ok || !reflect.DeepEqual(got.AuthAddOpenKfIDs, []string{"wk1", "wk2"}) || got.AuthDelOpenKfIDs != nil {
		t.Errorf("two accounts: %+v, %v", got, ok)
	}
	if _, ok := m.KfMsgOrEvent(); ok {
		t.Error("an authorization change read as kf_msg_or_event")
	}
}

func TestConversationArchiveEvents(t *testing.T) {
	n := sample(t, "work_msgaudit_notify.xml")
	if k, ok := n.Kind(); !ok || k.Event != EventMsgAuditNotify || k.Type != nil || n.AgentID != "2000004" {
		t.Errorf("msgaudit_notify: %+v %v, AgentID %q", k, ok, n.AgentID)
	}
	got, ok := sample(t, "suite_conversation_new_message.xml").ConversationNewMessage()
	if want := (ConversationNewMessage{SuiteHeader{SuiteID: "xxxx", AuthCorpID: "yyyy", TimeStamp: 1403610513}, "zzzzzzzzzzz"}); !ok || got != want {
		t.Errorf("conversation_new_message:\n got %+v\nwant %+v", got, want)
	}
	ap, ok := sample(t, "work_change_external_contact_msg_audit_approved.xml").ExternalContactChange()
	if want := (ExternalContactChange{ChangeType: ChangeMsgAuditApproved, UserID: "zhangsan", ExternalUserID: "woAJ2GCAAABiuyujaWJHDDGi0mACHAAA", WelcomeCode: "WELCOMECODE"}); !ok || ap != want {
		t.Errorf("msg_audit_approved:\n got %+v\nwant %+v", ap, want)
	}
}
