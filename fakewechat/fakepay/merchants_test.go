package fakepay_test

import (
	"context"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"errors"
	"math/big"
	"strings"
	"testing"
	"time"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat/fakepay"
	"github.com/weixin-go/wechat/pay"
)

// newMerchantPEM makes a merchant API certificate and key, as the merchant
// platform would issue them.
func newMerchantPEM(t testing.TB, serial int64) (certPEM, keyPEM []byte) {
	t.Helper()
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(serial), Subject: pkix.Name{CommonName: "test merchant"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour)}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	kd, _ := x509.MarshalPKCS8PrivateKey(key)
	return pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: kd})
}

func TestOtherMerchant(t *testing.T) {
	certPEM, keyPEM := newMerchantPEM(t, 0x1234ABCD)
	const mchID, v3 = "1230000109", "0123456789abcdef0123456789ABCDEF"
	m, err := fakepay.NewMerchant(mchID, v3, "", certPEM, keyPEM)
	if err != nil {
		t.Fatal(err)
	}
	if m.Serial() != "1234ABCD" {
		t.Fatalf("serial %q", m.Serial())
	}
	srv, err := fakepay.NewServer(fakepay.Options{Mode: fakepay.ModePublicKey, Merchants: []fakepay.Merchant{m}})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	keys := fakepay.TestKeys()
	client := func(mch, serial string, key []byte) *pay.Client {
		c, err := pay.New(pay.Config{MchID: mch, SerialNo: serial, PrivateKey: key, APIv3Key: v3,
			VerifyMode: pay.VerifyPublicKey, PublicKeyID: fakepay.PublicKeyID, PublicKey: keys.PublicKey.PubPEM},
			pay.WithBaseURL(srv.URL), pay.WithHTTPClient(srv.Client()), pay.WithStore(wechat.NewMemoryStore()))
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	ctx := context.Background()
	req := &pay.PrepayRequest{AppID: "wxd678efh567hg6787", Description: "d", OutTradeNo: "T1",
		NotifyURL: "https://example.com/n", Amount: pay.Amount{Total: 1}}
	if _, err := client(mchID, m.Serial(), keyPEM).PrepayNative(ctx, req); err != nil {
		t.Fatalf("configured merchant refused: %v", err)
	}
	// Its orders name it; the built-in merchant cannot sign for it.
	if o, err := client(mchID, m.Serial(), keyPEM).QueryTransactionByOutTradeNo(ctx, "T1"); err != nil || o.MchID != mchID {
		t.Fatalf("query: %+v %v", o, err)
	}
	var pe *pay.Error
	_, err = client(mchID, keys.Merchant.Serial, keys.Merchant.KeyPEM).PrepayNative(ctx, req)
	if !errors.As(err, &pe) || pe.Code != "SIGN_ERROR" {
		t.Fatalf("foreign key accepted: %v", err)
	}
	_, err = client("1999999999", m.Serial(), keyPEM).PrepayNative(ctx, req)
	if !errors.As(err, &pe) || pe.Code != "SIGN_ERROR" {
		t.Fatalf("unknown merchant accepted: %v", err)
	}
	if _, ok := srv.Merchant(mchID); !ok {
		t.Fatal("Merchant lookup failed")
	}
}

func TestNewMerchantRejects(t *testing.T) {
	certPEM, keyPEM := newMerchantPEM(t, 7)
	_, otherKey := newMerchantPEM(t, 8)
	for name, tc := range map[string]struct {
		mch, v3, v2 string
		cert, key   []byte
		want        string
	}{
		"mchid":    {"abc", strings.Repeat("k", 32), "", certPEM, nil, "digits"},
		"v3":       {"1230000109", "short", "", certPEM, nil, "API v3 key"},
		"v2":       {"1230000109", strings.Repeat("k", 32), "short", certPEM, nil, "API v2 key"},
		"cert":     {"1230000109", strings.Repeat("k", 32), "", []byte("nope"), nil, "CERTIFICATE"},
		"mismatch": {"1230000109", strings.Repeat("k", 32), "", certPEM, otherKey, "does not belong"},
	} {
		_, err := fakepay.NewMerchant(tc.mch, tc.v3, tc.v2, tc.cert, tc.key)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v", name, err)
		}
		if err != nil && strings.Contains(err.Error(), strings.Repeat("k", 32)) {
			t.Errorf("%s: error shows the key", name)
		}
	}
	if _, err := fakepay.NewMerchant("1230000109", strings.Repeat("k", 32), "", certPEM, keyPEM); err != nil {
		t.Fatal(err)
	}
	dup, _ := fakepay.NewMerchant(fakepay.DefaultMchID, strings.Repeat("k", 32), "", certPEM, nil)
	if _, err := fakepay.NewServer(fakepay.Options{Merchants: []fakepay.Merchant{dup}}); err == nil {
		t.Fatal("second merchant with the built-in mchid accepted")
	}
}
