package bench

// Conformance of the original pay wire types (JSAPI/App/H5/Native orders,
// transactions, refunds, platform certificates, notifications) with
// wechatpay-go v0.2.21: our requests decode into its models with no unknown
// field, its responses into ours.

import (
	"testing"

	"github.com/wechatpay-apiv3/wechatpay-go/core/notify"
	"github.com/wechatpay-apiv3/wechatpay-go/services/certificates"
	"github.com/wechatpay-apiv3/wechatpay-go/services/payments"
	"github.com/wechatpay-apiv3/wechatpay-go/services/payments/app"
	"github.com/wechatpay-apiv3/wechatpay-go/services/payments/h5"
	"github.com/wechatpay-apiv3/wechatpay-go/services/payments/jsapi"
	"github.com/wechatpay-apiv3/wechatpay-go/services/payments/native"
	"github.com/wechatpay-apiv3/wechatpay-go/services/refunddomestic"

	"github.com/weixin-go/wechat/pay"
)

// One PrepayRequest serves the four trade types, as the docs' body tables
// do: payer is JSAPI-only and scene_info.h5_info H5-only, each left out
// (omitempty) by the callers of the other types.
const (
	docPrepayJSAPI        = "https://pay.weixin.qq.com/docs/merchant/apis/jsapi-payment/direct-jsons/jsapi-prepay.html (payer only for JSAPI)"
	docPrepayH5           = "https://pay.weixin.qq.com/docs/merchant/apis/h5-payment/direct-jsons/h5-prepay.html (h5_info only for H5)"
	docNotification       = "https://pay.weixin.qq.com/docs/merchant/apis/jsapi-payment/payment-notice.html"
	docRefundNotification = "https://pay.weixin.qq.com/docs/merchant/apis/refund/refunds/refund-result-notice.html"
)

// prepayFilled is our PrepayRequest with every field set, time_expire a
// valid rfc3339 time (a string on our side, a time.Time on theirs).
func prepayFilled() *pay.PrepayRequest {
	r := &pay.PrepayRequest{}
	conformFill(r)
	r.TimeExpire = "2018-06-08T10:34:56+08:00"
	return r
}

func TestConformancePay(t *testing.T) {
	h5Only := conformKnown{"scene_info.h5_info": docPrepayH5}
	jsapiOnly := conformKnown{"payer": docPrepayJSAPI}
	both := conformKnown{"payer": docPrepayJSAPI, "scene_info.h5_info": docPrepayH5}
	conformRequestFilled(t, "POST /v3/pay/transactions/jsapi", prepayFilled(), &jsapi.PrepayRequest{}, h5Only)
	conformRequestFilled(t, "POST /v3/pay/transactions/app", prepayFilled(), &app.PrepayRequest{}, both)
	conformRequestFilled(t, "POST /v3/pay/transactions/h5", prepayFilled(), &h5.PrepayRequest{}, jsapiOnly)
	conformRequestFilled(t, "POST /v3/pay/transactions/native", prepayFilled(), &native.PrepayRequest{}, both)
	conformResponse(t, "POST /v3/pay/transactions/jsapi", &jsapi.PrepayResponse{}, &pay.PrepayResponse{}, nil)
	conformResponse(t, "POST /v3/pay/transactions/app", &app.PrepayResponse{}, &pay.PrepayResponse{}, nil)
	conformResponse(t, "POST /v3/pay/transactions/h5", &h5.PrepayResponse{}, &pay.H5Response{}, nil)
	conformResponse(t, "POST /v3/pay/transactions/native", &native.PrepayResponse{}, &pay.NativeResponse{}, nil)
	conformResponse(t, "GET /v3/pay/transactions/id/{transaction_id}", &payments.Transaction{}, &pay.Transaction{}, nil)

	conformRequest(t, "POST /v3/refund/domestic/refunds", &pay.RefundRequest{}, &refunddomestic.CreateRequest{}, nil)
	conformResponse(t, "POST /v3/refund/domestic/refunds", &refunddomestic.Refund{}, &pay.Refund{}, nil)

	conformResponse(t, "GET /v3/certificates (encrypt_certificate)", &certificates.EncryptCertificate{}, &pay.EncryptCertificate{}, nil)

	// notify.Request holds the *http.Request: the docs' example instead.
	conformJSON(t, docNotification, `{"id":"EV-2018022511223320873","create_time":"2015-05-20T13:29:35+08:00","resource_type":"encrypt-resource",
		"event_type":"TRANSACTION.SUCCESS","summary":"支付成功","resource":{"original_type":"transaction","algorithm":"AEAD_AES_256_GCM",
		"ciphertext":"","associated_data":"","nonce":""}}`, &pay.Notification{}, nil)
	conformResponse(t, "notification resource", &notify.EncryptedResource{}, &pay.NotificationResource{},
		conformKnown{"Plaintext": docNotification + " (wechatpay-go's field for the decrypted text, not on the wire)"})
	conformResponse(t, "TRANSACTION.SUCCESS plaintext", &payments.Transaction{}, &pay.Transaction{}, nil)
	// wechatpay-go has no model of the refund notification: the docs' example.
	conformJSON(t, docRefundNotification, `{"mchid":"1900000100","transaction_id":"1008450740201411110005820873","out_trade_no":"20150806125346",
		"refund_id":"50200207182018070300011301001","out_refund_no":"7752501201407033233368018","refund_status":"SUCCESS",
		"success_time":"2018-06-08T10:34:56+08:00","user_received_account":"招商银行信用卡0403",
		"amount":{"total":999,"refund":999,"payer_total":999,"payer_refund":999}}`, &pay.RefundNotification{}, nil)
}
