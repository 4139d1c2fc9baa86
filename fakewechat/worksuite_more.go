package fakewechat

import (
	"fmt"
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
	registerLicenseJobs(s)
	registerSuiteOAuth(s)

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
		// corp keeps the template id for get_register_info.
		w.userCodes()[code] = suiteUserCode{owner: providerPrefix + p, corp: in.TemplateID, user: in.State, expires: r.Now().Add(time.Hour)}
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
		tok, exp := w.contactSync(r.Now(), in.RegisterCode, corp)
		return OK(M{"corpid": corp, "contact_sync": M{"access_token": tok, "expires_in": exp},
			"auth_user_info": M{"userid": WeComSeedUser1}, "state": c.user, "template_id": c.corp}), nil
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

// renewJob is a create_renew_order_job job: accounts of a corp to renew.
type renewJob struct {
	provider, corp string
	accounts       []M
	submitted      bool
}

func registerLicenseJobs(s *Server) {
	jobs := func(w *suiteWorld) map[string]*renewJob {
		return Value(s.State(""), "worksuite.renewjobs", func() map[string]*renewJob { return map[string]*renewJob{} })
	}
	// https://developer.work.weixin.qq.com/document/path/95646
	s.HandleJSON(WeComPath("POST /cgi-bin/license/create_renew_order_job"), onProvider(s, func(r *Request, p string, in *struct {
		CorpID      string `json:"corpid"`
		AccountList []struct {
			UserID string `json:"userid"`
			Type   int    `json:"type"`
		} `json:"account_list"`
		JobID string `json:"jobid"`
	}, w *suiteWorld) (any, error) {
		if in.CorpID == "" || len(in.AccountList) == 0 || len(in.AccountList) > 1000 {
			return nil, ErrCode(CodeInvalidArgs)
		}
		js := jobs(w)
		j := js[in.JobID]
		switch {
		case in.JobID == "":
			w.seq++
			in.JobID = "job" + randToken(8)
			j = &renewJob{provider: p, corp: in.CorpID}
			js[in.JobID] = j
		case j == nil || j.provider != p || j.corp != in.CorpID || j.submitted:
			return nil, Errorf(CodeInvalidArgs, "invalid jobid")
		}
		invalid := []M{}
		for _, a := range in.AccountList {
			active := false
			for _, k := range sortedKeys(w.codesLic) {
				if c := w.codesLic[k]; c.CorpID == in.CorpID && c.UserID == a.UserID && c.Type == a.Type && c.Status == 2 {
					active = true
				}
			}
			if !active {
				invalid = append(invalid, M{"errcode": CodeLicenseCodeBad, "errmsg": "account not activated", "userid": a.UserID, "type": a.Type})
				continue
			}
			j.accounts = append(j.accounts, M{"userid": a.UserID, "type": a.Type})
		}
		return OK(M{"jobid": in.JobID, "invalid_account_list": invalid}), nil
	}), Public())

	s.HandleJSON(WeComPath("POST /cgi-bin/license/submit_order_job"), onProvider(s, func(r *Request, p string, in *struct {
		JobID           string `json:"jobid"`
		BuyerUserID     string `json:"buyer_userid"`
		AccountDuration struct {
			Months        int   `json:"months"`
			Days          int   `json:"days"`
			NewExpireTime int64 `json:"new_expire_time"`
		} `json:"account_duration"`
	}, w *suiteWorld) (any, error) {
		j := jobs(w)[in.JobID]
		d := in.AccountDuration
		days := d.Months*31 + d.Days
		switch {
		case j == nil || j.provider != p || j.submitted || len(j.accounts) == 0:
			return nil, Errorf(CodeInvalidArgs, "invalid jobid")
		case in.BuyerUserID == "":
			return nil, ErrCode(CodeInvalidArgs)
		case d.NewExpireTime == 0 && (days < 31 || days > 1860):
			return nil, ErrCode(CodeLicenseDuration)
		}
		j.submitted = true
		w.seq++
		o := &licOrder{ID: fmt.Sprintf("OR%012d", w.seq), Provider: p, CorpID: j.corp, Buyer: in.BuyerUserID, Type: 2,
			Months: d.Months, Days: d.Days, Created: r.Now().Unix()}
		for _, a := range j.accounts {
			if a["type"] == 2 {
				o.External++
			} else {
				o.Base++
			}
		}
		w.orders[o.ID] = o
		return OK(M{"order_id": o.ID}), nil
	}), Public())

	// https://developer.work.weixin.qq.com/document/path/96059
	s.HandleJSON(WeComPath("POST /cgi-bin/license/batch_share_active_code"), onProvider(s, func(r *Request, p string, in *struct {
		FromCorpID string `json:"from_corpid"`
		ToCorpID   string `json:"to_corpid"`
		ShareList  []struct {
			ActiveCode string `json:"active_code"`
		} `json:"share_list"`
	}, w *suiteWorld) (any, error) {
		if in.FromCorpID == "" || in.ToCorpID == "" || in.FromCorpID == in.ToCorpID || len(in.ShareList) == 0 || len(in.ShareList) > 1000 {
			return nil, ErrCode(CodeInvalidArgs)
		}
		res := make([]M, len(in.ShareList))
		for i, it := range in.ShareList {
			c := w.codesLic[it.ActiveCode]
			switch {
			case c == nil || c.CorpID != in.FromCorpID:
				res[i] = M{"active_code": it.ActiveCode, "errcode": CodeLicenseCodeBad, "errmsg": "invalid active_code"}
			case c.Status != 1:
				res[i] = M{"active_code": it.ActiveCode, "errcode": CodeLicenseCodeUsed, "errmsg": "active_code already used"}
			default:
				c.CorpID = in.ToCorpID
				res[i] = M{"active_code": it.ActiveCode, "errcode": 0, "errmsg": "ok"}
			}
		}
		return OK(M{"share_result": res}), nil
	}), Public())
}
