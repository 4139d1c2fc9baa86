package fakewechat

import (
	"crypto/sha256"
	"encoding/hex"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	"weak"
)

// Credentials of the third-party platform (component) every new Server knows
// unless WithoutDefaultApp is given. They are fakes: they only work against
// this package.
const (
	DefaultComponentAppID  = "wxc0a1b2c3d4e5f601"
	DefaultComponentSecret = "c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0"
)

// Lifetimes of the third-party platform credentials.
const (
	ComponentVerifyTicketTTL = 12 * time.Hour     // component_verify_ticket
	ComponentPreAuthCodeTTL  = 1800 * time.Second // pre_auth_code
	ComponentAuthCodeTTL     = 3600 * time.Second // authorization_code
)

// Errcodes of the third-party platform endpoints.
// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/ThirdParty/token/component_access_token.html
const (
	compCodeNotAuthorized   = 61003 // component is not authorized by this account
	compCodeTicketExpired   = 61005
	compCodeTicketInvalid   = 61006
	compCodeAuthCodeInvalid = 61009
	compCodeAuthCodeExpired = 61010
	compCodeInvalid         = 61011
	compCodeRefreshInvalid  = 61023
	compCodeUnauthorizedAPI = 48001
	openCodeAlreadyBound    = 89000
	openCodeNotExists       = 89002
	openCodeNotByAPI        = 89003
	openCodeBindLimit       = 89004
	compMaxListCount        = 500
	openMaxUnverifiedBinds  = 5
	openFuncSet             = 24 // 开放平台账号管理权限
)

// DefaultComponentFuncIDs are the permission sets (权限集) Authorize grants
// when none are given.
var DefaultComponentFuncIDs = []int{1, 2, 3, 4, 7, 11, 24}

func init() {
	for code, msg := range map[int]string{
		compCodeNotAuthorized: "component is not authorized by this account", compCodeTicketExpired: "component ticket is expired",
		compCodeTicketInvalid: "component ticket is invalid", compCodeAuthCodeInvalid: "code is invalid",
		compCodeAuthCodeExpired: "code is expired", compCodeInvalid: "invalid component",
		compCodeRefreshInvalid: "refresh_token is invalid", openCodeAlreadyBound: "account has bound open",
		openCodeNotExists: "open not exists", openCodeNotByAPI: "open is not created by api",
		openCodeBindLimit: "number of sub-accounts bound to open reach limit",
	} {
		stdMessages[code] = msg
	}
	builtin = append(builtin, registerComponent)
}

// componentRegs keeps the registered components of each live Server (they
// survive Reset, like apps); the entry goes with its Server.
var componentRegs sync.Map // weak.Pointer[Server] -> *componentReg

type componentReg struct {
	mu      sync.RWMutex
	secrets map[string]string
}

func (s *Server) componentReg() *componentReg {
	k := weak.Make(s)
	if v, ok := componentRegs.Load(k); ok {
		return v.(*componentReg)
	}
	v, loaded := componentRegs.LoadOrStore(k, &componentReg{secrets: map[string]string{}})
	if !loaded {
		runtime.AddCleanup(s, func(k weak.Pointer[Server]) { componentRegs.Delete(k) }, k)
	}
	return v.(*componentReg)
}

func (s *Server) componentSecret(appid string) (string, bool) {
	reg := s.componentReg()
	reg.mu.RLock()
	defer reg.mu.RUnlock()
	secret, ok := reg.secrets[appid]
	return secret, ok
}

// checkComponent validates component credentials: 41002 appid missing,
// 41004 appsecret missing, 40013 unknown component, 40125 wrong appsecret.
func (s *Server) checkComponent(appid, secret string) error {
	known, ok := s.componentSecret(appid)
	switch {
	case appid == "":
		return ErrCode(CodeAppIDMissing)
	case secret == "":
		return ErrCode(CodeSecretMissing)
	case !ok:
		return ErrCode(CodeInvalidAppID)
	case known != secret:
		return ErrCode(CodeInvalidSecret)
	}
	return nil
}

// AddComponent registers a third-party platform (or replaces its secret).
func (s *Server) AddComponent(appid, secret string) {
	reg := s.componentReg()
	reg.mu.Lock()
	defer reg.mu.Unlock()
	reg.secrets[appid] = secret
}

type compExpiring struct {
	component, authorizer string
	expires               time.Time
}

type compAuth struct {
	refresh  string
	funcs    []int
	authTime time.Time
	options  map[string]string
}

