package fakepay

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"unicode/utf8"
)

// moreState keeps the PayScore plans and sign plans, and what the files
// of the same series add (see each field). Its zero value is
// ready; every map is made on first use under mu.
type moreState struct {
	mu sync.Mutex

	plans     map[string]*psPlan     // by sub_mchid "/" merchant_plan_no ("" sub for merchants)
	signPlans map[string]*psSignPlan // by sub_mchid "/" merchant_sign_plan_no

	brand    map[string]*brandSending  // brand red packet sends by out_batch_no (brandredpacket_send.go)
	advances map[string]*returnAdvance // e-commerce refund advance returns by refund_id (ecommerce_cancel.go)
	papay    map[string]*papayContract // PAPay pre-deduction notices by contract_id (papay.go)
}

// answer is what a handler computed under moreState.mu: a status and a
// value to render (an apiError for errors, nil for 204).
type answer struct {
	status int
	v      any
}

func ok(v any) answer                      { return answer{http.StatusOK, v} }
func oops(st int, code, msg string) answer { return answer{st, apiError{Code: code, Message: msg}} }

// withMore runs fn with s.more.mu held and sends its answer after
// releasing the lock (values are rendered under the lock).
func (s *Server) withMore(c *call, fn func(m *moreState) answer) {
	s.more.mu.Lock()
	a := fn(&s.more)
	var out any
	if a.v != nil {
		b, _ := json.Marshal(a.v)
		out = json.RawMessage(b)
	}
	s.more.mu.Unlock()
	s.reply(c.w, c.r, a.status, out)
}

// psPlanDetail is a plan detail, rendered like the plan query.
type psPlanDetail struct {
	PlanDetailNo            int64  `json:"plan_detail_no"`
	PlanDetailName          string `json:"plan_detail_name,omitempty"`
	OriginalPrice           int64  `json:"original_price"`
	PlanDiscountDescription string `json:"plan_discount_description,omitempty"`
	ActualPrice             int64  `json:"actual_price"`
}

// psPlan is a PayScore plan kept by the fake: NORMAL, STOP after stop.
type psPlan struct {
	PlanID             string         `json:"plan_id"`
	ServiceID          string         `json:"service_id"`
	MchID              string         `json:"mchid"`
	AppID              string         `json:"appid"`
	MerchantPlanNo     string         `json:"merchant_plan_no"`
	PlanName           string         `json:"plan_name"`
	PlanDuration       int64          `json:"plan_duration"`
	PlanState          string         `json:"plan_state"`
	TotalOriginalPrice int64          `json:"total_original_price"`
	DeductionQuantity  int64          `json:"deduction_quantity"`
	TotalActualPrice   int64          `json:"total_actual_price"`
	PlanDetailList     []psPlanDetail `json:"plan_detail_list"`
	StopMchID          string         `json:"stop_mchid,omitempty"`
	StopTime           string         `json:"stop_time,omitempty"`

	sub      string
	creating string // body of the creation, to tell a retry from a conflict
}

// psSignDetail is one detail of a sign plan.
type psSignDetail struct {
	PlanDetailNo            int64  `json:"plan_detail_no"`
	OriginalPrice           int64  `json:"original_price"`
	PlanDiscountDescription string `json:"plan_discount_description,omitempty"`
	ActualPrice             int64  `json:"actual_price"`
	PlanDetailState         string `json:"plan_detail_state"`
	OrderID                 string `json:"order_id,omitempty"`
	MerchantPlanDetailNo    string `json:"merchant_plan_detail_no"`
	PlanDetailName          string `json:"plan_detail_name,omitempty"`
	UseTime                 string `json:"use_time,omitempty"`
}

