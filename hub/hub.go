// Package hub shares an app's tokens with other services over HTTP: one
// process (the hub) refreshes access tokens and tickets against WeChat, and
// any number of hub clients read them from it, never calling WeChat for
// tokens themselves. Use it when the services cannot share a Store, or when
// only the hub's IP is whitelisted for the token endpoints.
//
//	GET  {base}/token/{appid}/{name}             → {"value":"...","expires_in":seconds,"expires_at":unix}
//	POST {base}/token/{appid}/{name}/invalidate  {"value":"rejected token"} → a fresh token
//
// name is access_token, jsapi_ticket, wx_card_ticket or any name registered
// with Server.Register. Every request must carry the shared secret as a
// bearer token; the comparison is constant-time on SHA-256 digests, so it
// reveals neither the secret nor its length, and rejected attempts are
// logged (without what was sent). A token's lifetime travels as expires_in,
// relative to the answer, so that hub clients with a skewed clock get it
// right; expires_at (the hub's clock) is kept for older clients.
//
// When the hub cannot get a token (WeChat fails), it answers 502 with
// {"error":"...","retry_after":seconds} and a Retry-After header: the
// failure is remembered (see wechat.TokenOptions.FailureBackoff) and hub
// clients wait that long before asking again. Invalidations are passed on
// at most once per credential per WithInvalidateInterval (default 30s), as
// WeChat allows only a few forced refreshes a day.
//
// # OAuth2 springboard
//
// WeChat redirects web logins (网页授权) only to one registered domain. The
// hub can stand on that domain and forward each login to the environment
// it came from:
//
//	GET /{appid}/{env}/cb/{path}?code=...&state=...            (official accounts)
//	GET /{corpid}/{agentid}/{env}/cb/{path}?code=...&state=... (WeCom)
//
// answer 302 to {registered base URL of env}/{path}?{the same query}. These
// paths are public (WeChat's redirect carries no secret) and relative to
// the hub's root: mount the hub with http.StripPrefix when it lives under a
// prefix. Only registered base URLs are ever redirected to; path segments
// "." and "..", empty segments, backslashes and encoded slashes are
// refused, and an unknown environment or a request without code is a 404.
// Environments are registered with Server.SetOAuth2Env or through the
// authenticated API, and kept in a shared store with WithEnvStore:
//
//	PUT    {base}/oauth2/{appid}[/{agentid}]/{env}  {"url":"https://app.example.com"}
//	DELETE {base}/oauth2/{appid}[/{agentid}]/{env}
//	GET    {base}/oauth2/{appid}[/{agentid}]        → {"envs":{"prod":"https://..."}}
//
// A hub client builds its redirect_uri with SpringboardURL (see
// oa.OAuth2LoginConfig.Springboard).
//
// # Serving
//
// NewHTTPServer returns an *http.Server with read, write, idle and header
// timeouts suited to the hub; use it with ListenAndServe or
// ListenAndServeTLS.
package hub

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	wechat "github.com/weixin-go/wechat"
)

// Credential is something the hub can serve: a token with its expiry, and
// a way to drop a token a client saw rejected. *wechat.TokenCache is one.
type Credential interface {
	Fetch(ctx context.Context) (wechat.Token, error)
	Invalidate(ctx context.Context, token string) error
}

// Server is the hub: an http.Handler serving registered credentials.
type Server struct {
	secret      [sha256.Size]byte // digest of the shared secret
	logger      *slog.Logger
	timeout     time.Duration
	invInterval time.Duration

	mu      sync.RWMutex
	creds   map[string]Credential // "appid/name"
	lastInv map[string]time.Time  // "appid/name" → last invalidation passed on
	envs    map[string]string     // "appid/agentid/env" → base URL (the last known, with WithEnvStore)

	envStore wechat.Store // WithEnvStore; nil: environments live in memory only
}

// ServerOption configures a Server.
type ServerOption func(*Server)

// WithLogger sets the logger (default slog.Default(); pass
// slog.New(slog.DiscardHandler) to turn logging off). Rejected requests and
// failed refreshes are logged at Warn level; tokens and the secret are
// never logged.
func WithLogger(l *slog.Logger) ServerOption { return func(s *Server) { s.logger = l } }

