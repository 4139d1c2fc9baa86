package fakepay

import (
	"net/http"
	"strconv"
	"time"
)

// complaint is a consumer complaint kept by the fake through its
// lifecycle: PENDING, PROCESSING after a merchant reply, PROCESSED after
// Complete or a refund decision.
type complaint struct {
	data    map[string]any
	history []any
	images  map[string][]byte // media id -> content
}

// ComplaintSeed describes a complaint to file with AddComplaint.
type ComplaintSeed struct {
	OutTradeNo    string
	TransactionID string
	Amount        int64  // fen
	Detail        string // complaint_detail
	ProblemType   string // REFUND, SERVICE_NOT_WORK, OTHERS (default OTHERS)
	RefundAmount  int64  // apply_refund_amount, with ProblemType REFUND
	PayerPhone    string // encrypted with the merchant certificate in answers
	Images        [][]byte
}

var complaintRoutes = []route{
	{"GET", "/v3/merchant-service/complaints-v2", (*Server).listComplaints},
	{"GET", "/v3/merchant-service/complaints-v2/{complaint_id}", (*Server).getComplaint},
	{"GET", "/v3/merchant-service/complaints-v2/{complaint_id}/negotiation-historys", (*Server).complaintHistory},
	{"POST", "/v3/merchant-service/complaints-v2/{complaint_id}/response", (*Server).respondComplaint},
	{"POST", "/v3/merchant-service/complaints-v2/{complaint_id}/complete", (*Server).completeComplaint},
	{"POST", "/v3/merchant-service/complaints-v2/{complaint_id}/update-refund-progress", (*Server).refundProgress},
	{"POST", "/v3/merchant-service/complaint-notifications", (*Server).complaintURL},
	{"GET", "/v3/merchant-service/complaint-notifications", (*Server).complaintURL},
	{"PUT", "/v3/merchant-service/complaint-notifications", (*Server).complaintURL},
	{"DELETE", "/v3/merchant-service/complaint-notifications", (*Server).complaintURL},
	{"GET", "/v3/merchant-service/images/{media_id}", (*Server).complaintImage},
}

// AddComplaint files a complaint (PENDING) and returns the resource of its
// COMPLAINT.CREATE notification, for SendNotification.
func (s *Server) AddComplaint(seed ComplaintSeed) map[string]any {
	id := "2002" + strconv.FormatInt(10000000000000+s.seq.Add(1), 10) + "00000000"
	pt := seed.ProblemType
	if pt == "" {
		pt = "OTHERS"
	}
	now := s.clock().Format("2006-01-02T15:04:05.000-07:00")
	phone := ""
	if seed.PayerPhone != "" {
		phone = s.encryptForMerchant(seed.PayerPhone)
	}
	c := &complaint{images: map[string][]byte{}}
	var urls []any
	for i, img := range seed.Images {
		mid := id + "-" + strconv.Itoa(i)
		c.images[mid] = img
		urls = append(urls, s.URL+"/v3/merchant-service/images/"+mid)
	}
	c.data = map[string]any{
		"complaint_id": id, "complaint_time": now, "complaint_detail": seed.Detail,
		"complainted_mchid": s.Opts.MchID, "complaint_state": "PENDING", "payer_phone": phone,
		"complaint_order_info": []any{map[string]any{"transaction_id": seed.TransactionID,
			"out_trade_no": seed.OutTradeNo, "amount": seed.Amount}},
		"complaint_full_refunded": false, "incoming_user_response": false,
		"problem_description": "其他问题", "user_complaint_times": 1, "problem_type": pt,
		"user_tag_list": []any{},
	}
	if len(urls) > 0 {
		c.data["complaint_media_list"] = []any{map[string]any{"media_type": "USER_COMPLAINT_IMAGE", "media_url": urls}}
	}
	if pt == "REFUND" {
		c.data["apply_refund_amount"] = seed.RefundAmount
	}
	c.log(s, "USER", "USER_CREATE_COMPLAINT", seed.Detail)
	s.b.mu.Lock()
	if s.b.complaints == nil {
		s.b.complaints = map[string]*complaint{}
	}
	s.b.complaints[id] = c
	s.b.complaintIDs = append(s.b.complaintIDs, id)
	s.b.mu.Unlock()
	return map[string]any{"complaint_id": id, "action_type": "CREATE_COMPLAINT",
		"out_trade_no": seed.OutTradeNo, "complaint_time": now, "amount": seed.Amount}
}

