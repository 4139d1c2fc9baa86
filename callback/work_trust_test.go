package callback

import (
	"bytes"
	"context"
	"crypto/aes"
	"encoding/base64"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/weixin-go/wechat/callback/msgcrypt"
)

// manyAgents returns a WorkServer with n agents, each with its own token
// and key.
func manyAgents(t testing.TB, n int) *WorkServer {
	t.Helper()
	agents := make([]WorkAgent, n)
	for i := range agents {
		key := strings.Repeat(string(rune('A'+i%26)), 42) + strconv.Itoa(i%10)
		agents[i] = WorkAgent{AgentID: strconv.Itoa(1000002 + i), Token: "token" + strconv.Itoa(i), EncodingAESKey: key,
			Handler: HandlerFunc(func(context.Context, *Message) (Reply, error) { return nil, nil })}
	}
	ws, err := NewWorkServer(WorkConfig{CorpID: tAppID, Agents: agents, Now: tClock, Logger: quietLogger(new(bytes.Buffer))})
	if err != nil {
		t.Fatal(err)
	}
	return ws
}

// countingBody counts the bytes a handler reads.
type countingBody struct {
	r    io.Reader
	read int
}

func (c *countingBody) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.read += n
	return n, err
}

func (c *countingBody) Close() error { return nil }

// anonymousPost is a POST to a path that names no agent, with a fresh
// timestamp and a 1 MiB envelope signed by nobody.
func anonymousPost(q string, size int) (*http.Request, *countingBody) {
	enc := base64.StdEncoding.EncodeToString(bytes.Repeat([]byte{7}, size/4*3/32*32))
	body := &countingBody{r: strings.NewReader("<xml><Encrypt><![CDATA[" + enc + "]]></Encrypt></xml>")}
	r := httptest.NewRequest("POST", "/wecom/?"+q, nil)
	r.Body = body
	return r, body
}

// TestWorkServerCheapRejection: requests that fail a cheap check (method,
// query, timestamp window, declared size) are rejected before the body is
// read, and an envelope encrypted by no agent's key is rejected without
// verifying it against every agent.
func TestWorkServerCheapRejection(t *testing.T) {
	ws := manyAgents(t, 50)
	fresh := "timestamp=" + strconv.Itoa(tNow) + "&nonce=n&msg_signature=" + strings.Repeat("0", 40)
	for _, tc := range []struct {
		name, method, query string
		status              int
	}{
		{"stale timestamp", "POST", "timestamp=1&nonce=n&msg_signature=" + strings.Repeat("0", 40), 403},
		{"no timestamp", "POST", "nonce=n&msg_signature=x", 400},
		{"no msg_signature", "POST", "timestamp=" + strconv.Itoa(tNow) + "&nonce=n", 400},
		{"no nonce", "POST", "timestamp=" + strconv.Itoa(tNow) + "&msg_signature=x", 400},
		{"method", "PUT", fresh, 405},
		{"bad escape", "POST", "timestamp=%zz", 400},
	} {
		r, body := anonymousPost(tc.query, 1<<20)
		r.Method = tc.method
		if w := do(ws, r); w.Code != tc.status || body.read != 0 {
			t.Errorf("%s: %d (want %d), %d body bytes read", tc.name, w.Code, tc.status, body.read)
		}
	}
	r, body := anonymousPost(fresh, 1<<20)
	r.ContentLength = DefaultMaxBodyBytes + 1
	if w := do(ws, r); w.Code != 413 || body.read != 0 {
		t.Errorf("declared oversize: %d, %d bytes read", w.Code, body.read)
	}
	r, _ = anonymousPost(fresh, 1<<20-64)
	if w := do(ws, r); w.Code != 404 {
		t.Errorf("anonymous envelope: %d", w.Code)
	}
}

