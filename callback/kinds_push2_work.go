package callback

// Typed views of more WeCom pushes: the home-school contacts (家校通讯录),
// meeting room bookings (会议室), meetings created through the API (会议),
// documents and smart sheets created by the
// API (文档), WeDrive (微盘) and the document and WeDrive archives. They
// are added to the table of kinds below.

// WeCom events added here. change_school_contact comes as an app event
// and, with the suite envelope, as a suite notification of the same name.
const (
	EventChangeSchoolContact    = "change_school_contact"
	InfoTypeChangeSchoolContact = EventChangeSchoolContact
	EventBookMeetingRoom        = "book_meeting_room"
	EventCancelMeetingRoom      = "cancel_meeting_room"

	EventMeetingChange     = "meeting_change"
	EventMeetingStatistics = "meeting_statistics"

	EventDocChange          = "doc_change"
	EventSmartSheetChange   = "smart_sheet_change"
	EventWedriveFileChange  = "wedrive_file_change"
	EventWedriveSpaceChange = "wedrive_space_change"
	// EventWedriveInsufficientCapacity tells a suite's app with the
	// WeDrive permission that the company's WeDrive is more than 90%
	// full; checked daily, at most one push a day. It has no fields
	// beyond Message's.
	EventWedriveInsufficientCapacity = "wedrive_insufficient_capacity"
	EventWedriveArchiveSpaceChange   = "wedrive_archive_space_change"
	EventDocumentArchiveChange       = "document_archive_change"
)

// ChangeType values of meeting_change, meeting_statistics, doc_change, smart_sheet_change, wedrive_file_change
// and wedrive_archive_space_change that the documentation lists.
const (
	ChangeModifyMeeting      = "modify_meeting"
	ChangeCancelMeeting      = "cancel_meeting"
	ChangeMeetingStart       = "meeting_start"
	ChangePstnStatusUpdate   = "pstn_status_update"
	ChangeEnroll             = "enroll"
	ChangeMeetingRoomResp    = "meeting_room_response"
	ChangeStartMeeting       = "start_meeting" // meeting_statistics
	ChangeDeleteDoc          = "delete_doc"
	ChangeFormComplete       = "form_complete"
	ChangeFormSettingsChange = "form_settings_change"
	ChangeAddField           = "add_filed"    // spelled as documented
	ChangeUpdateField        = "update_filed" // spelled as documented
	ChangeAddRecord          = "add_record"
	ChangeUpdateRecord       = "update_record"
	ChangeCreateFile         = "create_file"
	ChangeRenameFile         = "rename_file"
	ChangeUpdateFile         = "update_file"
	ChangeDeleteFile         = "delete_file"
	ChangeMoveFile           = "move_file"
	ChangeDismissSpace       = "dismiss_space"
	ChangeSpaceMemberChange  = "space_member_change"
	ChangeSpaceSecurity      = "space_security_settings_change"
	ChangeAuthSpace          = "auth_space"
	ChangeCancelAuthSpace    = "cancel_auth_space"
)

// ChangeType values of change_school_contact (and of the entries of
// change_school_contact_batch) that the documentation lists.
const (
	ChangeCreateStudent    = "create_student"
	ChangeUpdateStudent    = "update_student"
	ChangeDeleteStudent    = "delete_student"
	ChangeCreateParent     = "create_parent"
	ChangeUpdateParent     = "update_parent"
	ChangeDeleteParent     = "delete_parent"
	ChangeCreateDepartment = "create_department" // the app event's XML and JSON examples spell it create_deparmtment
	ChangeUpdateDepartment = "update_department"
	ChangeDeleteDepartment = "delete_department"
)

const (
	docWorkSchoolMember = "https://developer.work.weixin.qq.com/document/path/92032"
	docWorkMeetingRoom  = "https://developer.work.weixin.qq.com/document/path/95333"
)

