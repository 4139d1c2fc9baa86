package component_test

import (
	"context"
	"errors"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/component"
	"github.com/weixin-go/wechat/fakewechat"
)

const tokenPath = "POST /cgi-bin/component/api_component_token"

func TestNewRequiresCredentials(t *testing.T) {
	store := wechat.WithStore(wechat.NewMemoryStore())
	if _, err := component.New(component.Config{AppSecret: "s"}, store); err == nil {
		t.Error("New without AppID succeeded")
	}
	if _, err := component.New(component.Config{AppID: "wx1"}, store); err == nil {
		t.Error("New without AppSecret succeeded")
	}
}

func TestComponentTokenWithoutTicket(t *testing.T) {
	srv, c, _ := newComp(t)
	_, err := c.ComponentAccessToken(context.Background())
	if !errors.Is(err, component.ErrNoVerifyTicket) {
		t.Fatalf("err = %v, want ErrNoVerifyTicket", err)
	}
	if !strings.Contains(err.Error(), "no component_verify_ticket received yet") {
		t.Errorf("error text %q", err)
	}
	if n := srv.Count(tokenPath); n != 0 {
		t.Errorf("%d token requests without a ticket", n)
	}
	// An endpoint call reports the same error.
	if _, err := c.CreatePreAuthCode(context.Background()); !errors.Is(err, component.ErrNoVerifyTicket) {
		t.Errorf("CreatePreAuthCode err = %v", err)
	}
}

func TestComponentTokenExpiredTicket(t *testing.T) {
	srv, c, store := newComp(t)
	storeJSON(t, store, wechat.StoreKey(fakewechat.DefaultComponentAppID, wechat.KeyComponentVerifyTicket),
		wechat.Token{Value: srv.PushVerifyTicket(fakewechat.DefaultComponentAppID), ExpiresAt: time.Now().Add(-time.Minute)})
	if _, err := c.ComponentAccessToken(context.Background()); !errors.Is(err, component.ErrNoVerifyTicket) {
		t.Fatalf("err = %v, want ErrNoVerifyTicket", err)
	}
}

func TestComponentTokenFetchAndCache(t *testing.T) {
	srv, c, store := newComp(t)
	ticket := pushTicket(t, srv, store)
	ctx := context.Background()
	tok, err := c.ComponentAccessToken(ctx)
	if err != nil || tok == "" {
		t.Fatalf("token %q, %v", tok, err)
	}
	q, body := last(t, srv, tokenPath)
	if len(q) != 0 {
		t.Errorf("api_component_token query %v, want none", q)
	}
	want := map[string]any{"component_appid": fakewechat.DefaultComponentAppID,
		"component_appsecret": fakewechat.DefaultComponentSecret, "component_verify_ticket": ticket}
	for k, v := range want {
		if body[k] != v {
			t.Errorf("body[%s] = %v, want %v", k, body[k], v)
		}
	}
	if got := storedToken(t, store, c.Core().StoreKey(fakewechat.DefaultComponentAppID, wechat.KeyComponentAccessToken)); got != tok {
		t.Errorf("stored component token %q, want %q", got, tok)
	}
	for range 3 {
		if again, err := c.ComponentAccessToken(ctx); err != nil || again != tok {
			t.Fatalf("again %q, %v", again, err)
		}
	}
	// Another client on the same store reuses the stored token.
	other := newCompOn(t, srv, store)
	if got, err := other.ComponentAccessToken(ctx); err != nil || got != tok {
		t.Fatalf("other client %q, %v", got, err)
	}
	if n := srv.Count(tokenPath); n != 1 {
		t.Errorf("%d token requests, want 1", n)
	}
}

