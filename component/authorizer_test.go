package component_test

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/component"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/oa"
)

const refreshPath = "POST /cgi-bin/component/api_authorizer_token"

var testMenu = &oa.Menu{Button: []oa.Button{{Type: oa.ButtonClick, Name: "Hello", Key: "HELLO"}}}

// authorizerOA is an official account client acting for authorizerAppID
// through the component, built exactly as applications do.
func authorizerOA(t testing.TB, srv *fakewechat.Server, store wechat.Store, comp *component.Client) *oa.Client {
	t.Helper()
	client, err := oa.New(wechat.Config{AppID: authorizerAppID},
		append(compOpts(srv, store), wechat.WithTokenSource(comp.Authorizer(authorizerAppID)))...)
	if err != nil {
		t.Fatal(err)
	}
	return client
}

func TestAuthorizerTokenDrivesOfficialAccountClient(t *testing.T) {
	srv, comp, store, info := authorized(t)
	ctx := context.Background()
	client := authorizerOA(t, srv, store, comp)

	if err := client.Menu.Create(ctx, testMenu); err != nil {
		t.Fatalf("Menu.Create with the authorizer token: %v", err)
	}
	q, _ := last(t, srv, "POST /cgi-bin/menu/create")
	if got := q.Get("access_token"); got != info.AccessToken {
		t.Fatalf("menu/create used token %q, want the authorizer token from api_query_auth", got)
	}
	menus, err := client.Menu.Get(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(menus.Menu.Button) != 1 || menus.Menu.Button[0].Key != "HELLO" {
		t.Fatalf("menu read back %+v", menus.Menu)
	}

	// WeChat rejects the token (40001): the client invalidates it, the
	// component refreshes it with the stored refresh token, the call is retried.
	srv.InvalidateToken(info.AccessToken)
	if err := client.Menu.Create(ctx, testMenu); err != nil {
		t.Fatalf("Menu.Create after 40001: %v", err)
	}
	if n := srv.Count(refreshPath); n != 1 {
		t.Fatalf("%d api_authorizer_token calls, want 1", n)
	}
	q, _ = last(t, srv, "POST /cgi-bin/menu/create")
	fresh := q.Get("access_token")
	if fresh == "" || fresh == info.AccessToken {
		t.Fatalf("retry used %q", fresh)
	}
	_, body := last(t, srv, refreshPath)
	if body["authorizer_refresh_token"] != info.RefreshToken || body["authorizer_appid"] != authorizerAppID {
		t.Errorf("refresh body %v", body)
	}
	// The rotated refresh token and the new access token are in the store.
	rotated, _ := srv.AuthorizerRefreshToken(fakewechat.DefaultComponentAppID, authorizerAppID)
	if got := storedToken(t, store, wechat.StoreKey(authorizerAppID, wechat.KeyAuthorizerRefreshToken)); got != rotated || got == info.RefreshToken {
		t.Errorf("stored refresh token %q, want the rotated %q", got, rotated)
	}
	if got := storedToken(t, store, wechat.StoreKey(authorizerAppID, wechat.KeyAccessToken)); got != fresh {
		t.Errorf("stored access token %q, want %q", got, fresh)
	}

	// Expiry (42001) refreshes again, with the rotated refresh token.
	srv.ExpireTokens()
	if _, err := client.Menu.Get(ctx); err != nil {
		t.Fatalf("Menu.Get after expiry: %v", err)
	}
	if _, body := last(t, srv, refreshPath); body["authorizer_refresh_token"] != rotated {
		t.Errorf("second refresh used %v, want the rotated token", body["authorizer_refresh_token"])
	}
}

func TestAuthorizerClientShared(t *testing.T) {
	srv, comp, _, info := authorized(t)
	ctx := context.Background()
	core, err := comp.AuthorizerClient(authorizerAppID)
	if err != nil {
		t.Fatal(err)
	}
	if again, _ := comp.AuthorizerClient(authorizerAppID); again != core {
		t.Error("AuthorizerClient not cached")
	}
	if core.AppID() != authorizerAppID || core.Store() != comp.Store() {
		t.Error("authorizer client does not share the component's store")
	}
	if err := oa.Wrap(core).Menu.Create(ctx, testMenu); err != nil {
		t.Fatal(err)
	}
	if q, _ := last(t, srv, "POST /cgi-bin/menu/create"); q.Get("access_token") != info.AccessToken {
		t.Errorf("token %q", q.Get("access_token"))
	}
	if comp.Authorizer(authorizerAppID) != comp.Authorizer(authorizerAppID) {
		t.Error("Authorizer not cached")
	}
	_, err = comp.AuthorizerClient("")
	wantArg(t, err, "authorizer_appid")
}

func TestAuthorizerNotAuthorized(t *testing.T) {
	srv, comp, store := newReady(t)
	ctx := context.Background()
	_, err := comp.Authorizer("wxnever00000000001").Token(ctx)
	if !errors.Is(err, component.ErrNotAuthorized) {
		t.Fatalf("err = %v, want ErrNotAuthorized", err)
	}
	var te *component.AuthorizerTokenError
	if !errors.As(err, &te) || te.AuthorizerAppID != "wxnever00000000001" {
		t.Fatalf("err = %v, want *AuthorizerTokenError", err)
	}
	if n := srv.Count(refreshPath); n != 0 {
		t.Errorf("%d refresh calls without a refresh token", n)
	}

	// Revoked: the stored refresh token no longer works (61003).
	_, comp2, _, _ := func() (*fakewechat.Server, *component.Client, wechat.Store, *component.AuthorizationInfo) {
		code := srv.Authorize(fakewechat.DefaultComponentAppID, authorizerAppID)
		info, err := comp.AuthorizeFromCode(ctx, code)
		if err != nil {
			t.Fatal(err)
		}
		return srv, comp, store, info
	}()
	srv.Unauthorize(fakewechat.DefaultComponentAppID, authorizerAppID)
	srv.ExpireTokens()
	client := authorizerOA(t, srv, store, comp2)
	err = client.Menu.Create(ctx, testMenu)
	wantCode(t, err, 61003)
	if !errors.As(err, &te) {
		t.Errorf("err = %v, want it wrapped in *AuthorizerTokenError", err)
	}
}

// Several processes (clients sharing a store) refresh an authorizer token
// once: the refresh token, which rotates, is never used twice.
func TestAuthorizerRefreshSingleFlightAcrossClients(t *testing.T) {
	srv, comp, store, info := authorized(t)
	ctx := context.Background()
	clients := []*oa.Client{authorizerOA(t, srv, store, comp)}
	for range 3 {
		clients = append(clients, authorizerOA(t, srv, store, newCompOn(t, srv, store)))
	}
	srv.InvalidateToken(info.AccessToken)
	var wg sync.WaitGroup
	errs := make(chan error, 40)
	for i := range 40 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, err := clients[i%len(clients)].Menu.Get(ctx)
			if err != nil {
				var apiErr *wechat.APIError
				if !errors.As(err, &apiErr) || apiErr.Code != 46003 { // no menu yet
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
	if n := srv.Count(refreshPath); n != 1 {
		t.Errorf("%d api_authorizer_token calls, want 1", n)
	}
	if n := srv.Count(tokenPath); n != 1 {
		t.Errorf("%d api_component_token calls, want 1 (shared through the store)", n)
	}
	rotated, _ := srv.AuthorizerRefreshToken(fakewechat.DefaultComponentAppID, authorizerAppID)
	if got := storedToken(t, store, wechat.StoreKey(authorizerAppID, wechat.KeyAuthorizerRefreshToken)); got != rotated {
		t.Errorf("stored refresh token %q, want %q", got, rotated)
	}
}

func TestStartRefresher(t *testing.T) {
	srv := fakewechat.NewTestServer(t)
	store := wechat.NewMemoryStore()
	// Every token is always due for renewal: the refresher renews them at
	// each round.
	c, err := component.New(component.Config{AppID: fakewechat.DefaultComponentAppID, AppSecret: fakewechat.DefaultComponentSecret,
		TokenOptions: wechat.TokenOptions{RefreshBefore: 3 * time.Hour, RetryInterval: 5 * time.Millisecond}}, compOpts(srv, store)...)
	if err != nil {
		t.Fatal(err)
	}
	pushTicket(t, srv, store)
	ctx := context.Background()
	if _, err := c.AuthorizeFromCode(ctx, srv.Authorize(fakewechat.DefaultComponentAppID, authorizerAppID)); err != nil {
		t.Fatal(err)
	}
	c.StartRefresher(ctx)
	deadline := time.Now().Add(5 * time.Second)
	for srv.Count(tokenPath) < 3 || srv.Count(refreshPath) < 2 {
		if time.Now().After(deadline) {
			t.Fatalf("refresher: %d component token and %d authorizer token requests", srv.Count(tokenPath), srv.Count(refreshPath))
		}
		time.Sleep(5 * time.Millisecond)
	}
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	// Stopped: no more renewals (an in-flight one may still finish).
	time.Sleep(150 * time.Millisecond)
	n := srv.Count(tokenPath) + srv.Count(refreshPath)
	time.Sleep(50 * time.Millisecond)
	if m := srv.Count(tokenPath) + srv.Count(refreshPath); m != n {
		t.Errorf("%d renewals after Close", m-n)
	}
	// The authorizer token in the store is still the fake's current one.
	rotated, _ := srv.AuthorizerRefreshToken(fakewechat.DefaultComponentAppID, authorizerAppID)
	if got := storedToken(t, store, wechat.StoreKey(authorizerAppID, wechat.KeyAuthorizerRefreshToken)); got != rotated {
		t.Errorf("stored refresh token %q, want %q", got, rotated)
	}
}