// psSignPlan is a user's sign plan: UNSIGNED, SIGNED after
// SignUserSignPlan, SIGN_PLAN_CANCEL after stop.
type psSignPlan struct {
	SignPlanID          string         `json:"sign_plan_id"`
	OpenID              string         `json:"openid,omitempty"`
	SubOpenID           string         `json:"sub_openid,omitempty"`
	ServiceID           string         `json:"service_id"`
	MchID               string         `json:"mchid"`
	AppID               string         `json:"appid"`
	MerchantSignPlanNo  string         `json:"merchant_sign_plan_no"`
	MerchantCallbackURL string         `json:"merchant_callback_url"`
	PlanID              string         `json:"plan_id"`
	GoingDetailNo       int64          `json:"going_detail_no"`
	SignState           string         `json:"sign_state"`
	CancelSignTime      string         `json:"cancel_sign_time,omitempty"`
	CancelSignType      string         `json:"cancel_sign_type,omitempty"`
	CancelReason        string         `json:"cancel_reason,omitempty"`
	PlanName            string         `json:"plan_name"`
	TotalOriginPrice    int64          `json:"total_origin_price"`
	DeductionQuantity   int64          `json:"deduction_quantity"`
	TotalActualPrice    int64          `json:"total_actual_price"`
	SignedDetailList    []psSignDetail `json:"signed_detail_list"`
	SignTime            string         `json:"sign_time,omitempty"`

	sub      string
	creating string
	orders   map[int64]map[string]any // service orders by plan_detail_no
}

func init() {
	routesB = append(routesB,
		route{"POST", "/v3/payscore/plan/payscore-plans", func(s *Server, c *call) { s.createPlan(c, false) }},
		route{"GET", "/v3/payscore/plan/payscore-plans/merchant-plan-no/{no}", func(s *Server, c *call) { s.planOp(c, false, false) }},
		route{"POST", "/v3/payscore/plan/payscore-plans/merchant-plan-no/{no}/stop", func(s *Server, c *call) { s.planOp(c, false, true) }},
		route{"POST", "/v3/payscore/plan/partner/payscore-plans", func(s *Server, c *call) { s.createPlan(c, true) }},
		route{"GET", "/v3/payscore/plan/partner/payscore-plans/merchant-plan-no/{no}", func(s *Server, c *call) { s.planOp(c, true, false) }},
		route{"POST", "/v3/payscore/plan/partner/payscore-plans/merchant-plan-no/{no}/stop", func(s *Server, c *call) { s.planOp(c, true, true) }},
		route{"POST", "/v3/payscore/sign-plan/user-sign-plans", func(s *Server, c *call) { s.createSignPlan(c, false) }},
		route{"GET", "/v3/payscore/sign-plan/user-sign-plans/merchant-sign-plan-no/{no}", func(s *Server, c *call) { s.signPlanOp(c, false, false) }},
		route{"POST", "/v3/payscore/sign-plan/user-sign-plans/merchant-sign-plan-no/{no}/stop", func(s *Server, c *call) { s.signPlanOp(c, false, true) }},
		route{"POST", "/v3/payscore/sign-plan/partner/user-sign-plans", func(s *Server, c *call) { s.createSignPlan(c, true) }},
		route{"GET", "/v3/payscore/sign-plan/partner/user-sign-plans/merchant-sign-plan-no/{no}", func(s *Server, c *call) { s.signPlanOp(c, true, false) }},
		route{"POST", "/v3/payscore/sign-plan/partner/user-sign-plans/merchant-sign-plan-no/{no}/stop", func(s *Server, c *call) { s.signPlanOp(c, true, true) }},
		route{"POST", "/v3/payscore/sign-plan/serviceorder", (*Server).signPlanServiceOrder},
	)
}

