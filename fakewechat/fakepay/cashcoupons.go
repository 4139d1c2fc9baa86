package fakepay

import (
	"crypto/sha1"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"sort"
	"strconv"
	"time"
)

// cashStock is a cash coupon stock: unactivated, then running (start),
// paused (pause) and running again (restart), or stoped (stop).
type cashStock struct {
	data       map[string]any
	maxCoupons int64
	perUser    int64
	amount     int64
	minimum    int64
	sent       int64
	changed    map[string]string // action -> time of its last change
}

// cashCoupon is a coupon sent to a user: SENDED, then USED.
type cashCoupon struct {
	openid, appid string
	data          map[string]any
}

var cashCouponRoutes = []route{
	{"POST", "/v3/marketing/favor/coupon-stocks", (*Server).createCashStock},
	{"POST", "/v3/marketing/favor/stocks/{stock_id}/start", stockChange("start")},
	{"POST", "/v3/marketing/favor/stocks/{stock_id}/pause", stockChange("pause")},
	{"POST", "/v3/marketing/favor/stocks/{stock_id}/restart", stockChange("restart")},
	{"POST", "/v3/marketing/favor/stocks/{stock_id}/stop", stockChange("stop")},
	{"GET", "/v3/marketing/favor/stocks/{stock_id}", (*Server).getCashStock},
	{"GET", "/v3/marketing/favor/stocks", (*Server).listCashStocks},
	{"GET", "/v3/marketing/favor/stocks/{stock_id}/merchants", stockIDs("merchants")},
	{"GET", "/v3/marketing/favor/stocks/{stock_id}/items", stockIDs("items")},
	{"POST", "/v3/marketing/favor/users/{openid}/coupons", (*Server).sendCashCoupon},
	{"GET", "/v3/marketing/favor/users/{openid}/coupons/{coupon_id}", (*Server).getCashCoupon},
	{"GET", "/v3/marketing/favor/users/{openid}/coupons", (*Server).listCashCoupons},
	{"GET", "/v3/marketing/favor/stocks/{stock_id}/use-flow", stockFlow("use")},
	{"GET", "/v3/marketing/favor/stocks/{stock_id}/refund-flow", stockFlow("refund")},
	{"POST", "/v3/marketing/favor/callbacks", (*Server).setFavorCallback},
	{"GET", "/v3/marketing/favor/callbacks", (*Server).getFavorCallback},
}

