package fakewechat

import (
	"net/http"
	"net/url"
	"sync"
	"time"
)

// Official account web authorization (网页授权). OAuth2Code issues the code
// WeChat would append to the redirect after a user's consent; the
// authorize page itself (GET /connect/oauth2/authorize, normally on
// open.weixin.qq.com) consents at once for the user set with SetOAuth2User.
// sns/oauth2/access_token exchanges a code once within 5 minutes for a
// user access token (2 hours) and refresh token (30 days); sns/userinfo
// needs the snsapi_userinfo scope; sns/auth checks a token.
// https://developers.weixin.qq.com/doc/offiaccount/OA_Web_Apps/Wechat_webpage_authorization.html
func init() {
	for code, msg := range map[int]string{
		CodeInvalidRefreshToken: "invalid refresh_token",
		CodeRefreshTokenExpired: "refresh_token timeout",
	} {
		stdMessages[code] = msg
	}
	builtin = append(builtin, registerOAWebPage)
}

// Errcodes and lifetimes of web authorization.
const (
	CodeInvalidCode         = 40029
	CodeCodeUsed            = 40163
	CodeInvalidRefreshToken = 40030
	CodeRefreshTokenExpired = 42002
	CodeAPIUnauthorized     = 48001
	OAuth2CodeTTL           = 5 * time.Minute
	OAuth2TokenTTL          = 2 * time.Hour
	OAuth2RefreshTTL        = 30 * 24 * time.Hour
)

// OAuth2User is the user behind a web authorization.
type OAuth2User struct {
	OpenID     string
	UnionID    string
	Nickname   string
	Sex        int
	Province   string
	City       string
	Country    string
	HeadImgURL string
}

type oaCode struct {
	appid, scope string
	user         OAuth2User
	expires      time.Time
	used         bool
}

type oaUserToken struct {
	appid, scope string
	user         OAuth2User
	expires      time.Time
}

type oaRefresh struct {
	appid, scope string
	user         OAuth2User
	expires      time.Time
}

// oaOAuth2 is server-wide: the sns endpoints carry no access_token, so the
// codes and user tokens are found by value.
type oaOAuth2 struct {
	mu       sync.Mutex
	codes    map[string]*oaCode
	tokens   map[string]*oaUserToken
	refresh  map[string]*oaRefresh
	consents map[string]OAuth2User // appid → user of the authorize page
}

func (s *Server) oauth2() *oaOAuth2 {
	return Value(s.State(""), "oa.oauth2", func() *oaOAuth2 {
		return &oaOAuth2{codes: map[string]*oaCode{}, tokens: map[string]*oaUserToken{}, refresh: map[string]*oaRefresh{}, consents: map[string]OAuth2User{}}
	})
}

// OAuth2Code returns a fresh code for user's authorization of appid with
// scope ("snsapi_base" or "snsapi_userinfo"), as WeChat appends it to the
// redirect_uri.
func (s *Server) OAuth2Code(appid, scope string, user OAuth2User) string {
	o := s.oauth2()
	code := randToken(16)
	o.mu.Lock()
	o.codes[code] = &oaCode{appid: appid, scope: scope, user: user, expires: s.Now().Add(OAuth2CodeTTL)}
	o.mu.Unlock()
	return code
}

// SetOAuth2User sets the user who consents on the fake authorize page of
// appid.
func (s *Server) SetOAuth2User(appid string, user OAuth2User) {
	o := s.oauth2()
	o.mu.Lock()
	o.consents[appid] = user
	o.mu.Unlock()
}

// issue creates a user token and its refresh token; call with o.mu held.
func (o *oaOAuth2) issue(appid, scope string, user OAuth2User, refresh string, now time.Time) M {
	tok := randToken(32)
	o.tokens[tok] = &oaUserToken{appid: appid, scope: scope, user: user, expires: now.Add(OAuth2TokenTTL)}
	if refresh == "" {
		refresh = randToken(32)
		o.refresh[refresh] = &oaRefresh{appid: appid, scope: scope, user: user, expires: now.Add(OAuth2RefreshTTL)}
	}
	m := M{"access_token": tok, "expires_in": int(OAuth2TokenTTL / time.Second), "refresh_token": refresh, "openid": user.OpenID, "scope": scope}
	if user.UnionID != "" {
		m["unionid"] = user.UnionID
	}
	return m
}

