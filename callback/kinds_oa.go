package callback

// Typed views of official account messages and events (most are also
// pushed to mini programs and WeCom apps). Each is a struct decoded by
// Message.Decode from the elements its `push` tags name, listed in the
// table of kinds; the common fields (ToUserName, Event, EventKey, MsgID,
// Status, CardID, ...) stay on Message.

// Invoice events. See
// https://developers.weixin.qq.com/doc/offiaccount/WeChat_Invoice/E_Invoice/Vendor_API_List.html.
const (
	EventUserAuthorizeInvoice = "user_authorize_invoice"
	EventUpdateInvoiceStatus  = "update_invoice_status"
	EventSubmitInvoiceTitle   = "submit_invoice_title"
)

// Store review and user authorization events (official accounts, mini
// programs, open platform apps).
const (
	EventPoiCheckNotify                = "poi_check_notify"
	EventUserInfoModified              = "user_info_modified"
	EventUserAuthorizationRevoke       = "user_authorization_revoke"
	EventUserAuthorizationCancellation = "user_authorization_cancellation"
)

const docSubscribeMsg = "https://developers.weixin.qq.com/doc/offiaccount/Subscription_Messages/api.html"

// TextMessage is what a text message carries beyond Message.Content.
//
// See https://developers.weixin.qq.com/doc/service/guide/product/message/Receiving_standard_messages.html.
type TextMessage struct {
	BizMsgMenuID string `push:"bizmsgmenuid"` // id of the customer-service menu item the user tapped
}

// TextMessage returns the typed view of a text message; ok is false for
// other pushes.
func (m *Message) TextMessage() (TextMessage, bool) { return typed[TextMessage](m) }

// VoiceMessage is what a voice message carries beyond Message.MediaID,
// Format and Recognition.
//
// See https://developers.weixin.qq.com/doc/service/guide/product/message/Receiving_standard_messages.html.
type VoiceMessage struct {
	MediaID16K string `push:"MediaId16K"` // the 16 kHz copy of the voice
}

// VoiceMessage returns the typed view of a voice message; ok is false for
// other pushes.
func (m *Message) VoiceMessage() (VoiceMessage, bool) { return typed[VoiceMessage](m) }

// LocationMessage is what a location message or LOCATION event carries
// beyond the coordinates on Message.
//
// See https://developer.work.weixin.qq.com/document/path/90240.
type LocationMessage struct {
	AppType string // WeCom: "wxwork" when sent from WeCom, "weixin" from WeChat
}

// LocationMessage returns the typed view of a location message or
// LOCATION event; ok is false for other pushes.
func (m *Message) LocationMessage() (LocationMessage, bool) { return typed[LocationMessage](m) }

// FileMessage is a file message.
//
// See https://developers.weixin.qq.com/doc/service/guide/product/message/Receiving_standard_messages.html.
type FileMessage struct {
	FileKey      string
	FileMD5      string `push:"FileMd5"`
	FileTotalLen int64
}

// FileMessage returns the typed view of a file message; ok is false for
// other pushes.
func (m *Message) FileMessage() (FileMessage, bool) { return typed[FileMessage](m) }

// MiniProgramPage is a mini program card a user sent to customer service
// (Title, AppID and ThumbMediaID are on Message).
//
// See https://developers.weixin.qq.com/miniprogram/dev/framework/open-ability/customer-message/receive.html.
type MiniProgramPage struct {
	PagePath string
	ThumbURL string `push:"ThumbUrl"`
}

// MiniProgramPage returns the typed view of a miniprogrampage message; ok
// is false for other pushes.
func (m *Message) MiniProgramPage() (MiniProgramPage, bool) { return typed[MiniProgramPage](m) }

// MenuEvent is a custom menu event: CLICK, VIEW, view_miniprogram (the key
// or URL is Message.EventKey), the scan-code menus (ScanCodeInfo), the
// picture menus (SendPicsInfo) and location_select (SendLocationInfo).
//
// See https://developers.weixin.qq.com/doc/service/guide/product/menu/Custom_Menu_Push_Events.html.
type MenuEvent struct {
	MenuID           string       `push:"MenuId"` // VIEW, view_miniprogram: the personalised menu's id
	ScanCodeInfo     ScanCodeInfo `push:"ScanCodeInfo"`
	SendPicsInfo     SendPicsInfo `push:"SendPicsInfo"`
	SendLocationInfo LocationInfo `push:"SendLocationInfo"`
}

