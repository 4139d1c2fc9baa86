package fakepay

import (
	"encoding/json"
	"net/http"
	"strconv"
)

// serviceOrder is a PayScore service order kept by the fake: CREATED (or
// DOING when need_user_confirm is false), DOING after ConfirmServiceOrder,
// DONE after complete (collection USER_PAYING, then USER_PAID after sync or
// PayServiceOrder), REVOKED after cancel.
type serviceOrder struct {
	data     map[string]any
	risk     int64
	queryID  string
	creating []byte // body of the creation, to tell a retry from a conflict
}

var serviceOrderRoutes = []route{
	{"POST", "/v3/payscore/serviceorder", (*Server).createServiceOrder},
	{"GET", "/v3/payscore/serviceorder", (*Server).getServiceOrder},
	{"POST", "/v3/payscore/serviceorder/{out_order_no}/cancel", serviceOrderChange("cancel")},
	{"POST", "/v3/payscore/serviceorder/{out_order_no}/modify", serviceOrderChange("modify")},
	{"POST", "/v3/payscore/serviceorder/{out_order_no}/complete", serviceOrderChange("complete")},
	{"POST", "/v3/payscore/serviceorder/{out_order_no}/sync", serviceOrderChange("sync")},
	{"POST", "/v3/payscore/serviceorder/{out_order_no}/pay", serviceOrderChange("pay")},
}

func (s *Server) createServiceOrder(c *call) {
	if !s.requireJSON(c, "out_order_no", "appid", "service_id", "service_introduction", "time_range.start_time",
		"risk_fund.name", "risk_fund.amount", "notify_url") {
		return
	}
	risk := c.num("risk_fund.amount")
	if risk <= 0 {
		s.bad(c, "risk_fund.amount")
		return
	}
	switch c.str("risk_fund.name") {
	case "DEPOSIT", "ADVANCE", "CASH_DEPOSIT", "ESTIMATE_ORDER_COST":
	default:
		s.bad(c, "risk_fund.name")
		return
	}
	confirm := lookup(c.json, "need_user_confirm") != false
	if !confirm && c.str("openid") == "" {
		s.bad(c, "openid")
		return
	}
	no := c.str("out_order_no")
	s.b.mu.Lock()
	if s.b.serviceOrders == nil {
		s.b.serviceOrders = map[string]*serviceOrder{}
	}
	if o := s.b.serviceOrders[no]; o != nil {
		same := string(o.creating) == string(c.body)
		out, _ := json.Marshal(o.data)
		s.b.mu.Unlock()
		if !same {
			s.fail(c.w, c.r, http.StatusBadRequest, "INVALID_REQUEST", "商户订单号已存在且参数不一致")
			return
		}
		s.reply(c.w, c.r, http.StatusOK, json.RawMessage(out))
		return
	}
	orderID := "1000000000" + strconv.FormatInt(2020000000+s.seq.Add(1), 10)
	state := "CREATED"
	if !confirm {
		state = "DOING"
	}
	o := &serviceOrder{risk: risk, queryID: "15646546545165651651", creating: c.body}
	o.data = map[string]any{
		"appid": c.str("appid"), "mchid": s.Opts.MchID, "out_order_no": no, "service_id": c.str("service_id"),
		"service_introduction": c.str("service_introduction"), "state": state,
		"post_payments": lookup(c.json, "post_payments"), "post_discounts": lookup(c.json, "post_discounts"),
		"risk_fund": lookup(c.json, "risk_fund"), "time_range": lookup(c.json, "time_range"),
		"location": lookup(c.json, "location"), "attach": c.str("attach"), "notify_url": c.str("notify_url"),
		"order_id": orderID, "openid": c.str("openid"),
	}
	for k, v := range o.data {
		if v == nil || v == "" {
			delete(o.data, k)
		}
	}
	if confirm {
		o.data["package"] = "DJIOSQPYWDxsjdldeskdfmmmLLLLLDDD"
	} else {
		o.data["state_description"] = "USER_CONFIRM"
	}
	s.b.serviceOrders[no] = o
	out, _ := json.Marshal(o.data)
	s.b.mu.Unlock()
	s.reply(c.w, c.r, http.StatusOK, json.RawMessage(out))
}

func (s *Server) getServiceOrder(c *call) {
	if !s.requireQuery(c, "service_id", "appid") {
		return
	}
	no, qid := c.q("out_order_no"), c.q("query_id")
	if (no == "") == (qid == "") {
		s.fail(c.w, c.r, http.StatusBadRequest, "PARAM_ERROR", "out_order_no 与 query_id 必须且只能填一个")
		return
	}
	s.b.mu.Lock()
	var found *serviceOrder
	for k, o := range s.b.serviceOrders {
		if (no != "" && k == no) || (qid != "" && o.queryID == qid) {
			found = o
		}
	}
	var out []byte
	if found != nil && found.data["service_id"] == c.q("service_id") && found.data["appid"] == c.q("appid") {
		out, _ = json.Marshal(found.data)
	}
	s.b.mu.Unlock()
	if out == nil {
		s.fail(c.w, c.r, http.StatusNotFound, "ORDER_NOT_EXIST", "订单不存在")
		return
	}
	s.reply(c.w, c.r, http.StatusOK, json.RawMessage(out))
}

