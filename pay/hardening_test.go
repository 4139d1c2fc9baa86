package pay_test

import (
	"bytes"
	"context"
	"crypto"
	"crypto/rsa"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat/fakepay"
	"github.com/weixin-go/wechat/pay"
)

// A signature header of any length must be rejected, not crash: 1368 base64
// characters decode to 1026 bytes.
func TestLongSignatureHeaderRejected(t *testing.T) {
	srv := newServer(t, fakepay.ModePublicKey)
	c := newClient(t, srv, pay.VerifyPublicKey)
	body := []byte(`{}`)
	for _, n := range []int{4, 340, 344, 1364, 1366, 1368, 1372, 4096} {
		h := srv.SignBody(body, fakepay.KeyDefault)
		h.Set("Wechatpay-Signature", strings.Repeat("A", n))
		if err := c.VerifySignature(context.Background(), h, body); !errors.Is(err, pay.ErrBadSignature) {
			t.Fatalf("%d-char signature: want ErrBadSignature, got %v", n, err)
		}
	}
	// WeChat Pay's signature probes must be rejected.
	h := srv.SignBody(body, fakepay.KeyDefault)
	h.Set("Wechatpay-Signature", "WECHATPAY/SIGNTEST/"+h.Get("Wechatpay-Signature"))
	if err := c.VerifySignature(context.Background(), h, body); !errors.Is(err, pay.ErrBadSignature) {
		t.Fatalf("SIGNTEST probe: want ErrBadSignature, got %v", err)
	}
}

// Sensitive fields are encrypted with the newest certificate already in
// effect, not one WeChat Pay has published ahead of its use.
func TestEncryptWithEffectiveCertificate(t *testing.T) {
	srv := newServer(t, fakepay.ModeCertificates)
	k := srv.Keys
	cfg := testConfig(srv, pay.VerifyCertificates)
	cfg.TrustedCertificates = [][]byte{k.Platform.CertPEM, k.Platform2.CertPEM}
	for _, tc := range []struct {
		at   time.Time
		want string
	}{
		{k.Platform2.Cert.NotBefore.Add(-time.Hour), k.Platform.Serial},
		{k.Platform2.Cert.NotBefore.Add(time.Hour), k.Platform2.Serial},
	} {
		c, err := pay.New(cfg, pay.WithBaseURL(srv.URL), pay.WithHTTPClient(srv.Client()),
			pay.WithClock(func() time.Time { return tc.at }))
		if err != nil {
			t.Fatal(err)
		}
		_, serial, err := c.EncryptSensitive(ctx(t), "张三")
		if err != nil || serial != tc.want {
			t.Errorf("at %s: serial %s (%v), want %s", tc.at, serial, err, tc.want)
		}
	}
}

// The timestamp window applies in both directions and a hostile timestamp
// cannot overflow into it.
func TestTimestampWindowBothDirections(t *testing.T) {
	srv := newServer(t, fakepay.ModePublicKey)
	c := newClient(t, srv, pay.VerifyPublicKey)
	body := []byte(`{"a":1}`)
	now := time.Now()
	for _, tc := range []struct {
		name string
		ts   time.Time
		ok   bool
	}{
		{"now", now, true},
		{"4 minutes ahead", now.Add(4 * time.Minute), true},
		{"4 minutes behind", now.Add(-4 * time.Minute), true},
		{"6 minutes ahead", now.Add(6 * time.Minute), false},
		{"6 minutes behind", now.Add(-6 * time.Minute), false},
	} {
		srv.SetClock(func() time.Time { return tc.ts })
		h := srv.SignBody(body, fakepay.KeyDefault)
		err := c.VerifySignature(context.Background(), h, body)
		if tc.ok && err != nil {
			t.Errorf("%s: %v", tc.name, err)
		}
		if !tc.ok && !errors.Is(err, pay.ErrStaleTimestamp) {
			t.Errorf("%s: want ErrStaleTimestamp, got %v", tc.name, err)
		}
	}
	// Validly signed messages with extreme timestamps: now - 2^63 made the
	// distance overflow to MinInt64, which passed a naive |now-ts| check.
	u := now.Unix()
	for _, ts := range []int64{u - (1 << 62) - (1 << 62), -1 << 63, 1<<63 - 1, 0} {
		srv.SetClock(func() time.Time { return time.Unix(ts, 0) })
		h := srv.SignBody(body, fakepay.KeyDefault)
		if err := c.VerifySignature(context.Background(), h, body); !errors.Is(err, pay.ErrStaleTimestamp) {
			t.Errorf("signed timestamp %d: want ErrStaleTimestamp, got %v", ts, err)
		}
	}
	srv.SetClock(time.Now)
	h := srv.SignBody(body, fakepay.KeyDefault)
	for _, ts := range []string{"1e9", "", " " + strconv.FormatInt(u, 10), "+" + strconv.FormatInt(u, 10) + "x"} {
		h.Set("Wechatpay-Timestamp", ts)
		if err := c.VerifySignature(context.Background(), h, body); err == nil {
			t.Errorf("timestamp %q accepted", ts)
		}
	}
}

