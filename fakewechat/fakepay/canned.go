package fakepay

import (
	"encoding/json"
	"net/http"
)

// cannedRoute is a read-only or reporting endpoint answered with fixed
// data shaped like its doc page's example, after the request signature and
// the required fields (body paths for POST/PUT/PATCH/DELETE, query
// parameters for GET) were checked.
type cannedRoute struct {
	method, tmpl string
	required     []string
	status       int
	body         string
}

func (cr cannedRoute) route() route {
	if cr.body != "" && !json.Valid([]byte(cr.body)) {
		panic("fakepay: canned answer of " + cr.tmpl + " is not JSON")
	}
	return route{cr.method, cr.tmpl, func(s *Server, c *call) {
		if cr.method == http.MethodGet {
			if !s.requireQuery(c, cr.required...) {
				return
			}
		} else if !s.requireJSON(c, cr.required...) {
			return
		}
		if cr.body == "" {
			s.reply(c.w, c.r, cr.status, nil)
			return
		}
		s.reply(c.w, c.r, cr.status, json.RawMessage(cr.body))
	}}
}

const busiCoupon = `{"belong_merchant":"1900000109","stock_name":"商家券","comment":"xxx店使用","goods_name":"xxx商品使用","stock_type":"NORMAL","transferable":false,"shareable":false,"coupon_state":"SENDED","display_pattern_info":{"description":"xxx门店可用","merchant_logo_url":"https://xxx","merchant_name":"微信支付","background_color":"xxxxx","coupon_image_url":"https://qpic.cn/xxx"},"coupon_use_rule":{"coupon_available_time":{"available_begin_time":"2015-05-20T13:29:35+08:00","available_end_time":"2015-05-20T13:29:35+08:00","available_day_after_receive":3,"available_week":{"week_day":[1,2],"available_day_time":[{"begin_time":3600,"end_time":86399}]},"irregulary_avaliable_time":[{"begin_time":"2015-05-20T13:29:35+08:00","end_time":"2015-05-20T13:29:35+08:00"}]},"fixed_normal_coupon":{"discount_amount":5,"transaction_minimum":100},"use_method":"OFF_LINE","mini_programs_appid":"wx23232232323","mini_programs_path":"/path/index/index"},"custom_entrance":{"mini_programs_info":{"mini_programs_appid":"wx234545656765876","mini_programs_path":"/path/index/index","entrance_words":"欢迎选购","guiding_words":"获取更多优惠"},"appid":"wx324345hgfhfghfg","hall_id":"233455656","store_id":"233554655"},"coupon_code":"123446565767","stock_id":"1002323","available_start_time":"2015-05-20T13:29:35+08:00","expire_time":"2015-05-20T13:29:35+08:00","receive_time":"2015-05-20T13:29:35+08:00","send_request_no":"MCHSEND202003101234","use_request_no":"MCHSEND202003101234","use_time":"2015-05-20T13:29:35+08:00"}`

const busiStock = `{"stock_name":"8月1日活动券","belong_merchant":"10000022","comment":"xxx店使用","goods_name":"xxx商品使用","stock_type":"NORMAL","coupon_use_rule":{"coupon_available_time":{"available_begin_time":"2015-05-20T13:29:35+08:00","available_end_time":"2015-05-20T13:29:35+08:00","available_day_after_receive":3,"available_week":{"week_day":[1,2],"available_day_time":[{"begin_time":3600,"end_time":86399}]},"irregulary_avaliable_time":[{"begin_time":"2015-05-20T13:29:35+08:00","end_time":"2015-05-20T13:29:35+08:00"}]},"fixed_normal_coupon":{"discount_amount":5,"transaction_minimum":100},"use_method":"OFF_LINE","mini_programs_appid":"wx23232232323","mini_programs_path":"/path/index/index"},"stock_send_rule":{"max_amount":100000,"max_coupons":100,"max_coupons_per_user":5,"max_amount_by_day":1000,"max_coupons_by_day":100,"natural_person_limit":false,"prevent_api_abuse":false,"transferable":false,"shareable":false},"custom_entrance":{"mini_programs_info":{"mini_programs_appid":"wx234545656765876","mini_programs_path":"/path/index/index","entrance_words":"欢迎选购","guiding_words":"获取更多优惠"},"appid":"wx324345hgfhfghfg","hall_id":"233455656","store_id":"233554655","code_display_mode":"BARCODE"},"display_pattern_info":{"description":"xxx门店可用","merchant_logo_url":"https://xxx","merchant_name":"微信支付","background_color":"xxxxx","coupon_image_url":"https://qpic.cn/xxx"},"stock_state":"RUNNING","coupon_code_mode":"MERCHANT_UPLOAD","stock_id":"1212","coupon_code_count":{"total_count":100,"available_count":50},"notify_config":{"notify_appid":"wx23232232323"},"send_count_information":{"total_send_num":1,"total_send_amount":34,"today_send_num":1,"today_send_amount":34}}`

