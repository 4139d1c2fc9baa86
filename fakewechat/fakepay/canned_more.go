package fakepay

import (
	"net/http"
)

const parkingTx = `{"appid":"wxcbda96de0b165486","sub_appid":"wxcbda96de0b165484","sp_mchid":"1900000109","sub_mchid":"1900000109","description":"停车场扣费","create_time":"2017-08-26T10:43:39+08:00","out_trade_no":"20150806125346","transaction_id":"1009660380201506130728806387","trade_state":"SUCCESS","trade_state_description":"支付成功","success_time":"2017-08-26T10:43:39+08:00","bank_type":"CMC","user_repaid":"Y","attach":"深圳分店","trade_scene":"PARKING","parking_info":{"parking_id":"5K8264ILTKCH16CQ250","plate_number":"粤B888888","plate_color":"BLUE","start_time":"2017-08-26T10:43:39+08:00","end_time":"2017-08-26T10:43:39+08:00","parking_name":"欢乐海岸停车场","charging_duration":3600,"device_id":"12313"},"payer":{"openid":"oUpF8uMuAJOM2pxb1Q"},"amount":{"total":888,"currency":"CNY","payer_total":100,"discount_total":100},"promotion_detail":[{"coupon_id":"109519","name":"单品惠-6","scope":"SINGLE","type":"DISCOUNT","stock_id":"931386","amount":100,"wechatpay_contribute":0,"merchant_contribute":0,"other_contribute":0,"currency":"CNY"}]}`

const rideTx = `{"appid":"wxcbda96de0b165486","sub_appid":"wxcbda96de0b165484","sp_mchid":"1900000109","sub_mchid":"1900000109","description":"地铁扣费","create_time":"2017-08-26T10:43:39+08:00","out_trade_no":"121218998682","transaction_id":"4200000913202101152566792388","trade_state":"ACCEPTED","trade_state_description":"已受理","success_time":"2017-08-26T10:43:39+08:00","bank_type":"CMC","user_repay_state":"NOT_REPAY","repay_transaction_id":"4200000913202101152566792388","repay_time":"2017-08-26T10:43:39+08:00","attach":"深圳分店","contract_id":"Wx15463511252015071056489715","trade_scene":"METRO","metro_info":{"start_time":"2017-08-26T10:43:39+08:00","end_time":"2017-08-26T10:53:39+08:00","start_station":"西单","end_station":"天安门西"},"amount":{"total":600,"payer_total":600,"currency":"CNY"}}`

const giftActivity = `{"activity_id":"10028001","activity_type":"FULL_SEND_ACT_TYPE","activity_base_info":{"activity_name":"良品铺子回馈活动","activity_second_title":"海飞丝的券","merchant_logo_url":"https://tool.oschina.net/regex.jpg","background_color":"COLOR010","begin_time":"2015-05-20T13:29:35+08:00","end_time":"2015-05-20T13:29:35+08:00","available_periods":{"available_time":[{"begin_time":"2015-05-20T00:00:00+08:00","end_time":"2015-05-20T23:59:59+08:00"}],"available_day_time":[{"begin_day_time":"110000","end_day_time":"135959"}]},"out_request_no":"100002322019090134234sfdf","delivery_purpose":"OFF_LINE_PAY","mini_programs_appid":"wx1234567890abcdef","mini_programs_path":"/path/index/index"},"award_send_rule":{"full_send_rule":{"transaction_amount_minimum":100,"send_content":"SINGLE_COUPON","award_type":"BUSIFAVOR","award_list":[{"stock_id":"98065001","original_image_url":"https://tool.oschina.net/regex.jpg","thumbnail_url":"https://tool.oschina.net/regex.jpg"}],"merchant_option":"MANUAL_INPUT_MERCHANT","merchant_id_list":["10000022"]}},"advanced_setting":{"delivery_user_category":"DELIVERY_ALL_PERSON","merchant_member_appid":"34567890","payment_mode":{"payment_scene_list":["APP_SCENE"]},"payment_method_information":{"payment_method":"SPECIFIC_BANK_CARD","bank_abbreviation":"AHRCUB"},"goods_tags":["xxx"]},"activity_status":"ONGOING_ACT_STATUS","creator_merchant_id":"10000022","belong_merchant_id":"10000022","pause_time":"2015-05-20T13:29:35+08:00","recovery_time":"2015-05-20T13:29:35+08:00","create_time":"2015-05-20T13:29:35+08:00","update_time":"2015-05-20T13:29:35+08:00"}`