// Header names are matched case-insensitively, also in a hand-built header.
func TestSignatureHeaderCase(t *testing.T) {
	srv := newServer(t, fakepay.ModePublicKey)
	c := newClient(t, srv, pay.VerifyPublicKey)
	body := []byte(`{"a":1}`)
	h := srv.SignBody(body, fakepay.KeyDefault)
	lower := http.Header{}
	for k, v := range h {
		lower[strings.ToLower(k)] = v
	}
	if err := c.VerifySignature(context.Background(), lower, body); err != nil {
		t.Fatalf("lower-case header names: %v", err)
	}
	if err := c.VerifySignature(context.Background(), lower, []byte(`{"a":2}`)); !errors.Is(err, pay.ErrBadSignature) {
		t.Fatalf("tampered body with lower-case headers: %v", err)
	}
}

// A platform certificate that expires while loaded is no longer accepted:
// its serial triggers a refresh, and without a valid replacement the
// message is rejected.
func TestExpiredPlatformCertificateRejected(t *testing.T) {
	srv := newServer(t, fakepay.ModeCertificates)
	var mu sync.Mutex
	clock := time.Now()
	now := func() time.Time { mu.Lock(); defer mu.Unlock(); return clock }
	c := newClient(t, srv, pay.VerifyCertificates, pay.WithClock(now))
	certs, err := c.PlatformCertificates(ctx(t))
	if err != nil || len(certs) != 1 {
		t.Fatalf("bootstrap: %v", err)
	}
	mu.Lock()
	clock = certs[0].ExpireTime.Add(time.Hour)
	mu.Unlock()
	srv.SetClock(now)
	defer srv.SetClock(time.Now)
	body := []byte(`{}`)
	h := srv.SignBody(body, fakepay.KeyCertificate)
	before := srv.RequestCount("/v3/certificates")
	if err := c.VerifySignature(ctx(t), h, body); !errors.Is(err, pay.ErrUnknownSerial) {
		t.Fatalf("message signed by an expired certificate: want ErrUnknownSerial, got %v", err)
	}
	if srv.RequestCount("/v3/certificates") != before+1 {
		t.Fatal("an expired certificate serial must trigger one refresh")
	}
}

// failingStore is a Store that is down.
type failingStore struct{ calls atomic.Int32 }

var errStoreDown = errors.New("store down")

func (s *failingStore) Get(context.Context, string) ([]byte, error) {
	s.calls.Add(1)
	return nil, errStoreDown
}
func (s *failingStore) Set(context.Context, string, []byte, time.Duration) error {
	s.calls.Add(1)
	return errStoreDown
}
func (s *failingStore) SetNX(context.Context, string, []byte, time.Duration) (bool, error) {
	s.calls.Add(1)
	return false, errStoreDown
}
func (s *failingStore) Delete(context.Context, string) error { s.calls.Add(1); return errStoreDown }
func (s *failingStore) CompareAndDelete(context.Context, string, []byte) (bool, error) {
	s.calls.Add(1)
	return false, errStoreDown
}

