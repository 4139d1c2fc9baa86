package bench

// Conformance of the pay wire types of merchant transfer (batch API),
// service-provider payments and refunds, and profit sharing with
// wechatpay-go v0.2.21 (services/transferbatch, partnertransferbatch,
// partnerpayments/...,
// refunddomestic, profitsharing): our requests decode into their models with
// no unknown field, their responses into ours. The 2025 transfer bills
// (/v3/fund-app/mch-transfer/...) are not in wechatpay-go: their types are
// checked against the official doc examples below.

import (
	"testing"

	"github.com/wechatpay-apiv3/wechatpay-go/services/partnerpayments"
	ppapp "github.com/wechatpay-apiv3/wechatpay-go/services/partnerpayments/app"
	pph5 "github.com/wechatpay-apiv3/wechatpay-go/services/partnerpayments/h5"
	ppjsapi "github.com/wechatpay-apiv3/wechatpay-go/services/partnerpayments/jsapi"
	ppnative "github.com/wechatpay-apiv3/wechatpay-go/services/partnerpayments/native"
	"github.com/wechatpay-apiv3/wechatpay-go/services/partnertransferbatch"
	"github.com/wechatpay-apiv3/wechatpay-go/services/profitsharing"
	"github.com/wechatpay-apiv3/wechatpay-go/services/refunddomestic"
	"github.com/wechatpay-apiv3/wechatpay-go/services/transferbatch"

	"github.com/weixin-go/wechat/pay"
)

// Our PartnerPrepayRequest serves the four trade types, as the docs' body
// tables do: payer is JSAPI-only and scene_info.h5_info H5-only, each left
// out (omitempty) by the callers of the other types.
const (
	docPartnerJSAPI = "https://pay.weixin.qq.com/docs/partner/apis/partner-jsapi-payment/partner-jsons/partner-jsapi-prepay.html (payer only for JSAPI)"
	docPartnerH5    = "https://pay.weixin.qq.com/docs/partner/apis/partner-h5-payment/partner-h5-prepay.html (h5_info only for H5)"
	// time_expire is a string we fill with FormatTime; wechatpay-go's
	// time.Time rejects the placeholder the filler puts in a string.
	docTimeExpire = "https://pay.weixin.qq.com/docs/partner/apis/partner-jsapi-payment/partner-jsons/partner-jsapi-prepay.html (time_expire string, rfc3339; filled with a placeholder here)"
)

