package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"strings"
	"sync"
	"time"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/redisstore"
)

// appFlags are the flags shared by the commands that act as an app.
type appFlags struct {
	appid, secret, baseURL, store, tokenEndpoint string
	checked                                      *checkedStore
}

func envOr(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}

func (a *appFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&a.appid, "appid", os.Getenv("WECHAT_APPID"), "app id (env WECHAT_APPID)")
	secretVar(fs, &a.secret, "secret", "WECHAT_SECRET", "app `secret`")
	fs.StringVar(&a.baseURL, "base-url", envOr("WECHAT_BASE_URL", wechat.DefaultBaseURL), "API base URL (env WECHAT_BASE_URL)")
	a.store = envOr("WECHAT_STORE", "file:"+wechat.DefaultFileStorePath())
	fs.Var(storeFlag{&a.store}, "store", "token `store`: memory, file:PATH or redis://[:PASSWORD@]HOST:PORT/DB (env WECHAT_STORE; passwords are never shown)")
	fs.StringVar(&a.tokenEndpoint, "token-endpoint", envOr("WECHAT_TOKEN_ENDPOINT", "stable"), "stable (POST /cgi-bin/stable_token) or classic (GET /cgi-bin/token) (env WECHAT_TOKEN_ENDPOINT)")
}

// tokenURL is the URL the token is fetched from.
func (a *appFlags) tokenURL() string {
	if a.tokenEndpoint == "classic" {
		return strings.TrimRight(a.baseURL, "/") + "/cgi-bin/token"
	}
	return strings.TrimRight(a.baseURL, "/") + "/cgi-bin/stable_token"
}

// secrets returns the secret values the command must never print.
func (a *appFlags) secrets() []string {
	return []string{a.secret, storePassword(a.store)}
}

// client checks the flags, opens the store, checks that it can be written
// and returns the app's client.
func (a *appFlags) client(ctx context.Context) (*wechat.Client, error) {
	if a.appid == "" || a.secret == "" {
		return nil, errors.New("--appid and --secret (or WECHAT_APPID and WECHAT_SECRET) are required")
	}
	store, err := openStore(a.store)
	if err != nil {
		if strings.HasPrefix(a.store, "file:") || strings.Contains(a.store, "://") {
			return nil, fmt.Errorf("token store %s: %s; fix it or choose another with --store (or WECHAT_STORE)", redactStore(a.store), errText(err))
		}
		return nil, err
	}
	a.checked = &checkedStore{Store: store}
	if err := probeStore(ctx, store); err != nil {
		return nil, a.storeError(err)
	}
	ep := wechat.StableToken
	switch a.tokenEndpoint {
	case "stable":
	case "classic":
		ep = wechat.ClassicToken
	default:
		return nil, fmt.Errorf("unknown --token-endpoint %q (want stable or classic)", a.tokenEndpoint)
	}
	return wechat.NewClient(wechat.Config{AppID: a.appid, AppSecret: a.secret},
		wechat.WithBaseURL(a.baseURL), wechat.WithStore(a.checked), wechat.WithTokenEndpoint(ep))
}

// storeError explains a store that cannot be written.
func (a *appFlags) storeError(err error) error {
	return fmt.Errorf("token store %s cannot be written (%s): fix its permissions, choose a writable one with --store file:PATH (or WECHAT_STORE), or use --store memory to keep nothing",
		redactStore(a.store), errText(err))
}

// writeError returns the first write the store refused since client, or nil.
func (a *appFlags) writeError() error {
	if a.checked == nil {
		return nil
	}
	if err := a.checked.failed(); err != nil {
		return a.storeError(err)
	}
	return nil
}

// probeStore writes and deletes a key, so that a store the command cannot
// write fails before a token is fetched (and then lost).
func probeStore(ctx context.Context, s wechat.Store) error {
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	const key = "wechat-cli:probe"
	if err := s.Set(ctx, key, []byte("1"), time.Minute); err != nil {
		return err
	}
	return s.Delete(ctx, key)
}

// checkedStore remembers the first write error of the store it wraps: the
// client only logs those, but the CLI must not report success when the
// token it printed was not stored.
type checkedStore struct {
	wechat.Store
	mu  sync.Mutex
	err error
}

func (s *checkedStore) note(err error) error {
	if err != nil && !errors.Is(err, context.Canceled) {
		s.mu.Lock()
		if s.err == nil {
			s.err = err
		}
		s.mu.Unlock()
	}
	return err
}

func (s *checkedStore) failed() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.err
}

// Set implements wechat.Store.
func (s *checkedStore) Set(ctx context.Context, key string, value []byte, ttl time.Duration) error {
	return s.note(s.Store.Set(ctx, key, value, ttl))
}

// SetNX implements wechat.Store.
func (s *checkedStore) SetNX(ctx context.Context, key string, value []byte, ttl time.Duration) (bool, error) {
	ok, err := s.Store.SetNX(ctx, key, value, ttl)
	return ok, s.note(err)
}

// openStore parses memory, file:PATH or redis://HOST:PORT/DB.
func openStore(spec string) (wechat.Store, error) {
	switch {
	case spec == "memory":
		return wechat.NewMemoryStore(), nil
	case strings.HasPrefix(spec, "file:"):
		path := strings.TrimPrefix(spec, "file:")
		if path == "" {
			path = wechat.DefaultFileStorePath()
		}
		return wechat.NewFileStore(path)
	case strings.HasPrefix(spec, "redis://"), strings.HasPrefix(spec, "rediss://"):
		return redisstore.NewFromURL(spec)
	}
	return nil, fmt.Errorf("unknown store %q (want memory, file:PATH or redis://HOST:PORT/DB)", redactStore(spec))
}
