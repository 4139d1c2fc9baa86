package bench

import (
	"bytes"
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	swechat "github.com/silenceper/wechat/v2"
	scache "github.com/silenceper/wechat/v2/cache"
	soaconfig "github.com/silenceper/wechat/v2/officialaccount/config"
	smessage "github.com/silenceper/wechat/v2/officialaccount/message"
	"github.com/sirupsen/logrus"

	"github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/callback"
	"github.com/weixin-go/wechat/callback/msgcrypt"
)

// The same account for both SDKs.
const (
	cbAppID  = "wxba5fad812f8e6fb9"
	cbToken  = "AAAAA"
	cbAESKey = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
	cbText   = `<xml><ToUserName><![CDATA[gh_97417a04a28d]]></ToUserName><FromUserName><![CDATA[o9AgO5Kd5ggOC-bXrbNODIiE3bGY]]></FromUserName><CreateTime>1714112445</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[hello]]></Content><MsgId>23637352235060880</MsgId></xml>`
)

// safeModeRequest builds, once, the request WeChat sends in safe mode for a
// text message: encrypted body, URL signature and msg_signature.
func safeModeRequest(b *testing.B) (*http.Request, []byte) {
	b.Helper()
	return safeModeRequestFor(b, cbText)
}

// safeModeRequestFor is safeModeRequest for the message text.
func safeModeRequestFor(b *testing.B, text string) (*http.Request, []byte) {
	b.Helper()
	c, err := msgcrypt.New(cbToken, cbAESKey, cbAppID)
	if err != nil {
		b.Fatal(err)
	}
	enc, err := c.Encrypt([]byte(text))
	if err != nil {
		b.Fatal(err)
	}
	ts := strconv.FormatInt(time.Now().Unix(), 10)
	nonce := "415670741"
	q := url.Values{
		"signature":     {msgcrypt.Signature(cbToken, ts, nonce)},
		"timestamp":     {ts},
		"nonce":         {nonce},
		"openid":        {"o9AgO5Kd5ggOC-bXrbNODIiE3bGY"},
		"encrypt_type":  {"aes"},
		"msg_signature": {msgcrypt.MsgSignature(cbToken, ts, nonce, enc)},
	}
	body := []byte("<xml><ToUserName><![CDATA[gh_97417a04a28d]]></ToUserName><Encrypt><![CDATA[" + enc + "]]></Encrypt></xml>")
	req, err := http.NewRequest(http.MethodPost, "http://example.com/wechat?"+q.Encode(), nil)
	if err != nil {
		b.Fatal(err)
	}
	req.Header.Set("Content-Type", "text/xml")
	return req, body
}

// reusableWriter is an http.ResponseWriter reset between iterations, the
// same for both SDKs, so that the benchmark measures the SDKs and not the
// recorder.
type reusableWriter struct {
	h      http.Header
	status int
	buf    bytes.Buffer
}

func (w *reusableWriter) Header() http.Header         { return w.h }
func (w *reusableWriter) WriteHeader(code int)        { w.status = code }
func (w *reusableWriter) Write(b []byte) (int, error) { return w.buf.Write(b) }
func (w *reusableWriter) reset() {
	clear(w.h)
	w.status = 200
	w.buf.Reset()
}

// body is a fresh, reusable request body.
type body struct{ bytes.Reader }

func (*body) Close() error { return nil }

// checkReply decrypts the reply envelope once to prove both SDKs answered
// with the encrypted text reply.
func checkReply(b *testing.B, out []byte) {
	b.Helper()
	env, err := callback.ParseXML(out)
	if err != nil {
		b.Fatalf("reply is not XML: %v: %s", err, out)
	}
	c, _ := msgcrypt.New(cbToken, cbAESKey, cbAppID)
	plain, err := c.Decrypt(env.Get("Encrypt"))
	if err != nil {
		b.Fatalf("reply does not decrypt: %v", err)
	}
	m, err := callback.ParseXML(plain)
	if err != nil || m.MsgType != "text" || m.Content != "hello" {
		b.Fatalf("unexpected reply %s (%v)", plain, err)
	}
}

