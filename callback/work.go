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
	"github.com/weixin-go/wechat/callback/msgcrypt"
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
// meaning of the same fields of Config and apply to every agent. (They are
// repeated rather than embedded so that both configs stay plain composite
// literals.)
type WorkConfig struct {
	CorpID string // receiver id of every agent (required)
	Agents []WorkAgent

	Store           wechat.Store
	DisableDedup    bool
	RetryWait       time.Duration
	MaxBodyBytes    int64
	TimestampWindow time.Duration
	Logger          *slog.Logger
	Now             func() time.Time
}

// WorkServer serves the callbacks of several agents of one WeCom corp. The
// agent is chosen by the last element of the URL path (configure
// https://example.com/wecom/1000002 for agent 1000002). When the path does
// not name an agent: with a single agent that agent is used; otherwise a
// POST is routed by the AgentID element of its envelope, and a request
// without one (the GET verification, contact-sync callbacks) goes to the
// first agent whose token verifies its msg_signature and whose key
// decrypts it.
//
// See https://developer.work.weixin.qq.com/document/path/90930.
type WorkServer struct {
	agents map[string]*Server
	order  []*Server // agents in configuration order
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
			Handler: a.Handler, Store: cfg.Store, DisableDedup: cfg.DisableDedup, RetryWait: cfg.RetryWait,
			MaxBodyBytes: cfg.MaxBodyBytes, TimestampWindow: cfg.TimestampWindow,
			Logger: cfg.Logger, Now: cfg.Now,
		}, cfg.CorpID+"/"+a.AgentID)
		if err != nil {
			return nil, fmt.Errorf("agent %s: %w", a.AgentID, err)
		}
		ws.agents[a.AgentID] = s
		ws.order = append(ws.order, s)
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
	q, _ := parseQuery(r.URL.RawQuery)
	enc := []byte(q.echostr)
	if r.Method == http.MethodPost {
		body, err := io.ReadAll(io.LimitReader(r.Body, ws.max+1))
		if r.ContentLength > ws.max || int64(len(body)) > ws.max {
			ws.reject(w, r, http.StatusRequestEntityTooLarge, "body too large")
			return
		}
		if err != nil {
			ws.reject(w, r, http.StatusBadRequest, "cannot read body")
			return
		}
		r.Body = io.NopCloser(bytes.NewReader(body))
		sc := scanner[[]byte]{src: body, want: "AgentID"}
		if sc.parse() == nil {
			if s := ws.agents[string(sc.found)]; s != nil {
				s.ServeHTTP(w, r)
				return
			}
		}
		enc, _ = envelope(body, false)
	}
	if len(enc) > 0 {
		for _, s := range ws.order {
			if msgcrypt.VerifyMsgSignature(s.crypter.Token(), q.timestamp, q.nonce, enc, q.msgSignature) {
				if _, err := s.crypter.AppendDecrypt(nil, enc); err == nil {
					s.ServeHTTP(w, r)
					return
				}
			}
		}
	}
	ws.reject(w, r, http.StatusNotFound, "unknown WeCom agent")
}

func (ws *WorkServer) reject(w http.ResponseWriter, r *http.Request, status int, reason string) {
	ws.log.LogAttrs(r.Context(), slog.LevelWarn, "callback: rejected request",
		slog.Int("status", status), slog.String("reason", reason),
		slog.String("remote", r.RemoteAddr), slog.String("path", r.URL.Path))
	http.Error(w, reason, status)
}
