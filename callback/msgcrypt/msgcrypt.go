// Package msgcrypt implements the signatures and the AES message format that
// WeChat uses for server push messages: official accounts, mini programs,
// third-party platforms and WeCom (企业微信) all share it.
//
// See https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/Before_Develop/Technical_Plan.html
// and https://developer.work.weixin.qq.com/document/path/90968.
//
// The package has no dependency on the rest of the SDK and can be used on
// its own, for example in a gateway that only verifies and decrypts.
package msgcrypt

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"crypto/sha1"
	"crypto/subtle"
	"encoding/base64"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
)

// Errors returned by this package. They are sentinels: test them with
// errors.Is. None of them carries key material.
var (
	// ErrInvalidKey reports an EncodingAESKey that is not 43 base64
	// characters decoding to 32 bytes.
	ErrInvalidKey = errors.New("msgcrypt: invalid EncodingAESKey (want 43 base64 characters decoding to 32 bytes)")
	// ErrEmptyReceiverID reports a Crypter built without a receiver id.
	ErrEmptyReceiverID = errors.New("msgcrypt: empty receiver id (appid, corp id or suite id)")
	// ErrBase64 reports a ciphertext that is not valid standard base64.
	ErrBase64 = errors.New("msgcrypt: ciphertext is not valid base64")
	// ErrBlockSize reports a ciphertext whose length is not a positive
	// multiple of the AES block size.
	ErrBlockSize = errors.New("msgcrypt: ciphertext length is not a positive multiple of 16")
	// ErrPadding reports invalid PKCS#7 padding (block size 32).
	ErrPadding = errors.New("msgcrypt: invalid PKCS#7 padding")
	// ErrLength reports a message length field that does not fit the
	// decrypted data.
	ErrLength = errors.New("msgcrypt: message length field out of range")
	// ErrReceiverID reports a message addressed to another receiver id.
	ErrReceiverID = errors.New("msgcrypt: receiver id mismatch")
	// ErrSignature reports a signature or msg_signature mismatch.
	ErrSignature = errors.New("msgcrypt: signature mismatch")
)

const (
	// KeyLen is the length of an EncodingAESKey.
	KeyLen = 43
	// padBlock is the PKCS#7 block size used by WeChat (not the AES block size).
	padBlock = 32
	// randLen is the length of the random prefix of every plaintext frame.
	randLen = 16
	// headerLen is the random prefix plus the 4-byte length field.
	headerLen = randLen + 4
)

// Crypter encrypts and decrypts messages for one receiver id with one
// token and EncodingAESKey. The AES block cipher is prepared once at
// construction. A Crypter is safe for concurrent use.
type Crypter struct {
	token      string
	receiverID string
	block      cipher.Block
	iv         [aes.BlockSize]byte
}

// New returns a Crypter for token, the 43-character encodingAESKey and the
// receiverID (the appid; the corp id or suite id for WeCom; the component
// appid for a third-party platform). The error never contains the key.
func New(token, encodingAESKey, receiverID string) (*Crypter, error) {
	key, err := DecodeKey(encodingAESKey)
	if err != nil {
		return nil, err
	}
	if receiverID == "" {
		return nil, ErrEmptyReceiverID
	}
	block, err := aes.NewCipher(key[:])
	if err != nil { // unreachable: the key is 32 bytes
		return nil, ErrInvalidKey
	}
	c := &Crypter{token: token, receiverID: receiverID, block: block}
	copy(c.iv[:], key[:aes.BlockSize])
	return c, nil
}

// DecodeKey validates an EncodingAESKey and returns the 32-byte AES key
// (base64 of the key plus "=").
func DecodeKey(encodingAESKey string) (key [32]byte, err error) {
	if len(encodingAESKey) != KeyLen {
		return key, ErrInvalidKey
	}
	var in [KeyLen + 1]byte
	copy(in[:], encodingAESKey)
	in[KeyLen] = '='
	// Not Strict: the console generates 43 random alphanumerics, so the two
	// unused low bits of the last character are usually not zero (the
	// official sample key ends in "G").
	n, err := base64.StdEncoding.Decode(key[:], in[:])
	if err != nil || n != len(key) {
		return [32]byte{}, ErrInvalidKey
	}
	return key, nil
}

// Token returns the token the Crypter signs with.
func (c *Crypter) Token() string { return c.token }

// ReceiverID returns the receiver id the Crypter checks and writes.
func (c *Crypter) ReceiverID() string { return c.receiverID }

// Encrypt encrypts msg with a fresh random prefix and returns the base64
// ciphertext (the Encrypt element of a push or a reply).
func (c *Crypter) Encrypt(msg []byte) (string, error) {
	out, err := c.AppendEncrypt(nil, msg)
	return string(out), err
}

