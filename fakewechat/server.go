package fakewechat

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Credentials of the app every new Server knows unless WithoutDefaultApp is
// given. They are fakes: they only work against this package.
const (
	DefaultAppID  = "wxf00dfacecafe0001"
	DefaultSecret = "f4cef4cef4cef4cef4cef4cef4cef4ce"
)

// Defaults of the token options.
const (
	DefaultTokenTTL             = 7200 * time.Second
	DefaultGracePeriod          = 5 * time.Minute
	DefaultForceRefreshInterval = 30 * time.Second
	DefaultMaxRecorded          = 10000
	maxBody                     = 32 << 20
)

// builtin holds functions run by New on every server, in order, after the
// token and ticket endpoints are registered. Files of this package that fake
// a product's endpoints append to it from init:
//
//	func init() { builtin = append(builtin, registerMenu) }
var builtin []func(*Server)

// Server is a fake api.weixin.qq.com: an http.Handler that can also listen on
// loopback with Start. All its methods are safe for concurrent use.
type Server struct {
	addr          string
	clock         func() time.Time
	offset        atomic.Int64 // added to clock(), see Advance
	ttl           time.Duration
	grace         time.Duration
	forceInterval time.Duration
	defaultApp    bool

	routesMu sync.RWMutex
	routes   map[string]*route // "METHOD /path" or " /path" (any method)
	prefixes []*route          // patterns ending in "*", longest first

	creds    credentials
	faults   faultSet
	counts   counters
	recorder recorder
	states   sync.Map // appid -> *State
	wecomReg wecomAgents

	lifeMu    sync.Mutex
	hs        *http.Server
	url       string
	transport *http.Transport
}

// Option configures a Server.
type Option func(*Server)

// WithAddr sets the address Start listens on (default "127.0.0.1:0").
func WithAddr(addr string) Option { return func(s *Server) { s.addr = addr } }

// WithTokenTTL sets the lifetime of access tokens and tickets (default 7200s).
func WithTokenTTL(d time.Duration) Option {
	return func(s *Server) {
		if d > 0 {
			s.ttl = d
		}
	}
}

// WithGracePeriod sets how long an access_token from GET /cgi-bin/token keeps
// working after a newer one is issued, and how long before expiry
// stable_token starts handing out the next token (default 5 minutes).
func WithGracePeriod(d time.Duration) Option {
	return func(s *Server) {
		if d >= 0 {
			s.grace = d
		}
	}
}

// WithForceRefreshInterval sets the minimum interval between two effective
// force_refresh calls of stable_token; a force within it returns the current
// token, as WeChat does (default 30s; 0 disables the rule).
func WithForceRefreshInterval(d time.Duration) Option {
	return func(s *Server) {
		if d >= 0 {
			s.forceInterval = d
		}
	}
}

// WithClock sets the time source (default time.Now). Advance moves it further.
func WithClock(now func() time.Time) Option {
	return func(s *Server) {
		if now != nil {
			s.clock = now
		}
	}
}

// WithApp registers an app; see AddApp.
func WithApp(appid, secret string) Option {
	return func(s *Server) { s.AddApp(appid, secret) }
}

// WithoutDefaultApp leaves DefaultAppID unregistered.
func WithoutDefaultApp() Option { return func(s *Server) { s.defaultApp = false } }

// WithMaxRecorded sets how many requests Requests keeps (the most recent
// ones; default 10000). 0 disables recording.
func WithMaxRecorded(n int) Option {
	return func(s *Server) {
		if n >= 0 {
			s.recorder.max = n
		}
	}
}