var _ wechat.Store = (*failingStore)(nil)

// A store that is down loses de-duplication, not the notification: the
// handler still runs and its result decides the answer.
func TestNotifyStoreDownStillHandles(t *testing.T) {
	srv := newServer(t, fakepay.ModePublicKey)
	c := newClient(t, srv, pay.VerifyPublicKey)
	store := &failingStore{}
	var calls atomic.Int32
	var fail atomic.Bool
	h := &pay.NotifyHandler{Client: c, Store: store,
		OnTransaction: func(_ context.Context, _ *pay.Notification, tx *pay.Transaction) error {
			calls.Add(1)
			if tx.OutTradeNo != "SD1" {
				t.Errorf("out_trade_no %q", tx.OutTradeNo)
			}
			if fail.Load() {
				return errors.New("database down too")
			}
			return nil
		}}
	hs := httptest.NewServer(h)
	defer hs.Close()
	status, answer, err := srv.SendNotification(ctx(t), nil, hs.URL, pay.EventTransactionSuccess, map[string]any{"out_trade_no": "SD1"}, fakepay.KeyDefault)
	if err != nil || status != http.StatusNoContent || calls.Load() != 1 {
		t.Fatalf("store down: status %d (%s) calls %d err %v", status, answer, calls.Load(), err)
	}
	if store.calls.Load() == 0 {
		t.Fatal("the store was not consulted")
	}
	fail.Store(true)
	status, answer, _ = srv.SendNotification(ctx(t), nil, hs.URL, pay.EventTransactionSuccess, map[string]any{"out_trade_no": "SD1"}, fakepay.KeyDefault)
	wantFail(t, status, string(answer), http.StatusInternalServerError)
	if calls.Load() != 2 {
		t.Fatalf("calls = %d", calls.Load())
	}
}

// De-duplication marks a notification only after its handler succeeded: a
// failed delivery is handled again on retry, a successful one is not.
func TestNotifyDedupOnlyAfterSuccess(t *testing.T) {
	srv := newServer(t, fakepay.ModePublicKey)
	c := newClient(t, srv, pay.VerifyPublicKey)
	var calls atomic.Int32
	var fail atomic.Bool
	fail.Store(true)
	h := &pay.NotifyHandler{Client: c, OnRefund: func(context.Context, *pay.Notification, *pay.RefundNotification) error {
		calls.Add(1)
		if fail.Load() {
			return errors.New("not now")
		}
		return nil
	}}
	hdr, body, _ := srv.BuildNotification(pay.EventRefundSuccess, map[string]any{"out_refund_no": "R1"}, fakepay.KeyDefault)
	deliver := func() *httptest.ResponseRecorder {
		rec := httptest.NewRecorder()
		req := httptest.NewRequest(http.MethodPost, "/notify", bytes.NewReader(body))
		req.Header = hdr.Clone()
		h.ServeHTTP(rec, req)
		return rec
	}
	if rec := deliver(); rec.Code != http.StatusInternalServerError {
		t.Fatalf("failing handler: %d", rec.Code)
	}
	fail.Store(false)
	if rec := deliver(); rec.Code != http.StatusNoContent {
		t.Fatalf("retry after failure: %d %s", rec.Code, rec.Body)
	}
	if rec := deliver(); rec.Code != http.StatusNoContent {
		t.Fatalf("retry after success: %d", rec.Code)
	}
	if calls.Load() != 2 {
		t.Fatalf("handler calls = %d, want 2 (failure, then success; the third delivery is a duplicate)", calls.Load())
	}
}

