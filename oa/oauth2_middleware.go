package oa

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// Errors of the OAuth2 login middleware, given to OAuth2LoginConfig.OnError.
var (
	// ErrOAuth2LoginRequired: a request other than GET or HEAD came without a
	// session, so it cannot be redirected to WeChat.
	ErrOAuth2LoginRequired = errors.New("oa: wechat login required")
	// ErrOAuth2State: the state of the redirect back from WeChat is missing,
	// expired or not the one this browser was given (a forged or replayed
	// callback).
	ErrOAuth2State = errors.New("oa: wechat login: state mismatch")
	// ErrOAuth2Denied: WeChat redirected back without a code.
	ErrOAuth2Denied = errors.New("oa: wechat login: authorization denied")
)

// Defaults of OAuth2LoginConfig.
const (
	DefaultOAuth2CookieName = "wechat_oauth2"
	DefaultOAuth2SessionTTL = 24 * time.Hour
	oauth2StateTTL          = 10 * time.Minute
	minOAuth2KeyLen         = 32
)

// OAuth2LoginConfig configures the web login middleware of
// WebPageService.OAuth2Login. Sessions live in a cookie signed with Key
// (HMAC-SHA256): no server-side store is needed, and nothing but the openid
// and an expiry is kept in the browser.
type OAuth2LoginConfig struct {
	// Key signs the cookies: at least 32 random bytes, kept secret and
	// shared by every instance of the application.
	Key []byte
	// Scope is ScopeBase (the default) or ScopeUserInfo.
	Scope OAuth2Scope
	// CookieName names the session cookie (default "wechat_oauth2"); the
	// state cookie is CookieName + "_state".
	CookieName string
	// SessionTTL is the life of a login (default 24 hours).
	SessionTTL time.Duration
	// Insecure drops the cookies' Secure attribute, for plain-HTTP
	// development only.
	Insecure bool
	// TrustForwardedProto takes the scheme of the external URL from the
	// X-Forwarded-Proto header, behind a TLS-terminating proxy.
	TrustForwardedProto bool
	// ExternalURL returns the URL the browser used for r, which becomes the
	// redirect_uri. The default is built from r.Host and r.URL.
	ExternalURL func(r *http.Request) string
	// Springboard routes the login through a token hub's OAuth2
	// springboard, for an application whose domain is not the one
	// registered with WeChat: the hub's prefix for this environment, made
	// by hub.SpringboardURL (such as "https://hub.example.com/wxAPPID/prod/cb").
	// The redirect_uri becomes Springboard plus the request's path and
	// query; the hub forwards WeChat's redirect to the base URL registered
	// for the environment with the same path and query, where this
	// middleware completes the login.
	Springboard string
	// OnLogin runs after a code was exchanged, before the session is set,
	// for instance to fetch UserInfo (ScopeUserInfo) and store the user; an
	// error fails the login.
	OnLogin func(ctx context.Context, r *http.Request, tok *UserAccessToken) error
	// OnError answers a failed login. The default answers 401 for
	// ErrOAuth2LoginRequired, 403 for ErrOAuth2State and ErrOAuth2Denied,
	// and 502 for a failed exchange, with a short text that reveals nothing.
	OnError func(w http.ResponseWriter, r *http.Request, err error)
}

type openIDKey struct{}

// OAuth2OpenID returns the openid of the user logged in by the OAuth2
// middleware, from the request's context.
func OAuth2OpenID(ctx context.Context) (string, bool) {
	id, ok := ctx.Value(openIDKey{}).(string)
	return id, ok && id != ""
}

// oauth2Login is the middleware state.
type oauth2Login struct {
	s   *WebPageService
	cfg OAuth2LoginConfig
	now func() time.Time
}

