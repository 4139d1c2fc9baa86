package callback

// Typed views of more mini program pushes, added to the table of kinds
// below.

// EventUpdateWaybillStatus is the event of a local delivery (即时配送)
// status change. WeChat documents the name as case-insensitive; it sends
// it in lower case.
const EventUpdateWaybillStatus = "update_waybill_status"

// EventWaybillNotifyQuery is the event a courier company receives when
// WeChat checks the state of a single waybill after the company pushed an
// update. Also documented as case-insensitive.
const EventWaybillNotifyQuery = "waybill_notify_query"

const docMPLocalDeliveryStatus = "https://developers.weixin.qq.com/miniprogram/dev/server/event_push/deliver/deliver_by_business/Delivery_order_delivery_status_update_notification_interface.html"

func init() {
	kinds = append(kinds,
		Kind{Event: EventUpdateWaybillStatus, Type: typeOf[WaybillStatus](), Doc: docMPLocalDeliveryStatus},
		Kind{Event: EventWaybillNotifyQuery, Type: typeOf[WaybillNotifyQuery](), Doc: "https://developers.weixin.qq.com/miniprogram/dev/server/event_push/express/provider/check_order_status.html"},
	)
}

// WaybillStatus is an update_waybill_status event: the delivery company
// changed the status of a local delivery order placed by the merchant.
// The merchant answers with resultcode and resultmsg.
//
// See https://developers.weixin.qq.com/miniprogram/dev/server/event_push/deliver/deliver_by_business/Delivery_order_delivery_status_update_notification_interface.html.
type WaybillStatus struct {
	ShopID      string       `push:"shopid"`        // merchant id (appkey) given by the delivery company
	ShopOrderID string       `push:"shop_order_id"` // the merchant's order id
	ShopNo      string       `push:"shop_no"`       // the merchant's store number
	WaybillID   string       `push:"waybill_id"`
	ActionTime  int64        `push:"action_time"`  // unix seconds
	OrderStatus int          `push:"order_status"` // 101 waiting for a rider, 102 rider assigned, 201 at the store, 202 picked up, 301 delivering, 302 delivered, 103/203/204/205/401/501/502 ended otherwise, ...
	ActionMsg   string       `push:"action_msg"`
	Agent       WaybillAgent `push:"agent"` // the rider
}

// WaybillAgent is the rider of a local delivery.
type WaybillAgent struct {
	Name      string `push:"name"`
	Phone     string `push:"phone"`
	ReachTime int64  `push:"reach_time"` // expected arrival, unix seconds, while delivering
}

// WaybillStatus returns the typed view of an update_waybill_status event;
// ok is false for other pushes.
func (m *Message) WaybillStatus() (WaybillStatus, bool) { return typed[WaybillStatus](m) }

// WaybillNotifyQuery is a waybill_notify_query event, pushed to a courier
// company: WeChat asks for the current state of a single waybill. The
// company answers with ResultCode, ResultMsg, Path (the tracking nodes)
// and WaybillCreateTime.
//
// See https://developers.weixin.qq.com/miniprogram/dev/server/event_push/express/provider/check_order_status.html.
type WaybillNotifyQuery struct {
	WaybillID     string `push:"WaybillId"`
	SenderPhone   string
	ReceiverPhone string
}

// WaybillNotifyQuery returns the typed view of a waybill_notify_query
// event; ok is false for other pushes.
func (m *Message) WaybillNotifyQuery() (WaybillNotifyQuery, bool) {
	return typed[WaybillNotifyQuery](m)
}
