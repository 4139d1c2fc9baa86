package main

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"log/slog"
	"math/big"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/hub"
)

func TestHubCommand(t *testing.T) {
	srv := fakewechat.NewTestServer(t)
	ctx, cancel := context.WithCancel(context.Background())
	var out, errb syncBuffer
	done := make(chan int)
	go func() {
		done <- serveHub(ctx, []string{"--addr", "127.0.0.1:0", "--hub-secret", "0123456789abcdef0123",
			"--appid", fakewechat.DefaultAppID, "--secret", fakewechat.DefaultSecret, "--base-url", srv.URL(), "--store", "memory"}, &out, &errb)
	}()
	deadline := time.Now().Add(10 * time.Second)
	for !strings.HasPrefix(out.String(), "http://") {
		if time.Now().After(deadline) {
			t.Fatalf("hub did not start: %s", errb.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
	base := strings.TrimSpace(out.String())
	tok, err := hub.NewSource(base, "0123456789abcdef0123", fakewechat.DefaultAppID, wechat.KeyAccessToken).Token(context.Background())
	if err != nil || tok == "" {
		t.Fatalf("token from hub: %q %v", tok, err)
	}
	cancel()
	if code := <-done; code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	if strings.Contains(errb.String(), fakewechat.DefaultSecret) || strings.Contains(errb.String(), tok) {
		t.Fatal("secret or token printed")
	}
}

func discardLogger() *slog.Logger { return slog.New(slog.DiscardHandler) }

// selfSigned writes a certificate for 127.0.0.1 and its key to dir.
func selfSigned(t *testing.T, dir string) (certFile, keyFile string, pool *x509.CertPool) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "hub test"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		IPAddresses: []net.IP{net.IPv4(127, 0, 0, 1)}, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	kd, _ := x509.MarshalPKCS8PrivateKey(key)
	certFile, keyFile = filepath.Join(dir, "cert.pem"), filepath.Join(dir, "key.pem")
	os.WriteFile(certFile, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o600)
	os.WriteFile(keyFile, pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: kd}), 0o600)
	cert, _ := x509.ParseCertificate(der)
	pool = x509.NewCertPool()
	pool.AddCert(cert)
	return certFile, keyFile, pool
}

func TestHubServesTLSAndLogsRejections(t *testing.T) {
	srv := fakewechat.NewTestServer(t)
	certFile, keyFile, pool := selfSigned(t, t.TempDir())
	const secret = "0123456789abcdef0123"
	ctx, cancel := context.WithCancel(context.Background())
	var out, errb syncBuffer
	done := make(chan int)
	go func() {
		done <- serveHub(ctx, []string{"--addr", "127.0.0.1:0", "--hub-secret", secret, "--tls-cert", certFile, "--tls-key", keyFile,
			"--appid", fakewechat.DefaultAppID, "--secret", fakewechat.DefaultSecret, "--base-url", srv.URL(), "--store", "memory"}, &out, &errb)
	}()
	deadline := time.Now().Add(10 * time.Second)
	for !strings.HasPrefix(out.String(), "https://") {
		if time.Now().After(deadline) {
			t.Fatalf("hub did not start: %q %s", out.String(), errb.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
	base := strings.TrimSpace(out.String())
	hc := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool}}}
	tok, err := hub.NewSource(base, secret, fakewechat.DefaultAppID, wechat.KeyAccessToken, hub.WithHTTPClient(hc)).Token(context.Background())
	if err != nil || tok == "" {
		t.Fatalf("token over TLS: %q %v", tok, err)
	}
	// Plain HTTP is not served on the TLS port.
	if resp, err := http.Get("http" + strings.TrimPrefix(base, "https") + "/token/" + fakewechat.DefaultAppID + "/access_token"); err == nil {
		if resp.StatusCode == http.StatusOK {
			t.Error("plain HTTP answered a token")
		}
		resp.Body.Close()
	}
	// A wrong secret is refused and logged on stderr, without the secret.
	_, err = hub.NewSource(base, "wrong-secret-0123456789", fakewechat.DefaultAppID, wechat.KeyAccessToken, hub.WithHTTPClient(hc)).Token(context.Background())
	if err == nil {
		t.Fatal("wrong hub secret accepted")
	}
	cancel()
	if code := <-done; code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	logs := errb.String()
	if !(strings.Contains(logs, "hub: rejected") || strings.Contains(logs, "hub: unauthorized")) || strings.Contains(logs, "wrong-secret-0123456789") || strings.Contains(logs, secret) || strings.Contains(logs, tok) {
		t.Fatalf("stderr: %s", logs)
	}
}

func TestHubFlagErrors(t *testing.T) {
	certFile, _, _ := selfSigned(t, t.TempDir())
	common := []string{"--addr", "127.0.0.1:0", "--hub-secret", "0123456789abcdef0123", "--appid", "wx1", "--secret", "s", "--store", "memory"}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--tls-cert", certFile}, "--tls-cert and --tls-key go together"},
		{[]string{"--tls-key", certFile}, "--tls-cert and --tls-key go together"},
		{[]string{"--tls-cert", certFile, "--tls-key", certFile}, "loading --tls-cert"},
		{[]string{"--tls-cert", "/nonexistent.pem", "--tls-key", "/nonexistent.pem"}, "loading --tls-cert"},
		{[]string{"extra"}, "unexpected argument"},
	} {
		var out, errb syncBuffer
		code := serveHub(context.Background(), append(append([]string{}, common...), tc.args...), &out, &errb)
		if code != 2 || !strings.Contains(errb.String(), tc.want) {
			t.Errorf("%v: exit %d, stderr %q", tc.args, code, errb.String())
		}
	}
}

func tlsConfig(pool *x509.CertPool) *tls.Config { return &tls.Config{RootCAs: pool} }
