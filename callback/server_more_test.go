package callback

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/callback/msgcrypt"
)

// brokenStore is a Store that is down.
type brokenStore struct{ calls atomic.Int32 }

var errStoreDown = errors.New("dial tcp 10.0.0.1:6379: connection refused")

func (b *brokenStore) Get(context.Context, string) ([]byte, error) {
	b.calls.Add(1)
	return nil, errStoreDown
}
func (b *brokenStore) Set(context.Context, string, []byte, time.Duration) error {
	b.calls.Add(1)
	return errStoreDown
}
func (b *brokenStore) SetNX(context.Context, string, []byte, time.Duration) (bool, error) {
	b.calls.Add(1)
	return false, errStoreDown
}
func (b *brokenStore) Delete(context.Context, string) error { b.calls.Add(1); return errStoreDown }
func (b *brokenStore) CompareAndDelete(context.Context, string, []byte) (bool, error) {
	b.calls.Add(1)
	return false, errStoreDown
}

func TestDedupStoreDownStillDelivers(t *testing.T) {
	var calls atomic.Int32
	store := &brokenStore{}
	mux := NewMux()
	mux.HandleText(func(_ context.Context, m *Message) (Reply, error) {
		calls.Add(1)
		return Text("got " + m.Content), nil
	})
	s, logs := newTestServer(t, mux, func(c *Config) { c.Store = store })
	for i := 1; i <= 2; i++ {
		w := do(s, push{plain: textXML, encrypt: true}.request(t))
		if w.Code != 200 || openReply(t, w.Body.Bytes()).Content != "got hello" {
			t.Fatalf("delivery %d with the store down: %d %s", i, w.Code, w.Body)
		}
	}
	// Without a working store a retry cannot be recognised: the handler
	// runs each time rather than losing the message.
	if calls.Load() != 2 || store.calls.Load() == 0 || !strings.Contains(logs.String(), "de-duplication store failed") {
		t.Fatalf("calls=%d store calls=%d logs=%s", calls.Load(), store.calls.Load(), logs)
	}
}

// TestDedupRetryWhileHandling: WeChat retries after 5 s when the handler is
// slow. The retry waits for the first delivery's answer and gets it; the
// handler runs once.
func TestDedupRetryWhileHandling(t *testing.T) {
	var calls atomic.Int32
	started := make(chan struct{})
	release := make(chan struct{})
	mux := NewMux()
	mux.HandleText(func(context.Context, *Message) (Reply, error) {
		if calls.Add(1) == 1 {
			close(started)
		}
		<-release
		return Text("slow answer"), nil
	})
	s, _ := newTestServer(t, mux, func(c *Config) { c.RetryWait = 5 * time.Second })
	var wg sync.WaitGroup
	var first, retry *httptest.ResponseRecorder
	wg.Add(1)
	go func() { defer wg.Done(); first = do(s, push{plain: textXML, encrypt: true}.request(t)) }()
	<-started
	wg.Add(1)
	go func() { defer wg.Done(); retry = do(s, push{plain: textXML, encrypt: true}.request(t)) }()
	time.Sleep(3 * retryPoll)
	close(release)
	wg.Wait()
	for name, w := range map[string]*httptest.ResponseRecorder{"first": first, "retry": retry} {
		if w.Code != 200 || openReply(t, w.Body.Bytes()).Content != "slow answer" {
			t.Fatalf("%s: %d %s", name, w.Code, w.Body)
		}
	}
	if calls.Load() != 1 {
		t.Fatalf("handler ran %d times", calls.Load())
	}

	// A retry that waits longer than RetryWait answers 503, never success:
	// the first delivery may still fail.
	s2, logs := newTestServer(t, HandlerFunc(func(context.Context, *Message) (Reply, error) {
		time.Sleep(200 * time.Millisecond)
		return Text("late"), nil
	}), func(c *Config) { c.RetryWait = 2 * retryPoll })
	wg.Add(1)
	go func() { defer wg.Done(); do(s2, push{plain: textXML}.request(t)) }()
	time.Sleep(50 * time.Millisecond)
	if w := do(s2, push{plain: textXML}.request(t)); w.Code != http.StatusServiceUnavailable || !strings.Contains(logs.String(), "asking WeChat to retry") {
		t.Fatalf("retry past RetryWait: %s / %s", w.Body, logs)
	}
	wg.Wait()
	// Plaintext replies are remembered too, and a JSON push's retry gets
	// its JSON answer.
	if w := do(s2, push{plain: textXML}.request(t)); !strings.Contains(w.Body.String(), "<Content><![CDATA[late]]></Content>") {
		t.Fatalf("plaintext retry after the answer: %s", w.Body)
	}
}

