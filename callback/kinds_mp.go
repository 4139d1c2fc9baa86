package callback

// Typed views of mini program events. Mini programs push XML or JSON as
// configured; both decode the same way.

// Mini program events not listed with the official account events.
const (
	EventWxaNicknameAudit           = "wxa_nickname_audit"
	EventWxaPrivacyApply            = "wxa_privacy_apply"
	EventTradeManageRemindAccessAPI = "trade_manage_remind_access_api"
	EventTradeManageRemindShipping  = "trade_manage_remind_shipping"
	EventTradeManageOrderSettlement = "trade_manage_order_settlement"
	EventXPayGoodsDeliverNotify     = "xpay_goods_deliver_notify"
	EventXPayCoinPayNotify          = "xpay_coin_pay_notify"
	EventXPayRefundNotify           = "xpay_refund_notify"
	EventXPayComplaintNotify        = "xpay_complaint_notify"
	EventAddExpressPath             = "add_express_path"
	EventWxaliveFollowNotify        = "wxalive_follow_notify"
	EventSecvodUpload               = "secvod_upload_event"
	EventSecvodAudit                = "secvod_audit_event"
)

// TempSession is a user_enter_tempsession event: a user opened a customer
// service conversation from the mini program.
//
// See https://developers.weixin.qq.com/miniprogram/dev/framework/open-ability/customer-message/receive.html.
type TempSession struct {
	SessionFrom string // the session-from of the contact button
}

// TempSession returns the typed view of a user_enter_tempsession event; ok
// is false for other pushes.
func (m *Message) TempSession() (TempSession, bool) { return typed[TempSession](m) }

// MediaCheck is a wxa_media_check event: the asynchronous result of
// security.mediaCheckAsync, matched to the request by TraceID.
//
// See https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/sec-center/sec-check/mediaCheckAsync.html.
type MediaCheck struct {
	AppID   string             `push:"appid"`
	TraceID string             `push:"trace_id"`
	Version int                `push:"version"`
	Result  MediaCheckResult   `push:"result"`
	Detail  []MediaCheckDetail `push:"detail"`
	ErrCode int                `push:"errcode"`
	ErrMsg  string             `push:"errmsg"`
}

// MediaCheck returns the typed view of a wxa_media_check event; ok is
// false for other pushes.
func (m *Message) MediaCheck() (MediaCheck, bool) { return typed[MediaCheck](m) }

// MediaCheckResult is the overall verdict of a media check.
type MediaCheckResult struct {
	Suggest string `push:"suggest"` // risky, pass or review
	Label   int    `push:"label"`   // 100 normal, 20001 politics, 20002 porn, ...
}

// MediaCheckDetail is the verdict of one strategy of a media check.
type MediaCheckDetail struct {
	Strategy string `push:"strategy"`
	ErrCode  int    `push:"errcode"`
	Suggest  string `push:"suggest"`
	Label    int    `push:"label"`
	Prob     int    `push:"prob"` // confidence, 0-100
}

// WeappAudit is a weapp_audit_success, weapp_audit_fail or
// weapp_audit_delay event: the review result of submitted code.
//
// See https://developers.weixin.qq.com/doc/oplatform/openApi/OpenApiDoc/miniprogram-management/code-management/submitAudit.html.
type WeappAudit struct {
	SuccTime   int64  // success: unix seconds
	FailTime   int64  // fail: unix seconds
	DelayTime  int64  // delay: unix seconds
	Reason     string // fail, delay
	ScreenShot string // fail: media ids separated by "|"
}

// WeappAudit returns the typed view of a code review event; ok is false
// for other pushes.
func (m *Message) WeappAudit() (WeappAudit, bool) { return typed[WeappAudit](m) }

// NicknameAudit is a wxa_nickname_audit event: the review result of a
// mini program name change.
//
// See https://developers.weixin.qq.com/doc/oplatform/openApi/OpenApiDoc/miniprogram-management/basic-info-management/setNickName.html.
type NicknameAudit struct {
	Ret      int    `push:"ret"` // 2 rejected, 3 approved
	Nickname string `push:"nickname"`
	Reason   string `push:"reason"`
}

