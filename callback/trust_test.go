package callback

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/storetest"
)

// TestPlaintextDowngradeRefused: with an EncodingAESKey configured, an
// unencrypted push is refused unless AcceptPlaintext is set, since its URL
// signature does not cover the body: a forged message posted with a seen
// push URL never reaches the handler.
func TestPlaintextDowngradeRefused(t *testing.T) {
	var calls atomic.Int32
	h := HandlerFunc(func(context.Context, *Message) (Reply, error) { calls.Add(1); return nil, nil })
	strict, logs := newTestServer(t, h, func(c *Config) { c.AcceptPlaintext = false })
	forged := wrap(`<MsgType><![CDATA[text]]></MsgType><Content><![CDATA[forged]]></Content><MsgId>31</MsgId>`)
	for name, p := range map[string]push{
		"no encrypt_type":  {plain: forged},
		"encrypt_type=raw": {plain: forged, mutate: func(q url.Values, _ *string) { q.Set("encrypt_type", "raw") }},
		"JSON":             {plain: `{"MsgType":"text","Content":"forged","MsgId":32}`},
	} {
		logs.Reset()
		if w := do(strict, p.request(t)); w.Code != http.StatusForbidden {
			t.Errorf("%s: %d %s", name, w.Code, w.Body)
		}
		if !strings.Contains(logs.String(), "unencrypted push refused") {
			t.Errorf("%s: no rejection logged: %s", name, logs)
		}
	}
	if calls.Load() != 0 {
		t.Fatalf("handler ran %d times for unencrypted pushes", calls.Load())
	}
	// Encrypted pushes and the GET verification still work.
	if w := do(strict, push{plain: forged, encrypt: true}.request(t)); w.Code != 200 || calls.Load() != 1 {
		t.Fatalf("encrypted push: %d", w.Code)
	}
	if w := do(strict, push{method: "GET", mutate: func(q url.Values, _ *string) { q.Set("echostr", "e1") }}.request(t)); w.Body.String() != "e1" {
		t.Fatalf("GET verification: %d %s", w.Code, w.Body)
	}
	// Compatible mode during a migration is an explicit choice.
	migrating, _ := newTestServer(t, h, func(c *Config) { c.AcceptPlaintext = true })
	if w := do(migrating, push{plain: forged}.request(t)); w.Code != 200 || calls.Load() != 2 {
		t.Fatalf("AcceptPlaintext: %d", w.Code)
	}
	// Plaintext mode (no key) is what it is.
	plainOnly, _ := newTestServer(t, h, func(c *Config) { c.EncodingAESKey, c.AppID, c.AcceptPlaintext = "", "", false })
	if w := do(plainOnly, push{plain: forged}.request(t)); w.Code != 200 {
		t.Fatalf("plaintext mode: %d", w.Code)
	}
	// A third-party platform's authorization URL is served by a Server too.
	store := wechat.NewMemoryStore()
	comp, _ := newTestServer(t, &Component{AppID: tAppID, Store: store}, func(c *Config) { c.AcceptPlaintext = false })
	ticket := `<xml><AppId><![CDATA[` + tAppID + `]]></AppId><CreateTime>1413192605</CreateTime><InfoType><![CDATA[component_verify_ticket]]></InfoType><ComponentVerifyTicket><![CDATA[forged-ticket]]></ComponentVerifyTicket></xml>`
	if w := do(comp, push{plain: ticket}.request(t)); w.Code != http.StatusForbidden {
		t.Fatalf("component, unencrypted ticket: %d", w.Code)
	}
	if _, err := store.Get(context.Background(), wechat.StoreKey(tAppID, wechat.KeyComponentVerifyTicket)); !errors.Is(err, wechat.ErrNotFound) {
		t.Fatalf("forged ticket stored: %v", err)
	}
	// WeCom: every push must be encrypted.
	ws, err := NewWorkServer(WorkConfig{CorpID: tAppID, Now: tClock, Logger: quietLogger(new(bytes.Buffer)),
		Agents: []WorkAgent{{AgentID: "1", Token: tToken, EncodingAESKey: tKey, Handler: h}}})
	if err != nil {
		t.Fatal(err)
	}
	if w := do(ws, push{plain: forged}.request(t)); w.Code < 400 || calls.Load() != 3 {
		t.Fatalf("WeCom unencrypted push: %d calls=%d", w.Code, calls.Load())
	}
}

// answers records what a sequence of deliveries got.
type answers struct {
	t       *testing.T
	handled atomic.Bool // a handler run succeeded
}

