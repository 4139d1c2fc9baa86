package pay

import (
	"context"
	"crypto"
	"crypto/rsa"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Verification errors. They are wrapped with context; test them with errors.Is.
var (
	// ErrMissingSignature: a response or notification lacks one of the
	// Wechatpay-Timestamp, Wechatpay-Nonce, Wechatpay-Signature and
	// Wechatpay-Serial headers.
	ErrMissingSignature = errors.New("pay: missing Wechatpay-* signature headers")
	// ErrStaleTimestamp: Wechatpay-Timestamp is outside the accepted window
	// (replayed or badly delayed message).
	ErrStaleTimestamp = errors.New("pay: Wechatpay-Timestamp outside the accepted window")
	// ErrUnknownSerial: Wechatpay-Serial names neither a known platform
	// certificate nor the configured WeChat Pay public key.
	ErrUnknownSerial = errors.New("pay: unknown Wechatpay-Serial")
	// ErrBadSignature: the RSA signature does not match the message.
	ErrBadSignature = errors.New("pay: signature verification failed")
	// ErrDecrypt: an AES-256-GCM resource could not be authenticated or
	// decrypted (wrong API v3 key or tampered data).
	ErrDecrypt = errors.New("pay: AES-256-GCM decryption failed")
)

// Header names used by WeChat Pay signatures (canonical form, so that map
// lookups on http.Header need no conversion).
const (
	hdrTimestamp = "Wechatpay-Timestamp"
	hdrNonce     = "Wechatpay-Nonce"
	hdrSignature = "Wechatpay-Signature"
	hdrSerial    = "Wechatpay-Serial"
	hdrSigType   = "Wechatpay-Signature-Type"
	hdrRequestID = "Request-Id"
)

// first returns the first value of header k. k is canonical; headers built
// by hand with other spellings ("wechatpay-serial") are found too.
func first(h http.Header, k string) string {
	if v := h[k]; len(v) > 0 {
		return v[0]
	}
	for hk, v := range h {
		if len(v) > 0 && strings.EqualFold(hk, k) {
			return v[0]
		}
	}
	return ""
}

// sigHeaders are the four values a WeChat Pay signature travels with.
type sigHeaders struct {
	timestamp, nonce, signature, serial string
	// sigType is Wechatpay-Signature-Type, when sent.
	sigType string
}

func headersOf(h http.Header) sigHeaders {
	s := sigHeaders{
		timestamp: first(h, hdrTimestamp),
		nonce:     first(h, hdrNonce),
		signature: first(h, hdrSignature),
		serial:    first(h, hdrSerial),
	}
	if v := h[hdrSigType]; len(v) > 0 {
		s.sigType = v[0]
	}
	return s
}

// checkFresh validates the presence of the headers and the timestamp window.
func (c *Client) checkFresh(s sigHeaders) error {
	if s.timestamp == "" || s.nonce == "" || s.signature == "" || s.serial == "" {
		return ErrMissingSignature
	}
	if s.sigType != "" && s.sigType != SignatureScheme {
		// e.g. WECHATPAY2-SM2-WITH-SM3 (国密), which this client does not do.
		return fmt.Errorf("%w: unsupported Wechatpay-Signature-Type %q", ErrBadSignature, s.sigType)
	}
	ts, err := strconv.ParseInt(s.timestamp, 10, 64)
	if err != nil {
		return fmt.Errorf("%w: malformed timestamp", ErrStaleTimestamp)
	}
	// Compare without subtracting: a hostile timestamp must not overflow
	// into the window.
	now, w := c.now().Unix(), int64(c.window/time.Second)
	if ts < now-w || ts > now+w {
		return fmt.Errorf("%w: timestamp %d, now %d (window %s)", ErrStaleTimestamp, ts, now, c.window)
	}
	return nil
}

// verifyWith checks signature s over "timestamp\nnonce\nbody\n" with pub.
func verifyWith(pub *rsa.PublicKey, s sigHeaders, body []byte) error {
	// src bounds the base64 text (RSA-8192 at most); sigBuf holds all it can
	// decode to, so Decode never writes past it.
	var src [1368]byte // copying avoids a heap []byte(string) conversion
	var sigBuf [len(src) / 4 * 3]byte
	if len(s.signature) > len(src) {
		return fmt.Errorf("%w: signature too long", ErrBadSignature)
	}
	k := copy(src[:], s.signature)
	n, err := base64.StdEncoding.Decode(sigBuf[:], src[:k])
	if err != nil {
		return fmt.Errorf("%w: signature is not base64", ErrBadSignature)
	}
	bp := getBuf()
	msg := append(*bp, s.timestamp...)
	msg = append(msg, '\n')
	msg = append(msg, s.nonce...)
	msg = append(msg, '\n')
	msg = append(msg, body...)
	msg = append(msg, '\n')
	sum := sha256.Sum256(msg)
	*bp = msg
	putBuf(bp)
	if rsa.VerifyPKCS1v15(pub, crypto.SHA256, sum[:], sigBuf[:n]) != nil {
		return ErrBadSignature
	}
	return nil
}

// verify authenticates a response or notification: headers present,
// timestamp fresh, serial known (in certificate mode an unknown serial
// triggers one certificate refresh), signature valid.
func (c *Client) verify(ctx context.Context, s sigHeaders, body []byte) error {
	if err := c.checkFresh(s); err != nil {
		return err
	}
	pub, err := c.lookupKey(ctx, s.serial)
	if err != nil {
		return err
	}
	if err := verifyWith(pub, s, body); err != nil {
		return fmt.Errorf("%w (serial %s)", err, s.serial)
	}
	return nil
}

// VerifyResponse authenticates a WeChat Pay response obtained outside this
// client (for example through a custom transport) and returns its body. The
// body is read (up to the client's size limit) and closed.
//
// See https://pay.weixin.qq.com/docs/merchant/development/interface-rules/signature-verification.html
func (c *Client) VerifyResponse(ctx context.Context, resp *http.Response) ([]byte, error) {
	body, err := readLimited(resp.Body, resp.ContentLength, c.maxBody)
	resp.Body.Close()
	if err != nil {
		return nil, err
	}
	if err := c.verify(ctx, headersOf(resp.Header), body); err != nil {
		return nil, err
	}
	return body, nil
}

// VerifySignature authenticates a message given its Wechatpay-* header values
// and raw body (for integrations that do not hold an *http.Response).
func (c *Client) VerifySignature(ctx context.Context, h http.Header, body []byte) error {
	return c.verify(ctx, headersOf(h), body)
}

func isPublicKeyID(serial string) bool { return strings.HasPrefix(serial, "PUB_KEY_ID_") }