// AppendEncrypt encrypts msg with a fresh random prefix and appends the
// base64 ciphertext to dst. It uses dst's spare capacity as scratch space,
// so a pooled dst makes it allocation-free.
func (c *Crypter) AppendEncrypt(dst, msg []byte) ([]byte, error) {
	var random [randLen]byte
	if _, err := rand.Read(random[:]); err != nil {
		return dst, fmt.Errorf("msgcrypt: reading random prefix: %w", err)
	}
	return c.appendEncrypt(dst, msg, random[:]), nil
}

// EncryptWithRandom is Encrypt with a caller-chosen 16-byte random prefix.
// It exists for reproducing known vectors in tests; production code must
// use Encrypt.
func (c *Crypter) EncryptWithRandom(msg, random []byte) (string, error) {
	if len(random) != randLen {
		return "", errors.New("msgcrypt: random prefix must be 16 bytes")
	}
	return string(c.appendEncrypt(nil, msg, random)), nil
}

func (c *Crypter) appendEncrypt(dst, msg, random []byte) []byte {
	start := len(dst)
	frameLen := headerLen + len(msg) + len(c.receiverID)
	pad := padBlock - frameLen%padBlock
	total := frameLen + pad
	encLen := base64.StdEncoding.EncodedLen(total)
	dst = grow(dst, total+encLen)
	frame := dst[start : start+total]
	copy(frame, random)
	binary.BigEndian.PutUint32(frame[randLen:headerLen], uint32(len(msg)))
	copy(frame[headerLen:], msg)
	copy(frame[headerLen+len(msg):], c.receiverID)
	for i := frameLen; i < total; i++ {
		frame[i] = byte(pad)
	}
	c.cbcEncrypt(frame)
	enc := dst[start+total : start+total+encLen]
	base64.StdEncoding.Encode(enc, frame)
	copy(dst[start:], enc)
	return dst[:start+encLen]
}

// grow extends b by n bytes (contents of the new bytes unspecified).
func grow(b []byte, n int) []byte {
	if cap(b)-len(b) >= n {
		return b[:len(b)+n]
	}
	nb := make([]byte, len(b)+n, 2*len(b)+n)
	copy(nb, b)
	return nb
}

func (c *Crypter) cbcEncrypt(buf []byte) {
	prev := c.iv
	for i := 0; i < len(buf); i += aes.BlockSize {
		blk := buf[i : i+aes.BlockSize]
		subtle.XORBytes(blk, blk, prev[:])
		c.block.Encrypt(blk, blk)
		copy(prev[:], blk)
	}
}

func (c *Crypter) cbcDecrypt(buf []byte) {
	prev := c.iv
	var cur [aes.BlockSize]byte
	for i := 0; i < len(buf); i += aes.BlockSize {
		blk := buf[i : i+aes.BlockSize]
		copy(cur[:], blk)
		c.block.Decrypt(blk, blk)
		subtle.XORBytes(blk, blk, prev[:])
		prev = cur
	}
}

// Decrypt decodes and decrypts a base64 ciphertext, checks the padding,
// the length field and that the receiver id is the Crypter's, and returns
// the message.
func (c *Crypter) Decrypt(encrypt string) ([]byte, error) {
	return c.AppendDecrypt(nil, []byte(encrypt))
}

// AppendDecrypt is Decrypt appending the message to dst; it uses dst's
// spare capacity as scratch space, so a pooled dst makes it
// allocation-free. On error dst is returned unchanged in length.
func (c *Crypter) AppendDecrypt(dst, encrypt []byte) ([]byte, error) {
	out, id, err := c.open(dst, encrypt)
	if err != nil {
		return out, err
	}
	if subtle.ConstantTimeCompare(id, []byte(c.receiverID)) != 1 {
		return out[:len(dst)], ErrReceiverID
	}
	return out, nil
}

// DecryptAny decrypts like Decrypt but does not check the receiver id; it
// returns the message and the receiver id found in the frame.
func (c *Crypter) DecryptAny(encrypt string) (msg []byte, receiverID string, err error) {
	out, id, err := c.open(nil, []byte(encrypt))
	if err != nil {
		return nil, "", err
	}
	return out, string(id), nil
}

