package callback

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/callback/msgcrypt"
)

func TestVerifyGETOfficialVector(t *testing.T) {
	// Official URL verification example: token AAAAA.
	s, _ := newTestServer(t, NewMux(), func(c *Config) { c.Now = func() time.Time { return time.Unix(1714036504, 0) } })
	r := httptest.NewRequest("GET", "/wechat?signature=f464b24fc39322e44b38aa78f5edd27bd1441696&echostr=4375120948345356249&timestamp=1714036504&nonce=1514711492", nil)
	w := do(s, r)
	if w.Code != 200 || w.Body.String() != "4375120948345356249" {
		t.Fatalf("%d %q", w.Code, w.Body)
	}
	r = httptest.NewRequest("GET", "/wechat?signature=0464b24fc39322e44b38aa78f5edd27bd1441696&echostr=4375120948345356249&timestamp=1714036504&nonce=1514711492", nil)
	if w := do(s, r); w.Code != http.StatusForbidden {
		t.Fatalf("bad signature: %d", w.Code)
	}
}

func TestSafeModeOfficialJSONVector(t *testing.T) {
	// The official safe-mode JSON push (debug_demo event); no reply.
	var got *Message
	mux := NewMux()
	mux.HandleEvent("debug_demo", func(_ context.Context, m *Message) (Reply, error) { got = m; return nil, nil })
	s, _ := newTestServer(t, mux, nil)
	body := `{"ToUserName":"gh_97417a04a28d","Encrypt":"+qdx1OKCy+5JPCBFWw70tm0fJGb2Jmeia4FCB7kao+/Q5c/ohsOzQHi8khUOb05JCpj0JB4RvQMkUyus8TPxLKJGQqcvZqzDpVzazhZv6JsXUnnR8XGT740XgXZUXQ7vJVnAG+tE8NUd4yFyjPy7GgiaviNrlCTj+l5kdfMuFUPpRSrfMZuMcp3Fn2Pede2IuQrKEYwKSqFIZoNqJ4M8EajAsjLY2km32IIjdf8YL/P50F7mStwntrA2cPDrM1kb6mOcfBgRtWygb3VIYnSeOBrebufAlr7F9mFUPAJGj04="}`
	r := httptest.NewRequest("POST", "/wechat?signature=6c5c811b55cc85e0e1b54100749188c20beb3f5d&timestamp=1714112445&nonce=415670741&openid=o9AgO5Kd5ggOC-bXrbNODIiE3bGY&encrypt_type=aes&msg_signature=046e02f8204d34f8ba5fa3b1db94908f3df2e9b3", strings.NewReader(body))
	r.Header.Set("Content-Type", "application/json")
	w := do(s, r)
	if w.Code != 200 || w.Body.String() != "success" {
		t.Fatalf("%d %q", w.Code, w.Body)
	}
	if got == nil || got.Get("debug_str") != "hello world" || got.FromUserName != "o9AgO5Kd5ggOC-bXrbNODIiE3bGY" || got.CreateTime != 1714112445 {
		t.Fatalf("%+v", got)
	}
}

func TestSafeModeTextReply(t *testing.T) {
	mux := NewMux()
	mux.HandleText(echoText)
	s, _ := newTestServer(t, mux, nil)
	w := do(s, push{plain: textXML, encrypt: true}.request(t))
	if w.Code != 200 || !strings.HasPrefix(w.Header().Get("Content-Type"), "application/xml") {
		t.Fatalf("%d %q", w.Code, w.Body)
	}
	m := openReply(t, w.Body.Bytes())
	if m.Content != "echo: hello" || m.ToUserName != "oUser" || m.FromUserName != "gh_97417a04a28d" || m.MsgType != "text" || m.CreateTime != tNow {
		t.Fatalf("%+v", m)
	}
	// The envelope echoes the request nonce.
	env, _ := ParseXML(w.Body.Bytes())
	if env.Get("Nonce") != "415670741" || env.Get("TimeStamp") != "1714112445" {
		t.Fatalf("%s", w.Body)
	}
}

