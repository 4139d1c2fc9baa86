package component

import (
	"strings"
	"testing"

	wechat "github.com/weixin-go/wechat"
)

func TestConfigCheckedAtConstruction(t *testing.T) {
	for _, cfg := range []Config{
		{AppID: "wxcomp", AppSecret: "s", EncodingAESKey: "short"},
		{AppID: "wxcomp", AppSecret: "s", Token: "no spaces allowed"},
	} {
		_, err := New(cfg, wechat.WithMemoryStore())
		if err == nil {
			t.Errorf("New(%+v) accepted", cfg)
			continue
		}
		if strings.Contains(err.Error(), "short") || strings.Contains(err.Error(), "no spaces") {
			t.Errorf("error echoes the value: %v", err)
		}
	}
	if _, err := New(Config{AppID: "wxcomp", AppSecret: "s", Token: "tok", EncodingAESKey: strings.Repeat("A", 43)}, wechat.WithMemoryStore()); err != nil {
		t.Fatal(err)
	}
}
