package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"strings"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/redisstore"
)

// appFlags are the flags shared by the commands that act as an app.
type appFlags struct {
	appid, secret, baseURL, store, tokenEndpoint string
}

func envOr(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}

func (a *appFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&a.appid, "appid", os.Getenv("WECHAT_APPID"), "app id (env WECHAT_APPID)")
	fs.StringVar(&a.secret, "secret", os.Getenv("WECHAT_SECRET"), "app secret (env WECHAT_SECRET)")
	fs.StringVar(&a.baseURL, "base-url", envOr("WECHAT_BASE_URL", wechat.DefaultBaseURL), "API base URL (env WECHAT_BASE_URL)")
	fs.StringVar(&a.store, "store", envOr("WECHAT_STORE", "file:"+wechat.DefaultFileStorePath()), "token store: memory, file:PATH or redis://HOST:PORT/DB (env WECHAT_STORE)")
	fs.StringVar(&a.tokenEndpoint, "token-endpoint", envOr("WECHAT_TOKEN_ENDPOINT", "stable"), "stable (POST /cgi-bin/stable_token) or classic (GET /cgi-bin/token) (env WECHAT_TOKEN_ENDPOINT)")
}

func (a *appFlags) client() (*wechat.Client, error) {
	if a.appid == "" || a.secret == "" {
		return nil, errors.New("--appid and --secret (or WECHAT_APPID and WECHAT_SECRET) are required")
	}
	store, err := openStore(a.store)
	if err != nil {
		return nil, err
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
		wechat.WithBaseURL(a.baseURL), wechat.WithStore(store), wechat.WithTokenEndpoint(ep))
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
	return nil, fmt.Errorf("unknown store %q (want memory, file:PATH or redis://HOST:PORT/DB)", spec)
}

// parseInterleaved parses flags that may come before, between or after the
// positional arguments, and returns the positional ones.
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}
