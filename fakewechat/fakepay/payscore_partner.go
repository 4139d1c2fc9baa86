package fakepay

import (
	"encoding/json"
	"net/http"
)

// partnerPermission is a user authorization (免确认预授权) of a
// sub-merchant's service: UNBINDUSER after the pre-authorization,
// AVAILABLE after AuthorizePartnerPermissions, UNAVAILABLE after a
// terminate.
type partnerPermission struct {
	data     map[string]any // the answer of the queries
	subMchID string
	subAppID string
	subOpen  string // the user under sub_appid, when authorized there
	creating []byte // body of the pre-authorization, to tell a retry
}

var partnerPayScoreRoutes = []route{
	{"POST", "/v3/payscore/partner/serviceorder", func(s *Server, c *call) { s.createOrder(c, true) }},
	{"GET", "/v3/payscore/partner/serviceorder", func(s *Server, c *call) { s.getOrder(c, true) }},
	{"POST", "/v3/payscore/partner/serviceorder/{out_order_no}/cancel", orderChange("cancel", true)},
	{"POST", "/v3/payscore/partner/serviceorder/{out_order_no}/modify", orderChange("modify", true)},
	{"POST", "/v3/payscore/partner/serviceorder/{out_order_no}/complete", orderChange("complete", true)},
	{"POST", "/v3/payscore/partner/serviceorder/{out_order_no}/sync", orderChange("sync", true)},
	{"POST", "/v3/payscore/partner/serviceorder/{out_order_no}/pay", orderChange("pay", true)},
	{"POST", "/v3/payscore/partner/permissions", (*Server).applyPartnerPermissions},
	{"GET", "/v3/payscore/partner/permissions/authorization-code/{authorization_code}", (*Server).partnerPermissionsByCode},
	{"POST", "/v3/payscore/partner/permissions/authorization-code/{authorization_code}/terminate", (*Server).terminatePartnerPermissionsByCode},
	{"GET", "/v3/payscore/partner/permissions/search", (*Server).searchPartnerPermissions},
	{"POST", "/v3/payscore/partner/permissions/terminate", (*Server).terminatePartnerPermissionsByOpenID},
}

// ConfirmPartnerServiceOrder simulates the user confirming a
// sub-merchant's CREATED order (now DOING) and returns the resource of its
// PAYSCORE.USER_CONFIRM notification.
func (s *Server) ConfirmPartnerServiceOrder(subMchID, outOrderNo, openid string) (map[string]any, bool) {
	return s.confirmOrder(orderKey(subMchID, outOrderNo, true), openid, true)
}

// PayPartnerServiceOrder simulates WeChat Pay collecting a sub-merchant's
// DONE order and returns the resource of its PAYSCORE.USER_PAID
// notification.
func (s *Server) PayPartnerServiceOrder(subMchID, outOrderNo string) (map[string]any, bool) {
	return s.collectOrder(orderKey(subMchID, outOrderNo, true), true)
}

func (s *Server) applyPartnerPermissions(c *call) {
	if !s.requireJSON(c, "service_id", "appid", "sub_mchid", "authorization_code") {
		return
	}
	code := c.str("authorization_code")
	if len([]rune(code)) > 32 {
		s.bad(c, "authorization_code")
		return
	}
	s.b.mu.Lock()
	defer s.b.mu.Unlock()
	if s.b.partnerPermissions == nil {
		s.b.partnerPermissions = map[string]*partnerPermission{}
	}
	// The code is unique under the service provider: a retry with the same
	// body answers again, another body is refused.
	for _, p := range s.b.partnerPermissions {
		if p.data["authorization_code"] == code && string(p.creating) != string(c.body) {
			s.failLockedB(c, http.StatusBadRequest, "INVALID_REQUEST", "授权协议号已存在且参数不一致")
			return
		}
	}
	key := orderKey(c.str("sub_mchid"), code, true)
	if s.b.partnerPermissions[key] == nil {
		p := &partnerPermission{subMchID: c.str("sub_mchid"), subAppID: c.str("sub_appid"), creating: c.body}
		p.data = map[string]any{"service_id": c.str("service_id"), "appid": c.str("appid"), "mchid": s.Opts.MchID,
			"authorization_code": code, "authorization_state": "UNBINDUSER"}
		if u := c.str("notify_url"); u != "" {
			p.data["notify_url"] = u
		}
		s.b.partnerPermissions[key] = p
	}
	s.replyLockedB(c, http.StatusOK, map[string]any{"apply_permissions_token": "1LLLLLDDDDDSDDFDFSFDFSF345" + code})
}

// AuthorizePartnerPermissions simulates the user opening the service on
// the authorization page of a pre-authorization (UNBINDUSER, now
// AVAILABLE) and returns the resource of its PAYSCORE.USER_OPEN_SERVICE
// notification. openid is the user under sub_appid when the
// pre-authorization named one, under appid otherwise.
func (s *Server) AuthorizePartnerPermissions(subMchID, authorizationCode, openid string) (map[string]any, bool) {
	s.b.mu.Lock()
	defer s.b.mu.Unlock()
	p := s.b.partnerPermissions[orderKey(subMchID, authorizationCode, true)]
	if p == nil || p.data["authorization_state"] != "UNBINDUSER" {
		return nil, false
	}
	now := s.now3339()
	if p.subAppID != "" {
		p.subOpen = openid
	} else {
		p.data["openid"] = openid
	}
	p.data["authorization_state"], p.data["authorization_success_time"] = "AVAILABLE", now
	return map[string]any{"appid": p.data["appid"], "mchid": s.Opts.MchID, "service_id": p.data["service_id"],
		"openid": openid, "user_service_status": "USER_OPEN_SERVICE", "openorclose_time": now,
		"authorization_code": authorizationCode}, true
}

