package hub_test

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/hub"
	"github.com/weixin-go/wechat/storetest"
)

func newEnvHub(t *testing.T, store wechat.Store) *hub.Server {
	t.Helper()
	opts := []hub.ServerOption{hub.WithLogger(slog.New(slog.DiscardHandler))}
	if store != nil {
		opts = append(opts, hub.WithEnvStore(store))
	}
	h, err := hub.NewServer(secret, opts...)
	if err != nil {
		t.Fatal(err)
	}
	return h
}

func serve(h http.Handler, req *http.Request) *httptest.ResponseRecorder {
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

func login(h http.Handler) (int, string) {
	rec := serve(h, httptest.NewRequest("GET", "/wxapp/staging/cb/me?code=C", nil))
	return rec.Code, rec.Header().Get("Location")
}

// Hubs sharing a store forward the same logins, see each other's changes
// and keep the environments across a restart.
func TestEnvStoreSharedAndDurable(t *testing.T) {
	store := wechat.NewMemoryStore()
	a, b := newEnvHub(t, store), newEnvHub(t, store)
	if rec := serve(a, authed("PUT", "/oauth2/wxapp/staging", `{"url":"https://staging.example.com"}`)); rec.Code != 200 {
		t.Fatalf("register on a: HTTP %d %s", rec.Code, rec.Body)
	}
	if code, loc := login(b); code != http.StatusFound || loc != "https://staging.example.com/me?code=C" {
		t.Fatalf("login through b: HTTP %d %q", code, loc)
	}
	restarted := newEnvHub(t, store)
	if got := restarted.OAuth2Envs("wxapp", ""); got["staging"] != "https://staging.example.com" {
		t.Fatalf("after a restart: %v", got)
	}
	if rec := serve(b, authed("DELETE", "/oauth2/wxapp/staging", "")); rec.Code != 200 {
		t.Fatalf("delete on b: HTTP %d", rec.Code)
	}
	if code, _ := login(a); code != http.StatusNotFound {
		t.Fatalf("login through a after the delete on b: HTTP %d", code)
	}
	if rec := serve(restarted, authed("DELETE", "/oauth2/wxapp/staging", "")); rec.Code != 404 {
		t.Fatalf("second delete: HTTP %d", rec.Code)
	}
}

// Registrations racing on two instances (and in one process without a
// store) are all kept.
func TestEnvStoreConcurrentRegistrations(t *testing.T) {
	store := wechat.NewMemoryStore()
	for name, hubs := range map[string][]*hub.Server{
		"shared store": {newEnvHub(t, store), newEnvHub(t, store)},
		"memory":       {newEnvHub(t, nil)},
	} {
		var wg sync.WaitGroup
		errs := make(chan error, 20)
		for i := range 20 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				errs <- hubs[i%len(hubs)].SetOAuth2Env("wxapp", "", fmt.Sprintf("env%d", i), fmt.Sprintf("https://e%d.example.com", i))
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			if err != nil {
				t.Errorf("%s: %v", name, err) // a store CAS lost 5 times in a row would show here
			}
		}
		if got := hubs[0].OAuth2Envs("wxapp", ""); len(got) != 20 {
			t.Errorf("%s: %d environments kept of 20: %v", name, len(got), got)
		}
	}
}

// A store that fails: changes are refused with 503 (never half done), and
// logins still go where this instance last saw them go.
func TestEnvStoreDown(t *testing.T) {
	fs := &storetest.FaultStore{Store: wechat.NewMemoryStore()}
	h := newEnvHub(t, fs)
	if err := h.SetOAuth2Env("wxapp", "", "staging", "https://staging.example.com"); err != nil {
		t.Fatal(err)
	}
	fs.Dead.Store(true)
	if code, loc := login(h); code != http.StatusFound || loc != "https://staging.example.com/me?code=C" {
		t.Fatalf("login with the store down: HTTP %d %q", code, loc)
	}
	if rec := serve(h, authed("PUT", "/oauth2/wxapp/prod", `{"url":"https://prod.example.com"}`)); rec.Code != http.StatusServiceUnavailable {
		t.Fatalf("register with the store down: HTTP %d", rec.Code)
	}
	if rec := serve(h, authed("DELETE", "/oauth2/wxapp/staging", "")); rec.Code != http.StatusServiceUnavailable {
		t.Fatalf("delete with the store down: HTTP %d", rec.Code)
	}
	fs.Dead.Store(false)
	if got := h.OAuth2Envs("wxapp", ""); len(got) != 1 || got["staging"] == "" {
		t.Fatalf("after the outage: %v", got)
	}
	// A value that is not ours: refused, not overwritten.
	_ = fs.Set(t.Context(), "wechat:hub:oauth2_envs:wxapp/", []byte("not json"), 0)
	if err := h.SetOAuth2Env("wxapp", "", "prod", "https://prod.example.com"); err == nil {
		t.Fatal("registration over a corrupt stored value accepted")
	}
	if got, _ := fs.Get(t.Context(), "wechat:hub:oauth2_envs:wxapp/"); string(got) != "not json" {
		t.Fatalf("corrupt value overwritten: %q", got)
	}
}

// losingStore's compare-and-swap always loses, as if another instance
// changed the value every time.
type losingStore struct {
	*wechat.MemoryStore
	swaps atomic.Int32
}

func (s *losingStore) CompareAndSwap(context.Context, string, []byte, []byte, time.Duration) (bool, error) {
	s.swaps.Add(1)
	return false, nil
}

// A change that keeps losing to other instances gives up within the store
// timeout with a 503, after a bounded number of attempts.
func TestEnvStoreContentionBounded(t *testing.T) {
	ls := &losingStore{MemoryStore: wechat.NewMemoryStore()}
	h := newEnvHub(t, ls)
	if err := h.SetOAuth2Env("wxapp", "", "a", "https://a.example.com"); err != nil { // absent key: SetNX, no swap
		t.Fatal(err)
	}
	start := time.Now()
	rec := serve(h, authed("PUT", "/oauth2/wxapp/b", `{"url":"https://b.example.com"}`))
	if rec.Code != http.StatusServiceUnavailable {
		t.Fatalf("HTTP %d %s, want 503", rec.Code, rec.Body)
	}
	if d := time.Since(start); d > 3*time.Second {
		t.Fatalf("gave up after %v", d)
	}
	if n := ls.swaps.Load(); n < 2 || n > 200 {
		t.Fatalf("%d compare-and-swaps, want a few retries and a bound", n)
	}
	t.Logf("%d compare-and-swaps in %v", ls.swaps.Load(), time.Since(start))
	if got := h.OAuth2Envs("wxapp", ""); len(got) != 1 {
		t.Fatalf("environments after the lost change: %v", got)
	}
}