// deliver posts p to s and fails the test if it is acknowledged (200)
// before a handler run succeeded.
func (a *answers) deliver(s http.Handler, p push) int {
	a.t.Helper()
	w := do(s, p.request(a.t))
	if w.Code == http.StatusOK && !a.handled.Load() {
		a.t.Fatalf("delivery acknowledged (%s) before any handler run succeeded", w.Body)
	}
	return w.Code
}

// untilHandled retries p against s every 20 ms until it is acknowledged;
// every earlier answer must be an error status.
func (a *answers) untilHandled(s http.Handler, p push) {
	a.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		code := a.deliver(s, p)
		if code == http.StatusOK {
			return
		}
		if code < 500 {
			a.t.Fatalf("retry answered %d", code)
		}
		if time.Now().After(deadline) {
			a.t.Fatal("push never handled")
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestRetryNotLostWhenFirstHandlerFails: the first handler is still
// running when WeChat retries, then fails. The retry must not be answered
// "success"; the next one runs the handler.
func TestRetryNotLostWhenFirstHandlerFails(t *testing.T) {
	a := &answers{t: t}
	var calls atomic.Int32
	started, release := make(chan struct{}), make(chan struct{})
	h := HandlerFunc(func(context.Context, *Message) (Reply, error) {
		if calls.Add(1) == 1 {
			close(started)
			<-release
			return nil, errors.New("database down")
		}
		a.handled.Store(true)
		return nil, nil
	})
	s, _ := newTestServer(t, h, func(c *Config) { c.RetryWait = 3 * retryPoll })
	p := push{plain: textXML, encrypt: true}
	first := make(chan int)
	go func() { first <- do(s, p.request(t)).Code }()
	<-started
	if code := a.deliver(s, p); code != http.StatusServiceUnavailable {
		t.Fatalf("retry while the first delivery runs: %d", code)
	}
	close(release)
	if code := <-first; code != http.StatusInternalServerError {
		t.Fatalf("failed first delivery: %d", code)
	}
	a.untilHandled(s, p)
	if code := a.deliver(s, p); code != http.StatusOK || calls.Load() != 2 {
		t.Fatalf("retry after success: %d, handler ran %d times", code, calls.Load())
	}
}

// TestRetryNotLostWhenInstanceDies: the instance handling a push dies
// (here: loses its store and never answers); WeChat's retries land on
// another instance sharing the store. They get 503 while the dead
// instance's lease lives, then one of them runs the handler.
func TestRetryNotLostWhenInstanceDies(t *testing.T) {
	a := &answers{t: t}
	shared := wechat.NewMemoryStore()
	storeA := &storetest.FaultStore{Store: shared}
	hang := make(chan struct{})
	defer close(hang)
	started := make(chan struct{})
	handlerA := HandlerFunc(func(context.Context, *Message) (Reply, error) {
		storeA.Dead.Store(true)
		close(started)
		<-hang
		return nil, errors.New("instance gone")
	})
	var callsB atomic.Int32
	handlerB := HandlerFunc(func(context.Context, *Message) (Reply, error) {
		callsB.Add(1)
		a.handled.Store(true)
		return Text("from B"), nil
	})
	cfg := func(st wechat.Store) func(*Config) {
		return func(c *Config) { c.Store, c.LeaseTTL, c.RetryWait = st, 150*time.Millisecond, 2*retryPoll }
	}
	instA, _ := newTestServer(t, handlerA, cfg(storeA))
	instB, _ := newTestServer(t, handlerB, cfg(shared))
	p := push{plain: textXML, encrypt: true}
	go do(instA, p.request(t))
	<-started
	if code := a.deliver(instB, p); code != http.StatusServiceUnavailable {
		t.Fatalf("retry while the lease of the dead instance lives: %d", code)
	}
	a.untilHandled(instB, p)
	w := do(instB, p.request(t))
	if w.Code != 200 || openReply(t, w.Body.Bytes()).Content != "from B" || callsB.Load() != 1 {
		t.Fatalf("later retry: %d, handler B ran %d times", w.Code, callsB.Load())
	}
}

// TestRetryNotLostWhenReleaseFails: the handler fails and the store fails
// to remove the mark. Retries get 503 until the lease expires, then the
// handler runs again.
func TestRetryNotLostWhenReleaseFails(t *testing.T) {
	a := &answers{t: t}
	store := &storetest.FaultStore{Store: wechat.NewMemoryStore()}
	store.NoDelete.Store(true)
	var calls atomic.Int32
	h := HandlerFunc(func(context.Context, *Message) (Reply, error) {
		if calls.Add(1) == 1 {
			return nil, errors.New("database down")
		}
		a.handled.Store(true)
		return nil, nil
	})
	s, logs := newTestServer(t, h, func(c *Config) {
		c.Store, c.LeaseTTL, c.RetryWait = store, 150*time.Millisecond, 2*retryPoll
	})
	p := push{plain: textXML, encrypt: true}
	if code := a.deliver(s, p); code != http.StatusInternalServerError {
		t.Fatalf("failing first delivery: %d", code)
	}
	if !strings.Contains(logs.String(), "failed to release") {
		t.Fatalf("release failure not logged: %s", logs)
	}
	if code := a.deliver(s, p); code != http.StatusServiceUnavailable {
		t.Fatalf("retry while the stale lease lives: %d", code)
	}
	a.untilHandled(s, p)
	if calls.Load() != 2 {
		t.Fatalf("handler ran %d times", calls.Load())
	}
}

// TestLeaseRenewedWhileHandling: a handler slower than LeaseTTL keeps its
// lease, so retries meanwhile never run it a second time. The lease is
// short but leaves its renewal (every third of it) 200 ms of slack, so that
// a loaded machine does not let it lapse; should it lapse, the second run
// returns at once and the test fails instead of hanging.
func TestLeaseRenewedWhileHandling(t *testing.T) {
	const ttl = 300 * time.Millisecond
	var calls atomic.Int32
	release := make(chan struct{})
	var once sync.Once
	unblock := func() { once.Do(func() { close(release) }) }
	defer unblock()
	h := HandlerFunc(func(context.Context, *Message) (Reply, error) {
		if calls.Add(1) == 1 {
			<-release
		}
		return Text("slow"), nil
	})
	s, _ := newTestServer(t, h, func(c *Config) { c.LeaseTTL, c.RetryWait = ttl, 2*retryPoll })
	p := push{plain: textXML, encrypt: true}
	first := make(chan *http.Response, 1)
	go func() { first <- do(s, p.request(t)).Result() }()
	for calls.Load() == 0 {
		select {
		case r := <-first:
			t.Fatalf("first delivery answered %d before reaching the handler", r.StatusCode)
		case <-time.After(time.Millisecond):
		}
	}
	for end := time.Now().Add(3 * ttl); time.Now().Before(end); { // three lease lifetimes
		if w := do(s, p.request(t)); w.Code != http.StatusServiceUnavailable {
			t.Fatalf("retry: %d, handler ran %d times", w.Code, calls.Load())
		}
	}
	unblock()
	if r := <-first; r.StatusCode != 200 || calls.Load() != 1 {
		t.Fatalf("first: %d, handler ran %d times", r.StatusCode, calls.Load())
	}
}

// TestRejectionLoggedByDefault: without a Logger a rejected push is logged
// at Warn to slog.Default(); a discard logger turns it off. Neither logs
// the token, the key or the message.
func TestRejectionLoggedByDefault(t *testing.T) {
	var logs bytes.Buffer
	prev := slog.Default()
	slog.SetDefault(slog.New(slog.NewTextHandler(&logs, nil)))
	defer slog.SetDefault(prev)
	h := HandlerFunc(func(context.Context, *Message) (Reply, error) { return nil, nil })
	forged := wrap(`<MsgType><![CDATA[text]]></MsgType><Content><![CDATA[secret words]]></Content><MsgId>41</MsgId>`)
	for _, quiet := range []bool{false, true} {
		logs.Reset()
		cfg := Config{Token: tToken, EncodingAESKey: tKey, AppID: tAppID, Handler: h, Now: tClock}
		if quiet {
			cfg.Logger = slog.New(slog.DiscardHandler)
		}
		s, err := NewServer(cfg)
		if err != nil {
			t.Fatal(err)
		}
		if w := do(s, push{plain: forged, token: "wrong", encrypt: true}.request(t)); w.Code != http.StatusForbidden {
			t.Fatalf("bad signature: %d", w.Code)
		}
		got := logs.String()
		if quiet {
			if got != "" {
				t.Fatalf("discard logger still logged: %s", got)
			}
			continue
		}
		if !strings.Contains(got, "level=WARN") || !strings.Contains(got, "rejected request") {
			t.Fatalf("rejection not visible by default: %q", got)
		}
		checkNoSecrets(t, "default logger", got, tToken, tKey, "secret words")
	}
}