// TestTailMatches: the cheap key check accepts every ciphertext of the
// right key and receiver id and refuses those of another key or receiver.
func TestTailMatches(t *testing.T) {
	key, _ := msgcrypt.DecodeKey(tKey)
	right, _ := aes.NewCipher(key[:])
	otherKey, _ := msgcrypt.DecodeKey(strings.Repeat("B", 43))
	wrong, _ := aes.NewCipher(otherKey[:])
	for _, rid := range []string{tAppID, "ww1", "wwabcdefabcdef0123456789012345678901"} {
		c, _ := msgcrypt.New(tToken, tKey, rid)
		for n := 0; n < 300; n++ {
			enc, _ := c.Encrypt(bytes.Repeat([]byte{'x'}, n))
			if !tailMatches(right, []byte(enc), rid) {
				t.Fatalf("receiver %s, %d bytes: right key refused", rid, n)
			}
			// Long enough for the check to apply: 20-byte header + message +
			// receiver id beyond five blocks.
			if 20+n+len(rid) > 5*aes.BlockSize+32 {
				if tailMatches(wrong, []byte(enc), rid) {
					t.Fatalf("receiver %s, %d bytes: wrong key accepted", rid, n)
				}
				if tailMatches(right, []byte(enc), "x"+rid[1:]+"x") || tailMatches(right, []byte(enc), "wwother") {
					t.Fatalf("receiver %s, %d bytes: another receiver accepted", rid, n)
				}
			}
		}
	}
	for _, bad := range []string{"", "abc", "!!!!", strings.Repeat("A", 4*30)} {
		_ = tailMatches(right, []byte(bad), tAppID) // no panic
	}
}

// FuzzVerifyGET drives the GET URL verification of a Server (plain
// echostr, URL signature) and of WeCom servers (encrypted echostr,
// msg_signature), by path and by signature: it never panics or answers
// 5xx, and answers 200 only with the echostr (plain or decrypted).
func FuzzVerifyGET(f *testing.F) {
	c, _ := msgcrypt.New(tToken, tKey, tAppID)
	echo, _ := c.Encrypt([]byte("1616140317555161061"))
	f.Add("e1", true, false)
	f.Add(echo, true, true)
	f.Add(echo, false, true)
	f.Add("", true, true)
	f.Add("%zz", false, false)
	f.Add(strings.Repeat("A", 64), true, true)
	h := HandlerFunc(func(context.Context, *Message) (Reply, error) { return nil, nil })
	s, _ := newTestServer(f, h, nil)
	ws, err := NewWorkServer(WorkConfig{CorpID: tAppID, Now: tClock, Logger: quietLogger(new(bytes.Buffer)), Agents: []WorkAgent{
		{AgentID: "1", Token: "other", EncodingAESKey: tKey, Handler: h},
		{AgentID: "2", Token: tToken, EncodingAESKey: tKey, Handler: h},
	}})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, echostr string, sign, wecom bool) {
		ts := strconv.Itoa(tNow)
		q := url.Values{"timestamp": {ts}, "nonce": {"n"}, "echostr": {echostr}}
		if sign {
			q.Set("signature", msgcrypt.Signature(tToken, ts, "n"))
			q.Set("msg_signature", msgcrypt.MsgSignature(tToken, ts, "n", echostr))
		}
		var target http.Handler = s
		paths := []string{"/wechat"}
		if wecom {
			target, paths = ws, []string{"/wecom/", "/wecom/2"}
		}
		for _, p := range paths {
			w := do(target, httptest.NewRequest("GET", p+"?"+q.Encode(), nil))
			if w.Code >= 500 {
				t.Fatalf("status %d for %q", w.Code, echostr)
			}
			if w.Code != http.StatusOK {
				continue
			}
			if !sign {
				t.Fatalf("unsigned echostr %q answered %q", echostr, w.Body)
			}
			if wecom {
				plain, err := c.Decrypt(echostr)
				if err != nil || w.Body.String() != string(plain) {
					t.Fatalf("WeCom echo %q answered %q (%v)", echostr, w.Body, err)
				}
			} else if w.Body.String() != echostr {
				t.Fatalf("echo %q answered %q", echostr, w.Body)
			}
		}
	})
}

// BenchmarkWorkServerAnonymous1MiB: the cost of rejecting an anonymous
// 1 MiB POST (fresh timestamp, envelope encrypted by no agent) to a path
// that names none of 50 agents.
func BenchmarkWorkServerAnonymous1MiB(b *testing.B) {
	ws := manyAgents(b, 50)
	fresh := "timestamp=" + strconv.Itoa(tNow) + "&nonce=n&msg_signature=" + strings.Repeat("0", 40)
	r, _ := anonymousPost(fresh, 1<<20-64)
	raw, _ := io.ReadAll(r.Body)
	b.SetBytes(int64(len(raw)))
	b.ResetTimer()
	for b.Loop() {
		r.Body = io.NopCloser(bytes.NewReader(raw))
		if w := do(ws, r); w.Code != 404 {
			b.Fatal(w.Code)
		}
	}
}
