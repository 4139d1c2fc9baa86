package hub

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/url"
	"strings"
	"time"

	wechat "github.com/weixin-go/wechat"
)

// SpringboardURL returns the springboard prefix of an environment on the
// hub at hubBaseURL (the hub's root, where WeChat's registered callback
// domain points): {hub}/{appid}/{env}/cb, or {hub}/{corpid}/{agentid}/{env}/cb
// for a WeCom agent (agentID not empty). A hub client's OAuth2 login
// appends the request's path and query to it to build its redirect_uri.
func SpringboardURL(hubBaseURL, appID, agentID, env string) string {
	u := strings.TrimRight(hubBaseURL, "/") + "/" + url.PathEscape(appID)
	if agentID != "" {
		u += "/" + url.PathEscape(agentID)
	}
	return u + "/" + url.PathEscape(env) + "/cb"
}

func envKey(appID, agentID, env string) string { return appID + "/" + agentID + "/" + env }

// validName reports whether an appid, agentid or environment name is usable
// in a springboard path.
func validName(v string) bool {
	if v == "" || len(v) > 64 || v == "cb" || v == "token" || v == "oauth2" || v == "." || v == ".." {
		return false
	}
	for i := 0; i < len(v); i++ {
		c := v[i]
		if !(c == '-' || c == '_' || c == '.' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
			return false
		}
	}
	return true
}

// checkBaseURL validates the base URL of an environment: absolute http or
// https, a host, no user info, query or fragment.
func checkBaseURL(raw string) (*url.URL, error) {
	u, err := url.Parse(raw)
	switch {
	case err != nil:
		return nil, errors.New("hub: environment URL is not a URL")
	case u.Scheme != "https" && u.Scheme != "http":
		return nil, errors.New("hub: environment URL must be http or https")
	case u.Host == "" || u.Opaque != "":
		return nil, errors.New("hub: environment URL has no host")
	case u.User != nil || u.RawQuery != "" || u.ForceQuery || u.Fragment != "":
		return nil, errors.New("hub: environment URL must not have user info, a query or a fragment")
	case strings.ContainsAny(u.Host, "\\@"):
		return nil, errors.New("hub: environment URL has an invalid host")
	}
	return u, nil
}

// SetOAuth2Env registers baseURL (such as "https://staging.example.com")
// as where the springboard forwards the web logins of env of appID (with
// agentID for a WeCom agent, "" otherwise). With WithEnvStore it fails if
// the store cannot be written.
func (s *Server) SetOAuth2Env(appID, agentID, env, baseURL string) error {
	if !validName(appID) || (agentID != "" && !validName(agentID)) || !validName(env) {
		return errors.New("hub: appid, agentid and environment must be 1-64 letters, digits, '-', '_' or '.' (and not cb, token or oauth2)")
	}
	u, err := checkBaseURL(baseURL)
	if err != nil {
		return err
	}
	base := strings.TrimRight(u.String(), "/")
	_, err = s.updateEnvs(appID, agentID, func(m map[string]string) bool {
		if m[env] == base {
			return false
		}
		m[env] = base
		return true
	})
	return err
}

// DeleteOAuth2Env forgets an environment; it reports whether it was known
// (false also when the env store failed: the failure is logged).
func (s *Server) DeleteOAuth2Env(appID, agentID, env string) bool {
	ok, err := s.deleteEnv(appID, agentID, env)
	if err != nil {
		s.logger.Warn("hub: environment not deleted", "appid", appID, "agentid", agentID, "env", env, "err", err)
	}
	return ok
}

func (s *Server) deleteEnv(appID, agentID, env string) (bool, error) {
	return s.updateEnvs(appID, agentID, func(m map[string]string) bool {
		_, ok := m[env]
		delete(m, env)
		return ok
	})
}

// OAuth2Envs returns the environments of appID (and agentID) with their
// base URLs.
func (s *Server) OAuth2Envs(appID, agentID string) map[string]string {
	return s.envsOf(context.Background(), appID, agentID)
}

// envStoreTimeout bounds each env store operation.
const envStoreTimeout = time.Second

// errEnvStore marks a failure of the env store (503, not 400).
var errEnvStore = errors.New("hub: environment store")

func envStoreKey(appID, agentID string) string {
	return "wechat:hub:oauth2_envs:" + appID + "/" + agentID
}

