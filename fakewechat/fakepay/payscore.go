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

func (s *Server) createServiceOrder(c *call) { s.createOrder(c, false) }

// createOrder creates a merchant or (partner) a sub-merchant's service
// order.
func (s *Server) createOrder(c *call, partner bool) {
	required := []string{"out_order_no", "appid", "service_id", "service_introduction", "time_range.start_time",
		"risk_fund.name", "risk_fund.amount", "notify_url"}
	if partner {
		required = append(required, "sub_mchid")
	}
	if !s.requireJSON(c, required...) {
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
	if f := userField(c, partner); f != "" && (!confirm || f != "openid") {
		s.bad(c, f)
		return
	}
	no := c.str("out_order_no")
	key := orderKey(c.str("sub_mchid"), no, partner)
	s.b.mu.Lock()
	orders := s.b.orders(partner)
	if o := orders[key]; o != nil {
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
	if partner {
		o.data["sub_mchid"], o.data["sub_appid"], o.data["sub_openid"] = c.str("sub_mchid"), c.str("sub_appid"), c.str("sub_openid")
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
	orders[key] = o
	out, _ := json.Marshal(o.data)
	s.b.mu.Unlock()
	s.reply(c.w, c.r, http.StatusOK, json.RawMessage(out))
}

// userField names the user field a creation without confirmation gets
// wrong: openid for merchants; for partners exactly one of openid and
// sub_openid, sub_openid with sub_appid. "" when right.
func userField(c *call, partner bool) string {
	open, sub := c.str("openid"), c.str("sub_openid")
	switch {
	case !partner && open == "":
		return "openid"
	case partner && (open == "") == (sub == ""):
		return "openid"
	case partner && sub != "" && c.str("sub_appid") == "":
		return "sub_appid"
	}
	return ""
}

// orders returns the merchant or partner service orders (the lock held).
func (b *stateB) orders(partner bool) map[string]*serviceOrder {
	m := &b.serviceOrders
	if partner {
		m = &b.partnerServiceOrders
	}
	if *m == nil {
		*m = map[string]*serviceOrder{}
	}
	return *m
}

// orderKey keys merchant orders by out_order_no, partner orders by
// sub_mchid and out_order_no.
func orderKey(subMchID, no string, partner bool) string {
	if partner {
		return subMchID + "/" + no
	}
	return no
}

func (s *Server) getServiceOrder(c *call) { s.getOrder(c, false) }

// getOrder answers a merchant order (service_id and appid must match) or
// (partner) a sub-merchant's order (service_id, when given, must match).
func (s *Server) getOrder(c *call, partner bool) {
	required := []string{"service_id", "appid"}
	if partner {
		required = []string{"sub_mchid"}
	}
	if !s.requireQuery(c, required...) {
		return
	}
	no, qid := c.q("out_order_no"), c.q("query_id")
	if (no == "") == (qid == "") {
		s.fail(c.w, c.r, http.StatusBadRequest, "PARAM_ERROR", "out_order_no 与 query_id 必须且只能填一个")
		return
	}
	s.b.mu.Lock()
	var out []byte
	for _, o := range s.b.orders(partner) {
		if (no != "" && o.data["out_order_no"] != no) || (qid != "" && o.queryID != qid) || !orderMatches(o, c.q, partner) {
			continue
		}
		out, _ = json.Marshal(o.data)
	}
	s.b.mu.Unlock()
	if out == nil {
		s.fail(c.w, c.r, http.StatusNotFound, "ORDER_NOT_EXIST", "订单不存在")
		return
	}
	s.reply(c.w, c.r, http.StatusOK, json.RawMessage(out))
}

// orderMatches reports whether the ids of a request (read by get) name
// order o: appid and service_id for merchants; sub_mchid and, when given,
// service_id for partners.
func orderMatches(o *serviceOrder, get func(string) string, partner bool) bool {
	if partner {
		return o.data["sub_mchid"] == get("sub_mchid") && (get("service_id") == "" || o.data["service_id"] == get("service_id"))
	}
	return o.data["appid"] == get("appid") && o.data["service_id"] == get("service_id")
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

// serviceOrderChange serves cancel, modify, complete, sync and pay of
// merchant orders.
func serviceOrderChange(action string) func(*Server, *call) { return orderChange(action, false) }

// orderChange serves the changes of merchant or (partner) sub-merchant
// orders; a partner pay answers 204.
func orderChange(action string, partner bool) func(*Server, *call) {
	return func(s *Server, c *call) {
		required := []string{"appid", "service_id"}
		if partner {
			required = []string{"sub_mchid"}
		}
		if !s.requireJSON(c, required...) {
			return
		}
		s.b.mu.Lock()
		o := s.b.orders(partner)[orderKey(c.str("sub_mchid"), c.params["out_order_no"], partner)]
		if o == nil || !orderMatches(o, c.str, partner) {
			s.b.mu.Unlock()
			s.fail(c.w, c.r, http.StatusNotFound, "ORDER_NOT_EXIST", "订单不存在")
			return
		}
		status, out := s.changeServiceOrder(c, o, action)
		s.b.mu.Unlock()
		if partner && action == "pay" && status == http.StatusOK {
			status, out = http.StatusNoContent, nil
		}
		s.reply(c.w, c.r, status, out)
	}
}

func (s *Server) changeServiceOrder(c *call, o *serviceOrder, action string) (int, any) {
	state := o.data["state"]
	coll, _ := o.data["collection"].(map[string]any)
	unpaid := state == "DONE" && coll != nil && coll["state"] == "USER_PAYING"
	ids := func() map[string]any {
		m := map[string]any{}
		for _, k := range []string{"appid", "mchid", "sub_mchid", "sub_appid", "out_order_no", "service_id", "order_id"} {
			if v, ok := o.data[k]; ok {
				m[k] = v
			}
		}
		return m
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
	return s.confirmOrder(outOrderNo, openid, false)
}

func (s *Server) confirmOrder(key, openid string, partner bool) (map[string]any, bool) {
	s.b.mu.Lock()
	defer s.b.mu.Unlock()
	o := s.b.orders(partner)[key]
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
	return s.collectOrder(outOrderNo, false)
}

func (s *Server) collectOrder(key string, partner bool) (map[string]any, bool) {
	s.b.mu.Lock()
	defer s.b.mu.Unlock()
	o := s.b.orders(partner)[key]
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
