package callback

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/weixin-go/wechat"
)

func TestNewServerForTakesTheClientConfig(t *testing.T) {
	client, err := wechat.NewClient(wechat.Config{AppID: tAppID, AppSecret: "s", Token: tToken, EncodingAESKey: tKey}, wechat.WithMemoryStore())
	if err != nil {
		t.Fatal(err)
	}
	var got string
	srv, err := NewServerFor(client, Config{Now: tClock, Handler: HandlerFunc(func(_ context.Context, m *Message) (Reply, error) {
		got = m.Content
		return nil, nil
	})})
	if err != nil {
		t.Fatal(err)
	}
	// A safe-mode push encrypted with the client's token and key.
	msg := `<xml><ToUserName><![CDATA[gh_97417a04a28d]]></ToUserName><FromUserName><![CDATA[o9AgO5Kd5ggOC-bXrbNODIiE3bGY]]></FromUserName><CreateTime>1714112445</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[hello]]></Content><MsgId>1234567890123456</MsgId></xml>`
	w := do(srv, push{plain: msg, encrypt: true}.request(t))
	if w.Code != http.StatusOK || got != "hello" {
		t.Fatalf("status %d, handler saw %q", w.Code, got)
	}
	// Another token: rejected.
	if w := do(srv, push{plain: msg, encrypt: true, token: "BBBBB"}.request(t)); w.Code == http.StatusOK {
		t.Fatalf("push signed with another token: status %d", w.Code)
	}
}

func TestNewServerForWithoutToken(t *testing.T) {
	client, err := wechat.NewClient(wechat.Config{AppID: tAppID, AppSecret: "s"}, wechat.WithMemoryStore())
	if err != nil {
		t.Fatal(err)
	}
	_, err = NewServerFor(client, Config{Handler: HandlerFunc(echoText)})
	if !errors.Is(err, ErrConfig) || !strings.Contains(err.Error(), "Token") {
		t.Fatalf("err = %v", err)
	}
	if _, err := NewServerFor(nil, Config{}); !errors.Is(err, ErrConfig) {
		t.Fatalf("nil client: %v", err)
	}
}
