package fakepay

import (
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"
)

// ecomSubsidy is the subsidy (or its cancellation) of a paid order.
type ecomSubsidy struct {
	sub, transactionID, subsidyID, description, successTime string
	amount, returned                                        int64
	canceled                                                bool
	fp                                                      string
	refunds                                                 map[string]bool // refund_id already used by a return
}

type ecomSubReturn struct {
	SubMchID        string `json:"sub_mchid"`
	TransactionID   string `json:"transaction_id"`
	SubsidyRefundID string `json:"subsidy_refund_id"`
	RefundID        string `json:"refund_id,omitempty"`
	OutOrderNo      string `json:"out_order_no"`
	Amount          int64  `json:"amount"`
	Description     string `json:"description"`
	Result          string `json:"result"`
	SuccessTime     string `json:"success_time"`
}

// EcommerceMaxSubsidy is the largest subsidy of one order (fen): 5000 CNY.
const EcommerceMaxSubsidy = 5000 * 100

// routeEcommerceMore serves subsidies and application queries; rest is
// the path after /v3/ecommerce/.
func (s *Server) routeEcommerceMore(w http.ResponseWriter, r *http.Request, rest string, body []byte) bool {
	get, post := r.Method == http.MethodGet, r.Method == http.MethodPost
	switch {
	case post && rest == "subsidies/create":
		s.serveEcomSubsidy(w, r, body)
	case post && rest == "subsidies/return":
		s.serveEcomSubsidyReturn(w, r, body)
	case post && rest == "subsidies/cancel":
		s.serveEcomSubsidyCancel(w, r, body)
	case get && strings.HasPrefix(rest, "applyments/out-request-no/"):
		s.serveEcomApplyment(w, r, func(a map[string]any) bool {
			return a["out_request_no"] == strings.TrimPrefix(rest, "applyments/out-request-no/")
		})
	case get && strings.HasPrefix(rest, "applyments/") && !strings.Contains(strings.TrimPrefix(rest, "applyments/"), "/"):
		id, err := strconv.ParseInt(strings.TrimPrefix(rest, "applyments/"), 10, 64)
		if err != nil {
			s.fail(w, r, http.StatusBadRequest, "PARAM_ERROR", "applyment_id须为整数")
			return true
		}
		s.serveEcomApplyment(w, r, func(a map[string]any) bool { return a["applyment_id"] == id })
	default:
		return false
	}
	return true
}

// paidOrderLocked finds the paid partner order transactionID of sub, or
// answers 404 itself.
func (s *Server) paidOrderLocked(w http.ResponseWriter, r *http.Request, sub, transactionID string) *partnerOrder {
	o := s.findPartnerOrderLocked(sub, "", transactionID)
	if o == nil || (o.TradeState != "SUCCESS" && o.TradeState != "REFUND") {
		s.failLocked(w, r, http.StatusNotFound, "RESOURCE_NOT_EXISTS", "订单不存在或未支付")
		return nil
	}
	return o
}

