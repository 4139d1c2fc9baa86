// Package storetest is a conformance suite for implementations of
// wechat.Store. Every store of this module runs it; third-party stores
// should too:
//
//	func TestMyStore(t *testing.T) {
//		storetest.Run(t, func(t *testing.T) wechat.Store { return newMyStore(t) })
//	}
package storetest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/weixin-go/wechat"
)

// TTL is the expiry used by the timing tests of Run. It is long enough for a
// Redis store (millisecond resolution, network round trips under -race) and
// short enough to keep the suite within a few seconds: the timing tests
// share a single wait of TTL plus a margin.
const TTL = 1200 * time.Millisecond

// expiryMargin is how long past TTL the timing tests wait.
const expiryMargin = 300 * time.Millisecond

// Run runs the conformance suite against stores made by newStore. newStore
// is called once or more per subtest with that subtest's t; it must return
// an empty store, independent of the others, and register any cleanup with
// t.Cleanup. The suite takes about two seconds, most of it one wait for
// keys to expire.
func Run(t *testing.T, newStore func(t *testing.T) wechat.Store) {
	t.Helper()
	t.Run("GetMissing", func(t *testing.T) { testGetMissing(t, newStore(t)) })
	t.Run("RoundTrip", func(t *testing.T) { testRoundTrip(t, newStore(t)) })
	t.Run("Overwrite", func(t *testing.T) { testOverwrite(t, newStore(t)) })
	t.Run("CopiesValues", func(t *testing.T) { testCopies(t, newStore(t)) })
	t.Run("SetNX", func(t *testing.T) { testSetNX(t, newStore(t)) })
	t.Run("SetNXConcurrent", func(t *testing.T) { testSetNXConcurrent(t, newStore(t)) })
	t.Run("Delete", func(t *testing.T) { testDelete(t, newStore(t)) })
	t.Run("CompareAndDelete", func(t *testing.T) { testCompareAndDelete(t, newStore(t)) })
	t.Run("CompareAndSwap", func(t *testing.T) { testCompareAndSwap(t, newStore(t)) })
	t.Run("CompareAndSwapConcurrent", func(t *testing.T) { testCompareAndSwapConcurrent(t, newStore(t)) })
	t.Run("Concurrent", func(t *testing.T) { testConcurrent(t, newStore(t)) })
	t.Run("CanceledContext", func(t *testing.T) { testCanceled(t, newStore(t)) })
	// The timing tests share one wait of about TTL: each sets up its keys
	// on its own store, then all of them check after the wait.
	t.Run("Timing", func(t *testing.T) {
		type check struct {
			name string
			fn   func(*testing.T)
		}
		var checks []check
		for _, tc := range []struct {
			name  string
			setup func(*testing.T, wechat.Store) func(*testing.T)
		}{
			{"Expiry", testExpiry},
			{"ZeroTTLNeverExpires", testNoExpiry},
			{"SetNXAfterExpiry", testSetNXAfterExpiry},
			{"CompareAndDeleteExpired", testCompareAndDeleteExpired},
			{"CompareAndSwapTTL", testCompareAndSwapTTL},
		} {
			checks = append(checks, check{tc.name, tc.setup(t, newStore(t))})
		}
		time.Sleep(TTL + expiryMargin)
		for _, c := range checks {
			t.Run(c.name, c.fn)
		}
	})
}

func mustSet(t *testing.T, s wechat.Store, key string, v []byte, ttl time.Duration) {
	t.Helper()
	if err := s.Set(context.Background(), key, v, ttl); err != nil {
		t.Fatalf("Set(%q): %v", key, err)
	}
}

// wantValue fails unless key holds want.
func wantValue(t *testing.T, s wechat.Store, key string, want []byte) {
	t.Helper()
	got, err := s.Get(context.Background(), key)
	if err != nil {
		t.Fatalf("Get(%q): %v, want value %q", key, err, want)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("Get(%q) = %q, want %q", key, got, want)
	}
}

