package component_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/url"
	"testing"
	"time"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/component"
	"github.com/weixin-go/wechat/fakewechat"
)

// authorizerAppID is the official account that authorizes the component in the tests.
const authorizerAppID = "wxa0b1c2d3e4f5a6b7"

// compOpts are the options of a component client on srv sharing store.
func compOpts(srv *fakewechat.Server, store wechat.Store) []wechat.Option {
	return []wechat.Option{wechat.WithBaseURL(srv.URL()), wechat.WithStore(store), wechat.WithHTTPClient(srv.Client()),
		wechat.WithRetry(wechat.RetryPolicy{MaxAttempts: 1})}
}

// newComp starts a fake server and returns a component client on it with a
// memory store, without any verify ticket.
func newComp(t testing.TB) (*fakewechat.Server, *component.Client, wechat.Store) {
	t.Helper()
	srv := fakewechat.NewTestServer(t)
	store := wechat.NewMemoryStore()
	c := newCompOn(t, srv, store)
	return srv, c, store
}

func newCompOn(t testing.TB, srv *fakewechat.Server, store wechat.Store) *component.Client {
	t.Helper()
	c, err := component.New(component.Config{AppID: fakewechat.DefaultComponentAppID, AppSecret: fakewechat.DefaultComponentSecret},
		compOpts(srv, store)...)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// pushTicket makes the fake issue a verify ticket and stores it the way
// callback.Component does.
func pushTicket(t testing.TB, srv *fakewechat.Server, store wechat.Store) string {
	t.Helper()
	ticket := srv.PushVerifyTicket(fakewechat.DefaultComponentAppID)
	if ticket == "" {
		t.Fatal("no ticket for the default component")
	}
	storeJSON(t, store, wechat.StoreKey(fakewechat.DefaultComponentAppID, wechat.KeyComponentVerifyTicket),
		wechat.Token{Value: ticket, ExpiresAt: time.Now().Add(12 * time.Hour)})
	return ticket
}

// newReady is newComp with a verify ticket in the store.
func newReady(t testing.TB) (*fakewechat.Server, *component.Client, wechat.Store) {
	t.Helper()
	srv, c, store := newComp(t)
	pushTicket(t, srv, store)
	return srv, c, store
}

// authorized is newReady plus an authorization of authorizerAppID exchanged
// with AuthorizeFromCode.
func authorized(t testing.TB) (*fakewechat.Server, *component.Client, wechat.Store, *component.AuthorizationInfo) {
	t.Helper()
	srv, c, store := newReady(t)
	code := srv.Authorize(fakewechat.DefaultComponentAppID, authorizerAppID)
	info, err := c.AuthorizeFromCode(context.Background(), code)
	if err != nil {
		t.Fatal(err)
	}
	return srv, c, store, info
}

func storeJSON(t testing.TB, store wechat.Store, key string, v any) {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	if err := store.Set(context.Background(), key, b, 0); err != nil {
		t.Fatal(err)
	}
}

// storedToken reads a JSON wechat.Token from the store ("" if absent).
func storedToken(t testing.TB, store wechat.Store, key string) string {
	t.Helper()
	b, err := store.Get(context.Background(), key)
	if errors.Is(err, wechat.ErrNotFound) {
		return ""
	}
	if err != nil {
		t.Fatal(err)
	}
	var tok wechat.Token
	if err := json.Unmarshal(b, &tok); err != nil {
		t.Fatal(err)
	}
	return tok.Value
}

// last returns the last request to pattern: its query and decoded JSON body.
func last(t testing.TB, srv *fakewechat.Server, pattern string) (url.Values, map[string]any) {
	t.Helper()
	rr, ok := srv.LastRequest(pattern)
	if !ok {
		t.Fatalf("no request recorded for %s", pattern)
	}
	q := rr.Query
	var m map[string]any
	if len(rr.Body) > 0 {
		if err := json.Unmarshal(rr.Body, &m); err != nil {
			t.Fatalf("%s body %q: %v", pattern, rr.Body, err)
		}
	}
	return q, m
}

// wantCode fails unless err is a *wechat.APIError with errcode code.
func wantCode(t testing.TB, err error, code int) {
	t.Helper()
	var apiErr *wechat.APIError
	if !errors.As(err, &apiErr) {
		t.Fatalf("err = %v (%T), want *wechat.APIError %d", err, err, code)
	}
	if apiErr.Code != code {
		t.Fatalf("errcode = %d (%v), want %d", apiErr.Code, err, code)
	}
}

// wantArg fails unless err is a *component.InvalidArgumentError about arg.
func wantArg(t testing.TB, err error, arg string) {
	t.Helper()
	var ae *component.InvalidArgumentError
	if !errors.As(err, &ae) {
		t.Fatalf("err = %v (%T), want *component.InvalidArgumentError", err, err)
	}
	if ae.Arg != arg {
		t.Fatalf("Arg = %q, want %q (%v)", ae.Arg, arg, err)
	}
}
