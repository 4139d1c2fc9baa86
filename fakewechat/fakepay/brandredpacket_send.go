package fakepay

import (
	"encoding/json"
	"net/http"
)

// brandSending is what a brand red packet send adds to the batch kept by
// brandredpacket.go: the request (user names decrypted) and its time.
type brandSending struct {
	batchNo    string
	createTime string
	creating   string // the request, to tell a retry from a conflict
	req        brandSendBody
}

type brandSendBody struct {
	BrandID     int64  `json:"brand_id"`
	BrandAppID  string `json:"brand_appid"`
	Scene       string `json:"scene"`
	TemplateID  string `json:"template_id"`
	OutBatchNo  string `json:"out_batch_no"`
	BatchName   string `json:"batch_name"`
	BatchRemark string `json:"batch_remark"`
	TotalAmount int64  `json:"total_amount"`
	TotalNum    int64  `json:"total_num"`
	DetailList  []struct {
		OutDetailNo string `json:"out_detail_no"`
		Amount      int64  `json:"amount"`
		OpenID      string `json:"openid"`
		UserName    string `json:"user_name"`
		Remark      string `json:"remark"`
	} `json:"detail_list"`
}

func init() {
	routesB = append(routesB,
		route{"POST", "/v3/fund-app/brand-redpacket/brand-merchant-batches", (*Server).sendBrandRedPacket},
		route{"GET", "/v3/fund-app/brand-redpacket/brand-merchant-out-batches/{out_batch_no}", (*Server).brandBatchByOut},
		route{"GET", "/v3/fund-app/brand-redpacket/brand-merchant-out-batches/{out_batch_no}/out-details/{out_detail_no}", (*Server).brandDetailByOut},
	)
}

func (s *Server) sendBrandRedPacket(c *call) {
	if !s.requireJSON(c, "brand_id", "brand_appid", "scene", "template_id", "out_batch_no", "detail_list") {
		return
	}
	var b brandSendBody
	if json.Unmarshal(c.body, &b) != nil {
		s.bad(c, "detail_list")
		return
	}
	if c.r.Header.Get("Wechatpay-Serial") == "" {
		s.fail(c.w, c.r, http.StatusBadRequest, "PARAM_ERROR", "缺少 Wechatpay-Serial")
		return
	}
	switch {
	case b.Scene != "CUSTOM_SEND":
		s.bad(c, "scene")
		return
	case len(b.BrandAppID) > 32:
		s.bad(c, "brand_appid")
		return
	case len(b.TemplateID) > 128:
		s.bad(c, "template_id")
		return
	case !alnum(b.OutBatchNo, 32):
		s.bad(c, "out_batch_no")
		return
	case len(b.DetailList) == 0 || len(b.DetailList) > 10:
		s.fail(c.w, c.r, http.StatusBadRequest, "PARAM_ERROR", "每个批次须有1至10个明细单")
		return
	}
	seen := map[string]bool{}
	details := make([]BrandRedPacketDetail, 0, len(b.DetailList))
	for i, d := range b.DetailList {
		if !alnum(d.OutDetailNo, 32) || seen[d.OutDetailNo] || d.OpenID == "" || d.Amount <= 0 {
			s.bad(c, "detail_list.out_detail_no/openid/amount")
			return
		}
		seen[d.OutDetailNo] = true
		if d.UserName != "" {
			pt, ok := s.decryptSensitive(c.r.Header.Get("Wechatpay-Serial"), d.UserName)
			if !ok {
				s.reply(c.w, c.r, http.StatusBadRequest, apiError{Code: "PARAM_ERROR",
					Message: "敏感信息解密失败", Detail: map[string]any{"field": "detail_list.user_name", "index": i}})
				return
			}
			b.DetailList[i].UserName = pt // kept decrypted
		}
		details = append(details, BrandRedPacketDetail{OutDetailNo: d.OutDetailNo})
	}
	// A retry must repeat the content (compared with user names
	// decrypted: each encryption differs).
	fp, _ := json.Marshal(b)
	s.more.mu.Lock()
	if bs := s.more.brand[b.OutBatchNo]; bs != nil {
		s.more.mu.Unlock()
		if bs.creating != string(fp) {
			s.fail(c.w, c.r, http.StatusBadRequest, "RESOURCE_ALREADY_EXISTS", "商家品牌红包批次单号已存在且参数不一致")
			return
		}
		s.reply(c.w, c.r, http.StatusOK, bs.sent())
		return
	}
	s.more.mu.Unlock()
	batchNo, _, ok := s.AddBrandRedPacketBatch(b.OutBatchNo, b.BrandID, b.BrandAppID, b.TemplateID, details)
	if !ok {
		s.fail(c.w, c.r, http.StatusBadRequest, "RESOURCE_ALREADY_EXISTS", "商家品牌红包批次单号已存在")
		return
	}
	bs := &brandSending{batchNo: batchNo, createTime: s.now3339(), creating: string(fp), req: b}
	s.more.mu.Lock()
	if s.more.brand == nil {
		s.more.brand = map[string]*brandSending{}
	}
	s.more.brand[b.OutBatchNo] = bs
	s.more.mu.Unlock()
	s.reply(c.w, c.r, http.StatusOK, bs.sent())
}

