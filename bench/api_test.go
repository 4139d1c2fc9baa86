package bench

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"sync/atomic"
	"testing"
	"time"

	redisv8 "github.com/go-redis/redis/v8"
	"github.com/redis/go-redis/v9"
	silence "github.com/silenceper/wechat/v2"
	scache "github.com/silenceper/wechat/v2/cache"
	"github.com/silenceper/wechat/v2/credential"
	soaconfig "github.com/silenceper/wechat/v2/officialaccount/config"
	sutil "github.com/silenceper/wechat/v2/util"
	"github.com/sirupsen/logrus"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/oa"
	"github.com/weixin-go/wechat/redisstore"
)

// benchRedisDB is the Redis database the benchmarks use, so that their keys
// never mix with the tests' (database 0); every key they write is deleted
// when they end.
const benchRedisDB = 9

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

// setSilenceperLogging sets the level of logrus, silenceper's logger, for
// one sub-benchmark and restores it after. Its output is discarded either
// way; what the level changes is how much silenceper formats.
func setSilenceperLogging(b *testing.B, level logrus.Level) {
	prev, prevOut := logrus.GetLevel(), logrus.StandardLogger().Out
	logrus.SetLevel(level)
	logrus.SetOutput(discard{})
	b.Cleanup(func() { logrus.SetLevel(prev); logrus.SetOutput(prevOut) })
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }

// cmdCounter counts the Redis commands a client sends (a pipeline counts
// each of its commands), for both go-redis v9 (ours) and v8 (silenceper).
type cmdCounter struct{ n atomic.Int64 }

// v9 hooks.
func (c *cmdCounter) DialHook(next redis.DialHook) redis.DialHook { return next }
func (c *cmdCounter) ProcessHook(next redis.ProcessHook) redis.ProcessHook {
	return func(ctx context.Context, cmd redis.Cmder) error { c.n.Add(1); return next(ctx, cmd) }
}
func (c *cmdCounter) ProcessPipelineHook(next redis.ProcessPipelineHook) redis.ProcessPipelineHook {
	return func(ctx context.Context, cmds []redis.Cmder) error {
		c.n.Add(int64(len(cmds)))
		return next(ctx, cmds)
	}
}

// v8 hooks.
type cmdCounterV8 struct{ *cmdCounter }

func (c cmdCounterV8) BeforeProcess(ctx context.Context, _ redisv8.Cmder) (context.Context, error) {
	c.n.Add(1)
	return ctx, nil
}
func (c cmdCounterV8) AfterProcess(context.Context, redisv8.Cmder) error { return nil }
func (c cmdCounterV8) BeforeProcessPipeline(ctx context.Context, cmds []redisv8.Cmder) (context.Context, error) {
	c.n.Add(int64(len(cmds)))
	return ctx, nil
}
func (c cmdCounterV8) AfterProcessPipeline(context.Context, []redisv8.Cmder) error { return nil }

// apiSide is one SDK set up for BenchmarkAPICall: call makes one API call,
// redisCmds (nil without Redis) counts the Redis commands it sent.
type apiSide struct {
	call      func() error
	redisCmds *cmdCounter
}

// apiRounds alternates which SDK runs first in BenchmarkAPICall, so that
// with -count N neither always runs on a warmer (or hotter) machine.
var apiRounds atomic.Int64