// WithEnvStore keeps the springboard's OAuth2 environments in store as well
// as in memory: they survive restarts, and every hub instance sharing the
// store (Redis behind a load balancer, say) forwards the same logins and
// sees registrations and deletions made on any of them. Each springboard
// request reads them from the store (bounded to a second); if the store
// fails, the last environments this instance saw are used and a warning is
// logged. Changes are written with compare-and-swap when the store is a
// wechat.CompareAndSwapper. Without this option environments live in this
// process only.
func WithEnvStore(store wechat.Store) ServerOption { return func(s *Server) { s.envStore = store } }

// WithTimeout bounds how long a request may wait for a refresh (default 20s).
func WithTimeout(d time.Duration) ServerOption { return func(s *Server) { s.timeout = d } }

// WithInvalidateInterval sets the least time between two invalidations of
// one credential passed on to it (default 30s); invalidations in between
// are answered with the current token.
func WithInvalidateInterval(d time.Duration) ServerOption {
	return func(s *Server) { s.invInterval = d }
}

// NewHTTPServer returns an *http.Server serving handler on addr with
// timeouts suited to the hub: 5s to read the headers, 10s the whole
// request, 60s to write the answer (longer than a refresh may take), 2
// minutes of idle keep-alive and 16 KiB of headers.
func NewHTTPServer(addr string, handler http.Handler) *http.Server {
	return &http.Server{
		Addr: addr, Handler: handler,
		ReadHeaderTimeout: 5 * time.Second, ReadTimeout: 10 * time.Second,
		WriteTimeout: 60 * time.Second, IdleTimeout: 2 * time.Minute, MaxHeaderBytes: 16 << 10,
	}
}

// NewServer returns a hub that requires secret (at least 16 bytes) as a
// bearer token on every request.
func NewServer(secret string, opts ...ServerOption) (*Server, error) {
	if len(secret) < 16 {
		return nil, errors.New("hub: the shared secret must be at least 16 bytes")
	}
	s := &Server{
		secret: sha256.Sum256([]byte(secret)), logger: slog.Default(), timeout: 20 * time.Second,
		invInterval: 30 * time.Second, creds: map[string]Credential{}, lastInv: map[string]time.Time{}, envs: map[string]string{},
	}
	for _, o := range opts {
		o(s)
	}
	if s.logger == nil {
		s.logger = slog.Default()
	}
	if s.timeout <= 0 {
		s.timeout = 20 * time.Second
	}
	return s, nil
}

// Register serves cred as name of appID.
func (s *Server) Register(appID, name string, cred Credential) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.creds[appID+"/"+name] = cred
}

// RegisterClient serves every credential the client keeps itself: its
// access token and, for official accounts, the jsapi and wx_card tickets.
func (s *Server) RegisterClient(c *wechat.Client) {
	for _, name := range []string{wechat.KeyAccessToken, wechat.KeyJSAPITicket, wechat.KeyCardTicket} {
		if tc, ok := c.Credential(name); ok {
			s.Register(c.AppID(), name, tc)
		}
	}
}

// Unregister stops serving every credential of appID.
func (s *Server) Unregister(appID string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for k := range s.creds {
		if strings.HasPrefix(k, appID+"/") {
			delete(s.creds, k)
		}
	}
}

type tokenBody struct {
	Value     string `json:"value"`
	ExpiresIn int64  `json:"expires_in,omitempty"`
	ExpiresAt int64  `json:"expires_at,omitempty"`
}

type errorBody struct {
	Error      string `json:"error"`
	RetryAfter int64  `json:"retry_after,omitempty"`
}

const maxInvalidateBody = 4 << 10