// New returns a Server with the token, stable_token and ticket endpoints and
// every endpoint registered package-wide. Use it as an http.Handler or call
// Start.
func New(opts ...Option) *Server {
	s := &Server{
		addr:          "127.0.0.1:0",
		clock:         time.Now,
		ttl:           DefaultTokenTTL,
		grace:         DefaultGracePeriod,
		forceInterval: DefaultForceRefreshInterval,
		defaultApp:    true,
		routes:        map[string]*route{},
	}
	s.creds.init()
	s.recorder.max = DefaultMaxRecorded
	for _, o := range opts {
		o(s)
	}
	if s.defaultApp {
		s.creds.addAppIfAbsent(DefaultAppID, DefaultSecret)
	}
	s.registerTokenEndpoints()
	for _, f := range builtin {
		f(s)
	}
	return s
}

// Now returns the server's current time: the clock plus every Advance.
func (s *Server) Now() time.Time {
	return s.clock().Add(time.Duration(s.offset.Load()))
}

// Advance moves the server's clock forward by d, so that tests can expire
// tokens without sleeping.
func (s *Server) Advance(d time.Duration) { s.offset.Add(int64(d)) }

// Start listens on the configured address (127.0.0.1:0 by default: a free
// loopback port) and serves in the background. It returns the base URL, such
// as "http://127.0.0.1:41234". Calling Start again returns the same URL.
func (s *Server) Start() (string, error) {
	s.lifeMu.Lock()
	defer s.lifeMu.Unlock()
	if s.hs != nil {
		return s.url, nil
	}
	ln, err := net.Listen("tcp", s.addr)
	if err != nil {
		return "", fmt.Errorf("fakewechat: listen: %w", err)
	}
	s.hs = &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}
	s.url = "http://" + ln.Addr().String()
	go s.hs.Serve(ln) //nolint:errcheck // returns ErrServerClosed on Close
	return s.url, nil
}

// URL returns the base URL after Start, or "".
func (s *Server) URL() string {
	s.lifeMu.Lock()
	defer s.lifeMu.Unlock()
	return s.url
}

// Client returns an HTTP client tuned for many concurrent requests to the
// server (it keeps up to 512 idle connections). Close closes its idle
// connections.
func (s *Server) Client() *http.Client {
	s.lifeMu.Lock()
	defer s.lifeMu.Unlock()
	if s.transport == nil {
		s.transport = &http.Transport{
			Proxy:               nil,
			MaxIdleConns:        512,
			MaxIdleConnsPerHost: 512,
			IdleConnTimeout:     30 * time.Second,
		}
	}
	return &http.Client{Transport: s.transport}
}

// Close stops the server started by Start immediately, closing every
// connection.
func (s *Server) Close() error {
	s.lifeMu.Lock()
	defer s.lifeMu.Unlock()
	if s.transport != nil {
		s.transport.CloseIdleConnections()
	}
	if s.hs == nil {
		return nil
	}
	err := s.hs.Close()
	s.hs = nil
	return err
}

// Shutdown stops the server gracefully, waiting for active requests until ctx
// is done.
func (s *Server) Shutdown(ctx context.Context) error {
	s.lifeMu.Lock()
	hs := s.hs
	s.hs = nil
	s.lifeMu.Unlock()
	if hs == nil {
		return nil
	}
	return hs.Shutdown(ctx)
}

// TB is the part of testing.TB that NewTestServer uses.
type TB interface {
	Helper()
	Cleanup(func())
	Fatalf(format string, args ...any)
}

