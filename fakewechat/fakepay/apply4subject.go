package fakepay

import (
	"net/http"
	"strconv"
)

// subjectState keeps the opening-intention applications
// (/v3/apply4subject/...), registered with AddSubjectApplyment since the
// fake does not take submissions, and the authorize state of
// sub-merchants. Guarded by stateB.mu; maps made on first use.
type subjectState struct {
	byCode     map[string]*subjectApplyment
	authorized map[string]bool // sub_mchid -> confirmed
}

type subjectApplyment struct {
	id                         int64
	state, param, reason, code string
}

var subjectRoutes = []route{
	{"GET", "/v3/apply4subject/applyment", (*Server).getSubjectApplyment},
	{"POST", "/v3/apply4subject/applyment/{id}/cancel", (*Server).cancelSubjectApplyment},
	{"GET", "/v3/apply4subject/applyment/merchants/{sub_mchid}/state", (*Server).subjectAuthorizeState},
}

func init() { routesB = append(routesB, subjectRoutes...) }

// subjectQRCode is the base64 PNG answered as qrcode_data (a 1x1 image).
const subjectQRCode = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="

// subjectStates are the application states, with whether they carry the
// mini program code.
var subjectStates = map[string]bool{
	"APPLYMENT_STATE_EDITTING": false, "APPLYMENT_STATE_WAITTING_FOR_AUDIT": false,
	"APPLYMENT_STATE_WAITTING_FOR_CONFIRM_CONTACT": true, "APPLYMENT_STATE_WAITTING_FOR_CONFIRM_LEGALPERSON": true,
	"APPLYMENT_STATE_PASSED": true, "APPLYMENT_STATE_REJECTED": false, "APPLYMENT_STATE_FREEZED": true,
	"APPLYMENT_STATE_CANCELED": false,
}

// AddSubjectApplyment registers an opening-intention application for
// businessCode, as if submitted, in APPLYMENT_STATE_WAITTING_FOR_AUDIT,
// and returns its applyment_id (the existing one for a known code).
func (s *Server) AddSubjectApplyment(businessCode string) int64 {
	s.b.mu.Lock()
	defer s.b.mu.Unlock()
	st := &s.b.subject
	if st.byCode == nil {
		st.byCode = map[string]*subjectApplyment{}
	}
	if a := st.byCode[businessCode]; a != nil {
		return a.id
	}
	a := &subjectApplyment{id: 2000002124775691 + s.seq.Add(1), state: "APPLYMENT_STATE_WAITTING_FOR_AUDIT", code: businessCode}
	st.byCode[businessCode] = a
	return a.id
}

// SetSubjectApplymentState moves the application of businessCode to state
// as WeChat Pay's audit would (REJECTED and FREEZED add a reject reason);
// false for an unknown application or state.
func (s *Server) SetSubjectApplymentState(businessCode, state string) bool {
	s.b.mu.Lock()
	defer s.b.mu.Unlock()
	a := s.b.subject.byCode[businessCode]
	if _, known := subjectStates[state]; a == nil || !known {
		return false
	}
	a.state, a.param, a.reason = state, "", ""
	switch state {
	case "APPLYMENT_STATE_REJECTED":
		a.param, a.reason = "id_card_number", "身份证号码与姓名不匹配"
	case "APPLYMENT_STATE_FREEZED":
		a.reason = "该主体已完成过入驻,请联系人扫码完成授权"
	}
	return true
}

// SetSubjectAuthorized sets whether subMchID has confirmed its intention
// (AUTHORIZE_STATE_AUTHORIZED); sub-merchants are unauthorized until then.
func (s *Server) SetSubjectAuthorized(subMchID string, authorized bool) {
	s.b.mu.Lock()
	defer s.b.mu.Unlock()
	if s.b.subject.authorized == nil {
		s.b.subject.authorized = map[string]bool{}
	}
	s.b.subject.authorized[subMchID] = authorized
}

// findSubject returns the application with the business code and/or
// applyment_id given (not both empty; nil when none). Needs s.b.mu.
func (s *Server) findSubject(code, id string) *subjectApplyment {
	for _, a := range s.b.subject.byCode {
		if (code == "" || a.code == code) && (id == "" || strconv.FormatInt(a.id, 10) == id) {
			return a
		}
	}
	return nil
}

func (s *Server) getSubjectApplyment(c *call) {
	code, id := c.q("business_code"), c.q("applyment_id")
	if code == "" && id == "" {
		s.fail(c.w, c.r, http.StatusBadRequest, "PARAM_ERROR", "申请单编号和业务申请编号都未设置,请检查后再试")
		return
	}
	s.b.mu.Lock()
	var out map[string]any
	if a := s.findSubject(code, id); a != nil {
		out = map[string]any{"applyment_state": a.state}
		if subjectStates[a.state] {
			out["qrcode_data"] = subjectQRCode
		}
		if a.reason != "" {
			out["reject_param"], out["reject_reason"] = a.param, a.reason
		}
	}
	s.b.mu.Unlock()
	if out == nil {
		s.fail(c.w, c.r, http.StatusNotFound, "RESOURCE_NOT_EXISTS", "申请单不存在")
		return
	}
	s.reply(c.w, c.r, http.StatusOK, out)
}

func (s *Server) cancelSubjectApplyment(c *call) {
	seg := c.params["id"]
	s.b.mu.Lock()
	a := s.findSubject(seg, "")
	if a == nil {
		a = s.findSubject("", seg)
	}
	status, code, msg := http.StatusNoContent, "", ""
	switch {
	case a == nil:
		status, code, msg = http.StatusNotFound, "RESOURCE_NOT_EXISTS", "申请单不存在"
	case a.state == "APPLYMENT_STATE_PASSED" || a.state == "APPLYMENT_STATE_FREEZED":
		status, code, msg = http.StatusBadRequest, "INVALID_REQUEST", "申请单状态为"+a.state+",不允许撤销"
	default:
		a.state, a.param, a.reason = "APPLYMENT_STATE_CANCELED", "", ""
	}
	s.b.mu.Unlock()
	if code != "" {
		s.fail(c.w, c.r, status, code, msg)
		return
	}
	s.reply(c.w, c.r, status, nil)
}

func (s *Server) subjectAuthorizeState(c *call) {
	s.b.mu.Lock()
	ok := s.b.subject.authorized[c.params["sub_mchid"]]
	s.b.mu.Unlock()
	state := "AUTHORIZE_STATE_UNAUTHORIZED"
	if ok {
		state = "AUTHORIZE_STATE_AUTHORIZED"
	}
	s.reply(c.w, c.r, http.StatusOK, map[string]string{"authorize_state": state})
}
