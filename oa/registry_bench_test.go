package oa_test

import (
	"runtime"
	"strconv"
	"testing"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/oa"
)

// BenchmarkRegistryMemory reports the heap an official-account client
// costs once registered, clients made with a shared store and never used
// (tickets are built on first use). Run with -benchtime 1x.
func BenchmarkRegistryMemory(b *testing.B) {
	for _, n := range []int{1000, 100000} {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			store := wechat.NewMemoryStore()
			for range b.N {
				var before, after runtime.MemStats
				runtime.GC()
				runtime.ReadMemStats(&before)
				var reg wechat.Registry[*oa.Client]
				for i := range n {
					c, err := oa.New(wechat.Config{AppID: "wx" + strconv.Itoa(1e15+i), AppSecret: "secret"}, wechat.WithStore(store))
					if err != nil {
						b.Fatal(err)
					}
					reg.Add(c)
				}
				runtime.GC()
				runtime.ReadMemStats(&after)
				b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/float64(n), "bytes/client")
				runtime.KeepAlive(&reg)
			}
		})
	}
}
