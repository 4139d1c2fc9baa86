package pay_test

import (
	"bytes"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat/fakepay"
	"github.com/weixin-go/wechat/pay"
)

func TestNewValidatesConfig(t *testing.T) {
	k := fakepay.TestKeys()
	good := pay.Config{MchID: "1900000109", SerialNo: k.Merchant.Serial, PrivateKey: k.Merchant.KeyPEM,
		Certificate: k.Merchant.CertPEM, APIv3Key: fakepay.DefaultAPIv3Key}
	if _, err := pay.New(good); err != nil {
		t.Fatalf("good config: %v", err)
	}
	pkcs1 := good
	pkcs1.PrivateKey = pem.EncodeToMemory(&pem.Block{Type: "RSA PRIVATE KEY", Bytes: x509.MarshalPKCS1PrivateKey(k.Merchant.Key)})
	if _, err := pay.New(pkcs1); err != nil {
		t.Fatalf("PKCS#1 key: %v", err)
	}
	file := good
	file.PrivateKey = nil
	file.PrivateKeyFile = t.TempDir() + "/apiclient_key.pem"
	if err := writeFile(file.PrivateKeyFile, k.Merchant.KeyPEM); err != nil {
		t.Fatal(err)
	}
	if _, err := pay.New(file); err != nil {
		t.Fatalf("key file: %v", err)
	}

	cases := map[string]func(*pay.Config){
		"garbage key": func(c *pay.Config) {
			c.PrivateKey = []byte("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n")
		},
		"not pem":       func(c *pay.Config) { c.PrivateKey = []byte("secret-not-pem") },
		"short v3 key":  func(c *pay.Config) { c.APIv3Key = "0123456789abcdef" },
		"wrong cert":    func(c *pay.Config) { c.Certificate = k.Platform.CertPEM },
		"wrong serial":  func(c *pay.Config) { c.SerialNo = k.Platform.Serial },
		"missing mchid": func(c *pay.Config) { c.MchID = "" },
		"bad public key": func(c *pay.Config) {
			c.VerifyMode = pay.VerifyPublicKey
			c.PublicKeyID = fakepay.PublicKeyID
			c.PublicKey = []byte("x")
		},
		"bad public keyid": func(c *pay.Config) {
			c.VerifyMode = pay.VerifyPublicKey
			c.PublicKeyID = "123"
			c.PublicKey = k.PublicKey.PubPEM
		},
		"missing file": func(c *pay.Config) { c.PrivateKey = nil; c.PrivateKeyFile = "/nonexistent/key.pem" },
	}
	for name, mut := range cases {
		cfg := good
		mut(&cfg)
		_, err := pay.New(cfg)
		if err == nil {
			t.Errorf("%s: accepted", name)
			continue
		}
		msg := err.Error()
		if strings.Contains(msg, "MII") || strings.Contains(msg, fakepay.DefaultAPIv3Key) || strings.Contains(msg, "0123456789abcdef") || strings.Contains(msg, "secret-not-pem") {
			t.Errorf("%s: error leaks key material: %s", name, msg)
		}
	}
}

func TestSignatureRejectedByServer(t *testing.T) {
	srv := newServer(t, fakepay.ModePublicKey)
	cfg := testConfig(srv, pay.VerifyPublicKey)
	cfg.PrivateKey = srv.Keys.Rogue.KeyPEM // right serial, wrong key
	cfg.Certificate = nil
	c, err := pay.New(cfg, pay.WithBaseURL(srv.URL), pay.WithHTTPClient(srv.Client()))
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.QueryTransactionByOutTradeNo(ctx(t), "x")
	wantPayError(t, err, 401, "SIGN_ERROR")
}

