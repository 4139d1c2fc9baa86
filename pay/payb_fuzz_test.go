package pay_test

import (
	"testing"

	"github.com/weixin-go/wechat/pay"
)

// FuzzNotificationResourcesB decodes arbitrary decrypted resources into
// the complaint, coupon, merchant coupon and PayScore notification types:
// they must fail cleanly, never panic.
func FuzzNotificationResourcesB(f *testing.F) {
	for _, seed := range []string{
		`{"complaint_id":"200201820200101080076610000","action_type":"CREATE_COMPLAINT","out_trade_no":"20190906154617947762231","complaint_time":"2015-05-20T13:29:35.120+08:00","amount":3}`,
		`{"stock_creator_mchid":"9800064","stock_id":"9865888","coupon_id":"98674556","coupon_name":"微信支付代金券","status":"USED","create_time":"2015-05-20T13:29:35+08:00","coupon_type":"NORMAL","no_cash":false,"singleitem":false,"normal_coupon_information":{"coupon_amount":100,"transaction_minimum":100},"consume_information":{"consume_time":"2015-05-20T13:29:35+08:00","consume_mchid":"9856081","transaction_id":"4200000913202101152566792388","goods_detail":[{"goods_id":"a","quantity":1,"price":100,"discount_amount":1}]}}`,
		`{"appid":"wxd678efh567hg6787","mchid":"1230000109","out_order_no":"1234323JKHDFE1243252","service_id":"500001","state":"DOING","state_description":"USER_CONFIRM","total_amount":100,"collection":{"state":"USER_PAID","total_amount":100,"paying_amount":0,"paid_amount":100,"details":[{"seq":1,"amount":100,"paid_type":"NEWTON","paid_time":"2015-05-20T13:29:35+08:00","transaction_id":"15646546545165651651"}]}}`,
		`{"appid":"wx","mchid":"1","service_id":"500001","openid":"o","user_service_status":"USER_OPEN_SERVICE","openorclose_time":"2015-05-20T13:29:35+08:00","authorization_code":"A"}`,
		`{"event_type":"EVENT_TYPE_BUSICOUPON_SEND","coupon_code":"sxxe34343434","stock_id":"1234567","send_time":"2015-05-20T13:29:35+08:00","openid":"o","send_channel":"BUSICOUPON_SEND_CHANNEL_MINIAPP","send_merchant":"98568865","attach_info":{"hall_belong_mchid":123}}`,
		`{"amount":"3"}`, `null`, `[]`, `{"collection":{"details":[null]}}`, "\xff",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		n := &pay.Notification{Plaintext: data}
		if c, err := n.Complaint(); err == nil && c == nil {
			t.Fatal("nil complaint without error")
		}
		_, _ = n.CashCoupon()
		if o, err := n.ServiceOrder(); err == nil && o.Collection != nil {
			_ = len(o.Collection.Details)
		}
		_, _ = n.Permissions()
		_, _ = n.BusiFavorSend()
	})
}
