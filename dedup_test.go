package wechat_test

import (
	"context"
	"sync/atomic"
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

// countingStore counts the writes a lease's renewals make.
type countingStore struct {
	*wechat.MemoryStore
	sets, swaps atomic.Int32
}

func (s *countingStore) Set(ctx context.Context, k string, v []byte, ttl time.Duration) error {
	s.sets.Add(1)
	return s.MemoryStore.Set(ctx, k, v, ttl)
}

func (s *countingStore) CompareAndSwap(ctx context.Context, k string, old, v []byte, ttl time.Duration) (bool, error) {
	s.swaps.Add(1)
	return s.MemoryStore.CompareAndSwap(ctx, k, old, v, ttl)
}

// plainStore hides the MemoryStore's CompareAndSwap: a Store with only the
// required methods.
type plainStore struct{ wechat.Store }

// With a CompareAndSwapper the lease renews by compare-and-swap only (it can
// never overwrite another owner's value between a read and a write); with a
// plain Store it still renews, by a read then a write.
func TestLeaseRenewsAtomically(t *testing.T) {
	ctx := context.Background()
	const ttl = 60 * time.Millisecond
	cs := &countingStore{MemoryStore: wechat.NewMemoryStore()}
	for _, store := range []wechat.Store{cs, plainStore{wechat.NewMemoryStore()}} {
		l, _, err := wechat.ClaimDelivery(ctx, store, "k", ttl)
		if err != nil || l == nil {
			t.Fatalf("%T: claim: %v", store, err)
		}
		time.Sleep(4 * ttl)
		if l2, v, _ := wechat.ClaimDelivery(ctx, store, "k", ttl); l2 != nil || !wechat.IsLease(v) {
			t.Fatalf("%T: the lease was not renewed", store)
		}
		if err := l.Release(ctx); err != nil {
			t.Fatal(err)
		}
	}
	if cs.swaps.Load() < 3 || cs.sets.Load() != 0 {
		t.Fatalf("renewals: %d compare-and-swaps, %d plain writes; want at least 3 and 0", cs.swaps.Load(), cs.sets.Load())
	}
}