// syncBuffer is a goroutine-safe log sink.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// No key material and no decrypted resource reach the logs or the error
// strings, on success and on every failure path, at debug level.
func TestNoSecretsInLogsOrErrors(t *testing.T) {
	var logs syncBuffer
	logger := slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	srv := newServer(t, fakepay.ModeCertificates)
	c := newClient(t, srv, pay.VerifyCertificates, pay.WithLogger(logger))
	const marker = "PLAINTEXT-MARKER-7f3a"
	var errs []string
	h := &pay.NotifyHandler{Client: c,
		OnTransaction: func(_ context.Context, _ *pay.Notification, tx *pay.Transaction) error {
			if tx.Attach == marker+"-fail" {
				return errors.New("handler refused")
			}
			return nil
		}}
	hs := httptest.NewServer(h)
	defer hs.Close()
	cx := ctx(t)
	send := func(res map[string]any) {
		status, answer, err := srv.SendNotification(cx, nil, hs.URL, pay.EventTransactionSuccess, res, fakepay.KeyDefault)
		errs = append(errs, string(answer))
		if err != nil {
			t.Fatal(err)
		}
		_ = status
	}
	send(map[string]any{"out_trade_no": "L1", "attach": marker})
	send(map[string]any{"out_trade_no": "L2", "attach": marker + "-fail"})
	send(map[string]any{"out_trade_no": "L3", "attach": marker, "amount": map[string]any{"total": marker}}) // undecodable resource
	// Wrong API v3 key: decryption fails.
	cfg := testConfig(srv, pay.VerifyCertificates)
	cfg.APIv3Key = strings.Repeat("w", 32)
	wrong, err := pay.New(cfg, pay.WithBaseURL(srv.URL), pay.WithHTTPClient(srv.Client()), pay.WithLogger(logger))
	if err != nil {
		t.Fatal(err)
	}
	hdr, body, _ := srv.BuildNotification(pay.EventTransactionSuccess, map[string]any{"attach": marker}, fakepay.KeyDefault)
	if _, err := wrong.ParseNotification(cx, hdr, body); err != nil {
		errs = append(errs, err.Error())
	} else {
		t.Fatal("wrong key accepted")
	}
	hs2 := httptest.NewServer(&pay.NotifyHandler{Client: wrong})
	defer hs2.Close()
	status, _ := post(t, hs2.URL, hdr, body)
	if status < 400 {
		t.Fatalf("wrong key: status %d", status)
	}
	// Calls, successful and failing, at debug level.
	_, err = c.QueryTransactionByOutTradeNo(cx, "nope")
	errs = append(errs, err.Error())
	if _, _, err := c.EncryptSensitive(cx, marker); err != nil {
		t.Fatal(err)
	}
	if _, err := c.DecryptSensitive("AAAA"); err != nil {
		errs = append(errs, err.Error())
	}
	out := logs.String() + strings.Join(errs, "\n")
	if !strings.Contains(logs.String(), "pay request") {
		t.Fatalf("debug logging not exercised:\n%s", logs.String())
	}
	k := srv.Keys
	for name, secret := range map[string]string{
		"API v3 key":           srv.Opts.APIv3Key,
		"wrong API v3 key":     cfg.APIv3Key,
		"API v2 key":           srv.Opts.APIv2Key,
		"merchant private key": keyBody(k.Merchant.KeyPEM),
		"decrypted resource":   marker,
	} {
		if secret != "" && strings.Contains(out, secret) {
			t.Errorf("%s appears in logs or errors:\n%s", name, out)
		}
	}
}

// keyBody returns a distinctive line of a PEM private key.
func keyBody(pemKey []byte) string {
	lines := strings.Split(string(pemKey), "\n")
	return lines[len(lines)/2]
}

// Times are sent in the documented "yyyy-MM-DDTHH:mm:ss+TIMEZONE" form,
// never with a "Z" or fractional seconds.
func TestFormatTime(t *testing.T) {
	utc := time.Date(2026, 1, 2, 3, 4, 5, 600, time.UTC)
	if got := pay.FormatTime(utc); got != "2026-01-02T03:04:05+00:00" {
		t.Fatalf("UTC: %s", got)
	}
	cst := utc.In(time.FixedZone("CST", 8*3600))
	if got := pay.FormatTime(cst); got != "2026-01-02T11:04:05+08:00" {
		t.Fatalf("CST: %s", got)
	}
}