// envsOf returns the environments of appID/agentID: from the env store when
// there is one and it answers (refreshing the memory copy), otherwise from
// memory.
func (s *Server) envsOf(ctx context.Context, appID, agentID string) map[string]string {
	if s.envStore != nil {
		ctx, cancel := context.WithTimeout(ctx, envStoreTimeout)
		defer cancel()
		m, _, err := s.loadEnvs(ctx, appID, agentID)
		if err == nil {
			s.cacheEnvs(appID, agentID, m)
			return m
		}
		s.logger.Warn("hub: environment store failed; using the environments last seen", "appid", appID, "agentid", agentID, "err", err)
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.memEnvsLocked(appID, agentID)
}

func (s *Server) memEnvsLocked(appID, agentID string) map[string]string {
	prefix := envKey(appID, agentID, "")
	out := map[string]string{}
	for k, v := range s.envs {
		if env, ok := strings.CutPrefix(k, prefix); ok && !strings.Contains(env, "/") {
			out[env] = v
		}
	}
	return out
}

// cacheEnvs makes m the memory copy of appID/agentID's environments.
func (s *Server) cacheEnvs(appID, agentID string, m map[string]string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.replaceEnvsLocked(appID, agentID, m)
}

func (s *Server) replaceEnvsLocked(appID, agentID string, m map[string]string) {
	prefix := envKey(appID, agentID, "")
	for k := range s.envs {
		if env, ok := strings.CutPrefix(k, prefix); ok && !strings.Contains(env, "/") {
			if _, keep := m[env]; !keep {
				delete(s.envs, k)
			}
		}
	}
	for env, base := range m {
		s.envs[prefix+env] = base
	}
}

// loadEnvs reads appID/agentID's environments from the env store, with the
// raw value for a compare-and-swap (nil when there is none).
func (s *Server) loadEnvs(ctx context.Context, appID, agentID string) (map[string]string, []byte, error) {
	raw, err := s.envStore.Get(ctx, envStoreKey(appID, agentID))
	if errors.Is(err, wechat.ErrNotFound) {
		return map[string]string{}, nil, nil
	}
	if err != nil {
		return nil, nil, fmt.Errorf("%w: %w", errEnvStore, err)
	}
	m := map[string]string{}
	if err := json.Unmarshal(raw, &m); err != nil {
		return nil, nil, fmt.Errorf("%w: the stored environments of %s are not a JSON object", errEnvStore, appID)
	}
	return m, raw, nil
}

// updateEnvs applies change to appID/agentID's environments, in the env
// store when there is one (then in memory), and reports whether it changed
// anything. Concurrent changes from other instances are retried, after
// short jittered pauses within a second, when the store can compare-and-swap.
func (s *Server) updateEnvs(appID, agentID string, change func(map[string]string) bool) (bool, error) {
	if s.envStore == nil {
		s.mu.Lock()
		defer s.mu.Unlock()
		m := s.memEnvsLocked(appID, agentID)
		changed := change(m)
		s.replaceEnvsLocked(appID, agentID, m)
		return changed, nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), envStoreTimeout)
	defer cancel()
	key := envStoreKey(appID, agentID)
	cas, atomic := s.envStore.(wechat.CompareAndSwapper)
	for attempt := 0; ; attempt++ {
		m, raw, err := s.loadEnvs(ctx, appID, agentID)
		if err != nil {
			return false, err
		}
		if !change(m) {
			s.cacheEnvs(appID, agentID, m)
			return false, nil
		}
		next, err := wechat.MarshalJSON(m)
		if err != nil {
			return false, err
		}
		var done bool
		switch {
		case len(m) == 0:
			done, err = s.envStore.CompareAndDelete(ctx, key, raw)
		case raw == nil:
			done, err = s.envStore.SetNX(ctx, key, next, 0)
		case atomic:
			done, err = cas.CompareAndSwap(ctx, key, raw, next, 0)
		default:
			err = s.envStore.Set(ctx, key, next, 0)
			done = err == nil
		}
		if err != nil {
			return false, fmt.Errorf("%w: %w", errEnvStore, err)
		}
		if done {
			s.cacheEnvs(appID, agentID, m)
			return true, nil
		}
		// Another instance changed them in between: read again after a
		// short, growing, jittered pause, within the store timeout.
		pause := time.Duration(1+rand.IntN(1<<min(attempt, 5))) * time.Millisecond
		select {
		case <-ctx.Done():
			return false, fmt.Errorf("%w: the environments of %s changed concurrently; try again", errEnvStore, appID)
		case <-time.After(pause):
		}
	}
}