func init() {
	kinds = append(kinds,
		Kind{Event: EventChangeSchoolContact, InfoType: InfoTypeChangeSchoolContact, Type: typeOf[SchoolContactChange](), Doc: docWorkSchoolMember},
		Kind{Event: EventBookMeetingRoom, Type: typeOf[MeetingRoomBooking](), Doc: docWorkMeetingRoom},
		Kind{Event: EventCancelMeetingRoom, Type: typeOf[MeetingRoomBooking](), Doc: docWorkMeetingRoom},
		Kind{Event: EventMeetingChange, Type: typeOf[MeetingChange](), Doc: "https://developer.work.weixin.qq.com/document/path/99103"},
		Kind{Event: EventMeetingStatistics, Type: typeOf[MeetingStatistics](), Doc: "https://developer.work.weixin.qq.com/document/path/99648"},
		Kind{Event: EventDocChange, Type: typeOf[DocChange](), Doc: "https://developer.work.weixin.qq.com/document/path/97316"},
		Kind{Event: EventSmartSheetChange, Type: typeOf[SmartSheetChange](), Doc: "https://developer.work.weixin.qq.com/document/path/101019"},
		Kind{Event: EventWedriveFileChange, Type: typeOf[WedriveChange](), Doc: "https://developer.work.weixin.qq.com/document/path/97900"},
		Kind{Event: EventWedriveSpaceChange, Type: typeOf[WedriveChange](), Doc: "https://developer.work.weixin.qq.com/document/path/97899"},
		Kind{Event: EventWedriveInsufficientCapacity, Doc: "https://developer.work.weixin.qq.com/document/path/97898"},
		Kind{Event: EventWedriveArchiveSpaceChange, Type: typeOf[WedriveChange](), Doc: "https://developer.work.weixin.qq.com/document/path/101678"},
		Kind{Event: EventDocumentArchiveChange, Type: typeOf[DocChange](), Doc: "https://developer.work.weixin.qq.com/document/path/101691"},
	)
}

// SchoolContactChange is a WeCom change_school_contact event: a school
// changed a student, a parent or a department of its home-school contacts
// (ChangeType create_student, update_student, delete_student,
// create_parent, update_parent, delete_parent, create_department,
// update_department, delete_department; parents also subscribe and
// unsubscribe). Apps receive it as an event, suites with the suite
// envelope (SuiteHeader).
//
// See https://developer.work.weixin.qq.com/document/path/92032 (members),
// https://developer.work.weixin.qq.com/document/path/92052 (departments),
// and for suites https://developer.work.weixin.qq.com/document/path/92051
// and https://developer.work.weixin.qq.com/document/path/92050.
type SchoolContactChange struct {
	SuiteHeader
	ChangeType string
	// ID is the userid of the student or parent, or the id of the
	// department (a number, kept as pushed).
	ID string `push:"Id"`
	// NewID is the new userid, pushed by update_student and update_parent
	// only when the userid changed.
	NewID string `push:"NewId"`
}

// SchoolContactChange returns the fields of a change_school_contact event,
// from an app or a suite callback; ok is false for other pushes.
func (m *Message) SchoolContactChange() (SchoolContactChange, bool) {
	return typed[SchoolContactChange](m)
}

// MeetingRoomBooking is a WeCom book_meeting_room or cancel_meeting_room
// event: a member booked a meeting room, or cancelled a booking. Pushed
// to the meeting room system app and, for a cancellation of a booking an
// app made, to that app. FromUserName is the member.
//
// See https://developer.work.weixin.qq.com/document/path/95333.
type MeetingRoomBooking struct {
	MeetingRoomID int64  `push:"MeetingRoomId"`
	BookingID     string `push:"BookingId"` // details with meetingroom/get_booking_info_by_booking_id
}

// MeetingRoomBooking returns the fields of a book_meeting_room or
// cancel_meeting_room event; ok is false for other pushes.
func (m *Message) MeetingRoomBooking() (MeetingRoomBooking, bool) {
	return typed[MeetingRoomBooking](m)
}

// DocChange is a WeCom doc_change event, about documents, sheets and
// forms created through the API: the administrator deleted documents
// (delete_doc, DocIDs), a member completed a form (form_complete,
// FormIDs), forms were deleted or their settings changed
// (form_settings_change, FormIDs), or the members of a document changed.
// It is also the view of document_archive_change, pushed once a day when
// archived documents were added, edited or removed (one DocID and
// DocName).
//
// See https://developer.work.weixin.qq.com/document/path/97316 (overview),
// https://developer.work.weixin.qq.com/document/path/97837,
// https://developer.work.weixin.qq.com/document/path/97835,
// https://developer.work.weixin.qq.com/document/path/98096 and
// https://developer.work.weixin.qq.com/document/path/101691 (archive).
type DocChange struct {
	ChangeType string   // not pushed by document_archive_change
	DocIDs     []string `push:"DocId"`
	FormIDs    []string `push:"FormId"`
	DocName    string   // document_archive_change
}

// DocChange returns the fields of a doc_change or document_archive_change
// event; ok is false for other pushes.
func (m *Message) DocChange() (DocChange, bool) { return typed[DocChange](m) }

// SmartSheetChange is a WeCom smart_sheet_change event: a member changed
// the fields (add_filed, update_filed, ...) or records (add_record,
// update_record, ...) of a smart sheet created through the API. At most
// 1000 ids come in one push; more come in several.
//
// See https://developer.work.weixin.qq.com/document/path/101016 (fields)
// and https://developer.work.weixin.qq.com/document/path/101019 (records).
type SmartSheetChange struct {
	ChangeType string
	DocID      string   `push:"DocId"`
	SheetID    string   `push:"SheetId"`
	FieldIDs   []string `push:"FieldId"`
	RecordIDs  []string `push:"RecordId"`
}

