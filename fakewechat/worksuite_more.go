package fakewechat

import (
	"time"
)

// One-time codes of suite users (web login, mini program login, provider
// login): code -> suite or provider, corp, user.
type suiteUserCode struct {
	owner, corp, user string
	expires           time.Time
}

func (w *suiteWorld) userCodes() map[string]suiteUserCode {
	if w.ucodes == nil {
		w.ucodes = map[string]suiteUserCode{}
	}
	return w.ucodes
}

// suiteUserCode issues a one-time code (valid 5 minutes) for user of corp.
func (s *Server) suiteUserCode(kind, owner, corp, user string) string {
	w := s.suiteWorld()
	w.mu.Lock()
	defer w.mu.Unlock()
	code := kind + "@" + randToken(24)
	w.userCodes()[code] = suiteUserCode{owner: owner, corp: corp, user: user, expires: s.Now().Add(5 * time.Minute)}
	return code
}

// takeCode consumes a one-time code of owner.
func (w *suiteWorld) takeCode(now time.Time, code, owner string) (suiteUserCode, bool) {
	c, ok := w.userCodes()[code]
	delete(w.userCodes(), code)
	return c, ok && c.owner == owner && now.Before(c.expires)
}

// SuiteOAuthCode returns the code of the suite's web login redirect for
// member userID of corpID (getuserinfo3rd, once, 5 minutes).
func (s *Server) SuiteOAuthCode(suiteID, corpID, userID string) string {
	return s.suiteUserCode("oauth", suitePrefix+suiteID, corpID, userID)
}

// SuiteJSCode returns the wx.qy.login code of the suite's mini program for
// member userID of corpID (jscode2session, once, 5 minutes).
func (s *Server) SuiteJSCode(suiteID, corpID, userID string) string {
	return s.suiteUserCode("js", suitePrefix+suiteID, corpID, userID)
}

// ProviderLoginCode returns the auth_code of the provider's website login
// for member userID (an administrator) of corpID (get_login_info, once).
func (s *Server) ProviderLoginCode(providerCorpID, corpID, userID string) string {
	return s.suiteUserCode("login", providerPrefix+providerCorpID, corpID, userID)
}

