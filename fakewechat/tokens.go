package fakewechat

import (
	"crypto/rand"
	"encoding/base64"
	"sync"
	"time"
)

type credentials struct {
	mu     sync.RWMutex
	apps   map[string]*app
	tokens map[string]*tokenRec
	issued int
}

type app struct {
	secret    string
	latest    string // last token of GET /cgi-bin/token
	stable    string // current token of POST /cgi-bin/stable_token
	lastForce time.Time
	tickets   map[string]*ticketRec
}

type tokenRec struct {
	appid   string
	expires time.Time // after it: 42001
	retire  time.Time // non-zero once superseded; after it: 40001
}

type ticketRec struct {
	value   string
	expires time.Time
}

func (c *credentials) init() {
	c.apps = map[string]*app{}
	c.tokens = map[string]*tokenRec{}
}

func (c *credentials) addAppIfAbsent(appid, secret string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.apps[appid]; !ok {
		c.apps[appid] = &app{secret: secret, tickets: map[string]*ticketRec{}}
	}
}

func (c *credentials) resetTokens() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.tokens = map[string]*tokenRec{}
	for _, a := range c.apps {
		a.latest, a.stable, a.lastForce = "", "", time.Time{}
		a.tickets = map[string]*ticketRec{}
	}
}

// AddApp registers an app (or replaces its secret). Tokens are only issued
// to registered apps.
func (s *Server) AddApp(appid, secret string) {
	s.creds.mu.Lock()
	defer s.creds.mu.Unlock()
	if a, ok := s.creds.apps[appid]; ok {
		a.secret = secret
		return
	}
	s.creds.apps[appid] = &app{secret: secret, tickets: map[string]*ticketRec{}}
}

// CheckApp validates app credentials the way the token endpoints do:
// 41002 appid missing, 41004 appsecret missing, 40013 invalid appid, 40125
// invalid appsecret. Public handlers (sns/oauth2, jscode2session) use it.
func (s *Server) CheckApp(appid, secret string) error {
	s.creds.mu.RLock()
	defer s.creds.mu.RUnlock()
	if _, err := s.creds.appLocked(appid, secret); err != nil {
		return err
	}
	return nil
}

func (c *credentials) appLocked(appid, secret string) (*app, *Error) {
	switch {
	case appid == "":
		return nil, ErrCode(CodeAppIDMissing)
	case secret == "":
		return nil, ErrCode(CodeSecretMissing)
	}
	a, ok := c.apps[appid]
	if !ok {
		return nil, ErrCode(CodeInvalidAppID)
	}
	if a.secret != secret {
		return nil, ErrCode(CodeInvalidSecret)
	}
	return a, nil
}

// randToken returns an opaque token value of n random bytes.
func randToken(n int) string {
	b := make([]byte, n)
	rand.Read(b) //nolint:errcheck // never fails
	return base64.RawURLEncoding.EncodeToString(b)
}

// newTokenLocked stores a fresh token of appid valid for ttl.
func (c *credentials) newTokenLocked(appid string, now time.Time, ttl time.Duration) string {
	tok := randToken(96)
	c.tokens[tok] = &tokenRec{appid: appid, expires: now.Add(ttl)}
	c.issued++
	if c.issued%1024 == 0 {
		// Forget superseded tokens past their grace period: they answer
		// 40001 whether known or not.
		for k, t := range c.tokens {
			if !t.retire.IsZero() && !now.Before(t.retire) {
				delete(c.tokens, k)
			}
		}
	}
	return tok
}

// check validates an access_token and returns its app.
func (c *credentials) check(tok string, now time.Time) (string, *Error) {
	if tok == "" {
		return "", ErrCode(CodeTokenMissing)
	}
	c.mu.RLock()
	t, ok := c.tokens[tok]
	var rec tokenRec
	if ok {
		rec = *t
	}
	c.mu.RUnlock()
	switch {
	case !ok, !rec.retire.IsZero() && !now.Before(rec.retire):
		return "", ErrCode(CodeInvalidCredential)
	case !now.Before(rec.expires):
		return "", ErrCode(CodeTokenExpired)
	}
	return rec.appid, nil
}

func secondsLeft(until, now time.Time) int {
	d := until.Sub(now)
	if d <= 0 {
		return 0
	}
	return int((d + time.Second - 1) / time.Second)
}

// issueToken is GET /cgi-bin/token: a new token on every call; the previous
// one keeps working for the grace period only.
func (s *Server) issueToken(appid, secret string) (string, int, *Error) {
	now := s.Now()
	c := &s.creds
	c.mu.Lock()
	defer c.mu.Unlock()
	a, err := c.appLocked(appid, secret)
	if err != nil {
		return "", 0, err
	}
	if old := c.tokens[a.latest]; old != nil && old.retire.IsZero() {
		old.retire = now.Add(s.grace)
	}
	a.latest = c.newTokenLocked(appid, now, s.ttl)
	return a.latest, secondsLeft(now.Add(s.ttl), now), nil
}

