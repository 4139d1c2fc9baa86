package bench

// Conformance of the pay wire types of media uploads, cash coupons and
// merchant coupons with wechatpay-go v0.2.21 (services/fileuploader,
// cashcoupons, merchantexclusivecoupon): our requests decode into their
// models with no unknown field, their responses into ours. Onboarding,
// complaints and PayScore service orders are not in wechatpay-go: their
// types are checked against the official doc examples below.

import (
	"testing"

	"github.com/wechatpay-apiv3/wechatpay-go/services/cashcoupons"
	"github.com/wechatpay-apiv3/wechatpay-go/services/fileuploader"
	"github.com/wechatpay-apiv3/wechatpay-go/services/giftactivity"
	"github.com/wechatpay-apiv3/wechatpay-go/services/goldplan"
	"github.com/wechatpay-apiv3/wechatpay-go/services/lovefeast"
	mec "github.com/wechatpay-apiv3/wechatpay-go/services/merchantexclusivecoupon"
	"github.com/wechatpay-apiv3/wechatpay-go/services/payrollcard"
	"github.com/wechatpay-apiv3/wechatpay-go/services/retailstore"
	ride "github.com/wechatpay-apiv3/wechatpay-go/services/weixinpayscanandride"
	parking "github.com/wechatpay-apiv3/wechatpay-go/services/wexinpayscoreparking"

	"github.com/weixin-go/wechat/pay"
)

// The docs type every time of these bodies as an RFC 3339 string, which we
// keep as a string (filled with FormatTime); wechatpay-go's time.Time
// rejects the placeholder the filler puts in a string.
const docBusiFavorTimes = "https://pay.weixin.qq.com/docs/merchant/apis/merchant-exclusive-coupon/busi-favor/create-busifavor-stock.html (available_begin_time, available_end_time, begin_time, end_time: string, rfc3339)"

// Parking times are RFC 3339 strings in the docs' body tables.
const docParkingTimes = "https://pay.weixin.qq.com/wiki/doc/apiv3_partner/apis/chapter8_8_2.shtml (start_time, end_time: string, rfc3339)"