// OAuth2Login returns an http.Handler middleware for web login with WeChat
// (网页授权): a request with a valid session cookie reaches next with the
// user's openid in its context (OAuth2OpenID). Otherwise a GET or HEAD is
// redirected to WeChat's authorization page with a fresh state, also kept
// in a short-lived signed cookie; on the way back the middleware checks the
// state, exchanges the code, sets the session cookie and redirects to the
// same URL without code and state.
// https://developers.weixin.qq.com/doc/offiaccount/OA_Web_Apps/Wechat_webpage_authorization.html
func (s *WebPageService) OAuth2Login(cfg OAuth2LoginConfig) (func(http.Handler) http.Handler, error) {
	if len(cfg.Key) < minOAuth2KeyLen {
		return nil, invalidArg("Key", "at least 32 bytes are required")
	}
	cfg.Key = append([]byte(nil), cfg.Key...)
	if cfg.Scope == "" {
		cfg.Scope = ScopeBase
	}
	if cfg.Scope != ScopeBase && cfg.Scope != ScopeUserInfo {
		return nil, invalidArg("Scope", "not snsapi_base or snsapi_userinfo")
	}
	if cfg.CookieName == "" {
		cfg.CookieName = DefaultOAuth2CookieName
	}
	if !validCookieName(cfg.CookieName) {
		return nil, invalidArg("CookieName", "not a valid cookie name")
	}
	if cfg.SessionTTL <= 0 {
		cfg.SessionTTL = DefaultOAuth2SessionTTL
	}
	if s.c.Config().AppSecret == "" {
		return nil, invalidArg("appsecret", "the client has no appsecret")
	}
	if cfg.Springboard != "" {
		u, err := url.Parse(cfg.Springboard)
		if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" {
			return nil, invalidArg("Springboard", "not an absolute http(s) URL without query")
		}
		cfg.Springboard = strings.TrimRight(cfg.Springboard, "/")
	}
	l := &oauth2Login{s: s, cfg: cfg, now: time.Now}
	return l.wrap, nil
}

func validCookieName(n string) bool {
	for i := 0; i < len(n); i++ {
		c := n[i]
		if !(c == '_' || c == '-' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
			return false
		}
	}
	return n != ""
}

func (l *oauth2Login) wrap(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if openID, ok := l.session(r); ok {
			next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), openIDKey{}, openID)))
			return
		}
		q := r.URL.Query()
		code, state := q.Get("code"), q.Get("state")
		switch {
		case code != "":
			l.callback(w, r, code, state)
		case state != "" && l.stateMatches(r, state):
			l.clearState(w)
			l.fail(w, r, ErrOAuth2Denied)
		case r.Method != http.MethodGet && r.Method != http.MethodHead:
			l.fail(w, r, ErrOAuth2LoginRequired)
		default:
			l.redirect(w, r)
		}
	})
}

// redirect sends the browser to WeChat's authorization page.
func (l *oauth2Login) redirect(w http.ResponseWriter, r *http.Request) {
	var b [16]byte
	if _, err := rand.Read(b[:]); err != nil {
		l.fail(w, r, err)
		return
	}
	state := hex.EncodeToString(b[:])
	target, err := l.s.AuthorizeURL(l.redirectURI(r), l.cfg.Scope, state)
	if err != nil {
		l.fail(w, r, err)
		return
	}
	exp := l.now().Add(oauth2StateTTL)
	l.setCookie(w, l.cfg.CookieName+"_state", l.sign("state", state, exp), oauth2StateTTL)
	w.Header().Set("Cache-Control", "no-store")
	http.Redirect(w, r, target, http.StatusFound)
}

// callback checks the state, exchanges the code and opens the session.
func (l *oauth2Login) callback(w http.ResponseWriter, r *http.Request, code, state string) {
	if state == "" || !l.stateMatches(r, state) {
		l.fail(w, r, ErrOAuth2State)
		return
	}
	l.clearState(w)
	tok, err := l.s.Exchange(r.Context(), code)
	if err != nil {
		l.fail(w, r, err)
		return
	}
	if l.cfg.OnLogin != nil {
		if err := l.cfg.OnLogin(r.Context(), r, tok); err != nil {
			l.fail(w, r, err)
			return
		}
	}
	l.setCookie(w, l.cfg.CookieName, l.sign("session", tok.OpenID, l.now().Add(l.cfg.SessionTTL)), l.cfg.SessionTTL)
	w.Header().Set("Cache-Control", "no-store")
	http.Redirect(w, r, l.cleanURL(r), http.StatusFound)
}

func (l *oauth2Login) session(r *http.Request) (string, bool) {
	c, err := r.Cookie(l.cfg.CookieName)
	if err != nil {
		return "", false
	}
	return l.verify("session", c.Value)
}

func (l *oauth2Login) stateMatches(r *http.Request, state string) bool {
	c, err := r.Cookie(l.cfg.CookieName + "_state")
	if err != nil {
		return false
	}
	want, ok := l.verify("state", c.Value)
	return ok && hmac.Equal([]byte(want), []byte(state))
}

func (l *oauth2Login) clearState(w http.ResponseWriter) {
	l.setCookie(w, l.cfg.CookieName+"_state", "", -1)
}

