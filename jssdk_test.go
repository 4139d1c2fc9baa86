package wechat

import "testing"

// The example of the official JS-SDK documentation (appendix 1).
func TestSignJSSDKOfficialExample(t *testing.T) {
	got := SignJSSDK("sM4AOVdWfPE4DxkXGEs8VMCPGGVi4C3VM0P37wVUCFvkVAy_90u5h9nbSlYy3-Sl-HhTdfl2fzFy1AOcHKP7qg",
		"Wm3WZYTPz0wzccnW", "1414587457", "http://mp.weixin.qq.com?params=value#fragment")
	if want := "0f9de62fce790f9a083d5c99e95740ceb90c27ed"; got != want {
		t.Fatalf("signature %s, want %s", got, want)
	}
}