// NewTestServer starts a Server on a free loopback port and closes it when
// the test ends.
func NewTestServer(t TB, opts ...Option) *Server {
	t.Helper()
	s := New(opts...)
	if _, err := s.Start(); err != nil {
		t.Fatalf("fakewechat: %v", err)
		return s
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// Reset forgets injected faults, counters, recorded requests, issued tokens
// and tickets, and per-app state. Apps, handlers and the clock remain.
func (s *Server) Reset() {
	s.ClearFaults()
	s.counts.reset()
	s.recorder.reset()
	s.creds.resetTokens()
	s.states.Clear()
}

// Request is an API request as seen by an endpoint handler.
type Request struct {
	HTTP        *http.Request // Body is re-readable: it replays Body below
	Server      *Server
	AppID       string     // app of the access_token; "" for Public routes
	AccessToken string     // validated access_token; "" for Public routes
	Query       url.Values // parsed query string
	Body        []byte     // the whole request body
}

// Decode unmarshals the JSON body into v. A missing or malformed body yields
// an *Error (44002 empty post data, 47001 data format error) that a handler
// can return as is.
func (r *Request) Decode(v any) error {
	if len(bytes.TrimSpace(r.Body)) == 0 {
		return ErrCode(CodeEmptyPostData)
	}
	if err := json.Unmarshal(r.Body, v); err != nil {
		return ErrCode(CodeDataFormat)
	}
	return nil
}

// JSON decodes the body as a JSON object; see Decode.
func (r *Request) JSON() (map[string]any, error) {
	var m map[string]any
	if err := r.Decode(&m); err != nil {
		return nil, err
	}
	if m == nil {
		return nil, ErrCode(CodeDataFormat)
	}
	return m, nil
}

// State returns the per-app state of the request's app.
func (r *Request) State() *State { return r.Server.State(r.AppID) }

// Now returns the server's current time.
func (r *Request) Now() time.Time { return r.Server.Now() }

// JSONHandler answers an API request with a value marshalled to JSON, or an
// error. A nil value with a nil error answers {"errcode":0,"errmsg":"ok"}; an
// *Error (possibly wrapped) answers {"errcode","errmsg"}; any other error
// answers errcode -1 (system error). A []byte or json.RawMessage value is
// written as is.
type JSONHandler func(r *Request) (any, error)

// RawHandler writes the whole response itself, for binary or multipart
// endpoints.
type RawHandler func(w http.ResponseWriter, r *Request)

// M is a JSON object.
type M = map[string]any

// OK returns m plus "errcode":0 and "errmsg":"ok", the envelope of most
// WeChat API answers. m may be nil.
func OK(m M) M {
	out := make(M, len(m)+2)
	for k, v := range m {
		out[k] = v
	}
	out["errcode"] = 0
	out["errmsg"] = "ok"
	return out
}

type route struct {
	method  string // "" = any
	path    string // without the trailing "*" of a prefix pattern
	prefix  bool
	public  bool
	jsonH   JSONHandler
	rawH    RawHandler
	pattern string
}

// RouteOption modifies a registration.
type RouteOption func(*route)

// Public is a RouteOption for endpoints called without access_token (the
// token endpoints, sns/oauth2, ...): the handler runs without the check and
// Request.AppID is empty.
func Public() RouteOption { return func(rt *route) { rt.public = true } }

// parsePattern splits "METHOD /path", "/path" (any method) and "" or "*"
// (any request); a path ending in "*" matches every path with that prefix.
func parsePattern(p string) (method, path string, prefix bool, err error) {
	p = strings.TrimSpace(p)
	if p == "" || p == "*" {
		return "", "/", true, nil
	}
	if i := strings.IndexByte(p, ' '); i >= 0 {
		method, path = p[:i], strings.TrimSpace(p[i+1:])
		if method == "" || strings.ToUpper(method) != method {
			return "", "", false, fmt.Errorf("fakewechat: bad method in pattern %q", p)
		}
	} else {
		path = p
	}
	if !strings.HasPrefix(path, "/") || strings.ContainsAny(path, " ?#") {
		return "", "", false, fmt.Errorf("fakewechat: bad path in pattern %q", p)
	}
	if strings.HasSuffix(path, "*") {
		return method, strings.TrimSuffix(path, "*"), true, nil
	}
	return method, path, false, nil
}

func (rt *route) matches(method, path string) bool {
	if rt.method != "" && rt.method != method {
		return false
	}
	if rt.prefix {
		return strings.HasPrefix(path, rt.path)
	}
	return rt.path == path
}

// HandleJSON registers h for pattern ("METHOD /path", "/path" for any
// method, a trailing "*" for a path prefix), replacing any earlier handler of
// the same pattern. Unless the Public option is given, the access_token query
// parameter is validated first (41001, 40001, 42001) and Request.AppID is its
// app. It panics on a malformed pattern, like http.ServeMux.
func (s *Server) HandleJSON(pattern string, h JSONHandler, opts ...RouteOption) {
	s.handle(pattern, &route{jsonH: h}, opts)
}

// HandleRaw is HandleJSON for handlers that write the response themselves.
func (s *Server) HandleRaw(pattern string, h RawHandler, opts ...RouteOption) {
	s.handle(pattern, &route{rawH: h}, opts)
}

func (s *Server) handle(pattern string, rt *route, opts []RouteOption) {
	method, path, prefix, err := parsePattern(pattern)
	if err != nil {
		panic(err)
	}
	if rt.jsonH == nil && rt.rawH == nil {
		panic("fakewechat: nil handler for " + pattern)
	}
	rt.method, rt.path, rt.prefix, rt.pattern = method, path, prefix, pattern
	for _, o := range opts {
		o(rt)
	}
	s.routesMu.Lock()
	defer s.routesMu.Unlock()
	if !prefix {
		s.routes[method+" "+path] = rt
		return
	}
	kept := s.prefixes[:0]
	for _, old := range s.prefixes {
		if old.method != method || old.path != path {
			kept = append(kept, old)
		}
	}
	s.prefixes = append(kept, rt)
	sort.SliceStable(s.prefixes, func(i, j int) bool { return len(s.prefixes[i].path) > len(s.prefixes[j].path) })
}

// lookup finds the route of a request; when the path is only registered for
// another method it returns the WeChat error for that.
func (s *Server) lookup(method, path string) (*route, *Error) {
	s.routesMu.RLock()
	defer s.routesMu.RUnlock()
	if rt := s.routes[method+" "+path]; rt != nil {
		return rt, nil
	}
	if rt := s.routes[" "+path]; rt != nil {
		return rt, nil
	}
	for _, rt := range s.prefixes {
		if rt.matches(method, path) {
			return rt, nil
		}
	}
	if s.routes["POST "+path] != nil {
		return nil, ErrCode(CodeRequirePOST)
	}
	if s.routes["GET "+path] != nil {
		return nil, ErrCode(CodeRequireGET)
	}
	return nil, nil
}

// ServeHTTP implements http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if strings.HasPrefix(r.URL.Path, "/fake/") {
		s.serveAdmin(w, r)
		return
	}
	key := r.Method + " " + r.URL.Path
	s.counts.inc(key)
	if r.Body == nil {
		r.Body = http.NoBody
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBody))
	if err != nil {
		s.writeError(w, r, http.StatusRequestEntityTooLarge, Errorf(CodeSystemBusy, "request body unreadable or larger than %d bytes", maxBody))
		return
	}
	s.recorder.add(r, body, s.Now())
	if s.faults.active() && s.applyFaults(w, r) {
		return
	}
	rt, lerr := s.lookup(r.Method, r.URL.Path)
	if lerr != nil {
		s.writeError(w, r, http.StatusOK, lerr)
		return
	}
	if rt == nil {
		s.writeError(w, r, http.StatusNotFound, ErrCode(CodeInvalidURL))
		return
	}
	req := &Request{HTTP: r, Server: s, Query: r.URL.Query(), Body: body}
	if !rt.public {
		tok := req.Query.Get("access_token")
		appid, terr := s.creds.check(tok, s.Now())
		if terr != nil {
			s.writeError(w, r, http.StatusOK, terr)
			return
		}
		req.AppID, req.AccessToken = appid, tok
	}
	if e := checkCharset(r.Header.Get("Content-Type"), body); e != nil {
		s.writeError(w, r, http.StatusOK, e)
		return
	}
	r.Body = io.NopCloser(bytes.NewReader(body))
	if rt.rawH != nil {
		rt.rawH(w, req)
		return
	}
	v, herr := rt.jsonH(req)
	if herr != nil {
		var e *Error
		if !errors.As(herr, &e) {
			e = ErrCode(CodeSystemBusy)
		}
		s.writeError(w, r, http.StatusOK, e)
		return
	}
	if v == nil {
		v = OK(nil)
	}
	writeJSON(w, http.StatusOK, v)
}

