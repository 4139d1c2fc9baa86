package wechat_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
)

const (
	stablePath = "POST /cgi-bin/stable_token"
	echoPath   = "POST /test/echo"
)

// newFake starts a fake server with a test echo endpoint.
func newFake(t *testing.T, opts ...fakewechat.Option) *fakewechat.Server {
	t.Helper()
	srv := fakewechat.NewTestServer(t, opts...)
	srv.HandleJSON(echoPath, func(r *fakewechat.Request) (any, error) {
		m, err := r.JSON()
		if err != nil {
			return nil, err
		}
		return fakewechat.OK(fakewechat.M{"echo": m, "appid": r.AppID}), nil
	})
	srv.HandleRaw("GET /test/media", func(w http.ResponseWriter, r *fakewechat.Request) {
		w.Header().Set("Content-Type", "image/jpeg")
		w.Header().Set("Content-Disposition", `attachment; filename="a.jpg"`)
		io.WriteString(w, "\xff\xd8binary-bytes")
	})
	srv.HandleRaw("POST /test/upload", func(w http.ResponseWriter, r *fakewechat.Request) {
		f, h, err := r.HTTP.FormFile("media")
		if err != nil {
			fakewechat.WriteJSON(w, 200, fakewechat.M{"errcode": 41005, "errmsg": "media data missing"})
			return
		}
		b, _ := io.ReadAll(f)
		fakewechat.WriteJSON(w, 200, fakewechat.M{"errcode": 0, "name": h.Filename, "size": len(b), "desc": r.HTTP.FormValue("description")})
	})
	return srv
}

