package pay

import (
	"context"
	"crypto/rsa"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"sort"
	"strings"
	"time"

	"github.com/weixin-go/wechat"
)

// PlatformCertificate is one decrypted WeChat Pay platform certificate.
type PlatformCertificate struct {
	SerialNo      string    `json:"serial_no"`
	EffectiveTime time.Time `json:"effective_time"`
	ExpireTime    time.Time `json:"expire_time"`
	// PEM is the decrypted certificate.
	PEM  string `json:"pem"`
	cert *x509.Certificate
}

// Certificate returns the parsed certificate.
func (p *PlatformCertificate) Certificate() *x509.Certificate { return p.cert }

// EncryptCertificate is the encrypted form of a certificate in the
// /v3/certificates response.
type EncryptCertificate struct {
	Algorithm      string `json:"algorithm"`
	Nonce          string `json:"nonce"`
	AssociatedData string `json:"associated_data"`
	Ciphertext     string `json:"ciphertext"`
}

type certificatesResponse struct {
	Data []struct {
		SerialNo           string             `json:"serial_no"`
		EffectiveTime      time.Time          `json:"effective_time"`
		ExpireTime         time.Time          `json:"expire_time"`
		EncryptCertificate EncryptCertificate `json:"encrypt_certificate"`
	} `json:"data"`
}

// keySet is an immutable snapshot of the keys that may sign WeChat Pay
// messages: the public key (when configured) and the platform certificates.
type keySet struct {
	keys  map[string]*rsa.PublicKey
	certs []PlatformCertificate // newest effective first
}

// key returns the key named by serial, or nil when it is unknown or names a
// platform certificate that is not valid at now: not yet in effect
// (published ahead of a rotation) or expired since it was loaded.
func (ks *keySet) key(serial string, now time.Time) *rsa.PublicKey {
	k := ks.keys[serial]
	if k == nil || isPublicKeyID(serial) {
		return k
	}
	for i := range ks.certs {
		if ks.certs[i].SerialNo == serial {
			if !certValidAt(&ks.certs[i], now) {
				return nil
			}
			break
		}
	}
	return k
}

// certValidAt checks both ends of a platform certificate's validity.
func certValidAt(pc *PlatformCertificate, now time.Time) bool {
	if !now.Before(pc.ExpireTime) {
		return false
	}
	return pc.cert == nil || !now.Before(pc.cert.NotBefore)
}

// with returns a copy of ks with certs added and expired certificates dropped.
func (ks *keySet) with(certs []PlatformCertificate, now time.Time) *keySet {
	n := &keySet{keys: make(map[string]*rsa.PublicKey, len(ks.keys)+len(certs))}
	for k, v := range ks.keys {
		if isPublicKeyID(k) {
			n.keys[k] = v
		}
	}
	seen := map[string]bool{}
	for _, c := range append(append([]PlatformCertificate(nil), certs...), ks.certs...) {
		if seen[c.SerialNo] || !now.Before(c.ExpireTime) {
			continue
		}
		seen[c.SerialNo] = true
		n.certs = append(n.certs, c)
		n.keys[c.SerialNo] = c.cert.PublicKey.(*rsa.PublicKey)
	}
	sort.SliceStable(n.certs, func(i, j int) bool { return n.certs[i].EffectiveTime.After(n.certs[j].EffectiveTime) })
	return n
}

func (c *Client) certStoreKey() string {
	return wechat.StoreKey("pay:"+c.mchid, "platform_certificates")
}

// lookupKey returns the key for serial. In certificate mode an unknown
// certificate serial triggers (at most one, rate-limited) refresh.
func (c *Client) lookupKey(ctx context.Context, serial string) (*rsa.PublicKey, error) {
	if k := c.keys.Load().key(serial, c.now()); k != nil {
		return k, nil
	}
	if !c.useCerts || isPublicKeyID(serial) {
		return nil, fmt.Errorf("%w %q", ErrUnknownSerial, serial)
	}
	if err := c.loadCertificates(ctx, len(c.keys.Load().certs) > 0); err != nil {
		return nil, fmt.Errorf("%w %q (certificate refresh failed: %v)", ErrUnknownSerial, serial, err)
	}
	if k := c.keys.Load().key(serial, c.now()); k != nil {
		return k, nil
	}
	return nil, fmt.Errorf("%w %q (not among the refreshed platform certificates)", ErrUnknownSerial, serial)
}