// NicknameAudit returns the typed view of a wxa_nickname_audit event; ok
// is false for other pushes.
func (m *Message) NicknameAudit() (NicknameAudit, bool) { return typed[NicknameAudit](m) }

// PrivacyApply is a wxa_privacy_apply event: the review result of an
// application for a privacy interface.
//
// See https://developers.weixin.qq.com/doc/oplatform/openApi/OpenApiDoc/miniprogram-management/privacy-api-management/applyPrivacyInterface.html.
type PrivacyApply struct {
	APIName   string `push:"result_info/api_name"`
	ApplyTime int64  `push:"result_info/apply_time"`
	AuditID   string `push:"result_info/audit_id"`
	AuditTime int64  `push:"result_info/audit_time"`
	Reason    string `push:"result_info/reason"`
	Status    int    `push:"result_info/status"` // 1 approved, 2 rejected
}

// PrivacyApply returns the typed view of a wxa_privacy_apply event; ok is
// false for other pushes.
func (m *Message) PrivacyApply() (PrivacyApply, bool) { return typed[PrivacyApply](m) }

// TradeManage is an order shipping management event:
// trade_manage_remind_access_api (Msg only), trade_manage_remind_shipping
// and trade_manage_order_settlement.
//
// See https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/business-capabilities/order-shipping/order-shipping.html.
type TradeManage struct {
	Msg                     string `push:"msg"`
	TransactionID           string `push:"transaction_id"`
	MerchantID              string `push:"merchant_id"`
	SubMerchantID           string `push:"sub_merchant_id"`
	MerchantTradeNo         string `push:"merchant_trade_no"`
	PayTime                 int64  `push:"pay_time"`
	ShippedTime             int64  `push:"shipped_time"`              // settlement
	EstimatedSettlementTime int64  `push:"estimated_settlement_time"` // settlement, when shipped
	ConfirmReceiveMethod    int    `push:"confirm_receive_method"`    // settlement: 1 automatic, 2 by the user
	ConfirmReceiveTime      int64  `push:"confirm_receive_time"`      // settlement
	SettlementTime          int64  `push:"settlement_time"`           // settlement
}

// TradeManage returns the typed view of an order shipping management
// event; ok is false for other pushes.
func (m *Message) TradeManage() (TradeManage, bool) { return typed[TradeManage](m) }

// XPayNotify is a virtual payment push: xpay_goods_deliver_notify
// (GoodsInfo), xpay_coin_pay_notify (CoinInfo), xpay_refund_notify (the
// refund fields) or xpay_complaint_notify (the complaint fields). Only the
// fields of the push are set.
//
// See https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/industry/virtual-payment.html.
type XPayNotify struct {
	OpenID        string        `push:"OpenId|openid"`
	OutTradeNo    string        // deliver, coin pay
	Env           int           `push:"Env|env"` // 0 production, 1 sandbox
	WeChatPayInfo XPayWeChatPay `push:"WeChatPayInfo|WechatPayInfo"`
	GoodsInfo     XPayGoodsInfo // deliver
	CoinInfo      XPayCoinInfo  // coin pay
	TeamInfo      XPayTeamInfo  // group buying

	// Refund and complaint.
	WxOrderID  string `push:"WxOrderId"`
	MchOrderID string `push:"MchOrderId"`
	RetryTimes int

	// Refund.
	WxRefundID               string `push:"WxRefundId"`
	MchRefundID              string `push:"MchRefundId"`
	RefundFee                int64  // cents
	RetCode                  int    // 0 success
	RetMsg                   string
	RefundStartTimestamp     int64
	RefundSuccTimestamp      int64
	WxpayRefundTransactionID string `push:"WxpayRefundTransactionId"`

	// Complaint.
	TransactionID   string `push:"TransactionId"`
	ComplaintID     string `push:"ComplaintId"`
	ComplaintDetail string
	ComplaintTime   int64
	RequestID       string `push:"RequestId"`
}

// XPayNotify returns the typed view of a virtual payment push; ok is false
// for other pushes.
func (m *Message) XPayNotify() (XPayNotify, bool) { return typed[XPayNotify](m) }