// total checks post_payments minus post_discounts against total_amount and
// the risk fund; "" when they agree.
func total(c *call, risk int64) string {
	var sum int64
	pays, _ := lookup(c.json, "post_payments").([]any)
	if len(pays) == 0 {
		return "post_payments"
	}
	for _, p := range pays {
		n, _ := lookup(map[string]any{"x": p}, "x.amount").(json.Number)
		v, _ := n.Int64()
		sum += v
	}
	discounts, _ := lookup(c.json, "post_discounts").([]any)
	for _, d := range discounts {
		n, _ := lookup(map[string]any{"x": d}, "x.amount").(json.Number)
		v, _ := n.Int64()
		sum -= v
	}
	if lookup(c.json, "total_amount") == nil || c.num("total_amount") != sum {
		return "total_amount"
	}
	if sum > risk {
		return "total_amount"
	}
	return ""
}

// serviceOrderChange serves cancel, modify, complete, sync and pay.
func serviceOrderChange(action string) func(*Server, *call) {
	return func(s *Server, c *call) {
		if !s.requireJSON(c, "appid", "service_id") {
			return
		}
		s.b.mu.Lock()
		o := s.b.serviceOrders[c.params["out_order_no"]]
		if o == nil || o.data["appid"] != c.str("appid") || o.data["service_id"] != c.str("service_id") {
			s.b.mu.Unlock()
			s.fail(c.w, c.r, http.StatusNotFound, "ORDER_NOT_EXIST", "订单不存在")
			return
		}
		status, out := s.changeServiceOrder(c, o, action)
		s.b.mu.Unlock()
		s.reply(c.w, c.r, status, out)
	}
}

func (s *Server) changeServiceOrder(c *call, o *serviceOrder, action string) (int, any) {
	state := o.data["state"]
	coll, _ := o.data["collection"].(map[string]any)
	unpaid := state == "DONE" && coll != nil && coll["state"] == "USER_PAYING"
	ids := func() map[string]any {
		return map[string]any{"appid": o.data["appid"], "mchid": s.Opts.MchID, "out_order_no": o.data["out_order_no"],
			"service_id": o.data["service_id"], "order_id": o.data["order_id"]}
	}
	switch action {
	case "cancel":
		if c.str("reason") == "" {
			return http.StatusBadRequest, apiError{Code: "PARAM_ERROR", Message: "参数错误: reason"}
		}
		if state != "CREATED" && state != "DOING" {
			return invalid("订单状态 " + state.(string) + " 不允许取消")
		}
		o.data["state"] = "REVOKED"
		return http.StatusOK, ids()
	case "complete", "modify":
		if f := total(c, o.risk); f != "" {
			return http.StatusBadRequest, apiError{Code: "PARAM_ERROR", Message: "参数错误: " + f}
		}
		if action == "complete" && state != "DOING" {
			return invalid("订单状态 " + state.(string) + " 不允许完结")
		}
		if action == "modify" && (!unpaid || c.str("reason") == "") {
			return invalid("仅待支付的已完结订单可修改金额，且须填写 reason")
		}
		amount := c.num("total_amount")
		o.data["state"], o.data["state_description"] = "DONE", "MCH_COMPLETE"
		o.data["total_amount"] = amount
		o.data["post_payments"] = lookup(c.json, "post_payments")
		if d := lookup(c.json, "post_discounts"); d != nil {
			o.data["post_discounts"] = d
		}
		o.data["need_collection"] = true
		o.data["collection"] = map[string]any{"state": "USER_PAYING", "total_amount": amount, "paying_amount": amount, "paid_amount": 0}
		return http.StatusOK, cloneMap(o.data)
	case "sync":
		if c.str("type") != "Order_Paid" || c.str("detail.paid_time") == "" {
			return http.StatusBadRequest, apiError{Code: "PARAM_ERROR", Message: "参数错误: type/detail.paid_time"}
		}
		if !unpaid {
			return invalid("订单不是待支付状态")
		}
		coll["state"], coll["paid_amount"], coll["paying_amount"] = "USER_PAID", coll["total_amount"], 0
		return http.StatusOK, cloneMap(o.data)
	default: // pay
		if !unpaid {
			return invalid("订单不是待支付状态")
		}
		return http.StatusOK, ids()
	}
}

// ConfirmServiceOrder simulates the user confirming a CREATED order (now
// DOING) and returns the resource of its PAYSCORE.USER_CONFIRM
// notification.
func (s *Server) ConfirmServiceOrder(outOrderNo, openid string) (map[string]any, bool) {
	s.b.mu.Lock()
	defer s.b.mu.Unlock()
	o := s.b.serviceOrders[outOrderNo]
	if o == nil || o.data["state"] != "CREATED" {
		return nil, false
	}
	o.data["state"], o.data["state_description"], o.data["openid"] = "DOING", "USER_CONFIRM", openid
	delete(o.data, "package")
	return cloneMap(o.data), true
}

// PayServiceOrder simulates WeChat Pay collecting a DONE order and returns
// the resource of its PAYSCORE.USER_PAID notification.
func (s *Server) PayServiceOrder(outOrderNo string) (map[string]any, bool) {
	s.b.mu.Lock()
	defer s.b.mu.Unlock()
	o := s.b.serviceOrders[outOrderNo]
	if o == nil {
		return nil, false
	}
	coll, _ := o.data["collection"].(map[string]any)
	if coll == nil || coll["state"] != "USER_PAYING" {
		return nil, false
	}
	coll["state"], coll["paid_amount"], coll["paying_amount"] = "USER_PAID", coll["total_amount"], 0
	coll["details"] = []any{map[string]any{"seq": 1, "amount": coll["total_amount"], "paid_type": "NEWTON",
		"paid_time": s.now3339(), "transaction_id": "4200" + strconv.FormatInt(3000000000+s.seq.Add(1), 10)}}
	return cloneMap(o.data), true
}