// FuzzVerifySignature feeds arbitrary Wechatpay-* header values and bodies:
// nothing crashes, and a message is accepted only when its signature is the
// WeChat Pay key's signature over exactly "timestamp\nnonce\nbody\n" with
// a timestamp inside the window. (The clock is fixed so that seeds signed
// by the coordinator stay valid in every fuzz worker.)
func FuzzVerifySignature(f *testing.F) {
	srv := fakepay.New(fakepay.Options{Mode: fakepay.ModePublicKey})
	defer srv.Close()
	fixed := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	srv.SetClock(func() time.Time { return fixed })
	c, err := pay.New(testConfig(srv, pay.VerifyPublicKey), pay.WithBaseURL(srv.URL),
		pay.WithHTTPClient(srv.Client()), pay.WithClock(func() time.Time { return fixed }))
	if err != nil {
		f.Fatal(err)
	}
	key := srv.Keys.PublicKey.Key
	body := []byte(`{"id":"1"}`)
	good := srv.SignBody(body, fakepay.KeyDefault)
	f.Add(good.Get("Wechatpay-Timestamp"), good.Get("Wechatpay-Nonce"), good.Get("Wechatpay-Signature"), good.Get("Wechatpay-Serial"), body)
	// Regression seed: a fresh 1368-character signature overflowed the
	// decode buffer (index out of range panic) before the fix.
	f.Add(good.Get("Wechatpay-Timestamp"), "n", strings.Repeat("A", 1368), fakepay.PublicKeyID, body)
	f.Add("0", "n", strings.Repeat("A", 1368), fakepay.PublicKeyID, body)
	f.Add("-9223372036854775808", "", "====", "PUB_KEY_ID_", []byte{})
	f.Add(good.Get("Wechatpay-Timestamp"), "n", strings.Repeat("/", 1367)+"=", "x", []byte("\n"))
	f.Fuzz(func(t *testing.T, ts, nonce, sig, serial string, b []byte) {
		h := http.Header{}
		h.Set("Wechatpay-Timestamp", ts)
		h.Set("Wechatpay-Nonce", nonce)
		h.Set("Wechatpay-Signature", sig)
		h.Set("Wechatpay-Serial", serial)
		if c.VerifySignature(context.Background(), h, b) != nil {
			return
		}
		sum := sha256.Sum256([]byte(ts + "\n" + nonce + "\n" + string(b) + "\n"))
		want, _ := rsa.SignPKCS1v15(nil, key, crypto.SHA256, sum[:])
		n, perr := strconv.ParseInt(ts, 10, 64)
		if sig != base64.StdEncoding.EncodeToString(want) || perr != nil || n < fixed.Unix()-300 || n > fixed.Unix()+300 {
			t.Fatalf("forged message accepted: ts=%q nonce=%q serial=%q sig=%q body=%q", ts, nonce, serial, sig, b)
		}
	})
}

// capturedRequest is what a capturing server saw.
type capturedRequest struct {
	method, uri, auth, serial string
	body                      []byte
}

