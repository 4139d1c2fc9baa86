package callback

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"testing"
	"time"

	"github.com/weixin-go/wechat/callback/msgcrypt"
)

const (
	tToken = "AAAAA"
	tKey   = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
	tAppID = "wxba5fad812f8e6fb9"
	tNow   = 1714112445
)

var tClock = func() time.Time { return time.Unix(tNow, 0) }

// quietLogger discards rejection lines but keeps them inspectable.
func quietLogger(buf *bytes.Buffer) *slog.Logger {
	return slog.New(slog.NewTextHandler(buf, &slog.HandlerOptions{Level: slog.LevelDebug}))
}

func newTestServer(t testing.TB, h Handler, mod func(*Config)) (*Server, *bytes.Buffer) {
	t.Helper()
	var logs bytes.Buffer
	// AcceptPlaintext: most tests send plaintext pushes too; the default
	// (refused) is tested by TestPlaintextDowngradeRefused.
	cfg := Config{Token: tToken, EncodingAESKey: tKey, AppID: tAppID, Handler: h, Now: tClock, Logger: quietLogger(&logs), AcceptPlaintext: true}
	if mod != nil {
		mod(&cfg)
	}
	s, err := NewServer(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return s, &logs
}

// push describes a request as WeChat would send it.
type push struct {
	method    string
	token     string
	key       string // EncodingAESKey used to encrypt (default tKey)
	appID     string // receiver id used to encrypt
	timestamp int64
	nonce     string
	plain     string // message (XML or JSON)
	encrypt   bool
	compat    bool // compatible mode: plaintext fields next to Encrypt
	json      bool // JSON envelope
	mutate    func(q url.Values, env *string)
}

func (p push) request(t testing.TB) *http.Request {
	t.Helper()
	if p.token == "" {
		p.token = tToken
	}
	if p.appID == "" {
		p.appID = tAppID
	}
	if p.key == "" {
		p.key = tKey
	}
	if p.timestamp == 0 {
		p.timestamp = tNow
	}
	if p.nonce == "" {
		p.nonce = "415670741"
	}
	if p.method == "" {
		p.method = http.MethodPost
	}
	ts := strconv.FormatInt(p.timestamp, 10)
	q := url.Values{}
	q.Set("timestamp", ts)
	q.Set("nonce", p.nonce)
	q.Set("signature", msgcrypt.Signature(p.token, ts, p.nonce))
	q.Set("openid", "o9AgO5Kd5ggOC-bXrbNODIiE3bGY")
	body := p.plain
	if p.encrypt {
		c, err := msgcrypt.New(p.token, p.key, p.appID)
		if err != nil {
			t.Fatal(err)
		}
		enc, err := c.Encrypt([]byte(p.plain))
		if err != nil {
			t.Fatal(err)
		}
		switch {
		case p.json:
			body = `{"ToUserName":"gh_97417a04a28d","Encrypt":"` + enc + `"}`
		case p.compat:
			body = p.plain[:len(p.plain)-len("</xml>")] + "<Encrypt><![CDATA[" + enc + "]]></Encrypt></xml>"
		default:
			body = "<xml><ToUserName><![CDATA[gh_97417a04a28d]]></ToUserName><Encrypt><![CDATA[" + enc + "]]></Encrypt></xml>"
		}
		q.Set("encrypt_type", "aes")
		q.Set("msg_signature", msgcrypt.MsgSignature(p.token, ts, p.nonce, enc))
	}
	if p.mutate != nil {
		p.mutate(q, &body)
	}
	r := httptest.NewRequest(p.method, "/wechat?"+q.Encode(), bytes.NewBufferString(body))
	return r
}

func do(h http.Handler, r *http.Request) *httptest.ResponseRecorder {
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

// openReply checks and decrypts an encrypted XML reply envelope.
func openReply(t testing.TB, body []byte) *Message {
	t.Helper()
	env, err := ParseXML(body)
	if err != nil {
		t.Fatalf("reply envelope: %v\n%s", err, body)
	}
	enc := env.Get("Encrypt")
	if !msgcrypt.VerifyMsgSignature(tToken, env.Get("TimeStamp"), env.Get("Nonce"), []byte(enc), env.Get("MsgSignature")) {
		t.Fatalf("reply signature does not verify: %s", body)
	}
	c, _ := msgcrypt.New(tToken, tKey, tAppID)
	plain, err := c.Decrypt(enc)
	if err != nil {
		t.Fatal(err)
	}
	m, err := ParseXML(plain)
	if err != nil {
		t.Fatalf("reply: %v\n%s", err, plain)
	}
	return m
}

func echoText(_ context.Context, m *Message) (Reply, error) { return Text("echo: " + m.Content), nil }

func readAll(t testing.TB, r io.Reader) string {
	b, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