// TestLogsHoldNoSecrets sends every kind of bad request, plus the paths
// that log on success (retries, store failure, handler failure), and
// checks that the captured slog output never contains the token, the
// EncodingAESKey or decrypted content.
func TestLogsHoldNoSecrets(t *testing.T) {
	const (
		token   = "tokSECRETtok"
		key     = "KeySecretKeySecretKeySecretKeySecretKeySecr" // 43 characters
		content = "PLAINTEXT-SECRET-CONTENT"
		appID   = "wxsecretsapp"
	)
	var logs bytes.Buffer
	logger := quietLogger(&logs)
	textBody := wrap(`<MsgType><![CDATA[text]]></MsgType><Content><![CDATA[` + content + `]]></Content><MsgId>777</MsgId>`)
	mux := NewMux()
	mux.HandleText(func(context.Context, *Message) (Reply, error) { return Text("re: " + content), nil })
	mux.HandleEvent(EventClick, func(context.Context, *Message) (Reply, error) { return nil, errors.New("handler failed") })
	s, err := NewServer(Config{Token: token, EncodingAESKey: key, AppID: appID, Handler: mux, Logger: logger, Now: tClock, MaxBodyBytes: 4096, AcceptPlaintext: true})
	if err != nil {
		t.Fatal(err)
	}
	broken, err := NewServer(Config{Token: token, EncodingAESKey: key, AppID: appID, Handler: mux, Logger: logger, Now: tClock, Store: &brokenStore{}})
	if err != nil {
		t.Fatal(err)
	}
	ws, err := NewWorkServer(WorkConfig{CorpID: appID, Logger: logger, Now: tClock, Agents: []WorkAgent{
		{AgentID: "1", Token: token, EncodingAESKey: key, Handler: mux},
		{AgentID: "2", Token: token, EncodingAESKey: key, Handler: mux},
	}})
	if err != nil {
		t.Fatal(err)
	}
	other, _ := msgcrypt.New(token, key, "wxsomeoneelse")
	otherEnc, _ := other.Encrypt([]byte(textBody))
	enc := func(p push) push { p.token, p.key, p.appID, p.encrypt = token, key, appID, true; return p }
	resign := func(q url.Values, e string) {
		q.Set("msg_signature", msgcrypt.MsgSignature(token, q.Get("timestamp"), q.Get("nonce"), e))
	}
	click := wrap(`<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[CLICK]]></Event><EventKey><![CDATA[` + content + `]]></EventKey>`)
	rejected := []struct {
		name   string
		h      http.Handler
		req    *http.Request
		status int
	}{
		{"wrong signature", s, push{plain: textBody, token: "wrong"}.request(t), 403},
		{"wrong msg_signature", s, enc(push{plain: textBody, mutate: func(q url.Values, _ *string) { q.Set("msg_signature", strings.Repeat("a", 40)) }}).request(t), 403},
		{"stale timestamp", s, enc(push{plain: textBody, timestamp: tNow - 3600}).request(t), 403},
		{"future timestamp", s, enc(push{plain: textBody, timestamp: tNow + 3600}).request(t), 403},
		{"tampered ciphertext", s, enc(push{plain: textBody, mutate: func(q url.Values, body *string) {
			env, _ := ParseXML([]byte(*body))
			e := env.Get("Encrypt")
			b := []byte(e)
			b[len(b)-8] ^= 1
			*body = "<xml><Encrypt><![CDATA[" + string(b) + "]]></Encrypt></xml>"
			resign(q, string(b))
		}}).request(t), 400},
		{"wrong receiver id", s, enc(push{plain: textBody, mutate: func(q url.Values, body *string) {
			*body = "<xml><Encrypt><![CDATA[" + otherEnc + "]]></Encrypt></xml>"
			resign(q, otherEnc)
		}}).request(t), 403},
		{"oversize body", s, push{token: token, plain: wrap("<Content>" + strings.Repeat(content, 300) + "</Content>")}.request(t), 413},
		{"malformed XML", s, push{token: token, plain: "<xml><Content>" + content + "</xml>"}.request(t), 400},
		{"malformed decrypted XML", s, enc(push{plain: "<xml><Content>" + content}).request(t), 400},
		{"malformed decrypted JSON", s, enc(push{plain: `{"Content":"` + content + `",}`}).request(t), 400},
		{"WeCom bad echostr", ws, httptest.NewRequest("GET", "/wecom/1?timestamp=1714112445&nonce=n&msg_signature=x&echostr="+content, nil), 403},
		{"WeCom unknown agent", ws, httptest.NewRequest("POST", "/wecom/9?timestamp=1714112445&nonce=n&msg_signature=x", strings.NewReader("<xml><AgentID>9</AgentID><Content>"+content+"</Content></xml>")), 404},
	}
	for _, tc := range rejected {
		logs.Reset()
		w := do(tc.h, tc.req)
		if w.Code != tc.status {
			t.Errorf("%s: status %d, want %d", tc.name, w.Code, tc.status)
		}
		if !strings.Contains(logs.String(), "rejected request") || !strings.Contains(logs.String(), "status="+itoa(int64(tc.status))) {
			t.Errorf("%s: no rejection line: %s", tc.name, logs.String())
		}
		checkNoSecrets(t, tc.name, logs.String(), token, key, content)
	}
	// Accepted requests that log: a retry, a failing handler, a broken store.
	logs.Reset()
	for _, h := range []http.Handler{s, s, broken} {
		if w := do(h, enc(push{plain: textBody}).request(t)); w.Code != 200 {
			t.Fatalf("text: %d", w.Code)
		}
	}
	if w := do(s, enc(push{plain: click}).request(t)); w.Code != 500 {
		t.Fatalf("click: %d", w.Code)
	}
	for _, want := range []string{"answered with the first reply", "handler failed", "store failed"} {
		if !strings.Contains(logs.String(), want) {
			t.Errorf("missing log %q in %s", want, logs.String())
		}
	}
	checkNoSecrets(t, "accepted", logs.String(), token, key, content)
}