// The Authorization header signs exactly
// "METHOD\nPATH?QUERY\nTIMESTAMP\nNONCE\nBODY\n" of the request as sent:
// the GET body is empty, the query and path escapes are the ones on the wire.
func TestCanonicalSigningMessageOnTheWire(t *testing.T) {
	var mu sync.Mutex
	var got []capturedRequest
	hs := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var b bytes.Buffer
		_, _ = b.ReadFrom(r.Body)
		mu.Lock()
		got = append(got, capturedRequest{r.Method, r.RequestURI, r.Header.Get("Authorization"), r.Header.Get("Wechatpay-Serial"), b.Bytes()})
		mu.Unlock()
		w.WriteHeader(http.StatusNoContent) // unsigned: the client rejects it, which is not the point here
	}))
	defer hs.Close()
	srv := newServer(t, fakepay.ModePublicKey)
	cfg := testConfig(srv, pay.VerifyPublicKey)
	c, err := pay.New(cfg, pay.WithBaseURL(hs.URL))
	if err != nil {
		t.Fatal(err)
	}
	cx := ctx(t)
	_, _ = c.TradeBill(cx, &pay.TradeBillRequest{BillDate: "2026-01-01", TarType: "GZIP"})
	_, _ = c.QueryTransactionByOutTradeNo(cx, "a b/c")
	// An unsigned 204 (empty body) is rejected like any other response.
	var rve *pay.ResponseVerificationError
	if err := c.CloseTransaction(cx, "T1"); !errors.As(err, &rve) || rve.StatusCode != http.StatusNoContent || !errors.Is(err, pay.ErrMissingSignature) {
		t.Fatalf("unsigned 204: %v", err)
	}
	want := []struct{ method, uri, body string }{
		{"GET", "/v3/bill/tradebill?bill_date=2026-01-01&bill_type=ALL&tar_type=GZIP", ""},
		{"GET", "/v3/pay/transactions/out-trade-no/a%20b%2Fc?mchid=" + cfg.MchID, ""},
		{"POST", "/v3/pay/transactions/out-trade-no/T1/close", `{"mchid":"` + cfg.MchID + `"}`},
	}
	if len(got) != len(want) {
		t.Fatalf("captured %d requests, want %d", len(got), len(want))
	}
	for i, w := range want {
		g := got[i]
		if g.method != w.method || g.uri != w.uri || string(g.body) != w.body {
			t.Errorf("request %d: %s %s %q, want %s %s %q", i, g.method, g.uri, g.body, w.method, w.uri, w.body)
		}
		if g.serial != fakepay.PublicKeyID {
			t.Errorf("request %d: Wechatpay-Serial %q, want the public key id in public-key mode", i, g.serial)
		}
		const scheme = "WECHATPAY2-SHA256-RSA2048 "
		if !strings.HasPrefix(g.auth, scheme) {
			t.Fatalf("request %d: Authorization %q", i, g.auth)
		}
		f := map[string]string{}
		for _, part := range strings.Split(g.auth[len(scheme):], ",") {
			k, v, _ := strings.Cut(part, "=")
			f[k] = strings.Trim(v, `"`)
		}
		if f["mchid"] != cfg.MchID || f["serial_no"] != strings.ToUpper(cfg.SerialNo) || len(f["nonce_str"]) != 32 {
			t.Errorf("request %d: Authorization fields %v", i, f)
		}
		msg := w.method + "\n" + w.uri + "\n" + f["timestamp"] + "\n" + f["nonce_str"] + "\n" + w.body + "\n"
		sig, _ := base64.StdEncoding.DecodeString(f["signature"])
		sum := sha256.Sum256([]byte(msg))
		if err := rsa.VerifyPKCS1v15(&srv.Keys.Merchant.Key.PublicKey, crypto.SHA256, sum[:], sig); err != nil {
			t.Errorf("request %d: signature is not over %q", i, msg)
		}
	}
}

// A NotifyHandler without a Client answers a failure (so WeChat Pay
// retries) instead of crashing.
func TestNotifyHandlerWithoutClient(t *testing.T) {
	rec := httptest.NewRecorder()
	(&pay.NotifyHandler{}).ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/n", strings.NewReader("{}")))
	wantFail(t, rec.Code, rec.Body.String(), http.StatusInternalServerError)
}

