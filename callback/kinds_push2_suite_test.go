package callback

import (
	"reflect"
	"testing"
)

func TestPermissionNotice(t *testing.T) {
	for file, want := range map[string]PermissionNotice{
		"suite_corp_arch_auth.xml": {SuiteHeader: SuiteHeader{SuiteID: "ww4asffe99e54c0fxxxx", AuthCorpID: "wxf8b4f85f3a79xxxx", TimeStamp: 1403610513}},
		"suite_approve_special_auth.xml": {SuiteHeader: SuiteHeader{SuiteID: "ww4asffe99e54c0f4c", AuthCorpID: "wxf8b4f85f3a794e77", TimeStamp: 1403610513},
			AuthType: AuthTypeCustomerAcquisition},
		"suite_cancel_special_auth.xml": {SuiteHeader: SuiteHeader{SuiteID: "ww4asffe99e54c0f4c", AuthCorpID: "wxf8b4f85f3a794e77", TimeStamp: 1403610513},
			AuthType: AuthTypeCustomerAcquisition},
	} {
		m := sample(t, file)
		got, ok := m.PermissionNotice()
		if !ok || got != want {
			t.Errorf("%s:\n got %+v, %v\nwant %+v", file, got, ok, want)
		}
		if m.MsgType != "" || m.IsEvent() {
			t.Errorf("%s: a suite notification has MsgType %q", file, m.MsgType)
		}
	}
	if _, ok := sample(t, "suite_cancel_auth.xml").PermissionNotice(); ok {
		t.Error("cancel_auth read as a permission notice")
	}
}

func TestSchoolContactBatch(t *testing.T) {
	got, ok := sample(t, "suite_change_school_contact_batch.xml").SchoolContactBatch()
	want := SchoolContactBatch{
		SuiteHeader: SuiteHeader{SuiteID: "wwSuiteId", AuthCorpID: "wxAuthCorpId", TimeStamp: 1403610513},
		Changes: []SchoolContactBatchChange{
			{1403610513, ChangeCreateStudent, "zhangsan", ""},
			{1403610513, ChangeUpdateStudent, "zhangsan", "zhangsan2"},
			{1403610513, ChangeDeleteStudent, "zhangsan", ""},
			{1403610513, ChangeCreateParent, "zhangsan", ""},
			{1403610513, ChangeUpdateParent, "zhangsan", "zhangsan2"},
			{1403610513, ChangeDeleteParent, "zhangsan", ""},
		},
	}
	if !ok || !reflect.DeepEqual(got, want) {
		t.Errorf("\n got %+v, %v\nwant %+v", got, ok, want)
	}
	// The batch is not a change_school_contact: its ChangeType is per
	// entry.
	if _, ok := sample(t, "suite_change_school_contact_batch.xml").SchoolContactChange(); ok {
		t.Error("a batch read as a single change")
	}
	bad := mustParse(t, `<xml><SuiteId>s</SuiteId><InfoType>change_school_contact_batch</InfoType><TimeStamp>1</TimeStamp><ChangeList><TimeStamp>soon</TimeStamp></ChangeList></xml>`)
	var v SchoolContactBatch
	if err := bad.Decode(&v); err == nil || err.Error() != "callback: element ChangeList/TimeStamp is not a valid integer" {
		t.Errorf("bad TimeStamp: %v", err)
	}
}

func TestRegisterPackageScan(t *testing.T) {
	m := sample(t, "suite_enter_register_package.xml")
	got, ok := m.RegisterPackageScan()
	want := RegisterPackageScan{
		SuiteHeader: SuiteHeader{ServiceCorpID: "wwddddccc7775555aab", AuthCorpID: "wwddddccc7775555aaa", TimeStamp: 1671632600},
		AuthUserID:  "zhangshan", RegisterCode: "pIKi3wRPNWCGF-YU5KWjD", State: "state1", TemplateID: "tpl1test",
	}
	if !ok || got != want {
		t.Errorf("\n got %+v, %v\nwant %+v", got, ok, want)
	}
	if _, ok := m.RegisterCorp(); ok {
		t.Error("a promotion code scan read as a registration")
	}
	if _, ok := sample(t, "suite_register_corp.xml").RegisterPackageScan(); ok {
		t.Error("a registration read as a promotion code scan")
	}
}
