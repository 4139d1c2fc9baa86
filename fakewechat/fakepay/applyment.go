package fakepay

import (
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
)

// applyment is an onboarding application: APPLYMENT_STATE_AUDITING until
// SetApplymentState moves it.
type applyment struct {
	data map[string]any
}

var applymentRoutes = []route{
	{"POST", "/v3/applyment4sub/applyment/", (*Server).submitApplyment},
	{"GET", "/v3/applyment4sub/applyment/business_code/{business_code}", (*Server).getApplyment},
	{"GET", "/v3/applyment4sub/applyment/applyment_id/{applyment_id}", (*Server).getApplyment},
	{"POST", "/v3/apply4sub/sub_merchants/{sub_mchid}/modify-settlement", (*Server).modifySettlement},
	{"GET", "/v3/apply4sub/sub_merchants/{sub_mchid}/settlement", (*Server).getSettlement},
	{"GET", "/v3/apply4sub/sub_merchants/{sub_mchid}/application/{application_no}", (*Server).getSettlementApplication},
}

// Sensitive fields of the onboarding APIs, encrypted by the caller with
// the WeChat Pay key named by Wechatpay-Serial.
var applymentSensitive = []string{
	"contact_info.contact_name", "contact_info.contact_id_number", "contact_info.openid",
	"contact_info.mobile_phone", "contact_info.contact_email",
	"subject_info.identity_info.id_card_info.id_card_name", "subject_info.identity_info.id_card_info.id_card_number",
	"subject_info.identity_info.id_card_info.id_card_address",
	"subject_info.identity_info.id_doc_info.id_doc_name", "subject_info.identity_info.id_doc_info.id_doc_number",
	"subject_info.identity_info.id_doc_info.id_doc_address",
	"bank_account_info.account_name", "bank_account_info.account_number",
}

// decryptFields decrypts the present sensitive fields at paths; it answers
// PARAM_ERROR and returns nil when one does not decrypt.
func (s *Server) decryptFields(c *call, paths []string) map[string]string {
	serial := c.r.Header.Get("Wechatpay-Serial")
	out := map[string]string{}
	for _, p := range paths {
		v, ok := lookup(c.json, p).(string)
		if !ok || v == "" {
			continue
		}
		pt, ok := s.decryptSensitive(serial, v)
		if !ok {
			s.reply(c.w, c.r, http.StatusBadRequest, apiError{Code: "PARAM_ERROR",
				Message: "敏感信息解密失败 (Wechatpay-Serial " + serial + ")", Detail: map[string]any{"field": p}})
			return nil
		}
		out[p] = pt
	}
	return out
}

func (s *Server) submitApplyment(c *call) {
	if !s.requireJSON(c, "business_code", "contact_info.contact_name", "contact_info.mobile_phone",
		"contact_info.contact_email", "subject_info.subject_type", "subject_info.identity_info.id_doc_type",
		"business_info.merchant_shortname", "business_info.service_phone", "business_info.sales_info.sales_scenes_type",
		"settlement_info.settlement_id", "settlement_info.qualification_type") {
		return
	}
	plain := s.decryptFields(c, applymentSensitive)
	if plain == nil {
		return
	}
	code := c.str("business_code")
	s.b.mu.Lock()
	if s.b.applyments == nil {
		s.b.applyments, s.b.sensitive = map[string]*applyment{}, map[string]string{}
	}
	a := s.b.applyments[code]
	if a == nil {
		id := 2000002124775691 + s.seq.Add(1)
		a = &applyment{data: map[string]any{"business_code": code, "applyment_id": id,
			"applyment_state": "APPLYMENT_STATE_AUDITING", "applyment_state_msg": "审核中"}}
		s.b.applyments[code] = a
		for k, v := range plain {
			s.b.sensitive[k] = v
		}
	}
	id := a.data["applyment_id"]
	s.b.mu.Unlock()
	s.reply(c.w, c.r, http.StatusOK, map[string]any{"applyment_id": id})
}

// ApplymentSensitive returns the decrypted sensitive field at a JSON path
// of the last onboarding or settlement request, e.g.
// "contact_info.contact_name" (to check client-side encryption).
func (s *Server) ApplymentSensitive(path string) string {
	s.b.mu.Lock()
	defer s.b.mu.Unlock()
	return s.b.sensitive[path]
}