func TestPlaintextAndCompatModes(t *testing.T) {
	mux := NewMux()
	mux.HandleText(echoText)
	s, _ := newTestServer(t, mux, func(c *Config) { c.DisableDedup = true })

	w := do(s, push{plain: textXML}.request(t))
	m, err := ParseXML(w.Body.Bytes())
	if w.Code != 200 || err != nil || m.Content != "echo: hello" {
		t.Fatalf("plaintext: %d %s %v", w.Code, w.Body, err)
	}
	w = do(s, push{plain: textXML, encrypt: true, compat: true}.request(t))
	if w.Code != 200 || openReply(t, w.Body.Bytes()).Content != "echo: hello" {
		t.Fatalf("compat: %d %s", w.Code, w.Body)
	}
	// A server without EncodingAESKey serves plaintext and refuses encrypted pushes.
	plainOnly, _ := newTestServer(t, mux, func(c *Config) { c.EncodingAESKey = ""; c.AppID = "" })
	if w := do(plainOnly, push{plain: textXML}.request(t)); w.Code != 200 {
		t.Fatalf("plain-only server: %d", w.Code)
	}
	if w := do(plainOnly, push{plain: textXML, encrypt: true}.request(t)); w.Code != 400 {
		t.Fatalf("plain-only server, encrypted push: %d", w.Code)
	}
}

func TestJSONSafeModeReply(t *testing.T) {
	mux := NewMux()
	mux.HandleText(func(context.Context, *Message) (Reply, error) { return TransferCustomerService(""), nil })
	mux.HandleEvent(EventUserEnterTempsession, func(context.Context, *Message) (Reply, error) { return Image("m"), nil })
	s, logs := newTestServer(t, mux, nil)
	msg := `{"ToUserName":"gh_x","FromUserName":"oUser","CreateTime":1714112445,"MsgType":"text","Content":"hi","MsgId":"49d72d67_1555684067"}`
	w := do(s, push{plain: msg, encrypt: true, json: true}.request(t))
	var env struct {
		Encrypt, MsgSignature, Nonce string
		TimeStamp                    int64
	}
	if err := json.Unmarshal(w.Body.Bytes(), &env); err != nil || w.Code != 200 {
		t.Fatalf("%d %s %v", w.Code, w.Body, err)
	}
	if !msgcrypt.VerifyMsgSignature(tToken, "1714112445", env.Nonce, []byte(env.Encrypt), env.MsgSignature) {
		t.Fatal("JSON reply signature")
	}
	c, _ := msgcrypt.New(tToken, tKey, tAppID)
	plain, _ := c.Decrypt(env.Encrypt)
	if r, err := ParseJSON(plain); err != nil || r.MsgType != "transfer_customer_service" || r.ToUserName != "oUser" {
		t.Fatalf("%s %v", plain, err)
	}
	// A reply with no JSON form answers success and logs why.
	ev := `{"ToUserName":"gh_x","FromUserName":"oUser","CreateTime":1714112445,"MsgType":"event","Event":"user_enter_tempsession","SessionFrom":"x"}`
	w = do(s, push{plain: ev, encrypt: true, json: true}.request(t))
	if w.Body.String() != "success" || !strings.Contains(logs.String(), "JSON push") {
		t.Fatalf("%s / %s", w.Body, logs)
	}
}

