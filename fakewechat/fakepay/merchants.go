package fakepay

import (
	"bytes"
	"context"
	"crypto/rsa"
	"crypto/x509"
	"encoding/json"
	"encoding/pem"
	"errors"
	"fmt"
	"net/http"
	"regexp"
)

// Merchant is a merchant the fake knows, besides the built-in one
// (Options.MchID with the test merchant certificate of TestKeys). Give
// others in Options.Merchants or, for `wechat mock`, in a fixtures file.
type Merchant struct {
	// MchID is the merchant id: digits, such as "1900000109".
	MchID string
	// APIv3Key is the 32-byte API v3 key: it encrypts the platform
	// certificates served to this merchant and its notifications.
	APIv3Key string
	// APIv2Key is the 32-byte API v2 key signing the merchant's v2 XML
	// requests; empty disables v2 for the merchant.
	APIv2Key string
	// Cert is the merchant API certificate (商户API证书): requests must name
	// its serial in serial_no and be signed by its key, and /secapi requests
	// must present it as their TLS client certificate.
	Cert *x509.Certificate
}

// Serial returns the certificate serial as WeChat Pay spells it (uppercase
// hex, even length).
func (m *Merchant) Serial() string { return certSerial(m.Cert) }

var mchIDPattern = regexp.MustCompile(`^[0-9]{6,32}$`)

// NewMerchant checks and returns a Merchant. certPEM is the merchant API
// certificate (apiclient_cert.pem); keyPEM, the private key
// (apiclient_key.pem), is optional and only checked to match the
// certificate, to catch a mixed-up pair early.
func NewMerchant(mchID, apiV3Key, apiV2Key string, certPEM, keyPEM []byte) (Merchant, error) {
	m := Merchant{MchID: mchID, APIv3Key: apiV3Key, APIv2Key: apiV2Key}
	if !mchIDPattern.MatchString(mchID) {
		return m, fmt.Errorf("fakepay: merchant %q: mchid must be digits", mchID)
	}
	if len(apiV3Key) != 32 {
		return m, fmt.Errorf("fakepay: merchant %s: the API v3 key must be 32 bytes, got %d", mchID, len(apiV3Key))
	}
	if apiV2Key != "" && len(apiV2Key) != 32 {
		return m, fmt.Errorf("fakepay: merchant %s: the API v2 key must be 32 bytes, got %d", mchID, len(apiV2Key))
	}
	block, _ := pem.Decode(certPEM)
	if block == nil || block.Type != "CERTIFICATE" {
		return m, fmt.Errorf("fakepay: merchant %s: no PEM CERTIFICATE block in the certificate", mchID)
	}
	cert, err := x509.ParseCertificate(block.Bytes)
	if err != nil {
		return m, fmt.Errorf("fakepay: merchant %s: certificate: %w", mchID, err)
	}
	pub, ok := cert.PublicKey.(*rsa.PublicKey)
	if !ok {
		return m, fmt.Errorf("fakepay: merchant %s: the certificate key must be RSA", mchID)
	}
	m.Cert = cert
	if len(keyPEM) == 0 {
		return m, nil
	}
	kb, _ := pem.Decode(keyPEM)
	if kb == nil {
		return m, fmt.Errorf("fakepay: merchant %s: no PEM block in the private key", mchID)
	}
	var key any
	if key, err = x509.ParsePKCS8PrivateKey(kb.Bytes); err != nil {
		key, err = x509.ParsePKCS1PrivateKey(kb.Bytes)
	}
	if err != nil {
		return m, fmt.Errorf("fakepay: merchant %s: private key is neither PKCS#8 nor PKCS#1", mchID)
	}
	rk, ok := key.(*rsa.PrivateKey)
	if !ok || !rk.PublicKey.Equal(pub) {
		return m, fmt.Errorf("fakepay: merchant %s: the private key does not belong to the certificate", mchID)
	}
	return m, nil
}

func (m *Merchant) check() error {
	if m.Cert == nil {
		return fmt.Errorf("fakepay: merchant %s: no certificate", m.MchID)
	}
	_, err := NewMerchant(m.MchID, m.APIv3Key, m.APIv2Key, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: m.Cert.Raw}), nil)
	return err
}

// initMerchants registers the built-in merchant and opts.Merchants.
func (s *Server) initMerchants(opts Options) error {
	s.merchants = map[string]*Merchant{}
	def := &Merchant{MchID: opts.MchID, APIv3Key: opts.APIv3Key, APIv2Key: opts.APIv2Key, Cert: s.Keys.Merchant.Cert}
	s.merchants[def.MchID] = def
	for i := range opts.Merchants {
		m := opts.Merchants[i]
		if err := m.check(); err != nil {
			return err
		}
		if _, dup := s.merchants[m.MchID]; dup {
			return fmt.Errorf("fakepay: merchant %s given twice", m.MchID)
		}
		s.merchants[m.MchID] = &m
	}
	return nil
}

// Merchant returns the merchant mchID, if the server knows it.
func (s *Server) Merchant(mchID string) (Merchant, bool) {
	m, ok := s.merchants[mchID]
	if !ok {
		return Merchant{}, false
	}
	return *m, true
}

type merchantCtxKey struct{}

// requestMerchant returns the merchant whose signature authenticated r.
func (s *Server) requestMerchant(r *http.Request) *Merchant {
	if m, ok := r.Context().Value(merchantCtxKey{}).(*Merchant); ok {
		return m
	}
	return s.merchants[s.Opts.MchID]
}

// requestMchID returns the mchid that authenticated r: the mchid a request
// names in its body or query must be this one.
func (s *Server) requestMchID(r *http.Request) string { return s.requestMerchant(r).MchID }

// withMerchant returns r carrying m.
func withMerchant(r *http.Request, m *Merchant) *http.Request {
	return r.WithContext(context.WithValue(r.Context(), merchantCtxKey{}, m))
}

// apiV3KeyOf returns the API v3 key of the merchant a notification resource
// names in "mchid" (or "sp_mchid"), the built-in merchant's otherwise.
func (s *Server) apiV3KeyOf(resource any) string {
	b, _ := json.Marshal(resource)
	var v struct {
		MchID   string `json:"mchid"`
		SpMchID string `json:"sp_mchid"`
	}
	_ = json.Unmarshal(b, &v)
	for _, id := range []string{v.SpMchID, v.MchID} {
		if m, ok := s.merchants[id]; ok {
			return m.APIv3Key
		}
	}
	return s.Opts.APIv3Key
}

// errClientCert is the /secapi answer to a missing or foreign certificate.
var errClientCert = errors.New("client certificate required")

// checkClientCert reports whether r presents m's certificate.
func checkClientCert(r *http.Request, m *Merchant) error {
	if r.TLS == nil || len(r.TLS.PeerCertificates) == 0 || m == nil || m.Cert == nil ||
		!bytes.Equal(r.TLS.PeerCertificates[0].Raw, m.Cert.Raw) {
		return errClientCert
	}
	return nil
}