// open decrypts encrypt, appends the message to dst and returns the
// receiver id as a slice of dst's spare capacity (valid until dst is
// written again).
func (c *Crypter) open(dst, encrypt []byte) (out, receiverID []byte, err error) {
	start := len(dst)
	n := base64.StdEncoding.DecodedLen(len(encrypt))
	if n == 0 {
		return dst, nil, ErrBlockSize
	}
	dst = grow(dst, n)
	buf := dst[start:]
	m, err := base64.StdEncoding.Decode(buf, encrypt)
	if err != nil {
		return dst[:start], nil, ErrBase64
	}
	buf = buf[:m]
	if m == 0 || m%aes.BlockSize != 0 {
		return dst[:start], nil, ErrBlockSize
	}
	c.cbcDecrypt(buf)
	pad := int(buf[m-1])
	if pad < 1 || pad > padBlock || pad > m {
		return dst[:start], nil, ErrPadding
	}
	// Check every padding byte; constant time over the padding length to
	// leak as little as possible about the plaintext.
	var bad byte
	for _, b := range buf[m-pad:] {
		bad |= b ^ byte(pad)
	}
	if bad != 0 {
		return dst[:start], nil, ErrPadding
	}
	frame := buf[:m-pad]
	if len(frame) < headerLen {
		return dst[:start], nil, ErrLength
	}
	msgLen := binary.BigEndian.Uint32(frame[randLen:headerLen])
	if uint64(msgLen) > uint64(len(frame)-headerLen) {
		return dst[:start], nil, ErrLength
	}
	msgEnd := headerLen + int(msgLen)
	id := frame[msgEnd:]
	copy(dst[start:], frame[headerLen:msgEnd])
	// The receiver id now lives after the moved message; since the message
	// moved left by headerLen bytes, id (which is further right) is intact.
	return dst[:start+int(msgLen)], id, nil
}

// Signature computes the URL signature: the lowercase hex sha1 of token,
// timestamp and nonce sorted byte-wise and concatenated.
//
// See https://developers.weixin.qq.com/doc/service/guide/dev/push/encryption.html.
func Signature(token, timestamp, nonce string) string {
	var out [40]byte
	return string(appendSum(out[:0], token, timestamp, nonce, nil, false))
}

// MsgSignature computes the message signature: the lowercase hex sha1 of
// token, timestamp, nonce and the Encrypt value, sorted and concatenated.
func MsgSignature(token, timestamp, nonce, encrypt string) string {
	var out [40]byte
	return string(appendSum(out[:0], token, timestamp, nonce, []byte(encrypt), true))
}

// AppendMsgSignature appends MsgSignature(token, timestamp, nonce, encrypt)
// to dst without allocating.
func AppendMsgSignature(dst []byte, token, timestamp, nonce string, encrypt []byte) []byte {
	return appendSum(dst, token, timestamp, nonce, encrypt, true)
}

// VerifySignature reports in constant time whether signature is the URL
// signature of token, timestamp and nonce.
func VerifySignature(token, timestamp, nonce, signature string) bool {
	var out [40]byte
	return equalHex(appendSum(out[:0], token, timestamp, nonce, nil, false), signature)
}

// VerifyMsgSignature reports in constant time whether signature is the
// message signature of token, timestamp, nonce and encrypt.
func VerifyMsgSignature(token, timestamp, nonce string, encrypt []byte, signature string) bool {
	var out [40]byte
	return equalHex(appendSum(out[:0], token, timestamp, nonce, encrypt, true), signature)
}

func equalHex(want []byte, got string) bool {
	if len(got) != len(want) {
		return false
	}
	var g [40]byte
	copy(g[:], got)
	// Accept uppercase hex too: fold A-F to a-f before comparing.
	for i := range g[:len(got)] {
		if g[i] >= 'A' && g[i] <= 'F' {
			g[i] += 'a' - 'A'
		}
	}
	return subtle.ConstantTimeCompare(want, g[:len(got)]) == 1
}

// appendSum appends the hex sha1 of the sorted concatenation of the parts.
// The parts are hashed from a stack buffer when they fit, so the common
// case does not allocate.
func appendSum(dst []byte, token, timestamp, nonce string, encrypt []byte, withEncrypt bool) []byte {
	var stack [1024]byte
	var parts [4][]byte
	n := 3
	size := len(token) + len(timestamp) + len(nonce) + len(encrypt)
	var scratch []byte
	if 2*size <= len(stack) {
		scratch = stack[:0]
	} else {
		scratch = make([]byte, 0, 2*size)
	}
	scratch = append(scratch, token...)
	scratch = append(scratch, timestamp...)
	scratch = append(scratch, nonce...)
	a, b := len(token), len(token)+len(timestamp)
	parts[0], parts[1], parts[2] = scratch[:a:a], scratch[a:b:b], scratch[b:]
	if withEncrypt {
		parts[3] = encrypt
		n = 4
	}
	// Insertion sort of at most four parts.
	for i := 1; i < n; i++ {
		for j := i; j > 0 && bytes.Compare(parts[j-1], parts[j]) > 0; j-- {
			parts[j-1], parts[j] = parts[j], parts[j-1]
		}
	}
	joined := scratch[len(scratch):]
	for _, p := range parts[:n] {
		joined = append(joined, p...)
	}
	sum := sha1.Sum(joined)
	return hex.AppendEncode(dst, sum[:])
}