func TestRejections(t *testing.T) {
	var calls atomic.Int32
	mux := NewMux()
	mux.Fallback(func(context.Context, *Message) (Reply, error) { calls.Add(1); return nil, nil })
	s, logs := newTestServer(t, mux, func(c *Config) { c.MaxBodyBytes = 2048 })
	other, _ := msgcrypt.New(tToken, tKey, "wxsomeoneelse")
	otherEnc, _ := other.Encrypt([]byte(textXML))
	resign := func(q url.Values, enc string) {
		q.Set("msg_signature", msgcrypt.MsgSignature(tToken, q.Get("timestamp"), q.Get("nonce"), enc))
	}
	for _, tc := range []struct {
		name   string
		req    *http.Request
		status int
	}{
		{"wrong signature", push{plain: textXML, token: "wrong"}.request(t), 403},
		{"wrong msg_signature", push{plain: textXML, encrypt: true, mutate: func(q url.Values, _ *string) { q.Set("msg_signature", strings.Repeat("0", 40)) }}.request(t), 403},
		{"missing signature", push{plain: textXML, mutate: func(q url.Values, _ *string) { q.Del("signature") }}.request(t), 403},
		{"stale timestamp", push{plain: textXML, timestamp: tNow - 301}.request(t), 403},
		{"future timestamp", push{plain: textXML, timestamp: tNow + 301}.request(t), 403},
		{"no timestamp", push{plain: textXML, mutate: func(q url.Values, _ *string) { q.Del("timestamp") }}.request(t), 400},
		{"tampered ciphertext", push{plain: textXML, encrypt: true, mutate: func(q url.Values, body *string) {
			i := strings.Index(*body, "]]></Encrypt>") - 6
			b := []byte(*body)
			if b[i] == 'A' {
				b[i] = 'B'
			} else {
				b[i] = 'A'
			}
			*body = string(b)
			env, _ := ParseXML(b)
			resign(q, env.Get("Encrypt"))
		}}.request(t), 400},
		{"wrong receiver id", push{plain: textXML, encrypt: true, mutate: func(q url.Values, body *string) {
			*body = "<xml><Encrypt><![CDATA[" + otherEnc + "]]></Encrypt></xml>"
			resign(q, otherEnc)
		}}.request(t), 403},
		{"missing Encrypt", push{plain: textXML, encrypt: true, mutate: func(q url.Values, body *string) { *body = "<xml><ToUserName>x</ToUserName></xml>" }}.request(t), 400},
		{"not base64", push{plain: textXML, encrypt: true, mutate: func(q url.Values, body *string) {
			*body = "<xml><Encrypt>!!!!</Encrypt></xml>"
			resign(q, "!!!!")
		}}.request(t), 400},
		{"oversize body", push{plain: wrap("<Content>" + strings.Repeat("x", 4096) + "</Content>")}.request(t), 413},
		{"malformed XML", push{plain: "<xml><MsgType>text</xml>"}.request(t), 400},
		{"malformed inner XML", push{plain: "<xml><MsgType>text", encrypt: true}.request(t), 400},
		{"malformed JSON", push{plain: `{"MsgType":`}.request(t), 400},
		{"unknown encrypt_type", push{plain: textXML, mutate: func(q url.Values, _ *string) { q.Set("encrypt_type", "rot13") }}.request(t), 400},
		{"bad query escape", httptest.NewRequest("POST", "/wechat?timestamp=%zz", strings.NewReader(textXML)), 400},
		{"method", push{plain: textXML, method: "PUT"}.request(t), 405},
		{"GET without echostr", push{method: "GET"}.request(t), 400},
	} {
		logs.Reset()
		w := do(s, tc.req)
		if w.Code != tc.status {
			t.Errorf("%s: status %d, want %d (%s)", tc.name, w.Code, tc.status, w.Body)
		}
		line := logs.String()
		if !strings.Contains(line, "rejected request") {
			t.Errorf("%s: no log line", tc.name)
		}
		for _, secret := range []string{tToken + " ", tKey, "hello"} {
			if strings.Contains(line, secret) {
				t.Errorf("%s: log leaks %q: %s", tc.name, secret, line)
			}
		}
	}
	if n := calls.Load(); n != 0 {
		t.Fatalf("handler ran %d times for rejected requests", n)
	}
	// Oversize announced by Content-Length is refused before reading.
	r := push{plain: textXML}.request(t)
	r.ContentLength = 1 << 30
	if w := do(s, r); w.Code != 413 {
		t.Fatalf("Content-Length oversize: %d", w.Code)
	}
}