// SmartSheetChange returns the fields of a smart_sheet_change event; ok is
// false for other pushes.
func (m *Message) SmartSheetChange() (SmartSheetChange, bool) { return typed[SmartSheetChange](m) }

// WedriveChange is a WeDrive event: wedrive_file_change (the
// administrator changed files the app uploaded: create_file, rename_file,
// update_file, delete_file, move_file; FileIDs), wedrive_space_change
// (the administrator dismissed spaces the app created, or changed their
// members or security settings: dismiss_space, space_member_change,
// space_security_settings_change; SpaceIDs) or
// wedrive_archive_space_change (a space of the WeDrive archive was
// authorized or no longer is: auth_space, cancel_auth_space; SpaceIDs).
//
// See https://developer.work.weixin.qq.com/document/path/97900,
// https://developer.work.weixin.qq.com/document/path/97899,
// https://developer.work.weixin.qq.com/document/path/97902,
// https://developer.work.weixin.qq.com/document/path/97903 and
// https://developer.work.weixin.qq.com/document/path/101678.
type WedriveChange struct {
	ChangeType string
	FileIDs    []string `push:"FileId"`
	SpaceIDs   []string `push:"SpaceId"`
}

// WedriveChange returns the fields of a wedrive_file_change,
// wedrive_space_change or wedrive_archive_space_change event; ok is false
// for other pushes.
func (m *Message) WedriveChange() (WedriveChange, bool) { return typed[WedriveChange](m) }

// MeetingChange is a WeCom meeting_change event about a meeting the app
// created through the API: it was modified (modify_meeting) or cancelled
// (cancel_meeting) by the administrator, it started (meeting_start) or
// ended, the state of a PSTN call-out changed (pstn_status_update,
// PstnStatus), a user enrolled (enroll, EnrollID), a meeting room called
// by the meeting answered (meeting_room_response: MeetingRoomID or
// MraAddress, RoomResponseStatus), and so on. Companies
// without the advanced meeting features receive only modify_meeting and
// cancel_meeting. FromUserName is the operator's userid, or sys.
// Elements of other ChangeTypes stay reachable with Get and Node.
//
// See https://developer.work.weixin.qq.com/document/path/99103 (overview),
// https://developer.work.weixin.qq.com/document/path/99081,
// https://developer.work.weixin.qq.com/document/path/98333,
// https://developer.work.weixin.qq.com/document/path/98774,
// https://developer.work.weixin.qq.com/document/path/98781 and
// https://developer.work.weixin.qq.com/document/path/98783.
type MeetingChange struct {
	// FromUserTmpOpenID is the operator's temporary id in the meeting,
	// for events of a member's action.
	FromUserTmpOpenID string `push:"FromUserTmpOpenId"`
	ChangeType        string
	MeetingID         string `push:"MeetingId"`
	// PstnStatus is START_INVITE, START_ACCEPT, LEAVE_WITHOUT_ACCEPT,
	// LEAVE_WITH_ACCEPTED or CANCLE_INVITE (spelled as documented).
	PstnStatus string
	EnrollID   string `push:"EnrollId"`
	// MeetingRoomID (a string here) or MraAddress is the room that
	// answered; RoomResponseStatus is 0 no answer, 2 joining, 3 declined,
	// 5 call cancelled.
	MeetingRoomID      string `push:"MeetingRoomId"`
	MraAddress         MraAddress
	RoomResponseStatus int
}

// MraAddress is the signalling address of a meeting room device.
type MraAddress struct {
	Protocol   int    // 1 SIP, 2 H.323
	DialString string // the signalling address
}

// MeetingChange returns the fields of a meeting_change event; ok is false
// for other pushes.
func (m *Message) MeetingChange() (MeetingChange, bool) { return typed[MeetingChange](m) }

// MeetingStatistics is a WeCom meeting_statistics event: a member in the
// app's visible range started a quick meeting, or entered a scheduled one
// first (ChangeType start_meeting). FromUserName is the member (for an
// outsider entering first, the meeting's creator).
//
// See https://developer.work.weixin.qq.com/document/path/99648.
type MeetingStatistics struct {
	ChangeType string
	Status     int // 1 started, 2 failed to start
}

// MeetingStatistics returns the fields of a meeting_statistics event; ok
// is false for other pushes.
func (m *Message) MeetingStatistics() (MeetingStatistics, bool) { return typed[MeetingStatistics](m) }
