package callback

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/callback/msgcrypt"
)

// Defaults of Config.
//
// WeChat waits 5 seconds for an answer and retries a push up to three
// times (https://developers.weixin.qq.com/doc/service/guide/product/message/Passive_user_reply_message.html).
const (
	DefaultMaxBodyBytes    = 1 << 20
	DefaultTimestampWindow = 5 * time.Minute
	DefaultRetryWait       = 4 * time.Second
)

// Config configures a Server.
type Config struct {
	// Token is the token configured on the WeChat console (required).
	Token string
	// EncodingAESKey is the 43-character message key; required for
	// compatible and safe mode and for WeCom, optional for plaintext mode.
	// With a key, unencrypted pushes are rejected (403) unless
	// AcceptPlaintext is set.
	EncodingAESKey string
	// AcceptPlaintext accepts unencrypted pushes (no encrypt_type, or
	// encrypt_type=raw) although an EncodingAESKey is configured, for the
	// time the console is switched between plaintext and safe mode. An
	// unencrypted push is authenticated only by the URL signature, which
	// covers the token, timestamp and nonce but not the body: whoever sees
	// one push URL can post any message with it within TimestampWindow.
	// Ignored for WeCom, where every push is encrypted.
	AcceptPlaintext bool
	// AppID is the receiver id written in encrypted messages: the appid of
	// the account, the component appid of a third-party platform, or the
	// corp id (suite id for WeCom suites). Required with EncodingAESKey.
	AppID string
	// WeCom selects WeCom (企业微信) callbacks: every push is encrypted, the
	// GET verification echostr is encrypted and there is no URL signature.
	WeCom bool
	// Handler handles the pushes (required); usually a *Mux.
	Handler Handler
	// Store records seen pushes and their answers, so that WeChat's
	// retries of a push (same MsgId, or same sender, CreateTime and event)
	// get the first answer without running the handler again; nil uses an
	// in-process wechat.MemoryStore. Use a shared store (Redis) when
	// several processes serve the same account. When the store fails the
	// push is handled anyway.
	Store wechat.Store
	// DisableDedup turns retry de-duplication off.
	DisableDedup bool
	// LeaseTTL is the lifetime of the mark of a push being handled (default
	// wechat.DefaultLeaseTTL); the mark is renewed while the handler runs,
	// so it only matters when the instance handling the push dies: a retry
	// may run the handler again after LeaseTTL. Retries that find the mark
	// get 503 so that WeChat retries again; a retry is answered "success"
	// only after a handler run succeeded.
	LeaseTTL time.Duration
	// RetryWait is how long a retry of a push whose first delivery is
	// still being handled waits for that answer (default
	// DefaultRetryWait; WeChat gives up on a request after 5 seconds)
	// before answering 503. A retry of a push already answered gets the
	// same answer at once; a retry of a push whose handling failed or was
	// abandoned runs the handler.
	RetryWait time.Duration
	// MaxBodyBytes bounds the request body (default DefaultMaxBodyBytes);
	// larger bodies get 413.
	MaxBodyBytes int64
	// TimestampWindow is how far the timestamp query parameter may be from
	// the local clock (default DefaultTimestampWindow; negative disables
	// the check). Stale requests get 403.
	TimestampWindow time.Duration
	// Logger receives one line per rejected request at Warn level, and
	// handler failures at Error (default slog.Default();
	// slog.New(slog.DiscardHandler) turns logging off). Tokens, keys and
	// bodies are never logged.
	Logger *slog.Logger
	// Now returns the current time (default time.Now); for tests.
	Now func() time.Time
}

// Server is an http.Handler for the URL configured as the message push
// URL. It verifies GET echo requests and POST pushes in plaintext,
// compatible and safe mode (XML or JSON), de-duplicates retries, calls the
// Handler and writes its reply, encrypted when the push was. Serve it
// behind an http.Server with ReadHeaderTimeout, ReadTimeout, WriteTimeout
// and IdleTimeout set (see the package documentation).
//
// See https://developers.weixin.qq.com/doc/service/guide/dev/push/ and
// https://developer.work.weixin.qq.com/document/path/90930.
type Server struct {
	cfg     Config
	crypter *msgcrypt.Crypter
	log     *slog.Logger
	now     func() time.Time
	dedup   time.Duration
	seenKey string // "wechat:<appid>:callback_seen:"
}

