package wechat_test

import (
	"context"
	"testing"
	"time"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
)

// Item 12a: another system fetching the classic token invalidates ours;
// the checker notices and refreshes it before a user call fails.
func TestTokenCheckerReplacesTokenInvalidatedElsewhere(t *testing.T) {
	srv := newFake(t, fakewechat.WithGracePeriod(time.Minute))
	c := newClient(t, srv, wechat.WithTokenEndpoint(wechat.ClassicToken))
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	old, err := c.AccessToken(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := c.CheckToken(ctx); err != nil {
		t.Fatalf("check of a good token: %v", err)
	}
	if n := srv.Count("GET /cgi-bin/token"); n != 1 {
		t.Fatalf("a good token was refreshed: %d token requests", n)
	}
	// Another system fetches the classic token; ours dies after the grace period.
	if _, err := srv.IssueToken(fakewechat.DefaultAppID); err != nil {
		t.Fatal(err)
	}
	srv.Advance(time.Minute + time.Second)
	c.StartTokenChecker(ctx, 20*time.Millisecond)
	deadline := time.Now().Add(5 * time.Second)
	for {
		tok, err := c.AccessToken(ctx)
		if err == nil && tok != old {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the checker did not replace the invalidated token")
		}
		time.Sleep(10 * time.Millisecond)
	}
	cancel()
	// The user call goes through at the first attempt.
	if err := c.Call(context.Background(), "POST", "/test/echo", nil, map[string]int{}, nil); err != nil {
		t.Fatal(err)
	}
	if n := srv.Count(echoPath); n != 1 {
		t.Fatalf("echo requests = %d, want 1 (no rejection seen by the user call)", n)
	}
	if n := srv.Count("GET /cgi-bin/token"); n != 2 {
		t.Fatalf("token requests = %d, want 2 (the first and the refresh)", n)
	}
}