func TestResponseVerificationFailures(t *testing.T) {
	k := fakepay.TestKeys()
	cases := []struct {
		name    string
		mode    pay.VerifyMode
		smode   fakepay.Mode
		hook    func(r *http.Request, h http.Header, b []byte) []byte
		signer  func(r *http.Request) fakepay.Signer
		clock   time.Duration
		want    error
		wantMsg string
	}{
		{name: "tampered body", mode: pay.VerifyPublicKey, smode: fakepay.ModePublicKey,
			hook: func(_ *http.Request, _ http.Header, b []byte) []byte {
				return bytes.Replace(b, []byte("NOTPAY"), []byte("SUCCESS"), 1)
			},
			want: pay.ErrBadSignature},
		{name: "wrong serial", mode: pay.VerifyPublicKey, smode: fakepay.ModePublicKey,
			hook: func(_ *http.Request, h http.Header, b []byte) []byte {
				h.Set("Wechatpay-Serial", "PUB_KEY_ID_0000")
				return b
			},
			want: pay.ErrUnknownSerial},
		{name: "serial of another known key", mode: pay.VerifyBoth, smode: fakepay.ModeBoth,
			hook: func(_ *http.Request, h http.Header, b []byte) []byte {
				h.Set("Wechatpay-Serial", k.Platform.Serial)
				return b
			},
			want: pay.ErrBadSignature},
		{name: "stale timestamp", mode: pay.VerifyPublicKey, smode: fakepay.ModePublicKey, clock: -10 * time.Minute, want: pay.ErrStaleTimestamp},
		{name: "future timestamp", mode: pay.VerifyCertificates, smode: fakepay.ModeCertificates,
			hook: func(_ *http.Request, h http.Header, b []byte) []byte {
				h.Set("Wechatpay-Timestamp", strconv.FormatInt(time.Now().Add(time.Hour).Unix(), 10))
				return b
			}, want: pay.ErrStaleTimestamp},
		{name: "missing signature", mode: pay.VerifyPublicKey, smode: fakepay.ModePublicKey,
			hook: func(_ *http.Request, h http.Header, b []byte) []byte { h.Del("Wechatpay-Signature"); return b },
			want: pay.ErrMissingSignature},
		{name: "unknown certificate", mode: pay.VerifyCertificates, smode: fakepay.ModeCertificates,
			signer: func(*http.Request) fakepay.Signer { return fakepay.Signer{Serial: k.Rogue.Serial, Key: k.Rogue.Key} },
			want:   pay.ErrUnknownSerial},
		{name: "public key id in certificate-only mode", mode: pay.VerifyCertificates, smode: fakepay.ModePublicKey, want: pay.ErrUnknownSerial},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			srv := newServer(t, tc.smode)
			c := newClient(t, srv, tc.mode)
			cx := ctx(t)
			if tc.mode != pay.VerifyPublicKey && tc.smode != fakepay.ModePublicKey {
				if err := c.RefreshCertificates(cx); err != nil {
					t.Fatal(err)
				}
			}
			_, err := c.PrepayNative(cx, &pay.PrepayRequest{AppID: "wx1", Description: "d", OutTradeNo: "O1", NotifyURL: "https://e/n", Amount: pay.Amount{Total: 1}})
			mismatched := tc.mode == pay.VerifyCertificates && tc.smode == fakepay.ModePublicKey
			if err != nil && !mismatched {
				t.Fatal(err)
			}
			srv.SetHook(tc.hook)
			srv.SetSigner(tc.signer)
			if tc.clock != 0 {
				srv.SetClock(func() time.Time { return time.Now().Add(tc.clock) })
			}
			before := srv.RequestCount("/v3/certificates")
			tx, err := c.QueryTransactionByOutTradeNo(cx, "O1")
			if !errors.Is(err, tc.want) {
				t.Fatalf("want %v, got %v (tx %+v)", tc.want, err, tx)
			}
			var ve *pay.ResponseVerificationError
			if !errors.As(err, &ve) || ve.StatusCode != 200 {
				t.Fatalf("want *ResponseVerificationError for HTTP 200, got %T %v", err, err)
			}
			if tc.name == "unknown certificate" && srv.RequestCount("/v3/certificates")-before != 1 {
				t.Errorf("unknown serial should trigger exactly one refresh, got %d", srv.RequestCount("/v3/certificates")-before)
			}
		})
	}
}

func TestErrorResponseMustVerify(t *testing.T) {
	srv := newServer(t, fakepay.ModePublicKey)
	c := newClient(t, srv, pay.VerifyPublicKey)
	srv.SetHook(func(_ *http.Request, h http.Header, b []byte) []byte {
		return bytes.Replace(b, []byte("ORDER_NOT_EXIST"), []byte("ORDER_CLOSED"), 1)
	})
	_, err := c.QueryTransactionByOutTradeNo(ctx(t), "missing")
	var ve *pay.ResponseVerificationError
	if !errors.As(err, &ve) || ve.StatusCode != 404 || !errors.Is(err, pay.ErrBadSignature) {
		t.Fatalf("want verification failure of the 404, got %T %v", err, err)
	}
	var pe *pay.Error
	if errors.As(err, &pe) {
		t.Fatal("an unverified error body must not surface as *pay.Error")
	}
}