// ErrConfig reports an invalid Config.
var ErrConfig = errors.New("callback: invalid config")

// NewServer validates cfg and returns a Server. An invalid EncodingAESKey
// is reported without echoing it.
func NewServer(cfg Config) (*Server, error) {
	return newServer(cfg, cfg.AppID)
}

// newServer is NewServer with the id that owns the de-duplication marks
// (wechat.StoreKey's first argument).
func newServer(cfg Config, keyID string) (*Server, error) {
	if cfg.Token == "" {
		return nil, fmt.Errorf("%w: empty Token", ErrConfig)
	}
	if cfg.Handler == nil {
		return nil, fmt.Errorf("%w: nil Handler", ErrConfig)
	}
	s := &Server{cfg: cfg, log: cfg.Logger, now: cfg.Now}
	if cfg.EncodingAESKey != "" || cfg.WeCom {
		c, err := msgcrypt.New(cfg.Token, cfg.EncodingAESKey, cfg.AppID)
		if err != nil {
			return nil, fmt.Errorf("%w: %w", ErrConfig, err)
		}
		s.crypter = c
	}
	if s.cfg.MaxBodyBytes <= 0 {
		s.cfg.MaxBodyBytes = DefaultMaxBodyBytes
	}
	if s.cfg.TimestampWindow == 0 {
		s.cfg.TimestampWindow = DefaultTimestampWindow
	}
	if s.cfg.RetryWait <= 0 {
		s.cfg.RetryWait = DefaultRetryWait
	}
	if s.log == nil {
		s.log = slog.Default()
	}
	if s.now == nil {
		s.now = time.Now
	}
	if s.cfg.Store == nil {
		s.cfg.Store = wechat.NewMemoryStore()
	}
	// Keep marks at least as long as a request can pass the timestamp
	// check, so that a replay inside the window is caught as well.
	s.dedup = max(s.cfg.TimestampWindow, 0) + time.Minute
	if keyID == "" {
		keyID = "noappid"
	}
	s.seenKey = wechat.StoreKey(keyID, "callback_seen") + ":"
	return s, nil
}

// query holds the parameters WeChat adds to the push URL.
type query struct {
	signature, timestamp, nonce, msgSignature, encryptType, echostr string
}

// parseQuery reads the few parameters we need without building url.Values.
func parseQuery(raw string) (q query, ok bool) {
	ok = true
	for raw != "" {
		var kv string
		kv, raw, _ = strings.Cut(raw, "&")
		k, v, _ := strings.Cut(kv, "=")
		if strings.ContainsAny(v, "%+") {
			u, err := url.QueryUnescape(v)
			if err != nil {
				ok = false
				continue
			}
			v = u
		}
		switch k {
		case "signature":
			q.signature = v
		case "timestamp":
			q.timestamp = v
		case "nonce":
			q.nonce = v
		case "msg_signature":
			q.msgSignature = v
		case "encrypt_type":
			q.encryptType = v
		case "echostr":
			q.echostr = v
		}
	}
	return q, ok
}

// buffers are the per-request scratch buffers, pooled.
type buffers struct {
	body, plain, out []byte
}

var bufPool = sync.Pool{New: func() any {
	return &buffers{body: make([]byte, 0, 4096), plain: make([]byte, 0, 4096), out: make([]byte, 0, 4096)}
}}

// maxPooled keeps huge buffers out of the pool.
const maxPooled = 64 << 10

func putBuffers(b *buffers) {
	if cap(b.body) > maxPooled || cap(b.plain) > maxPooled || cap(b.out) > maxPooled {
		return
	}
	bufPool.Put(b)
}

var (
	ctXML   = []string{"application/xml; charset=utf-8"}
	ctJSON  = []string{"application/json; charset=utf-8"}
	ctPlain = []string{"text/plain; charset=utf-8"}
	success = []byte("success")
)

// reject writes a 4xx/5xx answer and logs one line without secrets.
func (s *Server) reject(w http.ResponseWriter, r *http.Request, status int, reason string, err error) {
	attrs := []slog.Attr{
		slog.Int("status", status),
		slog.String("reason", reason),
		slog.String("remote", r.RemoteAddr),
		slog.String("path", r.URL.Path),
	}
	if err != nil {
		attrs = append(attrs, slog.String("error", err.Error()))
	}
	s.log.LogAttrs(r.Context(), slog.LevelWarn, "callback: rejected request", attrs...)
	w.Header()["Content-Type"] = ctPlain
	w.WriteHeader(status)
	_, _ = io.WriteString(w, reason)
}