func (l *oauth2Login) setCookie(w http.ResponseWriter, name, value string, ttl time.Duration) {
	c := &http.Cookie{Name: name, Value: value, Path: "/", HttpOnly: true, Secure: !l.cfg.Insecure, SameSite: http.SameSiteLaxMode}
	if ttl < 0 {
		c.MaxAge = -1
	} else {
		c.MaxAge = int(ttl / time.Second)
	}
	http.SetCookie(w, c)
}

// mac signs kind, the app, the value and the expiry.
func (l *oauth2Login) mac(kind, value string, exp int64) []byte {
	h := hmac.New(sha256.New, l.cfg.Key)
	h.Write([]byte(kind))
	h.Write([]byte{0})
	h.Write([]byte(l.s.c.AppID()))
	h.Write([]byte{0})
	h.Write([]byte(value))
	h.Write([]byte{0})
	h.Write([]byte(strconv.FormatInt(exp, 10)))
	return h.Sum(nil)
}

// sign returns the cookie value "base64(value).expiry.base64(mac)".
func (l *oauth2Login) sign(kind, value string, exp time.Time) string {
	e := exp.Unix()
	enc := base64.RawURLEncoding
	return enc.EncodeToString([]byte(value)) + "." + strconv.FormatInt(e, 10) + "." + enc.EncodeToString(l.mac(kind, value, e))
}

// verify returns the value of a cookie made by sign if its signature is
// valid and it has not expired.
func (l *oauth2Login) verify(kind, cookie string) (string, bool) {
	v, e, m, ok := splitSigned(cookie)
	if !ok || l.now().Unix() >= e {
		return "", false
	}
	if !hmac.Equal(m, l.mac(kind, v, e)) {
		return "", false
	}
	return v, true
}

// splitSigned parses "base64(value).expiry.base64(mac)", an untrusted
// cookie value.
func splitSigned(cookie string) (value string, exp int64, mac []byte, ok bool) {
	if len(cookie) > 512 {
		return "", 0, nil, false
	}
	parts := strings.Split(cookie, ".")
	if len(parts) != 3 {
		return "", 0, nil, false
	}
	enc := base64.RawURLEncoding
	v, err := enc.DecodeString(parts[0])
	if err != nil || len(v) == 0 {
		return "", 0, nil, false
	}
	exp, err = strconv.ParseInt(parts[1], 10, 64)
	if err != nil || exp <= 0 {
		return "", 0, nil, false
	}
	mac, err = enc.DecodeString(parts[2])
	if err != nil || len(mac) != sha256.Size {
		return "", 0, nil, false
	}
	return string(v), exp, mac, true
}

// redirectURI is where WeChat sends the browser back: the clean external
// URL, or its path and query behind the springboard.
func (l *oauth2Login) redirectURI(r *http.Request) string {
	clean := l.cleanURL(r)
	if l.cfg.Springboard == "" {
		return clean
	}
	u, err := url.Parse(clean)
	if err != nil {
		return clean
	}
	out := l.cfg.Springboard + u.EscapedPath()
	if u.RawQuery != "" {
		out += "?" + u.RawQuery
	}
	return out
}

// cleanURL is the external URL of r without the code and state parameters.
func (l *oauth2Login) cleanURL(r *http.Request) string {
	var raw string
	if l.cfg.ExternalURL != nil {
		raw = l.cfg.ExternalURL(r)
	} else {
		scheme := "http"
		if r.TLS != nil {
			scheme = "https"
		}
		if p := r.Header.Get("X-Forwarded-Proto"); l.cfg.TrustForwardedProto && (p == "http" || p == "https") {
			scheme = p
		}
		raw = scheme + "://" + r.Host + r.URL.RequestURI()
	}
	u, err := url.Parse(raw)
	if err != nil {
		return raw
	}
	q := u.Query()
	if q.Has("code") || q.Has("state") {
		q.Del("code")
		q.Del("state")
		u.RawQuery = q.Encode()
	}
	u.Fragment = ""
	return u.String()
}

func (l *oauth2Login) fail(w http.ResponseWriter, r *http.Request, err error) {
	if l.cfg.OnError != nil {
		l.cfg.OnError(w, r, err)
		return
	}
	switch {
	case errors.Is(err, ErrOAuth2LoginRequired):
		http.Error(w, "WeChat login required", http.StatusUnauthorized)
	case errors.Is(err, ErrOAuth2State), errors.Is(err, ErrOAuth2Denied):
		http.Error(w, "WeChat login failed", http.StatusForbidden)
	default:
		http.Error(w, "WeChat login failed", http.StatusBadGateway)
	}
}
