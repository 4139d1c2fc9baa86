package fakewechat

import "sync"

// Component-token endpoints of mini program registration and web
// authorization on behalf of official accounts:
//
//   - POST /cgi-bin/component/fastregisterweapp?action=create|search and
//     /wxa/component/fastregisterpersonalweapp?action=create|query check
//     component_access_token and the documented required fields (40097
//     "invalid args: NAME"); create answers a task (personal) or ok
//     (enterprise, whose result WeChat pushes later);
//   - POST /cgi-bin/component/api_start_push_ticket checks component_appid
//     and component_secret and issues a ticket (PushVerifyTicket);
//   - GET /sns/oauth2/component/access_token exchanges a code issued by
//     ComponentOAuthCode for the official account appid authorized by the
//     component (40029 for an unknown or used code, 61003 when the account
//     did not authorize the component); /sns/oauth2/component/refresh_token
//     takes the refresh_token it returned (40030 otherwise).
func init() { builtin = append(builtin, registerComponentOAuth) }

// codeInvalidOAuthCode is the errcode of an unknown or used code (40029).
const codeInvalidOAuthCode = CodeMPInvalidCode

type compOAuth struct {
	mu      sync.Mutex
	codes   map[string][2]string // code -> appid, openid
	refresh map[string][2]string // refresh_token -> appid, openid
}

func (s *Server) compOAuth() *compOAuth {
	return Value(s.State(""), "component.oauth", func() *compOAuth {
		return &compOAuth{codes: map[string][2]string{}, refresh: map[string][2]string{}}
	})
}

// ComponentOAuthCode simulates the user openid of the official account
// appid accepting the web authorization page, and returns the code
// WeChat adds to the redirect.
func (s *Server) ComponentOAuthCode(appid, openid string) string {
	o := s.compOAuth()
	code := "oauthcode" + randToken(24)
	o.mu.Lock()
	defer o.mu.Unlock()
	o.codes[code] = [2]string{appid, openid}
	return code
}

// componentQuery checks component_access_token and component_appid of a
// query-only request and returns the component appid.
func (s *Server) componentQuery(r *Request) (string, error) {
	appid, terr := s.creds.check(r.Query.Get("component_access_token"), s.Now())
	if terr != nil {
		return "", terr
	}
	if _, ok := s.componentSecret(appid); !ok {
		return "", ErrCode(CodeInvalidCredential)
	}
	if q := r.Query.Get("component_appid"); q != "" && q != appid {
		return "", ErrCode(CodeInvalidAppID)
	}
	return appid, nil
}

func registerComponentOAuth(s *Server) {
	required := func(in M, keys ...string) error {
		for _, k := range keys {
			if v, ok := in[k]; !ok || v == nil || v == "" {
				return Errorf(CodeInvalidArgs, "invalid args: %s", k)
			}
		}
		return nil
	}
	s.HandleJSON("POST /cgi-bin/component/fastregisterweapp", func(r *Request) (any, error) {
		if _, err := s.componentQuery(r); err != nil {
			return nil, err
		}
		in, err := r.JSON()
		if err != nil {
			return nil, err
		}
		switch r.Query.Get("action") {
		case "create":
			return nil, required(in, "name", "code", "code_type", "legal_persona_wechat", "legal_persona_name")
		case "search":
			return nil, required(in, "name", "legal_persona_wechat", "legal_persona_name")
		}
		return nil, Errorf(CodeInvalidArgs, "invalid args: action")
	}, Public())
	s.HandleJSON("POST /wxa/component/fastregisterpersonalweapp", func(r *Request) (any, error) {
		if _, err := s.componentQuery(r); err != nil {
			return nil, err
		}
		in, err := r.JSON()
		if err != nil {
			return nil, err
		}
		switch r.Query.Get("action") {
		case "create":
			if err := required(in, "idname", "wxuser"); err != nil {
				return nil, err
			}
			return OK(M{"taskid": "wxtask" + randHex(8), "authorize_url": "https://mp.weixin.qq.com/fake/personal", "status": 0}), nil
		case "query":
			if err := required(in, "taskid"); err != nil {
				return nil, err
			}
			return OK(M{"taskid": in["taskid"], "authorize_url": "https://mp.weixin.qq.com/fake/personal", "status": 0}), nil
		}
		return nil, Errorf(CodeInvalidArgs, "invalid args: action")
	}, Public())
	s.HandleJSON("POST /cgi-bin/component/api_start_push_ticket", func(r *Request) (any, error) {
		var in struct {
			AppID  string `json:"component_appid"`
			Secret string `json:"component_secret"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		if err := s.checkComponent(in.AppID, in.Secret); err != nil {
			return nil, err
		}
		s.PushVerifyTicket(in.AppID)
		return nil, nil
	}, Public())
	oauth := func(refresh bool) JSONHandler {
		return func(r *Request) (any, error) {
			comp, err := s.componentQuery(r)
			if err != nil {
				return nil, err
			}
			appid := r.Query.Get("appid")
			if appid == "" {
				return nil, ErrCode(CodeAppIDMissing)
			}
			w := s.compWorld()
			w.mu.Lock()
			_, authorized := w.auths[comp][appid]
			w.mu.Unlock()
			if !authorized {
				return nil, ErrCode(compCodeNotAuthorized)
			}
			o := s.compOAuth()
			o.mu.Lock()
			defer o.mu.Unlock()
			var who [2]string
			var ok bool
			if refresh {
				if r.Query.Get("grant_type") != "refresh_token" {
					return nil, ErrCode(CodeInvalidGrantType)
				}
				who, ok = o.refresh[r.Query.Get("refresh_token")]
				if !ok || who[0] != appid {
					return nil, ErrCode(CodeInvalidRefreshToken)
				}
			} else {
				if r.Query.Get("grant_type") != "authorization_code" {
					return nil, ErrCode(CodeInvalidGrantType)
				}
				code := r.Query.Get("code")
				who, ok = o.codes[code]
				if !ok || who[0] != appid {
					return nil, ErrCode(codeInvalidOAuthCode)
				}
				delete(o.codes, code)
			}
			rt := "refresh" + randToken(32)
			o.refresh[rt] = who
			return M{"access_token": "oauth" + randToken(32), "expires_in": 7200, "refresh_token": rt, "openid": who[1], "scope": "snsapi_userinfo"}, nil
		}
	}
	s.HandleJSON("GET /sns/oauth2/component/access_token", oauth(false), Public())
	s.HandleJSON("GET /sns/oauth2/component/refresh_token", oauth(true), Public())
}