// loadCertificates makes platform certificates available: first from the
// store, then by download. With force it downloads unless another
// goroutine did so within the refresh gap.
func (c *Client) loadCertificates(ctx context.Context, force bool) error {
	c.certMu.Lock()
	defer c.certMu.Unlock()
	if !c.lastFetch.IsZero() && c.now().Sub(c.lastFetch) < c.refreshGap {
		return nil
	}
	if !force && len(c.keys.Load().certs) > 0 {
		return nil
	}
	if !force {
		if certs, err := c.restoreCertificates(ctx); err == nil && len(certs) > 0 {
			if ks := c.keys.Load().with(certs, c.now()); len(ks.certs) > 0 {
				c.keys.Store(ks)
				return nil
			}
		}
	}
	c.lastFetch = c.now()
	return c.refreshLocked(ctx)
}

// refreshLocked downloads certificates, merges and stores them. certMu held.
func (c *Client) refreshLocked(ctx context.Context) error {
	certs, err := c.Certificates(ctx)
	if err != nil {
		return err
	}
	ks := c.keys.Load().with(certs, c.now())
	c.keys.Store(ks)
	if b, err := json.Marshal(ks.certs); err == nil {
		if err := c.store.Set(ctx, c.certStoreKey(), b, 0); err != nil {
			c.log.LogAttrs(ctx, slog.LevelWarn, "pay: storing platform certificates", slog.String("error", err.Error()))
		}
	}
	return nil
}

func (c *Client) restoreCertificates(ctx context.Context) ([]PlatformCertificate, error) {
	b, err := c.store.Get(ctx, c.certStoreKey())
	if err != nil {
		return nil, err
	}
	var certs []PlatformCertificate
	if err := json.Unmarshal(b, &certs); err != nil {
		return nil, fmt.Errorf("pay: malformed stored certificates: %w", err)
	}
	out := certs[:0]
	for _, pc := range certs {
		x, err := parseCertificate([]byte(pc.PEM))
		if err != nil || certSerial(x) != pc.SerialNo {
			return nil, errors.New("pay: stored certificate does not match its serial")
		}
		pc.cert = x
		out = append(out, pc)
	}
	return out, nil
}

// RefreshCertificates downloads the platform certificates now, merges them
// with the known ones (dropping expired ones) and saves them in the store.
func (c *Client) RefreshCertificates(ctx context.Context) error {
	c.certMu.Lock()
	defer c.certMu.Unlock()
	return c.refreshLocked(ctx)
}

// PlatformCertificates returns the currently trusted platform certificates,
// newest first, loading them (store, then download) if none are known.
func (c *Client) PlatformCertificates(ctx context.Context) ([]PlatformCertificate, error) {
	if len(c.keys.Load().certs) == 0 {
		if err := c.loadCertificates(ctx, false); err != nil {
			return nil, err
		}
	}
	return append([]PlatformCertificate(nil), c.keys.Load().certs...), nil
}

// Run keeps platform certificates fresh until ctx is done: it loads them at
// once, then refreshes every 12 hours and whenever the newest certificate is
// within 48 hours of expiry, retrying after a minute on failure. It returns
// ctx.Err(). Run it in a goroutine; in public-key mode it returns at once.
func (c *Client) Run(ctx context.Context) error {
	if !c.useCerts {
		return nil
	}
	wait := time.Duration(0)
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(wait):
		}
		c.certMu.Lock()
		err := c.refreshLocked(ctx)
		c.certMu.Unlock()
		if err != nil {
			c.log.LogAttrs(ctx, slog.LevelWarn, "pay: platform certificate refresh failed", slog.String("error", err.Error()))
			wait = time.Minute
			continue
		}
		wait = 12 * time.Hour
		if certs := c.keys.Load().certs; len(certs) > 0 {
			last := certs[0].ExpireTime
			for _, pc := range certs[1:] {
				if pc.ExpireTime.After(last) {
					last = pc.ExpireTime
				}
			}
			if until := last.Sub(c.now()) - 48*time.Hour; until < wait {
				wait = max(until, time.Hour)
			}
		}
	}
}

// Certificates downloads and decrypts the platform certificates
// (GET /v3/certificates). The response signature is checked against an
// already-trusted key, or — for the first download, as WeChat Pay documents
// — against one of the certificates it carries (each authenticated by
// AES-256-GCM under the API v3 key), restricted to Config.PinnedSerials when
// set. The timestamp window applies.
//
// See https://pay.weixin.qq.com/docs/merchant/apis/platform-certificate/api-v3-get-certificates/get.html
func (c *Client) Certificates(ctx context.Context) ([]PlatformCertificate, error) {
	var certs []PlatformCertificate
	verify := func(h http.Header, body []byte) error {
		var err error
		certs, err = c.verifyCertificates(h, body)
		return err
	}
	if err := c.do(ctx, request{method: http.MethodGet, path: "/v3/certificates", rawVerify: verify}, nil); err != nil {
		return nil, err
	}
	return certs, nil
}

