package callback

// Typed views of the pushes of the WeChat Channels shop (微信小店, formerly
// 视频号小店): order, after-sale, product, category and coupon events, pushed
// as JSON (or XML) to the shop's message URL. They are added to the table
// of kinds below.
//
// Ids: the documentation types order_id as a number in some pushes and as
// a string in others, and its values exceed 2^53; every id here is a
// string holding the digits as pushed, whichever form arrives.

// Channels shop events added here.
const (
	// Orders. See https://developers.weixin.qq.com/doc/store/shop/notify/order_callback.
	EventChannelsOrderNew           = "channels_ec_order_new"             // 订单下单
	EventChannelsOrderCancel        = "channels_ec_order_cancel"          // 订单取消
	EventChannelsOrderDeliver       = "channels_ec_order_deliver"         // 订单发货
	EventChannelsOrderExtInfoUpdate = "channels_ec_order_ext_info_update" // 订单其他信息更新

	// After-sales.
	EventChannelsAftersaleUpdate        = "channels_ec_aftersale_update"         // 售后单更新
	EventChannelsPresentAftersaleUpdate = "channels_ec_present_aftersale_update" // 群礼物超时自动退售后单更新
	EventChannelsGuaranteeUpdate        = "channels_ec_guarantee_update"         // 保障单更新

	// Products and categories.
	EventProductSpuAudit      = "product_spu_audit"      // 商品审核
	EventProductSpuListing    = "product_spu_listing"    // 商品上下架
	EventProductSpuUpdate     = "product_spu_update"     // 商品更新
	EventProductCategoryAudit = "product_category_audit" // 类目审核结果

	// Coupons.
	EventChannelsCouponReceive    = "channels_ec_coupon_receive"     // 领取优惠券
	EventChannelsCouponDelete     = "channels_ec_coupon_delete"      // 删除优惠券
	EventChannelsCouponInvalid    = "channels_ec_coupon_invalid"     // 作废优惠券
	EventChannelsUserCouponExpire = "channels_ec_user_coupon_expire" // 用户优惠券过期
	EventChannelsUserCouponUse    = "channels_ec_user_coupon_use"    // 优惠券核销

	// Disputes and funds.
	EventChannelsComplaintUpdate = "channels_ec_complaint_update" // 纠纷单更新
	EventChannelsWithdrawNotify  = "channels_ec_withdraw_notify"  // 提现
	EventChannelsAcctNotify      = "channels_ec_acct_notify"      // 结算账户变更
	EventChannelsQrcodeStatus    = "qrcode_status"                // 提现二维码

	// The shop itself.
	EventChannelsChangeStatus = "channels_ec_change_status" // 小店状态变更
	EventChannelsCloseStore   = "channels_ec_close_store"   // 小店最终注销
	EventSetShopNickname      = "set_shop_nickname"         // 小店修改名称
)

// Why an order was cancelled (ChannelsOrderEvent.CancelType).
const (
	ChannelsOrderCancelByUser     = 1 // 用户取消
	ChannelsOrderCancelTimeout    = 2 // 超时取消
	ChannelsOrderCancelAftersales = 3 // 全部商品售后完成,订单取消
)