func TestConformancePayA(t *testing.T) {
	// Partner payments (服务商).
	timeKnown := conformKnown{"type time_expire: string rejected by time.Time": docTimeExpire}
	with := func(extra ...string) conformKnown {
		k := conformKnown{}
		for kk, v := range timeKnown {
			k[kk] = v
		}
		for _, e := range extra {
			if e == "payer" {
				k[e] = docPartnerJSAPI
			} else {
				k[e] = docPartnerH5
			}
		}
		return k
	}
	conformRequest(t, "POST /v3/pay/partner/transactions/jsapi", &pay.PartnerPrepayRequest{}, &ppjsapi.PrepayRequest{}, with("scene_info.h5_info"))
	conformRequest(t, "POST /v3/pay/partner/transactions/app", &pay.PartnerPrepayRequest{}, &ppapp.PrepayRequest{}, with("payer", "scene_info.h5_info"))
	conformRequest(t, "POST /v3/pay/partner/transactions/h5", &pay.PartnerPrepayRequest{}, &pph5.PrepayRequest{}, with("payer"))
	conformRequest(t, "POST /v3/pay/partner/transactions/native", &pay.PartnerPrepayRequest{}, &ppnative.PrepayRequest{}, with("payer", "scene_info.h5_info"))
	conformResponse(t, "POST /v3/pay/partner/transactions/jsapi", &ppjsapi.PrepayResponse{}, &pay.PrepayResponse{}, nil)
	conformResponse(t, "POST /v3/pay/partner/transactions/app", &ppapp.PrepayResponse{}, &pay.PrepayResponse{}, nil)
	conformResponse(t, "POST /v3/pay/partner/transactions/h5", &pph5.PrepayResponse{}, &pay.H5Response{}, nil)
	conformResponse(t, "POST /v3/pay/partner/transactions/native", &ppnative.PrepayResponse{}, &pay.NativeResponse{}, nil)
	conformResponse(t, "GET /v3/pay/partner/transactions/id/{transaction_id}", &partnerpayments.Transaction{}, &pay.PartnerTransaction{}, nil)

	// Refunds with sub_mchid.
	conformRequest(t, "POST /v3/refund/domestic/refunds (partner)", &pay.PartnerRefundRequest{}, &refunddomestic.CreateRequest{}, nil)
	conformResponse(t, "GET /v3/refund/domestic/refunds/{out_refund_no}", &refunddomestic.Refund{}, &pay.Refund{}, nil)

	// Profit sharing (分账), merchant and partner share the models.
	conformRequest(t, "POST /v3/profitsharing/orders", &pay.ProfitSharingOrderRequest{}, &profitsharing.CreateOrderRequest{}, nil)
	conformResponse(t, "POST /v3/profitsharing/orders", &profitsharing.OrdersEntity{}, &pay.ProfitSharingOrder{}, nil)
	conformRequest(t, "POST /v3/profitsharing/orders/unfreeze", &pay.UnfreezeRequest{}, &profitsharing.UnfreezeOrderRequest{}, nil)
	conformRequest(t, "POST /v3/profitsharing/return-orders", &pay.ReturnRequest{}, &profitsharing.CreateReturnOrderRequest{}, nil)
	conformResponse(t, "GET /v3/profitsharing/return-orders/{out_return_no}", &profitsharing.ReturnOrdersEntity{}, &pay.ReturnOrder{}, nil)
	conformResponse(t, "GET /v3/profitsharing/transactions/{transaction_id}/amounts", &profitsharing.QueryOrderAmountResponse{}, &pay.UnsplitAmount{}, nil)
	conformRequest(t, "POST /v3/profitsharing/receivers/add", &pay.AddReceiverRequest{}, &profitsharing.AddReceiverRequest{}, nil)
	conformResponse(t, "POST /v3/profitsharing/receivers/add", &profitsharing.AddReceiverResponse{}, &pay.Receiver{}, nil)
	conformRequest(t, "POST /v3/profitsharing/receivers/delete", &pay.DeleteReceiverRequest{}, &profitsharing.DeleteReceiverRequest{}, nil)
	conformResponse(t, "POST /v3/profitsharing/receivers/delete", &profitsharing.DeleteReceiverResponse{}, &pay.DeletedReceiver{}, nil)
	conformResponse(t, "GET /v3/profitsharing/merchant-configs/{sub_mchid}", &profitsharing.QueryMerchantRatioResponse{}, &pay.MerchantRatio{}, nil)
	conformResponse(t, "GET /v3/profitsharing/bills", &profitsharing.SplitBillResponse{}, &pay.Bill{}, nil)

	// Batch transfer (/v3/transfer/batches).
	conformRequest(t, "POST /v3/transfer/batches", &pay.BatchTransferRequest{}, &transferbatch.InitiateBatchTransferRequest{}, nil)
	conformResponse(t, "POST /v3/transfer/batches", &transferbatch.InitiateBatchTransferResponse{}, &pay.BatchTransferResult{}, nil)
	conformResponse(t, "GET /v3/transfer/batches/batch-id/{batch_id}", &transferbatch.TransferBatchEntity{}, &pay.TransferBatchEntity{}, nil)
	conformResponse(t, "GET /v3/transfer/batches/batch-id/{batch_id}/details/detail-id/{detail_id}", &transferbatch.TransferDetailEntity{}, &pay.TransferDetail{}, nil)

	// Partner batch transfer (/v3/partner-transfer/batches).
	conformRequest(t, "POST /v3/partner-transfer/batches", &pay.PartnerBatchTransferRequest{}, &partnertransferbatch.InitiateTransferBatchRequest{}, nil)
	conformResponse(t, "POST /v3/partner-transfer/batches", &partnertransferbatch.InitiateTransferBatchResponse{}, &pay.BatchTransferResult{}, nil)
	conformResponse(t, "GET /v3/partner-transfer/batches/out-batch-no/{out_batch_no}", &partnertransferbatch.TransferBatchEntity{}, &pay.PartnerTransferBatch{}, nil)
	conformResponse(t, "GET /v3/partner-transfer/batches/batch-id/{batch_id}/details/detail-id/{detail_id}", &partnertransferbatch.TransferDetailEntity{}, &pay.PartnerTransferDetail{}, nil)
}

