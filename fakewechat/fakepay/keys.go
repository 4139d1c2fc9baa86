// Package fakepay is a fake WeChat Pay server for tests: it verifies client
// signatures like WeChat Pay (401 SIGN_ERROR), signs its responses with a
// test platform certificate and/or a test WeChat Pay public key, serves
// encrypted platform certificates, keeps in-memory orders and refunds,
// serves bills (optionally gzip) with their SHA-1, answers the v2 XML
// endpoints (with mutual TLS for /secapi) and sends signed, encrypted
// notifications.
//
// Its cryptography is written independently of package pay so that a bug
// in one is not mirrored by the other.
package fakepay

import (
	"crypto/rsa"
	"crypto/x509"
	"embed"
	"encoding/pem"
	"strings"
	"sync"
)

//go:embed testdata/*.pem
var keyFiles embed.FS

// KeyPair is a test RSA key, its PEM forms and, for certificates, the
// parsed certificate and its WeChat-style serial (uppercase hex).
type KeyPair struct {
	Key     *rsa.PrivateKey
	KeyPEM  []byte
	CertPEM []byte // empty for the public key
	PubPEM  []byte // PKIX public key (public key mode)
	Cert    *x509.Certificate
	Serial  string // certificate serial, or public key id
}

// Keys are the test keys, made by this project (testdata, valid until 2045),
// shared by every fake server in the process.
type Keys struct {
	Merchant  KeyPair // merchant API certificate and key (also the mutual-TLS client certificate)
	Platform  KeyPair // first platform certificate
	Platform2 KeyPair // rotated platform certificate
	Rogue     KeyPair // a certificate WeChat Pay never serves
	PublicKey KeyPair // WeChat Pay public key (Serial is the PUB_KEY_ID_...)
}

// PublicKeyID is the id of the test WeChat Pay public key.
const PublicKeyID = "PUB_KEY_ID_0119000001092025010100000000000001"

var (
	keysOnce sync.Once
	keys     *Keys
)

func mustRead(name string) []byte {
	b, err := keyFiles.ReadFile("testdata/" + name)
	if err != nil {
		panic("fakepay: missing test key " + name)
	}
	return b
}

func loadPair(name string, withCert bool) KeyPair {
	kp := KeyPair{KeyPEM: mustRead(name + "_key.pem")}
	block, _ := pem.Decode(kp.KeyPEM)
	k, err := x509.ParsePKCS8PrivateKey(block.Bytes)
	if err != nil {
		panic("fakepay: bad test key " + name)
	}
	kp.Key = k.(*rsa.PrivateKey)
	if withCert {
		kp.CertPEM = mustRead(name + "_cert.pem")
		cb, _ := pem.Decode(kp.CertPEM)
		kp.Cert, err = x509.ParseCertificate(cb.Bytes)
		if err != nil {
			panic("fakepay: bad test certificate " + name)
		}
		kp.Serial = strings.ToUpper(kp.Cert.SerialNumber.Text(16))
		if len(kp.Serial)%2 == 1 {
			kp.Serial = "0" + kp.Serial
		}
	}
	der, _ := x509.MarshalPKIXPublicKey(&kp.Key.PublicKey)
	kp.PubPEM = pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: der})
	return kp
}

// TestKeys returns the shared test keys (parsed once per process).
func TestKeys() *Keys {
	keysOnce.Do(func() {
		keys = &Keys{
			Merchant:  loadPair("merchant", true),
			Platform:  loadPair("platform1", true),
			Platform2: loadPair("platform2", true),
			Rogue:     loadPair("rogue", true),
			PublicKey: loadPair("pubkey", false),
		}
		keys.PublicKey.Serial = PublicKeyID
	})
	return keys
}