const (
	docChannelsOrder          = "https://developers.weixin.qq.com/doc/store/shop/notify/order_callback/"
	docChannelsAftersale      = "https://developers.weixin.qq.com/doc/store/shop/notify/aftersale_callback/"
	docChannelsProduct        = "https://developers.weixin.qq.com/doc/store/shop/notify/product_callback/"
	docChannelsCoupon         = "https://developers.weixin.qq.com/doc/store/shop/notify/coupon_callback/"
	docChannelsCategoryAudit  = "https://developers.weixin.qq.com/doc/store/shop/notify/category_callback/ProductCategoryAudit"
	docChannelsOrderExtInfo   = docChannelsOrder + "channels_ec_order_ext_info.html"
	docChannelsOrderCancel    = "https://developers.weixin.qq.com/doc/store/API/order/callback/channels_ec_order_cancel.html"
	docChannelsOrderDeliver   = "https://developers.weixin.qq.com/doc/store/API/order/callback/channels_ec_order_deliver.html"
	docChannelsUserCouponUse  = "https://developers.weixin.qq.com/doc/store/API/coupon/ec_callback/channels_ec_user_coupon_use.html"
	docChannelsUserCouponExp  = "https://developers.weixin.qq.com/doc/store/API/coupon/ec_callback/channels_ec_user_coupon_expire.html"
	docChannelsProductListing = docChannelsProduct + "ProductSpuListing.html"
	docChannelsComplaint      = docChannelsAftersale + "channels_ec_complaint_update.html"
	docChannelsWithdraw       = "https://developers.weixin.qq.com/doc/store/shop/product/funds/channels_ec_withdraw_notify"
	docChannelsAcct           = "https://developers.weixin.qq.com/doc/store/API/funds/callback/channels_ec_acct_notify.html"
	docChannelsQrcode         = "https://developers.weixin.qq.com/doc/store/API/funds/callback/qrcode_status.html"
	docChannelsStore          = "https://developers.weixin.qq.com/doc/store/shop/notify/storebasics_callback/"
)

func init() {
	kinds = append(kinds,
		Kind{Event: EventChannelsOrderNew, Type: typeOf[ChannelsOrderEvent](), Doc: docChannelsOrder + "channels_ec_order_new.html"},
		Kind{Event: EventChannelsOrderCancel, Type: typeOf[ChannelsOrderEvent](), Doc: docChannelsOrderCancel},
		Kind{Event: EventChannelsOrderDeliver, Type: typeOf[ChannelsOrderEvent](), Doc: docChannelsOrderDeliver},
		Kind{Event: EventChannelsOrderExtInfoUpdate, Type: typeOf[ChannelsOrderEvent](), Doc: docChannelsOrderExtInfo},
		Kind{Event: EventChannelsAftersaleUpdate, Type: typeOf[ChannelsAftersale](), Doc: docChannelsAftersale + "channels_ec_aftersale_update"},
		Kind{Event: EventChannelsPresentAftersaleUpdate, Type: typeOf[ChannelsAftersale](), Doc: docChannelsAftersale + "channels_ec_present_aftersale_update"},
		Kind{Event: EventChannelsGuaranteeUpdate, Type: typeOf[ChannelsGuarantee](), Doc: docChannelsAftersale + "channels_ec_guarantee_update"},
		Kind{Event: EventProductSpuAudit, Type: typeOf[ChannelsProductAudit](), Doc: docChannelsProduct + "ProductSpuAudit.html"},
		Kind{Event: EventProductSpuListing, Type: typeOf[ChannelsProductListing](), Doc: docChannelsProductListing},
		Kind{Event: EventProductSpuUpdate, Type: typeOf[ChannelsProductUpdate](), Doc: docChannelsProduct + "ProductSpuUpdate"},
		Kind{Event: EventProductCategoryAudit, Type: typeOf[ChannelsCategoryAudit](), Doc: docChannelsCategoryAudit},
		Kind{Event: EventChannelsCouponReceive, Type: typeOf[ChannelsCouponEvent](), Doc: docChannelsCoupon + "channels_ec_coupon_receive"},
		Kind{Event: EventChannelsCouponDelete, Type: typeOf[ChannelsCouponEvent](), Doc: docChannelsCoupon + "channels_ec_coupon_delete"},
		Kind{Event: EventChannelsCouponInvalid, Type: typeOf[ChannelsCouponEvent](), Doc: docChannelsCoupon + "channels_ec_coupon_invalid"},
		Kind{Event: EventChannelsUserCouponExpire, Type: typeOf[ChannelsCouponEvent](), Doc: docChannelsUserCouponExp},
		Kind{Event: EventChannelsUserCouponUse, Type: typeOf[ChannelsCouponEvent](), Doc: docChannelsUserCouponUse},
		Kind{Event: EventChannelsComplaintUpdate, Type: typeOf[ChannelsComplaint](), Doc: docChannelsComplaint},
		Kind{Event: EventChannelsWithdrawNotify, Type: typeOf[ChannelsWithdraw](), Doc: docChannelsWithdraw},
		Kind{Event: EventChannelsAcctNotify, Type: typeOf[ChannelsAccountChange](), Doc: docChannelsAcct},
		Kind{Event: EventChannelsQrcodeStatus, Type: typeOf[ChannelsWithdrawQrcode](), Doc: docChannelsQrcode},
		Kind{Event: EventChannelsChangeStatus, Type: typeOf[ChannelsStoreEvent](), Doc: docChannelsStore + "channels_ec_basic_change_status.html"},
		Kind{Event: EventChannelsCloseStore, Type: typeOf[ChannelsStoreEvent](), Doc: docChannelsStore + "channels_ec_basic_close_store.html"},
		Kind{Event: EventSetShopNickname, Type: typeOf[ChannelsStoreEvent](), Doc: docChannelsStore + "set_shop_nickname"},
	)
}