// wantMissing fails unless Get of key reports wechat.ErrNotFound.
func wantMissing(t *testing.T, s wechat.Store, key string) {
	t.Helper()
	got, err := s.Get(context.Background(), key)
	if !errors.Is(err, wechat.ErrNotFound) {
		t.Fatalf("Get(%q) = %q, %v; want wechat.ErrNotFound", key, got, err)
	}
	if got != nil {
		t.Fatalf("Get(%q) returned value %q along with ErrNotFound", key, got)
	}
}

func testGetMissing(t *testing.T, s wechat.Store) {
	wantMissing(t, s, wechat.StoreKey("wx-missing", wechat.KeyAccessToken))
	wantMissing(t, s, "")
}

func testRoundTrip(t *testing.T, s wechat.Store) {
	binary := make([]byte, 256)
	for i := range binary {
		binary[i] = byte(i)
	}
	tok, err := wechat.Token{Value: "ACCESS_TOKEN", ExpiresAt: time.Unix(1893456000, 0)}.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	cases := map[string][]byte{
		wechat.StoreKey("wx0123456789abcdef", wechat.KeyAccessToken): tok,
		"wechat:corp/1000002:jsapi_ticket":                           []byte("ticket"),
		"binary":                                                     binary,
		"empty-value":                                                {},
		"unicode 键 with spaces":                                      []byte("值"),
		"large":                                                      bytes.Repeat([]byte("0123456789abcdef"), 4096),
	}
	for k, v := range cases {
		mustSet(t, s, k, v, 0)
	}
	for k, v := range cases {
		wantValue(t, s, k, v)
	}
}

func testOverwrite(t *testing.T, s wechat.Store) {
	const k = "wechat:wx1:access_token"
	mustSet(t, s, k, []byte("first"), 0)
	mustSet(t, s, k, []byte("second, longer value"), 0)
	wantValue(t, s, k, []byte("second, longer value"))
	mustSet(t, s, k, []byte("3"), time.Hour)
	wantValue(t, s, k, []byte("3"))
}

func testCopies(t *testing.T, s wechat.Store) {
	const k = "copy"
	v := []byte("original")
	mustSet(t, s, k, v, 0)
	copy(v, "MUTATED!")
	wantValue(t, s, k, []byte("original"))

	got, err := s.Get(context.Background(), k)
	if err != nil {
		t.Fatal(err)
	}
	copy(got, "MUTATED!")
	wantValue(t, s, k, []byte("original"))

	v2 := []byte("setnx-original")
	if ok, err := s.SetNX(context.Background(), "copy-nx", v2, 0); err != nil || !ok {
		t.Fatalf("SetNX = %v, %v; want true, nil", ok, err)
	}
	copy(v2, "MUTATED!")
	wantValue(t, s, "copy-nx", []byte("setnx-original"))
}

func testSetNX(t *testing.T, s wechat.Store) {
	ctx := context.Background()
	const k = "wechat:wx1:lock"
	ok, err := s.SetNX(ctx, k, []byte("owner-1"), time.Hour)
	if err != nil || !ok {
		t.Fatalf("first SetNX = %v, %v; want true, nil", ok, err)
	}
	ok, err = s.SetNX(ctx, k, []byte("owner-2"), time.Hour)
	if err != nil || ok {
		t.Fatalf("second SetNX = %v, %v; want false, nil", ok, err)
	}
	wantValue(t, s, k, []byte("owner-1"))
	if err := s.Delete(ctx, k); err != nil {
		t.Fatal(err)
	}
	ok, err = s.SetNX(ctx, k, []byte("owner-3"), 0)
	if err != nil || !ok {
		t.Fatalf("SetNX after Delete = %v, %v; want true, nil", ok, err)
	}
	wantValue(t, s, k, []byte("owner-3"))
}