// The 2025 transfer bills against the examples of the official pages.
func TestConformancePayATransferBillsDocs(t *testing.T) {
	// https://pay.weixin.qq.com/doc/v3/merchant/4012716434 (request example)
	conformJSON(t, "POST /v3/fund-app/mch-transfer/transfer-bills", `{
  "appid" : "wxf636efh567hg4356",
  "out_bill_no" : "plfk2020042013",
  "transfer_scene_id" : "1000",
  "openid" : "o-MYE42l80oelYMDE34nYD456Xoy",
  "user_name" : "757b340b45ebef5467rter35gf464344v3542sdf4t6re4tb4f54ty45t4yyry45",
  "transfer_amount" : 400000,
  "transfer_remark" : "新会员开通有礼",
  "notify_url" : "https://www.weixin.qq.com/wxpay/pay.php",
  "user_recv_perception" : "现金奖励",
  "transfer_scene_report_infos" : [
    {
      "info_type" : "活动名称",
      "info_content" : "新会员有礼"
    }
  ]
}`, &pay.TransferBillRequest{}, nil)
	// Same page (response example).
	conformJSON(t, "POST /v3/fund-app/mch-transfer/transfer-bills", `{
  "out_bill_no" : "plfk2020042013",
  "transfer_bill_no" : "1330000071100999991182020050700019480001",
  "create_time" : "2015-05-20T13:29:35.120+08:00",
  "state" : "ACCEPTED",
  "fail_reason" : "PAYEE_ACCOUNT_ABNORMAL",
  "package_info" : "affffddafdfafddffda=="
}`, &pay.TransferBillResult{}, nil)
	// https://pay.weixin.qq.com/docs/merchant/apis/mch-trans/transfer-bill/get-transfer-bill-by-out-no.html
	conformJSON(t, "GET /v3/fund-app/mch-transfer/transfer-bills/out-bill-no/{out_bill_no}", `{
  "mch_id" : "1900001109",
  "out_bill_no" : "plfk2020042013",
  "transfer_bill_no" : "1330000071100999991182020050700019480001",
  "appid" : "wxf636efh567hg4356",
  "state" : "ACCEPTED",
  "transfer_amount" : 400000,
  "transfer_remark" : "新会员开通有礼",
  "fail_reason" : "PAYEE_ACCOUNT_ABNORMAL",
  "openid" : "o-MYE42l80oelYMDE34nYD456Xoy",
  "user_name" : "757b340b45ebef5467rter35gf464344v3542sdf4t6re4tb4f54ty45t4yyry45",
  "create_time" : "2015-05-20T13:29:35.120+08:00",
  "update_time" : "2015-05-20T13:29:35.120+08:00"
}`, &pay.TransferBill{}, nil)
	// https://pay.weixin.qq.com/docs/merchant/apis/mch-trans/transfer-bill/cancel-transfer.html
	conformJSON(t, "POST /v3/fund-app/mch-transfer/transfer-bills/out-bill-no/{out_bill_no}/cancel", `{
  "out_bill_no" : "plfk2020042013",
  "transfer_bill_no" : "1330000071100999991182020050700019480001",
  "state" : "CANCELING",
  "update_time" : "2015-05-20T13:29:35.120+08:00"
}`, &pay.TransferCancelResult{}, nil)
	// https://pay.weixin.qq.com/docs/merchant/apis/mch-trans/elecsign/query-elecsign-by-no.html
	conformJSON(t, "GET /v3/fund-app/mch-transfer/elecsign/transfer-bill-no/{transfer_bill_no}", `{
  "state" : "FINISHED",
  "create_time" : "2015-05-20T13:29:35+08:00",
  "update_time" : "2015-05-20T13:29:35+08:00",
  "hash_type" : "SHA256",
  "hash_value" : "D2E2F6C5B0A9...",
  "download_url" : "https://api.mch.weixin.qq.com/v3/transferdownload/signfile?token=xxx",
  "fail_reason" : "NO_NAME"
}`, &pay.TransferReceipt{}, nil)
	// https://pay.weixin.qq.com/docs/merchant/apis/batch-transfer-to-balance/callback-notice.html
	// (decrypted resource of MCHTRANSFER.BILL.FINISHED)
	conformJSON(t, "MCHTRANSFER.BILL.FINISHED resource", `{
  "out_bill_no" : "plfk2020042013",
  "transfer_bill_no" : "1330000071100999991182020050700019480001",
  "state" : "SUCCESS",
  "mch_id" : "1900001109",
  "transfer_amount" : 2000,
  "openid" : "o-MYE42l80oelYMDE34nYD456Xoy",
  "fail_reason" : "PAYEE_ACCOUNT_ABNORMAL",
  "create_time" : "2015-05-20T13:29:35+08:00",
  "update_time" : "2023-08-15T20:33:22+08:00"
}`, &pay.TransferBillNotification{}, nil)
}
