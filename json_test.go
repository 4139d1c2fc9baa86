package wechat_test

import (
	"encoding/json"
	"testing"

	wechat "github.com/weixin-go/wechat"
)

func TestMarshalJSONNoHTMLEscape(t *testing.T) {
	in := map[string]any{"t": "A&B <b>", "u": "https://x/?a=1&b=2"}
	b, err := wechat.MarshalJSON(in)
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"t":"A&B <b>","u":"https://x/?a=1&b=2"}`; string(b) != want {
		t.Fatalf("got %s, want %s", b, want)
	}
	s, err := wechat.MarshalJSONString([]string{"<&>"})
	if err != nil || s != `["<&>"]` {
		t.Fatalf("MarshalJSONString = %q, %v", s, err)
	}
	raw := json.RawMessage(`{"a":"\u0026"}`)
	if b, _ := wechat.MarshalJSON(raw); string(b) != string(raw) {
		t.Fatalf("RawMessage changed: %s", b)
	}
	if _, err := wechat.MarshalJSON(func() {}); err == nil {
		t.Fatal("no error for a func")
	}
}
