package pay_test

import (
	"context"
	"encoding/json"
	"log/slog"
	"strings"
	"testing"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat/fakepay"
	"github.com/weixin-go/wechat/pay"
)

// FuzzRestoredCertificates puts arbitrary bytes where a shared store keeps the
// platform certificates. Whatever the store holds, the client must not panic,
// and every certificate it trusts afterwards is parsed and matches its serial:
// a malformed or mismatched stored value makes it download the certificates
// again instead.
func FuzzRestoredCertificates(f *testing.F) {
	srv := fakepay.New(fakepay.Options{Mode: fakepay.ModeCertificates})
	f.Cleanup(srv.Close)
	cfg := testConfig(srv, pay.VerifyCertificates)

	// A genuine stored value, written by a client that downloaded them.
	store := wechat.NewMemoryStore()
	c, err := pay.New(cfg, pay.WithBaseURL(srv.URL), pay.WithHTTPClient(srv.Client()), pay.WithStore(store))
	if err != nil {
		f.Fatal(err)
	}
	certs, err := c.PlatformCertificates(context.Background())
	if err != nil || len(certs) == 0 {
		f.Fatalf("download: %v", err)
	}
	good, _ := json.Marshal(certs)
	f.Add(good)
	f.Add(good[:len(good)/2])
	f.Add([]byte(strings.Replace(string(good), certs[0].SerialNo, "00FF", 1)))
	f.Add([]byte(`[{"serial_no":"1","pem":"-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"}]`))
	f.Add([]byte(`[]`))
	f.Add([]byte(`null`))
	f.Add([]byte(`{"serial_no":1}`))
	f.Add([]byte{0xff, 0x00})

	key := wechat.StoreKey("pay:"+srv.Opts.MchID, "platform_certificates")
	f.Fuzz(func(t *testing.T, stored []byte) {
		st := wechat.NewMemoryStore()
		if err := st.Set(context.Background(), key, stored, 0); err != nil {
			t.Fatal(err)
		}
		c, err := pay.New(cfg, pay.WithBaseURL(srv.URL), pay.WithHTTPClient(srv.Client()), pay.WithStore(st),
			pay.WithLogger(slog.New(slog.DiscardHandler)))
		if err != nil {
			t.Fatal(err)
		}
		got, err := c.PlatformCertificates(context.Background())
		if err != nil {
			t.Fatalf("a bad stored value must fall back to a download: %v", err)
		}
		for _, pc := range got {
			x := pc.Certificate()
			if x == nil || !strings.EqualFold(x.SerialNumber.Text(16), strings.TrimLeft(pc.SerialNo, "0")) {
				t.Fatalf("trusted a certificate that does not match its serial %q", pc.SerialNo)
			}
		}
	})
}