// MenuEvent returns the typed view of a custom menu event; ok is false for
// other pushes.
func (m *Message) MenuEvent() (MenuEvent, bool) { return typed[MenuEvent](m) }

// ScanCodeInfo is the result of a scancode_push or scancode_waitmsg menu.
type ScanCodeInfo struct {
	ScanType   string
	ScanResult string
}

// ScanCodeInfo returns the ScanCodeInfo element.
func (m *Message) ScanCodeInfo() (ScanCodeInfo, bool) {
	return element[ScanCodeInfo](m, "ScanCodeInfo")
}

// SendPicsInfo is the result of a pic_sysphoto, pic_photo_or_album or
// pic_weixin menu. Official accounts list the pictures as <item>s of one
// <PicList>; WeCom sends one <PicList> per picture: both give every
// picture.
type SendPicsInfo struct {
	Count      int
	PicMD5Sums []string `push:"PicList/item/PicMd5Sum"`
}

// SendPicsInfo returns the SendPicsInfo element; ok is false when it is
// missing or its Count is not a number.
func (m *Message) SendPicsInfo() (SendPicsInfo, bool) {
	return element[SendPicsInfo](m, "SendPicsInfo")
}

// LocationInfo is the result of a location_select menu.
type LocationInfo struct {
	LocationX string `push:"Location_X"`
	LocationY string `push:"Location_Y"`
	Scale     string
	Label     string
	Poiname   string
}

// SendLocationInfo returns the SendLocationInfo element.
func (m *Message) SendLocationInfo() (LocationInfo, bool) {
	return element[LocationInfo](m, "SendLocationInfo")
}

// element decodes the top-level element name of m into a T.
func element[T any](m *Message, name string) (T, bool) {
	n, ok := m.Node(name)
	if !ok {
		var zero T
		return zero, false
	}
	v, err := decodeNode[T](n)
	return v, err == nil
}

// SubscribeMsg is a subscribe_msg_popup_event, subscribe_msg_change_event
// or subscribe_msg_sent_event: one entry per template. XML pushes wrap the
// entries in SubscribeMsgPopupEvent (ChangeEvent, SentEvent); JSON pushes
// put them in a top-level List.
//
// See https://developers.weixin.qq.com/doc/offiaccount/Subscription_Messages/api.html.
type SubscribeMsg struct {
	Events []SubscribeMsgEvent `push:"SubscribeMsgPopupEvent/List|SubscribeMsgChangeEvent/List|SubscribeMsgSentEvent/List|List"`
}

// SubscribeMsg returns the typed view of a subscribe message event; ok is
// false for other pushes.
func (m *Message) SubscribeMsg() (SubscribeMsg, bool) { return typed[SubscribeMsg](m) }

// SubscribeMsgEvent is one template of a subscribe message event.
type SubscribeMsgEvent struct {
	TemplateID            string `push:"TemplateId"`
	SubscribeStatusString string // popup, change: "accept" or "reject"
	PopupScene            int    // popup: 0 mini program, 1 after payment, 2 official account article
	MsgID                 string // sent
	ErrorCode             int    // sent: 0 on success
	ErrorStatus           string // sent
}

// SubscribeMsgEvents returns the entries of a subscribe message event, or
// nil when an entry does not decode.
func (m *Message) SubscribeMsgEvents() []SubscribeMsgEvent {
	var v SubscribeMsg
	if m.Decode(&v) != nil {
		return nil
	}
	return v.Events
}

// MassSendJobFinish is a MASSSENDJOBFINISH event: the result of a mass
// send (Message.MsgID is the job, Message.Status its outcome such as
// "send success" or "err(10001)"), with the originality check of its
// articles.
//
// See https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Batch_Sends_and_Originality_Checks.html.
type MassSendJobFinish struct {
	TotalCount      int
	FilterCount     int
	SentCount       int
	ErrorCount      int
	CopyrightCheck  CopyrightCheckResult `push:"CopyrightCheckResult"`
	ArticleURLCount int                  `push:"ArticleUrlResult/Count"`
	ArticleURLs     []ArticleURL         `push:"ArticleUrlResult/ResultList/item"`
}

// MassSendJobFinish returns the typed view of a MASSSENDJOBFINISH event;
// ok is false for other pushes.
func (m *Message) MassSendJobFinish() (MassSendJobFinish, bool) { return typed[MassSendJobFinish](m) }