// XPayWeChatPay is the WeChat Pay side of a virtual payment.
type XPayWeChatPay struct {
	MchOrderNo    string
	TransactionID string `push:"TransactionId"`
	PaidTime      int64
}

// XPayGoodsInfo is the item of an xpay_goods_deliver_notify.
type XPayGoodsInfo struct {
	ProductID   string `push:"ProductId"`
	Quantity    int
	OrigPrice   int64 // cents
	ActualPrice int64 // cents
	Attach      string
}

// XPayCoinInfo is the coins of an xpay_coin_pay_notify.
type XPayCoinInfo struct {
	Quantity    int
	OrigPrice   int64 // cents
	ActualPrice int64 // cents
	Attach      string
}

// XPayTeamInfo is the group buying of a virtual payment.
type XPayTeamInfo struct {
	ActivityID string `push:"ActivityId"`
	TeamID     string `push:"TeamId"`
	TeamType   int
	TeamAction int // 0 created the group, 1 joined it
}

// ExpressPath is an add_express_path event: new tracking nodes of a
// waybill.
//
// See https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/industry/express/business/introduction.html.
type ExpressPath struct {
	DeliveryID string
	WaybillID  string `push:"WayBillId|WaybillId"`
	OrderID    string `push:"OrderId"`
	Version    int
	Count      int
	Actions    []ExpressAction
}

// ExpressPath returns the typed view of an add_express_path event; ok is
// false for other pushes.
func (m *Message) ExpressPath() (ExpressPath, bool) { return typed[ExpressPath](m) }

// ExpressAction is one tracking node of a waybill.
type ExpressAction struct {
	ActionTime int64
	ActionType int // 100001 picked up, 200001 in transit, 300002 out for delivery, 300003 signed, ...
	ActionMsg  string
}

// LiveFollow is a wxalive_follow_notify event: a user subscribed to a
// live room of the mini program, or unsubscribed. The documented sample
// nests the fields in FollowNotify; both shapes decode.
//
// See https://developers.weixin.qq.com/miniprogram/dev/server/event_push/liveplayer/status_synchronization.html.
type LiveFollow struct {
	RoomID     int64  `push:"FollowNotify/room_id|room_id"`
	UserOpenID string `push:"FollowNotify/user_openid|user_openid"`
	Time       int64  `push:"FollowNotify/time|time"`
	LiveStatus int    `push:"FollowNotify/live_status|live_status"` // 101 live, 102 not started, 103 ended
	Action     string `push:"FollowNotify/action|action"`           // add_follow or del_follow
}

// LiveFollow returns the typed view of a wxalive_follow_notify event; ok is
// false for other pushes.
func (m *Message) LiveFollow() (LiveFollow, bool) { return typed[LiveFollow](m) }

// DramaMedia is a short drama media event: secvod_upload_event (an upload
// finished: MediaID, SourceContext, ErrCode) or secvod_audit_event (a
// drama was reviewed: DramaID and the Audit fields).
//
// See https://developers.weixin.qq.com/miniprogram/dev/server/event_push/mini_drama/asset_upload_completion_event.html
// and https://developers.weixin.qq.com/miniprogram/dev/server/event_push/mini_drama/drama_review_status_event.html.
type DramaMedia struct {
	MediaID       int64  `push:"upload_event/media_id"`
	SourceContext string `push:"upload_event/source_context"`
	ErrCode       int    `push:"upload_event/errcode"` // non-zero when the upload failed
	ErrMsg        string `push:"upload_event/errmsg"`

	DramaID int64       `push:"audit_event/drama_id"`
	Audit   DramaReview `push:"audit_event/audit_detail"`
}

// DramaReview is the review result of a short drama.
type DramaReview struct {
	Status     int   `push:"status"` // 1 in review, 2 failed, 3 approved, 4 to be resubmitted
	AuditType  int   `push:"audit_type"`
	CreateTime int64 `push:"create_time"`
	AuditTime  int64 `push:"audit_time"`
}

// DramaMedia returns the typed view of a short drama media event; ok is
// false for other pushes.
func (m *Message) DramaMedia() (DramaMedia, bool) { return typed[DramaMedia](m) }
