package callback

import "strconv"

// Message types (MsgType). See
// https://developers.weixin.qq.com/doc/service/guide/product/message/Receiving_standard_messages.html.
const (
	MsgTypeText            = "text"
	MsgTypeImage           = "image"
	MsgTypeVoice           = "voice"
	MsgTypeVideo           = "video"
	MsgTypeShortVideo      = "shortvideo"
	MsgTypeLocation        = "location"
	MsgTypeLink            = "link"
	MsgTypeFile            = "file"            // WeCom
	MsgTypeMiniProgramPage = "miniprogrampage" // mini program customer service
	MsgTypeEvent           = "event"
)

// Events (Event, with MsgType "event"). Official accounts:
// https://developers.weixin.qq.com/doc/service/guide/product/message/Receiving_event_pushes.html;
// menus: https://developers.weixin.qq.com/doc/service/guide/product/menu/Custom_Menu_Push_Events.html;
// cards: https://developers.weixin.qq.com/doc/service/guide/product/card/Coupons_Vouchers_and_Cards_Event_Push_Messages.html;
// WeCom: https://developer.work.weixin.qq.com/document/path/90240.
const (
	EventSubscribe                  = "subscribe"
	EventUnsubscribe                = "unsubscribe"
	EventScan                       = "SCAN"
	EventLocation                   = "LOCATION"
	EventClick                      = "CLICK"
	EventView                       = "VIEW"
	EventScancodePush               = "scancode_push"
	EventScancodeWaitmsg            = "scancode_waitmsg"
	EventPicSysphoto                = "pic_sysphoto"
	EventPicPhotoOrAlbum            = "pic_photo_or_album"
	EventPicWeixin                  = "pic_weixin"
	EventLocationSelect             = "location_select"
	EventViewMiniprogram            = "view_miniprogram"
	EventTemplateSendJobFinish      = "TEMPLATESENDJOBFINISH"
	EventMassSendJobFinish          = "MASSSENDJOBFINISH"
	EventPublishJobFinish           = "PUBLISHJOBFINISH"
	EventSubscribeMsgPopup          = "subscribe_msg_popup_event"
	EventSubscribeMsgChange         = "subscribe_msg_change_event"
	EventSubscribeMsgSent           = "subscribe_msg_sent_event"
	EventKfCreateSession            = "kf_create_session"
	EventKfCloseSession             = "kf_close_session"
	EventKfSwitchSession            = "kf_switch_session"
	EventCardPassCheck              = "card_pass_check"
	EventCardNotPassCheck           = "card_not_pass_check"
	EventUserGetCard                = "user_get_card"
	EventUserGiftingCard            = "user_gifting_card"
	EventUserDelCard                = "user_del_card"
	EventUserConsumeCard            = "user_consume_card"
	EventUserPayFromPayCell         = "user_pay_from_pay_cell"
	EventUserViewCard               = "user_view_card"
	EventUserEnterSessionFromCard   = "user_enter_session_from_card"
	EventUpdateMemberCard           = "update_member_card"
	EventCardSkuRemind              = "card_sku_remind"
	EventCardPayOrder               = "card_pay_order"
	EventSubmitMembercardUserInfo   = "submit_membercard_user_info"
	EventQualificationVerifySuccess = "qualification_verify_success"
	EventQualificationVerifyFail    = "qualification_verify_fail"
	EventNamingVerifySuccess        = "naming_verify_success"
	EventNamingVerifyFail           = "naming_verify_fail"
	EventAnnualRenew                = "annual_renew"
	EventVerifyExpired              = "verify_expired"

	// Mini programs.
	EventUserEnterTempsession = "user_enter_tempsession"
	EventWxaMediaCheck        = "wxa_media_check"
	EventWeappAuditSuccess    = "weapp_audit_success"
	EventWeappAuditFail       = "weapp_audit_fail"
	EventWeappAuditDelay      = "weapp_audit_delay"

	// WeCom.
	EventChangeContact         = "change_contact"
	EventChangeExternalContact = "change_external_contact"
	EventChangeExternalChat    = "change_external_chat"
	EventKfMsgOrEvent          = "kf_msg_or_event"
	EventSysApprovalChange     = "sys_approval_change"
	EventOpenApprovalChange    = "open_approval_change"
	EventTemplateCardEvent     = "template_card_event"
	EventTemplateCardMenuEvent = "template_card_menu_event"
	EventEnterAgent            = "enter_agent"
	EventBatchJobResult        = "batch_job_result"
)

// WeCom ChangeType values of change_contact and change_external_contact.
const (
	ChangeCreateUser          = "create_user"
	ChangeUpdateUser          = "update_user"
	ChangeDeleteUser          = "delete_user"
	ChangeCreateParty         = "create_party"
	ChangeUpdateParty         = "update_party"
	ChangeDeleteParty         = "delete_party"
	ChangeUpdateTag           = "update_tag"
	ChangeAddExternalContact  = "add_external_contact"
	ChangeEditExternalContact = "edit_external_contact"
	ChangeDelExternalContact  = "del_external_contact"
	ChangeDelFollowUser       = "del_follow_user"
	ChangeAddHalfExternal     = "add_half_external_contact"
	ChangeTransferFail        = "transfer_fail"
)

// Third-party platform notifications (InfoType). See
// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/Before_Develop/component_verify_ticket.html
// and https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/Before_Develop/authorize_event.html.
const (
	InfoTypeComponentVerifyTicket    = "component_verify_ticket"
	InfoTypeAuthorized               = "authorized"
	InfoTypeUnauthorized             = "unauthorized"
	InfoTypeUpdateAuthorized         = "updateauthorized"
	InfoTypeNotifyThirdFasteregister = "notify_third_fasteregister"
	InfoTypeSuiteTicket              = "suite_ticket" // WeCom third-party suites
)

