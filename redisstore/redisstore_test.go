package redisstore_test

import (
	"context"
	"errors"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/internal/testenv"
	"github.com/weixin-go/wechat/redisstore"
	"github.com/weixin-go/wechat/storetest"
)

// newStore returns a store on the test Redis under a prefix unique to t,
// whose keys are deleted when t ends.
func newStore(t testing.TB) *redisstore.Store {
	t.Helper()
	c := testenv.RedisClient(t)
	return redisstore.New(c, redisstore.WithPrefix(testenv.KeyPrefix(t, c)))
}

func TestConformance(t *testing.T) {
	testenv.RedisAddr(t) // skip (or fail on CI) once, not in every subtest
	storetest.Run(t, func(t *testing.T) wechat.Store { return newStore(t) })
}

func TestContext(t *testing.T) {
	storetest.RequireContext(t, newStore(t))
}

func TestPrefixAndTTLOnServer(t *testing.T) {
	c := testenv.RedisClient(t)
	prefix := testenv.KeyPrefix(t, c)
	s := redisstore.New(c, redisstore.WithPrefix(prefix))
	ctx := context.Background()
	key := wechat.StoreKey("wx123", wechat.KeyAccessToken)
	if err := s.Set(ctx, key, []byte("tok"), 90*time.Minute); err != nil {
		t.Fatal(err)
	}
	if got, err := c.Get(ctx, prefix+key).Result(); err != nil || got != "tok" {
		t.Fatalf("raw GET %s = %q, %v", prefix+key, got, err)
	}
	if d, err := c.PTTL(ctx, prefix+key).Result(); err != nil || d < 89*time.Minute || d > 90*time.Minute {
		t.Fatalf("PTTL = %v, %v; want about 90m", d, err)
	}
	if ok, err := s.SetNX(ctx, "nx", []byte("v"), 1500*time.Millisecond); err != nil || !ok {
		t.Fatalf("SetNX = %v, %v", ok, err)
	}
	if d, err := c.PTTL(ctx, prefix+"nx").Result(); err != nil || d <= time.Second || d > 1500*time.Millisecond {
		t.Fatalf("PTTL after SetNX with 1.5s = %v, %v (millisecond precision expected)", d, err)
	}
	if err := s.Set(ctx, "forever", []byte("v"), 0); err != nil {
		t.Fatal(err)
	}
	if d, err := c.PTTL(ctx, prefix+"forever").Result(); err != nil || d != -1 {
		t.Fatalf("PTTL of a ttl-0 key = %v, %v; want -1 (no expiry)", d, err)
	}
	// A negative ttl means no expiry too (as in MemoryStore), not KEEPTTL.
	if err := s.Set(ctx, key, []byte("tok2"), -time.Second); err != nil {
		t.Fatal(err)
	}
	if d, err := c.PTTL(ctx, prefix+key).Result(); err != nil || d != -1 {
		t.Fatalf("PTTL after a negative ttl = %v, %v; want -1", d, err)
	}
	// Another prefix does not see the key.
	other := redisstore.New(c, redisstore.WithPrefix(testenv.KeyPrefix(t, c)))
	if _, err := other.Get(ctx, key); !errors.Is(err, wechat.ErrNotFound) {
		t.Fatalf("Get under another prefix = %v, want ErrNotFound", err)
	}
}

func TestCompareAndDeleteAfterScriptFlush(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	if err := s.Set(ctx, "lock", []byte("me"), time.Minute); err != nil {
		t.Fatal(err)
	}
	// With the script cache empty, EVALSHA fails with NOSCRIPT and the
	// store must fall back to EVAL.
	if err := s.Client().ScriptFlush(ctx).Err(); err != nil {
		t.Fatal(err)
	}
	if ok, err := s.CompareAndDelete(ctx, "lock", []byte("me")); err != nil || !ok {
		t.Fatalf("CompareAndDelete = %v, %v; want true, nil", ok, err)
	}
}

