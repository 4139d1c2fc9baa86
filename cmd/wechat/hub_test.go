package main

import (
	"context"
	"strings"
	"testing"
	"time"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/hub"
)

func TestHubCommand(t *testing.T) {
	srv := fakewechat.NewTestServer(t)
	ctx, cancel := context.WithCancel(context.Background())
	var out, errb syncBuffer
	done := make(chan int)
	go func() {
		done <- serveHub(ctx, []string{"--addr", "127.0.0.1:0", "--hub-secret", "0123456789abcdef0123",
			"--appid", fakewechat.DefaultAppID, "--secret", fakewechat.DefaultSecret, "--base-url", srv.URL(), "--store", "memory"}, &out, &errb)
	}()
	deadline := time.Now().Add(10 * time.Second)
	for !strings.HasPrefix(out.String(), "http://") {
		if time.Now().After(deadline) {
			t.Fatalf("hub did not start: %s", errb.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
	base := strings.TrimSpace(out.String())
	tok, err := hub.NewSource(base, "0123456789abcdef0123", fakewechat.DefaultAppID, wechat.KeyAccessToken).Token(context.Background())
	if err != nil || tok == "" {
		t.Fatalf("token from hub: %q %v", tok, err)
	}
	cancel()
	if code := <-done; code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	if strings.Contains(errb.String(), fakewechat.DefaultSecret) || strings.Contains(errb.String(), tok) {
		t.Fatal("secret or token printed")
	}
}