func (s *Server) createCashStock(c *call) {
	if !s.requireJSON(c, "stock_name", "belong_merchant", "available_begin_time", "available_end_time",
		"stock_use_rule.max_coupons", "stock_use_rule.max_amount", "stock_use_rule.max_coupons_per_user",
		"stock_use_rule.natural_person_limit", "stock_use_rule.prevent_api_abuse",
		"coupon_use_rule", "no_cash", "stock_type", "out_request_no") {
		return
	}
	begin, end := c.str("available_begin_time"), c.str("available_end_time")
	bt, err1 := time.Parse(time.RFC3339, begin)
	et, err2 := time.Parse(time.RFC3339, end)
	switch {
	case err1 != nil:
		s.bad(c, "available_begin_time")
		return
	case err2 != nil || !et.After(bt) || et.Sub(bt) > 90*24*time.Hour:
		s.bad(c, "available_end_time")
		return
	case c.str("belong_merchant") != s.Opts.MchID:
		s.bad(c, "belong_merchant")
		return
	case len([]rune(c.str("stock_name"))) > 20:
		s.bad(c, "stock_name")
		return
	}
	amount, minimum := c.num("coupon_use_rule.fixed_normal_coupon.coupon_amount"), c.num("coupon_use_rule.fixed_normal_coupon.transaction_minimum")
	maxCoupons, maxAmount := c.num("stock_use_rule.max_coupons"), c.num("stock_use_rule.max_amount")
	if amount <= 0 || minimum < amount {
		s.bad(c, "coupon_use_rule.fixed_normal_coupon")
		return
	}
	if maxCoupons <= 0 || maxAmount != maxCoupons*amount {
		s.fail(c.w, c.r, http.StatusBadRequest, "PARAM_ERROR", "总预算须等于发放总上限乘以面额")
		return
	}
	s.b.mu.Lock()
	if s.b.stocks == nil {
		s.b.stocks, s.b.stockReqs = map[string]*cashStock{}, map[string]string{}
	}
	if id, ok := s.b.stockReqs[c.str("out_request_no")]; ok {
		st := s.b.stocks[id]
		out := map[string]any{"stock_id": id, "create_time": st.data["create_time"]}
		s.b.mu.Unlock()
		s.reply(c.w, c.r, http.StatusOK, out)
		return
	}
	id := strconv.FormatInt(9800000+s.seq.Add(1), 10)
	now := s.now3339()
	st := &cashStock{maxCoupons: maxCoupons, perUser: c.num("stock_use_rule.max_coupons_per_user"), amount: amount, minimum: minimum}
	st.data = map[string]any{
		"stock_id": id, "stock_creator_mchid": s.Opts.MchID, "stock_name": c.str("stock_name"),
		"status": "unactivated", "create_time": now, "description": c.str("pattern_info.description"),
		"stock_use_rule": map[string]any{"max_coupons": maxCoupons, "max_amount": maxAmount,
			"max_amount_by_day":    c.num("stock_use_rule.max_amount_by_day"),
			"fixed_normal_coupon":  map[string]any{"coupon_amount": amount, "transaction_minimum": minimum},
			"max_coupons_per_user": st.perUser, "coupon_type": "NORMAL", "combine_use": false},
		"available_begin_time": begin, "available_end_time": end, "distributed_coupons": 0,
		"no_cash": lookup(c.json, "no_cash") == true, "singleitem": false, "stock_type": c.str("stock_type"),
	}
	s.b.stocks[id] = st
	s.b.stockReqs[c.str("out_request_no")] = id
	s.b.mu.Unlock()
	s.reply(c.w, c.r, http.StatusOK, map[string]any{"stock_id": id, "create_time": now})
}

// stockChange moves a stock: start (unactivated -> running), pause
// (running -> paused), restart (paused -> running), stop (running or
// paused -> stoped).
func stockChange(action string) func(*Server, *call) {
	from := map[string][]string{"start": {"unactivated"}, "pause": {"running"}, "restart": {"paused"}, "stop": {"running", "paused"}}[action]
	to := map[string]string{"start": "running", "pause": "paused", "restart": "running", "stop": "stoped"}[action]
	return func(s *Server, c *call) {
		if !s.requireJSON(c, "stock_creator_mchid") {
			return
		}
		s.b.mu.Lock()
		st := s.b.stocks[c.params["stock_id"]]
		if st == nil || c.str("stock_creator_mchid") != s.Opts.MchID {
			s.b.mu.Unlock()
			s.fail(c.w, c.r, http.StatusNotFound, "RESOURCE_NOT_EXISTS", "批次不存在")
			return
		}
		cur := st.data["status"].(string)
		if prev, done := st.changed[action]; done && cur == to {
			// Documented as idempotent: a retry answers the first change.
			s.b.mu.Unlock()
			s.reply(c.w, c.r, http.StatusOK, map[string]any{"stock_id": c.params["stock_id"], action + "_time": prev})
			return
		}
		ok := false
		for _, f := range from {
			ok = ok || f == cur
		}
		if !ok {
			s.b.mu.Unlock()
			s.fail(c.w, c.r, http.StatusBadRequest, "STOCK_STATUS_INVALID", "批次状态 "+cur+" 不允许该操作")
			return
		}
		now := s.now3339()
		st.data["status"] = to
		if st.changed == nil {
			st.changed = map[string]string{}
		}
		st.changed[action] = now
		if action == "start" {
			st.data["start_time"] = now
		}
		if action == "stop" {
			st.data["stop_time"] = now
		}
		s.b.mu.Unlock()
		s.reply(c.w, c.r, http.StatusOK, map[string]any{"stock_id": c.params["stock_id"], action + "_time": now})
	}
}

