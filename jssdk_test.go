package wechat

import (
	"context"
	"errors"
	"testing"
)

// The example of the official JS-SDK documentation (appendix 1).
func TestSignJSSDKOfficialExample(t *testing.T) {
	got := SignJSSDK("sM4AOVdWfPE4DxkXGEs8VMCPGGVi4C3VM0P37wVUCFvkVAy_90u5h9nbSlYy3-Sl-HhTdfl2fzFy1AOcHKP7qg",
		"Wm3WZYTPz0wzccnW", 1414587457, "http://mp.weixin.qq.com?params=value#fragment")
	if want := "0f9de62fce790f9a083d5c99e95740ceb90c27ed"; got != want {
		t.Fatalf("signature %s, want %s", got, want)
	}
}

func TestSignJSSDKPage(t *testing.T) {
	calls := 0
	ticket := func(context.Context) (string, error) { calls++; return "T", nil }
	sig, err := SignJSSDKPage(context.Background(), "https://example.com/p?a=1#x", ticket)
	if err != nil || len(sig.Nonce) != 16 || sig.Timestamp == 0 || sig.Signature != SignJSSDK("T", sig.Nonce, sig.Timestamp, "https://example.com/p?a=1") {
		t.Fatalf("SignJSSDKPage = %+v, %v", sig, err)
	}
	for _, bad := range []string{"/relative", "ftp://x/y", "https://", "%zz"} {
		var ae *ArgumentError
		if _, err := SignJSSDKPage(context.Background(), bad, ticket); !errors.As(err, &ae) || ae.Arg != "url" {
			t.Errorf("%q: %v", bad, err)
		}
	}
	if calls != 1 {
		t.Errorf("ticket asked %d times, want 1 (never for a bad URL)", calls)
	}
	boom := errors.New("boom")
	if _, err := SignJSSDKPage(context.Background(), "https://e.com/", func(context.Context) (string, error) { return "", boom }); !errors.Is(err, boom) {
		t.Errorf("ticket error = %v", err)
	}
}