func newClient(t *testing.T, srv *fakewechat.Server, opts ...wechat.Option) *wechat.Client {
	t.Helper()
	base := []wechat.Option{
		wechat.WithBaseURL(srv.URL()),
		wechat.WithHTTPClient(srv.Client()),
		wechat.WithStore(wechat.NewMemoryStore()),
		wechat.WithRetry(wechat.RetryPolicy{MaxAttempts: 3, BaseDelay: time.Millisecond, MaxDelay: 5 * time.Millisecond}),
	}
	c, err := wechat.NewClient(wechat.Config{AppID: fakewechat.DefaultAppID, AppSecret: fakewechat.DefaultSecret}, append(base, opts...)...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

func TestColdStoreManyGoroutinesOneTokenRequest(t *testing.T) {
	srv := newFake(t)
	c := newClient(t, srv)
	var wg sync.WaitGroup
	tokens := make([]string, 500)
	errs := make([]error, 500)
	for i := range tokens {
		wg.Add(1)
		go func() {
			defer wg.Done()
			tokens[i], errs[i] = c.AccessToken(context.Background())
		}()
	}
	wg.Wait()
	for i := range tokens {
		if errs[i] != nil || tokens[i] != tokens[0] || tokens[0] == "" {
			t.Fatalf("goroutine %d: token %q err %v", i, tokens[i], errs[i])
		}
	}
	if n := srv.Count(stablePath); n != 1 {
		t.Fatalf("stable_token requests = %d, want 1", n)
	}
}

func TestCallDecodesAndSendsToken(t *testing.T) {
	srv := newFake(t)
	c := newClient(t, srv)
	var out struct {
		Echo  map[string]any `json:"echo"`
		AppID string         `json:"appid"`
	}
	err := c.Call(context.Background(), "POST", "/test/echo", url.Values{"x": {"1"}}, map[string]any{"url": "https://a.example/?a=1&b=<2>", "name": "菜单"}, &out)
	if err != nil {
		t.Fatal(err)
	}
	if out.AppID != fakewechat.DefaultAppID || out.Echo["name"] != "菜单" {
		t.Fatalf("unexpected answer %+v", out)
	}
	rec, ok := srv.LastRequest(echoPath)
	if !ok {
		t.Fatal("request not recorded")
	}
	if !strings.Contains(string(rec.Body), "&b=<2>") {
		t.Fatalf("body was HTML-escaped: %s", rec.Body)
	}
	if rec.Query.Get("x") != "1" || rec.Query.Get("access_token") == "" {
		t.Fatalf("query %v", rec.Query)
	}
}

func TestRejectedTokenRefreshedOnceAndRetried(t *testing.T) {
	srv := newFake(t)
	c := newClient(t, srv)
	ctx := context.Background()
	old, err := c.AccessToken(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !srv.InvalidateToken(old) {
		t.Fatal("fake did not know the token")
	}
	if err := c.Call(ctx, "POST", "/test/echo", nil, map[string]int{"a": 1}, nil); err != nil {
		t.Fatalf("call after invalidation: %v", err)
	}
	// The fake forgets an invalidated token, so stable_token issues a new
	// one without force_refresh: one fetch, then exactly one refresh.
	if n := srv.Count(stablePath); n != 2 {
		t.Fatalf("stable_token requests = %d, want 2", n)
	}
	if n := srv.Count(echoPath); n != 2 {
		t.Fatalf("echo requests = %d, want 2 (the rejected one and the retry)", n)
	}
	now, _ := c.AccessToken(ctx)
	if now == old {
		t.Fatal("token was not replaced")
	}
}

func TestRejectedTokenClassicEndpoint(t *testing.T) {
	srv := newFake(t)
	c := newClient(t, srv, wechat.WithTokenEndpoint(wechat.ClassicToken))
	ctx := context.Background()
	old, _ := c.AccessToken(ctx)
	srv.InvalidateToken(old)
	if err := c.Call(ctx, "POST", "/test/echo", nil, map[string]int{}, nil); err != nil {
		t.Fatal(err)
	}
	if n := srv.Count("GET /cgi-bin/token"); n != 2 {
		t.Fatalf("token requests = %d, want 2", n)
	}
}

func TestTokenErrorNotRetriedForever(t *testing.T) {
	srv := newFake(t)
	c := newClient(t, srv)
	ctx := context.Background()
	if err := srv.Inject(fakewechat.Fault{Path: echoPath, Errcode: 40001}); err != nil {
		t.Fatal(err)
	}
	err := c.Call(ctx, "POST", "/test/echo", nil, map[string]int{}, nil)
	if !errors.Is(err, wechat.ErrInvalidToken) {
		t.Fatalf("err = %v, want ErrInvalidToken", err)
	}
	if n := srv.Count(echoPath); n != 2 {
		t.Fatalf("echo requests = %d, want 2", n)
	}
}

func TestFailingTokenEndpointGivesClearError(t *testing.T) {
	srv := newFake(t)
	c := newClient(t, srv)
	srv.Inject(fakewechat.Fault{Path: stablePath, Errcode: 40125})
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	_, err := c.AccessToken(ctx)
	var apiErr *wechat.APIError
	if !errors.As(err, &apiErr) || apiErr.Code != 40125 {
		t.Fatalf("err = %v, want errcode 40125", err)
	}
	if ctx.Err() != nil {
		t.Fatal("token fetch did not end before the deadline")
	}
	if n := srv.Count(stablePath); n != 1 {
		t.Fatalf("stable_token requests = %d, want 1 (no loop)", n)
	}
	if strings.Contains(err.Error(), fakewechat.DefaultSecret) {
		t.Fatal("secret leaked into the error")
	}
	// A second call tries again (no error is cached forever) and still fails cleanly.
	if _, err := c.AccessToken(ctx); err == nil {
		t.Fatal("want error")
	}
}

func TestSystemBusyRetriedWithBackoff(t *testing.T) {
	srv := newFake(t)
	c := newClient(t, srv)
	srv.Inject(fakewechat.Fault{Path: echoPath, Errcode: -1, Times: 2})
	if err := c.Call(context.Background(), "POST", "/test/echo", nil, map[string]int{}, nil); err != nil {
		t.Fatal(err)
	}
	if n := srv.Count(echoPath); n != 3 {
		t.Fatalf("echo requests = %d, want 3", n)
	}
	srv.Inject(fakewechat.Fault{Path: echoPath, Errcode: -1, Times: 5})
	err := c.Call(context.Background(), "POST", "/test/echo", nil, map[string]int{}, nil)
	if !errors.Is(err, wechat.ErrSystemBusy) {
		t.Fatalf("err = %v, want ErrSystemBusy", err)
	}
}

func TestAPIErrorCarriesRIDAndSentinels(t *testing.T) {
	srv := newFake(t)
	c := newClient(t, srv)
	srv.Inject(fakewechat.Fault{Path: echoPath, Errcode: 45009, Times: 1})
	err := c.Call(context.Background(), "POST", "/test/echo", nil, map[string]int{}, nil)
	var apiErr *wechat.APIError
	if !errors.As(err, &apiErr) || apiErr.Code != 45009 || apiErr.RID == "" || apiErr.Path != "/test/echo" {
		t.Fatalf("err = %#v", err)
	}
	if !errors.Is(err, wechat.ErrRateLimited) || errors.Is(err, wechat.ErrSystemBusy) {
		t.Fatal("sentinel mismatch")
	}
	srv.Inject(fakewechat.Fault{Path: echoPath, Errcode: 40164, Times: 1})
	if err := c.Call(context.Background(), "POST", "/test/echo", nil, map[string]int{}, nil); !errors.Is(err, wechat.ErrIPNotAllowed) {
		t.Fatalf("err = %v", err)
	}
}

func TestPostNotRetriedAfterDroppedConnection(t *testing.T) {
	srv := newFake(t)
	c := newClient(t, srv)
	c.AccessToken(context.Background())
	srv.Inject(fakewechat.Fault{Path: echoPath, Drop: true, Times: 1})
	err := c.Call(context.Background(), "POST", "/test/echo", nil, map[string]int{}, nil)
	if err == nil {
		t.Fatal("want error for a dropped connection")
	}
	if n := srv.Count(echoPath); n != 1 {
		t.Fatalf("a POST that may have been processed was retried: %d requests", n)
	}
	tok, _ := c.AccessToken(context.Background())
	if strings.Contains(err.Error(), tok) {
		t.Fatalf("token leaked into error: %v", err)
	}
}

func TestConnectionRefusedRetriedAndScrubbed(t *testing.T) {
	c, err := wechat.NewClient(wechat.Config{AppID: "wx1", AppSecret: "topsecret"},
		wechat.WithBaseURL("http://127.0.0.1:1"), wechat.WithStore(wechat.NewMemoryStore()),
		wechat.WithRetry(wechat.RetryPolicy{MaxAttempts: 2, BaseDelay: time.Millisecond}))
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.AccessToken(context.Background())
	if err == nil || strings.Contains(err.Error(), "topsecret") {
		t.Fatalf("err = %v", err)
	}
	// The classic endpoint sends the secret in the query: it must be scrubbed.
	c2, _ := wechat.NewClient(wechat.Config{AppID: "wx1", AppSecret: "topsecret"}, wechat.WithTokenEndpoint(wechat.ClassicToken),
		wechat.WithBaseURL("http://127.0.0.1:1"), wechat.WithStore(wechat.NewMemoryStore()),
		wechat.WithRetry(wechat.RetryPolicy{MaxAttempts: 1}))
	_, err = c2.AccessToken(context.Background())
	if err == nil || strings.Contains(err.Error(), "topsecret") {
		t.Fatalf("err = %v", err)
	}
}

func TestGetRetriedOn5xx(t *testing.T) {
	srv := newFake(t)
	c := newClient(t, srv)
	srv.Inject(fakewechat.Fault{Path: "GET /test/media", Status: 502, Times: 1})
	dl, err := c.Stream(context.Background(), wechat.Endpoint{Method: "GET", Path: "/test/media"}, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer dl.Close()
	b, _ := io.ReadAll(dl)
	if string(b) != "\xff\xd8binary-bytes" || dl.Filename != "a.jpg" || dl.ContentType != "image/jpeg" {
		t.Fatalf("download %q %q %q", b, dl.Filename, dl.ContentType)
	}
}

func TestStreamDetectsJSONError(t *testing.T) {
	srv := newFake(t)
	c := newClient(t, srv)
	srv.Inject(fakewechat.Fault{Path: "GET /test/media", Errcode: 40007, Times: 1})
	_, err := c.Stream(context.Background(), wechat.Endpoint{Method: "GET", Path: "/test/media"}, nil, nil)
	var apiErr *wechat.APIError
	if !errors.As(err, &apiErr) || apiErr.Code != 40007 {
		t.Fatalf("err = %v", err)
	}
}

func TestUploadStreamsMultipart(t *testing.T) {
	srv := newFake(t)
	c := newClient(t, srv)
	var out struct {
		Name string `json:"name"`
		Size int    `json:"size"`
		Desc string `json:"desc"`
	}
	content := strings.Repeat("x", 100000)
	err := c.Upload(context.Background(), wechat.Endpoint{Method: "POST", Path: "/test/upload"}, nil,
		wechat.UploadFile{Filename: "v.mp4", Content: strings.NewReader(content)}, map[string]string{"description": `{"title":"t"}`}, &out)
	if err != nil {
		t.Fatal(err)
	}
	if out.Name != "v.mp4" || out.Size != len(content) || out.Desc != `{"title":"t"}` {
		t.Fatalf("%+v", out)
	}
	// A rejected token with a seekable body is retried with the whole file.
	tok, _ := c.AccessToken(context.Background())
	srv.InvalidateToken(tok)
	if err := c.Upload(context.Background(), wechat.Endpoint{Method: "POST", Path: "/test/upload"}, nil,
		wechat.UploadFile{Filename: "v.mp4", Content: strings.NewReader(content)}, nil, &out); err != nil || out.Size != len(content) {
		t.Fatalf("retry upload: %v %+v", err, out)
	}
	// A non-seekable body cannot be replayed: clear error, no silent partial upload.
	tok, _ = c.AccessToken(context.Background())
	srv.InvalidateToken(tok)
	err = c.Upload(context.Background(), wechat.Endpoint{Method: "POST", Path: "/test/upload"}, nil,
		wechat.UploadFile{Filename: "v.mp4", Content: io.MultiReader(strings.NewReader(content))}, nil, &out)
	if err == nil || !strings.Contains(err.Error(), "replayed") {
		t.Fatalf("err = %v", err)
	}
}

func TestTicketsUseAccessToken(t *testing.T) {
	srv := newFake(t)
	c := newClient(t, srv)
	ctx := context.Background()
	j, err := c.JSAPITicket(ctx)
	if err != nil || j == "" {
		t.Fatal(j, err)
	}
	card, err := c.CardTicket(ctx)
	if err != nil || card == "" || card == j {
		t.Fatal(card, err)
	}
	j2, _ := c.JSAPITicket(ctx)
	if j2 != j || srv.Count("GET /cgi-bin/ticket/getticket") != 2 {
		t.Fatal("ticket not cached")
	}
}

// failingStore is a store that is down.
type failingStore struct{}

var errDown = errors.New("store down")

func (failingStore) Get(context.Context, string) ([]byte, error)              { return nil, errDown }
func (failingStore) Set(context.Context, string, []byte, time.Duration) error { return errDown }
func (failingStore) Delete(context.Context, string) error                     { return errDown }
func (failingStore) CompareAndDelete(context.Context, string, []byte) (bool, error) {
	return false, errDown
}
func (failingStore) SetNX(context.Context, string, []byte, time.Duration) (bool, error) {
	return false, errDown
}

func TestStoreDownStillServes(t *testing.T) {
	srv := newFake(t)
	c := newClient(t, srv, wechat.WithStore(failingStore{}))
	if err := c.Call(context.Background(), "POST", "/test/echo", nil, map[string]int{}, nil); err != nil {
		t.Fatalf("call with store down: %v", err)
	}
}

func TestTokenRestoredFromStore(t *testing.T) {
	srv := newFake(t)
	store := wechat.NewMemoryStore()
	a := newClient(t, srv, wechat.WithStore(store))
	tok, _ := a.AccessToken(context.Background())
	b := newClient(t, srv, wechat.WithStore(store))
	tok2, err := b.AccessToken(context.Background())
	if err != nil || tok2 != tok || srv.Count(stablePath) != 1 {
		t.Fatalf("second client did not reuse the stored token: %v %d", err, srv.Count(stablePath))
	}
}

func TestInvalidateOnlyDropsTheRejectedToken(t *testing.T) {
	srv := newFake(t)
	store := wechat.NewMemoryStore()
	c := newClient(t, srv, wechat.WithStore(store))
	ctx := context.Background()
	tok, _ := c.AccessToken(ctx)
	if err := c.TokenSource().Invalidate(ctx, "some-older-token"); err != nil {
		t.Fatal(err)
	}
	if now, _ := c.AccessToken(ctx); now != tok || srv.Count(stablePath) != 1 {
		t.Fatal("a token that was not the rejected one was dropped")
	}
	if _, err := store.Get(ctx, c.StoreKey(fakewechat.DefaultAppID, wechat.KeyAccessToken)); err != nil {
		t.Fatal("stored token was dropped", err)
	}
}

func TestEarlyRenewalFailureKeepsServing(t *testing.T) {
	// Tokens live 5 minutes and are renewed 9 minutes ahead: every token is
	// due for renewal as soon as it is fetched.
	srv := newFake(t, fakewechat.WithTokenTTL(5*time.Minute))
	c := newClient(t, srv, wechat.WithTokenEndpoint(wechat.ClassicToken),
		wechat.WithTokenOptions(wechat.TokenOptions{RefreshBefore: 9 * time.Minute, RetryInterval: time.Hour}))
	ctx := context.Background()
	tok, err := c.AccessToken(ctx)
	if err != nil {
		t.Fatal(err)
	}
	srv.Inject(fakewechat.Fault{Path: "GET /cgi-bin/token", Errcode: 45009})
	for range 5 {
		got, err := c.AccessToken(ctx)
		if err != nil || got != tok {
			t.Fatalf("still-valid token not served: %q %v", got, err)
		}
	}
	deadline := time.Now().Add(5 * time.Second)
	for srv.Count("GET /cgi-bin/token") < 2 {
		if time.Now().After(deadline) {
			t.Fatal("no early renewal was attempted")
		}
		time.Sleep(10 * time.Millisecond)
	}
	time.Sleep(50 * time.Millisecond)
	if n := srv.Count("GET /cgi-bin/token"); n != 2 {
		t.Fatalf("early renewal attempted %d times, want once per RetryInterval", n-1)
	}
	if got, err := c.AccessToken(ctx); err != nil || got != tok {
		t.Fatalf("after failed renewal: %q %v", got, err)
	}
}

func TestBackgroundRefresherRenewsAhead(t *testing.T) {
	srv := newFake(t, fakewechat.WithTokenTTL(3*time.Second))
	c := newClient(t, srv, wechat.WithTokenEndpoint(wechat.ClassicToken),
		wechat.WithTokenOptions(wechat.TokenOptions{RefreshBefore: 2 * time.Second, RetryInterval: 100 * time.Millisecond}))
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	c.StartRefresher(ctx, false)
	deadline := time.Now().Add(5 * time.Second)
	for srv.Count("GET /cgi-bin/token") < 2 {
		if time.Now().After(deadline) {
			t.Fatal("refresher did not renew the token ahead of expiry")
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func TestRegistry(t *testing.T) {
	var r wechat.Registry[*wechat.Client]
	c, _ := wechat.NewClient(wechat.Config{AppID: "wxa", AppSecret: "s", CodeName: "shop"}, wechat.WithStore(wechat.NewMemoryStore()))
	r.Add(c)
	if got, ok := r.Get("shop"); !ok || got != c {
		t.Fatal("by code name")
	}
	if got, ok := r.Get("wxa"); !ok || got != c || r.Len() != 1 {
		t.Fatal("by appid")
	}
	if !r.Remove("shop") {
		t.Fatal("remove")
	}
	if _, ok := r.Get("wxa"); ok {
		t.Fatal("still registered")
	}
}

func TestRejectedStableTokenIsForced(t *testing.T) {
	srv := newFake(t)
	c := newClient(t, srv)
	ctx := context.Background()
	old, _ := c.AccessToken(ctx)
	// WeChat rejects a token that stable_token would still hand out.
	srv.Inject(fakewechat.Fault{Path: echoPath, Errcode: 40001, Times: 1})
	if err := c.Call(ctx, "POST", "/test/echo", nil, map[string]int{}, nil); err != nil {
		t.Fatal(err)
	}
	if n := srv.Count(stablePath); n != 3 { // first fetch, then normal (same token) and forced
		t.Fatalf("stable_token requests = %d, want 3", n)
	}
	rec, _ := srv.LastRequest(stablePath)
	if !strings.Contains(string(rec.Body), `"force_refresh":true`) {
		t.Fatalf("last stable_token request not forced: %s", rec.Body)
	}
	if now, _ := c.AccessToken(ctx); now == old {
		t.Fatal("token not replaced")
	}
}

func TestStreamAbsoluteURL(t *testing.T) {
	srv := newFake(t)
	c := newClient(t, srv, wechat.WithBaseURL("http://127.0.0.1:1")) // base URL unused for absolute paths
	dl, err := c.Stream(context.Background(), wechat.Endpoint{Method: "GET", Path: srv.URL() + "/test/media", Auth: wechat.AuthNone}, nil, nil)
	if err == nil {
		defer dl.Close()
	}
	// The fake requires a token on /test/media: without one it answers 41001 as JSON.
	var apiErr *wechat.APIError
	if !errors.As(err, &apiErr) || apiErr.Code != 41001 {
		t.Fatalf("err = %v", err)
	}
}

func TestDefaultStoreIsAFile(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	t.Setenv("HOME", t.TempDir())
	srv := newFake(t)
	c, err := wechat.NewClient(wechat.Config{AppID: fakewechat.DefaultAppID, AppSecret: fakewechat.DefaultSecret},
		wechat.WithBaseURL(srv.URL()))
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := c.Store().(*wechat.FileStore); !ok {
		t.Fatalf("default store is %T", c.Store())
	}
	if _, err := c.AccessToken(context.Background()); err != nil {
		t.Fatal(err)
	}
	fs, _ := wechat.NewFileStore(wechat.DefaultFileStorePath())
	defer fs.Close()
	if _, err := fs.Get(context.Background(), c.StoreKey(fakewechat.DefaultAppID, wechat.KeyAccessToken)); err != nil {
		t.Fatalf("token not in the default file store: %v", err)
	}
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
}

func TestEarlyRenewalNeverForcesStableToken(t *testing.T) {
	// Tokens live 20 minutes and are renewed 21 minutes ahead: due at once,
	// but stable_token keeps returning the same token outside its last 5
	// minutes. The renewal must not force a new one (forcing would kill the
	// token other processes are using, and WeChat limits forced refreshes).
	srv := newFake(t, fakewechat.WithTokenTTL(20*time.Minute))
	c := newClient(t, srv, wechat.WithTokenOptions(wechat.TokenOptions{RefreshBefore: 21 * time.Minute, RetryInterval: time.Hour}))
	ctx := context.Background()
	tok, err := c.AccessToken(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := c.AccessToken(ctx); got != tok { // triggers the early renewal
		t.Fatal("token changed")
	}
	deadline := time.Now().Add(5 * time.Second)
	for srv.Count(stablePath) < 2 {
		if time.Now().After(deadline) {
			t.Fatal("no early renewal")
		}
		time.Sleep(10 * time.Millisecond)
	}
	time.Sleep(50 * time.Millisecond)
	for _, r := range srv.Requests() {
		if r.Key() == stablePath && strings.Contains(string(r.Body), `"force_refresh":true`) {
			t.Fatalf("early renewal forced a refresh: %s", r.Body)
		}
	}
	if n := srv.Count(stablePath); n != 2 {
		t.Fatalf("stable_token requests = %d, want 2", n)
	}
	if got, err := c.AccessToken(ctx); err != nil || got != tok {
		t.Fatalf("token after renewal: %q %v", got, err)
	}
}

func TestTokenParam(t *testing.T) {
	srv := newFake(t)
	c := newClient(t, srv)
	srv.HandleJSON("GET /test/component", func(r *fakewechat.Request) (any, error) {
		return fakewechat.OK(fakewechat.M{"got": r.Query.Get("component_access_token") != "", "plain": r.Query.Has("access_token")}), nil
	}, fakewechat.Public())
	var out struct{ Got, Plain bool }
	if err := c.Do(context.Background(), wechat.Endpoint{Method: "GET", Path: "/test/component", TokenParam: "component_access_token"}, nil, nil, &out); err != nil {
		t.Fatal(err)
	}
	if !out.Got || out.Plain {
		t.Fatalf("%+v", out)
	}
}

func TestUploadRejectsBadFileBeforeSending(t *testing.T) {
	srv := newFake(t)
	c := newClient(t, srv)
	for _, f := range []wechat.UploadFile{{Content: strings.NewReader("x")}, {Filename: "a.jpg"}} {
		err := c.Upload(context.Background(), wechat.Endpoint{Method: "POST", Path: "/test/upload"}, nil, f, nil, nil)
		var ae *wechat.ArgumentError
		if !errors.As(err, &ae) || ae.Arg != "media" {
			t.Fatalf("err = %v", err)
		}
	}
	if n := srv.Count("POST /test/upload"); n != 0 {
		t.Fatalf("%d requests sent", n)
	}
}

// TestErrorAnswerResultsKept: an answer with a non-zero errcode that also
// carries results (WeCom's batch calls list their failed items that way)
// gives both the *APIError and the results; a token error, retried, leaves
// out as the successful retry answered it.
func TestErrorAnswerResultsKept(t *testing.T) {
	srv := newFake(t)
	c := newClient(t, srv)
	ctx := context.Background()
	srv.HandleRaw("POST /test/batch", func(w http.ResponseWriter, r *fakewechat.Request) {
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `{"errcode":60111,"errmsg":"userid not found: lisi","result_list":[{"userid":"lisi","errcode":60111,"errmsg":"userid not found: lisi"}]}`)
	})
	var out struct {
		ResultList []struct {
			UserID  string `json:"userid"`
			Errcode int    `json:"errcode"`
		} `json:"result_list"`
	}
	err := c.Do(ctx, wechat.Endpoint{Method: http.MethodPost, Path: "/test/batch"}, nil, map[string]any{"useridlist": []string{"zhangsan", "lisi"}}, &out)
	var apiErr *wechat.APIError
	if !errors.As(err, &apiErr) || apiErr.Code != 60111 {
		t.Fatalf("err = %v", err)
	}
	if len(out.ResultList) != 1 || out.ResultList[0].UserID != "lisi" || out.ResultList[0].Errcode != 60111 {
		t.Fatalf("results lost: %+v", out)
	}

	// 40001 then success: only the successful answer is decoded into out
	// (the rejected token's answer is retried, never decoded).
	if err := srv.Inject(fakewechat.Fault{Path: echoPath, Errcode: 40001, Times: 1}); err != nil {
		t.Fatal(err)
	}
	var echo decodeCounter
	if err := c.Call(ctx, "POST", "/test/echo", nil, map[string]int{"a": 1}, &echo); err != nil {
		t.Fatal(err)
	}
	if echo.n != 1 || !strings.Contains(echo.last, `"errmsg":"ok"`) || srv.Count(echoPath) != 2 {
		t.Fatalf("decoded %d answers, last %s", echo.n, echo.last)
	}
	// A final error other than a token error is decoded once.
	srv.HandleRaw("POST /test/fail", func(w http.ResponseWriter, r *fakewechat.Request) {
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `{"errcode":45009,"errmsg":"reach max api daily quota limit"}`)
	})
	echo = decodeCounter{}
	if err := c.Call(ctx, "POST", "/test/fail", nil, nil, &echo); err == nil || echo.n != 1 {
		t.Fatalf("final error: %v, decoded %d", err, echo.n)
	}
}

// decodeCounter counts the answers decoded into it.
type decodeCounter struct {
	n    int
	last string
}

func (d *decodeCounter) UnmarshalJSON(b []byte) error {
	d.n++
	d.last = string(b)
	return nil
}
