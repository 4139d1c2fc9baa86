package bench

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"testing"
	"time"

	silence "github.com/silenceper/wechat/v2"
	scache "github.com/silenceper/wechat/v2/cache"
	"github.com/silenceper/wechat/v2/credential"
	soaconfig "github.com/silenceper/wechat/v2/officialaccount/config"
	sutil "github.com/silenceper/wechat/v2/util"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/oa"
	"github.com/weixin-go/wechat/redisstore"
)

// rewrite sends every request, whatever its host, to the fake server, so
// that both SDKs run unmodified against the same loopback server through
// the same transport.
type rewrite struct {
	target *url.URL
	rt     http.RoundTripper
}

func (r rewrite) RoundTrip(req *http.Request) (*http.Response, error) {
	out := req.Clone(req.Context())
	out.URL.Scheme, out.URL.Host, out.Host = r.target.Scheme, r.target.Host, ""
	return r.rt.RoundTrip(out)
}

func redisAddr() string {
	if a := os.Getenv("WECHAT_REDIS_ADDR"); a != "" {
		return a
	}
	return "127.0.0.1:6379"
}

func startFake(b *testing.B) (*fakewechat.Server, *http.Client) {
	b.Helper()
	srv := fakewechat.New()
	if _, err := srv.Start(); err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { srv.Close() })
	u, _ := url.Parse(srv.URL())
	tr := &http.Transport{MaxIdleConnsPerHost: 64}
	b.Cleanup(tr.CloseIdleConnections)
	return srv, &http.Client{Transport: rewrite{target: u, rt: tr}}
}

// BenchmarkAPICall measures one API call (GET /cgi-bin/menu/get) with a
// cached access token against the fake server, both SDKs keeping tokens in
// the same Redis.
func BenchmarkAPICall(b *testing.B) {
	ctx := context.Background()
	srv, hc := startFake(b)
	// A fresh key prefix: tokens left in Redis by an earlier run belong to
	// an earlier fake server.
	store, err := redisstore.NewFromURL("redis://"+redisAddr()+"/0", redisstore.WithPrefix(fmt.Sprintf("bench:%d:", time.Now().UnixNano())))
	if err != nil {
		b.Skip("redis:", err)
	}
	if _, err := store.Get(ctx, "bench:ping"); err != nil && err != wechat.ErrNotFound {
		b.Skip("redis unavailable:", err)
	}
	ours, err := oa.New(wechat.Config{AppID: fakewechat.DefaultAppID, AppSecret: fakewechat.DefaultSecret},
		wechat.WithStore(store), wechat.WithHTTPClient(hc))
	if err != nil {
		b.Fatal(err)
	}
	menu := &oa.Menu{Button: []oa.Button{{Type: "click", Name: "今日歌曲", Key: "V1001_TODAY_MUSIC"}, {Type: "view", Name: "搜索", URL: "http://www.soso.com/"}}}
	if err := ours.Menu.Create(ctx, menu); err != nil {
		b.Fatal(err)
	}
	_ = srv

	b.Run("ours", func(b *testing.B) {
		if _, err := ours.Menu.Get(ctx); err != nil {
			b.Fatal(err)
		}
		b.ReportAllocs()
		b.ResetTimer()
		for range b.N {
			if _, err := ours.Menu.Get(ctx); err != nil {
				b.Fatal(err)
			}
		}
	})

	b.Run("silenceper", func(b *testing.B) {
		sutil.DefaultHTTPClient = hc
		cache := scache.NewRedis(ctx, &scache.RedisOpts{Host: redisAddr(), MaxIdle: 4})
		// silenceper's token key has no per-run prefix: drop the one an
		// earlier run left.
		cache.Delete(credential.CacheKeyOfficialAccountPrefix + "_access_token_" + fakewechat.DefaultAppID)
		off := silence.NewWechat().GetOfficialAccount(&soaconfig.Config{
			AppID: fakewechat.DefaultAppID, AppSecret: fakewechat.DefaultSecret, Cache: cache,
		})
		m := off.GetMenu()
		if _, err := m.GetMenu(); err != nil {
			b.Fatal(err)
		}
		b.ReportAllocs()
		b.ResetTimer()
		for range b.N {
			if _, err := m.GetMenu(); err != nil {
				b.Fatal(err)
			}
		}
	})
}