// ChannelsOrderEvent is an order event of a Channels shop
// (channels_ec_order_new, channels_ec_order_cancel,
// channels_ec_order_deliver, channels_ec_order_ext_info_update): the
// order_info of the push. Which of the other fields are set depends on the
// event; fetch the order itself with the order API.
//
// See https://developers.weixin.qq.com/doc/store/shop/notify/order_callback.
type ChannelsOrderEvent struct {
	OrderID string `push:"order_info/order_id"`
	// CancelType (channels_ec_order_cancel) is ChannelsOrderCancel*.
	CancelType int `push:"order_info/cancel_type"`
	// FinishDelivery (channels_ec_order_deliver) is 1 when every product
	// of the order has shipped, 0 when some have not yet.
	FinishDelivery int `push:"order_info/finish_delivery"`
	// Type (channels_ec_order_ext_info_update) says what changed: 1
	// affiliate commission, 2 address changed by the merchant, 3 merchant
	// note, 4 the user asks to change the address, 5 virtual phone number,
	// 6 sharer, 7 the user urges delivery, 8 gift note, 9 to 11 SKU
	// changes, 12 price changed, and further values the page lists.
	Type int `push:"order_info/type"`
}

// ChannelsOrderEvent returns the fields of a Channels shop order event;
// ok is false for other pushes.
func (m *Message) ChannelsOrderEvent() (ChannelsOrderEvent, bool) {
	return typed[ChannelsOrderEvent](m)
}

// ChannelsAftersale is a channels_ec_aftersale_update or
// channels_ec_present_aftersale_update event: an after-sale order of a
// Channels shop changed status.
//
// See https://developers.weixin.qq.com/doc/store/shop/notify/aftersale_callback/channels_ec_aftersale_update.
type ChannelsAftersale struct {
	// Status is the after-sale status, such as "MERCHANT_PROCESSING",
	// "USER_WAIT_RETURN", "MERCHANT_REFUND_SUCCESS" or
	// "PLATFORM_REFUNDING" (EcAftersaleInfoStatus on the page).
	Status           string `push:"finder_shop_aftersale_status_update/status|finder_shop_present_aftersale_status_update/status"`
	AfterSaleOrderID string `push:"finder_shop_aftersale_status_update/after_sale_order_id|finder_shop_present_aftersale_status_update/after_sale_order_id"`
	OrderID          string `push:"finder_shop_aftersale_status_update/order_id|finder_shop_present_aftersale_status_update/order_id"`
	// WxaVipDiscountedPrice is the mini program member discount already
	// given, in fen. The page's table lists it at the top level and its
	// example inside the event body; both are read.
	WxaVipDiscountedPrice int64 `push:"finder_shop_aftersale_status_update/wxa_vip_discounted_price|wxa_vip_discounted_price"`
}