// WriteJSON writes v as a WeChat-style JSON answer; for RawHandlers.
func WriteJSON(w http.ResponseWriter, status int, v any) { writeJSON(w, status, v) }

func writeJSON(w http.ResponseWriter, status int, v any) {
	var b []byte
	switch x := v.(type) {
	case json.RawMessage:
		b = x
	case []byte:
		b = x
	default:
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(v); err != nil {
			status = http.StatusInternalServerError
			buf.Reset()
			fmt.Fprintf(&buf, `{"errcode":-1,"errmsg":"fakewechat: cannot marshal answer"}`)
		}
		b = bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
	}
	h := w.Header()
	h.Set("Content-Type", "application/json; encoding=utf-8")
	h.Set("Content-Length", fmt.Sprint(len(b)))
	w.WriteHeader(status)
	w.Write(b) //nolint:errcheck // client gone
}

// WriteError writes e as {"errcode","errmsg"} with the rid suffix; for
// RawHandlers.
func (s *Server) WriteError(w http.ResponseWriter, r *http.Request, e *Error) {
	s.writeError(w, r, http.StatusOK, e)
}

func (s *Server) writeError(w http.ResponseWriter, r *http.Request, status int, e *Error) {
	writeJSON(w, status, errorBody{Errcode: e.Code, Errmsg: e.message(clientIP(r)) + ", rid: " + rid(s.Now())})
}

