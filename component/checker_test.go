package component_test

import (
	"context"
	"testing"
)

// The token checker of the core client checks the component_access_token:
// a token invalidated elsewhere is refreshed before a user call fails.
func TestTokenCheckerRefreshesComponentToken(t *testing.T) {
	srv, c, _ := newReady(t)
	ctx := context.Background()
	tok, err := c.ComponentAccessToken(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Core().CheckToken(ctx); err != nil {
		t.Fatalf("check of a good token: %v", err)
	}
	srv.InvalidateToken(tok)
	if err := c.Core().CheckToken(ctx); err != nil {
		t.Fatalf("check of an invalidated token: %v", err)
	}
	now, err := c.ComponentAccessToken(ctx)
	if err != nil || now == tok {
		t.Fatalf("component token not replaced: %v", err)
	}
	if n := srv.Count(tokenPath); n != 2 {
		t.Fatalf("%d component token requests, want 2", n)
	}
}