// verifyCertificates authenticates a /v3/certificates answer (success or
// error) and returns the certificates it carries: see Certificates.
func (c *Client) verifyCertificates(h http.Header, body []byte) ([]PlatformCertificate, error) {
	s := headersOf(h)
	if err := c.checkFresh(s); err != nil {
		return nil, err
	}
	now := c.now()
	var out certificatesResponse
	if json.Unmarshal(body, &out) != nil {
		// error responses: verify with a trusted key if we have one
		if k := c.keys.Load().key(s.serial, now); k != nil {
			return nil, verifyWith(k, s, body)
		}
		return nil, fmt.Errorf("%w %q", ErrUnknownSerial, s.serial)
	}
	certs, err := c.decryptCertificates(&out)
	if err != nil {
		return nil, err
	}
	if k := c.keys.Load().key(s.serial, now); k != nil {
		if err := verifyWith(k, s, body); err != nil {
			return nil, err
		}
		return certs, nil
	}
	for _, pc := range certs {
		if pc.SerialNo != s.serial {
			continue
		}
		if c.pinned != nil && !c.pinned[pc.SerialNo] {
			return nil, fmt.Errorf("%w %q (certificate download signed by a serial that is not pinned)", ErrUnknownSerial, s.serial)
		}
		if !certValidAt(&pc, now) {
			return nil, fmt.Errorf("%w %q (certificate download signed by a certificate not valid now)", ErrUnknownSerial, s.serial)
		}
		if err := verifyWith(pc.cert.PublicKey.(*rsa.PublicKey), s, body); err != nil {
			return nil, err
		}
		return certs, nil
	}
	return nil, fmt.Errorf("%w %q (certificate download not signed by a carried certificate)", ErrUnknownSerial, s.serial)
}

func (c *Client) decryptCertificates(r *certificatesResponse) ([]PlatformCertificate, error) {
	var certs []PlatformCertificate
	now := c.now()
	for _, d := range r.Data {
		e := d.EncryptCertificate
		pemBytes, err := c.decryptAEAD(e.Algorithm, e.Nonce, e.AssociatedData, e.Ciphertext)
		if err != nil {
			return nil, fmt.Errorf("pay: certificate %s: %w", d.SerialNo, err)
		}
		x, err := parseCertificate(pemBytes)
		if err != nil {
			return nil, fmt.Errorf("pay: certificate %s: %w", d.SerialNo, err)
		}
		if !strings.EqualFold(certSerial(x), d.SerialNo) {
			return nil, fmt.Errorf("pay: certificate serial %s does not match its listing %s", certSerial(x), d.SerialNo)
		}
		if !now.Before(x.NotAfter) {
			continue
		}
		certs = append(certs, PlatformCertificate{
			SerialNo: certSerial(x), EffectiveTime: d.EffectiveTime, ExpireTime: x.NotAfter, PEM: string(pemBytes), cert: x,
		})
	}
	return certs, nil
}

// decryptAEAD opens an AEAD_AES_256_GCM resource with the API v3 key;
// ciphertext is base64(ciphertext‖tag).
func (c *Client) decryptAEAD(algorithm, nonce, ad, ciphertext string) ([]byte, error) {
	if algorithm != "AEAD_AES_256_GCM" {
		return nil, fmt.Errorf("%w: unsupported algorithm %q", ErrDecrypt, algorithm)
	}
	if len(nonce) != c.aead.NonceSize() {
		return nil, fmt.Errorf("%w: nonce must be %d bytes", ErrDecrypt, c.aead.NonceSize())
	}
	buf := make([]byte, base64.StdEncoding.DecodedLen(len(ciphertext)))
	n, err := base64.StdEncoding.Decode(buf, []byte(ciphertext))
	if err != nil {
		return nil, fmt.Errorf("%w: ciphertext is not base64", ErrDecrypt)
	}
	var nb [12]byte
	copy(nb[:], nonce)
	plain, err := c.aead.Open(buf[:0], nb[:], buf[:n], []byte(ad))
	if err != nil {
		return nil, fmt.Errorf("%w: authentication failed (wrong API v3 key or tampered data)", ErrDecrypt)
	}
	return plain, nil
}