// BenchmarkAPICall measures one API call (GET /cgi-bin/menu/get) with a
// cached access token against the in-process fake server, both SDKs through
// the same transport, first with an in-memory token store on both sides,
// then with the same Redis (database 9) on both sides. With Redis it
// reports redis-cmds/op, the Redis commands one call sends. silenceper's
// logger is at Warn in the headline rows and at its default level (Info) in
// the log=default row. Which SDK's row runs first flips at
// every invocation. The store=X/interleaved rows run both SDKs in the same
// loop, call after call, and report each one's time per call and the ratio:
// those are the comparison (go test -count repeats each row in a block, it
// does not interleave them).
func BenchmarkAPICall(b *testing.B) {
	ctx := context.Background()
	_, hc := startFake(b)
	sutil.DefaultHTTPClient = hc
	cfg := wechat.Config{AppID: fakewechat.DefaultAppID, AppSecret: fakewechat.DefaultSecret}
	// The menu both SDKs read, created once whichever runs first.
	menu := &oa.Menu{Button: []oa.Button{{Type: "click", Name: "今日歌曲", Key: "V1001_TODAY_MUSIC"}, {Type: "view", Name: "搜索", URL: "http://www.soso.com/"}}}
	if setup, err := oa.New(cfg, wechat.WithStore(wechat.NewMemoryStore()), wechat.WithHTTPClient(hc)); err != nil {
		b.Fatal(err)
	} else if err := setup.Menu.Create(ctx, menu); err != nil {
		b.Fatal(err)
	}

	ours := func(b *testing.B, redisOn bool) apiSide {
		store := wechat.Store(wechat.NewMemoryStore())
		var counter *cmdCounter
		if redisOn {
			counter = &cmdCounter{}
			rdb := redis.NewClient(&redis.Options{Addr: redisAddr(), DB: benchRedisDB})
			rdb.AddHook(counter)
			prefix := fmt.Sprintf("bench:%d:", time.Now().UnixNano())
			b.Cleanup(func() { deleteKeys(rdb, prefix+"*"); rdb.Close() })
			store = redisstore.New(rdb, redisstore.WithPrefix(prefix))
		}
		c, err := oa.New(cfg, wechat.WithStore(store), wechat.WithHTTPClient(hc))
		if err != nil {
			b.Fatal(err)
		}
		return apiSide{call: func() error { _, err := c.Menu.Get(ctx); return err }, redisCmds: counter}
	}
	peer := func(b *testing.B, redisOn bool) apiSide {
		var cache scache.Cache = scache.NewMemory()
		var counter *cmdCounter
		if redisOn {
			counter = &cmdCounter{}
			rc := scache.NewRedis(ctx, &scache.RedisOpts{Host: redisAddr(), Database: benchRedisDB, MaxIdle: 4})
			conn := redisv8.NewClient(&redisv8.Options{Addr: redisAddr(), DB: benchRedisDB})
			conn.AddHook(cmdCounterV8{counter})
			rc.SetConn(conn)
			// silenceper's token key has no per-run prefix: drop it
			// before (an earlier fake server's token) and after.
			key := credential.CacheKeyOfficialAccountPrefix + "_access_token_" + fakewechat.DefaultAppID
			rc.Delete(key)
			b.Cleanup(func() { rc.Delete(key); conn.Close() })
			cache = rc
		}
		m := silence.NewWechat().GetOfficialAccount(&soaconfig.Config{AppID: cfg.AppID, AppSecret: cfg.AppSecret, Cache: cache}).GetMenu()
		return apiSide{call: func() error { _, err := m.GetMenu(); return err }, redisCmds: counter}
	}
	run := func(b *testing.B, side apiSide) {
		if err := side.call(); err != nil { // token fetched, connection open
			b.Fatal(err)
		}
		b.ReportAllocs()
		var before int64
		if side.redisCmds != nil {
			before = side.redisCmds.n.Load()
		}
		b.ResetTimer()
		for range b.N {
			if err := side.call(); err != nil {
				b.Fatal(err)
			}
		}
		b.StopTimer()
		if side.redisCmds != nil {
			b.ReportMetric(float64(side.redisCmds.n.Load()-before)/float64(b.N), "redis-cmds/op")
		}
	}

	type row struct {
		name  string
		setup func(*testing.B, bool) apiSide
		level logrus.Level
	}
	rows := []row{{"sdk=weixin-go", ours, logrus.WarnLevel}, {"sdk=silenceper", peer, logrus.WarnLevel}}
	if apiRounds.Add(1)%2 == 0 {
		rows[0], rows[1] = rows[1], rows[0]
	}
	rows = append(rows, row{"sdk=silenceper,log=default", peer, logrus.InfoLevel})
	redisOK := redisAvailable()
	for _, store := range []string{"memory", "redis"} {
		skip := func(b *testing.B) {
			if store == "redis" && !redisOK {
				b.Skip("redis unavailable at " + redisAddr())
			}
		}
		for _, r := range rows {
			b.Run("store="+store+"/"+r.name, func(b *testing.B) {
				skip(b)
				setSilenceperLogging(b, r.level)
				run(b, r.setup(b, store == "redis"))
			})
		}
		// Both SDKs in one loop, call after call (the first of each pair
		// alternating), so that both see the same machine at the same
		// moment: the per-call times of this row are the comparison.
		b.Run("store="+store+"/interleaved", func(b *testing.B) {
			skip(b)
			setSilenceperLogging(b, logrus.WarnLevel)
			sides := [2]apiSide{ours(b, store == "redis"), peer(b, store == "redis")}
			var spent [2]time.Duration
			for _, s := range sides {
				if err := s.call(); err != nil {
					b.Fatal(err)
				}
			}
			b.ResetTimer()
			for i := range b.N {
				for k := range 2 {
					j := (i + k) % 2
					start := time.Now()
					if err := sides[j].call(); err != nil {
						b.Fatal(err)
					}
					spent[j] += time.Since(start)
				}
			}
			b.StopTimer()
			b.ReportMetric(float64(spent[0].Nanoseconds())/float64(b.N), "weixin-go-ns/call")
			b.ReportMetric(float64(spent[1].Nanoseconds())/float64(b.N), "silenceper-ns/call")
			b.ReportMetric(float64(spent[0])/float64(spent[1]), "ratio")
		})
	}
}

func redisAvailable() bool {
	rdb := redis.NewClient(&redis.Options{Addr: redisAddr(), DB: benchRedisDB, DialTimeout: time.Second})
	defer rdb.Close()
	return rdb.Ping(context.Background()).Err() == nil
}

// deleteKeys deletes the keys matching pattern in the client's database.
func deleteKeys(rdb *redis.Client, pattern string) {
	ctx := context.Background()
	iter := rdb.Scan(ctx, 0, pattern, 100).Iterator()
	for iter.Next(ctx) {
		rdb.Del(ctx, iter.Val())
	}
}
