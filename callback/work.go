package callback

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"crypto/subtle"
	"encoding/base64"
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
	LeaseTTL        time.Duration
	RetryWait       time.Duration
	MaxBodyBytes    int64
	TimestampWindow time.Duration
	Logger          *slog.Logger
	Now             func() time.Time
}

// WorkServer serves the callbacks of several agents of one WeCom corp
// (behind an http.Server with timeouts, like Server). Requests that fail a
// cheap check (method, query parameters, timestamp window, size) are
// rejected before the body is read. The
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
	keys   []cipher.Block
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
			Handler: a.Handler, Store: cfg.Store, DisableDedup: cfg.DisableDedup, LeaseTTL: cfg.LeaseTTL, RetryWait: cfg.RetryWait,
			MaxBodyBytes: cfg.MaxBodyBytes, TimestampWindow: cfg.TimestampWindow,
			Logger: cfg.Logger, Now: cfg.Now,
		}, cfg.CorpID+"/"+a.AgentID)
		if err != nil {
			return nil, fmt.Errorf("agent %s: %w", a.AgentID, err)
		}
		key, _ := msgcrypt.DecodeKey(a.EncodingAESKey) // checked by newServer
		block, _ := aes.NewCipher(key[:])
		ws.agents[a.AgentID] = s
		ws.order = append(ws.order, s)
		ws.keys = append(ws.keys, block)
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
	// Cheap checks before any work proportional to the body or to the
	// number of agents: method, query, timestamp window, size.
	first := ws.order[0]
	q, ok := parseQuery(r.URL.RawQuery)
	switch {
	case !ok:
		first.reject(w, r, http.StatusBadRequest, "malformed query string", nil)
		return
	case r.Method != http.MethodGet && r.Method != http.MethodPost:
		w.Header().Set("Allow", "GET, POST")
		first.reject(w, r, http.StatusMethodNotAllowed, "method not allowed", nil)
		return
	case !first.checkTimestamp(w, r, q.timestamp):
		return
	case q.msgSignature == "" || q.nonce == "":
		first.reject(w, r, http.StatusBadRequest, "missing msg_signature or nonce", nil)
		return
	case r.Method == http.MethodPost && r.ContentLength > ws.max:
		ws.reject(w, r, http.StatusRequestEntityTooLarge, "body too large")
		return
	}
	enc := []byte(q.echostr)
	if r.Method == http.MethodPost {
		body, err := io.ReadAll(io.LimitReader(r.Body, ws.max+1))
		if int64(len(body)) > ws.max {
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
		for i, s := range ws.order {
			// The end of the ciphertext tells, for the cost of a few AES
			// blocks, whether this agent's key encrypted it; only then is
			// the signature over the whole ciphertext computed.
			if tailMatches(ws.keys[i], enc, s.crypter.ReceiverID()) &&
				msgcrypt.VerifyMsgSignature(s.crypter.Token(), q.timestamp, q.nonce, enc, q.msgSignature) {
				s.ServeHTTP(w, r)
				return
			}
		}
	}
	ws.reject(w, r, http.StatusNotFound, "unknown WeCom agent")
}

// tailMatches reports whether the base64 ciphertext enc may have been
// encrypted with block for receiverID: it decrypts only the last four AES
// blocks (CBC allows that: each block needs only its predecessor) and
// checks the PKCS#7 padding (block size 32) and the receiver id (or its
// last 32 bytes) before it. A ciphertext of at most five blocks is not
// filtered (true): the full check decides.
func tailMatches(block cipher.Block, enc []byte, receiverID string) bool {
	const tailBlocks = 4
	n := len(enc)
	if n == 0 || n%4 != 0 {
		return false
	}
	size := n / 4 * 3
	for i := n - 1; i >= n-2 && enc[i] == '='; i-- {
		size--
	}
	if size%aes.BlockSize != 0 {
		return false
	}
	start := size - (tailBlocks+1)*aes.BlockSize // the block before the tail
	if start < 0 {
		return true
	}
	group := start / 3
	var buf [(tailBlocks + 3) * aes.BlockSize]byte
	m, err := base64.StdEncoding.Decode(buf[:], enc[group*4:])
	if err != nil || m < start-group*3+(tailBlocks+1)*aes.BlockSize {
		return false
	}
	tail := buf[start-group*3 : m]
	for i := len(tail) - aes.BlockSize; i >= aes.BlockSize; i -= aes.BlockSize {
		blk := tail[i : i+aes.BlockSize]
		block.Decrypt(blk, blk)
		subtle.XORBytes(blk, blk, tail[i-aes.BlockSize:i])
	}
	plain := tail[aes.BlockSize:]
	pad := int(plain[len(plain)-1])
	if pad < 1 || pad > 32 {
		return false
	}
	for _, b := range plain[len(plain)-pad:] {
		if int(b) != pad {
			return false
		}
	}
	// At least 32 bytes precede the padding: compare the end of the
	// receiver id that fits.
	avail := len(plain) - pad
	k := min(len(receiverID), avail)
	return string(plain[avail-k:avail]) == receiverID[len(receiverID)-k:]
}

func (ws *WorkServer) reject(w http.ResponseWriter, r *http.Request, status int, reason string) {
	ws.log.LogAttrs(r.Context(), slog.LevelWarn, "callback: rejected request",
		slog.Int("status", status), slog.String("reason", reason),
		slog.String("remote", r.RemoteAddr), slog.String("path", r.URL.Path))
	http.Error(w, reason, status)
}