func TestComponentTokenErrors(t *testing.T) {
	ctx := context.Background()
	t.Run("unknown ticket", func(t *testing.T) {
		srv, c, store := newComp(t)
		storeJSON(t, store, wechat.StoreKey(fakewechat.DefaultComponentAppID, wechat.KeyComponentVerifyTicket),
			wechat.Token{Value: "ticket@@@forged", ExpiresAt: time.Now().Add(time.Hour)})
		_, err := c.ComponentAccessToken(ctx)
		wantCode(t, err, 61006)
		if strings.Contains(err.Error(), "forged") || strings.Contains(err.Error(), fakewechat.DefaultComponentSecret) {
			t.Errorf("error leaks a credential: %v", err)
		}
		_ = srv
	})
	t.Run("ticket expired at WeChat", func(t *testing.T) {
		srv, c, store := newComp(t)
		pushTicket(t, srv, store)
		srv.Advance(13 * time.Hour)
		_, err := c.ComponentAccessToken(ctx)
		wantCode(t, err, 61005)
	})
	t.Run("wrong secret", func(t *testing.T) {
		srv := fakewechat.NewTestServer(t)
		store := wechat.NewMemoryStore()
		c, err := component.New(component.Config{AppID: fakewechat.DefaultComponentAppID, AppSecret: "wrong"}, compOpts(srv, store)...)
		if err != nil {
			t.Fatal(err)
		}
		pushTicket(t, srv, store)
		_, err = c.ComponentAccessToken(ctx)
		wantCode(t, err, 40125)
		if strings.Contains(err.Error(), "wrong") {
			t.Errorf("error leaks the secret: %v", err)
		}
	})
}

func TestComponentTokenRejectedIsRefreshed(t *testing.T) {
	srv, c, _ := newReady(t)
	ctx := context.Background()
	tok, err := c.ComponentAccessToken(ctx)
	if err != nil {
		t.Fatal(err)
	}
	srv.InvalidateToken(tok)
	if _, err := c.CreatePreAuthCode(ctx); err != nil {
		t.Fatalf("CreatePreAuthCode after invalidation: %v", err)
	}
	if n := srv.Count(tokenPath); n != 2 {
		t.Errorf("%d token requests, want 2", n)
	}
	q, _ := last(t, srv, "POST /cgi-bin/component/api_create_preauthcode")
	if got := q.Get("component_access_token"); got == tok || got == "" {
		t.Errorf("retry used %q", got)
	}
	srv.ExpireTokens()
	if _, err := c.CreatePreAuthCode(ctx); err != nil {
		t.Fatalf("CreatePreAuthCode after expiry: %v", err)
	}
	if n := srv.Count(tokenPath); n != 3 {
		t.Errorf("%d token requests, want 3", n)
	}
}

func TestSaveVerifyTicket(t *testing.T) {
	srv, c, store := newComp(t)
	ctx := context.Background()
	wantArg(t, c.SaveVerifyTicket(ctx, ""), "component_verify_ticket")
	if err := c.SaveVerifyTicket(ctx, srv.PushVerifyTicket(fakewechat.DefaultComponentAppID)); err != nil {
		t.Fatal(err)
	}
	if storedToken(t, store, wechat.StoreKey(fakewechat.DefaultComponentAppID, wechat.KeyComponentVerifyTicket)) == "" {
		t.Fatal("ticket not stored")
	}
	if _, err := c.ComponentAccessToken(ctx); err != nil {
		t.Fatal(err)
	}
}