func (s *Server) partnerPermissionsByCode(c *call) {
	if !s.requireQuery(c, "service_id", "sub_mchid") {
		return
	}
	s.b.mu.Lock()
	defer s.b.mu.Unlock()
	p := s.b.partnerPermissions[orderKey(c.q("sub_mchid"), c.params["authorization_code"], true)]
	if p == nil || p.data["service_id"] != c.q("service_id") {
		s.failLockedB(c, http.StatusNotFound, "ORDER_NOT_EXIST", "授权记录不存在")
		return
	}
	s.replyLockedB(c, http.StatusOK, p.data)
}

func (s *Server) terminatePartnerPermissionsByCode(c *call) {
	if !s.requireJSON(c, "service_id", "sub_mchid", "reason") {
		return
	}
	s.b.mu.Lock()
	defer s.b.mu.Unlock()
	p := s.b.partnerPermissions[orderKey(c.str("sub_mchid"), c.params["authorization_code"], true)]
	if p == nil || p.data["service_id"] != c.str("service_id") {
		s.failLockedB(c, http.StatusNotFound, "ORDER_NOT_EXIST", "授权记录不存在")
		return
	}
	s.terminateLocked(c, p)
}

// terminateLocked ends an AVAILABLE authorization (204); others are 400
// INVALID_ORDER_STATE.
func (s *Server) terminateLocked(c *call, p *partnerPermission) {
	if len([]rune(c.str("reason"))) > 50 {
		s.failLockedB(c, http.StatusBadRequest, "PARAM_ERROR", "参数错误: reason")
		return
	}
	if p.data["authorization_state"] != "AVAILABLE" {
		s.failLockedB(c, http.StatusBadRequest, "INVALID_ORDER_STATE", "授权状态不允许解除")
		return
	}
	p.data["authorization_state"], p.data["cancel_authorization_time"] = "UNAVAILABLE", s.now3339()
	s.replyLockedB(c, http.StatusNoContent, nil)
}

// userPermission finds the latest authorization of the user a search or
// terminate names (get reads the query or the body): service_id, appid
// and sub_mchid must match, and exactly one of openid and sub_openid (with
// sub_appid) is given, else "" and the field at fault.
func (s *Server) userPermission(get func(string) string) (*partnerPermission, string) {
	open, sub := get("openid"), get("sub_openid")
	if (open == "") == (sub == "") {
		return nil, "openid"
	}
	if sub != "" && get("sub_appid") == "" {
		return nil, "sub_appid"
	}
	var found *partnerPermission
	for _, p := range s.b.partnerPermissions {
		if p.subMchID != get("sub_mchid") || p.data["service_id"] != get("service_id") || p.data["appid"] != get("appid") {
			continue
		}
		if (open != "" && p.data["openid"] == open) || (sub != "" && p.subOpen == sub && p.subAppID == get("sub_appid")) {
			if found == nil || found.data["authorization_state"] != "AVAILABLE" {
				found = p
			}
		}
	}
	return found, ""
}

func (s *Server) searchPartnerPermissions(c *call) {
	if s.requireQuery(c, "service_id", "appid", "sub_mchid") {
		s.withUserPermission(c, c.q, func(p *partnerPermission) { s.replyLockedB(c, http.StatusOK, p.data) })
	}
}

func (s *Server) terminatePartnerPermissionsByOpenID(c *call) {
	if s.requireJSON(c, "service_id", "sub_mchid", "appid", "reason") {
		s.withUserPermission(c, c.str, func(p *partnerPermission) { s.terminateLocked(c, p) })
	}
}

// withUserPermission runs fn, s.b.mu held, on the authorization of the
// user the request names (see userPermission), or answers PARAM_ERROR or
// ORDER_NOT_EXIST.
func (s *Server) withUserPermission(c *call, get func(string) string, fn func(*partnerPermission)) {
	s.b.mu.Lock()
	defer s.b.mu.Unlock()
	p, bad := s.userPermission(get)
	switch {
	case bad != "":
		s.failLockedB(c, http.StatusBadRequest, "PARAM_ERROR", "参数错误: "+bad)
	case p == nil:
		s.failLockedB(c, http.StatusNotFound, "ORDER_NOT_EXIST", "授权记录不存在")
	default:
		fn(p)
	}
}

// replyLockedB answers with s.b.mu held (released while answering).
func (s *Server) replyLockedB(c *call, status int, v any) {
	var out any
	if v != nil {
		b, _ := json.Marshal(v)
		out = json.RawMessage(b)
	}
	s.b.mu.Unlock()
	defer s.b.mu.Lock()
	s.reply(c.w, c.r, status, out)
}

func (s *Server) failLockedB(c *call, status int, code, msg string) {
	s.replyLockedB(c, status, apiError{Code: code, Message: msg})
}