// ServeHTTP implements http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	q, ok := parseQuery(r.URL.RawQuery)
	if !ok {
		s.reject(w, r, http.StatusBadRequest, "malformed query string", nil)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodPost {
		w.Header().Set("Allow", "GET, POST")
		s.reject(w, r, http.StatusMethodNotAllowed, "method not allowed", nil)
		return
	}
	if !s.checkTimestamp(w, r, q.timestamp) {
		return
	}
	if r.Method == http.MethodGet {
		s.serveVerify(w, r, q)
		return
	}
	s.servePush(w, r, q)
}

func (s *Server) checkTimestamp(w http.ResponseWriter, r *http.Request, ts string) bool {
	t, err := strconv.ParseInt(ts, 10, 64)
	if err != nil {
		s.reject(w, r, http.StatusBadRequest, "missing or invalid timestamp", nil)
		return false
	}
	if s.cfg.TimestampWindow < 0 {
		return true
	}
	d := s.now().Unix() - t
	if d < 0 {
		d = -d
	}
	if d > int64(s.cfg.TimestampWindow/time.Second) {
		s.reject(w, r, http.StatusForbidden, "stale timestamp", nil)
		return false
	}
	return true
}

// serveVerify answers the GET request WeChat sends when the URL is saved.
func (s *Server) serveVerify(w http.ResponseWriter, r *http.Request, q query) {
	if q.echostr == "" {
		s.reject(w, r, http.StatusBadRequest, "missing echostr", nil)
		return
	}
	echo := []byte(q.echostr)
	if s.cfg.WeCom {
		if !msgcrypt.VerifyMsgSignature(s.crypter.Token(), q.timestamp, q.nonce, echo, q.msgSignature) {
			s.reject(w, r, http.StatusForbidden, "bad msg_signature", nil)
			return
		}
		plain, err := s.crypter.AppendDecrypt(nil, echo)
		if err != nil {
			s.reject(w, r, statusFor(err), "cannot decrypt echostr", err)
			return
		}
		echo = plain
	} else if !msgcrypt.VerifySignature(s.cfg.Token, q.timestamp, q.nonce, q.signature) {
		s.reject(w, r, http.StatusForbidden, "bad signature", nil)
		return
	}
	w.Header()["Content-Type"] = ctPlain
	_, _ = w.Write(echo)
}

func statusFor(err error) int {
	if errors.Is(err, msgcrypt.ErrReceiverID) || errors.Is(err, msgcrypt.ErrSignature) {
		return http.StatusForbidden
	}
	return http.StatusBadRequest
}

func isJSON(b []byte) bool {
	for _, c := range b {
		if !isSpace(c) {
			return c == '{'
		}
	}
	return false
}

// readBody reads at most MaxBodyBytes into buf; too large reports false.
func (s *Server) readBody(r *http.Request, buf []byte) ([]byte, bool, error) {
	limit := s.cfg.MaxBodyBytes
	if r.ContentLength > limit {
		return buf, false, nil
	}
	lr := io.LimitedReader{R: r.Body, N: limit + 1}
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := lr.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if int64(len(buf)) > limit {
			return buf, false, nil
		}
		if err == io.EOF {
			return buf, true, nil
		}
		if err != nil {
			return buf, true, err
		}
	}
}

// envelope extracts the Encrypt value of an encrypted push.
func envelope(body []byte, jsonBody bool) ([]byte, error) {
	if jsonBody {
		var env struct{ Encrypt string }
		if err := json.Unmarshal(body, &env); err != nil {
			return nil, &SyntaxError{Msg: "invalid JSON envelope"}
		}
		return []byte(env.Encrypt), nil
	}
	sc := scanner[[]byte]{src: body, want: "Encrypt"}
	if err := sc.parse(); err != nil {
		return nil, err
	}
	return sc.found, nil
}