// SetApplymentState moves the application of businessCode to state
// (APPLYMENT_STATE_REJECTED adds an audit detail, APPLYMENT_STATE_FINISHED a
// sub_mchid).
func (s *Server) SetApplymentState(businessCode, state string) bool {
	s.b.mu.Lock()
	defer s.b.mu.Unlock()
	a := s.b.applyments[businessCode]
	if a == nil {
		return false
	}
	a.data["applyment_state"] = state
	switch state {
	case "APPLYMENT_STATE_REJECTED":
		a.data["applyment_state_msg"] = "已驳回"
		a.data["audit_detail"] = []any{map[string]any{"field": "id_card_copy", "field_name": "身份证人像面照片",
			"reject_reason": "身份证背面识别失败，请上传更清晰的身份证图片。"}}
	case "APPLYMENT_STATE_TO_BE_SIGNED":
		a.data["applyment_state_msg"] = "待签约"
		a.data["sign_url"] = "https://pay.weixin.qq.com/public/apply4ec_sign/s?applymentId=" + strconv.FormatInt(a.data["applyment_id"].(int64), 10)
	case "APPLYMENT_STATE_FINISHED":
		a.data["applyment_state_msg"] = "完成"
		a.data["sub_mchid"] = "1511101111"
	}
	return true
}

func (s *Server) getApplyment(c *call) {
	s.b.mu.Lock()
	var out []byte
	for code, a := range s.b.applyments {
		if code == c.params["business_code"] || strconv.FormatInt(a.data["applyment_id"].(int64), 10) == c.params["applyment_id"] {
			out, _ = json.Marshal(a.data)
		}
	}
	s.b.mu.Unlock()
	if out == nil {
		s.fail(c.w, c.r, http.StatusNotFound, "RESOURCE_NOT_EXISTS", "申请单不存在")
		return
	}
	s.reply(c.w, c.r, http.StatusOK, json.RawMessage(out))
}

func (s *Server) modifySettlement(c *call) {
	if !s.requireJSON(c, "account_type", "account_bank", "account_number") {
		return
	}
	switch c.str("account_type") {
	case "ACCOUNT_TYPE_BUSINESS", "ACCOUNT_TYPE_PRIVATE":
	default:
		s.bad(c, "account_type")
		return
	}
	plain := s.decryptFields(c, []string{"account_number", "account_name"})
	if plain == nil {
		return
	}
	no := "APP" + strconv.FormatInt(100000+s.seq.Add(1), 10)
	num := plain["account_number"]
	masked := num
	if len(num) > 8 {
		masked = num[:4] + strings.Repeat("*", len(num)-8) + num[len(num)-4:]
	}
	s.b.mu.Lock()
	if s.b.settlement == nil {
		s.b.settlement = map[string]map[string]any{}
	}
	if s.b.sensitive == nil {
		s.b.sensitive = map[string]string{}
	}
	for k, v := range plain {
		s.b.sensitive[k] = v
	}
	rec := map[string]any{"account_type": c.str("account_type"), "account_bank": c.str("account_bank"),
		"bank_name": c.str("bank_name"), "bank_branch_id": c.str("bank_branch_id"), "account_number": masked,
		"account_name":  "*" + string([]rune(plain["account_name"] + " ")[1:]),
		"verify_result": "AUDITING", "sub_mchid": c.params["sub_mchid"]}
	s.b.settlement[c.params["sub_mchid"]] = rec
	s.b.settlement[no] = rec
	s.b.mu.Unlock()
	s.reply(c.w, c.r, http.StatusOK, map[string]string{"application_no": no})
}

func (s *Server) getSettlement(c *call) {
	s.b.mu.Lock()
	rec := s.b.settlement[c.params["sub_mchid"]]
	s.b.mu.Unlock()
	if rec == nil {
		rec = map[string]any{"account_type": "ACCOUNT_TYPE_PRIVATE", "account_bank": "工商银行", "bank_name": "",
			"bank_branch_id": "", "account_number": "62*************78", "verify_result": "VERIFY_SUCCESS"}
	}
	out := map[string]any{}
	for _, k := range []string{"account_type", "account_bank", "bank_name", "bank_branch_id", "account_number"} {
		out[k] = rec[k]
	}
	out["verify_result"] = "VERIFYING"
	if rec["verify_result"] == "VERIFY_SUCCESS" {
		out["verify_result"] = "VERIFY_SUCCESS"
	}
	s.reply(c.w, c.r, http.StatusOK, out)
}

func (s *Server) getSettlementApplication(c *call) {
	s.b.mu.Lock()
	rec := s.b.settlement[c.params["application_no"]]
	var out map[string]any
	if rec != nil && rec["sub_mchid"] == c.params["sub_mchid"] {
		out = map[string]any{"account_name": rec["account_name"], "account_type": rec["account_type"],
			"account_bank": rec["account_bank"], "bank_name": rec["bank_name"], "bank_branch_id": rec["bank_branch_id"],
			"account_number": rec["account_number"], "verify_result": "AUDITING"}
	}
	s.b.mu.Unlock()
	if out == nil {
		s.fail(c.w, c.r, http.StatusNotFound, "RESOURCE_NOT_EXISTS", "申请单不存在")
		return
	}
	s.reply(c.w, c.r, http.StatusOK, out)
}