func TestTimestampWindowOption(t *testing.T) {
	srv := newServer(t, fakepay.ModePublicKey)
	srv.SetClock(func() time.Time { return time.Now().Add(-2 * time.Minute) })
	strict := newClient(t, srv, pay.VerifyPublicKey, pay.WithTimestampWindow(time.Minute))
	cx := ctx(t)
	// The fake rejects client timestamps more than 5 minutes off its clock,
	// so a 2-minute skew reaches the response check.
	if _, err := strict.QueryTransactionByOutTradeNo(cx, "x"); !errors.Is(err, pay.ErrStaleTimestamp) {
		t.Fatalf("1-minute window: want ErrStaleTimestamp, got %v", err)
	}
	lax := newClient(t, srv, pay.VerifyPublicKey)
	_, err := lax.QueryTransactionByOutTradeNo(cx, "x")
	wantPayError(t, err, 404, "ORDER_NOT_EXIST")
}

func TestCertificatesBootstrapStoreAndRotation(t *testing.T) {
	srv := newServer(t, fakepay.ModeCertificates)
	store := wechat.NewMemoryStore()
	c := newClient(t, srv, pay.VerifyCertificates, pay.WithStore(store))
	cx := ctx(t)
	certs, err := c.PlatformCertificates(cx)
	if err != nil || len(certs) != 1 || certs[0].SerialNo != srv.Keys.Platform.Serial || certs[0].Certificate() == nil {
		t.Fatalf("bootstrap: %+v %v", certs, err)
	}
	if n := srv.RequestCount("/v3/certificates"); n != 1 {
		t.Fatalf("want 1 download, got %d", n)
	}
	// A second client of the same merchant restores them from the store.
	c2 := newClient(t, srv, pay.VerifyCertificates, pay.WithStore(store))
	_, err = c2.QueryTransactionByOutTradeNo(cx, "x")
	wantPayError(t, err, 404, "ORDER_NOT_EXIST")
	if n := srv.RequestCount("/v3/certificates"); n != 1 {
		t.Fatalf("second client should use the store, downloads = %d", n)
	}
	// Rotation: the fake signs with a new certificate; the unknown serial
	// triggers one refresh and the call succeeds.
	srv.RotatePlatformCertificate()
	_, err = c2.QueryTransactionByOutTradeNo(cx, "x")
	wantPayError(t, err, 404, "ORDER_NOT_EXIST")
	if n := srv.RequestCount("/v3/certificates"); n != 2 {
		t.Fatalf("rotation should trigger one download, got %d", n)
	}
	certs, _ = c2.PlatformCertificates(cx)
	if len(certs) != 2 {
		t.Fatalf("want 2 certificates after rotation, got %d", len(certs))
	}
	// Encrypting uses the newest certificate.
	_, serial, err := c2.EncryptSensitive(cx, "x")
	if err != nil || serial != srv.Keys.Platform2.Serial {
		t.Fatalf("EncryptSensitive serial = %s, %v", serial, err)
	}
}