func TestRefreshAuthorizerToken(t *testing.T) {
	srv, c, _, info := authorized(t)
	ctx := context.Background()
	wantArg(t, func() error { _, err := c.RefreshAuthorizerToken(ctx, "", "x"); return err }(), "authorizer_appid")
	wantArg(t, func() error { _, err := c.RefreshAuthorizerToken(ctx, authorizerAppID, ""); return err }(), "authorizer_refresh_token")

	// AuthorizeFromCode stored the first refresh token; using it directly
	// rotates it at the fake.
	res, err := c.RefreshAuthorizerToken(ctx, authorizerAppID, info.RefreshToken)
	if err != nil {
		t.Fatal(err)
	}
	if res.AccessToken == "" || res.ExpiresIn != 7200 || res.RefreshToken == "" || res.RefreshToken == info.RefreshToken {
		t.Fatalf("answer %+v", res)
	}
	q, body := last(t, srv, "POST /cgi-bin/component/api_authorizer_token")
	if q.Get("component_access_token") == "" || q.Has("access_token") {
		t.Errorf("query %v", q)
	}
	if body["component_appid"] != fakewechat.DefaultComponentAppID || body["authorizer_appid"] != authorizerAppID ||
		body["authorizer_refresh_token"] != info.RefreshToken {
		t.Errorf("body %v", body)
	}
	_, err = c.RefreshAuthorizerToken(ctx, authorizerAppID, info.RefreshToken)
	wantCode(t, err, 61023)
	_, err = c.RefreshAuthorizerToken(ctx, "wxnotauthorized000", res.RefreshToken)
	wantCode(t, err, 61003)
}

func TestRequestComponentToken(t *testing.T) {
	srv, c, store := newComp(t)
	ctx := context.Background()
	_, err := c.RequestComponentToken(ctx, "")
	wantArg(t, err, "component_verify_ticket")
	ticket := srv.PushVerifyTicket(fakewechat.DefaultComponentAppID)
	tok, err := c.RequestComponentToken(ctx, ticket)
	if err != nil || tok.ComponentAccessToken == "" || tok.ExpiresIn != 7200 {
		t.Fatalf("token %+v, %v", tok, err)
	}
	// Uncached: nothing stored, the next call fetches again.
	if storedToken(t, store, c.Core().StoreKey(fakewechat.DefaultComponentAppID, wechat.KeyComponentAccessToken)) != "" {
		t.Error("RequestComponentToken stored the token")
	}
	if _, err := c.RequestComponentToken(ctx, ticket); err != nil {
		t.Fatal(err)
	}
	if n := srv.Count(tokenPath); n != 2 {
		t.Errorf("%d requests, want 2", n)
	}
}

// No credential reaches the log, even at debug level, over a whole flow
// with token refreshes and errors.
func TestNoSecretsInLogs(t *testing.T) {
	srv := fakewechat.NewTestServer(t)
	store := wechat.NewMemoryStore()
	var buf strings.Builder
	var mu sync.Mutex
	logger := slog.New(slog.NewTextHandler(lockedWriter{&mu, &buf}, &slog.HandlerOptions{Level: slog.LevelDebug}))
	c, err := component.New(component.Config{AppID: fakewechat.DefaultComponentAppID, AppSecret: fakewechat.DefaultComponentSecret},
		append(compOpts(srv, store), wechat.WithLogger(logger))...)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	ticket := pushTicket(t, srv, store)
	info, err := c.AuthorizeFromCode(ctx, srv.Authorize(fakewechat.DefaultComponentAppID, authorizerAppID))
	if err != nil {
		t.Fatal(err)
	}
	ctok, _ := c.ComponentAccessToken(ctx)
	srv.InvalidateToken(ctok)
	srv.InvalidateToken(info.AccessToken)
	if _, err := c.CreateOpenAccount(ctx, authorizerAppID); err != nil {
		t.Fatal(err)
	}
	if _, err := c.QueryAuth(ctx, "queryauthcode@@@bad"); err == nil {
		t.Fatal("want an error")
	}
	mu.Lock()
	logs := buf.String()
	mu.Unlock()
	if logs == "" {
		t.Fatal("nothing logged at debug level")
	}
	for _, secret := range []string{fakewechat.DefaultComponentSecret, ticket, ctok, info.AccessToken, info.RefreshToken} {
		if strings.Contains(logs, secret) {
			t.Errorf("log contains a credential:\n%s", logs)
		}
	}
}

type lockedWriter struct {
	mu *sync.Mutex
	w  *strings.Builder
}

func (l lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}
