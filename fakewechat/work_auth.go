package fakewechat

import (
	"fmt"
	"sync"
	"time"
)

// WeCom identity (身份验证): web-login codes come from WeComOAuthCode
// (members) or WeComOAuthVisitorCode (non-members); a member's code gives a
// user_ticket valid 1800 s that auth/getuserdetail exchanges for the
// member's address-book fields. Two-factor verification codes come from
// WeComTFACode.

func init() { builtin = append(builtin, registerWeComAuth) }

// WeComUserTicketTTL is how long a user_ticket from auth/getuserinfo lives.
const WeComUserTicketTTL = 1800 * time.Second

type wecomExpiring struct {
	userID, openID, externalUserID string
	expires                        time.Time
}

type wecomAuth struct {
	mu       sync.Mutex
	seq      int
	visitors map[string]wecomExpiring // web-login code -> non-member
	tickets  map[string]wecomExpiring // user_ticket -> member
	tfaPages map[string]wecomExpiring // verification-page code -> member
	tfaCodes map[string]wecomExpiring // tfa_code -> member
	tfaDone  map[string]bool          // members let in by tfa_succ
}

func (s *Server) wecomAuth(corp string) *wecomAuth {
	return Value(s.State(corp), "wecom.auth", func() *wecomAuth {
		return &wecomAuth{visitors: map[string]wecomExpiring{}, tickets: map[string]wecomExpiring{},
			tfaPages: map[string]wecomExpiring{}, tfaCodes: map[string]wecomExpiring{}, tfaDone: map[string]bool{}}
	})
}

func (a *wecomAuth) issue(m map[string]wecomExpiring, prefix string, e wecomExpiring) string {
	a.seq++
	v := fmt.Sprintf("%s%06dFAKE", prefix, a.seq)
	m[v] = e
	return v
}

// take removes and returns an unexpired entry of m.
func take(m map[string]wecomExpiring, key string, now time.Time) (wecomExpiring, bool) {
	e, ok := m[key]
	delete(m, key)
	return e, ok && key != "" && !now.After(e.expires)
}

// WeComOAuthVisitorCode returns a web-login code (valid 5 minutes, usable
// once) for a visitor of corp who is not a member: auth/getuserinfo answers
// openID and, when not empty, externalUserID (a customer).
func (s *Server) WeComOAuthVisitorCode(corp, openID, externalUserID string) string {
	a := s.wecomAuth(corp)
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.issue(a.visitors, "VCODE", wecomExpiring{openID: openID, externalUserID: externalUserID, expires: s.Now().Add(5 * time.Minute)})
}

// WeComTFACode returns the code WeCom gives the corp's two-factor
// verification page for member userID (valid 5 minutes, usable once).
func (s *Server) WeComTFACode(corp, userID string) string {
	a := s.wecomAuth(corp)
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.issue(a.tfaPages, "TFAPAGE", wecomExpiring{userID: userID, expires: s.Now().Add(5 * time.Minute)})
}

// WeComTFAPassed reports whether user/tfa_succ let member userID of corp in.
func (s *Server) WeComTFAPassed(corp, userID string) bool {
	a := s.wecomAuth(corp)
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.tfaDone[userID]
}

// withAuth runs fn with the caller's corp identity state locked.
func withAuth(r *Request, fn func(a *wecomAuth) (any, error)) (any, error) {
	corp, _ := wecomCaller(r)
	a := r.Server.wecomAuth(corp)
	a.mu.Lock()
	defer a.mu.Unlock()
	return fn(a)
}

