package wechat_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/internal/testenv"
	"github.com/weixin-go/wechat/redisstore"
)

// hammer makes workers goroutines call the echo API on every client until d
// has passed, and returns the last error seen.
func hammer(d time.Duration, workers int, clients ...*wechat.Client) error {
	last, _ := hammerBackoff(d, workers, clients...)
	return last
}

// hammerBackoff is hammer that also returns the last error that was a
// remembered failure (*wechat.BackoffError): the caller whose own fetch
// failed gets the plain error, and may be the last one when d ends.
func hammerBackoff(d time.Duration, workers int, clients ...*wechat.Client) (last, remembered error) {
	ctx, cancel := context.WithTimeout(context.Background(), d)
	defer cancel()
	var wg sync.WaitGroup
	var lastErr, lastBackoff atomic.Pointer[error]
	for i := range workers {
		c := clients[i%len(clients)]
		wg.Add(1)
		go func() {
			defer wg.Done()
			for ctx.Err() == nil {
				if err := c.Call(ctx, "POST", "/test/echo", nil, map[string]int{}, nil); err != nil && ctx.Err() == nil {
					lastErr.Store(&err)
					var be *wechat.BackoffError
					if errors.As(err, &be) {
						lastBackoff.Store(&err)
					}
				}
				time.Sleep(time.Millisecond)
			}
		}()
	}
	wg.Wait()
	if p := lastErr.Load(); p != nil {
		last = *p
	}
	if p := lastBackoff.Load(); p != nil {
		remembered = *p
	}
	return last, remembered
}

var tokenFaults = []struct {
	name string
	f    fakewechat.Fault
}{
	{"errcode 45009", fakewechat.Fault{Path: stablePath, Errcode: 45009}},
	{"HTTP 500", fakewechat.Fault{Path: stablePath, Status: 500}},
	{"dropped connection", fakewechat.Fault{Path: stablePath, Drop: true}},
	{"errcode -1", fakewechat.Fault{Path: stablePath, Errcode: -1}},
}

