package callback

import (
	"reflect"
	"sync"
)

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
)

// Kind is one entry of the table of typed pushes: the name WeChat gives a
// push and the struct its fields decode into. A push matches a Kind by its
// Event (MsgType "event"), its MsgType (other messages) or its InfoType
// (pushes without MsgType: third-party platform and WeCom suite
// notifications). Some WeCom pushes come in both forms (an app callback
// with Event, a suite callback with InfoType of the same name); their Kind
// sets Event and InfoType and both forms decode into the same struct.
type Kind struct {
	MsgType  string // MsgType* of a message (not "event")
	Event    string // Event* of an event
	InfoType string // InfoType* of a notification
	// Type is the struct the push decodes into with Message.Decode, and
	// the result type of its accessor (the Message method of the same
	// name). Nil when the fields of Message are the whole push.
	Type reflect.Type
	Doc  string // official documentation of the push
}

// Name returns the push's name: its Event, MsgType or InfoType.
func (k Kind) Name() string {
	switch {
	case k.Event != "":
		return k.Event
	case k.MsgType != "":
		return k.MsgType
	}
	return k.InfoType
}

func typeOf[T any]() reflect.Type { return reflect.TypeFor[T]() }

// Documentation pages cited by several kinds.
const (
	docOAMessages = "https://developers.weixin.qq.com/doc/service/guide/product/message/Receiving_standard_messages.html"
	docOAEvents   = "https://developers.weixin.qq.com/doc/service/guide/product/message/Receiving_event_pushes.html"
	docOAMenu     = "https://developers.weixin.qq.com/doc/service/guide/product/menu/Custom_Menu_Push_Events.html"
	docOACard     = "https://developers.weixin.qq.com/doc/service/guide/product/card/Coupons_Vouchers_and_Cards_Event_Push_Messages.html"
	docOAInvoice  = "https://developers.weixin.qq.com/doc/offiaccount/WeChat_Invoice/E_Invoice/Vendor_API_List.html"
	docOAVerify   = "https://developers.weixin.qq.com/doc/offiaccount/Account_Management/Wechat_Accreditation_Event_Push.html"
	docOAKf       = "https://developers.weixin.qq.com/doc/offiaccount/Customer_Service/Session_control.html"
	docMPPush     = "https://developers.weixin.qq.com/miniprogram/dev/framework/server-ability/message-push.html"
	docMPKf       = "https://developers.weixin.qq.com/miniprogram/dev/framework/open-ability/customer-message/receive.html"
	docMPAudit    = "https://developers.weixin.qq.com/doc/oplatform/openApi/OpenApiDoc/miniprogram-management/code-management/submitAudit.html"
	docMPShipping = "https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/business-capabilities/order-shipping/order-shipping.html"
	docMPXPay     = "https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/industry/virtual-payment.html"
	docWorkEvents = "https://developer.work.weixin.qq.com/document/path/90240"
	docWorkExt    = "https://developer.work.weixin.qq.com/document/path/92130"
	docSuiteAuth  = "https://developer.work.weixin.qq.com/document/path/90642"
	docAuthChange = "https://developers.weixin.qq.com/miniprogram/dev/server/event_push/platform/authorized_user_information_changes.html"
	docComponent  = "https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/Before_Develop/authorize_event.html"
)