func registerWeComAuth(s *Server) {
	// https://developer.work.weixin.qq.com/document/path/96442
	// A member's code answers a user_ticket while the member is in the
	// address book (the fake treats every member as in the visible range and
	// every login as scope snsapi_privateinfo).
	s.HandleJSON(WeComPath("GET /cgi-bin/auth/getuserinfo"), func(r *Request) (any, error) {
		code := r.Query.Get("code")
		corp, _ := wecomCaller(r)
		apps := r.Server.wecomApps(corp)
		apps.mu.Lock()
		c, member := apps.codes[code]
		delete(apps.codes, code)
		apps.mu.Unlock()
		if member {
			if r.Now().After(c.expires) {
				return nil, ErrCode(CodeWeComInvalidCode)
			}
			d := r.wecomDir()
			d.mu.Lock()
			known := d.hasUser(c.userID)
			d.mu.Unlock()
			return withAuth(r, func(a *wecomAuth) (any, error) {
				out := OK(M{"userid": c.userID})
				if known {
					out["user_ticket"] = a.issue(a.tickets, "TICKET", wecomExpiring{userID: c.userID, expires: r.Now().Add(WeComUserTicketTTL)})
				}
				return out, nil
			})
		}
		return withAuth(r, func(a *wecomAuth) (any, error) {
			v, ok := take(a.visitors, code, r.Now())
			if !ok {
				return nil, ErrCode(CodeWeComInvalidCode)
			}
			out := OK(M{"openid": v.openID})
			if v.externalUserID != "" {
				out["external_userid"] = v.externalUserID
			}
			return out, nil
		})
	})

	// https://developer.work.weixin.qq.com/document/path/96443
	// An unknown or expired user_ticket answers 40058 (the docs name no
	// errcode of their own); a ticket stays usable until it expires.
	s.HandleJSON(WeComPath("POST /cgi-bin/auth/getuserdetail"), func(r *Request) (any, error) {
		var in struct {
			UserTicket string `json:"user_ticket"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		if in.UserTicket == "" {
			return nil, ErrCode(CodeWeComMissingParameter)
		}
		t, err := withAuth(r, func(a *wecomAuth) (any, error) {
			t, ok := a.tickets[in.UserTicket]
			if !ok || r.Now().After(t.expires) {
				return nil, ErrCode(CodeWeComInvalidParameter)
			}
			return t.userID, nil
		})
		if err != nil {
			return nil, err
		}
		return withDir(r, func(d *wecomDir) (any, error) {
			u, err := d.user(t.(string))
			if err != nil {
				return nil, err
			}
			out := OK(M{"userid": u.id, "gender": "0", "avatar": "", "qr_code": "https://open.work.weixin.qq.com/wwopen/userQRCode?vcode=FAKE" + u.id})
			for _, k := range []string{"gender", "avatar", "mobile", "email", "biz_mail", "address"} {
				if v, ok := u.fields[k]; ok {
					out[k] = fmt.Sprint(v)
				} else if _, set := out[k]; !set {
					out[k] = ""
				}
			}
			return out, nil
		})
	})

	// https://developer.work.weixin.qq.com/document/path/99499
	s.HandleJSON(WeComPath("POST /cgi-bin/auth/get_tfa_info"), func(r *Request) (any, error) {
		var in struct {
			Code string `json:"code"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		return withAuth(r, func(a *wecomAuth) (any, error) {
			p, ok := take(a.tfaPages, in.Code, r.Now())
			if !ok {
				return nil, ErrCode(CodeWeComInvalidCode)
			}
			tfa := a.issue(a.tfaCodes, "TFA", wecomExpiring{userID: p.userID, expires: r.Now().Add(5 * time.Minute)})
			return OK(M{"userid": p.userID, "tfa_code": tfa}), nil
		})
	})

	// https://developer.work.weixin.qq.com/document/path/99500
	// A tfa_code works once, within 5 minutes, for its member; otherwise
	// 40058 (the docs name no errcode of their own).
	s.HandleJSON(WeComPath("POST /cgi-bin/user/tfa_succ"), func(r *Request) (any, error) {
		var in struct {
			UserID  string `json:"userid"`
			TFACode string `json:"tfa_code"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		if in.UserID == "" || in.TFACode == "" {
			return nil, ErrCode(CodeWeComMissingParameter)
		}
		return withAuth(r, func(a *wecomAuth) (any, error) {
			c, ok := take(a.tfaCodes, in.TFACode, r.Now())
			if !ok || c.userID != in.UserID {
				return nil, ErrCode(CodeWeComInvalidParameter)
			}
			a.tfaDone[in.UserID] = true
			return nil, nil
		})
	})
}