// ServeHTTP implements http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if s.springboard(w, r) {
		return
	}
	if reason := s.authorized(r); reason != "" {
		w.Header().Set("WWW-Authenticate", `Bearer realm="wechat-hub"`)
		writeJSON(w, http.StatusUnauthorized, errorBody{Error: "unauthorized"})
		s.logger.LogAttrs(r.Context(), slog.LevelWarn, "hub: rejected request", slog.String("reason", reason),
			slog.String("remote", r.RemoteAddr), slog.String("method", clipLog(r.Method)), slog.String("path", clipLog(r.URL.Path)))
		return
	}
	if i := strings.Index(r.URL.Path, "/oauth2/"); i >= 0 && !strings.Contains(r.URL.Path, "/token/") {
		s.serveEnvs(w, r, r.URL.Path[i+len("/oauth2/"):])
		return
	}
	i := strings.Index(r.URL.Path, "/token/") // the hub may be mounted under a prefix
	if i < 0 {
		writeJSON(w, http.StatusNotFound, errorBody{Error: "not found"})
		return
	}
	rest := r.URL.Path[i+len("/token/"):]
	invalidate := false
	if p, ok := strings.CutSuffix(rest, "/invalidate"); ok {
		rest, invalidate = p, true
	}
	appID, name, ok := strings.Cut(rest, "/")
	if !ok || appID == "" || name == "" || strings.Contains(name, "/") {
		writeJSON(w, http.StatusNotFound, errorBody{Error: "not found"})
		return
	}
	credKey := appID + "/" + name
	s.mu.RLock()
	cred := s.creds[credKey]
	s.mu.RUnlock()
	if cred == nil {
		writeJSON(w, http.StatusNotFound, errorBody{Error: "unknown credential " + clipLog(credKey)})
		return
	}
	switch {
	case invalidate && r.Method == http.MethodPost:
		var in tokenBody
		if err := json.NewDecoder(io.LimitReader(r.Body, maxInvalidateBody)).Decode(&in); err != nil || in.Value == "" {
			writeJSON(w, http.StatusBadRequest, errorBody{Error: `body must be {"value":"<rejected token>"}`})
			return
		}
		if s.mayInvalidate(credKey) {
			if err := cred.Invalidate(r.Context(), in.Value); err != nil {
				s.logger.LogAttrs(r.Context(), slog.LevelWarn, "hub: invalidate not applied", slog.String("credential", credKey), slog.String("error", err.Error()))
			}
		} else {
			s.logger.LogAttrs(r.Context(), slog.LevelDebug, "hub: invalidation rate limited; answering the current token", slog.String("credential", credKey))
		}
	case !invalidate && (r.Method == http.MethodGet || r.Method == http.MethodHead):
	default:
		w.Header().Set("Allow", "GET, POST")
		writeJSON(w, http.StatusMethodNotAllowed, errorBody{Error: "method not allowed"})
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), s.timeout)
	defer cancel()
	tok, err := cred.Fetch(ctx)
	if err != nil {
		s.logger.LogAttrs(ctx, slog.LevelWarn, "hub: refresh failed", slog.String("credential", credKey), slog.String("error", err.Error()))
		body := errorBody{Error: err.Error()}
		var be *wechat.BackoffError
		if errors.As(err, &be) {
			body.RetryAfter = max(1, int64((time.Until(be.Next)+time.Second-1)/time.Second))
			w.Header().Set("Retry-After", strconv.FormatInt(body.RetryAfter, 10))
		}
		writeJSON(w, http.StatusBadGateway, body)
		return
	}
	body := tokenBody{Value: tok.Value}
	if !tok.ExpiresAt.IsZero() {
		body.ExpiresAt = tok.ExpiresAt.Unix()
		body.ExpiresIn = max(1, int64(time.Until(tok.ExpiresAt)/time.Second))
	}
	w.Header().Set("Cache-Control", "no-store")
	writeJSON(w, http.StatusOK, body)
}

// mayInvalidate reports whether an invalidation of credKey may be passed on
// now, and if so notes it.
func (s *Server) mayInvalidate(credKey string) bool {
	now := time.Now()
	s.mu.Lock()
	defer s.mu.Unlock()
	if last, ok := s.lastInv[credKey]; ok && now.Sub(last) < s.invInterval {
		return false
	}
	s.lastInv[credKey] = now
	return true
}

// authorized returns why r is not authorized, or "". The presented secret
// is hashed first: the constant-time comparison of the digests then reveals
// neither the secret's content nor its length.
func (s *Server) authorized(r *http.Request) string {
	got, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !ok {
		return "no bearer token"
	}
	sum := sha256.Sum256([]byte(got))
	if subtle.ConstantTimeCompare(sum[:], s.secret[:]) != 1 {
		return "wrong secret"
	}
	return ""
}

// clipLog shortens client-controlled text before it is logged or echoed.
func clipLog(v string) string {
	if len(v) > 128 {
		return v[:128] + "..."
	}
	return v
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}