type openAccount struct {
	byAPI bool
	apps  []string
}

// compWorld is the dynamic third-party platform state, reset by Reset.
type compWorld struct {
	mu      sync.Mutex
	tickets map[string]compExpiring         // ticket -> component
	preAuth map[string]compExpiring         // pre_auth_code -> component
	codes   map[string]compExpiring         // authorization_code -> component, authorizer
	auths   map[string]map[string]*compAuth // component -> authorizer -> authorization
	open    map[string]*openAccount         // open appid -> account
	boundTo map[string]string               // appid -> open appid
}

func (s *Server) compWorld() *compWorld {
	return Value(s.State(""), "component.world", func() *compWorld {
		return &compWorld{
			tickets: map[string]compExpiring{}, preAuth: map[string]compExpiring{}, codes: map[string]compExpiring{},
			auths: map[string]map[string]*compAuth{}, open: map[string]*openAccount{}, boundTo: map[string]string{},
		}
	})
}

// PushVerifyTicket issues a component_verify_ticket for a registered
// component, as WeChat pushes one every 10 minutes, and returns it. It is
// accepted by api_component_token for ComponentVerifyTicketTTL; earlier
// tickets stay valid until they expire. It returns "" for an unknown component.
func (s *Server) PushVerifyTicket(componentAppID string) string {
	if _, ok := s.componentSecret(componentAppID); !ok {
		return ""
	}
	w := s.compWorld()
	t := "ticket@@@" + randToken(48)
	w.mu.Lock()
	defer w.mu.Unlock()
	w.tickets[t] = compExpiring{component: componentAppID, expires: s.Now().Add(ComponentVerifyTicketTTL)}
	return t
}

// Authorize simulates the administrator of authorizerAppID authorizing the
// component (scanning the authorization page) with the permission sets
// funcIDs (DefaultComponentFuncIDs if none), and returns the authorization
// code the platform receives. The authorizer app is registered (with a random
// secret) if it is not, so that the authorizer access tokens issued later
// work on every endpoint. A new authorization replaces the previous refresh
// token. It returns "" for an unknown component.
func (s *Server) Authorize(componentAppID, authorizerAppID string, funcIDs ...int) string {
	if _, ok := s.componentSecret(componentAppID); !ok || authorizerAppID == "" {
		return ""
	}
	s.creds.addAppIfAbsent(authorizerAppID, randToken(24))
	if len(funcIDs) == 0 {
		funcIDs = DefaultComponentFuncIDs
	}
	now := s.Now()
	w := s.compWorld()
	w.mu.Lock()
	defer w.mu.Unlock()
	m := w.auths[componentAppID]
	if m == nil {
		m = map[string]*compAuth{}
		w.auths[componentAppID] = m
	}
	a := m[authorizerAppID]
	if a == nil {
		a = &compAuth{options: map[string]string{"location_report": "0", "voice_recognize": "0", "customer_service": "0"}}
		m[authorizerAppID] = a
	}
	a.funcs = slices.Clone(funcIDs)
	a.authTime = now
	a.refresh = "refreshtoken@@@" + randToken(32)
	code := "queryauthcode@@@" + randToken(48)
	w.codes[code] = compExpiring{component: componentAppID, authorizer: authorizerAppID, expires: now.Add(ComponentAuthCodeTTL)}
	return code
}

// AuthorizeWithPreAuthCode is Authorize for the component that created
// preAuthCode, as when the administrator opens the authorization page built
// with it. It returns "" if the code is unknown, expired or already used
// (a pre-auth code serves one authorization).
func (s *Server) AuthorizeWithPreAuthCode(preAuthCode, authorizerAppID string, funcIDs ...int) string {
	w := s.compWorld()
	w.mu.Lock()
	p, ok := w.preAuth[preAuthCode]
	delete(w.preAuth, preAuthCode)
	w.mu.Unlock()
	if !ok || !s.Now().Before(p.expires) {
		return ""
	}
	return s.Authorize(p.component, authorizerAppID, funcIDs...)
}

// Unauthorize simulates the administrator revoking the authorization: the
// refresh token stops working. It reports whether there was an authorization.
func (s *Server) Unauthorize(componentAppID, authorizerAppID string) bool {
	w := s.compWorld()
	w.mu.Lock()
	defer w.mu.Unlock()
	if _, ok := w.auths[componentAppID][authorizerAppID]; !ok {
		return false
	}
	delete(w.auths[componentAppID], authorizerAppID)
	return true
}

