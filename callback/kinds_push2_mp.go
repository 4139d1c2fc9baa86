package callback

// Typed views of more mini program pushes: appeals against and penalties
// for violations. They are added to the table of kinds below.

// Mini program events added here.
const (
	// EventWxaAppealRecord is pushed to a third-party platform when a
	// mini program it manages files an appeal or the appeal's review
	// status changes.
	EventWxaAppealRecord = "wxa_appeal_record"
	// EventWxaPunishEvent is pushed when the platform penalizes a mini
	// program for a violation.
	EventWxaPunishEvent = "wxa_punish_event"
)

// Appeal statuses (AppealRecord.AppealStatus).
const (
	AppealProcessing = 1 // 正在处理
	AppealApproved   = 2 // 申诉通过
	AppealRejected   = 3 // 申诉不通过
	AppealWithdrawn  = 4 // 申诉已撤销
)

const (
	docMPAppealRecord = "https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/records/record_event.html"
	docMPPunish       = "https://developers.weixin.qq.com/miniprogram/dev/server/event_push/platform/Penalty_for_Violation.html"
)

func init() {
	kinds = append(kinds,
		Kind{Event: EventWxaAppealRecord, Type: typeOf[AppealRecord](), Doc: docMPAppealRecord},
		Kind{Event: EventWxaPunishEvent, Type: typeOf[PunishEvent](), Doc: docMPPunish},
	)
}

// AppealRecord is a wxa_appeal_record event: a mini program managed by a
// third-party platform filed an appeal against a penalty, or the appeal's
// status changed. The same records are listed by wxa/getappealrecords.
//
// See https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/records/record_event.html.
type AppealRecord struct {
	AppealRecordID int64  `push:"appeal_record_id"`
	AppID          string `push:"appid"`       // the mini program
	AppealTime     int64  `push:"appeal_time"` // unix seconds
	AppealCount    int    `push:"appeal_count"`
	AppealFrom     int    `push:"appeal_from"`   // 0 the user, 1 the service provider
	AppealStatus   int    `push:"appeal_status"` // Appeal*
	// AuditTime and AuditReason are absent while the appeal is processing
	// and after it was withdrawn.
	AuditTime         int64            `push:"audit_time"`
	AuditReason       string           `push:"audit_reason"`
	PunishDescription string           `push:"punish_description"`
	Materials         []AppealMaterial `push:"material"`
}

// AppealMaterial is one violation of an appeal with the material the
// appeal gives against it.
type AppealMaterial struct {
	Content    string `push:"illegal_material/content"`     // the violating content
	ContentURL string `push:"illegal_material/content_url"` // link to it
	Reason     string `push:"appeal_material/reason"`       // the appeal's reason
	// ProofMaterialIDs are media ids of the proof, to download with the
	// temporary media API. The push documents one proof_material_id per
	// material; every element of that name is kept.
	ProofMaterialIDs []string `push:"appeal_material/proof_material_id"`
}

// AppealRecord returns the fields of a wxa_appeal_record event; ok is
// false for other pushes.
func (m *Message) AppealRecord() (AppealRecord, bool) { return typed[AppealRecord](m) }

// PunishEvent is a wxa_punish_event event (小程序违规处罚信息通知): the
// platform warned or penalized the mini program for a violation.
//
// See https://developers.weixin.qq.com/miniprogram/dev/server/event_push/platform/Penalty_for_Violation.html.
type PunishEvent struct {
	EventType      int    `push:"event_type"` // kind of penalty; selects the structure of Detail
	PunishID       string `push:"punish_id"`  // unique per violation
	AppID          string `push:"appid"`
	PunishTime     int64  `push:"punish_time"` // unix seconds
	IllegalReason  string `push:"illegal_reason"`
	IllegalContent string `push:"illegal_content"`
	RuleName       string `push:"rule_name"`
	RuleURL        string `push:"rule_url"`
	AdjustGuideURL string `push:"adjust_guide_url"` // how to appeal and rectify
	// Detail is a JSON document as text, whose structure depends on
	// EventType (for 1, a warning: warned_type, rectify_deadline,
	// warned_function_names, warned_ban_days; for 2, banned functions:
	// banned_days, banned_function_names). It is kept as pushed.
	Detail string `push:"detail"`
}

// PunishEvent returns the fields of a wxa_punish_event event; ok is false
// for other pushes.
func (m *Message) PunishEvent() (PunishEvent, bool) { return typed[PunishEvent](m) }