const loveOrder = `{"welfare_trade_id":"wx0012345678902","appid":"wxd678efh567hg6787","sub_appid":"wxd678efh567hg6787","brand_id":1234,"donate_source":"WXPAY","merchant_order":{"out_trade_no":"1217752501201407033233368018","mchid":"1230000109","sub_mchid":"1230000109","store_id":"0001"},"institution_name":"公益机构","business_id":"1001","business_name":"爱心餐","success_time":"2018-06-08T10:34:56+08:00","payer":{"openid":"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o","avatar":"https://wx.qlogo.cn/mmopen/x","nickname":"张三"},"amount":{"total":100,"payer_total":100,"currency":"CNY","payer_currency":"CNY"},"device_id":"013467007045764"}`

const payrollAuth = `{"mchid":"1900000109","sub_mchid":"1900000109","openid":"onqOjjmo8wmTOOtSKwXtGjg9Gb58","authenticate_scene":"FROM_MINI_APP","authenticate_source":"WEIXIN","project_name":"某项目","employer_name":"某用工企业","authenticate_state":"AUTHENTICATE_SUCCESS","authenticate_time":"2015-05-20T13:29:35+08:00","authenticate_number":"mcdhehfgisdhfjghed39384564i83","authenticate_type":"NORMAL"}`

const payrollPreOrder = `{"authenticate_number":"mcdhehfgisdhfjghed39384564i83","openid":"onqOjjmo8wmTOOtSKwXtGjg9Gb58","mchid":"1900000109","sub_mchid":"1900000109","token":"abcdefghijklmn","expires_in":1800}`