func (s *Server) servePush(w http.ResponseWriter, r *http.Request, q query) {
	bufs := bufPool.Get().(*buffers)
	defer putBuffers(bufs)
	body, fits, err := s.readBody(r, bufs.body[:0])
	bufs.body = body[:0]
	switch {
	case !fits:
		s.reject(w, r, http.StatusRequestEntityTooLarge, "body too large", nil)
		return
	case err != nil:
		s.reject(w, r, http.StatusBadRequest, "cannot read body", err)
		return
	}
	jsonBody := isJSON(body)
	encrypted := q.encryptType == "aes" || s.cfg.WeCom
	if q.encryptType != "" && q.encryptType != "aes" && q.encryptType != "raw" {
		s.reject(w, r, http.StatusBadRequest, "unknown encrypt_type", nil)
		return
	}
	plain := body
	if encrypted {
		if s.crypter == nil {
			s.reject(w, r, http.StatusBadRequest, "encrypted push but no EncodingAESKey configured", nil)
			return
		}
		enc, err := envelope(body, jsonBody)
		if err != nil {
			s.reject(w, r, http.StatusBadRequest, "malformed envelope", err)
			return
		}
		if len(enc) == 0 {
			s.reject(w, r, http.StatusBadRequest, "missing Encrypt", nil)
			return
		}
		if !msgcrypt.VerifyMsgSignature(s.crypter.Token(), q.timestamp, q.nonce, enc, q.msgSignature) {
			s.reject(w, r, http.StatusForbidden, "bad msg_signature", nil)
			return
		}
		plain, err = s.crypter.AppendDecrypt(bufs.plain[:0], enc)
		if err != nil {
			s.reject(w, r, statusFor(err), "cannot decrypt message", err)
			return
		}
		bufs.plain = plain[:0]
		jsonBody = isJSON(plain)
	} else if s.crypter != nil && !s.cfg.AcceptPlaintext {
		// A downgrade: the URL signature does not cover the body.
		s.reject(w, r, http.StatusForbidden, "unencrypted push refused (EncodingAESKey configured; see Config.AcceptPlaintext)", nil)
		return
	} else if !msgcrypt.VerifySignature(s.cfg.Token, q.timestamp, q.nonce, q.signature) {
		s.reject(w, r, http.StatusForbidden, "bad signature", nil)
		return
	}

	var m *Message
	if jsonBody {
		m, err = ParseJSON(plain)
	} else {
		m, err = parseXMLString(string(plain))
	}
	if err != nil {
		s.reject(w, r, http.StatusBadRequest, "malformed message", err)
		return
	}

	ctx := r.Context()
	var lease *wechat.Lease
	if !s.cfg.DisableDedup {
		key := s.seenKeyFor(m, plain)
		l, v, err := wechat.ClaimDelivery(ctx, s.cfg.Store, key, s.cfg.LeaseTTL)
		switch {
		case err != nil:
			// Fail open: a broken store must not stop message delivery.
			s.log.LogAttrs(ctx, slog.LevelWarn, "callback: de-duplication store failed; handling the push anyway",
				slog.String("error", err.Error()))
		case l == nil:
			if l = s.serveRetry(w, r, bufs, m, q, key, v, encrypted, jsonBody); l == nil {
				return
			}
		}
		lease = l
	}

	reply, err := s.call(ctx, m)
	if err != nil {
		if lease != nil {
			// Let WeChat's retry run the handler again. Should the store
			// fail, the lease expires after LeaseTTL and retries meanwhile
			// get 503, never "success".
			if err := lease.Release(ctx); err != nil {
				s.log.LogAttrs(ctx, slog.LevelWarn, "callback: de-duplication store failed to release a failed push",
					slog.String("error", err.Error()))
			}
		}
		s.log.LogAttrs(ctx, slog.LevelError, "callback: handler failed",
			slog.String("msg_type", m.MsgType), slog.String("event", m.Event), slog.String("error", err.Error()))
		s.writeError(w)
		return
	}
	if reply == nil {
		s.remember(ctx, lease, markSuccess)
		s.writeSuccess(w)
		return
	}
	out, ok := s.render(r, bufs, m, reply, jsonBody)
	if !ok {
		s.remember(ctx, lease, markSuccess)
		s.writeSuccess(w)
		return
	}
	if lease != nil {
		// Remember the plaintext answer for WeChat's retries: the marker
		// byte, then the reply. A fresh slice, since a Store may keep it.
		v := make([]byte, 1+len(out))
		v[0] = markReply[0]
		copy(v[1:], out)
		s.remember(ctx, lease, v)
	}
	s.writeOut(w, r, bufs, q, out, encrypted, jsonBody)
}

// De-duplication payloads: the value stored under a push's key once it was
// handled (wechat.ClaimDelivery stores a lease while it is handled).
var (
	markSuccess = []byte{'S'} // answered "success"
	markReply   = []byte{'R'} // followed by the plaintext reply
)

