package fakewechat

import (
	"crypto/sha256"
	"encoding/hex"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"
	"weak"
)

// Credentials of the WeCom third-party suite and service provider every new
// Server knows unless WithoutDefaultApp is given (fakes, usable only here).
const (
	DefaultSuiteID          = "wwsuite0fake000001"
	DefaultSuiteSecret      = "suite-secret-5u17e5u17e5u17e5u17e5u17e"
	DefaultProviderCorpID   = "wwprovider0fake001"
	DefaultProviderSecret   = "provider-secret-9r0v9r0v9r0v9r0v9r0v9r0"
	DefaultSuiteAgentIDBase = 3000001 // agent id of the first corp that installs a suite
)

// Lifetimes of the suite credentials.
const (
	SuiteTicketTTL  = 30 * time.Minute // suite_ticket
	SuitePreAuthTTL = 20 * time.Minute // pre_auth_code
	SuiteAuthTTL    = 10 * time.Minute // auth_code of create_auth
)

// Errcodes of the suite and provider endpoints.
const (
	CodeSuiteTokenInvalid   = 40082 // invalid suite_access_token or provider_access_token
	CodeSuiteIDInvalid      = 40083 // invalid suite_id
	CodePermanentCodeBad    = 40084 // invalid permanent_code
	CodeSuiteTicketInvalid  = 40085 // invalid suite_ticket
	CodeAuthCodeInvalid     = 40078 // invalid auth_code (unknown, expired or used)
	CodeSuiteTokenExpired   = 42009 // suite_access_token expired
	CodePreAuthCodeInvalid  = 40086 // invalid pre_auth_code
	CodeSuiteNotAuthorized  = 84014 // the corp has not installed the suite
	CodeLicenseOrderBad     = 701008
	CodeLicenseCodeBad      = 701004
	CodeLicenseCodeUsed     = 701028
	CodeLicenseAccountCount = 701010
	CodeLicenseDuration     = 701012
)

func init() {
	for code, msg := range map[int]string{
		CodeSuiteTokenInvalid: "invalid suite_access_token or provider_access_token", CodeSuiteIDInvalid: "invalid suite_id",
		CodePermanentCodeBad: "invalid permanent_code", CodeSuiteTicketInvalid: "invalid suite ticket",
		CodeAuthCodeInvalid: "invalid auth_code", CodeSuiteTokenExpired: "suite_access_token expired",
		CodePreAuthCodeInvalid: "invalid pre_auth_code", CodeSuiteNotAuthorized: "corp not authorized to the suite",
		CodeLicenseOrderBad: "invalid order", CodeLicenseCodeBad: "invalid active_code", CodeLicenseCodeUsed: "active_code already used",
		CodeLicenseAccountCount: "invalid account_count", CodeLicenseDuration: "invalid account_duration",
	} {
		stdMessages[code] = msg
	}
	builtin = append(builtin, registerWorkSuite)
}

// suiteRegs keeps the registered suites and providers of each live Server
// (they survive Reset, like apps).
var suiteRegs sync.Map // weak.Pointer[Server] -> *suiteReg

type suiteReg struct {
	mu        sync.RWMutex
	suites    map[string]string // suite id -> secret
	providers map[string]string // corp id -> provider secret
}

func (s *Server) suiteReg() *suiteReg {
	k := weak.Make(s)
	if v, ok := suiteRegs.Load(k); ok {
		return v.(*suiteReg)
	}
	v, loaded := suiteRegs.LoadOrStore(k, &suiteReg{suites: map[string]string{}, providers: map[string]string{}})
	if !loaded {
		runtime.AddCleanup(s, func(k weak.Pointer[Server]) { suiteRegs.Delete(k) }, k)
	}
	return v.(*suiteReg)
}

// AddSuite registers a WeCom third-party suite (or replaces its secret).
func (s *Server) AddSuite(suiteID, secret string) {
	reg := s.suiteReg()
	reg.mu.Lock()
	defer reg.mu.Unlock()
	reg.suites[suiteID] = secret
}

