package wechat

import (
	"context"
	"runtime"
	"strconv"
	"testing"
	"time"
)

func heapInUse() uint64 {
	runtime.GC()
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc
}

// TestMemoryStoreReclaimsExpired writes 300,000 de-duplication marks that
// all expire, as a long-running callback server does over a day, and
// checks that the store keeps neither the entries nor their memory.
func TestMemoryStoreReclaimsExpired(t *testing.T) {
	ctx := context.Background()
	now := time.Unix(1714112445, 0)
	s := &MemoryStore{clock: func() time.Time { return now }}
	before := heapInUse()
	const n = 300_000
	val := []byte("S")
	for i := range n {
		if i%1000 == 0 {
			now = now.Add(time.Second) // each mark lives 2 s
		}
		if _, err := s.SetNX(ctx, "wechat:wxapp:callback_seen:id:"+strconv.Itoa(23637352235060880+i), val, 2*time.Second); err != nil {
			t.Fatal(err)
		}
	}
	// At most the marks of the last 2-3 seconds are live; the sweep keeps
	// the map within about twice that.
	if got := len(s.m); got > 2*3000+minSweep {
		t.Fatalf("%d entries held after %d writes with about 3000 live", got, n)
	}
	now = now.Add(time.Minute)
	_ = s.Set(ctx, "last", val, time.Minute)
	for range minSweep {
		_ = s.Set(ctx, "again", val, time.Minute) // no growth: the same key
	}
	after := heapInUse()
	grown := int64(after) - int64(before)
	t.Logf("heap growth after %d expired entries: %.2f MiB (%d entries held)", n, float64(grown)/(1<<20), len(s.m))
	if grown > 4<<20 {
		t.Fatalf("heap grew by %d bytes after %d expired entries", grown, n)
	}
	runtime.KeepAlive(s)
}

// TestMemoryStoreKeepsLive: the sweep never drops a live entry.
func TestMemoryStoreKeepsLive(t *testing.T) {
	ctx := context.Background()
	now := time.Unix(1714112445, 0)
	s := &MemoryStore{clock: func() time.Time { return now }}
	for i := range 5000 {
		_ = s.Set(ctx, "live"+strconv.Itoa(i), []byte("v"), 0)
		_ = s.Set(ctx, "short"+strconv.Itoa(i), []byte("v"), time.Second)
	}
	now = now.Add(2 * time.Second)
	for i := range 20000 {
		_ = s.Set(ctx, "later"+strconv.Itoa(i), []byte("v"), time.Hour)
	}
	for i := range 5000 {
		if _, err := s.Get(ctx, "live"+strconv.Itoa(i)); err != nil {
			t.Fatalf("live%d: %v", i, err)
		}
	}
	if _, err := s.Get(ctx, "later19999"); err != nil {
		t.Fatal(err)
	}
	if len(s.m) > 25000 {
		t.Fatalf("%d entries held, the 5000 expired ones were not swept", len(s.m))
	}
}
