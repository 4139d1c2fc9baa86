package work_test

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"encoding/base64"
	"errors"
	"testing"

	"github.com/weixin-go/wechat/work"
)

// FuzzDecryptExport feeds DecryptExport arbitrary ciphertext (an export file
// is downloaded from a URL WeChat gives): it never panics, fails only with
// an error wrapping ErrExportFile, and round-trips what it encrypts the way
// the docs describe (AES-256-CBC, IV = the key's first 16 bytes, padding to
// 32 bytes).
func FuzzDecryptExport(f *testing.F) {
	const key = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG"
	raw, err := base64.StdEncoding.DecodeString(key + "=")
	if err != nil {
		f.Fatal(err)
	}
	seal := func(plain []byte) []byte {
		pad := 32 - len(plain)%32
		p := append(bytes.Clone(plain), bytes.Repeat([]byte{byte(pad)}, pad)...)
		block, _ := aes.NewCipher(raw)
		out := make([]byte, len(p))
		cipher.NewCBCEncrypter(block, raw[:16]).CryptBlocks(out, p)
		return out
	}
	f.Add([]byte(`{"userlist":[{"userid":"zhangsan"}]}`), false)
	f.Add([]byte(""), false)
	f.Add(bytes.Repeat([]byte{0}, 32), true)
	f.Add([]byte("short"), true)
	f.Fuzz(func(t *testing.T, data []byte, asCiphertext bool) {
		if !asCiphertext {
			got, err := work.DecryptExport(key, seal(data))
			if err != nil || !bytes.Equal(got, data) {
				t.Fatalf("round trip of %q: %q, %v", data, got, err)
			}
			return
		}
		if _, err := work.DecryptExport(key, data); err != nil && !errors.Is(err, work.ErrExportFile) {
			t.Fatalf("error %v does not wrap ErrExportFile", err)
		}
	})
}