// ChannelsAftersale returns the fields of a Channels shop after-sale
// event; ok is false for other pushes.
func (m *Message) ChannelsAftersale() (ChannelsAftersale, bool) { return typed[ChannelsAftersale](m) }

// ChannelsGuarantee is a channels_ec_guarantee_update event (保障单更新): a
// guarantee order of a Channels shop changed status.
//
// See https://developers.weixin.qq.com/doc/store/shop/notify/aftersale_callback/channels_ec_guarantee_update.
type ChannelsGuarantee struct {
	// Status is the guarantee status, such as
	// "STATUS_WAIT_MERCHANT_HANDLE" or "STATUS_PAY_SUCC" (GuaranteeStatus
	// on the page).
	Status           string `push:"finder_shop_guarantee_status_update/status"`
	GuaranteeOrderID string `push:"finder_shop_guarantee_status_update/guarantee_order_id"`
	OrderID          string `push:"finder_shop_guarantee_status_update/order_id"`
}

// ChannelsGuarantee returns the fields of a channels_ec_guarantee_update
// event; ok is false for other pushes.
func (m *Message) ChannelsGuarantee() (ChannelsGuarantee, bool) { return typed[ChannelsGuarantee](m) }

// ChannelsProductAudit is a product_spu_audit event (商品审核): the review
// of a product of a Channels shop finished.
//
// See https://developers.weixin.qq.com/doc/store/shop/notify/product_callback/ProductSpuAudit.html.
type ChannelsProductAudit struct {
	ProductID string `push:"ProductSpuAudit/product_id"`
	// Status is 2 rejected, 3 approved, 4 review withdrawn.
	Status int    `push:"ProductSpuAudit/status"`
	Reason string `push:"ProductSpuAudit/reason"` // optional
	// AuditInfo is a JSON document as text with the review's details and
	// the merchant's strategy flags (optional). It is kept as pushed.
	AuditInfo string `push:"ProductSpuAudit/audit_info"`
	// ProductType is 1 a product of the shop, 4 a gift on sale, 5 not
	// for sale.
	ProductType int `push:"ProductSpuAudit/product_type"`
}

// ChannelsProductAudit returns the fields of a product_spu_audit event; ok
// is false for other pushes.
func (m *Message) ChannelsProductAudit() (ChannelsProductAudit, bool) {
	return typed[ChannelsProductAudit](m)
}

// ChannelsProductListing is a product_spu_listing event (商品上下架): a
// product of a Channels shop was listed or delisted.
//
// See https://developers.weixin.qq.com/doc/store/shop/notify/product_callback/ProductSpuListing.html.
type ChannelsProductListing struct {
	ProductID string `push:"ProductSpuListing/product_id"`
	// Status is 5 listed; 11 delisted by the merchant, 13 by the system,
	// 14 for a deposit violation, 15 for an expired brand, 20 banned.
	Status      int    `push:"ProductSpuListing/status"`
	Reason      string `push:"ProductSpuListing/reason"`       // why it was delisted (optional)
	ProductType int    `push:"ProductSpuListing/product_type"` // as ChannelsProductAudit.ProductType
}

// ChannelsProductListing returns the fields of a product_spu_listing
// event; ok is false for other pushes.
func (m *Message) ChannelsProductListing() (ChannelsProductListing, bool) {
	return typed[ChannelsProductListing](m)
}

// ChannelsProductUpdate is a product_spu_update event (商品更新): a
// product of a Channels shop was added, updated or deleted.
//
// See https://developers.weixin.qq.com/doc/store/shop/notify/product_callback/ProductSpuUpdate.
type ChannelsProductUpdate struct {
	ProductID string `push:"ProductSpuUpdate/product_id"`
	// Status is the operation: 0 updated, 1 added, 2 deleted, 3 deleted
	// for good.
	Status      int `push:"ProductSpuUpdate/status"`
	ProductType int `push:"ProductSpuUpdate/product_type"` // as ChannelsProductAudit.ProductType
}