func (c *complaint) log(s *Server, operator, kind, details string) {
	c.history = append(c.history, map[string]any{
		"log_id": "3002" + strconv.FormatInt(10000000000000+s.seq.Add(1), 10), "operator": operator,
		"operate_time": s.clock().Format("2006-01-02T15:04:05.000-07:00"), "operate_type": kind,
		"operate_details": details, "image_list": []any{},
	})
}

// ComplaintState returns the state of a complaint ("" if unknown).
func (s *Server) ComplaintState(id string) string {
	s.b.mu.Lock()
	defer s.b.mu.Unlock()
	if c := s.b.complaints[id]; c != nil {
		return c.data["complaint_state"].(string)
	}
	return ""
}

func (s *Server) listComplaints(c *call) {
	if !s.requireQuery(c, "begin_date", "end_date") {
		return
	}
	b, err1 := time.Parse("2006-01-02", c.q("begin_date"))
	e, err2 := time.Parse("2006-01-02", c.q("end_date"))
	if err1 != nil || err2 != nil || e.Before(b) || e.Sub(b) > 30*24*time.Hour {
		s.fail(c.w, c.r, http.StatusBadRequest, "PARAM_ERROR", "查询日期跨度不超过30天")
		return
	}
	if m := c.q("complainted_mchid"); m != "" && m != s.Opts.MchID {
		s.fail(c.w, c.r, http.StatusBadRequest, "PARAM_ERROR", "complainted_mchid 无权限")
		return
	}
	s.b.mu.Lock()
	var items []any
	for _, id := range s.b.complaintIDs {
		items = append(items, s.b.complaints[id].data)
	}
	s.b.mu.Unlock()
	s.page(c, items, 10, 50, nil)
}

// withComplaint runs fn on the complaint of the path, under the lock, or
// answers 404.
func (s *Server) withComplaint(c *call, fn func(cp *complaint) (int, any)) {
	s.b.mu.Lock()
	cp := s.b.complaints[c.params["complaint_id"]]
	if cp == nil {
		s.b.mu.Unlock()
		s.fail(c.w, c.r, http.StatusNotFound, "RESOURCE_NOT_EXISTS", "投诉单不存在")
		return
	}
	status, v := fn(cp)
	s.b.mu.Unlock()
	s.reply(c.w, c.r, status, v)
}

func (s *Server) getComplaint(c *call) {
	s.withComplaint(c, func(cp *complaint) (int, any) { return http.StatusOK, cp.data })
}

func (s *Server) complaintHistory(c *call) {
	s.b.mu.Lock()
	cp := s.b.complaints[c.params["complaint_id"]]
	var items []any
	if cp != nil {
		items = append(items, cp.history...)
	}
	s.b.mu.Unlock()
	if cp == nil {
		s.fail(c.w, c.r, http.StatusNotFound, "RESOURCE_NOT_EXISTS", "投诉单不存在")
		return
	}
	s.page(c, items, 100, 300, nil)
}

func invalid(msg string) (int, any) {
	return http.StatusBadRequest, apiError{Code: "INVALID_REQUEST", Message: msg}
}

func (s *Server) respondComplaint(c *call) {
	if !s.requireJSON(c, "complainted_mchid", "response_content") {
		return
	}
	if imgs, _ := lookup(c.json, "response_images").([]any); len(imgs) > 4 {
		s.bad(c, "response_images")
		return
	}
	s.withComplaint(c, func(cp *complaint) (int, any) {
		if c.str("complainted_mchid") != cp.data["complainted_mchid"] {
			return invalid("被诉商户号不一致")
		}
		if cp.data["complaint_state"] == "PROCESSED" {
			return invalid("投诉单已处理完成")
		}
		cp.data["complaint_state"] = "PROCESSING"
		cp.log(s, "MERCHANT", "MERCHANT_RESPONSE", c.str("response_content"))
		return http.StatusNoContent, nil
	})
}