const payReceipt = `{"subsidy_receipt_id":"1120200119165100000000000001","stock_id":"128888000000001","coupon_code":"ABCD12345678","transaction_id":"4200000913202101152566792388","payer_merchant":"1900000001","payee_merchant":"1900000002","amount":100,"description":"20210115DESCRIPTION","status":"PAY_RECEIPT_SUCCESS","success_time":"2021-01-20T10:29:35.120+08:00","out_subsidy_no":"subsidy-abcd-12345678","create_time":"2021-01-20T10:29:35.120+08:00"}`

const returnReceipt = `{"subsidy_return_receipt_id":"1120200119165100000000000001","stock_id":"128888000000001","coupon_code":"ABCD12345678","transaction_id":"4200000913202101152566792388","refund_id":"50100506732021010105138718375","payer_merchant":"1900000001","payee_merchant":"1900000002","amount":100,"description":"20210115DESCRIPTION","status":"RETURN_RECEIPT_SUCCESS","return_done_time":"2021-01-20T10:29:35.120+08:00","subsidy_receipt_id":"1120200119165100000000000001","out_subsidy_return_no":"subsidy-abcd-12345678","return_create_time":"2021-01-20T10:29:35.120+08:00"}`

const permissions = `{"appid":"wxd678efh567hg6787","mchid":"1230000109","service_id":"500001","openid":"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o","authorization_code":"1234323JKHDFE1243252","authorization_state":"AVAILABLE","notify_url":"https://api.test.com","cancel_authorization_time":"2015-05-20T13:29:35.120+08:00","authorization_success_time":"2015-05-20T13:29:35.120+08:00"}`