// ChannelsProductUpdate returns the fields of a product_spu_update event;
// ok is false for other pushes.
func (m *Message) ChannelsProductUpdate() (ChannelsProductUpdate, bool) {
	return typed[ChannelsProductUpdate](m)
}

// ChannelsCategoryAudit is a product_category_audit event (类目审核结果):
// the review of a Channels shop's application for a category changed.
//
// See https://developers.weixin.qq.com/doc/store/shop/notify/category_callback/ProductCategoryAudit.
type ChannelsCategoryAudit struct {
	AuditID string `push:"ProductCategoryAudit/audit_id"`
	// Status is 1 under review, 2 rejected, 3 approved, 12 withdrawn by
	// the merchant. The page's example sends it as a JSON string; both
	// forms decode.
	Status int    `push:"ProductCategoryAudit/status"`
	Reason string `push:"ProductCategoryAudit/reason"`
}

// ChannelsCategoryAudit returns the fields of a product_category_audit
// event; ok is false for other pushes.
func (m *Message) ChannelsCategoryAudit() (ChannelsCategoryAudit, bool) {
	return typed[ChannelsCategoryAudit](m)
}

// ChannelsCouponEvent is a coupon event of a Channels shop: a user
// received (channels_ec_coupon_receive) or used
// (channels_ec_user_coupon_use) a coupon, a user's coupon expired
// (channels_ec_user_coupon_expire), or the shop's coupon was invalidated
// (channels_ec_coupon_invalid) or deleted (channels_ec_coupon_delete).
// Each event carries its body under its own name and only its own time;
// the others stay empty.
//
// The times are unix seconds, which the pages type as strings; they are
// kept as the text pushed.
//
// See https://developers.weixin.qq.com/doc/store/shop/notify/coupon_callback.
type ChannelsCouponEvent struct {
	CouponID     string `push:"receive_info/coupon_id|use_info/coupon_id|user_coupon_info/coupon_id|coupon_info/coupon_id"`
	UserCouponID string `push:"receive_info/user_coupon_id|use_info/user_coupon_id|user_coupon_info/user_coupon_id"`
	OrderID      string `push:"use_info/order_id"` // the order the coupon was used on
	ReceiveTime  string `push:"receive_info/receive_time"`
	UseTime      string `push:"use_info/use_time"`
	ExpireTime   string `push:"user_coupon_info/expire_time"`
	InvalidTime  string `push:"coupon_info/invalid_time"`
	DeleteTime   string `push:"coupon_info/delete_time"`
}

// ChannelsCouponEvent returns the fields of a Channels shop coupon event;
// ok is false for other pushes.
func (m *Message) ChannelsCouponEvent() (ChannelsCouponEvent, bool) {
	return typed[ChannelsCouponEvent](m)
}

// ChannelsComplaint is a channels_ec_complaint_update event (纠纷单更新): a
// dispute over an after-sale order of a Channels shop changed status.
//
// See https://developers.weixin.qq.com/doc/store/shop/notify/aftersale_callback/channels_ec_complaint_update.html.
type ChannelsComplaint struct {
	// ComplaintStatus is the dispute's status (EcComplaintInfoStatus on
	// the page): 100 waiting for the merchant, 101 waiting for customer
	// service, 112 mediation complete, 116 mediation closed, and the
	// other values the page lists.
	ComplaintStatus  int    `push:"finder_shop_complaint/complaint_status"`
	AfterSaleOrderID string `push:"finder_shop_complaint/after_sale_order_id"`
	ComplaintID      string `push:"finder_shop_complaint/complaint_id"`
	OrderID          string `push:"finder_shop_complaint/order_id"`
}

