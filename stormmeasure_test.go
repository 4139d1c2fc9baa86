package wechat_test

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/hub"
	"github.com/weixin-go/wechat/redisstore"
)

// TestMeasureTokenStorms prints how many upstream token requests the SDK
// makes under injected faults, with default token options. It measures and
// asserts nothing; run it with WECHAT_MEASURE_STORMS=SECONDS:
//
//	WECHAT_MEASURE_STORMS=10 go test -run TestMeasureTokenStorms -v .
func TestMeasureTokenStorms(t *testing.T) {
	secs, _ := strconv.Atoi(os.Getenv("WECHAT_MEASURE_STORMS"))
	if secs <= 0 {
		t.Skip("set WECHAT_MEASURE_STORMS=SECONDS to measure")
	}
	d := time.Duration(secs) * time.Second
	const workers = 200
	hammer := func(c *wechat.Client) {
		ctx, cancel := context.WithTimeout(context.Background(), d)
		defer cancel()
		var wg sync.WaitGroup
		for range workers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for ctx.Err() == nil {
					c.Call(ctx, "POST", "/test/echo", nil, map[string]int{}, nil)
				}
			}()
		}
		wg.Wait()
	}
	faults := []struct {
		name string
		f    fakewechat.Fault
	}{
		{"errcode 45009", fakewechat.Fault{Path: stablePath, Errcode: 45009}},
		{"HTTP 500", fakewechat.Fault{Path: stablePath, Status: 500}},
		{"dropped connection", fakewechat.Fault{Path: stablePath, Drop: true}},
		{"errcode -1", fakewechat.Fault{Path: stablePath, Errcode: -1}},
	}
	for _, fc := range faults {
		srv := newFake(t)
		srv.Inject(fc.f)
		c := newClient(t, srv, wechat.WithRetry(wechat.RetryPolicy{}))
		hammer(c)
		t.Logf("item 1: %s, %d goroutines, %v: %d upstream stable_token requests", fc.name, workers, d, srv.Count(stablePath))
	}

	// Item 1 through the hub: hub clients hammer while the token endpoint fails.
	{
		srv := newFake(t)
		srv.Inject(fakewechat.Fault{Path: stablePath, Status: 500})
		owner := newClient(t, srv, wechat.WithRetry(wechat.RetryPolicy{}))
		h, _ := hub.NewServer("a-long-shared-hub-secret")
		h.RegisterClient(owner)
		hs := httptest.NewServer(h)
		defer hs.Close()
		src := hub.NewSource(hs.URL, "a-long-shared-hub-secret", fakewechat.DefaultAppID, wechat.KeyAccessToken)
		hc := newClient(t, srv, wechat.WithTokenSource(src))
		hammer(hc)
		t.Logf("item 1: through the hub (HTTP 500), %d goroutines, %v: %d upstream stable_token requests", workers, d, srv.Count(stablePath))
	}

	// Item 2: an API that keeps answering 40001.
	{
		srv := newFake(t)
		srv.Inject(fakewechat.Fault{Path: echoPath, Errcode: 40001})
		var forced atomic.Int64
		count := func(next wechat.RoundTripFunc) wechat.RoundTripFunc {
			return func(r *http.Request) (*http.Response, error) {
				if r.URL.Path == "/cgi-bin/stable_token" && r.GetBody != nil {
					if b, err := r.GetBody(); err == nil {
						data, _ := io.ReadAll(b)
						if bytes.Contains(data, []byte(`"force_refresh":true`)) {
							forced.Add(1)
						}
					}
				}
				return next(r)
			}
		}
		c := newClient(t, srv, wechat.WithMiddleware(count))
		hammer(c)
		t.Logf("item 2: API answering 40001, %d goroutines, %v: %d stable_token requests, %d forced", workers, d, srv.Count(stablePath), forced.Load())

		h, _ := hub.NewServer("a-long-shared-hub-secret")
		owner := newClient(t, srv)
		h.RegisterClient(owner)
		tok, _ := owner.AccessToken(context.Background())
		before := srv.Count(stablePath)
		for range 40 {
			cur, _ := owner.AccessToken(context.Background())
			_ = tok
			req := httptest.NewRequest("POST", "/token/"+fakewechat.DefaultAppID+"/access_token/invalidate", bytes.NewReader([]byte(`{"value":"`+cur+`"}`)))
			req.Header.Set("Authorization", "Bearer a-long-shared-hub-secret")
			h.ServeHTTP(httptest.NewRecorder(), req)
		}
		t.Logf("item 2: 40 hub invalidations naming the current token: %d upstream stable_token requests", srv.Count(stablePath)-before)
	}

	// Item 7: a Redis that accepts connections and never answers.
	{
		st, err := redisstore.NewFromURL("redis://"+hungListener(t)+"/0", redisstore.WithCheckTimeout(0)) // hangs after the start
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		srv := newFake(t)
		c := newClient(t, srv, wechat.WithStore(st))
		start := time.Now()
		_, err = c.AccessToken(context.Background())
		t.Logf("item 7: hung Redis: first AccessToken took %v (err %v)", time.Since(start).Round(10*time.Millisecond), err)
	}
}
