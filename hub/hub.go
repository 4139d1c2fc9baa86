// Package hub shares an app's tokens with other services over HTTP: one
// process (the hub) refreshes access tokens and tickets against WeChat, and
// any number of hub clients read them from it, never calling WeChat for
// tokens themselves. Use it when the services cannot share a Store, or when
// only the hub's IP is whitelisted for the token endpoints.
//
//	GET  {base}/token/{appid}/{name}             → {"value":"...","expires_at":unix}
//	POST {base}/token/{appid}/{name}/invalidate  {"value":"rejected token"} → a fresh token
//
// name is access_token, jsapi_ticket, wx_card_ticket or any name registered
// with Server.Register. Every request must carry the shared secret as a
// bearer token; comparisons are constant-time.
package hub

import (
	"context"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
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
	secret  []byte
	logger  *slog.Logger
	timeout time.Duration

	mu    sync.RWMutex
	creds map[string]Credential // "appid/name"
}

// ServerOption configures a Server.
type ServerOption func(*Server)

// WithLogger sets the logger (default slog.Default(); pass
// slog.New(slog.DiscardHandler) to turn logging off). Rejected requests and
// failed refreshes are logged at Warn level; tokens and the secret are
// never logged.
func WithLogger(l *slog.Logger) ServerOption { return func(s *Server) { s.logger = l } }

// WithTimeout bounds how long a request may wait for a refresh (default 20s).
func WithTimeout(d time.Duration) ServerOption { return func(s *Server) { s.timeout = d } }

// NewServer returns a hub that requires secret (at least 16 bytes) as a
// bearer token on every request.
func NewServer(secret string, opts ...ServerOption) (*Server, error) {
	if len(secret) < 16 {
		return nil, errors.New("hub: the shared secret must be at least 16 bytes")
	}
	s := &Server{secret: []byte(secret), logger: slog.Default(), timeout: 20 * time.Second, creds: map[string]Credential{}}
	for _, o := range opts {
		o(s)
	}
	if s.logger == nil {
		s.logger = slog.Default()
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
	ExpiresAt int64  `json:"expires_at,omitempty"`
}

type errorBody struct {
	Error string `json:"error"`
}

const maxInvalidateBody = 4 << 10

// ServeHTTP implements http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !s.authorized(r) {
		w.Header().Set("WWW-Authenticate", `Bearer realm="wechat-hub"`)
		writeJSON(w, http.StatusUnauthorized, errorBody{"unauthorized"})
		s.logger.LogAttrs(r.Context(), slog.LevelWarn, "hub: unauthorized request", slog.String("remote", r.RemoteAddr))
		return
	}
	i := strings.Index(r.URL.Path, "/token/") // the hub may be mounted under a prefix
	if i < 0 {
		writeJSON(w, http.StatusNotFound, errorBody{"not found"})
		return
	}
	rest := r.URL.Path[i+len("/token/"):]
	invalidate := false
	if p, ok := strings.CutSuffix(rest, "/invalidate"); ok {
		rest, invalidate = p, true
	}
	appID, name, ok := strings.Cut(rest, "/")
	if !ok || appID == "" || name == "" || strings.Contains(name, "/") {
		writeJSON(w, http.StatusNotFound, errorBody{"not found"})
		return
	}
	s.mu.RLock()
	cred := s.creds[appID+"/"+name]
	s.mu.RUnlock()
	if cred == nil {
		writeJSON(w, http.StatusNotFound, errorBody{"unknown credential " + appID + "/" + name})
		return
	}
	switch {
	case invalidate && r.Method == http.MethodPost:
		var in tokenBody
		if err := json.NewDecoder(io.LimitReader(r.Body, maxInvalidateBody)).Decode(&in); err != nil || in.Value == "" {
			writeJSON(w, http.StatusBadRequest, errorBody{`body must be {"value":"<rejected token>"}`})
			return
		}
		if err := cred.Invalidate(r.Context(), in.Value); err != nil {
			s.logger.LogAttrs(r.Context(), slog.LevelWarn, "hub: invalidate failed", slog.String("credential", appID+"/"+name), slog.String("error", err.Error()))
		}
	case !invalidate && (r.Method == http.MethodGet || r.Method == http.MethodHead):
	default:
		w.Header().Set("Allow", "GET, POST")
		writeJSON(w, http.StatusMethodNotAllowed, errorBody{"method not allowed"})
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), s.timeout)
	defer cancel()
	tok, err := cred.Fetch(ctx)
	if err != nil {
		s.logger.LogAttrs(ctx, slog.LevelWarn, "hub: refresh failed", slog.String("credential", appID+"/"+name), slog.String("error", err.Error()))
		writeJSON(w, http.StatusBadGateway, errorBody{err.Error()})
		return
	}
	body := tokenBody{Value: tok.Value}
	if !tok.ExpiresAt.IsZero() {
		body.ExpiresAt = tok.ExpiresAt.Unix()
	}
	w.Header().Set("Cache-Control", "no-store")
	writeJSON(w, http.StatusOK, body)
}

func (s *Server) authorized(r *http.Request) bool {
	got, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	return ok && subtle.ConstantTimeCompare([]byte(got), s.secret) == 1
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}
