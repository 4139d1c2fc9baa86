package pay

import (
	"bytes"
	"compress/gzip"
	"crypto/aes"
	"crypto/cipher"
	"crypto/sha1"
	"errors"
	"testing"
)

// FuzzOpenEncryptedBill feeds arbitrary downloaded bytes, nonces and
// digests to the encrypted bill opener: it must never panic, never write
// anything from a part that does not authenticate, and accept a genuine
// part only with its digest.
func FuzzOpenEncryptedBill(f *testing.F) {
	key := []byte("0123456789abcdef0123456789abcdef")
	seal := func(nonce string, plain []byte, gz bool) []byte {
		if gz {
			var buf bytes.Buffer
			zw := gzip.NewWriter(&buf)
			_, _ = zw.Write(plain)
			_ = zw.Close()
			plain = buf.Bytes()
		}
		block, _ := aes.NewCipher(key)
		aead, _ := cipher.NewGCMWithNonceSize(block, len(nonce))
		return aead.Seal(nil, []byte(nonce), plain, nil)
	}
	f.Add([]byte("a8607ef79034c49c"), seal("a8607ef79034c49c", []byte("a,b\n"), false), false, []byte("a,b\n"))
	f.Add([]byte("a8607ef79034c49c"), seal("a8607ef79034c49c", []byte("x,y\n"), true), true, []byte("x,y\n"))
	f.Add([]byte("n"), []byte{}, true, []byte{})
	f.Add([]byte{}, []byte("garbage"), false, []byte("z"))
	f.Fuzz(func(t *testing.T, nonce, ct []byte, gz bool, plain []byte) {
		sum := sha1.Sum(plain)
		var out bytes.Buffer
		n, err := openEncryptedBill(key, nonce, bytes.Clone(ct), gz, sum[:], &out)
		if err != nil && !errors.Is(err, ErrBillHash) && out.Len() != 0 {
			t.Fatalf("%d bytes written from a part that failed: %v", out.Len(), err)
		}
		if err == nil && (!bytes.Equal(out.Bytes(), plain) || n != int64(len(plain))) {
			t.Fatalf("accepted %q, want %q", out.Bytes(), plain)
		}
		if len(nonce) > 0 && len(nonce) <= 64 {
			genuine := seal(string(nonce), plain, gz)
			out.Reset()
			if _, err := openEncryptedBill(key, nonce, genuine, gz, sum[:], &out); err != nil || !bytes.Equal(out.Bytes(), plain) {
				t.Fatalf("genuine part refused: %v", err)
			}
		}
	})
}
