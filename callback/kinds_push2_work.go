package callback

// Typed views of more WeCom pushes: the home-school contacts (家校通讯录)
// and meeting room bookings (会议室). They are added to the table of kinds
// below.

// WeCom events added here. change_school_contact comes as an app event
// and, with the suite envelope, as a suite notification of the same name.
const (
	EventChangeSchoolContact    = "change_school_contact"
	InfoTypeChangeSchoolContact = EventChangeSchoolContact
	EventBookMeetingRoom        = "book_meeting_room"
	EventCancelMeetingRoom      = "cancel_meeting_room"
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