func (s *Server) createPlan(c *call, partner bool) {
	req := []string{"service_id", "appid", "plan_name", "plan_duration", "deduction_quantity", "total_original_price",
		"total_actual_price", "plan_detail_list", "merchant_plan_no"}
	if partner {
		req = append(req, "sub_mchid")
	}
	if !s.requireJSON(c, req...) {
		return
	}
	var b struct {
		PlanDetailList []psPlanDetail `json:"plan_detail_list"`
	}
	no, name := c.str("merchant_plan_no"), c.str("plan_name")
	n := c.num("deduction_quantity")
	switch {
	case json.Unmarshal(c.body, &b) != nil:
		s.bad(c, "plan_detail_list")
		return
	case len(no) > 32:
		s.bad(c, "merchant_plan_no")
		return
	case utf8.RuneCountInString(name) > 20:
		s.bad(c, "plan_name")
		return
	case c.num("plan_duration") <= 0:
		s.bad(c, "plan_duration")
		return
	case n <= 0 || int64(len(b.PlanDetailList)) != n:
		s.fail(c.w, c.r, http.StatusBadRequest, "PARAM_ERROR", "计划明细数量须等于支付分计划扣费次数")
		return
	}
	for i, d := range b.PlanDetailList {
		if d.ActualPrice < 0 || d.OriginalPrice < d.ActualPrice || (i > 0 && d.ActualPrice > b.PlanDetailList[i-1].ActualPrice) {
			s.fail(c.w, c.r, http.StatusBadRequest, "PARAM_ERROR", "计划明细原支付金额须大于等于实际支付金额,且实际支付金额不得大于上一个计划明细")
			return
		}
	}
	s.withMore(c, func(m *moreState) answer {
		if m.plans == nil {
			m.plans = map[string]*psPlan{}
		}
		key := c.str("sub_mchid") + "/" + no
		if p := m.plans[key]; p != nil {
			if p.creating != string(c.body) {
				return oops(http.StatusBadRequest, "RESOURCE_ALREADY_EXISTS", "商户侧计划号已存在")
			}
			return ok(p)
		}
		p := &psPlan{PlanID: fmt.Sprintf("0100003321%022d", s.seq.Add(1)),
			ServiceID: c.str("service_id"), MchID: s.Opts.MchID, AppID: c.str("appid"), MerchantPlanNo: no, PlanName: name,
			PlanDuration: c.num("plan_duration"), PlanState: "NORMAL", TotalOriginalPrice: c.num("total_original_price"),
			DeductionQuantity: n, TotalActualPrice: c.num("total_actual_price"), sub: c.str("sub_mchid"), creating: string(c.body)}
		for i, d := range b.PlanDetailList {
			d.PlanDetailNo = int64(i + 1)
			p.PlanDetailList = append(p.PlanDetailList, d)
		}
		m.plans[key] = p
		return ok(p)
	})
}

// planSub returns the sub-merchant a partner query (sub_mchid in the
// query) or change (in the body) names, "" for a merchant; it answers
// PARAM_ERROR and reports false when a partner call lacks it.
func (s *Server) planSub(c *call, partner, change bool) (string, bool) {
	switch {
	case !partner:
		return "", true
	case change:
		return c.str("sub_mchid"), s.requireJSON(c, "sub_mchid")
	default:
		return c.q("sub_mchid"), s.requireQuery(c, "sub_mchid")
	}
}

// planOp queries (stop false) or stops a plan.
func (s *Server) planOp(c *call, partner, stop bool) {
	sub, okSub := s.planSub(c, partner, stop)
	if !okSub {
		return
	}
	s.withMore(c, func(m *moreState) answer {
		p := m.plans[sub+"/"+c.params["no"]]
		switch {
		case p == nil:
			return oops(http.StatusNotFound, "NOT_FOUND", "支付分计划不存在")
		case stop && p.PlanState != "NORMAL":
			return oops(http.StatusBadRequest, "INVALID_REQUEST", "支付分计划已停止")
		case stop:
			p.PlanState, p.StopMchID, p.StopTime = "STOP", s.Opts.MchID, s.now3339()
		}
		return ok(p)
	})
}