// AddProvider registers a WeCom service provider (or replaces its secret).
func (s *Server) AddProvider(corpID, secret string) {
	reg := s.suiteReg()
	reg.mu.Lock()
	defer reg.mu.Unlock()
	reg.providers[corpID] = secret
}

func (s *Server) suiteSecret(id string) (string, bool) {
	reg := s.suiteReg()
	reg.mu.RLock()
	defer reg.mu.RUnlock()
	v, ok := reg.suites[id]
	return v, ok
}

func (s *Server) providerSecret(id string) (string, bool) {
	reg := s.suiteReg()
	reg.mu.RLock()
	defer reg.mu.RUnlock()
	v, ok := reg.providers[id]
	return v, ok
}

// suiteInstall is a corp's installation of a suite.
type suiteInstall struct {
	permanent string
	agentID   int64
	corpName  string
	admin     string
}

// suiteWorld is the dynamic suite state, reset by Reset.
type suiteWorld struct {
	mu       sync.Mutex
	tickets  map[string]compExpiring             // ticket -> suite (component field)
	preAuth  map[string]compExpiring             // pre_auth_code -> suite
	codes    map[string]compExpiring             // auth_code -> suite, corp (authorizer field)
	installs map[string]map[string]*suiteInstall // suite -> corp -> installation
	agents   map[[2]string]int64                 // suite, corp -> agent id (kept across reinstalls)
	nextID   int64                               // next agent id
	orders   map[string]*licOrder                // order_id -> order
	codesLic map[string]*licCode                 // active_code -> code
	auto     map[string]bool                     // corp -> auto active
	session  map[string]map[string]any           // pre_auth_code -> session_info
	ucodes   map[string]suiteUserCode            // one-time user codes and tickets
	syncs    map[string]*contactSync             // register_code -> address-book migration
	seq      int
}

type licOrder struct {
	ID, Provider, CorpID, Buyer string
	Type, Status                int // 1 new; 0 unpaid, 1 paid, 2 cancelled
	Base, External              int
	Months, Days                int
	Created, Paid               int64
	Codes                       []string
}

type licCode struct {
	Code, CorpID, Order, UserID       string
	Type, Status                      int // 1 not bound, 2 bound
	Created, Activated, Expires, Days int64
}

func (s *Server) suiteWorld() *suiteWorld {
	return Value(s.State(""), "worksuite.world", func() *suiteWorld {
		return &suiteWorld{
			tickets: map[string]compExpiring{}, preAuth: map[string]compExpiring{}, codes: map[string]compExpiring{},
			installs: map[string]map[string]*suiteInstall{}, agents: map[[2]string]int64{}, nextID: DefaultSuiteAgentIDBase,
			orders: map[string]*licOrder{}, codesLic: map[string]*licCode{}, auto: map[string]bool{}, session: map[string]map[string]any{},
		}
	})
}

// PushSuiteTicket issues a suite_ticket for a registered suite, as WeCom
// pushes one every ten minutes, and returns it ("" for an unknown suite).
// get_suite_token accepts it for SuiteTicketTTL.
func (s *Server) PushSuiteTicket(suiteID string) string {
	if _, ok := s.suiteSecret(suiteID); !ok {
		return ""
	}
	w := s.suiteWorld()
	t := "suiteticket@" + randToken(32)
	w.mu.Lock()
	defer w.mu.Unlock()
	w.tickets[t] = compExpiring{component: suiteID, expires: s.Now().Add(SuiteTicketTTL)}
	return t
}