// CopyrightCheckResult is the originality check of a mass send.
type CopyrightCheckResult struct {
	Count      int
	CheckState int                  // 1 not reprinted, 2 reprinted and sent, 3 reprinted and stopped
	Results    []CopyrightCheckItem `push:"ResultList/item"`
}

// CopyrightCheckItem is the originality check of one article.
type CopyrightCheckItem struct {
	ArticleIdx            int
	UserDeclareState      int
	AuditState            int
	OriginalArticleURL    string `push:"OriginalArticleUrl"`
	OriginalArticleType   int
	CanReprint            int
	NeedReplaceContent    int
	NeedShowReprintSource int
}

// ArticleURL is one entry of a MASSSENDJOBFINISH ArticleUrlResult or of a
// PUBLISHJOBFINISH article_detail.
type ArticleURL struct {
	Idx int    `push:"ArticleIdx|idx"`
	URL string `push:"ArticleUrl|article_url"`
}

// MassSendArticleURLs returns ArticleUrlResult/ResultList/item of a
// MASSSENDJOBFINISH event, or nil when an entry does not decode.
func (m *Message) MassSendArticleURLs() []ArticleURL {
	v, ok := m.MassSendJobFinish()
	if !ok {
		return nil
	}
	return v.ArticleURLs
}

// PublishJob is the PublishEventInfo of a PUBLISHJOBFINISH event.
//
// See https://developers.weixin.qq.com/doc/service/api/public/api_freepublish_submit.html.
type PublishJob struct {
	PublishID     string       `push:"PublishEventInfo/publish_id"`
	PublishStatus int          `push:"PublishEventInfo/publish_status"` // 0 success, 1 publishing, 2 original check failed, 3 failed, 4 rejected, 5 deleted, 6 banned
	ArticleID     string       `push:"PublishEventInfo/article_id"`
	ArticleCount  int          `push:"PublishEventInfo/article_detail/count"`
	Articles      []ArticleURL `push:"PublishEventInfo/article_detail/item"`
	FailIdx       []int        `push:"PublishEventInfo/fail_idx"` // status 2 or 4: the articles that failed, from 1
}

// PublishJob returns the typed view of a PUBLISHJOBFINISH event; ok is
// false for other pushes.
func (m *Message) PublishJob() (PublishJob, bool) { return typed[PublishJob](m) }

// KfSession is a customer service session event: kf_create_session and
// kf_close_session (the agent is Message.KfAccount) or kf_switch_session.
//
// See https://developers.weixin.qq.com/doc/offiaccount/Customer_Service/Session_control.html.
type KfSession struct {
	FromKfAccount string // kf_switch_session
	ToKfAccount   string // kf_switch_session
}

// KfSession returns the typed view of a customer service session event; ok
// is false for other pushes.
func (m *Message) KfSession() (KfSession, bool) { return typed[KfSession](m) }

// CardEvent is a card or coupon event (card_pass_check, user_get_card,
// user_consume_card, card_pay_order, ...; the card is Message.CardID and
// card_pay_order's state Message.Status). Only the fields of the event are
// set.
//
// See https://developers.weixin.qq.com/doc/service/guide/product/card/Coupons_Vouchers_and_Cards_Event_Push_Messages.html.
type CardEvent struct {
	RefuseReason        string // card_not_pass_check
	UserCardCode        string
	IsGiveByFriend      bool   // user_get_card
	FriendUserName      string // user_get_card, user_gifting_card
	OuterID             int    `push:"OuterId"`
	OldUserCardCode     string // user_get_card: the code of the gift
	OuterStr            string // user_get_card, user_consume_card, user_view_card
	IsRestoreMemberCard bool   // user_get_card
	IsRecommendByFriend bool   // user_get_card
	UnionID             string `push:"UnionId"`
	IsReturnBack        bool   // user_gifting_card
	IsChatRoom          bool   // user_gifting_card
	ConsumeSource       string // user_consume_card: FROM_API, FROM_MOBILE_HELPER, ...
	LocationName        string // user_consume_card
	StaffOpenID         string `push:"StaffOpenId"` // user_consume_card
	VerifyCode          string // user_consume_card
	RemarkAmount        string // user_consume_card
	TransID             string `push:"TransId"`    // user_pay_from_pay_cell
	LocationID          string `push:"LocationId"` // user_pay_from_pay_cell
	Fee                 int64  // user_pay_from_pay_cell: cents
	OriginalFee         int64  // user_pay_from_pay_cell: cents
	ModifyBonus         int    // update_member_card
	ModifyBalance       int    // update_member_card
	Detail              string // card_sku_remind

	// card_pay_order.
	OrderID             string `push:"OrderId"`
	CreateOrderTime     int64
	PayFinishTime       int64
	Desc                string
	FreeCoinCount       int64
	PayCoinCount        int64
	RefundFreeCoinCount int64
	RefundPayCoinCount  int64
	OrderType           string
	Memo                string
	ReceiptInfo         string
}