func testSetNXConcurrent(t *testing.T, s wechat.Store) {
	const n = 50
	const k = "wechat:wx1:refresh_lock"
	var (
		wg     sync.WaitGroup
		wins   atomic.Int32
		winner atomic.Value
		start  = make(chan struct{})
	)
	errs := make(chan error, n)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			v := fmt.Appendf(nil, "owner-%d", i)
			ok, err := s.SetNX(context.Background(), k, v, time.Minute)
			if err != nil {
				errs <- err
				return
			}
			if ok {
				wins.Add(1)
				winner.Store(v)
			}
		}()
	}
	close(start)
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Errorf("SetNX: %v", err)
	}
	if got := wins.Load(); got != 1 {
		t.Fatalf("%d of %d concurrent SetNX calls won, want exactly 1", got, n)
	}
	wantValue(t, s, k, winner.Load().([]byte))
}

func testDelete(t *testing.T, s wechat.Store) {
	ctx := context.Background()
	mustSet(t, s, "a", []byte("1"), 0)
	mustSet(t, s, "b", []byte("2"), time.Hour)
	if err := s.Delete(ctx, "a"); err != nil {
		t.Fatalf("Delete: %v", err)
	}
	wantMissing(t, s, "a")
	wantValue(t, s, "b", []byte("2"))
	if err := s.Delete(ctx, "a"); err != nil {
		t.Fatalf("Delete of a deleted key: %v", err)
	}
	if err := s.Delete(ctx, "never-set"); err != nil {
		t.Fatalf("Delete of an absent key: %v", err)
	}
}

func testCompareAndDelete(t *testing.T, s wechat.Store) {
	ctx := context.Background()
	const k = "wechat:wx1:lock"
	mustSet(t, s, k, []byte("token-abc"), time.Hour)
	for _, wrong := range []string{"token-ab", "token-abcd", "other", ""} {
		ok, err := s.CompareAndDelete(ctx, k, []byte(wrong))
		if err != nil || ok {
			t.Fatalf("CompareAndDelete(%q) = %v, %v; want false, nil", wrong, ok, err)
		}
		wantValue(t, s, k, []byte("token-abc"))
	}
	ok, err := s.CompareAndDelete(ctx, k, []byte("token-abc"))
	if err != nil || !ok {
		t.Fatalf("CompareAndDelete(matching) = %v, %v; want true, nil", ok, err)
	}
	wantMissing(t, s, k)
	ok, err = s.CompareAndDelete(ctx, k, []byte("token-abc"))
	if err != nil || ok {
		t.Fatalf("CompareAndDelete(absent) = %v, %v; want false, nil", ok, err)
	}
	// An empty value matches an empty value.
	mustSet(t, s, "empty", []byte{}, 0)
	ok, err = s.CompareAndDelete(ctx, "empty", nil)
	if err != nil || !ok {
		t.Fatalf("CompareAndDelete(empty) = %v, %v; want true, nil", ok, err)
	}
	wantMissing(t, s, "empty")
}