// InstallSuite simulates the administrator of corpID installing the suite
// and returns the auth_code of the create_auth push (valid SuiteAuthTTL,
// once). The corp gets an agent id for the suite (the same on reinstall)
// whose tokens, issued by get_corp_token, work on every WeCom endpoint of
// the fake for that corp only. A reinstall replaces the permanent code.
// It returns "" for an unknown suite.
func (s *Server) InstallSuite(suiteID, corpID string) string {
	if _, ok := s.suiteSecret(suiteID); !ok || corpID == "" {
		return ""
	}
	w := s.suiteWorld()
	w.mu.Lock()
	id, ok := w.agents[[2]string{suiteID, corpID}]
	if !ok {
		id = w.nextID
		w.nextID++
		w.agents[[2]string{suiteID, corpID}] = id
	}
	w.mu.Unlock()
	if !ok {
		s.AddWeComAgent(corpID, id, "suiteagent-"+randToken(24))
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	m := w.installs[suiteID]
	if m == nil {
		m = map[string]*suiteInstall{}
		w.installs[suiteID] = m
	}
	m[corpID] = &suiteInstall{permanent: "permanent@" + randToken(32), agentID: id, corpName: "corp " + corpID, admin: WeComSeedUser1}
	code := "authcode@" + randToken(48) // 64 to 512 bytes, as documented
	w.codes[code] = compExpiring{component: suiteID, authorizer: corpID, expires: s.Now().Add(SuiteAuthTTL)}
	return code
}

// UninstallSuite simulates cancel_auth: the permanent code stops working.
// It reports whether the corp had installed the suite.
func (s *Server) UninstallSuite(suiteID, corpID string) bool {
	w := s.suiteWorld()
	w.mu.Lock()
	defer w.mu.Unlock()
	if _, ok := w.installs[suiteID][corpID]; !ok {
		return false
	}
	delete(w.installs[suiteID], corpID)
	return true
}

// PermanentCode returns the current permanent code of an installation.
func (s *Server) PermanentCode(suiteID, corpID string) (string, bool) {
	w := s.suiteWorld()
	w.mu.Lock()
	defer w.mu.Unlock()
	in, ok := w.installs[suiteID][corpID]
	if !ok {
		return "", false
	}
	return in.permanent, true
}

// SuiteAgentID returns the agent id of the suite in corpID (0 if never installed).
func (s *Server) SuiteAgentID(suiteID, corpID string) int64 {
	w := s.suiteWorld()
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.agents[[2]string{suiteID, corpID}]
}

// issuePrefixed issues a token for the pseudo app prefix+id.
func (s *Server) issuePrefixed(id string) (string, int) {
	now := s.Now()
	s.creds.mu.Lock()
	defer s.creds.mu.Unlock()
	return s.creds.newTokenLocked(id, now, s.ttl), secondsLeft(now.Add(s.ttl), now)
}

// prefixedToken checks a suite or provider token in query parameter
// param: 41001 missing, 40082 unknown or of another kind, 42009 expired.
func (s *Server) prefixedToken(r *Request, param, prefix string) (string, error) {
	tok := r.Query.Get(param)
	if tok == "" {
		return "", ErrCode(CodeTokenMissing)
	}
	id, err := s.creds.check(tok, s.Now())
	switch {
	case err != nil && err.Code == CodeTokenExpired:
		return "", ErrCode(CodeSuiteTokenExpired)
	case err != nil || !strings.HasPrefix(id, prefix):
		return "", ErrCode(CodeSuiteTokenInvalid)
	}
	return strings.TrimPrefix(id, prefix), nil
}

const (
	suitePrefix    = "suite:"
	providerPrefix = "provider:"
)

// onSuite handles a suite endpoint: suite_access_token checked, body decoded
// into in (POST), fn run with the world locked.
func onSuite[T any](s *Server, fn func(r *Request, suite string, in *T, w *suiteWorld) (any, error)) JSONHandler {
	return onToken(s, "suite_access_token", suitePrefix, fn)
}

// onProvider is onSuite for provider endpoints (provider_access_token).
func onProvider[T any](s *Server, fn func(r *Request, provider string, in *T, w *suiteWorld) (any, error)) JSONHandler {
	return onToken(s, "provider_access_token", providerPrefix, fn)
}

func onToken[T any](s *Server, param, prefix string, fn func(r *Request, id string, in *T, w *suiteWorld) (any, error)) JSONHandler {
	return func(r *Request) (any, error) {
		id, err := s.prefixedToken(r, param, prefix)
		if err != nil {
			return nil, err
		}
		in := new(T)
		if r.HTTP.Method == "POST" {
			if err := r.Decode(in); err != nil {
				return nil, err
			}
		}
		w := s.suiteWorld()
		w.mu.Lock()
		defer w.mu.Unlock()
		return fn(r, id, in, w)
	}
}

type suiteCorpReq struct {
	AuthCorpID    string `json:"auth_corpid"`
	PermanentCode string `json:"permanent_code"`
	AgentID       int64  `json:"agentid"`
}

// install checks auth_corpid and permanent_code.
func (w *suiteWorld) install(suite string, in *suiteCorpReq) (*suiteInstall, error) {
	if in.AuthCorpID == "" {
		return nil, ErrCode(CodeWeComInvalidCorpID)
	}
	a, ok := w.installs[suite][in.AuthCorpID]
	switch {
	case !ok:
		return nil, ErrCode(CodeSuiteNotAuthorized)
	case in.PermanentCode != a.permanent:
		return nil, ErrCode(CodePermanentCodeBad)
	}
	return a, nil
}

func suiteAuthInfo(corp string, a *suiteInstall) M {
	return M{
		"auth_corp_info": M{"corpid": corp, "corp_name": a.corpName, "corp_type": "verified", "corp_user_max": 50,
			"corp_full_name": a.corpName + " Ltd.", "subject_type": 1, "corp_scale": "1-50人"},
		"auth_info": M{"agent": []M{{"agentid": a.agentID, "name": "suite app", "appid": 1, "auth_mode": 0,
			"privilege": M{"level": 1, "allow_party": []int{1}, "allow_user": []string{}, "allow_tag": []int{},
				"extra_party": []int{}, "extra_user": []string{}, "extra_tag": []int{}}}}},
	}
}

func openID(prefix, id string) string {
	h := sha256.Sum256([]byte(prefix + id))
	return prefix + hex.EncodeToString(h[:12])
}

func registerWorkSuite(s *Server) {
	if s.defaultApp {
		reg := s.suiteReg()
		reg.mu.Lock()
		if _, ok := reg.suites[DefaultSuiteID]; !ok {
			reg.suites[DefaultSuiteID] = DefaultSuiteSecret
		}
		if _, ok := reg.providers[DefaultProviderCorpID]; !ok {
			reg.providers[DefaultProviderCorpID] = DefaultProviderSecret
		}
		reg.mu.Unlock()
	}

	// https://developer.work.weixin.qq.com/document/path/90600
	s.HandleJSON(WeComPath("POST /cgi-bin/service/get_suite_token"), func(r *Request) (any, error) {
		var in struct {
			SuiteID     string `json:"suite_id"`
			SuiteSecret string `json:"suite_secret"`
			SuiteTicket string `json:"suite_ticket"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		secret, ok := s.suiteSecret(in.SuiteID)
		switch {
		case !ok:
			return nil, ErrCode(CodeSuiteIDInvalid)
		case in.SuiteSecret == "" || secret != in.SuiteSecret:
			return nil, ErrCode(CodeWeComInvalidSecret)
		}
		w := s.suiteWorld()
		w.mu.Lock()
		t, ok := w.tickets[in.SuiteTicket]
		w.mu.Unlock()
		if !ok || t.component != in.SuiteID || !r.Now().Before(t.expires) {
			return nil, ErrCode(CodeSuiteTicketInvalid)
		}
		tok, exp := s.issuePrefixed(suitePrefix + in.SuiteID)
		return OK(M{"suite_access_token": tok, "expires_in": exp}), nil
	}, Public())

	// https://developer.work.weixin.qq.com/document/path/90601
	s.HandleJSON(WeComPath("GET /cgi-bin/service/get_pre_auth_code"), onSuite(s, func(r *Request, suite string, _ *struct{}, w *suiteWorld) (any, error) {
		code := "preauth@" + randToken(24)
		w.preAuth[code] = compExpiring{component: suite, expires: r.Now().Add(SuitePreAuthTTL)}
		return OK(M{"pre_auth_code": code, "expires_in": int(SuitePreAuthTTL / time.Second)}), nil
	}), Public())

	// https://developer.work.weixin.qq.com/document/path/90602
	s.HandleJSON(WeComPath("POST /cgi-bin/service/set_session_info"), onSuite(s, func(r *Request, suite string, in *struct {
		PreAuthCode string         `json:"pre_auth_code"`
		SessionInfo map[string]any `json:"session_info"`
	}, w *suiteWorld) (any, error) {
		p, ok := w.preAuth[in.PreAuthCode]
		if !ok || p.component != suite || !r.Now().Before(p.expires) {
			return nil, ErrCode(CodePreAuthCodeInvalid)
		}
		if in.SessionInfo == nil {
			return nil, ErrCode(CodeInvalidArgs)
		}
		if at, ok := in.SessionInfo["auth_type"].(float64); ok && at != 0 && at != 1 {
			return nil, ErrCode(CodeInvalidArgs)
		}
		w.session[in.PreAuthCode] = in.SessionInfo
		return OK(nil), nil
	}), Public())

	// https://developer.work.weixin.qq.com/document/path/90603
	// https://developer.work.weixin.qq.com/document/path/100776
	for _, v2 := range []bool{false, true} {
		path := "POST /cgi-bin/service/get_permanent_code"
		if v2 {
			path = "POST /cgi-bin/service/v2/get_permanent_code"
		}
		s.HandleJSON(WeComPath(path), onSuite(s, func(r *Request, suite string, in *struct {
			AuthCode string `json:"auth_code"`
		}, w *suiteWorld) (any, error) {
			c, ok := w.codes[in.AuthCode]
			delete(w.codes, in.AuthCode) // once
			if !ok || c.component != suite || !r.Now().Before(c.expires) || len(in.AuthCode) < 64 || len(in.AuthCode) > 512 {
				return nil, ErrCode(CodeAuthCodeInvalid)
			}
			a, ok := w.installs[suite][c.authorizer]
			if !ok {
				return nil, ErrCode(CodeSuiteNotAuthorized)
			}
			user := M{"userid": a.admin, "open_userid": openID("wo", c.authorizer+a.admin), "name": a.admin, "avatar": "http://wework.qpic.cn/fake/0"}
			if v2 {
				return OK(M{"permanent_code": a.permanent, "auth_corp_info": M{"corpid": c.authorizer, "corp_name": a.corpName}, "auth_user_info": user}), nil
			}
			out := suiteAuthInfo(c.authorizer, a)
			out["permanent_code"] = a.permanent
			out["auth_user_info"] = user
			tok, exp, err := s.stableToken(WeComAppID(c.authorizer, a.agentID), s.appSecret(WeComAppID(c.authorizer, a.agentID)), false)
			if err != nil {
				return nil, err
			}
			out["access_token"], out["expires_in"] = tok, exp
			return OK(out), nil
		}), Public())
	}

	// https://developer.work.weixin.qq.com/document/path/90604
	s.HandleJSON(WeComPath("POST /cgi-bin/service/get_auth_info"), onSuite(s, func(r *Request, suite string, in *suiteCorpReq, w *suiteWorld) (any, error) {
		a, err := w.install(suite, in)
		if err != nil {
			return nil, err
		}
		return OK(suiteAuthInfo(in.AuthCorpID, a)), nil
	}), Public())

	// https://developer.work.weixin.qq.com/document/path/90605
	// The corp token is the token of the suite's agent in the corp: the
	// same until it expires or is invalidated, like gettoken.
	s.HandleJSON(WeComPath("POST /cgi-bin/service/get_corp_token"), onSuite(s, func(r *Request, suite string, in *suiteCorpReq, w *suiteWorld) (any, error) {
		a, err := w.install(suite, in)
		if err != nil {
			return nil, err
		}
		id := WeComAppID(in.AuthCorpID, a.agentID)
		tok, exp, terr := s.stableToken(id, s.appSecret(id), false)
		if terr != nil {
			return nil, terr
		}
		return OK(M{"access_token": tok, "expires_in": exp}), nil
	}), Public())

	// https://developer.work.weixin.qq.com/document/path/90606
	s.HandleJSON(WeComPath("POST /cgi-bin/service/get_admin_list"), onSuite(s, func(r *Request, suite string, in *suiteCorpReq, w *suiteWorld) (any, error) {
		if in.AuthCorpID == "" {
			return nil, ErrCode(CodeWeComInvalidCorpID)
		}
		a, ok := w.installs[suite][in.AuthCorpID]
		switch {
		case !ok:
			return nil, ErrCode(CodeSuiteNotAuthorized)
		case in.AgentID != a.agentID:
			return nil, ErrCode(CodeWeComInvalidAgentID)
		}
		return OK(M{"admin": []M{{"userid": a.admin, "open_userid": openID("wo", in.AuthCorpID+a.admin), "auth_type": 1}}}), nil
	}), Public())

	// https://developer.work.weixin.qq.com/document/path/95430
	s.HandleJSON(WeComPath("POST /cgi-bin/service/get_app_qrcode"), onSuite(s, func(r *Request, suite string, in *struct {
		SuiteID    string `json:"suite_id"`
		State      string `json:"state"`
		Style      int    `json:"style"`
		ResultType int    `json:"result_type"`
	}, w *suiteWorld) (any, error) {
		switch {
		case in.SuiteID != suite:
			return nil, ErrCode(CodeSuiteIDInvalid)
		case in.Style < 0 || in.Style > 4 || len(in.State) > 32:
			return nil, ErrCode(CodeInvalidArgs)
		case in.ResultType != 2:
			return nil, Errorf(CodeInvalidArgs, "the fake only answers result_type 2 (URL)")
		}
		return OK(M{"qrcode": "https://open.work.weixin.qq.com/fake/qrcode/" + suite + "?state=" + in.State}), nil
	}), Public())

	// https://developer.work.weixin.qq.com/document/path/91200
	s.HandleJSON(WeComPath("POST /cgi-bin/service/get_provider_token"), func(r *Request) (any, error) {
		var in struct {
			CorpID         string `json:"corpid"`
			ProviderSecret string `json:"provider_secret"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		secret, ok := s.providerSecret(in.CorpID)
		switch {
		case !ok:
			return nil, ErrCode(CodeWeComInvalidCorpID)
		case in.ProviderSecret == "" || secret != in.ProviderSecret:
			return nil, ErrCode(CodeWeComInvalidSecret)
		}
		tok, exp := s.issuePrefixed(providerPrefix + in.CorpID)
		return OK(M{"provider_access_token": tok, "expires_in": exp}), nil
	}, Public())

	// https://developer.work.weixin.qq.com/document/path/95604
	s.HandleJSON(WeComPath("POST /cgi-bin/service/corpid_to_opencorpid"), onProvider(s, func(r *Request, p string, in *struct {
		CorpID string `json:"corpid"`
	}, w *suiteWorld) (any, error) {
		if in.CorpID == "" {
			return nil, ErrCode(CodeWeComInvalidCorpID)
		}
		return OK(M{"open_corpid": openID("wpc", p+"/"+in.CorpID)}), nil
	}), Public())

	// https://developer.work.weixin.qq.com/document/path/95823
	s.HandleJSON(WeComPath("POST /cgi-bin/service/get_customized_auth_url"), onProvider(s, func(r *Request, p string, in *struct {
		State          string   `json:"state"`
		TemplateIDList []string `json:"templateid_list"`
	}, w *suiteWorld) (any, error) {
		if len(in.TemplateIDList) == 0 || len(in.State) > 32 {
			return nil, ErrCode(CodeInvalidArgs)
		}
		return OK(M{"qrcode_url": "https://open.work.weixin.qq.com/fake/customized?templates=" + strings.Join(in.TemplateIDList, ","), "expires_in": 86400}), nil
	}), Public())

	registerLicense(s)
	registerWorkSuiteMore(s)
	registerSuiteMigration(s)
	registerSuiteContactSync(s)
}

// appSecret returns the secret of a registered app ("" if none).
func (s *Server) appSecret(appid string) string {
	s.creds.mu.RLock()
	defer s.creds.mu.RUnlock()
	if a := s.creds.apps[appid]; a != nil {
		return a.secret
	}
	return ""
}

// sortedKeys returns the keys of m in order.
func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