// cannedMore are the canned routes of the industry and activity services.
var cannedMore = []cannedRoute{
	// PayScore parking (微信支付分停车服务).
	{"GET", "/v3/vehicle/parking/services/find", []string{"appid", "plate_number", "plate_color", "openid"}, 200, `{"plate_number":"粤B888888","plate_color":"BLUE","service_open_time":"2017-08-26T10:43:39+08:00","openid":"oUpF8uMuAJOM2pxb1Q","service_state":"NORMAL"}`},
	{"POST", "/v3/vehicle/parking/parkings", []string{"out_parking_no", "plate_number", "plate_color", "notify_url", "start_time", "parking_name", "free_duration"}, 200, `{"id":"5K8264ILTKCH16CQ250","out_parking_no":"1231243","plate_number":"粤B888888","plate_color":"BLUE","start_time":"2017-08-26T10:43:39+08:00","parking_name":"欢乐海岸停车场","free_duration":3600,"state":"NORMAL"}`},
	{"POST", "/v3/vehicle/transactions/parking", []string{"appid", "description", "out_trade_no", "trade_scene", "notify_url", "amount.total", "parking_info.parking_id", "parking_info.plate_number", "parking_info.plate_color", "parking_info.start_time", "parking_info.end_time", "parking_info.parking_name", "parking_info.charging_duration", "parking_info.device_id"}, 200, parkingTx},
	{"GET", "/v3/vehicle/transactions/out-trade-no/{out_trade_no}", nil, 200, parkingTx},

	// Scan and ride (乘车码).
	{"POST", "/v3/qrcode/transactions", []string{"appid", "description", "out_trade_no", "trade_scene", "contract_id", "notify_url", "amount.total"}, 200, rideTx},
	{"GET", "/v3/qrcode/transactions/out-trade-no/{out_trade_no}", nil, 200, rideTx},
	{"GET", "/v3/qrcode/user-services/contract-id/{contract_id}", []string{"appid"}, 200, `{"contract_id":"Wx15463511252015071056489715","user_service_state":"NORMAL"}`},

	// Pay-gift activities (支付有礼).
	{"POST", "/v3/marketing/paygiftactivity/unique-threshold-activity", []string{"activity_base_info.activity_name", "activity_base_info.activity_second_title", "activity_base_info.merchant_logo_url", "activity_base_info.begin_time", "activity_base_info.end_time", "activity_base_info.out_request_no", "activity_base_info.delivery_purpose", "award_send_rule.transaction_amount_minimum", "award_send_rule.send_content", "award_send_rule.award_type", "award_send_rule.award_list", "award_send_rule.merchant_option"}, 200, `{"activity_id":"10028001","create_time":"2015-05-20T13:29:35+08:00"}`},
	{"GET", "/v3/marketing/paygiftactivity/activities/{activity_id}", nil, 200, giftActivity},
	{"GET", "/v3/marketing/paygiftactivity/activities", []string{"offset", "limit"}, 200, `{"data":[` + giftActivity + `],"total_count":1,"offset":0,"limit":10}`},
	{"GET", "/v3/marketing/paygiftactivity/activities/{activity_id}/merchants", nil, 200, `{"data":[{"mchid":"10000022","merchant_name":"XXX商户","create_time":"2015-05-20T13:29:35+08:00","update_time":"2015-05-20T13:29:35+08:00"}],"total_count":1,"offset":0,"limit":10,"activity_id":"126002309"}`},
	{"GET", "/v3/marketing/paygiftactivity/activities/{activity_id}/goods", nil, 200, `{"data":[{"goods_id":"232490","create_time":"2015-05-20T13:29:35+08:00","update_time":"2015-05-20T13:29:35+08:00"}],"total_count":1,"offset":0,"limit":10,"activity_id":"126002309"}`},
	{"POST", "/v3/marketing/paygiftactivity/activities/{activity_id}/terminate", nil, 200, `{"terminate_time":"2015-05-20T13:29:35+08:00","activity_id":"10028001"}`},
	{"POST", "/v3/marketing/paygiftactivity/activities/{activity_id}/merchants/add", []string{"merchant_id_list", "add_request_no"}, 200, `{"activity_id":"126002309","invalid_merchant_id_list":[{"mchid":"100000023","invalid_reason":"该商户不存在"}],"add_time":"2015-05-20T13:29:35+08:00"}`},
	{"POST", "/v3/marketing/paygiftactivity/activities/{activity_id}/merchants/delete", []string{"merchant_id_list", "delete_request_no"}, 200, `{"activity_id":"126002309","delete_time":"2015-05-20T13:29:35+08:00"}`},

	// Gold plan (点金计划).
	{"POST", "/v3/goldplan/merchants/changegoldplanstatus", []string{"sub_mchid", "operation_type"}, 200, `{"sub_mchid":"1900000109"}`},
	{"POST", "/v3/goldplan/merchants/changecustompagestatus", []string{"sub_mchid", "operation_type"}, 200, `{"sub_mchid":"1900000109"}`},
	{"POST", "/v3/goldplan/merchants/set-advertising-industry-filter", []string{"sub_mchid", "advertising_industry_filters"}, 204, ""},
	{"PATCH", "/v3/goldplan/merchants/open-advertising-show", []string{"sub_mchid"}, 204, ""},
	{"POST", "/v3/goldplan/merchants/close-advertising-show", []string{"sub_mchid"}, 204, ""},

	// Love feast (爱心餐).
	{"GET", "/v3/lovefeast/brands/{brand_id}", nil, 200, `{"donate_count":1000,"consume_count":100}`},
	{"GET", "/v3/lovefeast/users/{openid}/orders/out-trade-no/{out_trade_no}", nil, 200, loveOrder},
	{"GET", "/v3/lovefeast/users/{openid}/orders/brand-id/{brand_id}", []string{"limit"}, 200, `{"data":[` + loveOrder + `],"count":1,"limit":20,"offset":0,"total_count":1}`},

	// Retail store activities (零售小店活动).
	{"GET", "/v3/marketing/goods-subsidy-activity/activities", []string{"city_id", "offset", "limit"}, 200, `{"total_count":1,"data":[{"activity_id":"1002600620019090123143254436","brand_id":"1001","creator_merchant_id":"1900000109","activity_info":{"activity_name":"零售小店活动","apply_start_time":"2015-05-20T13:29:35+08:00","apply_end_time":"2015-05-20T13:29:35+08:00","activity_start_time":"2015-05-20T13:29:35+08:00","activity_end_time":"2015-05-20T13:29:35+08:00","activity_description":"活动说明"},"goods_information":{"goods_id":"1","goods_name":"商品","goods_picture_url":"https://e.example/p.png"},"rule_information":{"store_subsidy":100,"service_provider_subsidy":10,"store_subsidy_quota":1000,"user_subsidy_quota":1,"areas":[{"province":"广东省","city":"深圳市","district":"南山区"}]}}],"offset":0,"limit":10}`},
	{"POST", "/v3/marketing/goods-subsidy-activity/activity/{activity_id}/apply", []string{"caller_merchant_id"}, 200, `{"return_message":"OK","succeed_apply_infos":[{"store_info":{"store_id":"abc_001","accounting_merchant_id":"1900000109","merchant_id":"1900000109"},"goods_original_price":1000}]}`},
	{"POST", "/v3/marketing/goods-subsidy-activity/qualification/lock", []string{"order_information.payer_openid", "order_information.out_trade_no", "order_information.total_fee", "order_information.store_id", "order_information.store_merchant_id"}, 200, `{"return_message":"OK","succeed_qualification_ids":["8495134018"],"failed_qualification_ids":[]}`},
	{"POST", "/v3/marketing/goods-subsidy-activity/qualification/unlock", []string{"order_information.payer_openid", "order_information.out_trade_no", "order_information.total_fee", "order_information.store_id", "order_information.store_merchant_id"}, 200, `{"return_message":"OK","succeed_qualification_ids":["8495134018"],"failed_qualification_ids":[]}`},
	{"PUT", "/v3/marketing/goods-subsidy-activity/retail-store-act/{activity_id}/representative", []string{"representative_info_list", "out_request_no"}, 200, `{"activity_id":"3118550000000004","failed_representative_info_list":[],"add_time":"2015-05-20T13:29:35+08:00"}`},
	{"DELETE", "/v3/marketing/goods-subsidy-activity/retail-store-act/{activity_id}/representative", []string{"representative_info_list", "out_request_no", "delete_time"}, 200, `{"activity_id":"3118550000000004","failed_representative_info_list":[],"delete_time":"2015-05-20T13:29:35+08:00"}`},
	{"GET", "/v3/marketing/goods-subsidy-activity/retail-store-act/{activity_id}/representatives", []string{"offset", "limit"}, 200, `{"total_count":1,"data":[{"openid":"oK7fFt8zzEZ909XH-LE2#"}],"offset":0,"limit":10}`},
	{"POST", "/v3/marketing/goods-subsidy-activity/retail-store-act/{brand_id}/stores", []string{"out_request_no", "add_time", "stores"}, 200, `{"add_time":"2015-05-20T13:29:35+08:00","failed_stores":[]}`},
	{"DELETE", "/v3/marketing/goods-subsidy-activity/retail-store-act/{brand_id}/stores", []string{"out_request_no", "delete_time", "stores"}, 200, `{"delete_time":"2015-05-20T13:29:35+08:00","failed_stores":[]}`},
	{"GET", "/v3/marketing/goods-subsidy-activity/retail-store-act/{brand_id}/stores/{store_code}", nil, 200, `{"store_code":"abc_001","store_name":"幸福小店"}`},
	{"GET", "/v3/marketing/goods-subsidy-activity/retail-store-act/{brand_id}/stores", []string{"offset", "limit"}, 200, `{"total_count":1,"data":[{"store_code":"abc_001","store_name":"幸福小店"}],"offset":0,"limit":10}`},
	{"POST", "/v3/marketing/goods-subsidy-activity/retail-store-act/{brand_id}/materials", []string{"out_request_no", "material_num"}, 200, `{"material_list":[{"material_id":"89341234","material_url":"https://e.example/m.png"}]}`},

	// Payroll card (微工卡) queries.
	{"GET", "/v3/payroll-card/relations/{openid}", []string{"sub_mchid"}, 200, `{"openid":"onqOjjmo8wmTOOtSKwXtGjg9Gb58","mchid":"1900000109","sub_mchid":"1900000109","authorize_state":"AUTHORIZED","authorize_time":"2015-05-20T13:29:35+08:00","register_state":"REGISTERED","register_time":"2015-05-20T13:29:35+08:00"}`},
	{"GET", "/v3/payroll-card/authentications/{authenticate_number}", []string{"sub_mchid"}, 200, payrollAuth},
	{"GET", "/v3/payroll-card/authentications", []string{"openid", "sub_mchid", "authenticate_date"}, 200, `{"data":[` + payrollAuth + `],"total_count":1,"offset":0,"limit":10}`},
	{"POST", "/v3/payroll-card/authentications/pre-order", []string{"openid", "sub_mchid", "authenticate_number", "project_name", "employer_name"}, 200, payrollPreOrder},
}