// remember records the answer to a push for its retries.
func (s *Server) remember(ctx context.Context, lease *wechat.Lease, v []byte) {
	if lease == nil {
		return
	}
	if err := lease.Done(ctx, v, s.dedup); err != nil {
		s.log.LogAttrs(ctx, slog.LevelWarn, "callback: de-duplication store failed to record the answer",
			slog.String("error", err.Error()))
	}
}

// retryPoll is how often a retry checks whether the first delivery has
// been answered.
const retryPoll = 20 * time.Millisecond

// serveRetry handles a push whose key holds v: the answer of an earlier
// delivery, written at once, or the lease of a delivery being handled. It
// waits up to RetryWait for that delivery's answer and writes it. If the
// delivery fails or its instance dies meanwhile, it claims the push and
// returns the lease: the caller runs the handler. Otherwise (still being
// handled, or in doubt) it answers 503 so that WeChat retries: a retry is
// never acknowledged before a handler run succeeded.
func (s *Server) serveRetry(w http.ResponseWriter, r *http.Request, bufs *buffers, m *Message, q query, key string, v []byte, encrypted, jsonBody bool) *wechat.Lease {
	ctx := r.Context()
	deadline := time.Now().Add(s.cfg.RetryWait)
	var t *time.Timer
	for {
		switch {
		case len(v) > 0 && v[0] == markReply[0]:
			s.log.LogAttrs(ctx, slog.LevelInfo, "callback: retried push answered with the first reply",
				slog.String("msg_type", m.MsgType), slog.String("event", m.Event))
			s.writeOut(w, r, bufs, q, append(bufs.out[:0], v[1:]...), encrypted, jsonBody)
			return nil
		case len(v) == 1 && v[0] == markSuccess[0]:
			s.log.LogAttrs(ctx, slog.LevelInfo, "callback: retried push answered with the first answer",
				slog.String("msg_type", m.MsgType), slog.String("event", m.Event))
			s.writeSuccess(w)
			return nil
		}
		// A lease (or a value this version does not know): wait.
		if !time.Now().Before(deadline) {
			break
		}
		if t == nil {
			t = time.NewTimer(retryPoll)
			defer t.Stop()
		} else {
			t.Reset(retryPoll)
		}
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
		}
		l, nv, err := wechat.ClaimDelivery(ctx, s.cfg.Store, key, s.cfg.LeaseTTL)
		if err != nil {
			s.log.LogAttrs(ctx, slog.LevelWarn, "callback: de-duplication store failed during a retry; asking WeChat to retry",
				slog.String("error", err.Error()))
			break
		}
		if l != nil {
			// The earlier delivery failed or its instance died: handle the
			// push here.
			return l
		}
		v = nv
	}
	s.log.LogAttrs(ctx, slog.LevelInfo, "callback: retried push still being handled elsewhere; asking WeChat to retry",
		slog.String("msg_type", m.MsgType), slog.String("event", m.Event))
	w.Header()["Content-Type"] = ctPlain
	w.WriteHeader(http.StatusServiceUnavailable)
	_, _ = io.WriteString(w, "being handled, please retry")
	return nil
}

// call runs the handler and turns a panic into an error.
func (s *Server) call(ctx context.Context, m *Message) (reply Reply, err error) {
	defer func() {
		if p := recover(); p != nil {
			reply, err = nil, fmt.Errorf("callback: handler panic: %v", p)
		}
	}()
	return s.cfg.Handler.ServeMessage(ctx, m)
}

func (s *Server) writeError(w http.ResponseWriter) {
	w.Header()["Content-Type"] = ctPlain
	w.WriteHeader(http.StatusInternalServerError)
	_, _ = io.WriteString(w, "error, please retry")
}

func (s *Server) writeSuccess(w http.ResponseWriter) {
	w.Header()["Content-Type"] = ctPlain
	_, _ = w.Write(success)
}

