package fakewechat

// Logistics (物流助手 /cgi-bin/express/business/*, return orders
// /cgi-bin/express/delivery/return/*, waybill tracking
// /cgi-bin/express/delivery/open_msg/*) are stateless in the fake, like the
// canned mini program management endpoints: each checks its documented
// required body fields (40097 "invalid args: NAME" when missing or empty)
// and answers the documentation's example.
func init() { wxaCannedList = append(wxaCannedList, mpExpressCanned...) }

var mpExpressWaybill = M{"order_id": "01234567890123456789", "delivery_id": "SF", "waybill_id": "123456789",
	"print_html": "PGh0bWw+PC9odG1sPg==", "waybill_data": []M{{"key": "SF_bagAddr", "value": "广州"}}, "order_status": 0}

var mpExpressTrace = M{"waybill_info": M{"waybill_id": "YT000001", "status": 2},
	"shop_info":     M{"goods_info": M{"detail_list": []M{{"goods_name": "微信气泡狗-老虎款", "goods_img_url": "https://res.wx.qq.com/a.png"}}}},
	"delivery_info": M{"delivery_id": "YTO", "delivery_name": "圆通速递"}}

var mpExpressCanned = []wxaCanned{
	{pattern: "GET /cgi-bin/express/business/delivery/getall", answer: M{"count": 2, "data": []M{{"delivery_id": "SF", "delivery_name": "顺丰速运"}, {"delivery_id": "TEST", "delivery_name": "测试快递公司"}}}},
	{pattern: "POST /cgi-bin/express/business/account/bind", required: []string{"type", "biz_id", "delivery_id"}},
	{pattern: "GET /cgi-bin/express/business/account/getall", answer: M{"count": 1, "list": []M{{"biz_id": "test_biz_id", "delivery_id": "TEST", "create_time": 1556606980, "update_time": 1556606980,
		"status_code": 0, "alias": "", "remark_wrong_msg": "", "remark_content": "", "quota_num": 100, "quota_update_time": 1556606980,
		"service_type": []M{{"service_type": 1, "service_name": "标准快递"}}}}}},
	{pattern: "POST /cgi-bin/express/business/order/add", required: []string{"order_id", "delivery_id", "biz_id", "sender", "receiver", "cargo", "shop", "insured", "service"},
		answer: M{"order_id": "01234567890123456789", "waybill_id": "123456789", "waybill_data": []M{{"key": "SF_bagAddr", "value": "广州"}}, "delivery_resultcode": 0, "delivery_resultmsg": ""}},
	{pattern: "POST /cgi-bin/express/business/order/batchget", required: []string{"order_list"}, answer: M{"order_list": []M{mpExpressWaybill}}},
	{pattern: "POST /cgi-bin/express/business/order/cancel", required: []string{"order_id", "delivery_id", "waybill_id"}, answer: M{"delivery_resultcode": 0, "delivery_resultmsg": ""}},
	{pattern: "POST /cgi-bin/express/business/order/get", required: []string{"order_id", "delivery_id", "waybill_id"}, answer: mpExpressWaybill},
	{pattern: "POST /cgi-bin/express/business/path/get", required: []string{"order_id", "delivery_id", "waybill_id"}, answer: M{"openid": "OPENID", "delivery_id": "SF", "waybill_id": "12345678901234567890",
		"path_item_num": 2, "path_item_list": []M{{"action_time": 1533052800, "action_type": 100001, "action_msg": "快递员已成功取件"}, {"action_time": 1533062800, "action_type": 200001, "action_msg": "快件已到达xxx集散中心"}}}},
	{pattern: "GET /cgi-bin/express/business/printer/getall", answer: M{"count": 1, "openid": []string{"oJ4v0wRAfiXcnIbM3SgGEUkTw3Qw"}, "tagid_list": []string{"123"}}},
	{pattern: "POST /cgi-bin/express/business/printer/update", required: []string{"openid", "update_type"}},
	{pattern: "POST /cgi-bin/express/business/quota/get", required: []string{"delivery_id", "biz_id"}, answer: M{"quota_num": 210}},
	{pattern: "POST /cgi-bin/express/business/test_update_order", required: []string{"biz_id", "order_id", "delivery_id", "waybill_id", "action_time", "action_type"}},
	{pattern: "POST /cgi-bin/express/delivery/return/add", required: []string{"shop_order_id", "biz_addr", "openid", "order_path", "goods_list", "order_price"}, answer: M{"return_id": "1234567890"}},
	{pattern: "POST /cgi-bin/express/delivery/return/get", required: []string{"return_id"}, answer: M{"status": 1, "waybill_id": "32424242424", "order_status": 0, "order_id": "1234567", "delivery_name": "顺丰速运", "delivery_id": "SF"}},
	{pattern: "POST /cgi-bin/express/delivery/return/unbind", required: []string{"return_id"}},
	{pattern: "POST /cgi-bin/express/delivery/open_msg/trace_waybill", required: []string{"goods_info", "openid", "receiver_phone", "waybill_id", "trans_id"}, answer: M{"waybill_token": "Cgh4NDQ3OWZmNmE"}},
	{pattern: "POST /cgi-bin/express/delivery/open_msg/follow_waybill", required: []string{"goods_info", "openid", "receiver_phone", "waybill_id", "trans_id"}, answer: M{"waybill_token": "Cgh4NDQ3OWZmNmF"}},
	{pattern: "POST /cgi-bin/express/delivery/open_msg/query_trace", required: []string{"waybill_token"}, answer: mpExpressTrace},
	{pattern: "POST /cgi-bin/express/delivery/open_msg/query_follow_trace", required: []string{"waybill_token"}, answer: mpExpressTrace},
	{pattern: "POST /cgi-bin/express/delivery/open_msg/update_waybill_goods", required: []string{"waybill_token", "goods_info"}},
	{pattern: "POST /cgi-bin/express/delivery/open_msg/get_delivery_list", answer: M{"delivery_list": []M{{"delivery_id": "YTO", "delivery_name": "圆通速递"}, {"delivery_id": "SF", "delivery_name": "顺丰速运"}}, "count": 2}},
}