// waitRecovery calls until a token is obtained, and fails if that takes
// longer than the pause announced by the last BackoffError (plus slack).
func waitRecovery(t *testing.T, c *wechat.Client) {
	t.Helper()
	deadline := time.Now().Add(2 * time.Second)
	for {
		_, err := c.AccessToken(context.Background())
		if err == nil {
			return
		}
		var be *wechat.BackoffError
		if errors.As(err, &be) && be.Next.Add(time.Second).After(deadline) {
			deadline = be.Next.Add(time.Second)
		}
		if time.Now().After(deadline) {
			t.Fatalf("no recovery within the backoff window: %v", err)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// Item 1: a failing token endpoint gets about one request per second per
// credential, not one per caller, and the error says it is remembered.
func TestTokenStormBoundedUnderFaults(t *testing.T) {
	const secs = 3
	for _, fc := range tokenFaults {
		t.Run(fc.name, func(t *testing.T) {
			t.Parallel()
			srv := newFake(t)
			srv.Inject(fc.f)
			c := newClient(t, srv, wechat.WithTokenOptions(wechat.TokenOptions{QuotaBackoff: 2 * time.Second}))
			_, err := hammerBackoff(secs*time.Second, 100, c)
			n := srv.Count(stablePath)
			// Go's transport may resend a dropped request once on its own.
			limit := secs + 2
			if fc.f.Drop {
				limit *= 2
			}
			if n > limit || n == 0 {
				t.Fatalf("%d upstream token requests in %ds, want 1..%d", n, secs, limit)
			}
			var be *wechat.BackoffError
			if !errors.As(err, &be) || be.Next.IsZero() || !strings.Contains(err.Error(), "remembered") {
				t.Fatalf("no caller got a remembered failure (last: %v)", err)
			}
			var apiErr *wechat.APIError
			if fc.f.Errcode != 0 && (!errors.As(err, &apiErr) || apiErr.Code != fc.f.Errcode) {
				t.Fatalf("remembered error %v does not unwrap to errcode %d", err, fc.f.Errcode)
			}
			if fc.f.Errcode == 45009 && !errors.Is(err, wechat.ErrRateLimited) {
				t.Fatalf("%v is not ErrRateLimited", err)
			}
			srv.ClearFaults()
			waitRecovery(t, c)
		})
	}
}

// Item 1: processes sharing a store share the backoff: two caches on one
// store make as few upstream requests as one.
func TestTokenBackoffSharedThroughStore(t *testing.T) {
	stores := map[string]func(t *testing.T) (wechat.Store, wechat.Store){
		"memory": func(t *testing.T) (wechat.Store, wechat.Store) { s := wechat.NewMemoryStore(); return s, s },
		"file": func(t *testing.T) (wechat.Store, wechat.Store) {
			p := filepath.Join(t.TempDir(), "tokens")
			a, err := wechat.NewFileStore(p)
			if err != nil {
				t.Fatal(err)
			}
			b, err := wechat.NewFileStore(p)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { a.Close(); b.Close() })
			return a, b
		},
		"redis": func(t *testing.T) (wechat.Store, wechat.Store) {
			addr := testenv.RedisAddr(t)
			prefix := "test:" + t.Name() + ":" + time.Now().Format("150405.000000") + ":"
			a, _ := redisstore.NewFromURL("redis://"+addr+"/0", redisstore.WithPrefix(prefix))
			b, _ := redisstore.NewFromURL("redis://"+addr+"/0", redisstore.WithPrefix(prefix))
			t.Cleanup(func() { a.Close(); b.Close() })
			return a, b
		},
	}
	for name, open := range stores {
		t.Run(name, func(t *testing.T) {
			srv := newFake(t)
			srv.Inject(fakewechat.Fault{Path: stablePath, Status: 500})
			sa, sb := open(t)
			opts := wechat.WithTokenOptions(wechat.TokenOptions{PollInterval: 5 * time.Millisecond, StoreTimeout: 5 * time.Second})
			a := newClient(t, srv, wechat.WithStore(sa), opts)
			b := newClient(t, srv, wechat.WithStore(sb), opts)
			const secs = 3
			hammer(secs*time.Second, 60, a, b)
			if n := srv.Count(stablePath); n == 0 || n > secs+2 {
				t.Fatalf("two processes made %d upstream token requests in %ds, want 1..%d (shared backoff)", n, secs, secs+2)
			}
			// The second process reports the failure it read from the store.
			srv.ClearFaults()
			srv.Inject(fakewechat.Fault{Path: stablePath, Status: 500})
			// A fresh process finds the failure another one remembered. (Its
			// first attempt may itself be the one that fails and shares.)
			var err error
			for range 3 {
				c := newClient(t, srv, wechat.WithStore(sb), opts)
				_, err = c.AccessToken(context.Background())
				var be *wechat.BackoffError
				if errors.As(err, &be) && be.Shared {
					break
				}
			}
			var be *wechat.BackoffError
			if !errors.As(err, &be) || !be.Shared {
				t.Fatalf("fresh process on the shared store: %v, want a shared BackoffError", err)
			}
			srv.ClearFaults()
			waitRecovery(t, a)
			waitRecovery(t, b)
		})
	}
}

// countForced counts the stable_token requests with force_refresh.
func countForced(n *atomic.Int64) wechat.Option {
	return wechat.WithMiddleware(func(next wechat.RoundTripFunc) wechat.RoundTripFunc {
		return func(r *http.Request) (*http.Response, error) {
			if r.URL.Path == "/cgi-bin/stable_token" && r.GetBody != nil {
				if b, err := r.GetBody(); err == nil {
					data, _ := io.ReadAll(b)
					if bytes.Contains(data, []byte(`"force_refresh":true`)) {
						n.Add(1)
					}
				}
			}
			return next(r)
		}
	})
}

// Item 2: an API that keeps answering 40001 gets one forced refresh per
// ForceRefreshInterval per credential across processes; the rejection is
// returned without another refresh.
func TestForcedRefreshRateLimited(t *testing.T) {
	srv := newFake(t)
	store := wechat.NewMemoryStore()
	var forced atomic.Int64
	a := newClient(t, srv, wechat.WithStore(store), countForced(&forced))
	b := newClient(t, srv, wechat.WithStore(store), countForced(&forced))
	ctx := context.Background()
	if _, err := a.AccessToken(ctx); err != nil {
		t.Fatal(err)
	}
	srv.Inject(fakewechat.Fault{Path: echoPath, Errcode: 40001})
	err := hammer(2*time.Second, 100, a, b)
	if !errors.Is(err, wechat.ErrInvalidToken) {
		t.Fatalf("err = %v, want WeChat's 40001", err)
	}
	if n := forced.Load(); n != 1 {
		t.Fatalf("forced refreshes = %d, want 1 per ForceRefreshInterval", n)
	}
	// The first fetch, then per process at most one forced refresh and two
	// ordinary requests (finding the new token, finding it rejected again).
	if n := srv.Count(stablePath); n > 1+2*3 {
		t.Fatalf("stable_token requests = %d, want at most 7", n)
	}
	// Other APIs keep working with the token.
	var out map[string]any
	if err := a.Call(ctx, "POST", "/cgi-bin/openapi/quota/get", nil, map[string]string{"cgi_path": "/cgi-bin/stable_token"}, &out); err != nil {
		t.Fatalf("other API after the limit: %v", err)
	}
}

// Item 2: after the interval, a rejected token is refreshed again.
func TestForcedRefreshAllowedAfterInterval(t *testing.T) {
	srv := newFake(t, fakewechat.WithForceRefreshInterval(0))
	c := newClient(t, srv, wechat.WithTokenOptions(wechat.TokenOptions{ForceRefreshInterval: 300 * time.Millisecond}))
	ctx := context.Background()
	t0, _ := c.AccessToken(ctx)
	srv.Inject(fakewechat.Fault{Path: echoPath, Errcode: 40001, Times: 2})
	if err := c.Call(ctx, "POST", "/test/echo", nil, map[string]int{}, nil); !errors.Is(err, wechat.ErrInvalidToken) {
		t.Fatalf("err = %v", err)
	}
	t1, _ := c.AccessToken(ctx)
	if t1 == t0 {
		t.Fatal("first rejection did not refresh")
	}
	srv.Inject(fakewechat.Fault{Path: echoPath, Errcode: 40001, Times: 1})
	c.Call(ctx, "POST", "/test/echo", nil, map[string]int{}, nil)
	if t2, _ := c.AccessToken(ctx); t2 != t1 {
		t.Fatal("refreshed again within the interval")
	}
	time.Sleep(350 * time.Millisecond)
	srv.Inject(fakewechat.Fault{Path: echoPath, Errcode: 40001, Times: 1})
	if err := c.Call(ctx, "POST", "/test/echo", nil, map[string]int{}, nil); err != nil {
		t.Fatalf("after the interval: %v", err)
	}
	if t3, _ := c.AccessToken(ctx); t3 == t1 {
		t.Fatal("not refreshed after the interval")
	}
}

// hungListener accepts connections and never answers, like a hung Redis.
func hungListener(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var conns []net.Conn
	go func() {
		for {
			conn, err := ln.Accept()
			if err != nil {
				return
			}
			mu.Lock()
			conns = append(conns, conn)
			mu.Unlock()
		}
	}()
	t.Cleanup(func() {
		ln.Close()
		mu.Lock()
		for _, c := range conns {
			c.Close()
		}
		mu.Unlock()
	})
	return ln.Addr().String()
}

// blockingStore never answers and ignores its context.
type blockingStore struct{ calls atomic.Int64 }

func (s *blockingStore) block() { s.calls.Add(1); select {} }
func (s *blockingStore) Get(context.Context, string) ([]byte, error) {
	s.block()
	return nil, nil
}
func (s *blockingStore) Set(context.Context, string, []byte, time.Duration) error {
	s.block()
	return nil
}
func (s *blockingStore) Delete(context.Context, string) error { s.block(); return nil }
func (s *blockingStore) SetNX(context.Context, string, []byte, time.Duration) (bool, error) {
	s.block()
	return false, nil
}
func (s *blockingStore) CompareAndDelete(context.Context, string, []byte) (bool, error) {
	s.block()
	return false, nil
}

// Item 7: a store that accepts and never answers costs a caller about
// StoreTimeout, then the token is fetched directly.
func TestHungStoreBounded(t *testing.T) {
	if os.Getenv("WECHAT_SKIP_SLOW") != "" {
		t.Skip()
	}
	st, err := redisstore.NewFromURL("redis://"+hungListener(t)+"/0", redisstore.WithCheckTimeout(0))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for name, store := range map[string]wechat.Store{"redis": st, "blocking": &blockingStore{}} {
		t.Run(name, func(t *testing.T) {
			srv := newFake(t)
			c := newClient(t, srv, wechat.WithStore(store), wechat.WithTokenOptions(wechat.TokenOptions{StoreTimeout: 200 * time.Millisecond}))
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			defer cancel()
			var wg sync.WaitGroup
			for range 20 {
				wg.Add(1)
				go func() {
					defer wg.Done()
					if err := c.Call(ctx, "POST", "/test/echo", nil, map[string]int{}, nil); err != nil {
						t.Error(err)
					}
				}()
			}
			wg.Wait()
			if ctx.Err() != nil {
				t.Fatal("a hung store held the callers")
			}
			if n := srv.Count(stablePath); n != 1 {
				t.Fatalf("stable_token requests = %d, want 1", n)
			}
		})
	}
}