func TestNewFromURL(t *testing.T) {
	addr := testenv.RedisAddr(t)
	c := testenv.RedisClient(t)
	prefix := testenv.KeyPrefix(t, c)
	s, err := redisstore.NewFromURL("redis://"+addr+"/0", redisstore.WithPrefix(prefix))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if err := s.Set(ctx, "k", []byte("v"), time.Minute); err != nil {
		t.Fatal(err)
	}
	if got, err := c.Get(ctx, prefix+"k").Result(); err != nil || got != "v" {
		t.Fatalf("raw GET = %q, %v", got, err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Get(ctx, "k"); err == nil {
		t.Fatal("Get after Close succeeded")
	}
	// New does not take ownership of the client.
	if err := redisstore.New(c).Close(); err != nil {
		t.Fatal(err)
	}
	if err := c.Ping(ctx).Err(); err != nil {
		t.Fatalf("client closed by the Close of a store made by New: %v", err)
	}
}

func TestNewFromURLErrors(t *testing.T) {
	const password = "s3cret-pa55"
	for _, u := range []string{
		"redis://user:" + password + "@host:port-not-a-number/0",
		"http://user:" + password + "@localhost:6379/0",
		"redis://user:" + password + "@localhost:6379/notadb",
		"redis://localhost:6379/0/1",
		"redis://user:" + password + "@local\x7fhost/0",
	} {
		_, err := redisstore.NewFromURL(u)
		if err == nil {
			t.Errorf("NewFromURL(%q) succeeded", u)
			continue
		}
		if strings.Contains(err.Error(), password) {
			t.Errorf("NewFromURL error leaks the password: %v", err)
		}
		if !strings.HasPrefix(err.Error(), "redisstore: invalid Redis URL") {
			t.Errorf("NewFromURL error = %v", err)
		}
	}
}

// closedAddr returns the address of a TCP port nothing listens on.
func closedAddr(t *testing.T) string {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	return addr
}

func TestServerDownFailsFast(t *testing.T) {
	s, err := redisstore.NewFromURL("redis://"+closedAddr(t)+"/0", redisstore.WithCheckTimeout(0))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var ctx context.Context
	ops := map[string]func() error{
		"Get": func() error { _, err := s.Get(ctx, "k"); return err },
		"Set": func() error { return s.Set(ctx, "k", []byte("secret-value"), time.Minute) },
		"SetNX": func() error {
			_, err := s.SetNX(ctx, "k", []byte("secret-value"), time.Minute)
			return err
		},
		"Delete": func() error { return s.Delete(ctx, "k") },
		"CompareAndDelete": func() error {
			_, err := s.CompareAndDelete(ctx, "k", []byte("secret-value"))
			return err
		},
	}
	for name, op := range ops {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(context.Background(), 500*time.Millisecond)
		start := time.Now()
		err := op()
		cancel()
		if err == nil {
			t.Fatalf("%s on a closed port succeeded", name)
		}
		if errors.Is(err, wechat.ErrNotFound) {
			t.Fatalf("%s on a closed port = ErrNotFound, want a connection error", name)
		}
		if el := time.Since(start); el > 1500*time.Millisecond {
			t.Errorf("%s took %v to fail", name, el)
		}
		msg := err.Error()
		if !strings.HasPrefix(msg, "redisstore: ") || !strings.Contains(msg, `"k"`) || strings.Contains(msg, "secret-value") {
			t.Errorf("%s error = %q; want the operation and key, never the value", name, msg)
		}
	}
}

func TestServerHangingRespectsDeadline(t *testing.T) {
	// A server that accepts connections but never answers: the context
	// deadline must bound the call.
	s, err := redisstore.NewFromURL("redis://"+fakeServer(t, nil), redisstore.WithCheckTimeout(0))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err = s.Get(ctx, "k")
	if err == nil || errors.Is(err, wechat.ErrNotFound) {
		t.Fatalf("Get from a silent server = %v", err)
	}
	if el := time.Since(start); el > 2*time.Second {
		t.Fatalf("Get took %v despite a 300ms deadline", el)
	}
}

func BenchmarkRedisStore(b *testing.B) {
	storetest.RunBenchmarks(b, newStore(b))
}