func (s *Server) getCashStock(c *call) {
	if !s.requireQuery(c, "stock_creator_mchid") {
		return
	}
	s.b.mu.Lock()
	st := s.b.stocks[c.params["stock_id"]]
	var out []byte
	if st != nil {
		out, _ = json.Marshal(st.data)
	}
	s.b.mu.Unlock()
	if st == nil || c.q("stock_creator_mchid") != s.Opts.MchID {
		s.fail(c.w, c.r, http.StatusNotFound, "RESOURCE_NOT_EXISTS", "批次不存在")
		return
	}
	s.reply(c.w, c.r, http.StatusOK, json.RawMessage(out))
}

func (s *Server) listCashStocks(c *call) {
	if !s.requireQuery(c, "offset", "limit", "stock_creator_mchid") {
		return
	}
	s.b.mu.Lock()
	var items []any
	ids := make([]string, 0, len(s.b.stocks))
	for id := range s.b.stocks {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		st := s.b.stocks[id]
		if v := c.q("status"); v != "" && st.data["status"] != v {
			continue
		}
		items = append(items, cloneMap(st.data))
	}
	s.b.mu.Unlock()
	s.page(c, items, 10, 10, nil)
}

// stockIDs answers the available merchants (the creator) or the goods ids
// (none) of a stock.
func stockIDs(what string) func(*Server, *call) {
	return func(s *Server, c *call) {
		if !s.requireQuery(c, "offset", "limit", "stock_creator_mchid") {
			return
		}
		s.b.mu.Lock()
		st := s.b.stocks[c.params["stock_id"]]
		s.b.mu.Unlock()
		if st == nil {
			s.fail(c.w, c.r, http.StatusNotFound, "RESOURCE_NOT_EXISTS", "批次不存在")
			return
		}
		var items []any
		if what == "merchants" {
			items = []any{s.Opts.MchID}
		}
		s.page(c, items, 10, 100, map[string]any{"stock_id": c.params["stock_id"]})
	}
}

func (s *Server) sendCashCoupon(c *call) {
	if !s.requireJSON(c, "stock_id", "out_request_no", "appid", "stock_creator_mchid") {
		return
	}
	openid, stockID := c.params["openid"], c.str("stock_id")
	s.b.mu.Lock()
	st := s.b.stocks[stockID]
	fail := func(status int, code, msg string) {
		s.b.mu.Unlock()
		s.fail(c.w, c.r, status, code, msg)
	}
	if st == nil {
		fail(http.StatusNotFound, "RESOURCE_NOT_EXISTS", "批次不存在")
		return
	}
	if s.b.coupons == nil {
		s.b.coupons, s.b.couponReqs = map[string]*cashCoupon{}, map[string]string{}
	}
	key := stockID + "/" + c.str("out_request_no")
	if id, ok := s.b.couponReqs[key]; ok {
		s.b.mu.Unlock()
		s.reply(c.w, c.r, http.StatusOK, map[string]string{"coupon_id": id})
		return
	}
	if st.data["status"] != "running" {
		fail(http.StatusBadRequest, "STOCK_STATUS_INVALID", "批次不在发放中")
		return
	}
	if st.sent >= st.maxCoupons {
		fail(http.StatusBadRequest, "STOCK_AMOUNT_NOT_ENOUGH", "批次预算不足")
		return
	}
	var mine int64
	for _, cp := range s.b.coupons {
		if cp.openid == openid && cp.data["stock_id"] == stockID {
			mine++
		}
	}
	if st.perUser > 0 && mine >= st.perUser {
		fail(http.StatusBadRequest, "USER_ACCOUNT_ABNORMAL", "用户已达领券上限")
		return
	}
	st.sent++
	st.data["distributed_coupons"] = st.sent
	id := strconv.FormatInt(10000000000+s.seq.Add(1), 10)
	s.b.coupons[id] = &cashCoupon{openid: openid, appid: c.str("appid"), data: map[string]any{
		"stock_creator_mchid": s.Opts.MchID, "stock_id": stockID, "coupon_id": id,
		"coupon_name": st.data["stock_name"], "status": "SENDED", "description": st.data["description"],
		"create_time": s.now3339(), "coupon_type": "NORMAL", "no_cash": st.data["no_cash"],
		"available_begin_time": st.data["available_begin_time"], "available_end_time": st.data["available_end_time"],
		"singleitem":                false,
		"normal_coupon_information": map[string]any{"coupon_amount": st.amount, "transaction_minimum": st.minimum},
	}}
	s.b.couponReqs[key] = id
	s.b.mu.Unlock()
	s.reply(c.w, c.r, http.StatusOK, map[string]string{"coupon_id": id})
}

