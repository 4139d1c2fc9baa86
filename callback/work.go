package callback

import (
	"bytes"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"path"
	"time"

	"github.com/weixin-go/wechat"
)

// WorkAgent is one WeCom application (agent) of a corp, with the token and
// EncodingAESKey set on its "接收消息" page.
type WorkAgent struct {
	AgentID        string
	Token          string
	EncodingAESKey string
	Handler        Handler
}

// WorkConfig configures a WorkServer. The fields after Agents have the
// meaning of the same fields of Config.
type WorkConfig struct {
	CorpID string // receiver id of every agent (required)
	Agents []WorkAgent

	Store           wechat.Store
	DisableDedup    bool
	MaxBodyBytes    int64
	TimestampWindow time.Duration
	Logger          *slog.Logger
	Now             func() time.Time
}

// WorkServer serves the callbacks of several agents of one WeCom corp. The
// agent is chosen by the last element of the URL path (configure
// https://example.com/wecom/1000002 for agent 1000002); when the path does
// not name an agent, a POST is routed by the AgentID element of its
// envelope, and with a single agent that agent is used.
//
// See https://developer.work.weixin.qq.com/document/path/90930.
type WorkServer struct {
	agents map[string]*Server
	only   *Server
	log    *slog.Logger
	max    int64
}

// NewWorkServer validates cfg and returns a WorkServer.
func NewWorkServer(cfg WorkConfig) (*WorkServer, error) {
	if cfg.CorpID == "" || len(cfg.Agents) == 0 {
		return nil, fmt.Errorf("%w: WorkConfig needs CorpID and at least one agent", ErrConfig)
	}
	if cfg.Store == nil {
		cfg.Store = wechat.NewMemoryStore()
	}
	ws := &WorkServer{agents: make(map[string]*Server, len(cfg.Agents))}
	for _, a := range cfg.Agents {
		if a.AgentID == "" {
			return nil, fmt.Errorf("%w: agent without AgentID", ErrConfig)
		}
		if _, dup := ws.agents[a.AgentID]; dup {
			return nil, fmt.Errorf("%w: duplicate agent %s", ErrConfig, a.AgentID)
		}
		s, err := newServer(Config{
			Token: a.Token, EncodingAESKey: a.EncodingAESKey, AppID: cfg.CorpID, WeCom: true,
			Handler: a.Handler, Store: cfg.Store, DisableDedup: cfg.DisableDedup,
			MaxBodyBytes: cfg.MaxBodyBytes, TimestampWindow: cfg.TimestampWindow,
			Logger: cfg.Logger, Now: cfg.Now,
		}, cfg.CorpID+"/"+a.AgentID)
		if err != nil {
			return nil, fmt.Errorf("agent %s: %w", a.AgentID, err)
		}
		ws.agents[a.AgentID] = s
		ws.log, ws.max = s.log, s.cfg.MaxBodyBytes
	}
	if len(cfg.Agents) == 1 {
		ws.only = ws.agents[cfg.Agents[0].AgentID]
	}
	return ws, nil
}

// ServeHTTP implements http.Handler.
func (ws *WorkServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if s := ws.agents[path.Base(r.URL.Path)]; s != nil {
		s.ServeHTTP(w, r)
		return
	}
	if ws.only != nil {
		ws.only.ServeHTTP(w, r)
		return
	}
	if r.Method == http.MethodPost {
		body, err := io.ReadAll(io.LimitReader(r.Body, ws.max+1))
		if r.ContentLength > ws.max || int64(len(body)) > ws.max {
			ws.log.LogAttrs(r.Context(), slog.LevelWarn, "callback: rejected request",
				slog.Int("status", http.StatusRequestEntityTooLarge), slog.String("reason", "body too large"),
				slog.String("remote", r.RemoteAddr), slog.String("path", r.URL.Path))
			http.Error(w, "body too large", http.StatusRequestEntityTooLarge)
			return
		}
		if err == nil {
			sc := scanner[[]byte]{src: body, want: "AgentID"}
			if sc.parse() == nil {
				if s := ws.agents[string(sc.found)]; s != nil {
					r.Body = io.NopCloser(bytes.NewReader(body))
					s.ServeHTTP(w, r)
					return
				}
			}
		}
	}
	ws.log.LogAttrs(r.Context(), slog.LevelWarn, "callback: rejected request",
		slog.Int("status", http.StatusNotFound), slog.String("reason", "unknown WeCom agent"),
		slog.String("remote", r.RemoteAddr), slog.String("path", r.URL.Path))
	http.Error(w, "unknown agent", http.StatusNotFound)
}