// serveEnvs is the authenticated environment API; rest follows "/oauth2/".
func (s *Server) serveEnvs(w http.ResponseWriter, r *http.Request, rest string) {
	parts := strings.Split(rest, "/")
	for _, p := range parts {
		if !validName(p) {
			writeJSON(w, http.StatusNotFound, errorBody{Error: "not found"})
			return
		}
	}
	switch {
	case r.Method == http.MethodGet && (len(parts) == 1 || len(parts) == 2):
		agent := ""
		if len(parts) == 2 {
			agent = parts[1]
		}
		envs := s.OAuth2Envs(parts[0], agent)
		writeJSON(w, http.StatusOK, struct {
			Envs map[string]string `json:"envs"`
		}{envs})
	case (r.Method == http.MethodPut || r.Method == http.MethodDelete) && (len(parts) == 2 || len(parts) == 3):
		app, agent, env := parts[0], "", parts[len(parts)-1]
		if len(parts) == 3 {
			agent = parts[1]
		}
		if r.Method == http.MethodDelete {
			known, err := s.deleteEnv(app, agent, env)
			if err != nil {
				s.logger.Warn("hub: environment not deleted", "appid", app, "env", env, "err", err)
				writeJSON(w, http.StatusServiceUnavailable, errorBody{Error: "environment store unavailable; try again"})
				return
			}
			if !known {
				writeJSON(w, http.StatusNotFound, errorBody{Error: "unknown environment"})
				return
			}
			writeJSON(w, http.StatusOK, struct{}{})
			return
		}
		var in struct {
			URL string `json:"url"`
		}
		if err := json.NewDecoder(io.LimitReader(r.Body, maxInvalidateBody)).Decode(&in); err != nil {
			writeJSON(w, http.StatusBadRequest, errorBody{Error: `body must be {"url":"https://..."}`})
			return
		}
		if err := s.SetOAuth2Env(app, agent, env, in.URL); errors.Is(err, errEnvStore) {
			s.logger.Warn("hub: environment not registered", "appid", app, "env", env, "err", err)
			writeJSON(w, http.StatusServiceUnavailable, errorBody{Error: "environment store unavailable; try again"})
			return
		} else if err != nil {
			writeJSON(w, http.StatusBadRequest, errorBody{Error: err.Error()})
			return
		}
		writeJSON(w, http.StatusOK, struct{}{})
	default:
		w.Header().Set("Allow", "GET, PUT, DELETE")
		writeJSON(w, http.StatusMethodNotAllowed, errorBody{Error: "method not allowed"})
	}
}

// springboard answers r if its path is a springboard path
// (/{app}/{env}/cb/... or /{app}/{agent}/{env}/cb/...), and reports whether
// it did. The path is taken escaped, so that an encoded slash or dot
// cannot pass for a separator or a segment.
func (s *Server) springboard(w http.ResponseWriter, r *http.Request) bool {
	raw := r.URL.EscapedPath()
	if !strings.HasPrefix(raw, "/") {
		return false
	}
	segs := strings.Split(raw[1:], "/")
	cb := -1
	switch {
	case len(segs) >= 3 && segs[2] == "cb":
		cb = 2
	case len(segs) >= 4 && segs[3] == "cb":
		cb = 3
	default:
		return false
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		return false
	}
	notFound := func() bool {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.WriteHeader(http.StatusNotFound)
		io.WriteString(w, "not found\n")
		return true
	}
	app, agent, env := segs[0], "", segs[cb-1]
	if cb == 3 {
		agent = segs[1]
	}
	if !validName(app) || (agent != "" && !validName(agent)) || !validName(env) {
		return notFound()
	}
	if r.URL.Query().Get("code") == "" {
		return notFound()
	}
	base := s.envsOf(r.Context(), app, agent)[env]
	if base == "" {
		return notFound()
	}
	rest := segs[cb+1:]
	if len(rest) == 1 && rest[0] == "" {
		rest = nil // ".../cb/"
	}
	var path strings.Builder
	for _, seg := range rest {
		v, err := url.PathUnescape(seg)
		if err != nil || v == "" || v == "." || v == ".." || strings.ContainsAny(v, "/\\") || hasControl(v) {
			return notFound()
		}
		path.WriteByte('/')
		path.WriteString(url.PathEscape(v))
	}
	target := base + path.String()
	if target == base {
		target += "/"
	}
	if r.URL.RawQuery != "" {
		target += "?" + r.URL.RawQuery
	}
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Referrer-Policy", "no-referrer")
	http.Redirect(w, r, target, http.StatusFound)
	return true
}

func hasControl(v string) bool {
	for i := 0; i < len(v); i++ {
		if v[i] < 0x20 || v[i] == 0x7f {
			return true
		}
	}
	return false
}