// AuthorizerRefreshToken returns the current authorizer_refresh_token of an
// authorization, for tests.
func (s *Server) AuthorizerRefreshToken(componentAppID, authorizerAppID string) (string, bool) {
	w := s.compWorld()
	w.mu.Lock()
	defer w.mu.Unlock()
	a, ok := w.auths[componentAppID][authorizerAppID]
	if !ok {
		return "", false
	}
	return a.refresh, true
}

// issueComponentToken creates a component_access_token. It lives with the
// access tokens, so that ExpireTokens, InvalidateToken and Reset apply, and
// endpoints documented to take it as access_token (quota) accept it.
func (s *Server) issueComponentToken(appid string) (string, int) {
	now := s.Now()
	s.creds.mu.Lock()
	defer s.creds.mu.Unlock()
	return s.creds.newTokenLocked(appid, now, s.ttl), secondsLeft(now.Add(s.ttl), now)
}

// issueAuthorizerToken issues an authorizer_access_token exactly like GET
// /cgi-bin/token does for the app, so that every endpoint accepts it.
func (s *Server) issueAuthorizerToken(appid string) (string, int, error) {
	tok, err := s.IssueToken(appid)
	if err != nil {
		return "", 0, err
	}
	return tok, int(s.ttl / time.Second), nil
}

// componentRequest checks component_access_token and the body's
// component_appid, and returns the component appid.
func (s *Server) componentRequest(r *Request, in any, bodyAppID func() string) (string, error) {
	appid, terr := s.creds.check(r.Query.Get("component_access_token"), s.Now())
	if terr != nil {
		return "", terr
	}
	if _, ok := s.componentSecret(appid); !ok {
		return "", ErrCode(CodeInvalidCredential)
	}
	if err := r.Decode(in); err != nil {
		return "", err
	}
	switch body := bodyAppID(); {
	case body == "":
		return "", ErrCode(CodeAppIDMissing)
	case body != appid:
		return "", ErrCode(CodeInvalidAppID)
	}
	return appid, nil
}

// compAuthorizerReq is the body of the component endpoints about one authorization.
type compAuthorizerReq struct {
	AppID      string `json:"component_appid"`
	Authorizer string `json:"authorizer_appid"`
	Refresh    string `json:"authorizer_refresh_token"`
	Name       string `json:"option_name"`
	Value      string `json:"option_value"`
}

// onAuthorization handles a component endpoint about one authorization:
// the token, component_appid and authorizer_appid are checked, then fn runs
// with the state locked.
func (s *Server) onAuthorization(fn func(r *Request, in *compAuthorizerReq, a *compAuth) (any, error)) JSONHandler {
	return func(r *Request) (any, error) {
		var in compAuthorizerReq
		comp, err := s.componentRequest(r, &in, func() string { return in.AppID })
		if err != nil {
			return nil, err
		}
		w := s.compWorld()
		w.mu.Lock()
		defer w.mu.Unlock()
		a, err := w.authorization(comp, in.Authorizer)
		if err != nil {
			return nil, err
		}
		return fn(r, &in, a)
	}
}

// authorization returns the authorization of authorizer by component.
func (w *compWorld) authorization(component, authorizer string) (*compAuth, error) {
	if authorizer == "" {
		return nil, ErrCode(CodeAppIDMissing)
	}
	a, ok := w.auths[component][authorizer]
	if !ok {
		return nil, ErrCode(compCodeNotAuthorized)
	}
	return a, nil
}

func funcInfo(ids []int) []M {
	out := make([]M, len(ids))
	for i, id := range ids {
		out[i] = M{"funcscope_category": M{"id": id}}
	}
	return out
}

// authorizerInfo is a deterministic account description of appid.
func authorizerInfo(appid string) M {
	sum := sha256.Sum256([]byte(appid))
	h := hex.EncodeToString(sum[:])
	return M{
		"nick_name":         "Authorizer " + appid,
		"head_img":          "http://wx.qlogo.cn/mmopen/" + h[:32] + "/0",
		"service_type_info": M{"id": 2},
		"verify_type_info":  M{"id": 0},
		"user_name":         "gh_" + h[:12],
		"principal_name":    "Fake Principal Ltd.",
		"alias":             "",
		"qrcode_url":        "http://mmbiz.qpic.cn/mmbiz_jpg/" + h[32:] + "/0",
		"business_info":     M{"open_store": 0, "open_scan": 0, "open_pay": 1, "open_card": 0, "open_shake": 0},
		"account_status":    1,
		"signature":         "A fake account",
	}
}