func (s *Server) completeComplaint(c *call) {
	if !s.requireJSON(c, "complainted_mchid") {
		return
	}
	s.withComplaint(c, func(cp *complaint) (int, any) {
		switch cp.data["complaint_state"] {
		case "PENDING":
			return invalid("请先回复用户后再反馈处理完成")
		case "PROCESSED":
			return invalid("投诉单已处理完成")
		}
		cp.data["complaint_state"] = "PROCESSED"
		cp.log(s, "MERCHANT", "MERCHANT_CONFIRM_COMPLETE", "")
		return http.StatusNoContent, nil
	})
}

func (s *Server) refundProgress(c *call) {
	if !s.requireJSON(c, "action") {
		return
	}
	action := c.str("action")
	switch {
	case action != "APPROVE" && action != "REJECT":
		s.bad(c, "action")
		return
	case action == "REJECT" && c.str("reject_reason") == "":
		s.bad(c, "reject_reason")
		return
	case action == "APPROVE" && lookup(c.json, "launch_refund_day") == nil:
		s.bad(c, "launch_refund_day")
		return
	}
	s.withComplaint(c, func(cp *complaint) (int, any) {
		if cp.data["problem_type"] != "REFUND" {
			return invalid("投诉单不是申请退款单")
		}
		if cp.data["complaint_state"] == "PROCESSED" {
			return invalid("投诉单已处理完成")
		}
		if action == "APPROVE" {
			cp.data["complaint_state"] = "PROCESSING"
			cp.log(s, "MERCHANT", "MERCHANT_APPROVE_REFUND", "")
		} else {
			cp.data["complaint_state"] = "PROCESSED"
			cp.log(s, "MERCHANT", "MERCHANT_REFUSE_RERUND", c.str("reject_reason"))
		}
		return http.StatusNoContent, nil
	})
}

func (s *Server) complaintURL(c *call) {
	s.b.mu.Lock()
	cur := s.b.complaintURL
	var status int
	var out any
	switch c.r.Method {
	case http.MethodGet:
		status, out = http.StatusOK, map[string]string{"mchid": s.Opts.MchID, "url": cur}
		if cur == "" {
			status, out = http.StatusNotFound, apiError{Code: "RESOURCE_NOT_EXISTS", Message: "未设置通知地址"}
		}
	case http.MethodDelete:
		s.b.complaintURL = ""
		status = http.StatusNoContent
	default:
		u := c.str("url")
		switch {
		case u == "" || (len(u) < 8 || u[:8] != "https://"):
			status, out = http.StatusBadRequest, apiError{Code: "PARAM_ERROR", Message: "url 必须为 https 地址"}
		case c.r.Method == http.MethodPost && cur != "":
			status, out = invalid("通知地址已存在，请使用更新接口")
		case c.r.Method == http.MethodPut && cur == "":
			status, out = http.StatusNotFound, apiError{Code: "RESOURCE_NOT_EXISTS", Message: "未设置通知地址"}
		default:
			s.b.complaintURL = u
			status, out = http.StatusOK, map[string]string{"mchid": s.Opts.MchID, "url": u}
		}
	}
	s.b.mu.Unlock()
	s.reply(c.w, c.r, status, out)
}

// complaintImage serves a complaint image unsigned, as WeChat Pay does.
func (s *Server) complaintImage(c *call) {
	id := c.params["media_id"]
	s.b.mu.Lock()
	var img []byte
	for _, cp := range s.b.complaints {
		if b, ok := cp.images[id]; ok {
			img = b
		}
	}
	s.b.mu.Unlock()
	if img == nil {
		s.fail(c.w, c.r, http.StatusNotFound, "RESOURCE_NOT_EXISTS", "图片不存在")
		return
	}
	c.w.Header().Set("Content-Type", "image/png")
	_, _ = c.w.Write(img)
}