// BenchmarkCallbackSafeMode serves one safe-mode text message per
// iteration: HTTP request in, signature check, decrypt, parse, route, text
// reply, encrypt, sign, response out.
func BenchmarkCallbackSafeMode(b *testing.B) {
	req, raw := safeModeRequest(b)

	b.Run("sdk=weixin-go", func(b *testing.B) {
		serve := ourCallbackServer(b, req, raw)
		measure(b, func() {
			for i := 0; i < b.N; i++ {
				serve()
			}
		})
	})

	// The same path with retry de-duplication through a MemoryStore: every
	// message has its own MsgId, so each one is a first delivery (mark,
	// handle, remember the answer).
	b.Run("sdk=weixin-go,dedup=memory", func(b *testing.B) {
		const distinct = 1024
		reqs := make([]*http.Request, distinct)
		raws := make([][]byte, distinct)
		for i := range reqs {
			text := strings.Replace(cbText, "23637352235060880", strconv.Itoa(23637352235060880+i), 1)
			reqs[i], raws[i] = safeModeRequestFor(b, text)
		}
		mux := callback.NewMux()
		mux.HandleText(func(ctx context.Context, m *callback.Message) (callback.Reply, error) {
			return callback.Text(m.Content), nil
		})
		newServer := func() *callback.Server {
			srv, err := callback.NewServer(callback.Config{
				Token: cbToken, EncodingAESKey: cbAESKey, AppID: cbAppID, Handler: mux,
				Store: wechat.NewMemoryStore(),
			})
			if err != nil {
				b.Fatal(err)
			}
			return srv
		}
		srv := newServer()
		w := &reusableWriter{h: http.Header{}}
		rb := &body{}
		serve := func(i int) {
			w.reset()
			rb.Reset(raws[i])
			reqs[i].Body = rb
			srv.ServeHTTP(w, reqs[i])
		}
		serve(0)
		checkReply(b, w.buf.Bytes())
		measure(b, func() {
			for i := 0; i < b.N; i++ {
				if i%distinct == 0 {
					// A fresh store, so that no message is a retry.
					b.StopTimer()
					srv = newServer()
					b.StartTimer()
				}
				serve(i % distinct)
			}
		})
	})

	for _, row := range []struct {
		name  string
		level logrus.Level
	}{{"sdk=silenceper", logrus.WarnLevel}, {"sdk=silenceper,log=default", logrus.InfoLevel}} {
		b.Run(row.name, func(b *testing.B) {
			setSilenceperLogging(b, row.level)
			serve := peerCallbackServer(b, req, raw)
			measure(b, func() {
				for i := 0; i < b.N; i++ {
					serve()
				}
			})
		})
	}

	// Both SDKs in one loop, request after request (the first of each
	// pair alternating), silenceper's logger at Warn: the per-request times
	// of this row are the comparison.
	b.Run("interleaved", func(b *testing.B) {
		setSilenceperLogging(b, logrus.WarnLevel)
		serves := [2]func(){ourCallbackServer(b, req, raw), peerCallbackServer(b, req, raw)}
		var spent [2]time.Duration
		b.ReportAllocs()
		b.ResetTimer()
		for i := range b.N {
			for k := range 2 {
				j := (i + k) % 2
				start := time.Now()
				serves[j]()
				spent[j] += time.Since(start)
			}
		}
		b.StopTimer()
		b.ReportMetric(float64(spent[0].Nanoseconds())/float64(b.N), "weixin-go-ns/req")
		b.ReportMetric(float64(spent[1].Nanoseconds())/float64(b.N), "silenceper-ns/req")
		b.ReportMetric(float64(spent[0])/float64(spent[1]), "ratio")
	})
}

// ourCallbackServer returns a function serving req (body raw) with our
// callback.Server, checked once. The same message is served again and
// again; silenceper has no de-duplication, so ours is off too.
func ourCallbackServer(b *testing.B, req *http.Request, raw []byte) func() {
	mux := callback.NewMux()
	mux.HandleText(func(ctx context.Context, m *callback.Message) (callback.Reply, error) {
		return callback.Text(m.Content), nil
	})
	srv, err := callback.NewServer(callback.Config{
		Token: cbToken, EncodingAESKey: cbAESKey, AppID: cbAppID, Handler: mux,
		DisableDedup: true,
	})
	if err != nil {
		b.Fatal(err)
	}
	w := &reusableWriter{h: http.Header{}}
	rb := &body{}
	serve := func() {
		w.reset()
		rb.Reset(raw)
		req.Body = rb
		srv.ServeHTTP(w, req)
	}
	serve()
	if w.status != 200 {
		b.Fatalf("status %d: %s", w.status, w.buf.String())
	}
	checkReply(b, w.buf.Bytes())
	return serve
}

// peerCallbackServer is ourCallbackServer for silenceper.
func peerCallbackServer(b *testing.B, req *http.Request, raw []byte) func() {
	oa := swechat.NewWechat().GetOfficialAccount(&soaconfig.Config{
		AppID: cbAppID, AppSecret: "unused", Token: cbToken, EncodingAESKey: cbAESKey,
		Cache: scache.NewMemory(),
	})
	handler := func(m *smessage.MixMessage) *smessage.Reply {
		return &smessage.Reply{MsgType: smessage.MsgTypeText, MsgData: smessage.NewText(m.Content)}
	}
	w := &reusableWriter{h: http.Header{}}
	rb := &body{}
	serve := func() {
		w.reset()
		rb.Reset(raw)
		req.Body = rb
		s := oa.GetServer(req, w)
		s.SetMessageHandler(handler)
		if err := s.Serve(); err != nil {
			b.Fatal(err)
		}
		if err := s.Send(); err != nil {
			b.Fatal(err)
		}
	}
	serve()
	checkReply(b, w.buf.Bytes())
	return serve
}
