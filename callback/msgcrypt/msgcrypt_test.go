package msgcrypt

import (
	"bytes"
	"encoding/base64"
	"errors"
	"strings"
	"testing"
)

// Vectors from the official "消息推送" guide (mini program message push,
// safe mode, JSON format): https://developers.weixin.qq.com/miniprogram/dev/framework/server-ability/message-push.html
const (
	vecToken   = "AAAAA"
	vecKey     = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
	vecAppID   = "wxba5fad812f8e6fb9"
	vecEncrypt = "+qdx1OKCy+5JPCBFWw70tm0fJGb2Jmeia4FCB7kao+/Q5c/ohsOzQHi8khUOb05JCpj0JB4RvQMkUyus8TPxLKJGQqcvZqzDpVzazhZv6JsXUnnR8XGT740XgXZUXQ7vJVnAG+tE8NUd4yFyjPy7GgiaviNrlCTj+l5kdfMuFUPpRSrfMZuMcp3Fn2Pede2IuQrKEYwKSqFIZoNqJ4M8EajAsjLY2km32IIjdf8YL/P50F7mStwntrA2cPDrM1kb6mOcfBgRtWygb3VIYnSeOBrebufAlr7F9mFUPAJGj04="
	vecMsg     = `{"ToUserName":"gh_97417a04a28d","FromUserName":"o9AgO5Kd5ggOC-bXrbNODIiE3bGY","CreateTime":1714112445,"MsgType":"event","Event":"debug_demo","debug_str":"hello world"}`
	vecMsgSig  = "046e02f8204d34f8ba5fa3b1db94908f3df2e9b3"
	vecTS      = "1714112445"
	vecNonce   = "415670741"

	vecReplyRandom  = "707722b803182950"
	vecReplyMsg     = `{"demo_resp":"good luck"}`
	vecReplyEncrypt = "ELGduP2YcVatjqIS+eZbp80MNLoAUWvzzyJxgGzxZO/5sAvd070Bs6qrLARC9nVHm48Y4hyRbtzve1L32tmxSQ=="
	vecReplyTS      = "1713424427"
	vecReplySig     = "1b9339964ed2e271e7c7b6ff2b0ef902fc94dea1"
)

