package hub_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/hub"
)

const secret = "a-long-shared-hub-secret"

type setup struct {
	fake    *fakewechat.Server
	hub     *httptest.Server
	hubHits atomic.Int64
	client  *wechat.Client // a hub client: tokens come from the hub
	source  *hub.Source
}

func newSetup(t *testing.T) *setup {
	t.Helper()
	s := &setup{fake: fakewechat.NewTestServer(t)}
	s.fake.HandleJSON("POST /test/echo", func(r *fakewechat.Request) (any, error) { return fakewechat.OK(nil), nil })
	owner, err := wechat.NewClient(wechat.Config{AppID: fakewechat.DefaultAppID, AppSecret: fakewechat.DefaultSecret},
		wechat.WithBaseURL(s.fake.URL()), wechat.WithStore(wechat.NewMemoryStore()))
	if err != nil {
		t.Fatal(err)
	}
	h, err := hub.NewServer(secret)
	if err != nil {
		t.Fatal(err)
	}
	h.RegisterClient(owner)
	s.hub = httptest.NewServer(http.StripPrefix("/hub", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.hubHits.Add(1)
		h.ServeHTTP(w, r)
	})))
	t.Cleanup(s.hub.Close)
	s.source = hub.NewSource(s.hub.URL+"/hub", secret, fakewechat.DefaultAppID, wechat.KeyAccessToken)
	s.client, err = wechat.NewClient(wechat.Config{AppID: fakewechat.DefaultAppID},
		wechat.WithBaseURL(s.fake.URL()), wechat.WithStore(wechat.NewMemoryStore()), wechat.WithTokenSource(s.source))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestHubClientCallsWithHubToken(t *testing.T) {
	s := newSetup(t)
	ctx := context.Background()
	var wg sync.WaitGroup
	for range 100 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := s.client.Call(ctx, "POST", "/test/echo", nil, map[string]int{}, nil); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if n := s.fake.Count("POST /cgi-bin/stable_token"); n != 1 {
		t.Fatalf("token requests at WeChat = %d, want 1 (by the hub)", n)
	}
	if n := s.hubHits.Load(); n != 1 {
		t.Fatalf("requests to the hub = %d, want 1", n)
	}
}

func TestRejectedTokenRefreshedThroughHub(t *testing.T) {
	s := newSetup(t)
	ctx := context.Background()
	tok, err := s.client.AccessToken(ctx)
	if err != nil {
		t.Fatal(err)
	}
	s.fake.InvalidateToken(tok)
	if err := s.client.Call(ctx, "POST", "/test/echo", nil, map[string]int{}, nil); err != nil {
		t.Fatalf("call after invalidation: %v", err)
	}
	if n := s.fake.Count("POST /cgi-bin/stable_token"); n != 2 {
		t.Fatalf("token requests = %d, want 2", n)
	}
	if now, _ := s.client.AccessToken(ctx); now == tok {
		t.Fatal("hub client kept the rejected token")
	}
	// A stale invalidation (someone else's old token) changes nothing.
	if err := s.source.Invalidate(ctx, "not-the-current-token"); err != nil {
		t.Fatal(err)
	}
	if n := s.fake.Count("POST /cgi-bin/stable_token"); n != 2 {
		t.Fatalf("a stale invalidation refreshed the token: %d requests", n)
	}
}

func TestTicketsThroughHub(t *testing.T) {
	s := newSetup(t)
	src := hub.NewSource(s.hub.URL+"/hub", secret, fakewechat.DefaultAppID, wechat.KeyJSAPITicket)
	tk, err := src.Fetch(context.Background())
	if err != nil || tk.Value == "" || tk.ExpiresAt.IsZero() {
		t.Fatalf("ticket %+v, %v", tk, err)
	}
}

func TestHubRejections(t *testing.T) {
	s := newSetup(t)
	ctx := context.Background()
	for name, src := range map[string]*hub.Source{
		"wrong secret":       hub.NewSource(s.hub.URL+"/hub", "wrong-secret-0123456789", fakewechat.DefaultAppID, wechat.KeyAccessToken),
		"unknown app":        hub.NewSource(s.hub.URL+"/hub", secret, "wx-unknown", wechat.KeyAccessToken),
		"unknown credential": hub.NewSource(s.hub.URL+"/hub", secret, fakewechat.DefaultAppID, "nope"),
	} {
		_, err := src.Token(ctx)
		if err == nil {
			t.Errorf("%s: want error", name)
			continue
		}
		if strings.Contains(err.Error(), secret) || strings.Contains(err.Error(), "wrong-secret") {
			t.Errorf("%s: secret in error %v", name, err)
		}
	}
	resp, err := http.Post(s.hub.URL+"/hub/token/"+fakewechat.DefaultAppID+"/access_token/invalidate", "application/json", strings.NewReader("{}"))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusUnauthorized {
		t.Fatalf("unauthenticated invalidate: HTTP %d", resp.StatusCode)
	}
	req, _ := http.NewRequest("POST", s.hub.URL+"/hub/token/"+fakewechat.DefaultAppID+"/access_token/invalidate", strings.NewReader("not json"))
	req.Header.Set("Authorization", "Bearer "+secret)
	resp, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusBadRequest {
		t.Fatalf("malformed invalidate: HTTP %d", resp.StatusCode)
	}
	if _, err := hub.NewServer("short"); err == nil {
		t.Fatal("short secret accepted")
	}
}

func TestHubReportsUpstreamFailure(t *testing.T) {
	s := newSetup(t)
	s.fake.Inject(fakewechat.Fault{Path: "POST /cgi-bin/stable_token", Errcode: 40164})
	_, err := s.client.AccessToken(context.Background())
	if err == nil || !strings.Contains(err.Error(), "502") || !strings.Contains(err.Error(), "40164") {
		t.Fatalf("err = %v", err)
	}
}
