package callback

import (
	"context"
	"reflect"
	"testing"
)

func TestSchoolContactChange(t *testing.T) {
	for _, tc := range []struct {
		file string
		want SchoolContactChange
	}{
		{"work_change_school_contact_create_student.xml", SchoolContactChange{ChangeType: ChangeCreateStudent, ID: "xiaoming"}},
		// The JSON example spells the ChangeType create_deparmtment; the
		// value arrives as pushed.
		{"work_change_school_contact_create_department.json", SchoolContactChange{ChangeType: "create_deparmtment", ID: "1"}},
		{"suite_change_school_contact_update_student.xml", SchoolContactChange{
			SuiteHeader: SuiteHeader{SuiteID: "wwSuiteId", AuthCorpID: "wxAuthCorpId", TimeStamp: 1403610513},
			ChangeType:  ChangeUpdateStudent, ID: "zhangsan", NewID: "zhangsan2"}},
	} {
		m := sample(t, tc.file)
		got, ok := m.SchoolContactChange()
		if !ok || got != tc.want {
			t.Errorf("%s:\n got %+v, %v\nwant %+v", tc.file, got, ok, tc.want)
		}
		if m.ChangeType != tc.want.ChangeType {
			t.Errorf("%s: Message.ChangeType %q", tc.file, m.ChangeType)
		}
	}
	app := sample(t, "work_change_school_contact_create_student.xml")
	if app.ToUserName != "toUser" || app.FromUserName != "sys" || app.CreateTime != 1403610513 {
		t.Errorf("envelope: %+v", app)
	}
	if _, ok := app.ContactChange(); ok {
		t.Error("a school contact change read as a contact change")
	}

	// One HandleEvent registration serves the app event and the suite
	// notification; HandleChange routes by ChangeType.
	var got []string
	mux := NewMux()
	mux.HandleChange(EventChangeSchoolContact, ChangeCreateStudent, func(context.Context, *Message) (Reply, error) {
		got = append(got, "create_student")
		return nil, nil
	})
	mux.HandleEvent(EventChangeSchoolContact, func(_ context.Context, m *Message) (Reply, error) {
		got = append(got, "event "+m.ChangeType)
		return nil, nil
	})
	for _, f := range []string{"work_change_school_contact_create_student.xml", "suite_change_school_contact_update_student.xml"} {
		if _, err := mux.ServeMessage(t.Context(), sample(t, f)); err != nil {
			t.Fatal(err)
		}
	}
	if len(got) != 2 || got[0] != "create_student" || got[1] != "event update_student" {
		t.Errorf("routed %v", got)
	}
}

func TestMeetingRoomBooking(t *testing.T) {
	// The documented examples carry a trailing space in BookingId; the
	// text is kept as pushed.
	want := MeetingRoomBooking{MeetingRoomID: 1, BookingID: "bkebsada6e027c123cbafAAA "}
	for _, f := range []string{"work_book_meeting_room.xml", "work_cancel_meeting_room.xml"} {
		m := sample(t, f)
		got, ok := m.MeetingRoomBooking()
		if !ok || got != want {
			t.Errorf("%s: %+v, %v", f, got, ok)
		}
		if m.FromUserName != "fromUser" || m.CreateTime != 1348831860 {
			t.Errorf("%s: envelope %+v", f, m)
		}
	}
	if k, _ := sample(t, "work_cancel_meeting_room.xml").Kind(); k.Event != EventCancelMeetingRoom || k.Doc != docWorkMeetingRoom {
		t.Errorf("kind %+v", k)
	}
	bad := mustParse(t, workEvent(EventBookMeetingRoom, `<MeetingRoomId>room 1</MeetingRoomId>`))
	if _, ok := bad.MeetingRoomBooking(); ok {
		t.Error("a MeetingRoomId that is not a number decoded")
	}
}

func TestDocChange(t *testing.T) {
	ab := []string{"wcjgewCwAAqeJcPI1d8Pwbjt7nttzAAA", "wcjgewCwAAqeJcPI1d8Pwbjt7nttzBBB"}
	for file, want := range map[string]DocChange{
		"work_doc_change_delete_doc.xml":           {ChangeType: ChangeDeleteDoc, DocIDs: ab},
		"work_doc_change_form_complete.xml":        {ChangeType: ChangeFormComplete, FormIDs: ab},
		"work_doc_change_form_settings_change.xml": {ChangeType: ChangeFormSettingsChange, FormIDs: ab},
		"work_document_archive_change.xml":         {DocIDs: ab[:1], DocName: "企业微信使用文档"},
	} {
		m := sample(t, file)
		got, ok := m.DocChange()
		if !ok || !reflect.DeepEqual(got, want) {
			t.Errorf("%s:\n got %+v, %v\nwant %+v", file, got, ok, want)
		}
		if m.FromUserName != "fromUser" || m.CreateTime != 1348831860 {
			t.Errorf("%s: envelope %+v", file, m)
		}
	}
}

func TestSmartSheetChange(t *testing.T) {
	for file, want := range map[string]SmartSheetChange{
		"work_smart_sheet_change_add_field.xml": {ChangeType: ChangeAddField, DocID: "dcjgewCwAAqeJcPI1d8Pwbjt7nttzAAA", SheetID: "SheetId",
			FieldIDs: []string{"FieldId1", "FieldId2"}},
		"work_smart_sheet_change_add_record.xml": {ChangeType: ChangeAddRecord, DocID: "dcjgewCwAAqeJcPI1d8Pwbjt7nttzAAA", SheetID: "SheetId",
			RecordIDs: []string{"RecordId1", "RecordId2"}},
	} {
		got, ok := sample(t, file).SmartSheetChange()
		if !ok || !reflect.DeepEqual(got, want) {
			t.Errorf("%s:\n got %+v, %v\nwant %+v", file, got, ok, want)
		}
	}
	if _, ok := sample(t, "work_smart_sheet_change_add_record.xml").DocChange(); ok {
		t.Error("a smart sheet change read as a doc change")
	}
}