func checkNoSecrets(t *testing.T, name, logs string, secrets ...string) {
	t.Helper()
	for _, sec := range secrets {
		if strings.Contains(logs, sec) {
			t.Errorf("%s: log contains %q: %s", name, sec, logs)
		}
	}
}

var _ wechat.Store = (*brokenStore)(nil)

// TestDedupDistinctEventsSameSecond: WeCom sends contact changes from
// "sys", several in the same second; they are distinct pushes, not
// retries, while a byte-identical retry of one of them is still caught.
func TestDedupDistinctEventsSameSecond(t *testing.T) {
	var users []string
	mux := NewMux()
	mux.HandleChange(EventChangeContact, ChangeCreateUser, func(_ context.Context, m *Message) (Reply, error) {
		users = append(users, m.UserID)
		return nil, nil
	})
	s, _ := newTestServer(t, mux, nil)
	for _, u := range []string{"zhangsan", "lisi", "zhangsan"} {
		ev := workEvent("change_contact", `<ChangeType>create_user</ChangeType><UserID><![CDATA[`+u+`]]></UserID>`)
		if w := do(s, push{plain: ev, encrypt: true}.request(t)); w.Code != 200 || w.Body.String() != "success" {
			t.Fatalf("%s: %d %s", u, w.Code, w.Body)
		}
	}
	if strings.Join(users, ",") != "zhangsan,lisi" {
		t.Fatalf("handled %v, want zhangsan,lisi (the third push is a retry)", users)
	}
}
