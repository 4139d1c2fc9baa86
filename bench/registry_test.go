package bench

import (
	"runtime"
	"strconv"
	"testing"

	silence "github.com/silenceper/wechat/v2"
	scache "github.com/silenceper/wechat/v2/cache"
	"github.com/silenceper/wechat/v2/officialaccount"
	soaconfig "github.com/silenceper/wechat/v2/officialaccount/config"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/oa"
)

// BenchmarkRegistryMemory reports the heap one official-account client
// costs when a process holds many apps (1,000 and 100,000), never used
// yet, all sharing one in-memory token store: ours in a wechat.Registry,
// silenceper's OfficialAccount values in a map keyed by appid. Both sides run
// in the same invocation, alternating which goes first per size. Run with
// -benchtime 1x; the metric is bytes/client.
func BenchmarkRegistryMemory(b *testing.B) {
	sides := []struct {
		name  string
		build func(n int) any
	}{
		{"sdk=ours", func(n int) any {
			store := wechat.NewMemoryStore()
			reg := new(wechat.Registry[*oa.Client])
			for i := range n {
				c, err := oa.New(wechat.Config{AppID: "wx" + strconv.Itoa(1e15+i), AppSecret: "secret"}, wechat.WithStore(store))
				if err != nil {
					b.Fatal(err)
				}
				reg.Add(c)
			}
			return reg
		}},
		{"sdk=silenceper", func(n int) any {
			wc, cache := silence.NewWechat(), scache.NewMemory()
			accounts := make(map[string]*officialaccount.OfficialAccount, n)
			for i := range n {
				appID := "wx" + strconv.Itoa(1e15+i)
				accounts[appID] = wc.GetOfficialAccount(&soaconfig.Config{AppID: appID, AppSecret: "secret", Cache: cache})
			}
			return accounts
		}},
	}
	for k, n := range []int{1000, 100000} {
		for j := range sides {
			side := sides[(j+k)%len(sides)]
			b.Run("apps="+strconv.Itoa(n)+"/"+side.name, func(b *testing.B) {
				for range b.N {
					var before, after runtime.MemStats
					runtime.GC()
					runtime.ReadMemStats(&before)
					held := side.build(n)
					runtime.GC()
					runtime.ReadMemStats(&after)
					b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/float64(n), "bytes/client")
					runtime.KeepAlive(held)
				}
			})
		}
	}
}