// testConcurrent hammers a few keys from several goroutines (run it under
// -race) and checks that every value read back is one that was written,
// whole.
func testConcurrent(t *testing.T, s wechat.Store) {
	const (
		workers = 8
		ops     = 24
		keys    = 3
	)
	ctx := context.Background()
	var wg sync.WaitGroup
	errs := make(chan error, workers*ops)
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range ops {
				k := fmt.Sprintf("k%d", (w+i)%keys)
				v := Payload(w, i, 64+i)
				var err error
				switch i % 5 {
				case 0, 1:
					err = s.Set(ctx, k, v, time.Hour)
				case 2:
					_, err = s.SetNX(ctx, k, v, 0)
				case 3:
					var got []byte
					got, err = s.Get(ctx, k)
					if errors.Is(err, wechat.ErrNotFound) {
						err = nil
					} else if err == nil && !ValidPayload(got) {
						err = fmt.Errorf("Get(%q) returned a value that was never written (%d bytes)", k, len(got))
					}
				case 4:
					if i%2 == 0 {
						err = s.Delete(ctx, k)
					} else {
						_, err = s.CompareAndDelete(ctx, k, v)
					}
				}
				if err != nil {
					errs <- err
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

// testCanceled checks the behaviour with an already canceled context: a
// store that does no I/O may ignore the context, but a store that returns an
// error must return one matching context.Canceled, and a mutation that
// failed must have had no effect. Stores doing I/O should also call
// RequireContext, which demands the error.
func testCanceled(t *testing.T, s wechat.Store) {
	mustSet(t, s, "present", []byte("v"), 0)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	check := func(op string, err error) bool {
		t.Helper()
		if err != nil && !errors.Is(err, context.Canceled) {
			t.Errorf("%s with a canceled context: error %v does not match context.Canceled", op, err)
		}
		return err != nil
	}
	if _, err := s.Get(ctx, "present"); check("Get", err) {
		t.Logf("store honours cancellation")
	}
	if check("Set", s.Set(ctx, "set-canceled", []byte("x"), 0)) {
		wantMissing(t, s, "set-canceled")
	}
	if _, err := s.SetNX(ctx, "setnx-canceled", []byte("x"), 0); check("SetNX", err) {
		wantMissing(t, s, "setnx-canceled")
	}
	if check("Delete", s.Delete(ctx, "present")) {
		wantValue(t, s, "present", []byte("v"))
	}
	mustSet(t, s, "present", []byte("v"), 0)
	if _, err := s.CompareAndDelete(ctx, "present", []byte("v")); check("CompareAndDelete", err) {
		wantValue(t, s, "present", []byte("v"))
	}
}

// RequireContext checks that every method of s fails with an error matching
// context.Canceled when given a canceled context, and that the failed
// mutations had no effect. Stores that do I/O (files, network) should pass
// it; Run only checks the weaker property that suits in-memory stores too.
func RequireContext(t *testing.T, s wechat.Store) {
	t.Helper()
	mustSet(t, s, "present", []byte("v"), 0)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	want := func(op string, err error) {
		t.Helper()
		if !errors.Is(err, context.Canceled) {
			t.Errorf("%s with a canceled context = %v, want an error matching context.Canceled", op, err)
		}
	}
	_, err := s.Get(ctx, "present")
	want("Get", err)
	want("Set", s.Set(ctx, "set-canceled", []byte("x"), 0))
	_, err = s.SetNX(ctx, "setnx-canceled", []byte("x"), 0)
	want("SetNX", err)
	want("Delete", s.Delete(ctx, "present"))
	_, err = s.CompareAndDelete(ctx, "present", []byte("v"))
	want("CompareAndDelete", err)
	wantMissing(t, s, "set-canceled")
	wantMissing(t, s, "setnx-canceled")
	wantValue(t, s, "present", []byte("v"))
}

func testExpiry(t *testing.T, s wechat.Store) func(*testing.T) {
	mustSet(t, s, "short", []byte("v"), TTL)
	mustSet(t, s, "long", []byte("v"), time.Hour)
	// Overwriting with a TTL gives the key that TTL.
	mustSet(t, s, "was-permanent", []byte("v0"), 0)
	mustSet(t, s, "was-permanent", []byte("v1"), TTL)
	wantValue(t, s, "short", []byte("v"))
	wantValue(t, s, "was-permanent", []byte("v1"))
	return func(t *testing.T) {
		wantMissing(t, s, "short")
		wantMissing(t, s, "was-permanent")
		wantValue(t, s, "long", []byte("v"))
	}
}

func testNoExpiry(t *testing.T, s wechat.Store) func(*testing.T) {
	mustSet(t, s, "permanent", []byte("v"), 0)
	// Overwriting with ttl 0 removes an earlier expiry.
	mustSet(t, s, "was-expiring", []byte("v0"), TTL)
	mustSet(t, s, "was-expiring", []byte("v1"), 0)
	if ok, err := s.SetNX(context.Background(), "nx-permanent", []byte("v"), 0); err != nil || !ok {
		t.Fatalf("SetNX = %v, %v; want true, nil", ok, err)
	}
	return func(t *testing.T) {
		wantValue(t, s, "permanent", []byte("v"))
		wantValue(t, s, "was-expiring", []byte("v1"))
		wantValue(t, s, "nx-permanent", []byte("v"))
	}
}

func testSetNXAfterExpiry(t *testing.T, s wechat.Store) func(*testing.T) {
	ctx := context.Background()
	const k = "wechat:wx1:lock"
	if ok, err := s.SetNX(ctx, k, []byte("first"), TTL); err != nil || !ok {
		t.Fatalf("SetNX = %v, %v; want true, nil", ok, err)
	}
	if ok, err := s.SetNX(ctx, k, []byte("second"), TTL); err != nil || ok {
		t.Fatalf("SetNX while held = %v, %v; want false, nil", ok, err)
	}
	return func(t *testing.T) {
		if ok, err := s.SetNX(ctx, k, []byte("third"), time.Hour); err != nil || !ok {
			t.Fatalf("SetNX after expiry = %v, %v; want true, nil", ok, err)
		}
		wantValue(t, s, k, []byte("third"))
	}
}

func testCompareAndDeleteExpired(t *testing.T, s wechat.Store) func(*testing.T) {
	mustSet(t, s, "lock", []byte("mine"), TTL)
	wantValue(t, s, "lock", []byte("mine"))
	return func(t *testing.T) {
		ok, err := s.CompareAndDelete(context.Background(), "lock", []byte("mine"))
		if err != nil || ok {
			t.Fatalf("CompareAndDelete of an expired key = %v, %v; want false, nil", ok, err)
		}
		wantMissing(t, s, "lock")
	}
}

// cas returns s as a CompareAndSwapper, or skips the test: the interface is
// optional.
func cas(t *testing.T, s wechat.Store) wechat.CompareAndSwapper {
	t.Helper()
	c, ok := s.(wechat.CompareAndSwapper)
	if !ok {
		t.Skipf("%T does not implement wechat.CompareAndSwapper", s)
	}
	return c
}

func testCompareAndSwap(t *testing.T, s wechat.Store) {
	c, ctx := cas(t, s), context.Background()
	const k = "wechat:wx1:lease"
	if ok, err := c.CompareAndSwap(ctx, k, []byte("a"), []byte("b"), time.Hour); err != nil || ok {
		t.Fatalf("CompareAndSwap(absent) = %v, %v; want false, nil", ok, err)
	}
	wantMissing(t, s, k)
	mustSet(t, s, k, []byte("lease-1"), time.Hour)
	for _, wrong := range []string{"lease-", "lease-11", "other", ""} {
		if ok, err := c.CompareAndSwap(ctx, k, []byte(wrong), []byte("x"), time.Hour); err != nil || ok {
			t.Fatalf("CompareAndSwap(%q) = %v, %v; want false, nil", wrong, ok, err)
		}
		wantValue(t, s, k, []byte("lease-1"))
	}
	if ok, err := c.CompareAndSwap(ctx, k, []byte("lease-1"), []byte("lease-2"), 0); err != nil || !ok {
		t.Fatalf("CompareAndSwap(matching) = %v, %v; want true, nil", ok, err)
	}
	wantValue(t, s, k, []byte("lease-2"))
	// The same value again: a renewal.
	if ok, err := c.CompareAndSwap(ctx, k, []byte("lease-2"), []byte("lease-2"), time.Hour); err != nil || !ok {
		t.Fatalf("CompareAndSwap(renew) = %v, %v; want true, nil", ok, err)
	}
	wantValue(t, s, k, []byte("lease-2"))
}

func testCompareAndSwapConcurrent(t *testing.T, s wechat.Store) {
	c := cas(t, s)
	const n = 20
	const k = "wechat:wx1:lease"
	mustSet(t, s, k, []byte("start"), time.Minute)
	var (
		wg   sync.WaitGroup
		wins atomic.Int32
	)
	start := make(chan struct{})
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			ok, err := c.CompareAndSwap(context.Background(), k, []byte("start"), fmt.Appendf(nil, "owner-%d", i), time.Minute)
			if err != nil {
				t.Errorf("CompareAndSwap: %v", err)
			}
			if ok {
				wins.Add(1)
			}
		}()
	}
	close(start)
	wg.Wait()
	if got := wins.Load(); got != 1 {
		t.Fatalf("%d of %d concurrent CompareAndSwap calls from the same value won, want exactly 1", got, n)
	}
}

// testCompareAndSwapTTL: a swap sets the new TTL (an expired key is never
// swapped, a swap with TTL expires, a swap with 0 does not).
func testCompareAndSwapTTL(t *testing.T, s wechat.Store) func(*testing.T) {
	c, ctx := cas(t, s), context.Background()
	mustSet(t, s, "expiring", []byte("mine"), TTL)
	mustSet(t, s, "swapped-short", []byte("v"), time.Hour)
	mustSet(t, s, "swapped-forever", []byte("v"), TTL)
	if ok, err := c.CompareAndSwap(ctx, "swapped-short", []byte("v"), []byte("w"), TTL); err != nil || !ok {
		t.Fatalf("CompareAndSwap = %v, %v", ok, err)
	}
	if ok, err := c.CompareAndSwap(ctx, "swapped-forever", []byte("v"), []byte("w"), 0); err != nil || !ok {
		t.Fatalf("CompareAndSwap = %v, %v", ok, err)
	}
	return func(t *testing.T) {
		if ok, err := c.CompareAndSwap(ctx, "expiring", []byte("mine"), []byte("again"), time.Hour); err != nil || ok {
			t.Fatalf("CompareAndSwap of an expired key = %v, %v; want false, nil", ok, err)
		}
		wantMissing(t, s, "expiring")
		wantMissing(t, s, "swapped-short")
		wantValue(t, s, "swapped-forever", []byte("w"))
	}
}

// Payload returns a self-checking value of n bytes (at least 23) written by
// writer w at step i: a header holding w, i and the length, followed by a
// filler derived from them, so that ValidPayload detects a torn, truncated
// or mixed value. Multi-process tests use it.
func Payload(w, i, n int) []byte {
	head := fmt.Sprintf("%04d:%06d:%010d:", w%10000, i%1000000, max(n, payloadHead+1))
	b := make([]byte, max(n, payloadHead+1))
	copy(b, head)
	for j := len(head); j < len(b); j++ {
		b[j] = 'a' + byte((w*31+i*7+j)%26)
	}
	return b
}

const payloadHead = len("0000:000000:0000000000:")

// ValidPayload reports whether b is a value made by Payload.
func ValidPayload(b []byte) bool {
	var w, i, n int
	if len(b) <= payloadHead {
		return false
	}
	if _, err := fmt.Sscanf(string(b[:payloadHead]), "%04d:%06d:%010d:", &w, &i, &n); err != nil || n != len(b) {
		return false
	}
	return bytes.Equal(b, Payload(w, i, n))
}

// RunBenchmarks measures s: Get of a present key (serial and parallel),
// Get of a missing key, and Set.
func RunBenchmarks(b *testing.B, s wechat.Store) {
	ctx := context.Background()
	key := wechat.StoreKey("wxbench0000000000", wechat.KeyAccessToken)
	val := []byte(`{"value":"` + strings.Repeat("x", 136) + `","expires_at":1893456000}`)
	if err := s.Set(ctx, key, val, time.Hour); err != nil {
		b.Fatal(err)
	}
	b.Run("Get", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := s.Get(ctx, key); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("GetParallel", func(b *testing.B) {
		b.ReportAllocs()
		b.RunParallel(func(pb *testing.PB) {
			for pb.Next() {
				if _, err := s.Get(ctx, key); err != nil {
					b.Error(err)
					return
				}
			}
		})
	})
	b.Run("GetMissing", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := s.Get(ctx, "absent"); !errors.Is(err, wechat.ErrNotFound) {
				b.Fatal(err)
			}
		}
	})
	b.Run("Set", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if err := s.Set(ctx, key, val, time.Hour); err != nil {
				b.Fatal(err)
			}
		}
	})
}