// In certificate mode an unknown serial costs exactly one certificate
// download, then fails with a clear ErrUnknownSerial; repeated unknown
// serials do not hammer /v3/certificates.
func TestUnknownSerialOneRefreshThenError(t *testing.T) {
	srv := newServer(t, fakepay.ModeCertificates)
	var mu sync.Mutex
	clock := time.Now()
	now := func() time.Time { mu.Lock(); defer mu.Unlock(); return clock }
	c := newClient(t, srv, pay.VerifyCertificates, pay.WithClock(now))
	cx := ctx(t)
	if _, err := c.PlatformCertificates(cx); err != nil {
		t.Fatal(err)
	}
	// Past the minimum gap between two downloads.
	mu.Lock()
	clock = clock.Add(time.Minute)
	mu.Unlock()
	srv.SetClock(now)
	defer srv.SetClock(time.Now)
	k := srv.Keys
	srv.SetSigner(func(*http.Request) fakepay.Signer { return fakepay.Signer{Serial: k.Rogue.Serial, Key: k.Rogue.Key} })
	before := srv.RequestCount("/v3/certificates")
	for i := 0; i < 3; i++ {
		_, err := c.QueryTransactionByOutTradeNo(cx, "x")
		var rve *pay.ResponseVerificationError
		if !errors.As(err, &rve) || !errors.Is(err, pay.ErrUnknownSerial) || !strings.Contains(err.Error(), k.Rogue.Serial) {
			t.Fatalf("attempt %d: want ErrUnknownSerial naming the serial, got %v", i, err)
		}
	}
	if n := srv.RequestCount("/v3/certificates") - before; n != 1 {
		t.Fatalf("unknown serial caused %d certificate downloads, want 1", n)
	}
}

// A Content-Length that lies (1 MiB announced, 2 bytes sent) does not make
// the handler allocate the announced size.
func TestLyingContentLengthBoundedAllocation(t *testing.T) {
	srv := newServer(t, fakepay.ModePublicKey)
	c := newClient(t, srv, pay.VerifyPublicKey)
	h := &pay.NotifyHandler{Client: c}
	const n = 20
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for i := 0; i < n; i++ {
		req := httptest.NewRequest(http.MethodPost, "/n", strings.NewReader("{}"))
		req.ContentLength = 1 << 20
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code < 400 {
			t.Fatalf("status %d", rec.Code)
		}
	}
	runtime.ReadMemStats(&after)
	if per := (after.TotalAlloc - before.TotalAlloc) / n; per > 768<<10 { // the announced size is 1024 KiB
		t.Fatalf("%d bytes allocated per request announcing 1 MiB", per)
	}
}