func TestDedup(t *testing.T) {
	var calls atomic.Int32
	fail := true
	mux := NewMux()
	mux.HandleText(func(ctx context.Context, m *Message) (Reply, error) {
		calls.Add(1)
		return Text("first"), nil
	})
	mux.HandleEvent(EventClick, func(ctx context.Context, m *Message) (Reply, error) {
		calls.Add(1)
		if fail {
			fail = false
			return nil, errors.New("database down")
		}
		return nil, nil
	})
	store := wechat.NewMemoryStore()
	s, logs := newTestServer(t, mux, func(c *Config) { c.Store = store })
	p := push{plain: textXML, encrypt: true}
	if w := do(s, p.request(t)); w.Code != 200 || openReply(t, w.Body.Bytes()).Content != "first" {
		t.Fatalf("first: %d %s", w.Code, w.Body)
	}
	// WeChat's retry of the same MsgId gets the same answer; the handler
	// does not run again.
	if w := do(s, p.request(t)); w.Code != 200 || openReply(t, w.Body.Bytes()).Content != "first" {
		t.Fatalf("retry: %d %s", w.Code, w.Body)
	}
	if calls.Load() != 1 || !strings.Contains(logs.String(), "answered with the first reply") {
		t.Fatalf("calls=%d logs=%s", calls.Load(), logs)
	}
	// Events are keyed by sender, time and event; a failed handler releases
	// the mark so that the retry runs again.
	click := wrap(`<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[CLICK]]></Event><EventKey><![CDATA[K]]></EventKey>`)
	if w := do(s, push{plain: click, encrypt: true}.request(t)); w.Code != 500 {
		t.Fatalf("failing handler: %d", w.Code)
	}
	if w := do(s, push{plain: click, encrypt: true}.request(t)); w.Code != 200 || w.Body.String() != "success" {
		t.Fatalf("retry after failure: %d", w.Code)
	}
	if w := do(s, push{plain: click, encrypt: true}.request(t)); w.Body.String() != "success" || calls.Load() != 3 {
		t.Fatalf("second retry must not run: calls=%d", calls.Load())
	}
	// Another click by the same user at another time is not a duplicate.
	click2 := strings.Replace(click, "1714112445", "1714112446", 1)
	do(s, push{plain: click2, encrypt: true}.request(t))
	if calls.Load() != 4 {
		t.Fatalf("distinct event deduplicated: calls=%d", calls.Load())
	}
}

func TestHandlerPanicAndErrors(t *testing.T) {
	mux := NewMux()
	mux.HandleText(func(context.Context, *Message) (Reply, error) { panic("boom") })
	s, logs := newTestServer(t, mux, nil)
	if w := do(s, push{plain: textXML}.request(t)); w.Code != 500 || !strings.Contains(logs.String(), "boom") {
		t.Fatalf("%d %s", w.Code, logs)
	}
	if _, err := NewServer(Config{Token: "t", EncodingAESKey: "secret-but-wrong-length", AppID: "a", Handler: mux}); !errors.Is(err, msgcrypt.ErrInvalidKey) || strings.Contains(err.Error(), "secret-but") {
		t.Fatalf("bad key error: %v", err)
	}
	if _, err := NewServer(Config{Handler: mux}); !errors.Is(err, ErrConfig) {
		t.Fatal(err)
	}
	if _, err := NewServer(Config{Token: "t"}); !errors.Is(err, ErrConfig) {
		t.Fatal(err)
	}
}

func TestMuxRouting(t *testing.T) {
	var trace []string
	mk := func(name string) HandlerFunc {
		return func(context.Context, *Message) (Reply, error) { trace = append(trace, name); return nil, nil }
	}
	mux := NewMux()
	mux.HandleText(mk("text"))
	mux.HandleImage(mk("image"))
	mux.HandleVoice(mk("voice"))
	mux.HandleVideo(mk("video"))
	mux.HandleShortVideo(mk("shortvideo"))
	mux.HandleLocation(mk("location"))
	mux.HandleLink(mk("link"))
	mux.HandleEvent(EventSubscribe, mk("subscribe"))
	mux.HandleEvent(EventChangeContact, mk("contact"))
	mux.HandleChange(EventChangeContact, ChangeCreateUser, mk("create_user"))
	mux.HandleInfoType(InfoTypeAuthorized, mk("authorized"))
	mux.Fallback(mk("fallback"))
	mux.Use(func(next Handler) Handler {
		return HandlerFunc(func(ctx context.Context, m *Message) (Reply, error) {
			trace = append(trace, "mw1")
			return next.ServeMessage(ctx, m)
		})
	}, func(next Handler) Handler {
		return HandlerFunc(func(ctx context.Context, m *Message) (Reply, error) {
			trace = append(trace, "mw2")
			return next.ServeMessage(ctx, m)
		})
	})
	for _, m := range []*Message{
		{MsgType: "text"}, {MsgType: "image"}, {MsgType: "voice"}, {MsgType: "video"}, {MsgType: "shortvideo"},
		{MsgType: "location"}, {MsgType: "link"}, {MsgType: "event", Event: "subscribe"},
		{MsgType: "event", Event: "change_contact", ChangeType: "create_user"},
		{MsgType: "event", Event: "change_contact", ChangeType: "delete_user"},
		{InfoType: "authorized"}, {MsgType: "event", Event: "SCAN"}, {InfoType: "unknown"},
	} {
		if _, err := mux.ServeMessage(context.Background(), m); err != nil {
			t.Fatal(err)
		}
	}
	want := "mw1 mw2 text mw1 mw2 image mw1 mw2 voice mw1 mw2 video mw1 mw2 shortvideo mw1 mw2 location mw1 mw2 link mw1 mw2 subscribe mw1 mw2 create_user mw1 mw2 contact mw1 mw2 authorized mw1 mw2 fallback mw1 mw2 fallback"
	if got := strings.Join(trace, " "); got != want {
		t.Fatalf("got  %s\nwant %s", got, want)
	}
	if NewMux().Route(&Message{MsgType: "text"}) != nil {
		t.Fatal("empty mux routes")
	}
	if r, err := NewMux().ServeMessage(context.Background(), &Message{MsgType: "text"}); r != nil || err != nil {
		t.Fatal("empty mux must answer success")
	}
}