type errorBody struct {
	Errcode int    `json:"errcode"`
	Errmsg  string `json:"errmsg"`
}

// CodeInvalidCharset is WeChat's answer to a request body holding a
// \uXXXX escape of '&', '<' or '>' (what json.Marshal writes with HTML
// escaping on).
const CodeInvalidCharset = 40033

// checkCharset rejects, as WeChat does, a request body (for a multipart
// body: its form fields, not its files) holding "\u0026", "\u003c" or
// "\u003e" in either case with errcode 40033.
func checkCharset(contentType string, body []byte) *Error {
	if len(body) == 0 {
		return nil
	}
	if mt, params, err := mime.ParseMediaType(contentType); err == nil && strings.HasPrefix(mt, "multipart/") {
		mr := multipart.NewReader(bytes.NewReader(body), params["boundary"])
		for {
			part, err := mr.NextPart()
			if err != nil {
				return nil // the handler judges a malformed body
			}
			if part.FileName() != "" {
				continue
			}
			v, _ := io.ReadAll(io.LimitReader(part, maxBody))
			if hasHTMLEscape(v) {
				return charsetError()
			}
		}
	}
	if hasHTMLEscape(body) {
		return charsetError()
	}
	return nil
}

func charsetError() *Error {
	return Errorf(CodeInvalidCharset, `invalid charset. please check your request, if include \uxxxx will create fail!`)
}

func hasHTMLEscape(b []byte) bool {
	for i := 0; ; {
		j := bytes.Index(b[i:], []byte(`\u00`))
		if j < 0 {
			return false
		}
		i += j + 4
		if i+2 <= len(b) {
			switch string(bytes.ToLower(b[i : i+2])) {
			case "26", "3c", "3e":
				// An escaped backslash before it ("\\u0026") is text, not an escape.
				if !oddBackslashesBefore(b, i-4) {
					return true
				}
			}
		}
	}
}

// oddBackslashesBefore reports whether the backslash at b[k] is itself
// escaped (preceded by an odd number of backslashes).
func oddBackslashesBefore(b []byte, k int) bool {
	n := 0
	for k--; k >= 0 && b[k] == '\\'; k-- {
		n++
	}
	return n%2 == 1
}
