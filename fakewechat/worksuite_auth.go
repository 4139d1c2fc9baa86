package fakewechat

import "time"

// SuiteUserTicketTTL is how long the user_ticket of getuserinfo3rd is
// valid for getuserdetail3rd.
const SuiteUserTicketTTL = 30 * time.Minute

// SuiteOAuthCode returns the code of the suite's web login redirect
// (OAuth2, 网页授权登录) for member userID of corpID: getuserinfo3rd takes
// it once, within 5 minutes. It returns "" for an unknown suite, a corp
// that has not installed the suite (InstallSuite), or a userID that is not
// in the corp's address book.
func (s *Server) SuiteOAuthCode(suiteID, corpID, userID string) string {
	if userID == "" || !s.suiteInstalledIn(suiteID, corpID) {
		return ""
	}
	d := s.wecomDir(corpID)
	d.mu.Lock()
	member := d.users[userID] != nil
	d.mu.Unlock()
	if !member {
		return ""
	}
	return s.suiteUserCode("oauth", suitePrefix+suiteID, corpID, userID)
}

// SuiteOAuthCodeNonMember returns the code of the suite's web login
// redirect for a WeChat user who belongs to no corp, named who:
// getuserinfo3rd answers only an openid, the same for the same who ("" for
// an unknown suite).
func (s *Server) SuiteOAuthCodeNonMember(suiteID, who string) string {
	if _, ok := s.suiteSecret(suiteID); !ok || who == "" {
		return ""
	}
	return s.suiteUserCode("oauth", suitePrefix+suiteID, "", who)
}

func registerSuiteOAuth(s *Server) {
	// https://developer.work.weixin.qq.com/document/path/91121
	s.HandleJSON(WeComPath("GET /cgi-bin/service/auth/getuserinfo3rd"), onSuite(s, func(r *Request, suite string, _ *struct{}, w *suiteWorld) (any, error) {
		code := r.Query.Get("code")
		if code == "" || len(code) > 512 {
			return nil, ErrCode(CodeWeComInvalidCode)
		}
		c, ok := w.takeCode(r.Now(), code, suitePrefix+suite)
		if !ok {
			return nil, ErrCode(CodeWeComInvalidCode)
		}
		if c.corp == "" {
			return OK(M{"openid": openID("o", suite+"/"+c.user)}), nil
		}
		out := M{"corpid": c.corp, "userid": c.user, "open_userid": openID("wo", c.corp+c.user)}
		if _, installed := w.installs[suite][c.corp]; installed {
			ticket := "ticket@" + randToken(24)
			w.userCodes()[ticket] = suiteUserCode{owner: suitePrefix + suite, corp: c.corp, user: c.user, expires: r.Now().Add(SuiteUserTicketTTL)}
			out["user_ticket"], out["expires_in"] = ticket, int(SuiteUserTicketTTL/time.Second)
		}
		return OK(out), nil
	}), Public())

	// https://developer.work.weixin.qq.com/document/path/91122
	// The name is the userid, as documented for third-party apps; mobile,
	// email, biz_mail and address are not given to them.
	s.HandleJSON(WeComPath("POST /cgi-bin/service/auth/getuserdetail3rd"), onSuite(s, func(r *Request, suite string, in *struct {
		UserTicket string `json:"user_ticket"`
	}, w *suiteWorld) (any, error) {
		if in.UserTicket == "" {
			return nil, Errorf(CodeInvalidArgs, "invalid args: user_ticket")
		}
		c, ok := w.userCodes()[in.UserTicket]
		if !ok || c.owner != suitePrefix+suite || !r.Now().Before(c.expires) {
			return nil, ErrCode(CodeWeComInvalidCode)
		}
		if _, installed := w.installs[suite][c.corp]; !installed {
			return nil, ErrCode(CodeSuiteNotAuthorized)
		}
		return OK(M{"corpid": c.corp, "userid": c.user, "name": c.user, "gender": "1", "avatar": "http://wework.qpic.cn/fake/0",
			"qr_code": "https://open.work.weixin.qq.com/wwopen/userQRCode?vcode=fake" + openID("", c.corp+c.user)}), nil
	}), Public())
}