func mustNew(t testing.TB) *Crypter {
	t.Helper()
	c, err := New(vecToken, vecKey, vecAppID)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestOfficialURLSignatures(t *testing.T) {
	for _, tc := range []struct{ ts, nonce, sig string }{
		{"1714036504", "1514711492", "f464b24fc39322e44b38aa78f5edd27bd1441696"},
		{"1714037059", "486452656", "899cf89e464efb63f54ddac96b0a0a235f53aa78"},
	} {
		if got := Signature(vecToken, tc.ts, tc.nonce); got != tc.sig {
			t.Errorf("Signature(%s,%s) = %s, want %s", tc.ts, tc.nonce, got, tc.sig)
		}
		if !VerifySignature(vecToken, tc.ts, tc.nonce, tc.sig) {
			t.Errorf("VerifySignature rejected the official vector %s", tc.sig)
		}
		if !VerifySignature(vecToken, tc.ts, tc.nonce, strings.ToUpper(tc.sig)) {
			t.Errorf("VerifySignature rejected uppercase hex")
		}
		if VerifySignature(vecToken+"x", tc.ts, tc.nonce, tc.sig) {
			t.Errorf("VerifySignature accepted a wrong token")
		}
		if VerifySignature(vecToken, tc.ts, tc.nonce, tc.sig[:39]) {
			t.Errorf("VerifySignature accepted a truncated signature")
		}
	}
}

func TestOfficialDecrypt(t *testing.T) {
	c := mustNew(t)
	if got := MsgSignature(vecToken, vecTS, vecNonce, vecEncrypt); got != vecMsgSig {
		t.Fatalf("MsgSignature = %s, want %s", got, vecMsgSig)
	}
	if !VerifyMsgSignature(vecToken, vecTS, vecNonce, []byte(vecEncrypt), vecMsgSig) {
		t.Fatal("VerifyMsgSignature rejected the official vector")
	}
	msg, err := c.Decrypt(vecEncrypt)
	if err != nil {
		t.Fatal(err)
	}
	if string(msg) != vecMsg {
		t.Fatalf("Decrypt = %s\nwant %s", msg, vecMsg)
	}
	msg2, id, err := c.DecryptAny(vecEncrypt)
	if err != nil || id != vecAppID || string(msg2) != vecMsg {
		t.Fatalf("DecryptAny = %q, %q, %v", msg2, id, err)
	}
	// The random prefix of the official frame is documented too.
	raw, _ := base64.StdEncoding.DecodeString(vecEncrypt)
	c.cbcDecrypt(raw)
	if string(raw[:16]) != "a8eedb185eb2fecf" {
		t.Fatalf("random prefix = %q", raw[:16])
	}
}

func TestOfficialEncrypt(t *testing.T) {
	c := mustNew(t)
	enc, err := c.EncryptWithRandom([]byte(vecReplyMsg), []byte(vecReplyRandom))
	if err != nil {
		t.Fatal(err)
	}
	if enc != vecReplyEncrypt {
		t.Fatalf("Encrypt = %s\nwant %s", enc, vecReplyEncrypt)
	}
	if got := MsgSignature(vecToken, vecReplyTS, vecNonce, enc); got != vecReplySig {
		t.Fatalf("reply MsgSignature = %s, want %s", got, vecReplySig)
	}
	if _, err := c.EncryptWithRandom(nil, []byte("short")); err == nil {
		t.Fatal("EncryptWithRandom accepted a 5-byte prefix")
	}
}

func TestRoundTripAllLengths(t *testing.T) {
	c := mustNew(t)
	for n := 0; n < 100; n++ {
		msg := bytes.Repeat([]byte{'x'}, n)
		enc, err := c.Encrypt(msg)
		if err != nil {
			t.Fatal(err)
		}
		raw, _ := base64.StdEncoding.DecodeString(enc)
		if len(raw)%32 != 0 {
			t.Fatalf("n=%d: ciphertext %d bytes, not a multiple of 32", n, len(raw))
		}
		got, err := c.Decrypt(enc)
		if err != nil || !bytes.Equal(got, msg) {
			t.Fatalf("n=%d: got %q, %v", n, got, err)
		}
		// Append forms keep the prefix.
		out, err := c.AppendDecrypt([]byte("pre:"), []byte(enc))
		if err != nil || string(out) != "pre:"+string(msg) {
			t.Fatalf("AppendDecrypt = %q, %v", out, err)
		}
	}
	a, _ := c.Encrypt([]byte("same"))
	b, _ := c.Encrypt([]byte("same"))
	if a == b {
		t.Fatal("two encryptions are identical: random prefix not random")
	}
}

func TestSampleKeyWithNonZeroLowBits(t *testing.T) {
	// The key of the official samples: its last character carries bits
	// beyond the 32 key bytes, which must be ignored, not rejected.
	c, err := New("weixin", "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG", "wxbad0b45542aa0b5e")
	if err != nil {
		t.Fatal(err)
	}
	enc, _ := c.Encrypt([]byte("x"))
	if got, err := c.Decrypt(enc); err != nil || string(got) != "x" {
		t.Fatal(got, err)
	}
	k1, _ := DecodeKey("abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG")
	k2, _ := DecodeKey("abcdefghijklmnopqrstuvwxyz0123456789ABCDEFE")
	if k1 != k2 {
		t.Fatal("low bits of the last character changed the key")
	}
}

func TestInvalidKey(t *testing.T) {
	for _, k := range []string{"", "short", vecKey + "A", vecKey[:42] + "!", vecKey[:42] + "="} {
		_, err := New(vecToken, k, vecAppID)
		if !errors.Is(err, ErrInvalidKey) {
			t.Errorf("New(%q) err = %v, want ErrInvalidKey", k, err)
		}
		if err != nil && k != "" && strings.Contains(err.Error(), k) {
			t.Errorf("error echoes the key: %v", err)
		}
	}
	if _, err := New(vecToken, vecKey, ""); !errors.Is(err, ErrEmptyReceiverID) {
		t.Errorf("empty receiver id: %v", err)
	}
}

// encryptRaw encrypts an arbitrary frame (already padded) for tamper tests.
func encryptRaw(c *Crypter, frame []byte) string {
	buf := append([]byte(nil), frame...)
	c.cbcEncrypt(buf)
	return base64.StdEncoding.EncodeToString(buf)
}

func TestDecryptErrors(t *testing.T) {
	c := mustNew(t)
	good, _ := c.Encrypt([]byte("<xml/>"))
	other, _ := New(vecToken, vecKey, "wxother")
	otherEnc, _ := other.Encrypt([]byte("<xml/>"))

	// Frame with a length field larger than the data.
	long := make([]byte, 32)
	long[19] = 200
	for i := 20; i < 32; i++ {
		long[i] = 'a'
	}
	long = append(long, bytes.Repeat([]byte{32}, 32)...)
	// Frame with a wrong padding byte in the middle of the padding.
	badPad := make([]byte, 64)
	for i := 32; i < 64; i++ {
		badPad[i] = 32
	}
	badPad[40] = 7
	// Padding value 0 and 33.
	zeroPad := make([]byte, 32)
	bigPad := bytes.Repeat([]byte{33}, 64)
	// Too short for the header after unpadding.
	short := make([]byte, 32)
	for i := 16; i < 32; i++ {
		short[i] = 16
	}

	for name, tc := range map[string]struct {
		in   string
		want error
	}{
		"empty":       {"", ErrBlockSize},
		"not base64":  {"!!!!" + good[4:], ErrBase64},
		"odd blocks":  {base64.StdEncoding.EncodeToString(make([]byte, 17)), ErrBlockSize},
		"tampered":    {good[:len(good)-5] + flip(good[len(good)-5]) + good[len(good)-4:], nil},
		"other id":    {otherEnc, ErrReceiverID},
		"length":      {encryptRaw(c, long), ErrLength},
		"bad padding": {encryptRaw(c, badPad), ErrPadding},
		"zero pad":    {encryptRaw(c, zeroPad), ErrPadding},
		"big pad":     {encryptRaw(c, bigPad), ErrPadding},
		"short frame": {encryptRaw(c, short), ErrLength},
	} {
		_, err := c.Decrypt(tc.in)
		if err == nil {
			t.Errorf("%s: Decrypt succeeded", name)
			continue
		}
		if tc.want != nil && !errors.Is(err, tc.want) {
			t.Errorf("%s: err = %v, want %v", name, err, tc.want)
		}
	}
}

func flip(b byte) string {
	if b == 'A' {
		return "B"
	}
	return "A"
}

func TestSignatureLongInputs(t *testing.T) {
	// Inputs larger than the stack buffer take the heap path and must agree.
	enc := strings.Repeat("Z", 3000)
	s := MsgSignature(vecToken, vecTS, vecNonce, enc)
	if !VerifyMsgSignature(vecToken, vecTS, vecNonce, []byte(enc), s) {
		t.Fatal("long MsgSignature does not verify")
	}
	if VerifyMsgSignature(vecToken, vecTS, vecNonce, []byte(enc+"Z"), s) {
		t.Fatal("changed payload verifies")
	}
}

func TestAllocs(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector changes allocation counts")
	}
	c := mustNew(t)
	msg := []byte(strings.Repeat("m", 300))
	buf := make([]byte, 0, 4096)
	enc, _ := c.AppendEncrypt(nil, msg)
	n := testing.AllocsPerRun(100, func() {
		out, err := c.AppendEncrypt(buf[:0], msg)
		if err != nil {
			t.Fatal(err)
		}
		_ = AppendMsgSignature(out[len(out):], vecToken, vecTS, vecNonce, out)
		if _, err := c.AppendDecrypt(buf[:0], enc); err != nil {
			t.Fatal(err)
		}
		_ = VerifyMsgSignature(vecToken, vecTS, vecNonce, enc, vecMsgSig)
	})
	if n != 0 {
		t.Fatalf("hot path allocates %v times", n)
	}
}

func FuzzDecrypt(f *testing.F) {
	c := mustNew(f)
	f.Add(vecEncrypt)
	good, _ := c.Encrypt([]byte("<xml><a>b</a></xml>"))
	f.Add(good)
	f.Add("")
	f.Add("AAAA")
	f.Add(base64.StdEncoding.EncodeToString(make([]byte, 32)))
	f.Fuzz(func(t *testing.T, s string) {
		msg, err := c.Decrypt(s)
		if err != nil {
			if len(msg) != 0 {
				t.Fatalf("error with output %q", msg)
			}
			return
		}
		// Whatever decrypts must re-encrypt and decrypt to itself.
		enc, err := c.Encrypt(msg)
		if err != nil {
			t.Fatal(err)
		}
		back, err := c.Decrypt(enc)
		if err != nil || !bytes.Equal(back, msg) {
			t.Fatalf("round trip: %q, %v", back, err)
		}
	})
}