func TestConformancePayB(t *testing.T) {
	// Media uploads (the JSON answers; the meta part is checked by the fake).
	conformResponse(t, "POST /v3/merchant/media/upload", &fileuploader.ImageUploadResponse{}, &pay.MediaUpload{}, nil)
	conformResponse(t, "POST /v3/merchant/media/video_upload", &fileuploader.VideoUploadResponse{}, &pay.MediaUpload{}, nil)
	conformResponse(t, "POST /v3/marketing/favor/media/image-upload", &fileuploader.MarketingImageUploadResponse{}, &pay.MarketingImage{}, nil)
	conformResponse(t, "POST /v3/merchant-service/images/upload", &fileuploader.MchBizUploadResponse{}, &pay.MediaUpload{}, nil)

	// Cash coupons (代金券).
	conformRequest(t, "POST /v3/marketing/favor/coupon-stocks", &pay.CreateCashStockRequest{}, &cashcoupons.CreateCouponStockRequest{}, nil)
	conformResponse(t, "POST /v3/marketing/favor/coupon-stocks", &cashcoupons.CreateCouponStockResponse{}, &pay.CreateCashStockResponse{}, nil)
	conformJSON(t, "POST /v3/marketing/favor/stocks/{stock_id}/start", `{"stock_creator_mchid":"x"}`, &cashcoupons.StartStockBody{}, nil)
	conformResponse(t, "POST /v3/marketing/favor/stocks/{stock_id}/start", &cashcoupons.StartStockResponse{}, &pay.CashStockStateChange{}, nil)
	conformResponse(t, "POST /v3/marketing/favor/stocks/{stock_id}/pause", &cashcoupons.PauseStockResponse{}, &pay.CashStockStateChange{}, nil)
	conformResponse(t, "POST /v3/marketing/favor/stocks/{stock_id}/restart", &cashcoupons.RestartStockResponse{}, &pay.CashStockStateChange{}, nil)
	conformResponse(t, "POST /v3/marketing/favor/stocks/{stock_id}/stop", &cashcoupons.StopStockResponse{}, &pay.CashStockStateChange{}, nil)
	conformResponse(t, "GET /v3/marketing/favor/stocks/{stock_id}", &cashcoupons.Stock{}, &pay.CashStock{}, nil)
	conformResponse(t, "GET /v3/marketing/favor/stocks (data[])", &cashcoupons.Stock{}, &pay.CashStock{}, nil)
	conformRequest(t, "POST /v3/marketing/favor/users/{openid}/coupons", &pay.SendCashCouponRequest{}, &cashcoupons.SendCouponBody{}, nil)
	conformResponse(t, "POST /v3/marketing/favor/users/{openid}/coupons", &cashcoupons.SendCouponResponse{}, &pay.SendCashCouponResponse{}, nil)
	conformResponse(t, "GET /v3/marketing/favor/users/{openid}/coupons/{coupon_id}", &cashcoupons.Coupon{}, &pay.CashCoupon{}, nil)
	conformResponse(t, "GET /v3/marketing/favor/users/{openid}/coupons (data[])", &cashcoupons.Coupon{}, &pay.CashCoupon{}, nil)
	conformResponse(t, "GET /v3/marketing/favor/stocks/{stock_id}/use-flow", &cashcoupons.UseFlowResponse{}, &pay.CashCouponFlow{}, nil)
	conformResponse(t, "GET /v3/marketing/favor/stocks/{stock_id}/refund-flow", &cashcoupons.RefundFlowResponse{}, &pay.CashCouponFlow{}, nil)
	conformJSON(t, "POST /v3/marketing/favor/callbacks", `{"mchid":"x","notify_url":"x","switch":true}`, &cashcoupons.SetCallbackRequest{}, nil)
	conformResponse(t, "POST /v3/marketing/favor/callbacks", &cashcoupons.SetCallbackResponse{}, &pay.CashCouponCallback{}, nil)
	conformResponse(t, "GET /v3/marketing/favor/callbacks", &cashcoupons.Callback{}, &pay.CashCouponCallback{}, nil)

	// Merchant coupons (商家券).
	conformRequest(t, "POST /v3/marketing/busifavor/stocks", &pay.CreateBusiFavorStockRequest{}, &mec.CreateBusiFavorStockRequest{}, conformKnown{
		"type coupon_use_rule.coupon_available_time.available_begin_time: string rejected by time.Time":                   docBusiFavorTimes,
		"type coupon_use_rule.coupon_available_time.available_end_time: string rejected by time.Time":                     docBusiFavorTimes,
		"type coupon_use_rule.coupon_available_time.irregulary_avaliable_time[].begin_time: string rejected by time.Time": docBusiFavorTimes,
		"type coupon_use_rule.coupon_available_time.irregulary_avaliable_time[].end_time: string rejected by time.Time":   docBusiFavorTimes,
	})
	conformResponse(t, "POST /v3/marketing/busifavor/stocks", &mec.CreateBusiFavorStockResponse{}, &pay.CreateBusiFavorStockResponse{}, nil)
	conformResponse(t, "GET /v3/marketing/busifavor/stocks/{stock_id}", &mec.StockGetResponse{}, &pay.BusiFavorStock{}, nil)
	conformRequest(t, "PATCH /v3/marketing/busifavor/stocks/{stock_id}", &pay.ModifyBusiFavorStockRequest{}, &mec.ModifyStockInfoBody{}, nil)
	conformRequest(t, "PATCH /v3/marketing/busifavor/stocks/{stock_id}/budget", &pay.ModifyBudgetRequest{}, &mec.ModifyBudgetBody{}, nil)
	conformResponse(t, "PATCH /v3/marketing/busifavor/stocks/{stock_id}/budget", &mec.ModifyBudgetResponse{}, &pay.Budget{}, nil)
	conformJSON(t, "POST /v3/marketing/busifavor/stocks/{stock_id}/couponcodes", `{"coupon_code_list":["x"],"upload_request_no":"x"}`, &mec.UploadCouponCodeBody{}, nil)
	conformResponse(t, "POST /v3/marketing/busifavor/stocks/{stock_id}/couponcodes", &mec.UploadCouponCodeResponse{}, &pay.UploadCodesResponse{}, nil)
	conformResponse(t, "GET /v3/marketing/busifavor/stocks/{stock_id}/couponcodes (data[])", &mec.CouponCodeEntity{}, &pay.CouponCode{}, nil)
	conformResponse(t, "GET /v3/marketing/busifavor/stocks/{stock_id}/couponcodes/{coupon_code}", &mec.CouponCodeInfoResponse{}, &pay.CodeInfo{}, nil)
	conformResponse(t, "DELETE /v3/marketing/busifavor/stocks/{stock_id}/couponcodes/{coupon_code}", &mec.DeleteCouponCodeResponse{}, &pay.DeletedCode{}, nil)
	conformResponse(t, "POST /v3/marketing/busifavor/callbacks", &mec.SetCouponNotifyResponse{}, &pay.BusiFavorCallback{}, nil)
	conformResponse(t, "GET /v3/marketing/busifavor/callbacks", &mec.GetCouponNotifyResponse{}, &pay.BusiFavorCallback{}, nil)
	conformResponse(t, "GET /v3/marketing/busifavor/users/{openid}/coupons/{coupon_code}/appids/{appid}", &mec.CouponEntity{}, &pay.BusiFavorCoupon{}, nil)
	conformRequest(t, "POST /v3/marketing/busifavor/coupons/send", &pay.SendBusiFavorRequest{}, &mec.SendCouponRequest{}, nil)
	conformResponse(t, "POST /v3/marketing/busifavor/coupons/send", &mec.SendCouponResponse{}, &pay.SendBusiFavorResponse{}, nil)
	conformRequest(t, "POST /v3/marketing/busifavor/coupons/{card_id}/send", &pay.SendGovCardRequest{}, &mec.CouponSendGovCardRequest{}, nil)
	conformRequest(t, "POST /v3/marketing/busifavor/coupons/use", &pay.UseBusiFavorRequest{}, &mec.UseCouponRequest{}, nil)
	conformResponse(t, "POST /v3/marketing/busifavor/coupons/use", &mec.UseCouponResponse{}, &pay.UseBusiFavorResponse{}, nil)
	conformRequest(t, "POST /v3/marketing/busifavor/coupons/associate", &pay.TradeAssociation{}, &mec.AssociateTradeInfoRequest{}, nil)
	conformResponse(t, "POST /v3/marketing/busifavor/coupons/associate", &mec.AssociateTradeInfoResponse{}, &pay.CouponEventTime{}, nil)
	conformRequest(t, "POST /v3/marketing/busifavor/coupons/disassociate", &pay.TradeAssociation{}, &mec.DisassociateTradeInfoRequest{}, nil)
	conformResponse(t, "POST /v3/marketing/busifavor/coupons/disassociate", &mec.DisassociateTradeInfoResponse{}, &pay.CouponEventTime{}, nil)
	conformJSON(t, "POST /v3/marketing/busifavor/coupons/return", `{"coupon_code":"x","stock_id":"x","return_request_no":"x"}`, &mec.ReturnCouponRequest{}, nil)
	conformResponse(t, "POST /v3/marketing/busifavor/coupons/return", &mec.ReturnCouponResponse{}, &pay.CouponEventTime{}, nil)
	conformJSON(t, "POST /v3/marketing/busifavor/coupons/deactivate", `{"coupon_code":"x","stock_id":"x","deactivate_request_no":"x","deactivate_reason":"x"}`, &mec.DeactivateCouponRequest{}, nil)
	conformResponse(t, "POST /v3/marketing/busifavor/coupons/deactivate", &mec.DeactivateCouponResponse{}, &pay.CouponEventTime{}, nil)
	conformRequest(t, "POST /v3/marketing/busifavor/subsidy/pay-receipts", &pay.SubsidyPayRequest{}, &mec.SubsidyPayRequest{}, nil)
	conformResponse(t, "POST /v3/marketing/busifavor/subsidy/pay-receipts", &mec.SubsidyPayReceipt{}, &pay.SubsidyPayReceipt{}, nil)
	conformResponse(t, "GET /v3/marketing/busifavor/subsidy/pay-receipts/{subsidy_receipt_id}", &mec.SubsidyPayReceipt{}, &pay.SubsidyPayReceipt{}, nil)
	conformRequest(t, "POST /v3/marketing/busifavor/subsidy/return-receipts", &pay.SubsidyReturnRequest{}, &mec.SubsidyReturnRequest{}, nil)
	conformResponse(t, "GET /v3/marketing/busifavor/subsidy/return-receipts/{subsidy_return_receipt_id}", &mec.SubsidyReturnReceipt{}, &pay.SubsidyReturnReceipt{}, nil)

	// PayScore parking, scan and ride, pay-gift activities, gold plan, love
	// feast, payroll card.
	parkingTimes := conformKnown{
		"type parking_info.start_time: string rejected by time.Time": docParkingTimes,
		"type parking_info.end_time: string rejected by time.Time":   docParkingTimes,
	}
	conformResponse(t, "GET /v3/vehicle/parking/services/find", &parking.PlateService{}, &pay.PlateService{}, nil)
	conformRequest(t, "POST /v3/vehicle/parking/parkings", &pay.CreateParkingRequest{}, &parking.CreateParkingRequest{}, conformKnown{
		"type start_time: string rejected by time.Time": docParkingTimes})
	conformResponse(t, "POST /v3/vehicle/parking/parkings", &parking.Parking{}, &pay.Parking{}, nil)
	conformRequest(t, "POST /v3/vehicle/transactions/parking", &pay.ParkingTransactionRequest{}, &parking.CreateTransactionRequest{}, parkingTimes)
	conformResponse(t, "GET /v3/vehicle/transactions/out-trade-no/{out_trade_no}", &parking.Transaction{}, &pay.ParkingTransaction{}, nil)
	conformRequest(t, "POST /v3/qrcode/transactions", &pay.RideTransactionRequest{}, &ride.CreateTransactionRequest{}, nil)
	conformResponse(t, "GET /v3/qrcode/transactions/out-trade-no/{out_trade_no}", &ride.TransactionsEntity{}, &pay.RideTransaction{}, nil)
	conformResponse(t, "GET /v3/qrcode/user-services/contract-id/{contract_id}", &ride.UserServiceEntity{}, &pay.RideUserService{}, nil)
	conformRequest(t, "POST /v3/marketing/paygiftactivity/unique-threshold-activity", &pay.CreateGiftActivityRequest{}, &giftactivity.CreateFullSendActRequest{}, nil)
	conformResponse(t, "POST /v3/marketing/paygiftactivity/unique-threshold-activity", &giftactivity.CreateFullSendActResponse{}, &pay.CreatedGiftActivity{}, nil)
	conformResponse(t, "GET /v3/marketing/paygiftactivity/activities/{activity_id}", &giftactivity.GetActDetailResponse{}, &pay.GiftActivity{}, nil)
	conformResponse(t, "GET /v3/marketing/paygiftactivity/activities (data[])", &giftactivity.ActivityInformation{}, &pay.GiftActivity{}, nil)
	conformResponse(t, "GET /v3/marketing/paygiftactivity/activities/{activity_id}/merchants (data[])", &giftactivity.ActParticipateMchInfo{}, &pay.GiftActivityMerchant{}, nil)
	conformResponse(t, "GET /v3/marketing/paygiftactivity/activities/{activity_id}/goods (data[])", &giftactivity.SkuInfo{}, &pay.GiftActivityGoods{}, nil)
	conformResponse(t, "POST /v3/marketing/paygiftactivity/activities/{activity_id}/terminate", &giftactivity.TerminateActResponse{}, &pay.TerminatedGiftActivity{}, nil)
	conformJSON(t, "POST /v3/marketing/paygiftactivity/activities/{activity_id}/merchants/add", `{"merchant_id_list":["x"],"add_request_no":"x"}`, &giftactivity.AddActivityMerchantBody{}, nil)
	conformResponse(t, "POST /v3/marketing/paygiftactivity/activities/{activity_id}/merchants/add", &giftactivity.AddActivityMerchantResponse{}, &pay.GiftMerchantsChange{}, nil)
	conformJSON(t, "POST /v3/marketing/paygiftactivity/activities/{activity_id}/merchants/delete", `{"merchant_id_list":["x"],"delete_request_no":"x"}`, &giftactivity.DeleteActivityMerchantBody{}, nil)
	conformResponse(t, "POST /v3/marketing/paygiftactivity/activities/{activity_id}/merchants/delete", &giftactivity.DeleteActivityMerchantResponse{}, &pay.GiftMerchantsChange{}, nil)
	conformJSON(t, "POST /v3/goldplan/merchants/changegoldplanstatus", `{"sub_mchid":"x","operation_type":"OPEN","operation_pay_scene":"JSAPI"}`, &goldplan.ChangeGoldPlanStatusRequest{}, nil)
	conformJSON(t, "POST /v3/goldplan/merchants/changecustompagestatus", `{"sub_mchid":"x","operation_type":"OPEN"}`, &goldplan.ChangeCustomPageStatusRequest{}, nil)
	conformJSON(t, "POST /v3/goldplan/merchants/set-advertising-industry-filter", `{"sub_mchid":"x","advertising_industry_filters":["E_COMMERCE"]}`, &goldplan.SetAdvertisingIndustryFilterRequest{}, nil)
	conformJSON(t, "PATCH /v3/goldplan/merchants/open-advertising-show", `{"sub_mchid":"x","advertising_industry_filters":["E_COMMERCE"]}`, &goldplan.OpenAdvertisingShowRequest{}, nil)
	conformJSON(t, "POST /v3/goldplan/merchants/close-advertising-show", `{"sub_mchid":"x"}`, &goldplan.CloseAdvertisingShowRequest{}, nil)
	conformResponse(t, "GET /v3/lovefeast/brands/{brand_id}", &lovefeast.BrandEntity{}, &pay.LoveFeastBrand{}, nil)
	conformResponse(t, "GET /v3/lovefeast/users/{openid}/orders/out-trade-no/{out_trade_no}", &lovefeast.OrdersEntity{}, &pay.LoveFeastOrder{}, nil)
	conformRequest(t, "POST /v3/payroll-card/tokens", &pay.PayrollTokenRequest{}, &payrollcard.CreateTokenRequest{}, nil)
	conformResponse(t, "POST /v3/payroll-card/tokens", &payrollcard.TokenEntity{}, &pay.PayrollToken{}, nil)
	conformResponse(t, "GET /v3/payroll-card/relations/{openid}", &payrollcard.RelationEntity{}, &pay.PayrollRelation{}, nil)
	conformRequest(t, "POST /v3/payroll-card/authentications/pre-order-with-auth", &pay.PayrollPreOrderRequest{}, &payrollcard.PreOrderAuthenticationWithAuthRequest{}, nil)
	conformResponse(t, "POST /v3/payroll-card/authentications/pre-order", &payrollcard.PreOrderAuthenticationResponse{}, &pay.PayrollPreOrder{}, nil)
	conformResponse(t, "GET /v3/payroll-card/authentications/{authenticate_number}", &payrollcard.AuthenticationEntity{}, &pay.PayrollAuthentication{}, nil)
	conformRequest(t, "POST /v3/payroll-card/transfer-batches", &pay.PayrollTransferBatchRequest{}, &payrollcard.CreateTransferBatchRequest{}, nil)
	conformResponse(t, "POST /v3/payroll-card/transfer-batches", &payrollcard.TransferBatchEntity{}, &pay.PayrollTransferBatch{}, nil)

	// Retail store activities.
	conformResponse(t, "GET /v3/marketing/goods-subsidy-activity/activities (data[])", &retailstore.FmcgAct{}, &pay.RetailActivity{}, nil)
	conformRequest(t, "POST /v3/marketing/goods-subsidy-activity/activity/{activity_id}/apply (apply_infos[])", &pay.RetailApplyInfo{}, &retailstore.ActApplyInfo{}, nil)
	conformResponse(t, "POST /v3/marketing/goods-subsidy-activity/activity/{activity_id}/apply", &retailstore.ApplyActivityResponse{}, &pay.RetailApplyResult{}, nil)
	conformRequest(t, "POST /v3/marketing/goods-subsidy-activity/qualification/lock (order_information)", &pay.QualificationOrder{}, &retailstore.OrderInfo{}, nil)
	conformResponse(t, "POST /v3/marketing/goods-subsidy-activity/qualification/lock", &retailstore.LockQualificationResponse{}, &pay.QualificationResult{}, nil)
	conformResponse(t, "POST /v3/marketing/goods-subsidy-activity/qualification/unlock", &retailstore.UnlockQualificationResponse{}, &pay.QualificationResult{}, nil)
	conformResponse(t, "PUT /v3/marketing/goods-subsidy-activity/retail-store-act/{activity_id}/representative", &retailstore.AddRepresentativesResponse{}, &pay.RepresentativesChange{}, nil)
	conformResponse(t, "DELETE /v3/marketing/goods-subsidy-activity/retail-store-act/{activity_id}/representative", &retailstore.DeleteRepresentativeResponse{}, &pay.RepresentativesChange{}, nil)
	conformResponse(t, "GET /v3/marketing/goods-subsidy-activity/retail-store-act/{activity_id}/representatives (data[])", &retailstore.RepresentativeInfo{}, &pay.Representative{}, nil)
	conformResponse(t, "POST /v3/marketing/goods-subsidy-activity/retail-store-act/{brand_id}/stores", &retailstore.AddStoresResponse{}, &pay.RetailStoresChange{}, nil)
	conformResponse(t, "DELETE /v3/marketing/goods-subsidy-activity/retail-store-act/{brand_id}/stores", &retailstore.DeleteStoresResponse{}, &pay.RetailStoresChange{}, nil)
	conformResponse(t, "GET /v3/marketing/goods-subsidy-activity/retail-store-act/{brand_id}/stores/{store_code}", &retailstore.RetailStoreInfo{}, &pay.RetailStore{}, nil)
	conformResponse(t, "POST /v3/marketing/goods-subsidy-activity/retail-store-act/{brand_id}/materials (material_list[])", &retailstore.MaterialInfo{}, &pay.Material{}, nil)
}

