package bench

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"strings"
	"testing"

	silence "github.com/silenceper/wechat/v2"
	scache "github.com/silenceper/wechat/v2/cache"
	soaconfig "github.com/silenceper/wechat/v2/officialaccount/config"
	sutil "github.com/silenceper/wechat/v2/util"

	wechat "github.com/weixin-go/wechat"
	"github.com/weixin-go/wechat/oa"
)

// canned answers every request in process, without a socket: token
// requests get a token, /cgi-bin/menu/get gets menu. The body reader is
// the only allocation of the transport besides the response itself.
type canned struct{ menu []byte }

var cannedToken = []byte(`{"access_token":"ACCESS_TOKEN_BENCH","expires_in":7200}`)

func (c canned) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.Body != nil {
		io.Copy(io.Discard, req.Body)
		req.Body.Close()
	}
	body := c.menu
	if strings.HasSuffix(req.URL.Path, "token") {
		body = cannedToken
	}
	return &http.Response{
		StatusCode:    http.StatusOK,
		Header:        http.Header{"Content-Type": {"application/json; encoding=utf-8"}},
		Body:          io.NopCloser(bytes.NewReader(body)),
		ContentLength: int64(len(body)),
		Request:       req,
	}, nil
}

// menu/get answers: the menu bench/api_test.go creates, as the fake server
// (and WeChat) returns it, without and with the errcode/errmsg envelope
// some WeChat answers carry on success; and the documentation's example.
var (
	menuAnswer    = []byte(`{"menu":{"button":[{"type":"click","name":"今日歌曲","key":"V1001_TODAY_MUSIC","sub_button":[]},{"type":"view","name":"搜索","url":"http://www.soso.com/","sub_button":[]}]}}`)
	menuAnswerOK  = []byte(`{"errcode":0,"errmsg":"ok","menu":{"button":[{"type":"click","name":"今日歌曲","key":"V1001_TODAY_MUSIC","sub_button":[]},{"type":"view","name":"搜索","url":"http://www.soso.com/","sub_button":[]}]}}`)
	menuAnswerDoc = []byte(`{"menu":{"button":[{"type":"click","name":"今日歌曲","key":"V1001_TODAY_MUSIC","sub_button":[]},{"type":"click","name":"歌手简介","key":"V1001_TODAY_SINGER","sub_button":[]},{"name":"菜单","sub_button":[{"type":"view","name":"搜索","url":"http://www.soso.com/","sub_button":[]},{"type":"click","name":"赞一下我们","key":"V1001_GOOD","sub_button":[]}]}]}}`)
)

// BenchmarkAPICallNoNetwork measures the request path of both SDKs alone:
// one GET /cgi-bin/menu/get with a cached access token held in memory,
// answered by an in-process http.RoundTripper. The sub-benchmarks of each
// answer run one after the other, so -count N interleaves the two SDKs.
// cpu-ns/op (thread CPU time, Linux) is the figure to compare on a busy
// machine: ns/op there includes the time spent waiting for a CPU.
func BenchmarkAPICallNoNetwork(b *testing.B) {
	for _, tc := range []struct {
		name   string
		answer []byte
	}{{"plain", menuAnswer}, {"errcode0", menuAnswerOK}, {"docmenu", menuAnswerDoc}} {
		hc := &http.Client{Transport: canned{menu: tc.answer}}
		ctx := context.Background()
		b.Run(tc.name+"/ours", func(b *testing.B) {
			c, err := oa.New(wechat.Config{AppID: "wxbench0000000001", AppSecret: "secret"},
				wechat.WithMemoryStore(), wechat.WithHTTPClient(hc))
			if err != nil {
				b.Fatal(err)
			}
			if _, err := c.Menu.Get(ctx); err != nil {
				b.Fatal(err)
			}
			measure(b, func() {
				for range b.N {
					if _, err := c.Menu.Get(ctx); err != nil {
						b.Fatal(err)
					}
				}
			})
		})
		b.Run(tc.name+"/silenceper", func(b *testing.B) {
			sutil.DefaultHTTPClient = hc
			off := silence.NewWechat().GetOfficialAccount(&soaconfig.Config{
				AppID: "wxbench0000000001", AppSecret: "secret", Cache: scache.NewMemory(),
			})
			m := off.GetMenu()
			if _, err := m.GetMenu(); err != nil {
				b.Fatal(err)
			}
			measure(b, func() {
				for range b.N {
					if _, err := m.GetMenu(); err != nil {
						b.Fatal(err)
					}
				}
			})
		})
	}
}
