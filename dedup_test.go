package wechat_test

import (
	"context"
	"testing"
	"time"

	"github.com/weixin-go/wechat"
)

func TestClaimDelivery(t *testing.T) {
	ctx := context.Background()
	store := wechat.NewMemoryStore()
	const ttl = 60 * time.Millisecond
	l, v, err := wechat.ClaimDelivery(ctx, store, "k", ttl)
	if err != nil || l == nil || v != nil {
		t.Fatalf("first claim: %v %q %v", l, v, err)
	}
	// Renewed while held: still busy after several lifetimes.
	time.Sleep(4 * ttl)
	l2, v, err := wechat.ClaimDelivery(ctx, store, "k", ttl)
	if err != nil || l2 != nil || !wechat.IsLease(v) {
		t.Fatalf("claim while held: %v %q %v", l2, v, err)
	}
	// Released: claimable again.
	if err := l.Release(ctx); err != nil {
		t.Fatal(err)
	}
	l, _, _ = wechat.ClaimDelivery(ctx, store, "k", ttl)
	if l == nil {
		t.Fatal("not claimable after release")
	}
	// Done: the payload is what the next delivery finds, for the done TTL.
	if err := l.Done(ctx, []byte("done"), time.Hour); err != nil {
		t.Fatal(err)
	}
	time.Sleep(2 * ttl)
	if l2, v, _ := wechat.ClaimDelivery(ctx, store, "k", ttl); l2 != nil || string(v) != "done" || wechat.IsLease(v) {
		t.Fatalf("after done: %v %q", l2, v)
	}
	// A lease taken over by another owner is given up, not overwritten.
	l, _, _ = wechat.ClaimDelivery(ctx, store, "k2", ttl)
	_ = store.Set(ctx, "k2", []byte("other"), time.Hour)
	time.Sleep(2 * ttl)
	if got, _ := store.Get(ctx, "k2"); string(got) != "other" {
		t.Fatalf("renewal overwrote another owner's value: %q", got)
	}
	if err := l.Release(ctx); err != nil {
		t.Fatal(err)
	}
	if got, _ := store.Get(ctx, "k2"); string(got) != "other" {
		t.Fatalf("release removed another owner's value: %q", got)
	}
}