func (s *Server) createSignPlan(c *call, partner bool) {
	req := []string{"service_id", "plan_id", "appid", "merchant_sign_plan_no", "notify_url", "sign_plan_detail"}
	if partner {
		req = append(req, "sub_mchid")
	} else {
		req = append(req, "openid")
	}
	if !s.requireJSON(c, req...) {
		return
	}
	if f := userField(c, partner); partner && f != "" {
		s.bad(c, f)
		return
	}
	no := c.str("merchant_sign_plan_no")
	var b struct {
		Details []struct {
			PlanDetailNo         int64  `json:"plan_detail_no"`
			MerchantPlanDetailNo string `json:"merchant_plan_detail_no"`
		} `json:"sign_plan_detail"`
	}
	switch {
	case json.Unmarshal(c.body, &b) != nil:
		s.bad(c, "sign_plan_detail")
		return
	case len(no) > 32 || strings.Trim(no, "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_-*") != "":
		s.bad(c, "merchant_sign_plan_no")
		return
	case len(c.str("notify_url")) > 1024:
		s.bad(c, "notify_url")
		return
	}
	sub := c.str("sub_mchid")
	s.withMore(c, func(m *moreState) answer {
		var p *psPlan
		for _, q := range m.plans {
			if q.PlanID == c.str("plan_id") && q.sub == sub {
				p = q
			}
		}
		switch {
		case p == nil:
			return oops(http.StatusNotFound, "NOT_FOUND", "支付分计划不存在")
		case p.ServiceID != c.str("service_id"):
			return oops(http.StatusBadRequest, "PARAM_ERROR", "服务ID与支付分计划所属服务不一致")
		case p.PlanState != "NORMAL":
			return oops(http.StatusBadRequest, "INVALID_REQUEST", "支付分计划已停止,无法签约")
		case len(b.Details) != len(p.PlanDetailList):
			return oops(http.StatusBadRequest, "PARAM_ERROR", "sign_plan_detail 须与计划明细一一对应")
		}
		if m.signPlans == nil {
			m.signPlans = map[string]*psSignPlan{}
		}
		key := sub + "/" + no
		if sp := m.signPlans[key]; sp != nil {
			if sp.creating != string(c.body) {
				return oops(http.StatusBadRequest, "RESOURCE_ALREADY_EXISTS", "商户签约计划单号已存在")
			}
			return ok(map[string]any{"sign_plan": sp, "package": "PKG" + sp.SignPlanID})
		}
		sp := &psSignPlan{SignPlanID: fmt.Sprintf("0101003321%022d", s.seq.Add(1)),
			OpenID: c.str("openid"), SubOpenID: c.str("sub_openid"), ServiceID: p.ServiceID, MchID: s.Opts.MchID,
			AppID: c.str("appid"), MerchantSignPlanNo: no, MerchantCallbackURL: c.str("notify_url"), PlanID: p.PlanID,
			SignState: "UNSIGNED", PlanName: p.PlanName, TotalOriginPrice: p.TotalOriginalPrice,
			DeductionQuantity: p.DeductionQuantity, TotalActualPrice: p.TotalActualPrice, sub: sub, creating: string(c.body),
			orders: map[int64]map[string]any{}}
		seen := map[string]bool{}
		for i, d := range b.Details {
			if d.PlanDetailNo != int64(i+1) || d.MerchantPlanDetailNo == "" || seen[d.MerchantPlanDetailNo] {
				return oops(http.StatusBadRequest, "PARAM_ERROR", "sign_plan_detail 须按计划明细序号给出唯一的商户侧计划明细使用订单号")
			}
			seen[d.MerchantPlanDetailNo] = true
			pd := p.PlanDetailList[i]
			sp.SignedDetailList = append(sp.SignedDetailList, psSignDetail{PlanDetailNo: pd.PlanDetailNo,
				OriginalPrice: pd.OriginalPrice, PlanDiscountDescription: pd.PlanDiscountDescription, ActualPrice: pd.ActualPrice,
				PlanDetailState: "NOT_USED", MerchantPlanDetailNo: d.MerchantPlanDetailNo, PlanDetailName: pd.PlanDetailName})
		}
		m.signPlans[key] = sp
		return ok(map[string]any{"sign_plan": sp, "package": "PKG" + sp.SignPlanID})
	})
}

// signPlanOp queries (stop false) or cancels a sign plan.
func (s *Server) signPlanOp(c *call, partner, stop bool) {
	if stop && !s.requireJSON(c, "stop_reason") {
		return
	}
	if stop && utf8.RuneCountInString(c.str("stop_reason")) > 128 {
		s.bad(c, "stop_reason")
		return
	}
	sub, okSub := s.planSub(c, partner, stop)
	if !okSub {
		return
	}
	s.withMore(c, func(m *moreState) answer {
		sp := m.signPlans[sub+"/"+c.params["no"]]
		switch {
		case sp == nil:
			return oops(http.StatusNotFound, "NOT_FOUND", "签约计划不存在")
		case stop && sp.SignState != "UNSIGNED" && sp.SignState != "SIGNED":
			return oops(http.StatusBadRequest, "INVALID_REQUEST", "签约计划状态不允许取消")
		case stop:
			sp.SignState, sp.CancelSignTime, sp.CancelReason = "SIGN_PLAN_CANCEL", s.now3339(), c.str("stop_reason")
		}
		return ok(sp)
	})
}