// kinds is the table of typed pushes: a kind is a name, a struct and a line
// here. Tests walk it with the sample pushes of testdata/pushes.
var kinds = []Kind{
	// Official accounts, mini programs and WeCom apps: messages.
	{MsgType: MsgTypeText, Type: typeOf[TextMessage](), Doc: docOAMessages},
	{MsgType: MsgTypeImage, Doc: docOAMessages},
	{MsgType: MsgTypeVoice, Type: typeOf[VoiceMessage](), Doc: docOAMessages},
	{MsgType: MsgTypeVideo, Doc: docOAMessages},
	{MsgType: MsgTypeShortVideo, Doc: docOAMessages},
	{MsgType: MsgTypeLocation, Type: typeOf[LocationMessage](), Doc: docOAMessages},
	{MsgType: MsgTypeLink, Doc: docOAMessages},
	{MsgType: MsgTypeFile, Type: typeOf[FileMessage](), Doc: docOAMessages},
	{MsgType: MsgTypeMiniProgramPage, Type: typeOf[MiniProgramPage](), Doc: docMPKf},

	// Official accounts: events.
	{Event: EventSubscribe, Doc: docOAEvents},
	{Event: EventUnsubscribe, Doc: docOAEvents},
	{Event: EventScan, Doc: docOAEvents},
	{Event: EventLocation, Type: typeOf[LocationMessage](), Doc: docOAEvents},
	{Event: EventClick, Type: typeOf[MenuEvent](), Doc: docOAMenu},
	{Event: EventView, Type: typeOf[MenuEvent](), Doc: docOAMenu},
	{Event: EventScancodePush, Type: typeOf[MenuEvent](), Doc: docOAMenu},
	{Event: EventScancodeWaitmsg, Type: typeOf[MenuEvent](), Doc: docOAMenu},
	{Event: EventPicSysphoto, Type: typeOf[MenuEvent](), Doc: docOAMenu},
	{Event: EventPicPhotoOrAlbum, Type: typeOf[MenuEvent](), Doc: docOAMenu},
	{Event: EventPicWeixin, Type: typeOf[MenuEvent](), Doc: docOAMenu},
	{Event: EventLocationSelect, Type: typeOf[MenuEvent](), Doc: docOAMenu},
	{Event: EventViewMiniprogram, Type: typeOf[MenuEvent](), Doc: docOAMenu},
	{Event: EventTemplateSendJobFinish, Doc: "https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Template_Message_Interface.html"},
	{Event: EventMassSendJobFinish, Type: typeOf[MassSendJobFinish](), Doc: "https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Batch_Sends_and_Originality_Checks.html"},
	{Event: EventPublishJobFinish, Type: typeOf[PublishJob](), Doc: "https://developers.weixin.qq.com/doc/service/api/public/api_freepublish_submit.html"},
	{Event: EventSubscribeMsgPopup, Type: typeOf[SubscribeMsg](), Doc: docSubscribeMsg},
	{Event: EventSubscribeMsgChange, Type: typeOf[SubscribeMsg](), Doc: docSubscribeMsg},
	{Event: EventSubscribeMsgSent, Type: typeOf[SubscribeMsg](), Doc: docSubscribeMsg},
	{Event: EventKfCreateSession, Type: typeOf[KfSession](), Doc: docOAKf},
	{Event: EventKfCloseSession, Type: typeOf[KfSession](), Doc: docOAKf},
	{Event: EventKfSwitchSession, Type: typeOf[KfSession](), Doc: docOAKf},
	{Event: EventCardPassCheck, Type: typeOf[CardEvent](), Doc: docOACard},
	{Event: EventCardNotPassCheck, Type: typeOf[CardEvent](), Doc: docOACard},
	{Event: EventUserGetCard, Type: typeOf[CardEvent](), Doc: docOACard},
	{Event: EventUserGiftingCard, Type: typeOf[CardEvent](), Doc: docOACard},
	{Event: EventUserDelCard, Type: typeOf[CardEvent](), Doc: docOACard},
	{Event: EventUserConsumeCard, Type: typeOf[CardEvent](), Doc: docOACard},
	{Event: EventUserPayFromPayCell, Type: typeOf[CardEvent](), Doc: docOACard},
	{Event: EventUserViewCard, Type: typeOf[CardEvent](), Doc: docOACard},
	{Event: EventUserEnterSessionFromCard, Type: typeOf[CardEvent](), Doc: docOACard},
	{Event: EventUpdateMemberCard, Type: typeOf[CardEvent](), Doc: docOACard},
	{Event: EventCardSkuRemind, Type: typeOf[CardEvent](), Doc: docOACard},
	{Event: EventCardPayOrder, Type: typeOf[CardEvent](), Doc: docOACard},
	{Event: EventSubmitMembercardUserInfo, Type: typeOf[CardEvent](), Doc: docOACard},
	{Event: EventUserAuthorizeInvoice, Type: typeOf[InvoiceEvent](), Doc: docOAInvoice},
	{Event: EventUpdateInvoiceStatus, Type: typeOf[InvoiceEvent](), Doc: docOAInvoice},
	{Event: EventSubmitInvoiceTitle, Type: typeOf[InvoiceEvent](), Doc: docOAInvoice},
	{Event: EventQualificationVerifySuccess, Type: typeOf[VerifyEvent](), Doc: docOAVerify},
	{Event: EventQualificationVerifyFail, Type: typeOf[VerifyEvent](), Doc: docOAVerify},
	{Event: EventNamingVerifySuccess, Type: typeOf[VerifyEvent](), Doc: docOAVerify},
	{Event: EventNamingVerifyFail, Type: typeOf[VerifyEvent](), Doc: docOAVerify},
	{Event: EventAnnualRenew, Type: typeOf[VerifyEvent](), Doc: docOAVerify},
	{Event: EventVerifyExpired, Type: typeOf[VerifyEvent](), Doc: docOAVerify},
	{Event: EventPoiCheckNotify, Type: typeOf[PoiCheck](), Doc: "https://developers.weixin.qq.com/doc/offiaccount/WeChat_Stores/WeChat_Store_Interface.html"},
	{Event: EventUserInfoModified, Type: typeOf[AuthorizationChange](), Doc: docAuthChange},
	{Event: EventUserAuthorizationRevoke, Type: typeOf[AuthorizationChange](), Doc: docAuthChange},
	{Event: EventUserAuthorizationCancellation, Type: typeOf[AuthorizationChange](), Doc: docAuthChange},

	// Mini programs.
	{Event: EventUserEnterTempsession, Type: typeOf[TempSession](), Doc: docMPKf},
	{Event: EventWxaMediaCheck, Type: typeOf[MediaCheck](), Doc: "https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/sec-center/sec-check/mediaCheckAsync.html"},
	{Event: EventWeappAuditSuccess, Type: typeOf[WeappAudit](), Doc: docMPAudit},
	{Event: EventWeappAuditFail, Type: typeOf[WeappAudit](), Doc: docMPAudit},
	{Event: EventWeappAuditDelay, Type: typeOf[WeappAudit](), Doc: docMPAudit},
	{Event: EventWxaNicknameAudit, Type: typeOf[NicknameAudit](), Doc: "https://developers.weixin.qq.com/doc/oplatform/openApi/OpenApiDoc/miniprogram-management/basic-info-management/setNickName.html"},
	{Event: EventWxaPrivacyApply, Type: typeOf[PrivacyApply](), Doc: "https://developers.weixin.qq.com/doc/oplatform/openApi/OpenApiDoc/miniprogram-management/privacy-api-management/applyPrivacyInterface.html"},
	{Event: EventTradeManageRemindAccessAPI, Type: typeOf[TradeManage](), Doc: docMPShipping},
	{Event: EventTradeManageRemindShipping, Type: typeOf[TradeManage](), Doc: docMPShipping},
	{Event: EventTradeManageOrderSettlement, Type: typeOf[TradeManage](), Doc: docMPShipping},
	{Event: EventXPayGoodsDeliverNotify, Type: typeOf[XPayNotify](), Doc: docMPXPay},
	{Event: EventXPayCoinPayNotify, Type: typeOf[XPayNotify](), Doc: docMPXPay},
	{Event: EventXPayRefundNotify, Type: typeOf[XPayNotify](), Doc: docMPXPay},
	{Event: EventXPayComplaintNotify, Type: typeOf[XPayNotify](), Doc: docMPXPay},
	{Event: EventWxaliveFollowNotify, Type: typeOf[LiveFollow](), Doc: "https://developers.weixin.qq.com/miniprogram/dev/server/event_push/liveplayer/status_synchronization.html"},
	{Event: EventSecvodUpload, Type: typeOf[DramaMedia](), Doc: "https://developers.weixin.qq.com/miniprogram/dev/server/event_push/mini_drama/asset_upload_completion_event.html"},
	{Event: EventSecvodAudit, Type: typeOf[DramaMedia](), Doc: "https://developers.weixin.qq.com/miniprogram/dev/server/event_push/mini_drama/drama_review_status_event.html"},
	{Event: EventAddExpressPath, Type: typeOf[ExpressPath](), Doc: "https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/industry/express/business/introduction.html"},

	// WeCom apps, and the same changes pushed to a suite's callback.
	{Event: EventWorkClick, Type: typeOf[MenuEvent](), Doc: docWorkEvents},
	{Event: EventWorkView, Type: typeOf[MenuEvent](), Doc: docWorkEvents},
	{Event: EventChangeContact, InfoType: InfoTypeChangeContact, Type: typeOf[ContactChange](), Doc: "https://developer.work.weixin.qq.com/document/path/90970"},
	{Event: EventChangeExternalContact, InfoType: InfoTypeChangeExternalContact, Type: typeOf[ExternalContactChange](), Doc: docWorkExt},
	{Event: EventChangeExternalChat, InfoType: InfoTypeChangeExternalChat, Type: typeOf[ExternalChatChange](), Doc: docWorkExt},
	{Event: EventChangeExternalTag, InfoType: InfoTypeChangeExternalTag, Type: typeOf[ExternalTagChange](), Doc: docWorkExt},
	{Event: EventBatchJobResult, InfoType: InfoTypeBatchJobResult, Type: typeOf[BatchJobResult](), Doc: "https://developer.work.weixin.qq.com/document/path/90973"},
	{Event: EventKfMsgOrEvent, Type: typeOf[KfMsgOrEvent](), Doc: "https://developer.work.weixin.qq.com/document/path/94670"},
	{Event: EventSysApprovalChange, Type: typeOf[ApprovalChange](), Doc: "https://developer.work.weixin.qq.com/document/path/91815"},
	{Event: EventOpenApprovalChange, Type: typeOf[ApprovalChange](), Doc: "https://developer.work.weixin.qq.com/document/path/90269"},
	{Event: EventTemplateCardEvent, Type: typeOf[TemplateCardEvent](), Doc: docWorkEvents},
	{Event: EventTemplateCardMenuEvent, Type: typeOf[TemplateCardEvent](), Doc: docWorkEvents},
	{Event: EventTaskCardClick, Type: typeOf[TaskCardClick](), Doc: docWorkEvents},
	{Event: EventEnterAgent, Doc: docWorkEvents},
	{Event: EventLivingStatusChange, Type: typeOf[LivingStatusChange](), Doc: "https://developer.work.weixin.qq.com/document/path/94145"},
	{Event: EventChangeAppAdmin, Doc: "https://developer.work.weixin.qq.com/document/path/95038"},
	{Event: EventChangeChain, Type: typeOf[ChainChange](), Doc: "https://developer.work.weixin.qq.com/document/path/95796"},
	{Event: EventModifyCalendar, Type: typeOf[ScheduleEvent](), Doc: docWorkSchedule},
	{Event: EventDeleteCalendar, Type: typeOf[ScheduleEvent](), Doc: docWorkSchedule},
	{Event: EventAddSchedule, Type: typeOf[ScheduleEvent](), Doc: docWorkSchedule},
	{Event: EventModifySchedule, Type: typeOf[ScheduleEvent](), Doc: docWorkSchedule},
	{Event: EventDeleteSchedule, Type: typeOf[ScheduleEvent](), Doc: docWorkSchedule},
	{Event: EventRespondSchedule, Type: typeOf[ScheduleEvent](), Doc: docWorkSchedule},
	{Event: EventUnlicensedNotify, Doc: docSuiteLicense},

	// WeCom third-party suites.
	{InfoType: InfoTypeSuiteTicket, Type: typeOf[SuiteTicket](), Doc: "https://developer.work.weixin.qq.com/document/path/90628"},
	{InfoType: InfoTypeCreateAuth, Type: typeOf[SuiteAuth](), Doc: docSuiteAuth},
	{InfoType: InfoTypeChangeAuth, Type: typeOf[SuiteAuth](), Doc: docSuiteAuth},
	{InfoType: InfoTypeCancelAuth, Type: typeOf[SuiteAuth](), Doc: docSuiteAuth},
	{InfoType: InfoTypeResetPermanentCode, Type: typeOf[SuiteAuth](), Doc: docSuiteAuth},
	{InfoType: InfoTypeRegisterCorp, Type: typeOf[RegisterCorp](), Doc: "https://developer.work.weixin.qq.com/document/path/90585"},
	{InfoType: InfoTypeLicensePaySuccess, Type: typeOf[LicenseNotice](), Doc: docSuiteLicense},
	{InfoType: InfoTypeLicenseRefund, Type: typeOf[LicenseNotice](), Doc: docSuiteLicense},
	{InfoType: InfoTypeAutoActivate, Type: typeOf[LicenseNotice](), Doc: "https://developer.work.weixin.qq.com/document/path/95994"},
	{InfoType: InfoTypeAdvancedAPIPaySuccess, Type: typeOf[LicenseNotice](), Doc: "https://developer.work.weixin.qq.com/document/path/101401"},
	{InfoType: InfoTypeOpenOrder, Type: typeOf[AppOrder](), Doc: docSuiteOrder},
	{InfoType: InfoTypeChangeOrder, Type: typeOf[AppOrder](), Doc: docSuiteOrder},
	{InfoType: InfoTypePayForAppSuccess, Type: typeOf[AppOrder](), Doc: docSuiteOrder},
	{InfoType: InfoTypeRefund, Type: typeOf[AppOrder](), Doc: docSuiteOrder},
	{InfoType: InfoTypeChangeEditon, Type: typeOf[AppOrder](), Doc: docSuiteOrder},

	// Third-party platforms.
	{InfoType: InfoTypeComponentVerifyTicket, Doc: "https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/Before_Develop/component_verify_ticket.html"},
	{InfoType: InfoTypeAuthorized, Doc: docComponent},
	{InfoType: InfoTypeUnauthorized, Doc: docComponent},
	{InfoType: InfoTypeUpdateAuthorized, Doc: docComponent},
	{InfoType: InfoTypeNotifyThirdFasteregister, Type: typeOf[FastRegister](), Doc: "https://developers.weixin.qq.com/doc/oplatform/openApi/register-management/fast-registration-ent/api_registerminiprogram.html"},
	{InfoType: InfoTypeNotifyThirdFastRegisterBetaApp, Type: typeOf[FastRegister](), Doc: docBetaApp},
	{InfoType: InfoTypeNotifyThirdFastVerifyBetaApp, Type: typeOf[FastRegister](), Doc: docBetaApp},
}

