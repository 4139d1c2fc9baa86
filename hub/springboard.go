package hub

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/url"
	"strings"
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
// agentID for a WeCom agent, "" otherwise).
func (s *Server) SetOAuth2Env(appID, agentID, env, baseURL string) error {
	if !validName(appID) || (agentID != "" && !validName(agentID)) || !validName(env) {
		return errors.New("hub: appid, agentid and environment must be 1-64 letters, digits, '-', '_' or '.' (and not cb, token or oauth2)")
	}
	u, err := checkBaseURL(baseURL)
	if err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.envs[envKey(appID, agentID, env)] = strings.TrimRight(u.String(), "/")
	return nil
}

// DeleteOAuth2Env forgets an environment; it reports whether it was known.
func (s *Server) DeleteOAuth2Env(appID, agentID, env string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	k := envKey(appID, agentID, env)
	_, ok := s.envs[k]
	delete(s.envs, k)
	return ok
}

// OAuth2Envs returns the environments of appID (and agentID) with their
// base URLs.
func (s *Server) OAuth2Envs(appID, agentID string) map[string]string {
	s.mu.RLock()
	defer s.mu.RUnlock()
	prefix := envKey(appID, agentID, "")
	out := map[string]string{}
	for k, v := range s.envs {
		if env, ok := strings.CutPrefix(k, prefix); ok && !strings.Contains(env, "/") {
			out[env] = v
		}
	}
	return out
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
			if !s.DeleteOAuth2Env(app, agent, env) {
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
		if err := s.SetOAuth2Env(app, agent, env, in.URL); err != nil {
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
	s.mu.RLock()
	base := s.envs[envKey(app, agent, env)]
	s.mu.RUnlock()
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