func TestWedriveChange(t *testing.T) {
	// The file event's example shows the placeholder xxx_file for one of
	// create_file, rename_file, update_file, delete_file and move_file.
	file := sample(t, "work_wedrive_file_change.xml")
	if got, ok := file.WedriveChange(); !ok || !reflect.DeepEqual(got, WedriveChange{ChangeType: "xxx_file", FileIDs: []string{"spxxxxxxxxxxxxx"}}) {
		t.Errorf("file: %+v, %v", got, ok)
	}
	if file.FromUserName != "sys" {
		t.Errorf("FromUserName %q", file.FromUserName)
	}
	if got, ok := sample(t, "work_wedrive_archive_space_change.xml").WedriveChange(); !ok || !reflect.DeepEqual(got, WedriveChange{ChangeType: ChangeAuthSpace, SpaceIDs: []string{"spxxxxxxxxxxxxx"}}) {
		t.Errorf("space: %+v, %v", got, ok)
	}
	for file, want := range map[string]WedriveChange{
		"work_wedrive_space_change_dismiss.xml": {ChangeType: ChangeDismissSpace, SpaceIDs: []string{"spxxxxxxxxxxxxx"}},
		"work_wedrive_space_change_member.xml": {ChangeType: ChangeSpaceMemberChange,
			SpaceIDs: []string{"wcjgewCwAAqeJcPI1d8Pwbjt7nttzAAA", "wcjgewCwAAqeJcPI1d8Pwbjt7nttzBBB"}},
	} {
		if got, ok := sample(t, file).WedriveChange(); !ok || !reflect.DeepEqual(got, want) {
			t.Errorf("%s: %+v, %v", file, got, ok)
		}
	}
	full := sample(t, "work_wedrive_insufficient_capacity.xml")
	if k, ok := full.Kind(); !ok || k.Type != nil || k.Event != EventWedriveInsufficientCapacity {
		t.Errorf("insufficient capacity: %+v, %v", k, ok)
	}
	if v, err := full.Typed(); v != nil || err != nil {
		t.Errorf("insufficient capacity typed: %v, %v", v, err)
	}
	moved := mustParse(t, workEvent(EventWedriveFileChange, `<ChangeType>move_file</ChangeType><FileId>f1</FileId><FileId>f2</FileId><FileId>f3</FileId>`))
	if got, ok := moved.WedriveChange(); !ok || got.ChangeType != ChangeMoveFile || !reflect.DeepEqual(got.FileIDs, []string{"f1", "f2", "f3"}) {
		t.Errorf("three files: %+v, %v", got, ok)
	}
}

func TestMeetingChange(t *testing.T) {
	const id = "wcjgewCwAAqeJcPI1d8Pwbjt7nttzAAA"
	for file, want := range map[string]MeetingChange{
		"work_meeting_change_modify_meeting.xml":     {ChangeType: ChangeModifyMeeting, MeetingID: id},
		"work_meeting_change_meeting_start.xml":      {FromUserTmpOpenID: "tmpOpenId", ChangeType: ChangeMeetingStart, MeetingID: id},
		"work_meeting_change_pstn_status_update.xml": {FromUserTmpOpenID: "tmpOpenId", ChangeType: ChangePstnStatusUpdate, MeetingID: id, PstnStatus: "START_ACCEPT"},
		"work_meeting_change_enroll.xml":             {FromUserTmpOpenID: "tmpOpenId", ChangeType: ChangeEnroll, MeetingID: id, EnrollID: "EnrollId01"},
		"work_meeting_change_meeting_room_response.xml": {ChangeType: ChangeMeetingRoomResp, MeetingID: id, MeetingRoomID: "mRidadc",
			MraAddress: MraAddress{Protocol: 1, DialString: "DialString"}, RoomResponseStatus: 2},
	} {
		m := sample(t, file)
		got, ok := m.MeetingChange()
		if !ok || got != want {
			t.Errorf("%s:\n got %+v, %v\nwant %+v", file, got, ok, want)
		}
		if m.ChangeType != want.ChangeType {
			t.Errorf("%s: Message.ChangeType %q", file, m.ChangeType)
		}
	}
	var got []string
	mux := NewMux()
	mux.HandleChange(EventMeetingChange, ChangeCancelMeeting, func(_ context.Context, m *Message) (Reply, error) {
		v, _ := m.MeetingChange()
		got = append(got, v.MeetingID)
		return nil, nil
	})
	if _, err := mux.ServeMessage(t.Context(), mustParse(t, workEvent(EventMeetingChange, `<ChangeType>cancel_meeting</ChangeType><MeetingId>m1</MeetingId>`))); err != nil || len(got) != 1 || got[0] != "m1" {
		t.Errorf("cancel_meeting routed %v (%v)", got, err)
	}
}

func TestMeetingStatistics(t *testing.T) {
	m := sample(t, "work_meeting_statistics.xml")
	if got, ok := m.MeetingStatistics(); !ok || got != (MeetingStatistics{ChangeType: ChangeStartMeeting, Status: 1}) {
		t.Errorf("%+v, %v", got, ok)
	}
	if _, ok := m.MeetingChange(); ok {
		t.Error("meeting_statistics read as meeting_change")
	}
	bad := mustParse(t, workEvent(EventMeetingStatistics, `<ChangeType>start_meeting</ChangeType><Status>ok</Status>`))
	if _, ok := bad.MeetingStatistics(); ok {
		t.Error("a Status that is not a number decoded")
	}
}