// ChannelsComplaint returns the fields of a channels_ec_complaint_update
// event; ok is false for other pushes.
func (m *Message) ChannelsComplaint() (ChannelsComplaint, bool) { return typed[ChannelsComplaint](m) }

// ChannelsWithdraw is a channels_ec_withdraw_notify event (提现回调): a
// withdrawal of a Channels shop progressed. The push has no FromUserName.
//
// See https://developers.weixin.qq.com/doc/store/shop/product/funds/channels_ec_withdraw_notify.
type ChannelsWithdraw struct {
	WithdrawID string `push:"withdraw_info/withdraw_id"`
	// Event is 1 withdrawal started (QR code generated), 2 QR code
	// verified and withdrawal applied for, 3 withdrawn, 4 failed.
	Event int `push:"withdraw_info/event"`
}

// ChannelsWithdraw returns the fields of a channels_ec_withdraw_notify
// event; ok is false for other pushes.
func (m *Message) ChannelsWithdraw() (ChannelsWithdraw, bool) { return typed[ChannelsWithdraw](m) }

// ChannelsAccountChange is a channels_ec_acct_notify event (结算账户变更): the
// settlement account of a Channels shop changed.
//
// See https://developers.weixin.qq.com/doc/store/API/funds/callback/channels_ec_acct_notify.html.
type ChannelsAccountChange struct {
	Event int `push:"account_info/event"` // 1 the settlement account was modified
}

// ChannelsAccountChange returns the fields of a channels_ec_acct_notify
// event; ok is false for other pushes.
func (m *Message) ChannelsAccountChange() (ChannelsAccountChange, bool) {
	return typed[ChannelsAccountChange](m)
}

// ChannelsWithdrawQrcode is a qrcode_status event (提现二维码回调): the QR
// code a Channels shop's withdrawal must be confirmed with changed state.
//
// See https://developers.weixin.qq.com/doc/store/API/funds/callback/qrcode_status.html.
type ChannelsWithdrawQrcode struct {
	Ticket string `push:"qrcode_info/ticket"` // as returned by submitwithdraw
	// Status is 1 confirmed, 2 cancelled, 3 expired, 4 scanned.
	Status int `push:"qrcode_info/status"`
	// ScanUserType is 0 when a non-administrator scanned, 1 an
	// administrator.
	ScanUserType int `push:"qrcode_info/scan_user_type"`
}

// ChannelsWithdrawQrcode returns the fields of a qrcode_status event; ok is
// false for other pushes.
func (m *Message) ChannelsWithdrawQrcode() (ChannelsWithdrawQrcode, bool) {
	return typed[ChannelsWithdrawQrcode](m)
}

// ChannelsStoreEvent is an event about a Channels shop itself: its status
// changed (channels_ec_change_status, from "open_finished" to "closing"
// or back), it was finally closed (channels_ec_close_store, "closing" to
// "close_finished"), or it was renamed (set_shop_nickname). The fields sit
// at the top level of the push; each event sets only its own.
//
// See https://developers.weixin.qq.com/doc/store/shop/notify/storebasics_callback.
type ChannelsStoreEvent struct {
	AppID string `push:"appid"` // the shop's appid
	// ChangeTimestamp and CloseTimestamp are unix seconds. The pages type
	// them as numbers and their examples send strings; both decode.
	ChangeTimestamp int64  `push:"change_timestamp"`
	OldStatus       string `push:"old_status"`
	NewStatus       string `push:"new_status"`
	CloseTimestamp  int64  `push:"close_timestamp"`
	OldNickname     string `push:"old_nickname"`
	NewNickname     string `push:"new_nickname"`
}

// ChannelsStoreEvent returns the fields of a channels_ec_change_status,
// channels_ec_close_store or set_shop_nickname event; ok is false for other
// pushes.
func (m *Message) ChannelsStoreEvent() (ChannelsStoreEvent, bool) {
	return typed[ChannelsStoreEvent](m)
}