// CardEvent returns the typed view of a card event; ok is false for other
// pushes.
func (m *Message) CardEvent() (CardEvent, bool) { return typed[CardEvent](m) }

// InvoiceEvent is an electronic invoice event: user_authorize_invoice,
// update_invoice_status (the new state is Message.Status) or
// submit_invoice_title. Only the fields of the event are set.
//
// See https://developers.weixin.qq.com/doc/offiaccount/WeChat_Invoice/E_Invoice/Vendor_API_List.html.
type InvoiceEvent struct {
	// user_authorize_invoice.
	SuccOrderID    string `push:"SuccOrderId"`
	FailOrderID    string `push:"FailOrderId"`
	AuthorizeAppID string `push:"AuthorizeAppId"`
	Source         string // web, app, wxa, wap

	// update_invoice_status.
	Code string

	// submit_invoice_title.
	Title     string `push:"title"`
	Phone     string `push:"phone"`
	TaxNo     string `push:"tax_no"`
	Addr      string `push:"addr"`
	BankType  string `push:"bank_type"`
	BankNo    string `push:"bank_no"`
	Attach    string `push:"attach"`
	TitleType string `push:"title_type"` // InvoiceUserTitleBusinessType or InvoiceUserTitlePersonType
}

// InvoiceEvent returns the typed view of an invoice event; ok is false for
// other pushes.
func (m *Message) InvoiceEvent() (InvoiceEvent, bool) { return typed[InvoiceEvent](m) }

// VerifyEvent is a verification or renewal event:
// qualification_verify_success/fail, naming_verify_success/fail,
// annual_renew and verify_expired.
//
// See https://developers.weixin.qq.com/doc/offiaccount/Account_Management/Wechat_Accreditation_Event_Push.html.
type VerifyEvent struct {
	ExpiredTime int64 // success, annual_renew, verify_expired: unix seconds
	FailTime    int64 // fail: unix seconds
	FailReason  string
}

// VerifyEvent returns the typed view of a verification event; ok is false
// for other pushes.
func (m *Message) VerifyEvent() (VerifyEvent, bool) { return typed[VerifyEvent](m) }

// PoiCheck is a poi_check_notify event: the review result of a store.
//
// See https://developers.weixin.qq.com/doc/offiaccount/WeChat_Stores/WeChat_Store_Interface.html.
type PoiCheck struct {
	UniqID string `push:"UniqId"` // the sid the store was created with
	PoiID  string `push:"PoiId"`
	Result string // succ or fail
	Msg    string `push:"Msg|msg"`
}

// PoiCheck returns the typed view of a poi_check_notify event; ok is false
// for other pushes.
func (m *Message) PoiCheck() (PoiCheck, bool) { return typed[PoiCheck](m) }

// AuthorizationChange is a user_info_modified (the platform cleaned a
// user's profile: refresh or delete it), user_authorization_revoke (the
// user revoked some authorisation: delete what RevokeInfo names) or
// user_authorization_cancellation (the user closed the account) event.
//
// See https://developers.weixin.qq.com/miniprogram/dev/server/event_push/platform/authorized_user_information_changes.html
// and https://developers.weixin.qq.com/doc/service/guide/h5/authorization_change.html.
type AuthorizationChange struct {
	OpenID     string `push:"OpenID"`
	UnionID    string `push:"UnionID"`
	AppID      string `push:"AppID"`
	RevokeInfo string // what was revoked: 1 licence plate, 2 address, 8 phone number, 201..207 web, 301 all (apps), ...
	PluginID   string `push:"PluginID"` // revoked in a plugin
	OpenPID    string `push:"OpenPID"`  // revoked in a plugin
}

// AuthorizationChange returns the typed view of a user authorization
// event; ok is false for other pushes.
func (m *Message) AuthorizationChange() (AuthorizationChange, bool) {
	return typed[AuthorizationChange](m)
}