func (s *Server) getCashCoupon(c *call) {
	if !s.requireQuery(c, "appid") {
		return
	}
	s.b.mu.Lock()
	cp := s.b.coupons[c.params["coupon_id"]]
	var out []byte
	if cp != nil && cp.openid == c.params["openid"] && cp.appid == c.q("appid") {
		out, _ = json.Marshal(cp.data)
	}
	s.b.mu.Unlock()
	if out == nil {
		s.fail(c.w, c.r, http.StatusNotFound, "RESOURCE_NOT_EXISTS", "代金券不存在")
		return
	}
	s.reply(c.w, c.r, http.StatusOK, json.RawMessage(out))
}

func (s *Server) listCashCoupons(c *call) {
	if !s.requireQuery(c, "appid") {
		return
	}
	s.b.mu.Lock()
	ids := make([]string, 0, len(s.b.coupons))
	for id := range s.b.coupons {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	var items []any
	for _, id := range ids {
		cp := s.b.coupons[id]
		q := c.r.URL.Query()
		if cp.openid != c.params["openid"] || cp.appid != q.Get("appid") ||
			(q.Get("stock_id") != "" && cp.data["stock_id"] != q.Get("stock_id")) ||
			(q.Get("status") != "" && cp.data["status"] != q.Get("status")) {
			continue
		}
		items = append(items, cloneMap(cp.data))
	}
	s.b.mu.Unlock()
	s.page(c, items, 10, 10, nil)
}

// UseCashCoupon marks a coupon USED in transactionID and returns the
// resource of its COUPON.USE notification.
func (s *Server) UseCashCoupon(couponID, transactionID string) (map[string]any, bool) {
	s.b.mu.Lock()
	defer s.b.mu.Unlock()
	cp := s.b.coupons[couponID]
	if cp == nil || cp.data["status"] != "SENDED" {
		return nil, false
	}
	cp.data["status"] = "USED"
	cp.data["consume_information"] = map[string]any{"consume_time": s.now3339(), "consume_mchid": s.Opts.MchID,
		"transaction_id": transactionID}
	return cloneMap(cp.data), true
}

func stockFlow(kind string) func(*Server, *call) {
	return func(s *Server, c *call) {
		s.b.mu.Lock()
		st := s.b.stocks[c.params["stock_id"]]
		s.b.mu.Unlock()
		if st == nil {
			s.fail(c.w, c.r, http.StatusNotFound, "RESOURCE_NOT_EXISTS", "批次不存在")
			return
		}
		content := []byte("批次id,优惠id,优惠类型,面额,门槛,消耗时间\n")
		sum := sha1.Sum(content)
		token := kind + "." + nonceHex()
		s.mu.Lock()
		s.bills["token:"+token] = content
		s.mu.Unlock()
		s.reply(c.w, c.r, http.StatusOK, map[string]string{"url": s.URL + "/v3/billdownload/file?token=" + token,
			"hash_value": hex.EncodeToString(sum[:]), "hash_type": "SHA1"})
	}
}

func (s *Server) setFavorCallback(c *call) {
	if !s.requireJSON(c, "mchid", "notify_url") {
		return
	}
	if c.str("mchid") != s.Opts.MchID {
		s.bad(c, "mchid")
		return
	}
	s.b.mu.Lock()
	s.b.favorNotify = c.str("notify_url")
	s.b.mu.Unlock()
	s.reply(c.w, c.r, http.StatusOK, map[string]string{"update_time": s.now3339(), "notify_url": c.str("notify_url")})
}

func (s *Server) getFavorCallback(c *call) {
	if !s.requireQuery(c, "mchid") {
		return
	}
	s.b.mu.Lock()
	u := s.b.favorNotify
	s.b.mu.Unlock()
	s.reply(c.w, c.r, http.StatusOK, map[string]string{"mchid": s.Opts.MchID, "notify_url": u})
}

func cloneMap(m map[string]any) map[string]any {
	b, _ := json.Marshal(m)
	var out map[string]any
	_ = json.Unmarshal(b, &out)
	return out
}
