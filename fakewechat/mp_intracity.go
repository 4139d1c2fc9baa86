package fakewechat

// Intra-city delivery (同城配送, /cgi-bin/express/intracity/*) is canned in
// the fake: each endpoint checks its documented required body fields
// (40097 "invalid args: NAME") and answers the documentation's example.
func init() { wxaCannedList = append(wxaCannedList, mpIntracityCanned...) }

var mpIntracityOrder = M{"wx_order_id": "01030000000001", "service_trans_id": "DADA", "trans_order_id": "3000000001", "distance": 1200,
	"fee": 1100, "expected_time": 1700003600, "fetch_code": "1234", "order_code": "5678", "order_status": 20000}

var mpIntracityCanned = []wxaCanned{
	{pattern: "POST /cgi-bin/express/intracity/apply"},
	{pattern: "POST /cgi-bin/express/intracity/createstore", required: []string{"out_store_id", "store_name", "order_pattern", "address_info"}, answer: M{"wx_store_id": "1234567890"}},
	{pattern: "POST /cgi-bin/express/intracity/querystore", answer: M{"total": 1, "store_list": []M{{"wx_store_id": "1234567890", "out_store_id": "store_1", "city_id": "440300",
		"store_name": "南山店", "order_pattern": 1, "service_trans_prefer": "", "address_info": M{"province": "广东省", "city": "深圳市", "area": "南山区", "street": "科技园",
			"house": "1号", "lat": 22.54, "lng": 113.93, "phone": "13800000000"}}}}},
	{pattern: "POST /cgi-bin/express/intracity/updatestore", required: []string{"keys", "content"}},
	{pattern: "POST /cgi-bin/express/intracity/storecharge", required: []string{"wx_store_id", "service_trans_id", "amount"}, answer: M{"payurl": "https://wxpay.example.invalid/pay?id=1", "appid": ""}},
	{pattern: "POST /cgi-bin/express/intracity/storerefund", required: []string{"wx_store_id", "service_trans_id"}, answer: M{"refund_amount": 10000}},
	{pattern: "POST /cgi-bin/express/intracity/queryflow", required: []string{"wx_store_id", "flow_type", "begin_time", "end_time"}, answer: M{"total": 1, "total_pay_amt": 1100,
		"flow_list": []M{{"flow_type": 2, "appid": "", "wx_store_id": "1234567890", "pay_order_id": 1, "wx_order_id": "01030000000001", "service_trans_id": "DADA",
			"openid": "oUser", "delivery_status": 70000, "pay_amount": 1100, "pay_time": 1700000000, "create_time": 1700000000}}}},
	{pattern: "POST /cgi-bin/express/intracity/balancequery", required: []string{"wx_store_id"}, answer: M{"all_balance": 10000, "balance_detail": []M{{"service_trans_id": "DADA", "balance": 10000}}}},
	{pattern: "POST /cgi-bin/express/intracity/preaddorder", required: []string{"wx_store_id", "user_name", "user_phone", "user_lat", "user_lng", "user_address", "cargo"}, answer: mpIntracityOrder},
	{pattern: "POST /cgi-bin/express/intracity/addorder", required: []string{"wx_store_id", "store_order_id", "user_openid", "user_name", "user_phone", "user_lat", "user_lng", "user_address", "cargo"}, answer: mpIntracityOrder},
	{pattern: "POST /cgi-bin/express/intracity/queryorder", answer: mpIntracityOrder},
	{pattern: "POST /cgi-bin/express/intracity/cancelorder", required: []string{"cancel_reason_id"}, answer: M{"wx_order_id": "01030000000001", "deduct_fee": 200, "desc": "已接单取消扣费"}},
	{pattern: "POST /cgi-bin/express/intracity/getpaymode", answer: M{"pay_mode": "PAY_MODE_STORE", "pay_appid": ""}},
	{pattern: "POST /cgi-bin/express/intracity/setpaymode", required: []string{"pay_mode"}},
	{pattern: "POST /cgi-bin/express/intracity/getcity", answer: M{"support_list": []M{{"service_trans_id": "DADA", "city_list": []M{{"city_name": "深圳市", "city_code": "440300"}}}}}},
}