// ScanCodeInfo is the result of a scancode_push or scancode_waitmsg menu.
type ScanCodeInfo struct {
	ScanType   string
	ScanResult string
}

// ScanCodeInfo returns the ScanCodeInfo element.
func (m *Message) ScanCodeInfo() (ScanCodeInfo, bool) {
	n, ok := m.Node("ScanCodeInfo")
	if !ok {
		return ScanCodeInfo{}, false
	}
	return ScanCodeInfo{ScanType: n.Get("ScanType"), ScanResult: n.Get("ScanResult")}, true
}

// SendPicsInfo is the result of a pic_sysphoto, pic_photo_or_album or
// pic_weixin menu.
type SendPicsInfo struct {
	Count      int
	PicMD5Sums []string
}

// SendPicsInfo returns the SendPicsInfo element.
func (m *Message) SendPicsInfo() (SendPicsInfo, bool) {
	n, ok := m.Node("SendPicsInfo")
	if !ok {
		return SendPicsInfo{}, false
	}
	var out SendPicsInfo
	out.Count, _ = strconv.Atoi(n.Get("Count"))
	if list, ok := n.Child("PicList"); ok {
		for _, it := range list.All("item") {
			out.PicMD5Sums = append(out.PicMD5Sums, it.Get("PicMd5Sum"))
		}
	}
	return out, true
}

// LocationInfo is the result of a location_select menu.
type LocationInfo struct {
	LocationX, LocationY, Scale, Label, Poiname string
}

// SendLocationInfo returns the SendLocationInfo element.
func (m *Message) SendLocationInfo() (LocationInfo, bool) {
	n, ok := m.Node("SendLocationInfo")
	if !ok {
		return LocationInfo{}, false
	}
	return LocationInfo{
		LocationX: n.Get("Location_X"), LocationY: n.Get("Location_Y"),
		Scale: n.Get("Scale"), Label: n.Get("Label"), Poiname: n.Get("Poiname"),
	}, true
}

// SubscribeMsgEvent is one template of a subscribe_msg_popup_event,
// subscribe_msg_change_event or subscribe_msg_sent_event.
type SubscribeMsgEvent struct {
	TemplateID            string
	SubscribeStatusString string // popup, change: "accept" or "reject"
	PopupScene            string // popup
	MsgID                 string // sent
	ErrorCode             string // sent
	ErrorStatus           string // sent
}

// SubscribeMsgEvents returns the List entries of a subscribe message event,
// from XML (under SubscribeMsgPopupEvent, SubscribeMsgChangeEvent or
// SubscribeMsgSentEvent) or JSON (a top-level List object or array).
func (m *Message) SubscribeMsgEvents() []SubscribeMsgEvent {
	root := m.Root()
	lists := root.All("List")
	for _, wrap := range []string{"SubscribeMsgPopupEvent", "SubscribeMsgChangeEvent", "SubscribeMsgSentEvent"} {
		if n, ok := root.Child(wrap); ok {
			lists = append(lists, n.All("List")...)
		}
	}
	out := make([]SubscribeMsgEvent, 0, len(lists))
	for _, l := range lists {
		out = append(out, SubscribeMsgEvent{
			TemplateID: l.Get("TemplateId"), SubscribeStatusString: l.Get("SubscribeStatusString"),
			PopupScene: l.Get("PopupScene"), MsgID: l.Get("MsgID"),
			ErrorCode: l.Get("ErrorCode"), ErrorStatus: l.Get("ErrorStatus"),
		})
	}
	return out
}

// ArticleURL is one entry of a MASSSENDJOBFINISH ArticleUrlResult or of a
// PUBLISHJOBFINISH article_detail.
type ArticleURL struct {
	Idx string
	URL string
}

// MassSendArticleURLs returns ArticleUrlResult/ResultList/item of a
// MASSSENDJOBFINISH event.
func (m *Message) MassSendArticleURLs() []ArticleURL {
	var out []ArticleURL
	if n, ok := m.Node("ArticleUrlResult"); ok {
		if l, ok := n.Child("ResultList"); ok {
			for _, it := range l.All("item") {
				out = append(out, ArticleURL{Idx: it.Get("ArticleIdx"), URL: it.Get("ArticleUrl")})
			}
		}
	}
	return out
}

// PublishJob is the PublishEventInfo of a PUBLISHJOBFINISH event.
type PublishJob struct {
	PublishID     string
	PublishStatus string // 0 success, 1 publishing, 2 original check failed, ...
	ArticleID     string
	Articles      []ArticleURL
	FailIdx       []string
}

// PublishJob returns the PublishEventInfo element of a PUBLISHJOBFINISH
// event. See https://developers.weixin.qq.com/doc/service/api/public/api_freepublish_submit.html.
func (m *Message) PublishJob() (PublishJob, bool) {
	n, ok := m.Node("PublishEventInfo")
	if !ok {
		return PublishJob{}, false
	}
	out := PublishJob{PublishID: n.Get("publish_id"), PublishStatus: n.Get("publish_status"), ArticleID: n.Get("article_id")}
	if d, ok := n.Child("article_detail"); ok {
		for _, it := range d.All("item") {
			out.Articles = append(out.Articles, ArticleURL{Idx: it.Get("idx"), URL: it.Get("article_url")})
		}
	}
	for _, f := range n.All("fail_idx") {
		out.FailIdx = append(out.FailIdx, f.Value())
	}
	return out, true
}