func (s *Server) serveEcomSubsidy(w http.ResponseWriter, r *http.Request, body []byte) {
	var b struct {
		SubMchID      string `json:"sub_mchid"`
		TransactionID string `json:"transaction_id"`
		Amount        int64  `json:"amount"`
		Description   string `json:"description"`
		OutSubsidyNo  string `json:"out_subsidy_no"`
	}
	if !s.decodeJSON(w, r, body, &b) {
		return
	}
	fp, ok := s.ecomBegin(w, r, b.SubMchID != "" && b.TransactionID != "" && b.Description != "" && utf8.RuneCountInString(b.Description) <= 80 &&
		b.Amount > 0 && b.Amount <= EcommerceMaxSubsidy && (b.OutSubsidyNo == "" || orderNo(b.OutSubsidyNo)),
		"sub_mchid、transaction_id、description必填,amount须大于0且不超过5000元", b.SubMchID, b)
	if !ok {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	o := s.paidOrderLocked(w, r, b.SubMchID, b.TransactionID)
	if o == nil {
		return
	}
	m := s.c.ecomMore()
	sd := m.subsidies[b.TransactionID]
	switch {
	case sd != nil && sd.canceled:
		s.failLocked(w, r, http.StatusBadRequest, "INVALID_REQUEST", "订单已取消补差")
		return
	case sd != nil && sd.fp != string(fp):
		s.failLocked(w, r, http.StatusBadRequest, "INVALID_REQUEST", "一笔订单只能补差一笔")
		return
	case sd == nil && b.Amount > o.total:
		s.failLocked(w, r, http.StatusBadRequest, "INVALID_REQUEST", "补差金额超过下单时的最大补差金额")
		return
	case sd == nil:
		sd = &ecomSubsidy{sub: b.SubMchID, transactionID: b.TransactionID, description: b.Description, amount: b.Amount,
			subsidyID: "3008" + strconv.FormatInt(8000000000+s.seq.Add(1), 10), successTime: now3339(), fp: string(fp),
			refunds: map[string]bool{}}
		m.subsidies[b.TransactionID] = sd
	}
	s.replyLocked(w, r, map[string]any{"sub_mchid": sd.sub, "transaction_id": sd.transactionID, "subsidy_id": sd.subsidyID,
		"description": sd.description, "amount": sd.amount, "result": "SUCCESS", "success_time": sd.successTime})
}

func (s *Server) serveEcomSubsidyReturn(w http.ResponseWriter, r *http.Request, body []byte) {
	var b struct {
		SubMchID      string `json:"sub_mchid"`
		OutOrderNo    string `json:"out_order_no"`
		TransactionID string `json:"transaction_id"`
		RefundID      string `json:"refund_id"`
		Amount        int64  `json:"amount"`
		Description   string `json:"description"`
		SubsidyID     string `json:"subsidy_id"`
	}
	if !s.decodeJSON(w, r, body, &b) {
		return
	}
	fp, ok := s.ecomBegin(w, r, b.SubMchID != "" && orderNo(b.OutOrderNo) && b.TransactionID != "" && b.Description != "" && b.Amount > 0,
		"sub_mchid、out_order_no、transaction_id、amount、description必填", b.SubMchID, b)
	if !ok {
		return
	}
	k := key(b.SubMchID, b.OutOrderNo)
	s.mu.Lock()
	defer s.mu.Unlock()
	m := s.c.ecomMore()
	if ex := m.subReturns[k]; ex != nil && s.ecomRepeatLocked(w, r, "subreturn", k, string(fp), ex) {
		return
	}
	sd := m.subsidies[b.TransactionID]
	switch {
	case sd == nil || sd.canceled || sd.sub != b.SubMchID || (b.SubsidyID != "" && b.SubsidyID != sd.subsidyID):
		s.failLocked(w, r, http.StatusBadRequest, "INVALID_REQUEST", "补差单不存在")
		return
	case b.RefundID != "" && sd.refunds[b.RefundID]:
		s.failLocked(w, r, http.StatusBadRequest, "INVALID_REQUEST", "一笔微信退款单只允许补差回退一次")
		return
	case b.Amount > sd.amount-sd.returned:
		s.failLocked(w, r, http.StatusBadRequest, "INVALID_REQUEST", "补差回退金额超过补差单可回退金额")
		return
	}
	sd.returned += b.Amount
	if b.RefundID != "" {
		sd.refunds[b.RefundID] = true
	}
	ret := &ecomSubReturn{SubMchID: b.SubMchID, TransactionID: b.TransactionID, RefundID: b.RefundID, OutOrderNo: b.OutOrderNo,
		SubsidyRefundID: "3008" + strconv.FormatInt(9000000000+s.seq.Add(1), 10), Amount: b.Amount, Description: b.Description,
		Result: "SUCCESS", SuccessTime: now3339()}
	m.subReturns[k] = ret
	m.fps["subreturn:"+k] = string(fp)
	s.replyLocked(w, r, ret)
}

func (s *Server) serveEcomSubsidyCancel(w http.ResponseWriter, r *http.Request, body []byte) {
	var b struct {
		SubMchID      string `json:"sub_mchid"`
		TransactionID string `json:"transaction_id"`
		Description   string `json:"description"`
	}
	if !s.decodeJSON(w, r, body, &b) {
		return
	}
	if _, ok := s.ecomBegin(w, r, b.SubMchID != "" && b.TransactionID != "" && b.Description != "",
		"sub_mchid、transaction_id、description必填", b.SubMchID, b); !ok {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.paidOrderLocked(w, r, b.SubMchID, b.TransactionID) == nil {
		return
	}
	m := s.c.ecomMore()
	switch sd := m.subsidies[b.TransactionID]; {
	case sd != nil && !sd.canceled:
		s.failLocked(w, r, http.StatusBadRequest, "INVALID_REQUEST", "订单已补差,不能取消补差")
		return
	case sd == nil:
		m.subsidies[b.TransactionID] = &ecomSubsidy{sub: b.SubMchID, transactionID: b.TransactionID, canceled: true}
	}
	s.replyLocked(w, r, map[string]string{"sub_mchid": b.SubMchID, "transaction_id": b.TransactionID, "result": "SUCCESS", "description": b.Description})
}

// AddEcommerceApplyment registers a sub-merchant application of the
// e-commerce platform in state (CHECKING, ACCOUNT_NEED_VERIFY, AUDITING,
// REJECTED, NEED_SIGN, FINISH, FROZEN or CANCELED) and returns its
// applyment_id. The queries answer fixed data shaped like the docs' example
// for that state; sub_mchid is subMchID (from NEED_SIGN on).
func (s *Server) AddEcommerceApplyment(outRequestNo, state, subMchID string) int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	id := 2000002124775691 + s.seq.Add(1)
	desc := map[string]string{"CHECKING": "资料校验中", "ACCOUNT_NEED_VERIFY": "待账户验证", "AUDITING": "审核中", "REJECTED": "已驳回",
		"NEED_SIGN": "待签约", "FINISH": "完成", "FROZEN": "已冻结", "CANCELED": "已作废"}[state]
	a := map[string]any{"applyment_id": id, "out_request_no": outRequestNo, "applyment_state": state, "applyment_state_desc": desc,
		"sign_state": "NOT_SIGNABLE"}
	switch state {
	case "ACCOUNT_NEED_VERIFY":
		a["account_validation"] = map[string]any{"account_name": "**张三", "account_no": "************1234", "pay_amount": 124,
			"destination_account_number": "7222223333322332", "destination_account_name": "财付通支付科技有限公司",
			"destination_account_bank": "招商银行威盛大厦支行", "city": "深圳", "remark": "入驻账户验证", "deadline": "2018-12-10 17:09:01"}
		a["legal_validation_url"] = "https://pay.weixin.qq.com/public/apply4ec_sign/s?applymentId=" + strconv.FormatInt(id, 10) + "&sign=legal"
	case "REJECTED", "FROZEN":
		a["audit_detail"] = []map[string]string{{"param_name": "id_card_copy", "reject_reason": "身份证背面识别失败,请上传更清晰的身份证图片。"}}
	case "NEED_SIGN":
		a["sign_state"] = "UNSIGNED"
		a["sign_url"] = "https://pay.weixin.qq.com/public/apply4ec_sign/s?applymentId=" + strconv.FormatInt(id, 10) + "&sign=b207b673049a32c858f3aabd7d27c7ec"
		a["sub_mchid"] = subMchID
	case "FINISH":
		a["sign_state"] = "SIGNED"
		a["sub_mchid"] = subMchID
	}
	s.c.ecomMore().applyments[id] = a
	return id
}

func (s *Server) serveEcomApplyment(w http.ResponseWriter, r *http.Request, match func(map[string]any) bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, a := range s.c.ecomMore().applyments {
		if match(a) {
			s.replyLocked(w, r, a)
			return
		}
	}
	s.failLocked(w, r, http.StatusNotFound, "RESOURCE_NOT_EXISTS", "申请单不存在")
}
