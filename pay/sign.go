package pay

import (
	"crypto"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"encoding/pem"
	"errors"
	"strconv"
	"sync"
)

// SignatureScheme is the only v3 signature scheme WeChat Pay uses; it prefixes
// the Authorization header.
//
// See https://pay.weixin.qq.com/docs/merchant/development/interface-rules/signature-generation.html
const SignatureScheme = "WECHATPAY2-SHA256-RSA2048"

// bufPool holds the scratch buffers used to build signing messages and
// Authorization headers, so that signing and verifying allocate nothing
// beyond what crypto/rsa itself needs.
var bufPool = sync.Pool{New: func() any { b := make([]byte, 0, 1024); return &b }}

func getBuf() *[]byte { return bufPool.Get().(*[]byte) }

func putBuf(b *[]byte) {
	if cap(*b) > 64<<10 {
		return // do not keep huge bodies alive
	}
	*b = (*b)[:0]
	bufPool.Put(b)
}

// parsePrivateKey decodes a PEM private key in PKCS#1 or PKCS#8 form. Errors
// never quote the key.
func parsePrivateKey(pemBytes []byte) (*rsa.PrivateKey, error) {
	block, _ := pem.Decode(pemBytes)
	if block == nil {
		return nil, errors.New("pay: private key is not PEM encoded")
	}
	var key any
	var err error
	switch block.Type {
	case "RSA PRIVATE KEY":
		key, err = x509.ParsePKCS1PrivateKey(block.Bytes)
	case "PRIVATE KEY":
		key, err = x509.ParsePKCS8PrivateKey(block.Bytes)
	default:
		return nil, errors.New("pay: unsupported private key PEM block type " + strconv.Quote(block.Type))
	}
	if err != nil {
		return nil, errors.New("pay: private key cannot be parsed (expected RSA PKCS#1 or PKCS#8)")
	}
	rk, ok := key.(*rsa.PrivateKey)
	if !ok {
		return nil, errors.New("pay: private key is not an RSA key")
	}
	if rk.N.BitLen() < 2048 {
		return nil, errors.New("pay: private key must be RSA-2048 or larger")
	}
	rk.Precompute()
	return rk, nil
}

// parsePublicKey decodes a PEM "PUBLIC KEY" (PKIX) or "RSA PUBLIC KEY"
// (PKCS#1), as the WeChat Pay public key is distributed.
func parsePublicKey(pemBytes []byte) (*rsa.PublicKey, error) {
	block, _ := pem.Decode(pemBytes)
	if block == nil {
		return nil, errors.New("pay: public key is not PEM encoded")
	}
	switch block.Type {
	case "PUBLIC KEY":
		k, err := x509.ParsePKIXPublicKey(block.Bytes)
		if err != nil {
			return nil, errors.New("pay: public key cannot be parsed")
		}
		rk, ok := k.(*rsa.PublicKey)
		if !ok {
			return nil, errors.New("pay: public key is not an RSA key")
		}
		return rk, nil
	case "RSA PUBLIC KEY":
		rk, err := x509.ParsePKCS1PublicKey(block.Bytes)
		if err != nil {
			return nil, errors.New("pay: public key cannot be parsed")
		}
		return rk, nil
	case "CERTIFICATE":
		c, err := parseCertificate(pemBytes)
		if err != nil {
			return nil, err
		}
		return c.PublicKey.(*rsa.PublicKey), nil
	}
	return nil, errors.New("pay: unsupported public key PEM block type " + strconv.Quote(block.Type))
}

func parseCertificate(pemBytes []byte) (*x509.Certificate, error) {
	block, _ := pem.Decode(pemBytes)
	if block == nil || block.Type != "CERTIFICATE" {
		return nil, errors.New("pay: certificate is not a PEM CERTIFICATE")
	}
	c, err := x509.ParseCertificate(block.Bytes)
	if err != nil {
		return nil, errors.New("pay: certificate cannot be parsed: " + err.Error())
	}
	if _, ok := c.PublicKey.(*rsa.PublicKey); !ok {
		return nil, errors.New("pay: certificate does not hold an RSA key")
	}
	return c, nil
}

// certSerial renders a certificate serial number the way WeChat Pay writes
// it: uppercase hexadecimal without separators.
func certSerial(c *x509.Certificate) string {
	s := c.SerialNumber.Text(16)
	b := []byte(s)
	for i, ch := range b {
		if ch >= 'a' && ch <= 'f' {
			b[i] = ch - 'a' + 'A'
		}
	}
	if len(b)%2 == 1 {
		b = append([]byte{'0'}, b...)
	}
	return string(b)
}

const hexUpper = "0123456789ABCDEF"

// newNonce fills dst with 32 uppercase hex characters from 16 random bytes.
func newNonce(dst *[32]byte) {
	var r [16]byte
	_, _ = rand.Read(r[:]) // crypto/rand.Read never fails (Go 1.24+)
	for i, v := range r {
		dst[i*2] = hexUpper[v>>4]
		dst[i*2+1] = hexUpper[v&0x0f]
	}
}

// appendLines appends each part followed by "\n"; it is the message format
// of every WeChat Pay signature.
func appendLines(b []byte, parts ...[]byte) []byte {
	for _, p := range parts {
		b = append(b, p...)
		b = append(b, '\n')
	}
	return b
}

// signer holds the merchant private key and identity; it produces
// Authorization headers.
type signer struct {
	mchid  string
	serial string
	key    *rsa.PrivateKey
}

// signMessage returns base64(RSA-PKCS1v15(SHA-256(msg))) appended to dst.
func (s *signer) signMessage(dst, msg []byte) ([]byte, error) {
	sum := sha256.Sum256(msg)
	sig, err := rsa.SignPKCS1v15(nil, s.key, crypto.SHA256, sum[:])
	if err != nil {
		return dst, errors.New("pay: signing failed")
	}
	return base64.StdEncoding.AppendEncode(dst, sig), nil
}

// authorization builds the Authorization header for one request. pathQuery
// is the absolute path with its query string, exactly as sent.
func (s *signer) authorization(method, pathQuery string, body []byte, ts int64) (string, error) {
	var nonce [32]byte
	newNonce(&nonce)
	var tsb [20]byte
	t := strconv.AppendInt(tsb[:0], ts, 10)

	bp := getBuf()
	defer putBuf(bp)
	msg := append(*bp, method...)
	msg = append(msg, '\n')
	msg = append(msg, pathQuery...)
	msg = append(msg, '\n')
	msg = appendLines(msg, t, nonce[:], body)
	*bp = msg

	hp := getBuf()
	defer putBuf(hp)
	h := append(*hp, SignatureScheme...)
	h = append(h, ` mchid="`...)
	h = append(h, s.mchid...)
	h = append(h, `",nonce_str="`...)
	h = append(h, nonce[:]...)
	h = append(h, `",timestamp="`...)
	h = append(h, t...)
	h = append(h, `",serial_no="`...)
	h = append(h, s.serial...)
	h = append(h, `",signature="`...)
	h, err := s.signMessage(h, msg)
	if err != nil {
		return "", err
	}
	h = append(h, '"')
	*hp = h
	return string(h), nil
}