func TestComponent(t *testing.T) {
	store := wechat.NewMemoryStore()
	ctx := context.Background()
	_ = store.Set(ctx, wechat.StoreKey("wxauth", wechat.KeyAccessToken), []byte("at"), 0)
	_ = store.Set(ctx, wechat.StoreKey("wxauth", wechat.KeyAuthorizerRefreshToken), []byte("rt"), 0)
	var authorized, unauthorized, next int
	comp := &Component{
		AppID: "wxcomp", Store: store, Now: tClock,
		OnAuthorized:   func(_ context.Context, m *Message) error { authorized++; return nil },
		OnUnauthorized: func(_ context.Context, m *Message) error { unauthorized++; return nil },
		Next:           HandlerFunc(func(context.Context, *Message) (Reply, error) { next++; return Text("x"), nil }),
	}
	s, _ := newTestServer(t, comp, func(c *Config) { c.AppID = "wxcomp"; c.Store = store })
	send := func(x string) *httptest.ResponseRecorder {
		t.Helper()
		return do(s, push{plain: x, encrypt: true, appID: "wxcomp"}.request(t))
	}
	if w := send(`<xml><AppId>wxcomp</AppId><CreateTime>1714112445</CreateTime><InfoType>component_verify_ticket</InfoType><ComponentVerifyTicket>ticket@@@abc</ComponentVerifyTicket></xml>`); w.Body.String() != "success" {
		t.Fatalf("ticket: %d %s", w.Code, w.Body)
	}
	raw, err := store.Get(ctx, wechat.StoreKey("wxcomp", wechat.KeyComponentVerifyTicket))
	var tok wechat.Token
	if err != nil || json.Unmarshal(raw, &tok) != nil || tok.Value != "ticket@@@abc" || !tok.ExpiresAt.Equal(time.Unix(tNow, 0).Add(12*time.Hour)) {
		t.Fatalf("stored ticket %s %v", raw, err)
	}
	exp := time.Now().Add(time.Hour).Unix()
	send(`<xml><AppId>wxcomp</AppId><CreateTime>1714112446</CreateTime><InfoType>authorized</InfoType><AuthorizerAppid>wxauth</AuthorizerAppid><AuthorizationCode>code1</AuthorizationCode><AuthorizationCodeExpiredTime>` + itoa(exp) + `</AuthorizationCodeExpiredTime><PreAuthCode>p</PreAuthCode></xml>`)
	raw, _ = store.Get(ctx, wechat.StoreKey("wxauth", KeyAuthorizationCode))
	if json.Unmarshal(raw, &tok) != nil || tok.Value != "code1" || tok.ExpiresAt.Unix() != exp || authorized != 1 {
		t.Fatalf("authorization code %s, hook %d", raw, authorized)
	}
	send(`<xml><AppId>wxcomp</AppId><CreateTime>1714112447</CreateTime><InfoType>updateauthorized</InfoType><AuthorizerAppid>wxauth</AuthorizerAppid><AuthorizationCode>code2</AuthorizationCode><AuthorizationCodeExpiredTime>` + itoa(exp) + `</AuthorizationCodeExpiredTime></xml>`)
	raw, _ = store.Get(ctx, wechat.StoreKey("wxauth", KeyAuthorizationCode))
	if authorized != 2 || json.Unmarshal(raw, &tok) != nil || tok.Value != "code2" || tok.ExpiresAt.Unix() != exp {
		t.Fatalf("updateauthorized: code %s, hook %d", raw, authorized)
	}
	send(`<xml><AppId>wxcomp</AppId><CreateTime>1714112448</CreateTime><InfoType>unauthorized</InfoType><AuthorizerAppid>wxauth</AuthorizerAppid></xml>`)
	for _, k := range []string{wechat.KeyAccessToken, wechat.KeyAuthorizerRefreshToken, KeyAuthorizationCode} {
		if _, err := store.Get(ctx, wechat.StoreKey("wxauth", k)); !errors.Is(err, wechat.ErrNotFound) {
			t.Errorf("%s not deleted", k)
		}
	}
	if unauthorized != 1 {
		t.Fatal("unauthorized hook")
	}
	// Messages of authorized accounts go to Next, with replies.
	if w := send(textXML); w.Code != 200 || next != 1 {
		t.Fatalf("next: %d %d", w.Code, next)
	}
	// Missing fields make WeChat retry.
	if w := send(`<xml><AppId>wxcomp</AppId><CreateTime>1714112449</CreateTime><InfoType>component_verify_ticket</InfoType></xml>`); w.Code != 500 {
		t.Fatalf("empty ticket: %d", w.Code)
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

func TestWorkServer(t *testing.T) {
	const corp = "wwcorp"
	var hits []string
	agentHandler := func(name string) Handler {
		return HandlerFunc(func(_ context.Context, m *Message) (Reply, error) {
			hits = append(hits, name+":"+m.Event)
			if m.Event == EventTemplateCardEvent {
				return UpdateButton("已处理"), nil
			}
			return nil, nil
		})
	}
	var logs bytes.Buffer
	ws, err := NewWorkServer(WorkConfig{CorpID: corp, Now: tClock, Logger: quietLogger(&logs), Agents: []WorkAgent{
		{AgentID: "1000002", Token: tToken, EncodingAESKey: tKey, Handler: agentHandler("a")},
		{AgentID: "1000003", Token: "TOKEN3", EncodingAESKey: tKey, Handler: agentHandler("b")},
	}})
	if err != nil {
		t.Fatal(err)
	}
	c, _ := msgcrypt.New(tToken, tKey, corp)
	// GET verification: echostr is encrypted and signed with msg_signature.
	echo, _ := c.Encrypt([]byte("1616140317555161061"))
	q := url.Values{"timestamp": {"1714112445"}, "nonce": {"n1"}, "echostr": {echo},
		"msg_signature": {msgcrypt.MsgSignature(tToken, "1714112445", "n1", echo)}}
	w := do(ws, httptest.NewRequest("GET", "/wecom/1000002?"+q.Encode(), nil))
	if w.Code != 200 || w.Body.String() != "1616140317555161061" {
		t.Fatalf("echo: %d %q", w.Code, w.Body)
	}
	// The same request for the other agent fails its token.
	if w := do(ws, httptest.NewRequest("GET", "/wecom/1000003?"+q.Encode(), nil)); w.Code != 403 {
		t.Fatalf("other agent: %d", w.Code)
	}
	// A path that names no agent: the agent whose token and key open the
	// echostr answers.
	if w := do(ws, httptest.NewRequest("GET", "/wecom/?"+q.Encode(), nil)); w.Code != 200 || w.Body.String() != "1616140317555161061" {
		t.Fatalf("GET by signature: %d %q", w.Code, w.Body)
	}
	c3, _ := msgcrypt.New("TOKEN3", tKey, corp)
	echo3, _ := c3.Encrypt([]byte("echo3"))
	q3 := url.Values{"timestamp": {"1714112445"}, "nonce": {"n1"}, "echostr": {echo3},
		"msg_signature": {msgcrypt.MsgSignature("TOKEN3", "1714112445", "n1", echo3)}}
	if w := do(ws, httptest.NewRequest("GET", "/wecom/999?"+q3.Encode(), nil)); w.Code != 200 || w.Body.String() != "echo3" {
		t.Fatalf("GET by signature, second agent: %d %q", w.Code, w.Body)
	}
	q3.Set("msg_signature", msgcrypt.MsgSignature("unknown", "1714112445", "n1", echo3))
	if w := do(ws, httptest.NewRequest("GET", "/wecom/999?"+q3.Encode(), nil)); w.Code != 404 {
		t.Fatalf("unknown agent: %d", w.Code)
	}
	// POST by path, with an encrypted update_button reply.
	ev := `<xml><ToUserName><![CDATA[wwcorp]]></ToUserName><FromUserName><![CDATA[zhangsan]]></FromUserName><CreateTime>1714112445</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[template_card_event]]></Event><EventKey><![CDATA[k]]></EventKey><TaskId><![CDATA[t]]></TaskId><AgentID>1000002</AgentID></xml>`
	r := push{plain: ev, encrypt: true, appID: corp}.request(t)
	r.URL.Path = "/wecom/1000002"
	w = do(ws, r)
	env, err := ParseXML(w.Body.Bytes())
	if w.Code != 200 || err != nil {
		t.Fatalf("%d %s", w.Code, w.Body)
	}
	plain, err := c.Decrypt(env.Get("Encrypt"))
	reply, _ := ParseXML(plain)
	if b, _ := reply.Node("Button"); err != nil || reply.MsgType != "update_button" || b.Get("ReplaceName") != "已处理" {
		t.Fatalf("%s %v", plain, err)
	}
	// POST routed by the envelope's AgentID when the path names no agent.
	ev2 := strings.Replace(ev, "template_card_event", "enter_agent", 1)
	r = push{plain: ev2, encrypt: true, appID: corp, mutate: func(q url.Values, body *string) {
		*body = strings.Replace(*body, "</xml>", "<AgentID>1000002</AgentID></xml>", 1)
	}}.request(t)
	if w := do(ws, r); w.Code != 200 || w.Body.String() != "success" {
		t.Fatalf("by AgentID: %d %s", w.Code, w.Body)
	}
	// Wrong corp id inside the ciphertext.
	r = push{plain: ev2, encrypt: true, appID: "wwother"}.request(t)
	r.URL.Path = "/wecom/1000002"
	if w := do(ws, r); w.Code != 403 {
		t.Fatalf("wrong corp: %d", w.Code)
	}
	// A POST without AgentID (contact sync) is routed by signature.
	contact := strings.Replace(strings.Replace(ev2, "enter_agent", "change_contact", 1), "<AgentID>1000002</AgentID>", "", 1)
	r = push{plain: contact, encrypt: true, appID: corp, token: "TOKEN3"}.request(t)
	r.URL.Path = "/wecom/"
	if w := do(ws, r); w.Code != 200 || w.Body.String() != "success" {
		t.Fatalf("by signature: %d %s", w.Code, w.Body)
	}
	if strings.Join(hits, ",") != "a:template_card_event,a:enter_agent,b:change_contact" {
		t.Fatalf("hits %v", hits)
	}
	big := httptest.NewRequest("POST", "/wecom/?timestamp=1714112445&nonce=n&msg_signature=x", bytes.NewReader(make([]byte, DefaultMaxBodyBytes+1)))
	if w := do(ws, big); w.Code != 413 {
		t.Fatalf("oversize: %d", w.Code)
	}
	if _, err := NewWorkServer(WorkConfig{CorpID: corp}); !errors.Is(err, ErrConfig) {
		t.Fatal(err)
	}
}

func TestServerAllocs(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector changes allocation counts")
	}
	mux := NewMux()
	mux.HandleText(func(context.Context, *Message) (Reply, error) { return Text("hello"), nil })
	s, _ := newTestServer(t, mux, func(c *Config) { c.DisableDedup = true })
	req := push{plain: textXML, encrypt: true}.request(t)
	body := readAll(t, req.Body)
	rd := strings.NewReader(body)
	w := &discardWriter{h: http.Header{}}
	n := testing.AllocsPerRun(200, func() {
		rd.Reset(body)
		req.Body = readCloser{rd}
		s.ServeHTTP(w, req)
	})
	t.Logf("allocs per safe-mode request: %v", n)
	if n > 4 {
		t.Fatalf("safe-mode request allocates %v times", n)
	}
}

type readCloser struct{ *strings.Reader }

func (readCloser) Close() error { return nil }

type discardWriter struct{ h http.Header }

func (d *discardWriter) Header() http.Header         { return d.h }
func (d *discardWriter) Write(b []byte) (int, error) { return len(b), nil }
func (d *discardWriter) WriteHeader(int)             {}