var componentOptions = map[string][]string{
	"location_report":  {"0", "1", "2"},
	"voice_recognize":  {"0", "1"},
	"customer_service": {"0", "1"},
}

func registerComponent(s *Server) {
	if s.defaultApp {
		reg := s.componentReg()
		reg.mu.Lock()
		if _, ok := reg.secrets[DefaultComponentAppID]; !ok {
			reg.secrets[DefaultComponentAppID] = DefaultComponentSecret
		}
		reg.mu.Unlock()
	}

	// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/ThirdParty/token/component_access_token.html
	s.HandleJSON("POST /cgi-bin/component/api_component_token", func(r *Request) (any, error) {
		var in struct {
			AppID  string `json:"component_appid"`
			Secret string `json:"component_appsecret"`
			Ticket string `json:"component_verify_ticket"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		if err := s.checkComponent(in.AppID, in.Secret); err != nil {
			return nil, err
		}
		w := s.compWorld()
		w.mu.Lock()
		t, ok := w.tickets[in.Ticket]
		w.mu.Unlock()
		switch {
		case !ok || t.component != in.AppID:
			return nil, ErrCode(compCodeTicketInvalid)
		case !r.Now().Before(t.expires):
			return nil, ErrCode(compCodeTicketExpired)
		}
		tok, exp := s.issueComponentToken(in.AppID)
		return M{"component_access_token": tok, "expires_in": exp}, nil
	}, Public())

	// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/ThirdParty/token/pre_auth_code.html
	s.HandleJSON("POST /cgi-bin/component/api_create_preauthcode", func(r *Request) (any, error) {
		var in struct {
			AppID string `json:"component_appid"`
		}
		comp, err := s.componentRequest(r, &in, func() string { return in.AppID })
		if err != nil {
			return nil, err
		}
		code := "preauthcode@@@" + randToken(48)
		w := s.compWorld()
		w.mu.Lock()
		w.preAuth[code] = compExpiring{component: comp, expires: r.Now().Add(ComponentPreAuthCodeTTL)}
		w.mu.Unlock()
		return M{"pre_auth_code": code, "expires_in": int(ComponentPreAuthCodeTTL / time.Second)}, nil
	}, Public())

	// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/ThirdParty/token/authorization_info.html
	s.HandleJSON("POST /cgi-bin/component/api_query_auth", func(r *Request) (any, error) {
		var in struct {
			AppID string `json:"component_appid"`
			Code  string `json:"authorization_code"`
		}
		comp, err := s.componentRequest(r, &in, func() string { return in.AppID })
		if err != nil {
			return nil, err
		}
		w := s.compWorld()
		w.mu.Lock()
		c, ok := w.codes[in.Code]
		if ok && c.component == comp {
			delete(w.codes, in.Code) // single use
		}
		var a *compAuth
		if ok {
			a = w.auths[comp][c.authorizer]
		}
		var refresh string
		var funcs []int
		if a != nil {
			refresh, funcs = a.refresh, slices.Clone(a.funcs)
		}
		w.mu.Unlock()
		switch {
		case !ok || c.component != comp || a == nil:
			return nil, ErrCode(compCodeAuthCodeInvalid)
		case !r.Now().Before(c.expires):
			return nil, ErrCode(compCodeAuthCodeExpired)
		}
		tok, exp, ierr := s.issueAuthorizerToken(c.authorizer)
		if ierr != nil {
			return nil, ierr
		}
		return M{"authorization_info": M{
			"authorizer_appid": c.authorizer, "authorizer_access_token": tok, "expires_in": exp,
			"authorizer_refresh_token": refresh, "func_info": funcInfo(funcs),
		}}, nil
	}, Public())

	// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/ThirdParty/token/api_authorizer_token.html
	s.HandleJSON("POST /cgi-bin/component/api_authorizer_token", s.onAuthorization(func(r *Request, in *compAuthorizerReq, a *compAuth) (any, error) {
		if in.Refresh == "" || in.Refresh != a.refresh {
			return nil, ErrCode(compCodeRefreshInvalid)
		}
		a.refresh = "refreshtoken@@@" + randToken(32) // rotates on every refresh
		tok, exp, err := s.issueAuthorizerToken(in.Authorizer)
		if err != nil {
			return nil, err
		}
		return M{"authorizer_access_token": tok, "expires_in": exp, "authorizer_refresh_token": a.refresh}, nil
	}), Public())

	// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/ThirdParty/token/api_get_authorizer_info.html
	s.HandleJSON("POST /cgi-bin/component/api_get_authorizer_info", s.onAuthorization(func(r *Request, in *compAuthorizerReq, a *compAuth) (any, error) {
		return M{"authorizer_info": authorizerInfo(in.Authorizer), "authorization_info": M{
			"authorizer_appid": in.Authorizer, "authorizer_refresh_token": a.refresh, "func_info": funcInfo(a.funcs),
		}}, nil
	}), Public())

	// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/ThirdParty/Account_Authorization/api_get_authorizer_option.html
	s.HandleJSON("POST /cgi-bin/component/api_get_authorizer_option", s.onAuthorization(func(r *Request, in *compAuthorizerReq, a *compAuth) (any, error) {
		if _, ok := componentOptions[in.Name]; !ok {
			return nil, Errorf(CodeInvalidArgs, "invalid option_name")
		}
		return M{"authorizer_appid": in.Authorizer, "option_name": in.Name, "option_value": a.options[in.Name]}, nil
	}), Public())

	// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/ThirdParty/Account_Authorization/api_set_authorizer_option.html
	s.HandleJSON("POST /cgi-bin/component/api_set_authorizer_option", s.onAuthorization(func(r *Request, in *compAuthorizerReq, a *compAuth) (any, error) {
		values, ok := componentOptions[in.Name]
		if !ok {
			return nil, Errorf(CodeInvalidArgs, "invalid option_name")
		}
		if !slices.Contains(values, in.Value) {
			return nil, Errorf(CodeInvalidArgs, "invalid option_value")
		}
		a.options[in.Name] = in.Value
		return nil, nil
	}), Public())

	// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/ThirdParty/Account_Authorization/api_get_authorizer_list.html
	s.HandleJSON("POST /cgi-bin/component/api_get_authorizer_list", func(r *Request) (any, error) {
		var in struct {
			AppID  string `json:"component_appid"`
			Offset *int   `json:"offset"`
			Count  *int   `json:"count"`
		}
		comp, err := s.componentRequest(r, &in, func() string { return in.AppID })
		if err != nil {
			return nil, err
		}
		if in.Offset == nil || in.Count == nil || *in.Offset < 0 || *in.Count <= 0 || *in.Count > compMaxListCount {
			return nil, Errorf(CodeInvalidArgs, "invalid offset or count")
		}
		w := s.compWorld()
		w.mu.Lock()
		type item struct {
			appid, refresh string
			at             time.Time
		}
		items := make([]item, 0, len(w.auths[comp]))
		for appid, a := range w.auths[comp] {
			items = append(items, item{appid, a.refresh, a.authTime})
		}
		w.mu.Unlock()
		sort.Slice(items, func(i, j int) bool {
			if !items[i].at.Equal(items[j].at) {
				return items[i].at.Before(items[j].at)
			}
			return items[i].appid < items[j].appid
		})
		list := []M{}
		for i := *in.Offset; i < len(items) && len(list) < *in.Count; i++ {
			list = append(list, M{"authorizer_appid": items[i].appid, "refresh_token": items[i].refresh, "auth_time": items[i].at.Unix()})
		}
		return M{"total_count": len(items), "list": list}, nil
	}, Public())

	// Legacy 第三方平台对其所有API调用次数清零, with component_access_token.
	s.HandleJSON("POST /cgi-bin/component/clear_quota", func(r *Request) (any, error) {
		var in struct {
			AppID string `json:"component_appid"`
		}
		comp, err := s.componentRequest(r, &in, func() string { return in.AppID })
		if err != nil {
			return nil, err
		}
		return nil, s.clearComponentQuota(comp)
	}, Public())

	// https://developers.weixin.qq.com/doc/oplatform/openApi/openapi/api_componentclearquota_v2.html
	s.HandleJSON("POST /cgi-bin/component/clear_quota/v2", func(r *Request) (any, error) {
		var in struct {
			AppID     string `json:"appid"`
			Component string `json:"component_appid"`
			Secret    string `json:"appsecret"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		if err := s.checkComponent(in.Component, in.Secret); err != nil {
			return nil, err
		}
		target := in.Component
		if in.AppID != "" {
			w := s.compWorld()
			w.mu.Lock()
			_, aerr := w.authorization(in.Component, in.AppID)
			w.mu.Unlock()
			if aerr != nil {
				return nil, ErrCode(CodeInvalidAppID)
			}
			target = in.AppID
		}
		return nil, s.clearComponentQuota(target)
	}, Public())

	registerOpenAccount(s)
}

// clearComponentQuota counts one of the 10 monthly clears of appid.
func (s *Server) clearComponentQuota(appid string) error {
	q := s.oaQuota(appid)
	q.mu.Lock()
	defer q.mu.Unlock()
	if month := s.Now().Format("2006-01"); month != q.month {
		q.month, q.clears = month, 0
	}
	if q.clears >= oaMaxClearQuota {
		return ErrCode(oaCodeClearQuotaLimit)
	}
	q.clears++
	clear(q.base)
	for k, n := range s.Stats() {
		_, path, _ := strings.Cut(k, " ")
		q.base[path] += int(n)
	}
	return nil
}

// openFuncCheck answers 48001 when appid is an authorizer whose
// authorizations all lack the open account management permission set.
func (w *compWorld) openFuncCheck(appid string) error {
	authorized := false
	for _, m := range w.auths {
		if a, ok := m[appid]; ok {
			authorized = true
			if slices.Contains(a.funcs, openFuncSet) {
				return nil
			}
		}
	}
	if authorized {
		return ErrCode(compCodeUnauthorizedAPI)
	}
	return nil
}

// openReq is the body of the open/* endpoints.
type openReq struct {
	AppID string `json:"appid"`
	Open  string `json:"open_appid"`
}

// onOpen handles an open/* request: its optional appid must be the token's
// app; fn runs with the state locked.
func (s *Server) onOpen(fn func(r *Request, in *openReq, w *compWorld) (any, error)) JSONHandler {
	return func(r *Request) (any, error) {
		var in openReq
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		if in.AppID != "" && in.AppID != r.AppID {
			return nil, ErrCode(CodeInvalidAppID)
		}
		w := s.compWorld()
		w.mu.Lock()
		defer w.mu.Unlock()
		if err := w.openFuncCheck(r.AppID); err != nil {
			return nil, err
		}
		return fn(r, &in, w)
	}
}

func registerOpenAccount(s *Server) {
	// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/account/create.html
	s.HandleJSON("POST /cgi-bin/open/create", s.onOpen(func(r *Request, in *openReq, w *compWorld) (any, error) {
		if _, ok := w.boundTo[r.AppID]; ok {
			return nil, ErrCode(openCodeAlreadyBound)
		}
		open := "wxopen" + strconv.Itoa(len(w.open)+1) + randToken(6)
		w.open[open] = &openAccount{byAPI: true, apps: []string{r.AppID}}
		w.boundTo[r.AppID] = open
		return OK(M{"open_appid": open}), nil
	}))

	// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/account/bind.html
	s.HandleJSON("POST /cgi-bin/open/bind", s.onOpen(func(r *Request, in *openReq, w *compWorld) (any, error) {
		acct, ok := w.open[in.Open]
		switch {
		case !ok:
			return nil, ErrCode(CodeInvalidAppID)
		case w.boundTo[r.AppID] != "":
			return nil, ErrCode(openCodeAlreadyBound)
		case !acct.byAPI:
			return nil, ErrCode(openCodeNotByAPI)
		case len(acct.apps) >= openMaxUnverifiedBinds:
			return nil, ErrCode(openCodeBindLimit)
		}
		acct.apps = append(acct.apps, r.AppID)
		w.boundTo[r.AppID] = in.Open
		return nil, nil
	}))

	// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/account/unbind.html
	s.HandleJSON("POST /cgi-bin/open/unbind", s.onOpen(func(r *Request, in *openReq, w *compWorld) (any, error) {
		acct, ok := w.open[in.Open]
		switch {
		case !ok || w.boundTo[r.AppID] != in.Open:
			return nil, ErrCode(CodeInvalidAppID)
		case !acct.byAPI:
			return nil, ErrCode(openCodeNotByAPI)
		}
		acct.apps = slices.DeleteFunc(acct.apps, func(a string) bool { return a == r.AppID })
		delete(w.boundTo, r.AppID)
		return nil, nil
	}))

	// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/account/get.html
	s.HandleJSON("POST /cgi-bin/open/get", s.onOpen(func(r *Request, _ *openReq, w *compWorld) (any, error) {
		open, ok := w.boundTo[r.AppID]
		if !ok {
			return nil, ErrCode(openCodeNotExists)
		}
		return OK(M{"open_appid": open}), nil
	}))
}