// SignUserSignPlan simulates the user signing the UNSIGNED sign plan
// merchantSignPlanNo of subMchID ("" for a merchant's) on the signing page
// (now SIGNED) and returns the sign plan as its query answers it. It
// reports false for an unknown or not UNSIGNED sign plan.
func (s *Server) SignUserSignPlan(subMchID, merchantSignPlanNo string) (map[string]any, bool) {
	s.more.mu.Lock()
	defer s.more.mu.Unlock()
	sp := s.more.signPlans[subMchID+"/"+merchantSignPlanNo]
	if sp == nil || sp.SignState != "UNSIGNED" {
		return nil, false
	}
	sp.SignState, sp.SignTime = "SIGNED", s.now3339()
	b, _ := json.Marshal(sp)
	var out map[string]any
	_ = json.Unmarshal(b, &out)
	return out, true
}

func (s *Server) signPlanServiceOrder(c *call) {
	if !s.requireJSON(c, "service_id", "sign_plan_id", "plan_detail_no", "appid", "openid", "notify_url",
		"service_introduction", "time_range", "out_trade_no") {
		return
	}
	switch {
	case len(c.str("notify_url")) > 256:
		s.bad(c, "notify_url")
		return
	case utf8.RuneCountInString(c.str("service_introduction")) > 20:
		s.bad(c, "service_introduction")
		return
	case utf8.RuneCountInString(c.str("attach")) > 256:
		s.bad(c, "attach")
		return
	case len(c.str("out_trade_no")) > 32:
		s.bad(c, "out_trade_no")
		return
	}
	no := c.num("plan_detail_no")
	s.withMore(c, func(m *moreState) answer {
		var sp *psSignPlan
		for _, q := range m.signPlans {
			if q.SignPlanID == c.str("sign_plan_id") && q.sub == "" {
				sp = q
			}
		}
		switch {
		case sp == nil:
			return oops(http.StatusNotFound, "NOT_FOUND", "签约计划不存在")
		case sp.ServiceID != c.str("service_id") || sp.OpenID != c.str("openid"):
			return oops(http.StatusBadRequest, "PARAM_ERROR", "服务ID或用户与签约计划不一致")
		case sp.SignState != "SIGNED":
			return oops(http.StatusBadRequest, "INVALID_REQUEST", "用户未签约该计划")
		case no < 1 || no > int64(len(sp.SignedDetailList)):
			return oops(http.StatusBadRequest, "PARAM_ERROR", "plan_detail_no 超出签约计划明细范围")
		}
		d := &sp.SignedDetailList[no-1]
		if o := sp.orders[no]; o != nil {
			return ok(o) // one order per detail: a retry gets it again
		}
		switch {
		case no != sp.GoingDetailNo+1:
			return oops(http.StatusBadRequest, "INVALID_REQUEST", "须按签约计划明细序号依次创建服务订单")
		case d.MerchantPlanDetailNo != c.str("out_trade_no"):
			return oops(http.StatusBadRequest, "PARAM_ERROR", "out_trade_no 须与该明细的商户侧计划明细使用订单号一致")
		}
		o := map[string]any{"out_order_no": d.MerchantPlanDetailNo, "service_id": sp.ServiceID, "appid": c.str("appid"),
			"mchid": s.Opts.MchID, "service_introduction": c.str("service_introduction"), "state": "CREATED",
			"post_payments": []map[string]any{{"name": sp.PlanName, "amount": d.ActualPrice, "description": d.PlanDetailName}},
			"time_range":    lookup(c.json, "time_range"), "notify_url": c.str("notify_url"),
			"order_id": fmt.Sprintf("0000300001%021d", s.seq.Add(1))}
		if l := lookup(c.json, "location"); l != nil {
			o["location"] = l
		}
		if a := c.str("attach"); a != "" {
			o["attach"] = a
		}
		if d.ActualPrice < d.OriginalPrice {
			o["post_discounts"] = []map[string]any{{"name": d.PlanDiscountDescription, "amount": d.OriginalPrice - d.ActualPrice}}
		}
		d.OrderID, d.UseTime = o["order_id"].(string), s.now3339()
		sp.GoingDetailNo = no
		sp.orders[no] = o
		return ok(o)
	})
}
