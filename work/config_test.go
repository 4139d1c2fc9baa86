package work

import (
	"strings"
	"testing"

	wechat "github.com/weixin-go/wechat"
)

func TestAgentConfigCheckedAtConstruction(t *testing.T) {
	_, err := New(Config{CorpID: "ww1", Agents: []Agent{{ID: 1000002, Name: "bot", Secret: "s", Token: "tok", EncodingAESKey: "short"}}}, wechat.WithMemoryStore())
	if err == nil || !strings.Contains(err.Error(), "bot") || !strings.Contains(err.Error(), "EncodingAESKey") || strings.Contains(err.Error(), "short") {
		t.Fatalf("err = %v", err)
	}
	// The base URL is checked by New, even before any agent is added.
	if _, err := New(Config{CorpID: "ww1"}, wechat.WithBaseURL("qyapi.weixin.qq.com")); err == nil || !strings.Contains(err.Error(), `"qyapi.weixin.qq.com"`) {
		t.Fatalf("bad base URL: %v", err)
	}
}