func registerWorkSuiteMore(s *Server) {
	// https://developer.work.weixin.qq.com/document/path/91121
	s.HandleJSON(WeComPath("GET /cgi-bin/service/auth/getuserinfo3rd"), onSuite(s, func(r *Request, suite string, _ *struct{}, w *suiteWorld) (any, error) {
		c, ok := w.takeCode(r.Now(), r.Query.Get("code"), suitePrefix+suite)
		if !ok {
			return nil, ErrCode(CodeWeComInvalidCode)
		}
		ticket := "ticket@" + randToken(24)
		w.userCodes()[ticket] = suiteUserCode{owner: suitePrefix + suite, corp: c.corp, user: c.user, expires: r.Now().Add(30 * time.Minute)}
		return OK(M{"corpid": c.corp, "userid": c.user, "user_ticket": ticket, "expires_in": 1800,
			"open_userid": openID("wo", c.corp+c.user)}), nil
	}), Public())

	// https://developer.work.weixin.qq.com/document/path/91122
	s.HandleJSON(WeComPath("POST /cgi-bin/service/auth/getuserdetail3rd"), onSuite(s, func(r *Request, suite string, in *struct {
		UserTicket string `json:"user_ticket"`
	}, w *suiteWorld) (any, error) {
		c, ok := w.userCodes()[in.UserTicket]
		if !ok || c.owner != suitePrefix+suite || !r.Now().Before(c.expires) {
			return nil, ErrCode(CodeWeComInvalidCode)
		}
		return OK(M{"corpid": c.corp, "userid": c.user, "gender": "1", "avatar": "http://wework.qpic.cn/fake/0",
			"qr_code": "https://open.work.weixin.qq.com/fake/qr", "mobile": "13800000001", "email": c.user + "@example.com",
			"biz_mail": c.user + "@corp.example.com", "address": ""}), nil
	}), Public())

	// https://developer.work.weixin.qq.com/document/path/92423
	s.HandleJSON(WeComPath("GET /cgi-bin/service/miniprogram/jscode2session"), onSuite(s, func(r *Request, suite string, _ *struct{}, w *suiteWorld) (any, error) {
		if r.Query.Get("grant_type") != "authorization_code" {
			return nil, ErrCode(CodeInvalidArgs)
		}
		c, ok := w.takeCode(r.Now(), r.Query.Get("js_code"), suitePrefix+suite)
		if !ok {
			return nil, ErrCode(CodeWeComInvalidCode)
		}
		return OK(M{"corpid": c.corp, "userid": c.user, "session_key": randToken(16), "open_userid": openID("wo", c.corp+c.user)}), nil
	}), Public())

	// https://developer.work.weixin.qq.com/document/path/91125
	// get_login_info takes the provider token as access_token.
	s.HandleJSON(WeComPath("POST /cgi-bin/service/get_login_info"), func(r *Request) (any, error) {
		r.Query.Set("provider_access_token", r.Query.Get("access_token"))
		return onProvider(s, func(r *Request, p string, in *struct {
			AuthCode string `json:"auth_code"`
		}, w *suiteWorld) (any, error) {
			c, ok := w.takeCode(r.Now(), in.AuthCode, providerPrefix+p)
			if !ok {
				return nil, ErrCode(CodeAuthCodeInvalid)
			}
			return OK(M{"usertype": 1, "user_info": M{"userid": c.user, "open_userid": openID("wo", c.corp+c.user), "name": c.user, "avatar": ""},
				"corp_info": M{"corpid": c.corp}, "agent": []M{}, "auth_info": M{"department": []M{}}}), nil
		})(r)
	}, Public())

	// https://developer.work.weixin.qq.com/document/path/90581
	s.HandleJSON(WeComPath("POST /cgi-bin/service/get_register_code"), onProvider(s, func(r *Request, p string, in *struct {
		TemplateID  string `json:"template_id"`
		CorpName    string `json:"corp_name"`
		AdminMobile string `json:"admin_mobile"`
		State       string `json:"state"`
	}, w *suiteWorld) (any, error) {
		if in.TemplateID == "" || len(in.State) > 128 {
			return nil, ErrCode(CodeInvalidArgs)
		}
		code := "register@" + randToken(24)
		w.userCodes()[code] = suiteUserCode{owner: providerPrefix + p, corp: in.CorpName, user: in.State, expires: r.Now().Add(time.Hour)}
		return OK(M{"register_code": code, "expires_in": 3600}), nil
	}), Public())

	s.HandleJSON(WeComPath("POST /cgi-bin/service/get_register_info"), onProvider(s, func(r *Request, p string, in *struct {
		RegisterCode string `json:"register_code"`
	}, w *suiteWorld) (any, error) {
		c, ok := w.userCodes()[in.RegisterCode]
		if !ok || c.owner != providerPrefix+p {
			return nil, ErrCode(CodeInvalidArgs)
		}
		corp := openID("wwreg", in.RegisterCode)
		return OK(M{"corpid": corp, "contact_sync": M{"access_token": randToken(24), "expires_in": 7200},
			"auth_user_info": M{"userid": WeComSeedUser1}, "state": c.user}), nil
	}), Public())

	// https://developer.work.weixin.qq.com/document/path/95844
	s.HandleJSON(WeComPath("POST /cgi-bin/license/get_app_license_info"), onProvider(s, func(r *Request, p string, in *struct {
		CorpID  string `json:"corpid"`
		SuiteID string `json:"suite_id"`
	}, w *suiteWorld) (any, error) {
		if _, ok := w.installs[in.SuiteID][in.CorpID]; !ok {
			return nil, ErrCode(CodeSuiteNotAuthorized)
		}
		status := 0
		for _, k := range sortedKeys(w.codesLic) {
			if c := w.codesLic[k]; c.CorpID == in.CorpID && c.Status == 2 {
				status = 1
			}
		}
		now := r.Now().Unix()
		return OK(M{"license_status": status, "trail_info": M{"start_time": now - 86400, "end_time": now + 14*86400},
			"license_check_time": now}), nil
	}), Public())
}