// sealedRoutes are canned routes with encrypted fields.
var sealedRoutes = []route{
	sealedRoute(cannedRoute{"POST", "/v3/payroll-card/tokens", []string{"openid", "sub_mchid", "user_name", "id_card_number"}, 200, `{"openid":"onqOjjmo8wmTOOtSKwXtGjg9Gb58","mchid":"1900000109","sub_mchid":"1900000109","token":"abcdefghijklmn","expires_in":1800}`}, "user_name", "id_card_number"),
	sealedRoute(cannedRoute{"POST", "/v3/payroll-card/authentications/pre-order-with-auth", []string{"openid", "sub_mchid", "authenticate_number", "project_name", "employer_name", "user_name", "id_card_number", "employment_type"}, 200, payrollPreOrder}, "user_name", "id_card_number"),
	sealedRoute(cannedRoute{"POST", "/v3/payroll-card/transfer-batches", []string{"sub_mchid", "authorization_type", "out_batch_no", "batch_name", "batch_remark", "total_amount", "total_num", "transfer_detail_list"}, 200, `{"out_batch_no":"plfk2020042013","batch_id":"1030000071100999991182020050700019480001","create_time":"2015-05-20T13:29:35.120+08:00"}`}, "transfer_detail_list[].user_name"),
}

// sealedRoute is a canned route whose sensitive fields (dotted paths, "a[].b"
// for every element of array a) must decrypt with the key named by
// Wechatpay-Serial; the decrypted values are kept for ApplymentSensitive.
func sealedRoute(cr cannedRoute, fields ...string) route {
	inner := cr.route()
	return route{cr.method, cr.tmpl, func(s *Server, c *call) {
		serial := c.r.Header.Get("Wechatpay-Serial")
		for _, f := range fields {
			var values []string
			if arr, field, ok := cutArray(f); ok {
				items, _ := lookup(c.json, arr).([]any)
				for _, it := range items {
					if m, ok := it.(map[string]any); ok {
						v, _ := m[field].(string)
						values = append(values, v)
					}
				}
			} else if v, ok := lookup(c.json, f).(string); ok {
				values = append(values, v)
			}
			for _, v := range values {
				pt, ok := s.decryptSensitive(serial, v)
				if !ok {
					s.reply(c.w, c.r, http.StatusBadRequest, apiError{Code: "PARAM_ERROR",
						Message: "敏感信息解密失败 (Wechatpay-Serial " + serial + ")", Detail: map[string]any{"field": f}})
					return
				}
				s.b.mu.Lock()
				if s.b.sensitive == nil {
					s.b.sensitive = map[string]string{}
				}
				s.b.sensitive[f] = pt
				s.b.mu.Unlock()
			}
		}
		inner.h(s, c)
	}}
}

func cutArray(f string) (arr, field string, ok bool) {
	for i := 0; i+3 < len(f); i++ {
		if f[i:i+3] == "[]." {
			return f[:i], f[i+3:], true
		}
	}
	return "", "", false
}