// userToken checks access_token and openid of a sns request; call with
// o.mu held.
func (o *oaOAuth2) userToken(r *Request) (*oaUserToken, *Error) {
	t := o.tokens[r.Query.Get("access_token")]
	switch {
	case r.Query.Get("access_token") == "":
		return nil, ErrCode(CodeTokenMissing)
	case t == nil:
		return nil, ErrCode(CodeInvalidCredential)
	case !r.Now().Before(t.expires):
		return nil, ErrCode(CodeTokenExpired)
	case r.Query.Get("openid") != t.user.OpenID:
		return nil, ErrCode(oaCodeInvalidOpenID)
	}
	return t, nil
}

func registerOAWebPage(s *Server) {
	s.HandleJSON("GET /sns/oauth2/access_token", func(r *Request) (any, error) {
		q := r.Query
		if err := s.CheckApp(q.Get("appid"), q.Get("secret")); err != nil {
			return nil, err
		}
		if q.Get("grant_type") != "authorization_code" {
			return nil, ErrCode(CodeInvalidGrantType)
		}
		o := s.oauth2()
		o.mu.Lock()
		defer o.mu.Unlock()
		c := o.codes[q.Get("code")]
		switch {
		case c == nil || c.appid != q.Get("appid") || !r.Now().Before(c.expires):
			return nil, ErrCode(CodeInvalidCode)
		case c.used:
			return nil, ErrCode(CodeCodeUsed)
		}
		c.used = true
		return o.issue(c.appid, c.scope, c.user, "", r.Now()), nil
	}, Public())

	s.HandleJSON("GET /sns/oauth2/refresh_token", func(r *Request) (any, error) {
		q := r.Query
		if q.Get("grant_type") != "refresh_token" {
			return nil, ErrCode(CodeInvalidGrantType)
		}
		o := s.oauth2()
		o.mu.Lock()
		defer o.mu.Unlock()
		rt := o.refresh[q.Get("refresh_token")]
		switch {
		case q.Get("appid") == "":
			return nil, ErrCode(CodeAppIDMissing)
		case rt == nil || rt.appid != q.Get("appid"):
			return nil, ErrCode(CodeInvalidRefreshToken)
		case !r.Now().Before(rt.expires):
			return nil, ErrCode(CodeRefreshTokenExpired)
		}
		return o.issue(rt.appid, rt.scope, rt.user, q.Get("refresh_token"), r.Now()), nil
	}, Public())

	s.HandleJSON("GET /sns/userinfo", func(r *Request) (any, error) {
		o := s.oauth2()
		o.mu.Lock()
		defer o.mu.Unlock()
		t, err := o.userToken(r)
		if err != nil {
			return nil, err
		}
		if t.scope != "snsapi_userinfo" {
			return nil, ErrCode(CodeAPIUnauthorized)
		}
		if !validLang(r.Query.Get("lang")) {
			return nil, Errorf(CodeInvalidArgs, "invalid args: lang")
		}
		u := t.user
		m := M{"openid": u.OpenID, "nickname": u.Nickname, "sex": u.Sex, "province": u.Province, "city": u.City,
			"country": u.Country, "headimgurl": u.HeadImgURL, "privilege": []string{}}
		if u.UnionID != "" {
			m["unionid"] = u.UnionID
		}
		return m, nil
	}, Public())

	s.HandleJSON("GET /sns/auth", func(r *Request) (any, error) {
		o := s.oauth2()
		o.mu.Lock()
		defer o.mu.Unlock()
		if _, err := o.userToken(r); err != nil {
			return nil, err
		}
		return nil, nil
	}, Public())

	// The authorize page consents at once for the user of SetOAuth2User and
	// redirects to redirect_uri with code and state.
	s.HandleRaw("GET /connect/oauth2/authorize", func(w http.ResponseWriter, r *Request) {
		q := r.Query
		o := s.oauth2()
		o.mu.Lock()
		user, ok := o.consents[q.Get("appid")]
		o.mu.Unlock()
		scope := q.Get("scope")
		redirect, err := url.Parse(q.Get("redirect_uri"))
		switch {
		case !ok:
			http.Error(w, "fakewechat: no consenting user for this appid (SetOAuth2User)", http.StatusForbidden)
			return
		case err != nil || redirect.Host == "" || q.Get("response_type") != "code" || (scope != "snsapi_base" && scope != "snsapi_userinfo"):
			http.Error(w, "fakewechat: invalid authorize request", http.StatusBadRequest)
			return
		}
		rq := redirect.Query()
		rq.Set("code", s.OAuth2Code(q.Get("appid"), scope, user))
		rq.Set("state", q.Get("state"))
		redirect.RawQuery = rq.Encode()
		http.Redirect(w, r.HTTP, redirect.String(), http.StatusFound)
	}, Public())
}
