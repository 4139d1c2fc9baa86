package fakewechat

import (
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Mini program management by a third-party platform (代小程序实现业务),
// with the authorizer's access token. The fake keeps, per mini program:
//
//   - code: /wxa/commit needs a template_id of a template library
//     (AddTemplateDraft, addtotemplate), a non-empty ext_json that is a JSON
//     object and user_version (85015 otherwise); submit_audit needs a commit
//     (85085... answered as 85009 when a review is already pending) and
//     returns an auditid; the review stays pending (status 2) until the test
//     calls SetAuditResult; undocodeaudit withdraws it (status 3);
//     release needs a passed review not yet released (85019/85020), and
//     becomes the online version (getversioninfo, revertcoderelease);
//     grayrelease needs gray_percentage 1-100;
//   - server domains (modify_domain add/delete/set/get, each https:// or
//     wss:// origin, 85015... answered as 40097 when malformed), web-view
//     domains, testers (bind_tester 85004 when already bound, unbind by
//     wechatid or userstr), search status and the lowest base library version.
//
// The template library (gettemplatedraftlist, addtotemplate,
// gettemplatelist, deletetemplate) is kept per component and takes the
// component_access_token as access_token.
func init() {
	for code, msg := range map[int]string{
		wxaCodePendingAudit: "there is a version under review", wxaCodeNoAudit: "no audit version",
		wxaCodeNotPassed: "status not allowed to release", wxaCodeInvalidAuditID: "invalid audit id",
		wxaCodeBadTemplate: "invalid template id", wxaCodeBadExtJSON: "invalid ext_json",
		wxaCodeNoOnline: "no online version", wxaCodeTesterBound: "tester already bound",
		wxaCodeNoTester: "tester not found", wxaCodeNoCommit: "no commit",
	} {
		stdMessages[code] = msg
	}
	builtin = append(builtin, registerWxaCode, registerComponentTemplates)
}

// Errcodes of the mini program management endpoints.
const (
	wxaCodeNoTester       = 85001
	wxaCodeTesterBound    = 85004
	wxaCodePendingAudit   = 85009
	wxaCodeInvalidAuditID = 85012
	wxaCodeBadExtJSON     = 85013
	wxaCodeBadTemplate    = 85014
	wxaCodeNoAudit        = 85019
	wxaCodeNotPassed      = 85020
	wxaCodeNoOnline       = 85079
	wxaCodeNoCommit       = 85085
)

// WxaAudit is a review of submitted code as the fake keeps it.
type WxaAudit struct {
	AuditID     int64
	Status      int // 0 passed, 1 rejected, 2 pending, 3 withdrawn
	Reason      string
	UserVersion string
	UserDesc    string
	Submitted   time.Time
	Released    bool
}

type wxaVersion struct {
	appVersion            int64
	templateID            int64
	userVersion, userDesc string
	at                    time.Time
}

type wxaApp struct {
	mu        sync.Mutex
	commit    *wxaVersion
	audits    []*WxaAudit
	online    *wxaVersion
	history   []wxaVersion
	gray      map[string]any
	visit     int
	domains   map[string][]string
	webview   []string
	testers   map[string]string // wechatid -> userstr
	searchOff bool
	support   string
	nextVer   int64
}

func (s *Server) wxaApp(appid string) *wxaApp {
	return Value(s.State(appid), "wxa.app", func() *wxaApp {
		return &wxaApp{domains: map[string][]string{}, testers: map[string]string{}, support: "1.0.0"}
	})
}

var wxaAuditSeq struct {
	mu sync.Mutex
	n  int64
}

func nextAuditID() int64 {
	wxaAuditSeq.mu.Lock()
	defer wxaAuditSeq.mu.Unlock()
	wxaAuditSeq.n++
	return 400000000 + wxaAuditSeq.n
}

// WxaAudits returns the reviews of the mini program appid, oldest first.
func (s *Server) WxaAudits(appid string) []WxaAudit {
	a := s.wxaApp(appid)
	a.mu.Lock()
	defer a.mu.Unlock()
	out := make([]WxaAudit, len(a.audits))
	for i, au := range a.audits {
		out[i] = *au
	}
	return out
}

// WxaReleased returns the user_version of the mini program's online
// version ("" if none).
func (s *Server) WxaReleased(appid string) string {
	a := s.wxaApp(appid)
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.online == nil {
		return ""
	}
	return a.online.userVersion
}

// SetAuditResult ends the pending review of the mini program appid, as
// WeChat's reviewers do: pass, or reject with reason. It returns the audit
// id, or 0 if no review is pending. The result is pushed
// (weapp_audit_success, weapp_audit_fail) to the message URL of the
// components the mini program authorized (SetComponentPush), before
// SetAuditResult returns.
func (s *Server) SetAuditResult(appid string, pass bool, reason string) int64 {
	a := s.wxaApp(appid)
	a.mu.Lock()
	au := a.pending()
	if au == nil {
		a.mu.Unlock()
		return 0
	}
	now := strconv.FormatInt(s.Now().Unix(), 10)
	var event string
	var fields [][2]string
	if pass {
		au.Status = 0
		event, fields = "weapp_audit_success", [][2]string{{"SuccTime", now}}
	} else {
		au.Status, au.Reason = 1, reason
		event, fields = "weapp_audit_fail", [][2]string{{"Reason", reason}, {"FailTime", now}, {"ScreenShot", ""}}
	}
	id := au.AuditID
	a.mu.Unlock()
	s.pushAuthorizerEvent(appid, event, fields...)
	return id
}

func (a *wxaApp) pending() *WxaAudit {
	if n := len(a.audits); n > 0 && a.audits[n-1].Status == 2 {
		return a.audits[n-1]
	}
	return nil
}

func (a *wxaApp) latest() *WxaAudit {
	if n := len(a.audits); n > 0 {
		return a.audits[n-1]
	}
	return nil
}

// onWxa runs fn with the authorizer's state locked.
func (s *Server) onWxa(fn func(r *Request, a *wxaApp) (any, error)) JSONHandler {
	return func(r *Request) (any, error) {
		a := s.wxaApp(r.AppID)
		a.mu.Lock()
		defer a.mu.Unlock()
		return fn(r, a)
	}
}

var wxaDomainKinds = []string{"requestdomain", "wsrequestdomain", "uploaddomain", "downloaddomain", "udpdomain", "tcpdomain"}

func wxaDomainOK(kind, d string) bool {
	scheme := map[string]string{"wsrequestdomain": "wss://", "udpdomain": "udp://", "tcpdomain": "tcp://"}[kind]
	if scheme == "" {
		scheme = "https://"
	}
	host, ok := strings.CutPrefix(d, scheme)
	return ok && host != "" && !strings.ContainsAny(host, "/?# ")
}

func applyDomains(action string, cur, in []string) []string {
	switch action {
	case "add":
		for _, d := range in {
			if !slices.Contains(cur, d) {
				cur = append(cur, d)
			}
		}
	case "delete":
		cur = slices.DeleteFunc(cur, func(d string) bool { return slices.Contains(in, d) })
	case "set":
		cur = slices.Clone(in)
	}
	return cur
}

func registerWxaCode(s *Server) {
	s.HandleJSON("POST /wxa/commit", s.onWxa(func(r *Request, a *wxaApp) (any, error) {
		var in struct {
			TemplateID  *int64 `json:"template_id"`
			ExtJSON     string `json:"ext_json"`
			UserVersion string `json:"user_version"`
			UserDesc    string `json:"user_desc"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		if in.TemplateID == nil || !s.templateExists(*in.TemplateID) {
			return nil, ErrCode(wxaCodeBadTemplate)
		}
		if e := strings.TrimSpace(in.ExtJSON); !strings.HasPrefix(e, "{") || !validJSON(e) {
			return nil, ErrCode(wxaCodeBadExtJSON)
		}
		if in.UserVersion == "" || len([]rune(in.UserVersion)) > 64 {
			return nil, Errorf(CodeInvalidArgs, "invalid args: user_version")
		}
		a.nextVer++
		a.commit = &wxaVersion{appVersion: a.nextVer, templateID: *in.TemplateID, userVersion: in.UserVersion, userDesc: in.UserDesc, at: r.Now()}
		return nil, nil
	}))
	s.HandleJSON("GET /wxa/get_page", s.onWxa(func(r *Request, a *wxaApp) (any, error) {
		if a.commit == nil {
			return nil, ErrCode(wxaCodeNoCommit)
		}
		return OK(M{"page_list": []string{"pages/index/index", "pages/detail/detail"}}), nil
	}))
	s.HandleRaw("GET /wxa/get_qrcode", func(w http.ResponseWriter, r *Request) {
		a := s.wxaApp(r.AppID)
		a.mu.Lock()
		committed := a.commit != nil
		a.mu.Unlock()
		if !committed {
			s.WriteError(w, r.HTTP, ErrCode(wxaCodeNoCommit))
			return
		}
		img := mpPNG(430, false, "trial\x00"+r.AppID+"\x00"+r.Query.Get("path"))
		w.Header().Set("Content-Type", "image/jpeg")
		w.Header().Set("Content-Length", strconv.Itoa(len(img)))
		w.Write(img) //nolint:errcheck // client gone
	})
	s.HandleJSON("POST /wxa/submit_audit", s.onWxa(func(r *Request, a *wxaApp) (any, error) {
		var in struct {
			ItemList []map[string]any `json:"item_list"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		switch {
		case a.commit == nil:
			return nil, ErrCode(wxaCodeNoCommit)
		case a.pending() != nil:
			return nil, ErrCode(wxaCodePendingAudit)
		case len(in.ItemList) > 5:
			return nil, Errorf(CodeInvalidArgs, "invalid args: item_list")
		}
		au := &WxaAudit{AuditID: nextAuditID(), Status: 2, UserVersion: a.commit.userVersion, UserDesc: a.commit.userDesc, Submitted: r.Now()}
		a.audits = append(a.audits, au)
		return OK(M{"auditid": au.AuditID}), nil
	}))
	s.HandleJSON("POST /wxa/get_auditstatus", s.onWxa(func(r *Request, a *wxaApp) (any, error) {
		var in struct {
			AuditID int64 `json:"auditid"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		for _, au := range a.audits {
			if au.AuditID == in.AuditID {
				return OK(auditM(au, "screenshot")), nil
			}
		}
		return nil, ErrCode(wxaCodeInvalidAuditID)
	}))
	s.HandleJSON("GET /wxa/get_latest_auditstatus", s.onWxa(func(r *Request, a *wxaApp) (any, error) {
		au := a.latest()
		if au == nil {
			return nil, ErrCode(wxaCodeNoAudit)
		}
		m := auditM(au, "ScreenShot")
		m["auditid"] = au.AuditID
		m["user_version"], m["user_desc"], m["submit_audit_time"] = au.UserVersion, au.UserDesc, au.Submitted.Unix()
		return OK(m), nil
	}))
	s.HandleJSON("GET /wxa/undocodeaudit", s.onWxa(func(r *Request, a *wxaApp) (any, error) {
		au := a.pending()
		if au == nil {
			return nil, ErrCode(wxaCodeNoAudit)
		}
		au.Status = 3
		return nil, nil
	}))
	s.HandleJSON("POST /wxa/speedupaudit", s.onWxa(func(r *Request, a *wxaApp) (any, error) {
		var in struct {
			AuditID int64 `json:"auditid"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		if au := a.pending(); au == nil || au.AuditID != in.AuditID {
			return nil, ErrCode(wxaCodeInvalidAuditID)
		}
		return nil, nil
	}))
	s.HandleJSON("GET /wxa/queryquota", s.onWxa(func(r *Request, a *wxaApp) (any, error) {
		return OK(M{"rest": 20 - len(a.audits), "limit": 20, "speedup_rest": 1, "speedup_limit": 1}), nil
	}))
	s.HandleJSON("POST /wxa/release", s.onWxa(func(r *Request, a *wxaApp) (any, error) {
		if _, err := r.JSON(); err != nil {
			return nil, err
		}
		au := a.latest()
		switch {
		case au == nil || au.Released:
			return nil, ErrCode(wxaCodeNoAudit)
		case au.Status != 0:
			return nil, ErrCode(wxaCodeNotPassed)
		}
		au.Released = true
		if a.online != nil {
			a.history = append(a.history, *a.online)
		}
		v := *a.commit
		v.at = r.Now()
		a.online = &v
		return nil, nil
	}))
	s.HandleJSON("GET /wxa/revertcoderelease", s.onWxa(func(r *Request, a *wxaApp) (any, error) {
		if r.Query.Get("action") == "get_history_version" {
			list := []M{}
			for _, v := range a.history {
				list = append(list, M{"app_version": v.appVersion, "user_version": v.userVersion, "user_desc": v.userDesc, "commit_time": v.at.Unix()})
			}
			return OK(M{"version_list": list, "total_count": len(list)}), nil
		}
		if len(a.history) == 0 {
			return nil, ErrCode(wxaCodeNoOnline)
		}
		i := len(a.history) - 1
		if v := r.Query.Get("app_version"); v != "" {
			i = slices.IndexFunc(a.history, func(h wxaVersion) bool { return strconv.FormatInt(h.appVersion, 10) == v })
			if i < 0 {
				return nil, Errorf(CodeInvalidArgs, "invalid args: app_version")
			}
		}
		v := a.history[i]
		a.history = slices.Delete(a.history, i, i+1)
		a.online = &v
		return nil, nil
	}))
	s.HandleJSON("POST /wxa/grayrelease", s.onWxa(func(r *Request, a *wxaApp) (any, error) {
		var in struct {
			Percentage  int  `json:"gray_percentage"`
			Debuger     bool `json:"support_debuger"`
			Experiencer bool `json:"support_experiencer"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		if in.Percentage < 1 || in.Percentage > 100 {
			return nil, Errorf(CodeInvalidArgs, "invalid args: gray_percentage")
		}
		if au := a.latest(); au == nil || au.Status != 0 {
			return nil, ErrCode(wxaCodeNotPassed)
		}
		a.gray = M{"status": 1, "create_timestamp": r.Now().Unix(), "gray_percentage": in.Percentage,
			"support_experiencer_first": in.Experiencer, "support_debuger_first": in.Debuger}
		return nil, nil
	}))
	s.HandleJSON("GET /wxa/getgrayreleaseplan", s.onWxa(func(r *Request, a *wxaApp) (any, error) {
		plan := a.gray
		if plan == nil {
			plan = M{"status": 0, "create_timestamp": 0, "gray_percentage": 0, "support_experiencer_first": false, "support_debuger_first": false}
		}
		return OK(M{"gray_release_plan": plan}), nil
	}))
	s.HandleJSON("GET /wxa/revertgrayrelease", s.onWxa(func(r *Request, a *wxaApp) (any, error) {
		if a.gray == nil {
			return nil, Errorf(CodeInvalidArgs, "no gray release")
		}
		a.gray["status"] = 4
		return nil, nil
	}))
	s.HandleJSON("POST /wxa/change_visitstatus", s.onWxa(func(r *Request, a *wxaApp) (any, error) {
		var in struct {
			Action string `json:"action"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		switch in.Action {
		case "open":
			a.visit = 0
		case "close":
			a.visit = 1
		default:
			return nil, Errorf(CodeInvalidArgs, "invalid args: action")
		}
		return nil, nil
	}))
	s.HandleJSON("POST /wxa/getvisitstatus", s.onWxa(func(r *Request, a *wxaApp) (any, error) {
		return OK(M{"status": a.visit}), nil
	}))
	s.HandleJSON("POST /wxa/getversioninfo", s.onWxa(func(r *Request, a *wxaApp) (any, error) {
		m := M{}
		if c := a.commit; c != nil {
			m["exp_info"] = M{"exp_time": c.at.Unix(), "exp_version": c.userVersion, "exp_desc": c.userDesc}
		}
		if o := a.online; o != nil {
			m["release_info"] = M{"release_time": o.at.Unix(), "release_version": o.userVersion, "release_desc": o.userDesc}
		}
		return OK(m), nil
	}))
	s.HandleJSON("POST /cgi-bin/wxopen/getweappsupportversion", s.onWxa(func(r *Request, a *wxaApp) (any, error) {
		return OK(M{"now_version": a.support, "uv_info": M{"items": []M{{"percentage": 0, "version": "1.0.0"}, {"percentage": 100, "version": "2.30.0"}}}}), nil
	}))
	s.HandleJSON("POST /cgi-bin/wxopen/setweappsupportversion", s.onWxa(func(r *Request, a *wxaApp) (any, error) {
		var in struct {
			Version string `json:"version"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		if in.Version == "" {
			return nil, Errorf(CodeInvalidArgs, "invalid args: version")
		}
		a.support = in.Version
		return nil, nil
	}))
	for _, directly := range []bool{false, true} {
		path := "POST /wxa/modify_domain"
		if directly {
			path += "_directly"
		}
		s.HandleJSON(path, s.onWxa(func(r *Request, a *wxaApp) (any, error) {
			var in map[string]any
			if err := r.Decode(&in); err != nil {
				return nil, err
			}
			action, _ := in["action"].(string)
			if !slices.Contains([]string{"add", "delete", "set", "get"}, action) {
				return nil, Errorf(CodeInvalidArgs, "invalid args: action")
			}
			lists := map[string][]string{}
			for _, k := range wxaDomainKinds {
				raw, _ := in[k].([]any)
				for _, v := range raw {
					d, _ := v.(string)
					if !wxaDomainOK(k, d) {
						return nil, Errorf(CodeInvalidArgs, "invalid args: %s", k)
					}
					lists[k] = append(lists[k], d)
				}
			}
			out := M{}
			for _, k := range wxaDomainKinds {
				if action != "get" {
					a.domains[k] = applyDomains(action, a.domains[k], lists[k])
				}
				out[k] = append([]string{}, a.domains[k]...)
			}
			return OK(out), nil
		}))
		wpath := "POST /wxa/setwebviewdomain"
		if directly {
			wpath += "_directly"
		}
		s.HandleJSON(wpath, s.onWxa(func(r *Request, a *wxaApp) (any, error) {
			var in struct {
				Action  string   `json:"action"`
				Domains []string `json:"webviewdomain"`
			}
			if err := r.Decode(&in); err != nil {
				return nil, err
			}
			if in.Action == "" {
				in.Action = "get"
			}
			if !slices.Contains([]string{"add", "delete", "set", "get"}, in.Action) {
				return nil, Errorf(CodeInvalidArgs, "invalid args: action")
			}
			for _, d := range in.Domains {
				if !wxaDomainOK("webview", d) {
					return nil, Errorf(CodeInvalidArgs, "invalid args: webviewdomain")
				}
			}
			if in.Action != "get" {
				a.webview = applyDomains(in.Action, a.webview, in.Domains)
			}
			return OK(M{"webviewdomain": append([]string{}, a.webview...)}), nil
		}))
	}
	s.HandleJSON("POST /wxa/get_effective_domain", s.onWxa(func(r *Request, a *wxaApp) (any, error) {
		d := M{}
		for _, k := range wxaDomainKinds {
			d[k] = append([]string{}, a.domains[k]...)
		}
		empty := M{}
		return OK(M{"mp_domain": empty, "third_domain": d, "direct_domain": empty, "effective_domain": d}), nil
	}))
	s.HandleJSON("POST /wxa/bind_tester", s.onWxa(func(r *Request, a *wxaApp) (any, error) {
		var in struct {
			WechatID string `json:"wechatid"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		if in.WechatID == "" {
			return nil, ErrCode(wxaCodeNoTester)
		}
		if _, ok := a.testers[in.WechatID]; ok {
			return nil, ErrCode(wxaCodeTesterBound)
		}
		us := randHex(16)
		a.testers[in.WechatID] = us
		return OK(M{"userstr": us}), nil
	}))
	s.HandleJSON("POST /wxa/unbind_tester", s.onWxa(func(r *Request, a *wxaApp) (any, error) {
		var in struct {
			WechatID string `json:"wechatid"`
			UserStr  string `json:"userstr"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		for id, us := range a.testers {
			if (in.WechatID != "" && id == in.WechatID) || (in.UserStr != "" && us == in.UserStr) {
				delete(a.testers, id)
				return nil, nil
			}
		}
		return nil, ErrCode(wxaCodeNoTester)
	}))
	s.HandleJSON("POST /wxa/memberauth", s.onWxa(func(r *Request, a *wxaApp) (any, error) {
		var in struct {
			Action string `json:"action"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		if in.Action != "get_experiencer" {
			return nil, Errorf(CodeInvalidArgs, "invalid args: action")
		}
		list := []M{}
		for _, us := range a.testers {
			list = append(list, M{"userstr": us})
		}
		return OK(M{"members": list}), nil
	}))
	s.HandleJSON("POST /wxa/changewxasearchstatus", s.onWxa(func(r *Request, a *wxaApp) (any, error) {
		var in struct {
			Status *int `json:"status"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		if in.Status == nil || (*in.Status != 0 && *in.Status != 1) {
			return nil, Errorf(CodeInvalidArgs, "invalid args: status")
		}
		a.searchOff = *in.Status == 1
		return nil, nil
	}))
	s.HandleJSON("GET /wxa/getwxasearchstatus", s.onWxa(func(r *Request, a *wxaApp) (any, error) {
		st := 0
		if a.searchOff {
			st = 1
		}
		return OK(M{"status": st}), nil
	}))
}

func auditM(au *WxaAudit, shotKey string) M {
	m := M{"status": au.Status}
	if au.Status == 1 {
		m["reason"] = au.Reason
		m[shotKey] = ""
	}
	return m
}
