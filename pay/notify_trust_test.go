package pay_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat/fakepay"
	"github.com/weixin-go/wechat/pay"
	"github.com/weixin-go/wechat/storetest"
)

// deliveries posts a notification and checks that it is never
// acknowledged (204) before a handler run succeeded.
type deliveries struct {
	t         *testing.T
	hdr       http.Header
	body      []byte
	succeeded atomic.Bool
}

func (d *deliveries) post(url string) int {
	d.t.Helper()
	status, answer := post(d.t, url, d.hdr, d.body)
	if status == http.StatusNoContent && !d.succeeded.Load() {
		d.t.Fatalf("notification acknowledged before a handler run succeeded")
	}
	if status != http.StatusNoContent {
		wantFail(d.t, status, answer, status)
	}
	return status
}

func (d *deliveries) untilAcknowledged(url string) {
	d.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for d.post(url) != http.StatusNoContent {
		if time.Now().After(deadline) {
			d.t.Fatal("notification never acknowledged")
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func newDeliveries(t *testing.T, srv *fakepay.Server) *deliveries {
	hdr, body, err := srv.BuildNotification(pay.EventTransactionSuccess, map[string]any{"out_trade_no": "L1"}, fakepay.KeyDefault)
	if err != nil {
		t.Fatal(err)
	}
	return &deliveries{t: t, hdr: hdr, body: body}
}

// The three ways a de-duplicated notification used to be lost.
func TestNotifyRetriesNotLost(t *testing.T) {
	srv := newServer(t, fakepay.ModePublicKey)
	c := newClient(t, srv, pay.VerifyPublicKey, pay.WithLogger(slog.New(slog.DiscardHandler)))

	t.Run("first handler still running, then fails", func(t *testing.T) {
		d := newDeliveries(t, srv)
		var calls atomic.Int32
		started, release := make(chan struct{}), make(chan struct{})
		h := &pay.NotifyHandler{Client: c, Store: wechat.NewMemoryStore(),
			OnTransaction: func(context.Context, *pay.Notification, *pay.Transaction) error {
				if calls.Add(1) == 1 {
					close(started)
					<-release
					return errors.New("database down")
				}
				d.succeeded.Store(true)
				return nil
			}}
		hs := httptest.NewServer(h)
		defer hs.Close()
		first := make(chan int)
		go func() { s, _ := post(t, hs.URL, d.hdr, d.body); first <- s }()
		<-started
		if s := d.post(hs.URL); s != http.StatusServiceUnavailable {
			t.Fatalf("retry during the first handling: %d", s)
		}
		close(release)
		if s := <-first; s != http.StatusInternalServerError {
			t.Fatalf("failed first handling: %d", s)
		}
		d.untilAcknowledged(hs.URL)
		if s := d.post(hs.URL); s != http.StatusNoContent || calls.Load() != 2 {
			t.Fatalf("duplicate: %d, calls %d", s, calls.Load())
		}
	})

	t.Run("instance dies", func(t *testing.T) {
		d := newDeliveries(t, srv)
		shared := wechat.NewMemoryStore()
		storeA := &storetest.FaultStore{Store: shared}
		hang := make(chan struct{})
		defer close(hang)
		started := make(chan struct{})
		a := &pay.NotifyHandler{Client: c, Store: storeA, LeaseTTL: 150 * time.Millisecond,
			OnTransaction: func(context.Context, *pay.Notification, *pay.Transaction) error {
				storeA.Dead.Store(true)
				close(started)
				<-hang
				return errors.New("gone")
			}}
		var callsB atomic.Int32
		b := &pay.NotifyHandler{Client: c, Store: shared, LeaseTTL: 150 * time.Millisecond,
			OnTransaction: func(context.Context, *pay.Notification, *pay.Transaction) error {
				callsB.Add(1)
				d.succeeded.Store(true)
				return nil
			}}
		hsA, hsB := httptest.NewServer(a), httptest.NewServer(b)
		t.Cleanup(hsA.Close) // after hang is closed
		defer hsB.Close()
		go func() { _, _ = post(t, hsA.URL, d.hdr, d.body) }()
		<-started
		if s := d.post(hsB.URL); s != http.StatusServiceUnavailable {
			t.Fatalf("retry while the dead instance's lease lives: %d", s)
		}
		d.untilAcknowledged(hsB.URL)
		if s := d.post(hsB.URL); s != http.StatusNoContent || callsB.Load() != 1 {
			t.Fatalf("duplicate: %d, calls %d", s, callsB.Load())
		}
	})

	t.Run("store fails to release after a handler error", func(t *testing.T) {
		d := newDeliveries(t, srv)
		store := &storetest.FaultStore{Store: wechat.NewMemoryStore()}
		store.NoDelete.Store(true)
		var calls atomic.Int32
		h := &pay.NotifyHandler{Client: c, Store: store, LeaseTTL: 150 * time.Millisecond,
			OnTransaction: func(context.Context, *pay.Notification, *pay.Transaction) error {
				if calls.Add(1) == 1 {
					return errors.New("database down")
				}
				d.succeeded.Store(true)
				return nil
			}}
		hs := httptest.NewServer(h)
		defer hs.Close()
		if s := d.post(hs.URL); s != http.StatusInternalServerError {
			t.Fatalf("failing handler: %d", s)
		}
		if s := d.post(hs.URL); s != http.StatusServiceUnavailable {
			t.Fatalf("retry while the stale lease lives: %d", s)
		}
		d.untilAcknowledged(hs.URL)
		if calls.Load() != 2 {
			t.Fatalf("calls %d", calls.Load())
		}
	})
}

// An authenticated notification whose resource does not decode into the
// type of its event is handed to OnOther raw, not answered 500 for a day;
// without OnOther it is acknowledged and logged.
func TestNotifyUndecodableResource(t *testing.T) {
	srv := newServer(t, fakepay.ModePublicKey)
	var logs bytes.Buffer
	c := newClient(t, srv, pay.VerifyPublicKey, pay.WithLogger(slog.New(slog.NewTextHandler(&logs, nil))))
	var typed atomic.Int32
	var raw []byte
	h := &pay.NotifyHandler{Client: c, Store: wechat.NewMemoryStore(),
		OnTransaction: func(context.Context, *pay.Notification, *pay.Transaction) error { typed.Add(1); return nil },
		OnRefund:      func(context.Context, *pay.Notification, *pay.RefundNotification) error { typed.Add(1); return nil },
		OnOther: func(_ context.Context, n *pay.Notification) error {
			raw = n.Plaintext
			return nil
		}}
	hs := httptest.NewServer(h)
	defer hs.Close()
	for _, tc := range []struct {
		event string
		res   any
		want  string
	}{
		{pay.EventTransactionSuccess, map[string]any{"out_trade_no": 42}, `{"out_trade_no":42}`},
		{pay.EventTransactionSuccess, "a string", `"a string"`},
		{pay.EventRefundSuccess, map[string]any{"amount": "ten"}, `{"amount":"ten"}`},
	} {
		raw = nil
		hdr, body, _ := srv.BuildNotification(tc.event, tc.res, fakepay.KeyDefault)
		if s, answer := post(t, hs.URL, hdr, body); s != http.StatusNoContent || string(raw) != tc.want {
			t.Fatalf("%s %v: %d %s, raw %s", tc.event, tc.res, s, answer, raw)
		}
	}
	if typed.Load() != 0 {
		t.Fatalf("typed handlers ran %d times", typed.Load())
	}
	h.OnOther = nil
	hdr, body, _ := srv.BuildNotification(pay.EventTransactionSuccess, "another string", fakepay.KeyDefault)
	if s, _ := post(t, hs.URL, hdr, body); s != http.StatusNoContent || !strings.Contains(logs.String(), "does not decode") {
		t.Fatalf("without OnOther: %d, logs %s", s, logs.String())
	}
	if strings.Contains(logs.String(), "another string") {
		t.Fatalf("log holds the notification's contents: %s", logs.String())
	}
}

// A rejected notification (here: a wrong API v3 key) is visible in the
// default logger without any configuration, and silent with a discard
// logger.
func TestNotifyRejectionLoggedByDefault(t *testing.T) {
	srv := newServer(t, fakepay.ModePublicKey)
	var logs bytes.Buffer
	prev := slog.Default()
	slog.SetDefault(slog.New(slog.NewTextHandler(&logs, nil)))
	defer slog.SetDefault(prev)
	cfg := testConfig(srv, pay.VerifyPublicKey)
	cfg.APIv3Key = strings.Repeat("w", 32) // wrong key
	hdr, body, _ := srv.BuildNotification(pay.EventTransactionSuccess, map[string]any{"out_trade_no": "K1"}, fakepay.KeyDefault)
	for _, quiet := range []bool{false, true} {
		logs.Reset()
		var opts []pay.Option
		if quiet {
			opts = append(opts, pay.WithLogger(slog.New(slog.DiscardHandler)))
		}
		c, err := pay.New(cfg, append(opts, pay.WithBaseURL(srv.URL), pay.WithHTTPClient(srv.Client()))...)
		if err != nil {
			t.Fatal(err)
		}
		r := httptest.NewRequest("POST", "/notify", bytes.NewReader(body))
		r.Header = hdr.Clone()
		w := httptest.NewRecorder()
		(&pay.NotifyHandler{Client: c}).ServeHTTP(w, r)
		if w.Code != http.StatusBadRequest {
			t.Fatalf("wrong API v3 key: %d", w.Code)
		}
		got := logs.String()
		if quiet {
			if got != "" {
				t.Fatalf("discard logger still logged: %s", got)
			}
			continue
		}
		if !strings.Contains(got, "level=WARN") || !strings.Contains(got, "notification rejected") || !strings.Contains(got, "API v3 key") {
			t.Fatalf("rejection not visible by default: %q", got)
		}
		if strings.Contains(got, cfg.APIv3Key) || strings.Contains(got, srv.Opts.APIv3Key) {
			t.Fatalf("log holds a key: %s", got)
		}
	}
}

// A platform certificate published ahead of a rotation is not trusted
// before its NotBefore, nor after its NotAfter.
func TestPlatformCertificateValidityBothEnds(t *testing.T) {
	srv := newServer(t, fakepay.ModeCertificates)
	k := srv.Keys
	srv.RotatePlatformCertificate() // notifications are signed with Platform2
	cfg := testConfig(srv, pay.VerifyCertificates)
	cfg.TrustedCertificates = [][]byte{k.Platform.CertPEM, k.Platform2.CertPEM}
	body := []byte(`{}`)
	for _, tc := range []struct {
		at time.Time
		ok bool
	}{
		{k.Platform2.Cert.NotBefore.Add(-time.Hour), false},
		{k.Platform2.Cert.NotBefore.Add(time.Hour), true},
		{k.Platform2.Cert.NotAfter.Add(time.Hour), false},
	} {
		at := tc.at
		srv.SetClock(func() time.Time { return at })
		c, err := pay.New(cfg, pay.WithBaseURL(srv.URL), pay.WithHTTPClient(srv.Client()),
			pay.WithClock(func() time.Time { return at }), pay.WithLogger(slog.New(slog.DiscardHandler)))
		if err != nil {
			t.Fatal(err)
		}
		hdr := srv.SignBody(body, fakepay.KeyCertificate)
		if hdr.Get("Wechatpay-Serial") != k.Platform2.Serial {
			t.Fatalf("signed by %s", hdr.Get("Wechatpay-Serial"))
		}
		err = c.VerifySignature(context.Background(), hdr, body)
		if tc.ok != (err == nil) {
			t.Errorf("at %s: %v", at, err)
		}
		if err != nil && !errors.Is(err, pay.ErrUnknownSerial) {
			t.Errorf("at %s: want ErrUnknownSerial, got %v", at, err)
		}
	}
	srv.SetClock(time.Now)
}

// FuzzNotifyHandler drives pay.NotifyHandler as an http.Handler with
// arbitrary bodies, signed or not, with arbitrary timestamp and serial
// headers: it never panics, never answers 5xx to a notification whose
// handler succeeds, calls the handler only for authenticated
// notifications and never echoes the API v3 key.
func FuzzNotifyHandler(f *testing.F) {
	srv := fakepay.New(fakepay.Options{Mode: fakepay.ModePublicKey})
	defer srv.Close()
	c, err := pay.New(testConfig(srv, pay.VerifyPublicKey), pay.WithBaseURL(srv.URL), pay.WithHTTPClient(srv.Client()),
		pay.WithLogger(slog.New(slog.DiscardHandler)))
	if err != nil {
		f.Fatal(err)
	}
	var calls atomic.Int32
	ok := func() error { calls.Add(1); return nil }
	h := &pay.NotifyHandler{Client: c, Store: wechat.NewMemoryStore(), MaxBodySize: 8 << 10,
		OnTransaction: func(context.Context, *pay.Notification, *pay.Transaction) error { return ok() },
		OnRefund:      func(context.Context, *pay.Notification, *pay.RefundNotification) error { return ok() },
		OnOther:       func(context.Context, *pay.Notification) error { return ok() },
	}
	_, valid, _ := srv.BuildNotification(pay.EventTransactionSuccess, map[string]any{"out_trade_no": "F1"}, fakepay.KeyDefault)
	_, refund, _ := srv.BuildNotification(pay.EventRefundSuccess, map[string]any{"refund_status": "SUCCESS"}, fakepay.KeyDefault)
	f.Add(valid, true, "", "", "POST")
	f.Add(refund, true, "", "", "POST")
	f.Add(valid, false, "", "", "POST")
	f.Add(valid, true, "1", "", "POST")
	f.Add(valid, true, "", "PUB_KEY_ID_other", "POST")
	f.Add([]byte(`{}`), true, "", "", "POST")
	f.Add([]byte(`{"id":"1","event_type":"X","resource":null}`), true, "", "", "GET")
	f.Fuzz(func(t *testing.T, body []byte, sign bool, ts, serial, method string) {
		hdr := http.Header{}
		if sign {
			hdr = srv.SignBody(body, fakepay.KeyDefault)
		}
		if ts != "" {
			hdr.Set("Wechatpay-Timestamp", ts)
		}
		if serial != "" {
			hdr.Set("Wechatpay-Serial", serial)
		}
		r := httptest.NewRequest("POST", "/notify", bytes.NewReader(body))
		if method == "GET" || method == "PUT" {
			r.Method = method
		}
		r.Header = hdr
		before := calls.Load()
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		called := calls.Load() != before
		switch {
		case w.Code >= 500:
			t.Fatalf("status %d: %s", w.Code, w.Body)
		case w.Code == http.StatusNoContent:
			if !sign || r.Method != "POST" {
				t.Fatalf("unsigned notification acknowledged")
			}
		case called:
			t.Fatalf("handler called for a rejected notification (%d)", w.Code)
		}
		if strings.Contains(w.Body.String(), srv.Opts.APIv3Key) {
			t.Fatal("answer holds the API v3 key")
		}
	})
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

// A notification without signature headers or with a stale timestamp is
// rejected before its body is read.
func TestNotifyCheapRejection(t *testing.T) {
	srv := newServer(t, fakepay.ModePublicKey)
	c := newClient(t, srv, pay.VerifyPublicKey, pay.WithLogger(slog.New(slog.DiscardHandler)))
	h := &pay.NotifyHandler{Client: c, Store: wechat.NewMemoryStore()}
	hdr, body, _ := srv.BuildNotification(pay.EventTransactionSuccess, map[string]any{"out_trade_no": "Q1"}, fakepay.KeyDefault)
	stale := hdr.Clone()
	stale.Set("Wechatpay-Timestamp", "1")
	for name, h2 := range map[string]http.Header{"no headers": {}, "stale": stale} {
		b := &countingBody{r: bytes.NewReader(body)}
		r := httptest.NewRequest("POST", "/notify", nil)
		r.Body, r.Header = b, h2
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		if w.Code != http.StatusUnauthorized || b.read != 0 {
			t.Errorf("%s: %d, %d body bytes read", name, w.Code, b.read)
		}
	}
}