var kindIndex = sync.OnceValue(func() (ix struct{ msg, event, info map[string]*Kind }) {
	ix.msg, ix.event, ix.info = map[string]*Kind{}, map[string]*Kind{}, map[string]*Kind{}
	for i := range kinds {
		k := &kinds[i]
		if k.MsgType != "" {
			ix.msg[k.MsgType] = k
		}
		if k.Event != "" {
			ix.event[k.Event] = k
		}
		if k.InfoType != "" {
			ix.info[k.InfoType] = k
		}
	}
	return ix
})

// Kinds returns the table of typed pushes (a copy).
func Kinds() []Kind { return append([]Kind(nil), kinds...) }

// Kind returns the entry of the table of typed pushes for m, and whether
// there is one.
func (m *Message) Kind() (Kind, bool) {
	ix := kindIndex()
	var k *Kind
	switch {
	case m.MsgType == MsgTypeEvent:
		k = ix.event[m.Event]
	case m.MsgType != "":
		k = ix.msg[m.MsgType]
	case m.InfoType != "":
		k = ix.info[m.InfoType]
	}
	if k == nil {
		return Kind{}, false
	}
	return *k, true
}

// Typed returns the typed view of m: a pointer to the Kind's struct,
// decoded from m (the same value its accessor returns). It returns nil and
// no error when the push has no typed view beyond the fields of Message,
// and a *FieldError when an element does not fit its field.
func (m *Message) Typed() (any, error) {
	k, ok := m.Kind()
	if !ok || k.Type == nil {
		return nil, nil
	}
	v := reflect.New(k.Type)
	return v.Interface(), m.Decode(v.Interface())
}