// seenKeyFor names the de-duplication mark of m: its MsgId, or for events
// (which have none) the sender, the time and a hash of the whole decrypted
// push. WeChat's retry repeats the push byte for byte, while distinct
// events can share sender and second: WeCom sends contact and customer
// changes as "sys", many per second.
func (s *Server) seenKeyFor(m *Message, plain []byte) string {
	var b [256]byte
	k := append(b[:0], s.seenKey...)
	if m.MsgID != "" {
		k = append(k, "id:"...)
		k = append(k, m.MsgID...)
		return string(k)
	}
	from := m.FromUserName
	if from == "" {
		from = m.AppID
	}
	k = append(k, from...)
	k = append(k, '|')
	k = strconv.AppendInt(k, m.CreateTime, 10)
	k = append(k, '|')
	sum := sha256.Sum256(plain)
	k = hex.AppendEncode(k, sum[:16])
	return string(k)
}

// render writes reply in the format of the push (XML, or JSON for a JSON
// push) into bufs.out; false means the reply cannot be sent to this push.
func (s *Server) render(r *http.Request, bufs *buffers, m *Message, reply Reply, jsonBody bool) ([]byte, bool) {
	ts := s.now().Unix()
	out := bufs.out[:0]
	if jsonBody {
		jr, ok := reply.(JSONReply)
		if !ok {
			s.log.LogAttrs(r.Context(), slog.LevelError, "callback: reply type cannot be sent to a JSON push; answered success",
				slog.String("reply", fmt.Sprintf("%T", reply)))
			return out, false
		}
		return jr.AppendJSON(out, m.FromUserName, m.ToUserName, ts), true
	}
	return reply.AppendXML(out, m.FromUserName, m.ToUserName, ts), true
}

// writeOut writes the plaintext reply out (which lives in bufs.out),
// encrypted in a signed envelope when the push was encrypted.
func (s *Server) writeOut(w http.ResponseWriter, r *http.Request, bufs *buffers, q query, out []byte, encrypted, jsonBody bool) {
	if !encrypted {
		bufs.out = out[:0]
		if jsonBody {
			w.Header()["Content-Type"] = ctJSON
		} else {
			w.Header()["Content-Type"] = ctXML
		}
		_, _ = w.Write(out)
		return
	}
	ts := s.now().Unix()
	// Encrypt after the plaintext in the same buffer, then build the
	// envelope after that.
	encStart := len(out)
	out, err := s.crypter.AppendEncrypt(out, out)
	if err != nil {
		bufs.out = out[:0]
		s.log.LogAttrs(r.Context(), slog.LevelError, "callback: cannot encrypt reply", slog.String("error", err.Error()))
		w.Header()["Content-Type"] = ctPlain
		w.WriteHeader(http.StatusInternalServerError)
		_, _ = io.WriteString(w, "error, please retry")
		return
	}
	enc := out[encStart:]
	nonce := q.nonce
	var tsBuf [20]byte
	tsStr := strconv.AppendInt(tsBuf[:0], ts, 10)
	envStart := len(out)
	var sig [40]byte
	sigHex := msgcrypt.AppendMsgSignature(sig[:0], s.crypter.Token(), string(tsStr), nonce, enc)
	if jsonBody {
		out = append(out, `{"Encrypt":"`...)
		out = append(out, enc...)
		out = append(out, `","MsgSignature":"`...)
		out = append(out, sigHex...)
		out = append(out, `","TimeStamp":`...)
		out = append(out, tsStr...)
		out = append(out, `,"Nonce":`...)
		out = appendJSONString(out, nonce)
		out = append(out, '}')
		w.Header()["Content-Type"] = ctJSON
	} else {
		out = append(out, "<xml><Encrypt><![CDATA["...)
		out = append(out, enc...)
		out = append(out, "]]></Encrypt><MsgSignature><![CDATA["...)
		out = append(out, sigHex...)
		out = append(out, "]]></MsgSignature><TimeStamp>"...)
		out = append(out, tsStr...)
		out = append(out, "</TimeStamp><Nonce>"...)
		out = appendCDATA(out, nonce)
		out = append(out, "</Nonce></xml>"...)
		w.Header()["Content-Type"] = ctXML
	}
	bufs.out = out[:0]
	_, _ = w.Write(out[envStart:])
}

// ParseEnvelope returns the Encrypt value of an encrypted push body, XML
// (<xml><Encrypt>...</Encrypt></xml>) or JSON ({"Encrypt":"..."}). Errors
// match ErrMalformed; a body without Encrypt is an error too.
func ParseEnvelope(body []byte) (string, error) {
	enc, err := envelope(body, isJSON(body))
	if err != nil {
		return "", err
	}
	if len(enc) == 0 {
		return "", &SyntaxError{Msg: "no Encrypt element"}
	}
	return string(enc), nil
}