// Onboarding, complaints and PayScore service orders are not in
// wechatpay-go v0.2.21: their answers are checked against the examples of
// their doc pages.
func TestConformancePayBDocExamples(t *testing.T) {
	conformJSON(t, "GET /v3/merchant-service/complaints-v2/{complaint_id}", `{
	  "complaint_id": "200201820200101080076610000", "complaint_time": "2015-05-20T13:29:35.120+08:00",
	  "complaint_detail": "反馈一个重复扣费的问题", "complainted_mchid": "1900012181", "complaint_state": "PENDING",
	  "payer_phone": "sGdNeTHMQGlxCWiUyHu6XNO9GCYln2Luv4HhwJzZBfcL12sB",
	  "complaint_order_info": [{"transaction_id": "4200000000000000000000000000", "out_trade_no": "20190906154617947762231", "amount": 3}],
	  "complaint_media_list": [{"media_type": "USER_COMPLAINT_IMAGE", "media_url": ["https://api.mch.weixin.qq.com/v3/merchant-service/images/xxxxx"]}],
	  "service_order_info": [{"order_id": "15646546545165651651", "out_order_no": "1234323JKHDFE1243252", "state": "FINISHED"}],
	  "additional_info": {"type": "SHARE_POWER_TYPE", "share_power_info": {"return_time": "2015-05-20T13:29:35+08:00",
	    "return_address_info": {"return_address": "广东省深圳市南山区海天二路33号腾讯滨海大厦", "longitude": "113.93", "latitude": "22.52"}, "is_returned_to_same_machine": false}},
	  "complaint_full_refunded": true, "incoming_user_response": true, "problem_description": "不满意商家服务",
	  "user_complaint_times": 1, "problem_type": "REFUND", "apply_refund_amount": 10, "user_tag_list": ["TRUSTED"],
	  "in_platform_service": true, "need_immediate_service": true
	}`, &pay.Complaint{}, nil)
	conformJSON(t, "GET /v3/merchant-service/complaints-v2/{complaint_id}/negotiation-historys (data[])", `{
	  "log_id": "300285320210322170000071077", "operator": "投诉人", "operate_time": "2015-05-20T13:29:35.120+08:00",
	  "operate_type": "USER_CREATE_COMPLAINT", "operate_details": "已与用户电话沟通解决", "image_list": ["https://qpic.cn/xxx"],
	  "complaint_media_list": {"media_type": "USER_COMPLAINT_IMAGE", "media_url": ["https://api.mch.weixin.qq.com/v3/merchant-service/images/xxxxx"]},
	  "user_appy_platform_service_reason": "商家未处理", "user_appy_platform_service_reason_description": "商家未处理"
	}`, &pay.NegotiationRecord{}, nil)
	conformJSON(t, "GET /v3/merchant-service/complaint-notifications", `{"mchid": "1900012181", "url": "https://www.xxx.com/notify"}`, &pay.ComplaintNotificationURL{}, nil)
	conformJSON(t, "COMPLAINT.CREATE resource", `{"complaint_id": "200201820200101080076610000", "action_type": "CREATE_COMPLAINT",
	  "out_trade_no": "20190906154617947762231", "complaint_time": "2015-05-20T13:29:35.120+08:00", "amount": 3}`, &pay.ComplaintNotification{}, nil)
	conformJSON(t, "GET /v3/applyment4sub/applyment/business_code/{business_code}", `{
	  "business_code": "1900013511_10000", "applyment_id": 2000001234567890, "sub_mchid": "1542488531",
	  "sign_url": "https://pay.weixin.qq.com/public/apply4ec_sign/s?applymentId=2000002126198476&sign=b207b673049a32c858f3aabd7d27c7ec",
	  "applyment_state": "APPLYMENT_STATE_FINISHED", "applyment_state_msg": "完成",
	  "audit_detail": [{"field": "id_card_copy", "field_name": "身份证人像面照片", "reject_reason": "身份证背面识别失败，请上传更清晰的身份证图片。"}]
	}`, &pay.Applyment{}, nil)
	conformJSON(t, "GET /v3/apply4sub/sub_merchants/{sub_mchid}/settlement", `{"account_type": "ACCOUNT_TYPE_BUSINESS", "account_bank": "工商银行",
	  "bank_name": "施秉县农村信用合作联社城关信用社", "bank_branch_id": "402713354941", "account_number": "62*************78",
	  "verify_result": "VERIFY_SUCCESS", "verify_fail_reason": "银行户名填写错误"}`, &pay.Settlement{}, nil)
	conformJSON(t, "GET /v3/apply4sub/sub_merchants/{sub_mchid}/application/{application_no}", `{"account_name": "张*", "account_type": "ACCOUNT_TYPE_BUSINESS",
	  "account_bank": "工商银行", "bank_name": "中国工商银行股份有限公司北京市分行营业部", "bank_branch_id": "402713354941",
	  "account_number": "62*************78", "verify_result": "AUDIT_SUCCESS", "verify_fail_reason": "银行卡号错误", "verify_finish_time": "2015-05-20T13:29:35.120+08:00"}`, &pay.SettlementApplication{}, nil)
	conformJSON(t, "GET /v3/payscore/serviceorder", `{
	  "out_order_no": "1234323JKHDFE1243252", "service_id": "500001", "appid": "wxd678efh567hg6787", "mchid": "1230000109",
	  "service_introduction": "某某酒店", "state": "CREATED", "state_description": "MCH_COMPLETE", "total_amount": 50000,
	  "post_payments": [{"name": "就餐费用", "amount": 40000, "description": "就餐人均100元", "count": 4}],
	  "post_discounts": [{"name": "满20减1元", "description": "不与其他优惠叠加", "amount": 100, "count": 2}],
	  "risk_fund": {"name": "ESTIMATE_ORDER_COST", "amount": 10000, "description": "就餐的预估费用"},
	  "time_range": {"start_time": "20091225091010", "start_time_remark": "房间使用开始时间", "end_time": "20091225121010", "end_time_remark": "房间使用结束时间"},
	  "location": {"start_location": "嗨客时尚主题展餐厅", "end_location": "嗨客时尚主题展餐厅"},
	  "attach": "Easdfowealsdkjfnlaksjdlfkwqoi&wl3l2sald", "notify_url": "https://api.test.com",
	  "order_id": "15646546545165651651", "need_collection": true, "openid": "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o",
	  "collection": {"state": "USER_PAYING", "total_amount": 3900, "paying_amount": 3000, "paid_amount": 900,
	    "details": [{"seq": 1, "amount": 900, "paid_type": "NEWTON", "paid_time": "20091225091210", "transaction_id": "15646546545165651651",
	      "promotion_detail": [{"coupon_id": "109519", "name": "单品惠-6", "scope": "SINGLE", "type": "DISCOUNT", "amount": 100, "stock_id": "931386",
	        "wechatpay_contribute": 0, "merchant_contribute": 0, "other_contribute": 0, "currency": "CNY",
	        "goods_detail": [{"goods_id": "M1006", "quantity": 1, "unit_price": 100, "discount_amount": 1, "goods_remark": "商品备注信息"}]}]}]}
	}`, &pay.ServiceOrder{}, nil)
	conformJSON(t, "GET /v3/payscore/permissions/openid/{openid}", `{"appid": "wxd678efh567hg6787", "mchid": "1230000109", "service_id": "500001",
	  "openid": "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o", "authorization_state": "AVAILABLE", "cancel_authorization_time": "2015-05-20T13:29:35.120+08:00",
	  "authorization_success_time": "2015-05-20T13:29:35.120+08:00"}`, &pay.Permissions{}, nil)
}