// cannedRoutes are the endpoints answered with fixed data.
var cannedRoutes = []cannedRoute{
	// Merchant coupons (商家券).
	{"POST", "/v3/marketing/busifavor/stocks", []string{"stock_name", "belong_merchant", "goods_name", "stock_type", "coupon_use_rule.coupon_available_time.available_begin_time", "coupon_use_rule.coupon_available_time.available_end_time", "coupon_use_rule.use_method", "stock_send_rule.max_coupons_per_user", "out_request_no", "coupon_code_mode"}, 200, `{"stock_id":"1212","create_time":"2015-05-20T13:29:35+08:00"}`},
	{"GET", "/v3/marketing/busifavor/stocks/{stock_id}", nil, 200, busiStock},
	{"PATCH", "/v3/marketing/busifavor/stocks/{stock_id}", []string{"out_request_no"}, 204, ""},
	{"PATCH", "/v3/marketing/busifavor/stocks/{stock_id}/budget", []string{"modify_budget_request_no"}, 200, `{"max_coupons":300,"max_coupons_by_day":500}`},
	{"POST", "/v3/marketing/busifavor/stocks/{stock_id}/couponcodes", []string{"coupon_code_list", "upload_request_no"}, 200, `{"stock_id":"98065001","total_count":500,"success_count":20,"success_codes":["MMAA12345"],"success_time":"2015-05-20T13:29:35+08:00","fail_count":10,"fail_codes":[{"coupon_code":"ABCD23456","code":"LENGTH_LIMIT","message":"长度超过最大值32位"}],"exist_codes":["ABCD2345"],"duplicate_codes":["AACC2345"]}`},
	{"GET", "/v3/marketing/busifavor/stocks/{stock_id}/couponcodes", nil, 200, `{"stock_id":"98065001","total_count":1,"data":[{"code":"ABC9588200","code_status":"DISPATCHED","upload_time":"2015-05-20T13:29:35+08:00","dispatched_time":"2015-05-20T13:29:35+08:00","openid":"fjiehijhwehfije","unionid":"fjiehijhwehfije","coupon_code":"ABC9588200"}],"offset":0,"limit":20}`},
	{"GET", "/v3/marketing/busifavor/stocks/{stock_id}/couponcodes/{coupon_code}", nil, 200, `{"code_information":{"code":"ABC9588200","code_status":"DISPATCHED","upload_time":"2015-05-20T13:29:35+08:00","dispatched_time":"2015-05-20T13:29:35+08:00","openid":"fjiehijhwehfije","unionid":"fjiehijhwehfije"},"coupon_information":` + busiCoupon + `}`},
	{"DELETE", "/v3/marketing/busifavor/stocks/{stock_id}/couponcodes/{coupon_code}", []string{"delete_request_no"}, 200, `{"stock_id":"98065001","delete_time":"2015-05-20T13:29:35+08:00"}`},
	{"POST", "/v3/marketing/busifavor/callbacks", []string{"notify_url"}, 200, `{"update_time":"2015-05-20T13:29:35+08:00","notify_url":"https://pay.weixin.qq.com","mchid":"1900000109"}`},
	{"GET", "/v3/marketing/busifavor/callbacks", []string{"mchid"}, 200, `{"notify_url":"https://pay.weixin.qq.com","mchid":"1900000109"}`},
	{"GET", "/v3/marketing/busifavor/users/{openid}/coupons/{coupon_code}/appids/{appid}", nil, 200, busiCoupon},
	{"GET", "/v3/marketing/busifavor/users/{openid}/coupons", []string{"appid"}, 200, `{"data":[` + busiCoupon + `],"total_count":1,"limit":10,"offset":0}`},
	{"POST", "/v3/marketing/busifavor/coupons/send", []string{"openid", "appid", "stock_id", "out_request_no"}, 200, `{"send_coupon_result":{"stock_id":"1002323","out_request_no":"1002600620019090123143254436","coupon_code":"123446565767"}}`},
	{"POST", "/v3/marketing/busifavor/coupons/{card_id}/send", []string{"appid", "openid", "out_request_no", "send_time"}, 200, `{"card_code":"sxxe34343434"}`},
	{"POST", "/v3/marketing/busifavor/coupons/use", []string{"coupon_code", "appid", "use_time", "use_request_no"}, 200, `{"stock_id":"100088","openid":"dsadas34345454545","wechatpay_use_time":"2015-05-20T13:29:35+08:00"}`},
	{"POST", "/v3/marketing/busifavor/coupons/associate", []string{"stock_id", "coupon_code", "out_trade_no", "out_request_no"}, 200, `{"wechatpay_associate_time":"2015-05-20T13:29:35+08:00"}`},
	{"POST", "/v3/marketing/busifavor/coupons/disassociate", []string{"stock_id", "coupon_code", "out_trade_no", "out_request_no"}, 200, `{"wechatpay_disassociate_time":"2015-05-20T13:29:35+08:00"}`},
	{"POST", "/v3/marketing/busifavor/coupons/return", []string{"coupon_code", "stock_id", "return_request_no"}, 200, `{"wechatpay_return_time":"2015-05-20T13:29:35+08:00"}`},
	{"POST", "/v3/marketing/busifavor/coupons/deactivate", []string{"coupon_code", "stock_id", "deactivate_request_no"}, 200, `{"wechatpay_deactivate_time":"2015-05-20T13:29:35+08:00"}`},
	{"POST", "/v3/marketing/busifavor/subsidy/pay-receipts", []string{"stock_id", "coupon_code", "transaction_id", "payer_merchant", "payee_merchant", "amount", "description", "out_subsidy_no"}, 200, payReceipt},
	{"GET", "/v3/marketing/busifavor/subsidy/pay-receipts/{subsidy_receipt_id}", nil, 200, payReceipt},
	{"GET", "/v3/marketing/busifavor/subsidy/pay-receipts", []string{"stock_id", "coupon_code"}, 200, `{"pay_receipt_list":[` + payReceipt + `]}`},
	{"POST", "/v3/marketing/busifavor/subsidy/return-receipts", []string{"stock_id", "coupon_code", "transaction_id", "refund_id", "payer_merchant", "payee_merchant", "amount", "description", "out_subsidy_return_no"}, 200, returnReceipt},
	{"GET", "/v3/marketing/busifavor/subsidy/return-receipts/{subsidy_return_receipt_id}", nil, 200, returnReceipt},

	// PayScore authorizations (免确认预授权).
	{"POST", "/v3/payscore/permissions", []string{"service_id", "appid", "authorization_code"}, 200, `{"apply_permissions_token":"1LLLLLDDDDDSDDFDFSFDFSF345"}`},
	{"GET", "/v3/payscore/permissions/authorization-code/{authorization_code}", []string{"service_id"}, 200, permissions},
	{"POST", "/v3/payscore/permissions/authorization-code/{authorization_code}/terminate", []string{"service_id", "reason"}, 204, ""},
	{"GET", "/v3/payscore/permissions/openid/{openid}", []string{"appid", "service_id"}, 200, permissions},
	{"POST", "/v3/payscore/permissions/openid/{openid}/terminate", []string{"service_id", "appid", "reason"}, 204, ""},
	{"GET", "/v3/payscore/user-service-state", []string{"service_id", "appid", "openid"}, 200, `{"service_id":"500001","appid":"wxd678efh567hg6787","mchid":"1230000109","openid":"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o","use_service_state":"AVAILABLE"}`},
}
