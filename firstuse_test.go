package wechat_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
)

// Two token servers, one appid, one store: each client must get the token
// of its own server, never the one the other left in the store.
func TestTokensOfAnotherServerAreNeverServed(t *testing.T) {
	for _, tc := range []struct {
		name  string
		store func(t *testing.T) []wechat.Option
	}{
		{"default file store", func(t *testing.T) []wechat.Option {
			t.Setenv("XDG_CACHE_HOME", t.TempDir())
			t.Setenv("HOME", t.TempDir())
			return nil
		}},
		{"shared memory store", func(t *testing.T) []wechat.Option {
			return []wechat.Option{wechat.WithStore(wechat.NewMemoryStore())}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			opts := tc.store(t)
			ctx := context.Background()
			a, b := newFake(t), newFake(t)
			mk := func(srv *fakewechat.Server) *wechat.Client {
				c, err := wechat.NewClient(wechat.Config{AppID: fakewechat.DefaultAppID, AppSecret: fakewechat.DefaultSecret},
					append([]wechat.Option{wechat.WithBaseURL(srv.URL()), wechat.WithHTTPClient(srv.Client())}, opts...)...)
				if err != nil {
					t.Fatal(err)
				}
				t.Cleanup(func() { c.Close() })
				return c
			}
			ca := mk(a)
			ta, err := ca.AccessToken(ctx)
			if err != nil {
				t.Fatal(err)
			}
			cb := mk(b)
			tb, err := cb.AccessToken(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if tb == ta || b.Count(stablePath) != 1 {
				t.Fatalf("client of server B got server A's token (B's token endpoint called %d times)", b.Count(stablePath))
			}
			var out struct{}
			if err := cb.Call(ctx, "POST", "/test/echo", nil, map[string]int{"x": 1}, &out); err != nil {
				t.Fatalf("call on B with its token: %v", err)
			}
			if ka, kb := ca.StoreKey("wx", "access_token"), cb.StoreKey("wx", "access_token"); ka == kb || !strings.Contains(ka, a.URL()) {
				t.Errorf("store keys %q and %q", ka, kb)
			}
			// A client for WeChat itself uses the plain key.
			w, err := wechat.NewClient(wechat.Config{AppID: "wx1", AppSecret: "s"}, wechat.WithMemoryStore())
			if err != nil {
				t.Fatal(err)
			}
			if got := w.StoreKey("wx1", wechat.KeyAccessToken); got != wechat.StoreKey("wx1", wechat.KeyAccessToken) {
				t.Errorf("WeChat's key = %q", got)
			}
		})
	}
}

func TestDefaultStoreUnusable(t *testing.T) {
	// A cache "directory" that is a file: the default store cannot be
	// created (as in a read-only container).
	file := filepath.Join(t.TempDir(), "not-a-dir")
	if err := os.WriteFile(file, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv("XDG_CACHE_HOME", file)
	t.Setenv("HOME", file)
	_, err := wechat.NewClient(wechat.Config{AppID: "wx1", AppSecret: "s3cr3t"})
	if !errors.Is(err, wechat.ErrDefaultStore) {
		t.Fatalf("err = %v, want ErrDefaultStore", err)
	}
	msg := err.Error()
	for _, want := range []string{"default token store", wechat.DefaultFileStorePath(), "WithStore", "WithMemoryStore"} {
		if !strings.Contains(msg, want) {
			t.Errorf("error %q does not mention %q", msg, want)
		}
	}
	if strings.Contains(msg, "s3cr3t") {
		t.Errorf("error leaks the secret: %q", msg)
	}
	c, err := wechat.NewClient(wechat.Config{AppID: "wx1", AppSecret: "s3cr3t"}, wechat.WithMemoryStore())
	if err != nil {
		t.Fatalf("WithMemoryStore: %v", err)
	}
	if _, ok := c.Store().(*wechat.MemoryStore); !ok {
		t.Errorf("store is %T", c.Store())
	}
}

func TestDefaultStoreSharedPerProcess(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	t.Setenv("HOME", t.TempDir())
	srv := newFake(t)
	ctx := context.Background()
	fds := func() int {
		if runtime.GOOS != "linux" {
			return 0
		}
		ents, err := os.ReadDir("/proc/self/fd")
		if err != nil {
			t.Skip(err)
		}
		return len(ents)
	}
	var clients []*wechat.Client
	var first wechat.Store
	before := -1
	for i := range 50 {
		c, err := wechat.NewClient(wechat.Config{AppID: "wx" + strings.Repeat("0", 15) + string(rune('a'+i%26)) + string(rune('a'+i/26)), AppSecret: fakewechat.DefaultSecret},
			wechat.WithBaseURL(srv.URL()), wechat.WithHTTPClient(srv.Client()))
		if err != nil {
			t.Fatal(err)
		}
		clients = append(clients, c)
		if i == 0 {
			first = c.Store()
			// The store holds the parsed file open once it has read it.
			c.Store().Set(ctx, "k", []byte("v"), 0)
			c.Store().Get(ctx, "k")
			before = fds()
		} else if c.Store() != first {
			t.Fatalf("client %d has its own default store", i)
		}
		c.Store().Get(ctx, "k")
	}
	if n := fds() - before; n > 0 {
		t.Errorf("49 more clients hold %d more open files", n)
	}
	for _, c := range clients[:49] {
		c.Close()
	}
	// The last client still works with the store.
	if _, err := clients[49].Store().Get(ctx, "k"); err != nil {
		t.Fatal(err)
	}
	clients[49].Close()
	clients[49].Close() // twice is harmless
	// A new client after all were closed opens it again.
	c, err := wechat.NewClient(wechat.Config{AppID: "wx1", AppSecret: "s"})
	if err != nil {
		t.Fatal(err)
	}
	if v, err := c.Store().Get(ctx, "k"); err != nil || string(v) != "v" {
		t.Fatalf("reopened store: %q, %v", v, err)
	}
	c.Close()
}

func TestConfigCheckedAtConstruction(t *testing.T) {
	const key = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG" // 43 characters
	ok := []struct {
		cfg  wechat.Config
		opts []wechat.Option
	}{
		{wechat.Config{Token: "abc", EncodingAESKey: key}, nil},
		{wechat.Config{Token: strings.Repeat("T", 32)}, []wechat.Option{wechat.WithBaseURL("http://127.0.0.1:8080/")}},
		{wechat.Config{}, []wechat.Option{wechat.WithBaseURL("https://proxy.example.com/wechat")}},
	}
	for _, tc := range ok {
		tc.cfg.AppID, tc.cfg.AppSecret = "wx1", "s"
		if _, err := wechat.NewClient(tc.cfg, append(tc.opts, wechat.WithMemoryStore())...); err != nil {
			t.Errorf("NewClient(%+v): %v", tc.opts, err)
		}
	}
	bad := []struct {
		name string
		cfg  wechat.Config
		opt  wechat.Option
		want []string // in the message
		hide string   // never in the message
	}{
		{"empty base URL", wechat.Config{}, wechat.WithBaseURL(""), []string{`WithBaseURL("")`}, ""},
		{"no scheme", wechat.Config{}, wechat.WithBaseURL("127.0.0.1:8080"), []string{`"127.0.0.1:8080"`, `"http://127.0.0.1:8080"`}, ""},
		{"no scheme, name", wechat.Config{}, wechat.WithBaseURL("localhost:8080"), []string{`"localhost:8080"`}, ""},
		{"ftp", wechat.Config{}, wechat.WithBaseURL("ftp://h"), []string{`"ftp://h"`}, ""},
		{"no host", wechat.Config{}, wechat.WithBaseURL("http://"), []string{`"http://"`}, ""},
		{"password", wechat.Config{}, wechat.WithBaseURL("ftp://u:pa55word@h"), []string{"ftp://u:xxxxx@h"}, "pa55word"},
		{"short token", wechat.Config{Token: "ab"}, nil, []string{"Token", "3 to 32"}, ""},
		{"long token", wechat.Config{Token: strings.Repeat("t", 33)}, nil, []string{"Token"}, ""},
		{"token symbols", wechat.Config{Token: "tok-en!"}, nil, []string{"Token", "letters or digits"}, "tok-en!"},
		{"short key", wechat.Config{EncodingAESKey: "short"}, nil, []string{"EncodingAESKey", "43"}, "short"},
		{"key not base64", wechat.Config{EncodingAESKey: strings.Repeat("!", 43)}, nil, []string{"EncodingAESKey"}, "!!!!"},
	}
	for _, tc := range bad {
		tc.cfg.AppID, tc.cfg.AppSecret = "wx1", "s"
		opts := []wechat.Option{wechat.WithMemoryStore()}
		if tc.opt != nil {
			opts = append(opts, tc.opt)
		}
		_, err := wechat.NewClient(tc.cfg, opts...)
		if err == nil {
			t.Errorf("%s: accepted", tc.name)
			continue
		}
		for _, w := range tc.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("%s: error %q does not mention %s", tc.name, err, w)
			}
		}
		if tc.hide != "" && strings.Contains(err.Error(), tc.hide) {
			t.Errorf("%s: error %q echoes %q", tc.name, err, tc.hide)
		}
	}
}