func (bs *brandSending) sent() map[string]any {
	return map[string]any{"out_batch_no": bs.req.OutBatchNo, "batch_no": bs.batchNo, "create_time": bs.createTime,
		"batch_state": "ACCEPTED"}
}

// brandView returns the batch sent with outBatchNo and a copy of its red
// packets as brandredpacket.go keeps them, or nil.
func (s *Server) brandView(outBatchNo string) (*brandSending, []brandDetail) {
	s.more.mu.Lock()
	bs := s.more.brand[outBatchNo]
	s.more.mu.Unlock()
	if bs == nil {
		return nil, nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []brandDetail
	for _, d := range s.br.batches[bs.batchNo].details {
		out = append(out, *d)
	}
	return bs, out
}

func (s *Server) brandBatchByOut(c *call) {
	bs, details := s.brandView(c.params["out_batch_no"])
	if bs == nil {
		s.fail(c.w, c.r, http.StatusNotFound, "NOT_FOUND", "品牌红包批次单不存在")
		return
	}
	want := c.q("detail_state")
	if c.q("need_query_detail") == "true" && want != "DETAIL_VIEW_ALL" && want != "DETAIL_VIEW_SUCCESS" && want != "DETAIL_VIEW_FAIL" {
		s.reply(c.w, c.r, http.StatusBadRequest, apiError{Code: "PARAM_ERROR", Message: "参数错误: detail_state",
			Detail: map[string]any{"field": "detail_state", "location": "query"}})
		return
	}
	state, okAmt, okNum := "FINISHED", int64(0), int64(0)
	var list []map[string]any
	for i, d := range details {
		if d.DetailState != "DETAIL_SUCCESS" {
			state = "ACCEPTED"
			continue
		}
		okAmt += bs.req.DetailList[i].Amount
		okNum++
		if want == "DETAIL_VIEW_ALL" || want == "DETAIL_VIEW_SUCCESS" {
			list = append(list, map[string]any{"transfer_detail_no": d.DetailNo, "out_detail_no": d.OutDetailNo, "detail_state": d.DetailState})
		}
	}
	r := bs.req
	out := map[string]any{"brand_mchid": s.Opts.MchID, "batch_no": bs.batchNo, "out_batch_no": r.OutBatchNo, "brand_id": r.BrandID,
		"template_id": r.TemplateID, "brand_appid": r.BrandAppID, "batch_state": state, "batch_name": r.BatchName,
		"batch_remark": r.BatchRemark, "total_amount": r.TotalAmount, "total_num": r.TotalNum, "create_time": bs.createTime,
		"update_time": bs.createTime, "success_amount": okAmt, "success_num": okNum, "fail_amount": 0, "fail_num": 0}
	if state == "FINISHED" && c.q("need_query_detail") == "true" {
		out["detail_list"] = list
	}
	s.reply(c.w, c.r, http.StatusOK, out)
}

func (s *Server) brandDetailByOut(c *call) {
	bs, details := s.brandView(c.params["out_batch_no"])
	for i, d := range details {
		if d.OutDetailNo != c.params["out_detail_no"] {
			continue
		}
		r, sd := bs.req, bs.req.DetailList[i]
		out := map[string]any{"brand_mchid": s.Opts.MchID, "out_batch_no": r.OutBatchNo, "batch_no": bs.batchNo,
			"out_detail_no": d.OutDetailNo, "detail_no": d.DetailNo, "detail_state": d.DetailState, "amount": sd.Amount,
			"openid": sd.OpenID, "initiate_time": bs.createTime, "update_time": bs.createTime, "brand_id": r.BrandID,
			"template_id": r.TemplateID, "brand_appid": r.BrandAppID}
		if sd.Remark != "" {
			out["remark"] = sd.Remark
		}
		s.reply(c.w, c.r, http.StatusOK, out)
		return
	}
	s.fail(c.w, c.r, http.StatusNotFound, "NOT_FOUND", "品牌红包明细单不存在")
}

// BrandRedPacketUserName returns the user name a send gave (decrypted) for
// the red packet outDetailNo of the batch outBatchNo.
func (s *Server) BrandRedPacketUserName(outBatchNo, outDetailNo string) (string, bool) {
	s.more.mu.Lock()
	defer s.more.mu.Unlock()
	if bs := s.more.brand[outBatchNo]; bs != nil {
		for _, d := range bs.req.DetailList {
			if d.OutDetailNo == outDetailNo && d.UserName != "" {
				return d.UserName, true
			}
		}
	}
	return "", false
}