// stableToken is POST /cgi-bin/stable_token: the same token until it is
// within the grace period of its expiry (then a new one, the old one staying
// valid until it expires), or until force_refresh, which invalidates the old
// token at once — except within forceInterval of the previous force, when
// the current token is returned unchanged.
func (s *Server) stableToken(appid, secret string, force bool) (string, int, *Error) {
	now := s.Now()
	c := &s.creds
	c.mu.Lock()
	defer c.mu.Unlock()
	a, err := c.appLocked(appid, secret)
	if err != nil {
		return "", 0, err
	}
	cur := c.tokens[a.stable]
	valid := cur != nil && now.Before(cur.expires) && (cur.retire.IsZero() || now.Before(cur.retire))
	switch {
	case force && valid && s.forceInterval > 0 && !a.lastForce.IsZero() && now.Sub(a.lastForce) < s.forceInterval:
		return a.stable, secondsLeft(cur.expires, now), nil
	case force:
		delete(c.tokens, a.stable)
		a.lastForce = now
	case valid && cur.expires.Sub(now) > s.grace:
		return a.stable, secondsLeft(cur.expires, now), nil
	}
	a.stable = c.newTokenLocked(appid, now, s.ttl)
	return a.stable, secondsLeft(now.Add(s.ttl), now), nil
}

// IssueToken issues an access_token for a registered app exactly as GET
// /cgi-bin/token does, without HTTP.
func (s *Server) IssueToken(appid string) (string, error) {
	s.creds.mu.RLock()
	a, ok := s.creds.apps[appid]
	var secret string
	if ok {
		secret = a.secret
	}
	s.creds.mu.RUnlock()
	if !ok {
		return "", ErrCode(CodeInvalidAppID)
	}
	tok, _, err := s.issueToken(appid, secret)
	if err != nil {
		return "", err
	}
	return tok, nil
}

// ExpireTokens makes every issued access_token and ticket expired: using a
// token then answers 42001, and the next stable_token or getticket call
// issues a new one.
func (s *Server) ExpireTokens() {
	now := s.Now()
	s.creds.mu.Lock()
	defer s.creds.mu.Unlock()
	for _, t := range s.creds.tokens {
		if t.expires.After(now) {
			t.expires = now
		}
	}
	for _, a := range s.creds.apps {
		for _, t := range a.tickets {
			t.expires = now
		}
	}
}

// InvalidateToken revokes an access_token: using it then answers 40001. It
// reports whether the token was known.
func (s *Server) InvalidateToken(tok string) bool {
	s.creds.mu.Lock()
	defer s.creds.mu.Unlock()
	_, ok := s.creds.tokens[tok]
	delete(s.creds.tokens, tok)
	return ok
}

// ticket returns the app's current ticket of type typ, issuing a new one
// when there is none or it expired.
func (s *Server) ticket(appid, typ string) (string, int) {
	now := s.Now()
	s.creds.mu.Lock()
	defer s.creds.mu.Unlock()
	a := s.creds.apps[appid]
	if a == nil { // app removed while its token lives on: cannot happen today
		a = &app{tickets: map[string]*ticketRec{}}
		s.creds.apps[appid] = a
	}
	if t := a.tickets[typ]; t != nil && now.Before(t.expires) {
		return t.value, secondsLeft(t.expires, now)
	}
	t := &ticketRec{value: randToken(64), expires: now.Add(s.ttl)}
	a.tickets[typ] = t
	return t.value, secondsLeft(t.expires, now)
}

func (s *Server) registerTokenEndpoints() {
	// https://developers.weixin.qq.com/doc/offiaccount/Basic_Information/Get_access_token.html
	s.HandleJSON("GET /cgi-bin/token", func(r *Request) (any, error) {
		if r.Query.Get("grant_type") != "client_credential" {
			return nil, ErrCode(CodeInvalidGrantType)
		}
		tok, exp, err := s.issueToken(r.Query.Get("appid"), r.Query.Get("secret"))
		if err != nil {
			return nil, err
		}
		return tokenAnswer{tok, exp}, nil
	}, Public())

	// https://developers.weixin.qq.com/doc/offiaccount/Basic_Information/getStableAccessToken.html
	s.HandleJSON("POST /cgi-bin/stable_token", func(r *Request) (any, error) {
		var in struct {
			GrantType    string `json:"grant_type"`
			AppID        string `json:"appid"`
			Secret       string `json:"secret"`
			ForceRefresh bool   `json:"force_refresh"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		if in.GrantType != "client_credential" {
			return nil, ErrCode(CodeInvalidGrantType)
		}
		tok, exp, err := s.stableToken(in.AppID, in.Secret, in.ForceRefresh)
		if err != nil {
			return nil, err
		}
		return tokenAnswer{tok, exp}, nil
	}, Public())

	// https://developers.weixin.qq.com/doc/offiaccount/OA_Web_Apps/JS-SDK.html#62
	s.HandleJSON("GET /cgi-bin/ticket/getticket", func(r *Request) (any, error) {
		typ := r.Query.Get("type")
		if typ != "jsapi" && typ != "wx_card" {
			return nil, ErrCode(CodeInvalidArgs)
		}
		t, exp := s.ticket(r.AppID, typ)
		return ticketAnswer{Errcode: 0, Errmsg: "ok", Ticket: t, ExpiresIn: exp}, nil
	})
}

type tokenAnswer struct {
	AccessToken string `json:"access_token"`
	ExpiresIn   int    `json:"expires_in"`
}

type ticketAnswer struct {
	Errcode   int    `json:"errcode"`
	Errmsg    string `json:"errmsg"`
	Ticket    string `json:"ticket"`
	ExpiresIn int    `json:"expires_in"`
}
