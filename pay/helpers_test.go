package pay_test

import (
	"context"
	"errors"
	"os"
	"testing"
	"time"

	"github.com/weixin-go/wechat/fakewechat/fakepay"
	"github.com/weixin-go/wechat/pay"
)

// modes pairs each client verification mode with the fake server mode.
var modes = []struct {
	name   string
	client pay.VerifyMode
	server fakepay.Mode
}{
	{"certificates", pay.VerifyCertificates, fakepay.ModeCertificates},
	{"public_key", pay.VerifyPublicKey, fakepay.ModePublicKey},
	{"both", pay.VerifyBoth, fakepay.ModeBoth},
}

func testConfig(srv *fakepay.Server, mode pay.VerifyMode) pay.Config {
	k := srv.Keys
	cfg := pay.Config{
		MchID: srv.Opts.MchID, SerialNo: k.Merchant.Serial, PrivateKey: k.Merchant.KeyPEM,
		Certificate: k.Merchant.CertPEM, APIv3Key: srv.Opts.APIv3Key, APIv2Key: srv.Opts.APIv2Key,
		VerifyMode: mode,
	}
	if mode == pay.VerifyPublicKey || mode == pay.VerifyBoth {
		cfg.PublicKeyID = fakepay.PublicKeyID
		cfg.PublicKey = k.PublicKey.PubPEM
	}
	return cfg
}

func newServer(t testing.TB, mode fakepay.Mode) *fakepay.Server {
	t.Helper()
	srv := fakepay.New(fakepay.Options{Mode: mode})
	t.Cleanup(srv.Close)
	return srv
}

func newClient(t testing.TB, srv *fakepay.Server, mode pay.VerifyMode, opts ...pay.Option) *pay.Client {
	t.Helper()
	c, err := pay.New(testConfig(srv, mode), append([]pay.Option{pay.WithBaseURL(srv.URL), pay.WithHTTPClient(srv.Client())}, opts...)...)
	if err != nil {
		t.Fatalf("pay.New: %v", err)
	}
	return c
}

func ctx(t testing.TB) context.Context {
	c, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	t.Cleanup(cancel)
	return c
}

func wantPayError(t *testing.T, err error, status int, code string) *pay.Error {
	t.Helper()
	var pe *pay.Error
	if !errors.As(err, &pe) {
		t.Fatalf("want *pay.Error %s, got %T %v", code, err, err)
	}
	if pe.StatusCode != status || pe.Code != code {
		t.Fatalf("want HTTP %d %s, got %d %s (%s)", status, code, pe.StatusCode, pe.Code, pe.Message)
	}
	if pe.RequestID == "" {
		t.Errorf("error lacks RequestID")
	}
	return pe
}

func writeFile(name string, b []byte) error { return os.WriteFile(name, b, 0o600) }

func contextWithCancel(t testing.TB) (context.Context, context.CancelFunc) {
	c, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	return c, cancel
}
