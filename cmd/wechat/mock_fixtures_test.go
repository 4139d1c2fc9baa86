package main

import (
	"bufio"
	"context"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"io"
	"math/big"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat/fakepay"
	"github.com/weixin-go/wechat/oa"
	"github.com/weixin-go/wechat/pay"
)

const fixturesJSON = `{
  "apps": [{
    "appid": "wxfixture00000001",
    "secret": "fixturesecret0123456789abcdef012",
    "followers": [
      {"openid": "oFixture_alice_0000000000001", "unionid": "ualice"},
      {"openid": "oFixture_bob_000000000000002"},
      {"openid": "oFixture_gone_00000000000003", "unsubscribed": true}
    ],
    "templates": [{"template_id": "order_paid_fixture_template", "title": "订单支付成功",
                   "content": "{{first.DATA}}\n金额：{{amount.DATA}}\n{{remark.DATA}}"}],
    "user_page_size": 1
  }],
  "merchants": [{"mchid": "1230000109", "apiv3_key": "fixtureAPIv3key0123456789abcdefX",
                 "cert_file": "apiclient_cert.pem", "key_file": "apiclient_key.pem"}]
}`

// writeMerchantFiles writes a merchant certificate and key into dir.
func writeMerchantFiles(t *testing.T, dir string) (keyPEM []byte, serial string) {
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(0x5EED), Subject: pkix.Name{CommonName: "1230000109"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour)}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	kd, _ := x509.MarshalPKCS8PrivateKey(key)
	keyPEM = pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: kd})
	os.WriteFile(filepath.Join(dir, "apiclient_cert.pem"), pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o600)
	os.WriteFile(filepath.Join(dir, "apiclient_key.pem"), keyPEM, 0o600)
	return keyPEM, "5EED"
}

func TestMockFixtures(t *testing.T) {
	dir := t.TempDir()
	keyPEM, serial := writeMerchantFiles(t, dir)
	fixtures := filepath.Join(dir, "fixtures.json")
	if err := os.WriteFile(fixtures, []byte(fixturesJSON), 0o600); err != nil {
		t.Fatal(err)
	}
	certOut := filepath.Join(dir, "fakepay.pem")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	pr, pw := io.Pipe()
	var stderr syncBuffer
	done := make(chan int, 1)
	go func() {
		done <- serveMock(ctx, []string{"--addr", "127.0.0.1:0", "--fixtures", fixtures, "--pay-cert-out", certOut}, pw, &stderr)
		pw.Close()
	}()
	line, err := bufio.NewReader(pr).ReadString('\n')
	if err != nil {
		t.Fatalf("reading URL: %v (stderr %q)", err, stderr.String())
	}
	go io.Copy(io.Discard, pr) //nolint:errcheck
	base := strings.TrimSpace(line)

	// The fixture app gets tokens; its followers page one by one.
	c, err := oa.New(wechat.Config{AppID: "wxfixture00000001", AppSecret: "fixturesecret0123456789abcdef012"},
		wechat.WithBaseURL(base), wechat.WithStore(wechat.NewMemoryStore()))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	followers := func() []string {
		var ids []string
		for id, err := range c.User.All(ctx) {
			if err != nil {
				t.Fatal(err)
			}
			ids = append(ids, id)
		}
		return ids
	}
	want := []string{"oFixture_alice_0000000000001", "oFixture_bob_000000000000002"}
	if got := followers(); !slices.Equal(got, want) {
		t.Fatalf("followers %v, want %v", got, want)
	}
	if u, err := c.User.Info(ctx, want[0], ""); err != nil || u.UnionID != "ualice" {
		t.Fatalf("info %+v %v", u, err)
	}
	// The fixture template can be sent to a follower without Template.Add.
	msg := &oa.TemplateMessage{ToUser: want[1], TemplateID: "order_paid_fixture_template",
		Data: oa.TemplateData{"amount": {Value: "1.00"}}}
	if _, err := c.Template.Send(ctx, msg); err != nil {
		t.Fatalf("template send: %v", err)
	}
	// POST /fake/reset empties the state and loads the fixtures again.
	resp, err := http.Post(base+"/fake/reset", "application/json", nil)
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("reset: %v %v", resp, err)
	}
	resp.Body.Close()
	if got := followers(); !slices.Equal(got, want) {
		t.Fatalf("after reset: followers %v", got)
	}

	// The merchant of the fixtures is served by the fake Pay server.
	m := regexp.MustCompile(`fake WeChat Pay API on (https://\S+)`).FindStringSubmatch(stderr.String())
	if m == nil {
		t.Fatalf("no Pay URL in %q", stderr.String())
	}
	certPEM, err := os.ReadFile(certOut)
	if err != nil {
		t.Fatal(err)
	}
	pool := x509.NewCertPool()
	pool.AppendCertsFromPEM(certPEM)
	keys := fakepay.TestKeys()
	pc, err := pay.New(pay.Config{MchID: "1230000109", SerialNo: serial, PrivateKey: keyPEM, APIv3Key: "fixtureAPIv3key0123456789abcdefX",
		VerifyMode: pay.VerifyPublicKey, PublicKeyID: fakepay.PublicKeyID, PublicKey: keys.PublicKey.PubPEM},
		pay.WithBaseURL(m[1]), pay.WithStore(wechat.NewMemoryStore()),
		pay.WithHTTPClient(&http.Client{Transport: &http.Transport{TLSClientConfig: tlsConfig(pool)}}))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := pc.PrepayNative(ctx, &pay.PrepayRequest{AppID: "wxfixture00000001", Description: "d", OutTradeNo: "F1",
		NotifyURL: "https://example.com/n", Amount: pay.Amount{Total: 1}}); err != nil {
		t.Fatalf("prepay as the fixture merchant: %v", err)
	}
	if strings.Contains(stderr.String(), "fixturesecret") || strings.Contains(stderr.String(), "fixtureAPIv3key") {
		t.Fatalf("stderr shows a secret: %s", stderr.String())
	}
	cancel()
	if code := <-done; code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
}

func TestMockFixturesErrors(t *testing.T) {
	dir := t.TempDir()
	for name, tc := range map[string]struct{ json, want string }{
		"short openid":  {`{"apps":[{"appid":"wxa","secret":"s","followers":[{"openid":"o1"}]}]}`, `openid "o1" is not 28 characters`},
		"unknown field": {`{"apps":[{"appid":"wxa","secret":"s","follower":[]}]}`, `unknown field "follower"`},
		"no secret":     {`{"apps":[{"appid":"wxa"}]}`, "secret is required"},
		"bad template":  {`{"apps":[{"appid":"wxa","secret":"s","templates":[{"template_id":"a b"}]}]}`, "template_id"},
		"no cert file":  {`{"merchants":[{"mchid":"1230000109","apiv3_key":"0123456789abcdef0123456789abcdef","cert_file":"missing.pem"}]}`, "cert_file"},
		"not JSON":      {`{`, "fixtures"},
	} {
		p := filepath.Join(dir, strings.ReplaceAll(name, " ", "_")+".json")
		os.WriteFile(p, []byte(tc.json), 0o600)
		code, out, errs := runCLI(t, "", "mock", "--addr", "127.0.0.1:0", "--fixtures", p)
		if code != 2 || out != "" || !strings.Contains(errs, tc.want) {
			t.Errorf("%s: exit %d, stdout %q, stderr %q", name, code, out, errs)
		}
	}
	if code, _, errs := runCLI(t, "", "mock", "--fixtures", filepath.Join(dir, "none.json")); code != 2 || !strings.Contains(errs, "none.json") {
		t.Errorf("missing file: %d %q", code, errs)
	}
}
