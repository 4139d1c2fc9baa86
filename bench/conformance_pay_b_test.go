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
	ride "github.com/wechatpay-apiv3/wechatpay-go/services/weixinpayscanandride"
	parking "github.com/wechatpay-apiv3/wechatpay-go/services/wexinpayscoreparking"

	"github.com/weixin-go/wechat/pay"
)

// The docs type every time of these bodies as an RFC 3339 string, which we
// keep as a string (filled with FormatTime); wechatpay-go's time.Time
// rejects the placeholder the filler puts in a string.
const docBusiFavorTimes = "https://pay.weixin.qq.com/docs/merchant/apis/merchant-exclusive-coupon/busi-favor/create-busifavor-stock.html (available_begin_time, available_end_time, begin_time, end_time: string, rfc3339)"

// Parking times are RFC 3339 strings in the docs' body tables.
const docParkingTimes = "https://pay.weixin.qq.com/docs/partner/apis/wexin-pay-score-parking/parkings/create-parking.html (start_time, end_time: string, rfc3339)"

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
}
