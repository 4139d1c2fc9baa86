package storetest_test

import (
	"testing"

	"github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/storetest"
)

func TestMemoryStore(t *testing.T) {
	t.Parallel()
	storetest.Run(t, func(*testing.T) wechat.Store { return wechat.NewMemoryStore() })
}

func TestZeroMemoryStore(t *testing.T) {
	t.Parallel()
	storetest.Run(t, func(*testing.T) wechat.Store { return new(wechat.MemoryStore) })
}

func TestPayload(t *testing.T) {
	for _, n := range []int{0, 23, 24, 64, 1000} {
		p := storetest.Payload(3, 42, n)
		if !storetest.ValidPayload(p) {
			t.Fatalf("Payload(3, 42, %d) is not valid", n)
		}
		q := append([]byte(nil), p...)
		q[len(q)-1] ^= 1
		if storetest.ValidPayload(q) {
			t.Fatalf("a corrupted payload of %d bytes is reported valid", n)
		}
		if storetest.ValidPayload(p[:len(p)-1]) {
			t.Fatalf("a truncated payload of %d bytes is reported valid", n)
		}
	}
	mixed := append(storetest.Payload(1, 1, 40)[:20], storetest.Payload(2, 2, 40)[20:]...)
	if storetest.ValidPayload(mixed) {
		t.Fatal("a value mixing two payloads is reported valid")
	}
}

func BenchmarkMemoryStore(b *testing.B) {
	storetest.RunBenchmarks(b, wechat.NewMemoryStore())
}