// FuzzCertificatesResponse feeds arbitrary /v3/certificates bodies to the
// first-download trust path: JSON decoding, AES-256-GCM decryption of every
// certificate, parsing, serial matching and verification with a carried
// certificate all run (decryption precedes the signature check), and nothing
// crashes. The signature headers are those of the genuine answer, computed
// once, so that an execution costs no RSA signing; only the genuine body
// is accepted.
func FuzzCertificatesResponse(f *testing.F) {
	srv := fakepay.New(fakepay.Options{Mode: fakepay.ModeCertificates})
	defer srv.Close()
	fixed := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	c, err := pay.New(testConfig(srv, pay.VerifyCertificates), pay.WithBaseURL(srv.URL),
		pay.WithHTTPClient(srv.Client()), pay.WithClock(func() time.Time { return fixed }))
	if err != nil {
		f.Fatal(err)
	}
	// The genuine answer as served (its GCM nonces are random, so it is
	// captured once here and signed with a fixed clock).
	var genuine []byte
	srv.SetHook(func(_ *http.Request, _ http.Header, b []byte) []byte { genuine = b; return b })
	live, err := pay.New(testConfig(srv, pay.VerifyCertificates), pay.WithBaseURL(srv.URL), pay.WithHTTPClient(srv.Client()))
	if err != nil {
		f.Fatal(err)
	}
	if _, err := live.Certificates(context.Background()); err != nil {
		f.Fatal(err)
	}
	srv.SetClock(func() time.Time { return fixed })
	h := srv.SignBody(genuine, fakepay.KeyCertificate)
	if certs, err := c.VerifyCertificatesForTest(h, genuine); err != nil || len(certs) != 1 {
		f.Fatalf("genuine answer: %v", err)
	}
	f.Add(genuine)
	f.Add([]byte(`{"data":[{"serial_no":"00","encrypt_certificate":{"algorithm":"AEAD_AES_256_GCM","nonce":"123456789012","ciphertext":"AAAAAAAAAAAAAAAAAAAAAAAA"}}]}`))
	f.Add([]byte(`{"data":null}`))
	f.Add([]byte(`{"code":"SIGN_ERROR","message":"x"}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		certs, err := c.VerifyCertificatesForTest(h, body)
		if err != nil {
			if certs != nil {
				t.Fatal("certificates returned with an error")
			}
			return
		}
		if !bytes.Equal(body, genuine) {
			t.Fatalf("altered answer accepted: %q", body)
		}
		for _, pc := range certs {
			if pc.Certificate() == nil || pc.SerialNo == "" {
				t.Fatalf("incomplete certificate %+v", pc)
			}
		}
	})
}

// FuzzDecodeNotification drives the envelope decoder and the AES-256-GCM
// resource decryption of an already authenticated notification directly
// (no RSA signing per execution, so it explores far more inputs than
// FuzzParseNotification): nothing crashes, no error quotes the key, and an
// accepted notification has an id, an event type and a decrypted resource.
func FuzzDecodeNotification(f *testing.F) {
	srv := fakepay.New(fakepay.Options{Mode: fakepay.ModePublicKey})
	defer srv.Close()
	c, err := pay.New(testConfig(srv, pay.VerifyPublicKey), pay.WithBaseURL(srv.URL), pay.WithHTTPClient(srv.Client()))
	if err != nil {
		f.Fatal(err)
	}
	for _, ev := range []struct {
		typ string
		res any
	}{
		{pay.EventTransactionSuccess, map[string]any{"out_trade_no": "F1", "amount": map[string]any{"total": 1}}},
		{pay.EventRefundSuccess, map[string]any{"out_refund_no": "R1", "amount": map[string]any{"refund": 1}}},
		{pay.EventTransactionSuccess, map[string]any{"combine_out_trade_no": "C1", "sub_orders": []any{map[string]any{"out_trade_no": "S"}}}},
		{pay.EventTransactionSuccess, "not an object"},
	} {
		_, b, err := srv.BuildNotification(ev.typ, ev.res, fakepay.KeyDefault)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(`{"id":"1","event_type":"X","resource":{"algorithm":"AEAD_AES_256_GCM","nonce":"123456789012","ciphertext":"AAAAAAAAAAAAAAAAAAAAAA=="}}`))
	f.Add([]byte(`{"id":"1","event_type":"X","resource":null}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		n, err := c.DecodeNotificationForTest(body)
		if err != nil {
			if n != nil {
				t.Fatal("notification returned with an error")
			}
			if strings.Contains(err.Error(), srv.Opts.APIv3Key) {
				t.Fatal("error quotes the API v3 key")
			}
			return
		}
		if n.ID == "" || n.EventType == "" || n.Plaintext == nil {
			t.Fatalf("incomplete notification accepted: %+v", n)
		}
		_, _ = n.Transaction()
		_, _ = n.Refund()
		_, _ = n.CombineTransaction()
	})
}

// A Wechatpay-Signature-Type other than WECHATPAY2-SHA256-RSA2048 is
// refused with a clear error rather than a confusing RSA failure.
func TestUnsupportedSignatureType(t *testing.T) {
	srv := newServer(t, fakepay.ModePublicKey)
	c := newClient(t, srv, pay.VerifyPublicKey)
	body := []byte(`{}`)
	h := srv.SignBody(body, fakepay.KeyDefault)
	if err := c.VerifySignature(context.Background(), h, body); err != nil {
		t.Fatalf("declared RSA signature type: %v", err)
	}
	h.Set("Wechatpay-Signature-Type", "WECHATPAY2-SM2-WITH-SM3")
	err := c.VerifySignature(context.Background(), h, body)
	if !errors.Is(err, pay.ErrBadSignature) || !strings.Contains(err.Error(), "SM2") {
		t.Fatalf("SM2 signature type: %v", err)
	}
}