func TestCertificatesDownloadTrust(t *testing.T) {
	k := fakepay.TestKeys()
	t.Run("pinned serial accepted", func(t *testing.T) {
		srv := newServer(t, fakepay.ModeCertificates)
		cfg := testConfig(srv, pay.VerifyCertificates)
		cfg.PinnedSerials = []string{k.Platform.Serial}
		c, _ := pay.New(cfg, pay.WithBaseURL(srv.URL), pay.WithHTTPClient(srv.Client()))
		if _, err := c.Certificates(ctx(t)); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("pinned serial mismatch", func(t *testing.T) {
		srv := newServer(t, fakepay.ModeCertificates)
		cfg := testConfig(srv, pay.VerifyCertificates)
		cfg.PinnedSerials = []string{k.Platform2.Serial}
		c, _ := pay.New(cfg, pay.WithBaseURL(srv.URL), pay.WithHTTPClient(srv.Client()))
		if _, err := c.Certificates(ctx(t)); !errors.Is(err, pay.ErrUnknownSerial) {
			t.Fatalf("want ErrUnknownSerial, got %v", err)
		}
	})
	t.Run("signed by a certificate it does not carry", func(t *testing.T) {
		srv := newServer(t, fakepay.ModeCertificates)
		srv.SetSigner(func(*http.Request) fakepay.Signer { return fakepay.Signer{Serial: k.Rogue.Serial, Key: k.Rogue.Key} })
		c := newClient(t, srv, pay.VerifyCertificates)
		if _, err := c.Certificates(ctx(t)); !errors.Is(err, pay.ErrUnknownSerial) {
			t.Fatalf("want ErrUnknownSerial, got %v", err)
		}
	})
	t.Run("trusted certificate configured", func(t *testing.T) {
		srv := newServer(t, fakepay.ModeCertificates)
		srv.SetSigner(func(*http.Request) fakepay.Signer { return fakepay.Signer{Serial: k.Rogue.Serial, Key: k.Rogue.Key} })
		cfg := testConfig(srv, pay.VerifyCertificates)
		cfg.TrustedCertificates = [][]byte{k.Rogue.CertPEM}
		c, err := pay.New(cfg, pay.WithBaseURL(srv.URL), pay.WithHTTPClient(srv.Client()))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := c.Certificates(ctx(t)); err != nil {
			t.Fatalf("download signed by a trusted certificate: %v", err)
		}
	})
	t.Run("bad GCM tag", func(t *testing.T) {
		srv := newServer(t, fakepay.ModeCertificates)
		cfg := testConfig(srv, pay.VerifyCertificates)
		cfg.APIv3Key = strings.Repeat("k", 32) // wrong key: every tag fails
		c, _ := pay.New(cfg, pay.WithBaseURL(srv.URL), pay.WithHTTPClient(srv.Client()))
		if _, err := c.Certificates(ctx(t)); !errors.Is(err, pay.ErrDecrypt) {
			t.Fatalf("want ErrDecrypt, got %v", err)
		}
	})
	t.Run("tampered body", func(t *testing.T) {
		srv := newServer(t, fakepay.ModeCertificates)
		srv.SetHook(func(_ *http.Request, _ http.Header, b []byte) []byte {
			return bytes.Replace(b, []byte(`"expire_time":"20`), []byte(`"expire_time":"21`), 1)
		})
		c := newClient(t, srv, pay.VerifyCertificates)
		if _, err := c.Certificates(ctx(t)); !errors.Is(err, pay.ErrBadSignature) {
			t.Fatalf("want ErrBadSignature, got %v", err)
		}
	})
}

func TestRunRefreshesUntilCancelled(t *testing.T) {
	srv := newServer(t, fakepay.ModeCertificates)
	c := newClient(t, srv, pay.VerifyCertificates)
	cx, cancel := contextWithCancel(t)
	done := make(chan error, 1)
	go func() { done <- c.Run(cx) }()
	deadline := time.Now().Add(5 * time.Second)
	for srv.RequestCount("/v3/certificates") == 0 && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	cancel()
	if err := <-done; err == nil {
		t.Fatal("Run should return the context error")
	}
	if srv.RequestCount("/v3/certificates") == 0 {
		t.Fatal("Run did not download certificates")
	}
	pk := newClient(t, srv, pay.VerifyPublicKey)
	if err := pk.Run(ctx(t)); err != nil {
		t.Fatalf("public-key mode Run: %v", err)
	}
}

func TestSeveralMerchantsShareAStore(t *testing.T) {
	store := wechat.NewMemoryStore()
	a := fakepay.New(fakepay.Options{MchID: "1900000001"})
	defer a.Close()
	b := fakepay.New(fakepay.Options{MchID: "1900000002", APIv3Key: strings.Repeat("b", 32)})
	defer b.Close()
	ca := newClient(t, a, pay.VerifyCertificates, pay.WithStore(store))
	cb := newClient(t, b, pay.VerifyCertificates, pay.WithStore(store))
	cx := ctx(t)
	for _, c := range []*pay.Client{ca, cb} {
		_, err := c.QueryTransactionByOutTradeNo(cx, "x")
		wantPayError(t, err, 404, "ORDER_NOT_EXIST")
	}
	if a.RequestCount("/v3/certificates") != 1 || b.RequestCount("/v3/certificates") != 1 {
		t.Fatal("each merchant must download its own certificates")
	}
	for _, id := range []string{"1900000001", "1900000002"} {
		if _, err := store.Get(cx, wechat.StoreKey("pay:"+id, "platform_certificates")); err != nil {
			t.Errorf("merchant %s certificates not stored: %v", id, err)
		}
	}
}
